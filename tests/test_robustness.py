"""Failures are clear and lose nothing: a full disk during the build, a damaged database given to the server."""

import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from build import cli, load

from .conftest import ROOT, SOURCES, free_port

# Pages the database may grow to before SQLite reports the disk full (SQLITE_FULL), as a full disk would.
FULL_AFTER_PAGES = 40


@pytest.fixture
def full_disk(monkeypatch):
    """Every new database can hold only a few pages, like a disk that fills up during the build."""
    real = load.create_schema

    def limited(db):
        db.conn.execute(f"PRAGMA max_page_count = {FULL_AFTER_PAGES}")
        real(db)

    monkeypatch.setattr(load, "create_schema", limited)


@pytest.fixture
def earlier(tmp_path):
    db = tmp_path / "xinjiang.db"
    db.write_bytes(b"earlier database")
    return db


def test_a_full_disk_stops_the_build_with_a_clear_message(full_disk, earlier, capsys):
    assert cli.main(["db", "--sources", str(SOURCES), "--db", str(earlier), "--jobs", "1", "--no-model"]) == 1
    message = capsys.readouterr().err
    assert "database or disk is full" in message and "was not changed" in message


def test_a_full_disk_leaves_the_earlier_database_untouched(full_disk, earlier):
    cli.main(["db", "--sources", str(SOURCES), "--db", str(earlier), "--jobs", "1", "--no-model"])
    assert earlier.read_bytes() == b"earlier database"
    assert [p.name for p in earlier.parent.glob(".xinjiang.db*")] == []


@pytest.fixture
def truncated(seed_db, tmp_path) -> Path:
    copy = tmp_path / "truncated.db"
    data = Path(seed_db).read_bytes()
    copy.write_bytes(data[: len(data) // 2])
    return copy


def check(path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build", "check", str(path)], cwd=ROOT, capture_output=True, text=True)


def test_check_accepts_a_sound_database(seed_db):
    assert check(seed_db).returncode == 0


def test_check_refuses_a_truncated_database(truncated):
    result = check(truncated)
    assert result.returncode == 1
    assert str(truncated) in result.stderr and "Rebuild it" in result.stderr


def test_check_refuses_a_file_that_is_not_sqlite(earlier):
    result = check(earlier)
    assert result.returncode == 1 and "not a readable SQLite database" in result.stderr


def test_check_refuses_a_sqlite_database_of_another_project(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)").connection.close()
    assert "missing tables" in check(other).stderr


def test_serve_refuses_a_truncated_database_instead_of_serving_it(truncated, tmp_path):
    result = subprocess.run(
        [
            "make",
            "-s",
            "serve",
            f"DB={truncated}",
            f"PORT={free_port()}",
            f"SERVE_DIR={tmp_path / 'serve'}",
            f"PYTHON={sys.executable}",
            f"VENV={Path(sys.executable).parent.parent}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Rebuild it" in result.stderr


def test_a_build_interrupted_by_bad_input_keeps_the_cache_usable(source_copy, tmp_path):
    db = tmp_path / "xinjiang.db"
    cli.build(source_copy, db, jobs=1, use_model=False)
    before = db.read_bytes()
    shutil.copy(source_copy / "articles.csv", tmp_path / "articles.csv")
    with (source_copy / "articles.csv").open("a", encoding="utf-8") as handle:
        handle.write("nope.txt,news18,,,2020-01-01,en,,\n")
    assert cli.main(["db", "--sources", str(source_copy), "--db", str(db), "--jobs", "1", "--no-model"]) == 1
    assert db.read_bytes() == before
    shutil.copy(tmp_path / "articles.csv", source_copy / "articles.csv")
    cli.build(source_copy, db, jobs=1, use_model=False)
    assert load.check(db) is None


def many_articles(folder, copies: int) -> None:
    """Each seed text listed `copies` times under new names: a build long enough to interrupt."""
    listing = folder / "articles.csv"
    header, *rows = listing.read_text(encoding="utf-8").splitlines(keepends=True)
    extra = []
    for i in range(copies):
        for row in rows:
            name = row.split(",", 1)[0]
            copy = f"copy{i}_{name}"
            (folder / "articles" / copy).write_bytes((folder / "articles" / name).read_bytes())
            extra.append(copy + row[len(name) :])
    listing.write_text(header + "".join(rows + extra), encoding="utf-8")


def test_a_terminated_build_leaves_the_earlier_database_and_no_temporary_file(source_copy, earlier):
    many_articles(source_copy, 20)
    process = subprocess.Popen(
        [sys.executable, "-m", "build", "db", "--sources", str(source_copy), "--db", str(earlier), "--jobs", "2"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
    )
    while not list(earlier.parent.glob(".xinjiang.db.*.tmp")) and process.poll() is None:
        time.sleep(0.01)
    process.terminate()
    assert process.wait(timeout=60) != 0
    assert earlier.read_bytes() == b"earlier database"
    assert list(earlier.parent.glob(".xinjiang.db.*")) == []
