"""What a contributor does to sources/, as the README says it: add an article, write a correction. The project's own
sources must take both and still build a sound database."""

import csv
import shutil

import pytest
import sqlite_utils

from build import cli, load

from .conftest import PROJECT_SOURCES, corrections_example

NEW_ARTICLE = """Officials in Urumqi said on Tuesday that 12,400 workers had been moved to factories in other provinces.

“The programme is voluntary,” said Wang Yi. Adrian Zenz said the figures showed a coercive system.
"""


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
    (project_copy / "articles" / "900_contributed.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    with (project_copy / "outlets.csv").open(encoding="utf-8", newline="") as handle:
        outlet = next(csv.DictReader(handle))["id"]
    with (project_copy / "articles.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            ["900_contributed.txt", outlet, "https://example.org/news/1", "", "2024-05-07", "en", "", ""]
        )
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
