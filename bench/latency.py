"""Page latency on loopback: the configured server (`make serve`) against Datasette's floor (/-/versions.json)
and against plain Datasette on the same data without indexes, then a load test of concurrent clients."""

import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import yaml

from build import load

ROOT = Path(__file__).resolve().parent.parent
METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))["databases"]["xinjiang"]
VENV = Path(sys.executable).parent.parent
FLOOR = "/-/versions.json"
SEARCHES = {"quotes": "genocide", "articles": "Urumqi", "figures": "households"}
REPEATS = 20
# The unindexed baseline takes up to seconds a page: fewer repeats keep the run short, and its median is enough.
BASELINE_REPEATS = 5
WARMUP = 2
CLIENTS = 16
STARTUP_SECONDS = 300


def rare_words(db: Path) -> dict[str, str]:
    """For each searched table, a token (in the synthetic corpus, a number) in only a few of its rows: there every
    seed word is in a large share of the rows, which makes word searches far less selective than on real coverage."""
    words = {}
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        for table in SEARCHES:
            conn.execute(f"create virtual table temp.[{table}_vocab] using fts5vocab(main, [{table}_fts], 'row')")
            words[table] = conn.execute(
                f"select term from temp.[{table}_vocab] where doc between 5 and 50 order by doc desc, term limit 1"
            ).fetchone()[0]
    return words


def pages(article_id: str, rare: dict[str, str]) -> dict[str, str]:
    """Name → path of the pages people use: every table in HTML and JSON with its configured facets, full-text
    search, canned queries and the article page."""
    found = {"floor": FLOOR}
    for table in METADATA["tables"]:
        found[f"table {table} html"] = f"/xinjiang/{table}"
        found[f"table {table} json"] = f"/xinjiang/{table}.json"
    for table, word in SEARCHES.items():
        found[f"search {table}"] = f"/xinjiang/{table}.json?_search={word}"
        found[f"search {table} (rare word)"] = f"/xinjiang/{table}.json?_search={rare[table]}"
    for name, query in METADATA["queries"].items():
        found[f"query {name}"] = f"/xinjiang/{name}.json" + ("?word=labour" if ":word" in query["sql"] else "")
    found["article row page"] = f"/xinjiang/articles/{article_id}"
    found["article page"] = f"/-/article/{article_id}"
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_page(client: httpx.Client, path: str, repeats: int) -> dict:
    """Median and p95 of `repeats` sequential requests, and whether a facet timed out."""
    for _ in range(WARMUP):
        response = client.get(path)
    if response.status_code != 200:
        return {"status": response.status_code}
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(path)
        timings.append(1000 * (time.perf_counter() - started))
    timed_out = response.json().get("facets_timed_out", []) if path.split("?")[0].endswith(".json") else []
    return {
        "status": response.status_code,
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "facets_timed_out": timed_out,
    }


def time_pages(base: str, paths: dict[str, str], repeats: int = REPEATS) -> dict:
    with httpx.Client(base_url=base, timeout=60) as client:
        return {name: time_page(client, path, repeats) for name, path in paths.items()}


def load_test(base: str, paths: list[str], seconds: int) -> dict:
    """CLIENTS threads requesting the pages in turn for `seconds`: errors (by page and status), throughput and
    latency percentiles."""
    deadline = time.monotonic() + seconds

    def client_loop(offset: int) -> tuple[list[float], Counter]:
        timings, errors = [], Counter()
        with httpx.Client(base_url=base, timeout=30) as client:
            i = offset
            while time.monotonic() < deadline:
                path = paths[i % len(paths)]
                started = time.perf_counter()
                try:
                    status = client.get(path).status_code
                except httpx.HTTPError as error:
                    status = type(error).__name__
                timings.append(1000 * (time.perf_counter() - started))
                if status != 200:
                    errors[f"{path} → {status}"] += 1
                i += 1
        return timings, errors

    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(client_loop, range(CLIENTS)))
    timings = [t for result in results for t in result[0]]
    errors = sum((result[1] for result in results), Counter())
    return {
        "clients": CLIENTS,
        "seconds": seconds,
        "requests": len(timings),
        "errors": sum(errors.values()),
        "errors_by_page": dict(errors.most_common()),
        "requests_per_s": round(len(timings) / seconds, 1),
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "p99_ms": round(percentile(timings, 0.99), 1),
    }


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(command: list[str], port: int) -> subprocess.Popen:
    """Start a server and wait until it answers on loopback."""
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}{FLOOR}", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.5)
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {' '.join(command)}")
    stop(process)
    raise RuntimeError(f"server did not start within {STARTUP_SECONDS} s")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def configured_server(db: Path, port: int, serve_dir: Path) -> subprocess.Popen:
    return start(
        [
            "make",
            "-s",
            "serve",
            f"DB={db}",
            f"PORT={port}",
            f"SERVE_DIR={serve_dir}",
            f"PYTHON={sys.executable}",
            f"VENV={VENV}",
        ],
        port,
    )


def unindexed_copy(db: Path, folder: Path) -> Path:
    """The same data without its column indexes or statistics (full-text tables kept, so search still runs)."""
    copy = folder / "xinjiang.db"
    shutil.copy(db, copy)
    with sqlite3.connect(copy) as conn:
        names = [
            row[0] for row in conn.execute("select name from sqlite_master where type = 'index' and sql is not null")
        ]
        for name in names:
            conn.execute(f"drop index [{name}]")
        conn.execute("drop table if exists sqlite_stat1")
        conn.execute("drop table if exists facet_counts")
    return copy


def plain_metadata(folder: Path) -> Path:
    """metadata.yml with every facet a plain column facet: plain Datasette has no stored counts to read, and no
    facet over a join table (the topic facets are left out)."""
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    for table in metadata["databases"]["xinjiang"]["tables"].values():
        if "facets" in table:
            facets = [f for f in table["facets"] if not (isinstance(f, dict) and "through" in f)]
            table["facets"] = [f["counted"] if isinstance(f, dict) and "counted" in f else f for f in facets]
    path = folder / "metadata.yml"
    path.write_text(yaml.safe_dump(metadata, allow_unicode=True), encoding="utf-8")
    return path


def plain_server(db: Path, port: int) -> subprocess.Popen:
    """Datasette as it comes: mutable file, no inspect data, facet suggestions on; the same metadata, with the
    same facets counted on every request."""
    return start(
        [
            str(VENV / "bin" / "datasette"),
            "serve",
            str(db),
            "--metadata",
            str(plain_metadata(db.parent)),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        port,
    )


def first_article(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("select id from articles order by id limit 1").fetchone()[0]


def bench_serve(db: Path, load_seconds: int) -> dict:
    paths = pages(first_article(db), rare_words(db))
    with tempfile.TemporaryDirectory(dir=db.parent) as folder:
        port = free_port()
        server = configured_server(db, port, Path(folder) / "serve")
        try:
            base = f"http://127.0.0.1:{port}"
            configured = time_pages(base, paths)
            served = [p for name, p in paths.items() if configured[name].get("status") == 200]
            under_load = load_test(base, served, load_seconds)
        finally:
            stop(server)
        port = free_port()
        server = plain_server(unindexed_copy(db, Path(folder)), port)
        try:
            plain = time_pages(f"http://127.0.0.1:{port}", paths, BASELINE_REPEATS)
        finally:
            stop(server)
    return {
        "db_mb": round(db.stat().st_size / 2**20),
        "model": load.read_build_info(db).get("model"),
        "configured": configured,
        "plain_unindexed": plain,
        "load": under_load,
    }
