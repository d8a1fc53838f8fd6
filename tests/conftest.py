import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import sqlite_utils
import yaml
from datasette.app import Datasette
from playwright.sync_api import sync_playwright

from build import actors, clean, cli, extract, segment, sources

ROOT = Path(__file__).resolve().parent.parent
# The tests' own corpus: a copy of the five seed articles and of the registries as they were when the extractors
# were tuned on them. Tests build from it, not from sources/, so adding an article there changes no test.
SOURCES = ROOT / "tests" / "fixtures" / "sources"
# What contributors edit: only tests of the project's own files (that they are valid and build) read it.
PROJECT_SOURCES = ROOT / "sources"
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"


def require_scorer() -> None:
    """Skip a test that needs ../shared/eval/score.py where it is absent, except in CI, where the line it holds must
    be checked: there a missing scorer fails the test."""
    if SCORER.exists():
        return
    message = f"{SCORER} is not beside the project: the extraction scores cannot be checked"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def score(gold: Path, db: Path) -> dict:
    """../shared/eval/score.py's figures for a database against a hand annotation (see require_scorer)."""
    require_scorer()
    result = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(db), "--json"], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def corrections_example(name: str) -> str:
    """The CSV example of corrections in a document of the project."""
    return re.search(r"```csv\n(.*?)```", (ROOT / name).read_text(encoding="utf-8"), re.DOTALL).group(1)


def load_plugin(name):
    """A module from plugins/, which Datasette loads by path rather than as a package."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "plugins" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def anyio_backend():
    return "asyncio"


@pytest.fixture(scope="session")
def registry():
    found = sources.load(SOURCES)
    return actors.Registry(found.actors, found.not_actors)


@pytest.fixture(scope="session")
def analyse(registry):
    """Run the extractors on a text of our own: returns (text, mentions, speech, figures)."""

    def run(raw: str, use_model: bool = False):
        text = clean.normalise(raw)
        found, speech, numbers = extract.read(text, segment.all_sentences(text), registry, use_model=use_model)
        return text, found, speech, numbers

    return run


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("seed") / "xinjiang.db"
    cli.build(SOURCES, path, jobs=2)
    return path


# An article of the tests' own, added to the seeds for the comparison pages: an independent outlet's figure of a
# measure a state outlet gives too, a quote on each topic, and a quoted label of each usage.
COMPARISONS = ROOT / "tests" / "fixtures" / "comparisons"


@pytest.fixture(scope="session")
def comparison_db(tmp_path_factory):
    """The seeds and the comparisons article, built into a database named as `make serve` names it."""
    folder = tmp_path_factory.mktemp("comparisons") / "sources"
    shutil.copytree(SOURCES, folder)
    for article in (COMPARISONS / "articles").iterdir():
        shutil.copy(article, folder / "articles" / article.name)
    rows = (COMPARISONS / "articles.csv").read_text(encoding="utf-8").split("\n", 1)[1]
    with (folder / "articles.csv").open("a", encoding="utf-8") as listing:
        listing.write(rows)
    path = folder.parent / "xinjiang.db"
    cli.build(folder, path, jobs=2)
    return path


@pytest.fixture
def source_copy(tmp_path):
    """A writable copy of sources/ for tests that break it."""
    copy = tmp_path / "sources"
    shutil.copytree(SOURCES, copy)
    return copy


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db, serve_dir):
    """`make serve` on loopback against `db`; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            "make",
            "-s",
            "serve",
            f"DB={db}",
            f"PORT={port}",
            f"SERVE_DIR={serve_dir}",
            f"PYTHON={sys.executable}",
            f"VENV={Path(sys.executable).parent.parent}",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/-/versions.json", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
        if process.poll() is not None:
            raise RuntimeError(process.stdout.read().decode())
    else:
        process.kill()
        raise RuntimeError("datasette did not start within 60 s")
    try:
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def server(seed_db, tmp_path_factory):
    """`make serve` on loopback against the seed database; yields its base URL."""
    with serving(seed_db, tmp_path_factory.mktemp("serve")) as base:
        yield base


def served_in_process(db, **settings) -> Datasette:
    """Datasette configured as `make serve` configures it (plus any other settings), in this process; `db` must be
    named xinjiang.db."""
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    return Datasette(
        [],
        immutables=[str(db)],
        metadata=metadata,
        plugins_dir=str(ROOT / "plugins"),
        template_dir=str(ROOT / "templates"),
        settings={"suggest_facets": False, **settings},
    )


@pytest.fixture(scope="session")
def comparison_server(comparison_db, tmp_path_factory):
    """`make serve` on loopback against the comparisons database; yields its base URL."""
    with serving(comparison_db, tmp_path_factory.mktemp("serve-comparisons")) as base:
        yield base


@pytest.fixture(scope="module")
def site(seed_db):
    """The seed database served in this process, as `make serve` serves it."""
    return served_in_process(seed_db)


@pytest.fixture(scope="module")
def seed(seed_db):
    """The seed database, to read what a page should show."""
    return sqlite_utils.Database(seed_db)


async def answer(site, path):
    """The response to a request for path, which must succeed."""
    response = await site.client.get(path)
    assert response.status_code == 200, (path, response.text[:300])
    return response


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, driven by Playwright: no browser is ever downloaded."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
