"""Command line: `python -m build db --sources sources --db xinjiang.db`."""

import argparse
import multiprocessing
import os
import sys
import time

from . import actors, extract, load, sources


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    db = commands.add_parser("db", help="build the SQLite database from a sources folder")
    db.add_argument("--sources", default="sources", help="folder laid out like sources/ (default: sources)")
    db.add_argument("--db", default="xinjiang.db", help="database to write (default: xinjiang.db)")
    db.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    db.add_argument("--no-model", action="store_true", help="skip the NER model (registry actors only)")
    args = parser.parse_args(argv)
    try:
        count, seconds = build(args.sources, args.db, jobs=args.jobs, use_model=not args.no_model)
    except sources.SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        print("The database was not changed.", file=sys.stderr)
        return 1
    print(f"built {args.db}: {count} articles in {seconds:.1f}s", file=sys.stderr)
    return 0


def build(sources_dir, db_path, jobs: int = 1, use_model: bool = True) -> tuple[int, float]:
    started = time.perf_counter()
    found = sources.load(sources_dir)
    registry = actors.Registry(found.actors, found.not_actors)
    ownership = {o.id: o.ownership for o in found.outlets}
    with load.atomic_database(db_path) as db:
        load.write_registries(db, found.outlets, found.actors)
        for rows in _extracted(found.articles, registry, jobs, use_model):
            load.write_article(db, rows, ownership)
    return len(found.articles), time.perf_counter() - started


_worker_registry: actors.Registry | None = None
_worker_model = True


def _init_worker(registry, use_model):
    global _worker_registry, _worker_model
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
