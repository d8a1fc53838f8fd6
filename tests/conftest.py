import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from build import actors, clean, cli, figures, quotes, sources

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
SHARED = ROOT.parent / "shared"


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
        found = actors.find_mentions(text, registry, use_model=use_model)
        known = {**registry.actors, **{a.id: a for a in found.discovered}}
        speech = quotes.extract(text, found.mentions, known)
        return text, found, speech, figures.extract(text, speech, found.mentions)

    return run


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("seed") / "xinjiang.db"
    cli.build(SOURCES, path, jobs=2)
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


@pytest.fixture(scope="session")
def server(seed_db, tmp_path_factory):
    """`make serve` on loopback against the seed database; yields its base URL."""
    port = free_port()
    serve_dir = tmp_path_factory.mktemp("serve")
    process = subprocess.Popen(
        ["make", "-s", "serve", f"DB={seed_db}", f"PORT={port}", f"SERVE_DIR={serve_dir}",
         f"PYTHON={sys.executable}", f"VENV={Path(sys.executable).parent.parent}"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
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
    yield base
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=10)
