"""The benchmark behind `make bench`: build synthetic corpora, rebuild after small changes, serve and time pages.

Each stage stores its figures in bench/corpus/results.json (so stages can run one at a time) and `report`
writes them to BENCHMARKS.md:

    python -m bench.run build --size 1000 --size 20000    # cold full builds: throughput, peak memory
    python -m bench.run build --size 1000 --texts eval    # the same on the realistic corpus (tests/eval texts)
    python -m bench.run rebuild --size 10000              # one article changed / added, against the cache
    python -m bench.run serve --size 20000                # page latency against the floor, then a load test
    python -m bench.run search                            # which full-text index finds the word typed
    python -m bench.run report
"""

import argparse
import datetime
import json
import os
import sqlite3
import sys
from pathlib import Path

from build import cache

from . import corpus, latency, measure

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "bench" / "corpus"
RESULTS = CORPORA / "results.json"
BENCHMARKS = ROOT / "BENCHMARKS.md"
PYTHON = sys.executable
QUIET = dict(os.environ, CI="true")


def label(size: int, texts: str = "seeds") -> str:
    """'20k' for the seeds corpus, '1k eval' for the realistic one."""
    name = f"{size // 1000}k" if size % 1000 == 0 else str(size)
    return name if texts == "seeds" else f"{name} {texts}"


def corpus_for(size: int, texts: str = "seeds") -> Path:
    """The synthetic sources folder of `size` articles, generated once."""
    folder = CORPORA / label(size, texts).replace(" ", "-")
    if not (folder / "articles.csv").exists() or len(list((folder / "articles").iterdir())) != size:
        corpus.generate(size, folder, texts=texts)
    return folder


def database_for(size: int, texts: str = "seeds") -> Path:
    return CORPORA / f"{label(size, texts).replace(' ', '-')}.db"


def build_command(sources: Path, db: Path, jobs: int, *extra: str) -> list[str]:
    return [PYTHON, "-m", "build", "db", "--sources", str(sources), "--db", str(db), "--jobs", str(jobs), *extra]


def remove_database(db: Path) -> None:
    """The database and its extraction cache, so the next build starts cold."""
    db.unlink(missing_ok=True)
    cache.path_beside(db).unlink(missing_ok=True)


def words_in(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("select sum(word_count) from articles").fetchone()[0]


def bench_build(size: int, jobs: int, model: bool, texts: str = "seeds") -> dict:
    """A cold full build: no database and no cache before it."""
    sources, db = corpus_for(size, texts), database_for(size, texts)
    remove_database(db)
    measured = measure.run(build_command(sources, db, jobs, *model_flag(model)), cwd=ROOT, env=QUIET)
    words = words_in(db)
    return {
        "texts": texts,
        "articles": size,
        "words": words,
        "jobs": jobs,
        "model": model,
        "seconds": round(measured["seconds"], 1),
        "articles_per_s": round(size / measured["seconds"], 1),
        "words_per_s": round(words / measured["seconds"]),
        "peak_rss_mb": round(measured["peak_rss_bytes"] / 2**20),
        "db_mb": round(db.stat().st_size / 2**20),
    }


def model_flag(model: bool) -> list[str]:
    return [] if model else ["--no-model"]


def bench_rebuild(size: int, jobs: int, model: bool) -> dict:
    """After a full build: rebuild with one article changed, with the change undone, and from the cache alone."""
    sources, db = corpus_for(size), database_for(size)

    def timed_build() -> dict:
        return measure.run(build_command(sources, db, jobs, *model_flag(model)), cwd=ROOT, env=QUIET)

    remove_database(db)
    first = timed_build()
    changed = sources / "articles" / f"{0:06d}.txt"
    original = changed.read_text(encoding="utf-8")
    try:
        changed.write_text(original + "\nThe ministry said 1,234 workers were moved in 2019.\n", encoding="utf-8")
        change = timed_build()
    finally:
        changed.write_text(original, encoding="utf-8")
    undo = timed_build()
    db.unlink()
    from_cache = timed_build()
    return {
        "articles": size,
        "model": model,
        "cold_full_s": round(first["seconds"], 1),
        "one_article_changed_s": round(change["seconds"], 2),
        "change_undone_s": round(undo["seconds"], 2),
        "full_from_cache_s": round(from_cache["seconds"], 1),
        "peak_rss_mb": round(max(change["peak_rss_bytes"], undo["peak_rss_bytes"]) / 2**20),
    }


def load_results() -> dict:
    return json.loads(RESULTS.read_text()) if RESULTS.exists() else {}


def save(stage: str, key: str, value) -> None:
    results = load_results()
    # Other work on the machine slows every figure down: record how busy it was when the stage ended.
    results.setdefault(stage, {})[key] = value | {"load_average_1m": round(os.getloadavg()[0], 1)}
    results["machine"] = measure.machine()
    results["date"] = datetime.date.today().isoformat()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("stage", choices=["build", "rebuild", "serve", "search", "report"])
    parser.add_argument("--size", type=int, action="append", help="corpus size in articles (repeatable)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-model", action="store_true", help="build without the NER model (registry only)")
    parser.add_argument("--seconds", type=int, default=30, help="duration of the load test")
    parser.add_argument("--texts", choices=sorted(corpus.TEXTS), default="seeds", help="what the corpus recombines")
    args = parser.parse_args(argv)
    model, suffix = not args.no_model, " (no model)" if args.no_model else ""
    if args.stage == "build":
        for size in args.size:
            save("build", label(size, args.texts) + suffix, bench_build(size, args.jobs, model, args.texts))
    elif args.stage == "rebuild":
        for size in args.size:
            save("rebuild", label(size) + suffix, bench_rebuild(size, args.jobs, model))
    elif args.stage == "serve":
        for size in args.size:
            save("serve", label(size), latency.bench_serve(database_for(size), args.seconds))
    elif args.stage == "search":
        from . import search_quality

        save("search", "quality", {"markdown": search_quality.measure()})
    else:
        from . import report

        BENCHMARKS.write_text(report.markdown(load_results()), encoding="utf-8")


if __name__ == "__main__":
    main()
