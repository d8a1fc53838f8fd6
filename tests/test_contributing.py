"""What a contributor does to sources/, as the README says it: add an article, write a correction. The project's own
sources must take both and still build a sound database."""

import csv
import shutil
import subprocess
import sys

import pytest
import sqlite_utils

from build import cli, load

from .conftest import PROJECT_SOURCES, ROOT, corrections_example

NEW_ARTICLE = """Officials in Urumqi said on Tuesday that 12,400 workers had been moved to factories in other provinces.

“The programme is voluntary,” said Wang Yi. Adrian Zenz said the figures showed a coercive system.
"""


def add_article(sources_dir) -> None:
    """A new article and its row, as the README's "Adding an article" says."""
    (sources_dir / "articles" / "900_contributed.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    with (sources_dir / "outlets.csv").open(encoding="utf-8", newline="") as handle:
        outlet = next(csv.DictReader(handle))["id"]
    with (sources_dir / "articles.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            ["900_contributed.txt", outlet, "https://example.org/news/1", "", "2024-05-07", "en", "", ""]
        )


@pytest.fixture
def project_copy(tmp_path):
    """A writable copy of sources/ as it is in this checkout, whatever articles it holds."""
    copy = tmp_path / "sources"
    shutil.copytree(PROJECT_SOURCES, copy)
    return copy


def spans_give_back_their_text(db: sqlite_utils.Database) -> bool:
    texts = {row["id"]: row["text"] for row in db["articles"].rows}
    return all(
        texts[row["article_id"]][row["start"] : row["end"]] == row[column]
        for table, column in (("quotes", "text"), ("figures", "text"), ("mentions", "text"), ("terms", "term"))
        for row in db[table].rows
    )


def test_adding_an_article_as_the_readme_says_builds_a_sound_database(project_copy, tmp_path):
    add_article(project_copy)
    path = tmp_path / "xinjiang.db"
    assert cli.main(["db", "--sources", str(project_copy), "--db", str(path), "--jobs", "1"]) == 0
    assert load.check(path) is None
    assert load.check_foreign_keys(path) == []
    db = sqlite_utils.Database(path)
    assert db["articles"].count == len(list((PROJECT_SOURCES / "articles").iterdir())) + 1
    assert db["figures"].count_where("article_id = '900_contributed' and value = 12400") == 1
    assert spans_give_back_their_text(db)


def test_the_readme_corrections_example_applies_to_the_sources(project_copy, tmp_path):
    example = corrections_example("README.md")
    (project_copy / "corrections.csv").write_text(example, encoding="utf-8")
    path = tmp_path / "xinjiang.db"
    cli.build(project_copy, path, jobs=1)
    db = sqlite_utils.Database(path)
    for row in csv.DictReader(example.splitlines()):
        if row["action"] == "reject":
            assert not db[row["table"]].count_where("id = ?", [row["id"]]), row
        else:
            corrected = db[row["table"]].get(row["id"])
            column = "speaker_id" if row["action"] == "speaker" else "claimant_id"
            assert (corrected[column], corrected["attribution"]) == (row["value"] or None, "review"), row
    assert len(example.splitlines()) > 1


# The tests that read the corpus they build from: before they had one of their own, a sixth article in sources/
# broke them.
CORPUS_TESTS = [
    "tests/test_build.py",
    "tests/test_bad_input.py",
    "tests/test_validation.py",
    "tests/test_incremental.py",
]
NOT_PROJECT_FILES = shutil.ignore_patterns(
    ".venv", ".git", "artifacts", "corpus", "*.db", ".cache", ".*_cache", ".serve"
)


@pytest.mark.slow
def test_the_tests_pass_in_a_checkout_with_an_article_added(tmp_path):
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT, checkout, ignore=NOT_PROJECT_FILES)
    add_article(checkout / "sources")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-m", "not slow", "-p", "no:cacheprovider", *CORPUS_TESTS],
        cwd=checkout,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]
