"""The curated CSV files are checked by their declared columns; every error names the file, the line and the column."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from build import sources, validate

from .conftest import PROJECT_SOURCES, ROOT

CSVCLEAN = Path(sys.executable).parent / "csvclean"


def set_cell(path: Path, line: int, column: str, value: str) -> None:
    """Rewrite one cell of a CSV file whose records are one line each (the seed registries are)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[line - 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def load_fails(folder: Path) -> sources.SourceError:
    with pytest.raises(sources.SourceError) as failure:
        sources.load(folder)
    return failure.value


@pytest.mark.parametrize("path", sorted(PROJECT_SOURCES.glob("*.csv")), ids=lambda p: p.name)
def test_csvclean_finds_nothing_wrong_in_the_sources(path):
    result = subprocess.run([str(CSVCLEAN), "--length-mismatch", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_every_csv_file_in_the_sources_has_declared_columns():
    assert {p.name for p in PROJECT_SOURCES.glob("*.csv")} <= set(sources.SCHEMAS)


@pytest.mark.parametrize(
    ("file", "line", "column", "value", "message"),
    [
        ("outlets.csv", 2, "ownership", "government", "'government' is not one of: nonprofit, party, private"),
        ("outlets.csv", 3, "url", "www.example.org", "not an http(s) URL: 'www.example.org'"),
        ("outlets.csv", 4, "id", "Global Times", "not an id of lower-case letters"),
        ("actors.csv", 2, "wikidata", "15031", "not a Wikidata id (Q and digits): '15031'"),
        ("actors.csv", 3, "type", "people", "'people' is not one of: government, organization, person"),
        ("actors.csv", 4, "name", "", "required value is empty"),
        ("articles.csv", 2, "published", "2022-02-30", "invalid date '2022-02-30': use YYYY-MM-DD, YYYY-MM or YYYY"),
        ("articles.csv", 3, "published", "2025-13", "invalid date '2025-13'"),
        ("articles.csv", 4, "retrieved_from", "ftp://example.org/a", "not an http(s) URL"),
        ("articles.csv", 5, "language", "English", "not an ISO 639-1 language code"),
        ("articles.csv", 6, "file", "../secret.txt", "not a plain file name inside articles/"),
        ("not_actors.csv", 2, "kind", "", "required value is empty"),
        ("actors.csv", 5, "affiliation", "government", "'government' is not one of: chinese party-state"),
        ("topics.csv", 2, "signals", "poverty||income", "words and phrases separated by '|'"),
        ("topics.csv", 3, "signals", "*labour", "a '*' only at the end of a word"),
        ("topics.csv", 4, "id", "Camps", "not an id of lower-case letters"),
        ("topics.csv", 5, "source", "", "required value is empty"),
    ],
)
def test_a_bad_cell_is_refused_with_file_line_and_column(source_copy, file, line, column, value, message):
    set_cell(source_copy / file, line, column, value)
    error = load_fails(source_copy)
    assert (Path(error.path).name, error.line, error.column) == (file, line, column)
    assert message in error.message


@pytest.mark.parametrize("date", ["2020", "2020-02", "2020-02-29"])
def test_a_year_a_month_or_a_day_is_a_valid_publication_date(source_copy, date):
    set_cell(source_copy / "articles.csv", 2, "published", date)
    assert sources.load(source_copy).articles[0].published == date


def test_a_value_agate_would_read_as_missing_is_kept(source_copy):
    set_cell(source_copy / "actors.csv", 2, "name", "NA")
    assert sources.load(source_copy).actors[0].name == "NA"


def test_a_duplicate_actor_id_names_both_lines(source_copy):
    set_cell(source_copy / "actors.csv", 3, "id", "xi-jinping")
    error = load_fails(source_copy)
    assert (error.line, error.column) == (3, "id")
    assert "duplicate row for id 'xi-jinping' (first on line 2)" in error.message


def test_a_duplicate_topic_id_names_both_lines(source_copy):
    set_cell(source_copy / "topics.csv", 3, "id", sources.load(source_copy).topics[0].id)
    error = load_fails(source_copy)
    assert (Path(error.path).name, error.line, error.column) == ("topics.csv", 3, "id")
    assert "(first on line 2)" in error.message


def test_without_a_topics_file_nothing_has_a_topic(source_copy):
    (source_copy / "topics.csv").unlink()
    assert sources.load(source_copy).topics == []


def test_two_article_files_with_the_same_id_are_refused(source_copy):
    first = next(row for _, row in validate.read(source_copy / "articles.csv", sources.SCHEMAS["articles.csv"]))
    twin = Path(first["file"]).stem + ".html"
    (source_copy / "articles" / twin).write_text("Some text.", encoding="utf-8")
    with (source_copy / "articles.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"{twin},{first['outlet']},,,,en,,\n")
    error = load_fails(source_copy)
    assert (error.line, error.column) == (7, "file")
    assert "same id" in error.message


def test_a_misspelt_column_is_named(source_copy):
    path = source_copy / "articles.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("retrieved_from", "retreived_from", 1), encoding="utf-8")
    error = load_fails(source_copy)
    assert error.line == 1
    assert "unknown column(s): retreived_from" in error.message


def test_an_unknown_column_is_named(source_copy):
    path = source_copy / "not_actors.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([header + ",reviewer", *(row + "," for row in rows)]) + "\n", encoding="utf-8")
    error = load_fails(source_copy)
    assert error.line == 1
    assert "unknown column(s): reviewer" in error.message


def test_blank_lines_are_skipped_and_line_numbers_stay_true(source_copy):
    path = source_copy / "outlets.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([header, "", *rows]) + "\n", encoding="utf-8")
    set_cell(path, 4, "ownership", "owned")
    assert load_fails(source_copy).line == 4


def test_the_build_runs_the_checks(source_copy, tmp_path):
    set_cell(source_copy / "outlets.csv", 2, "ownership", "government")
    command = [sys.executable, "-m", "build", "db", "--sources", str(source_copy), "--db", str(tmp_path / "x.db")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "outlets.csv, line 2, column 'ownership'" in result.stderr
