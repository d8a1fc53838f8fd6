"""Bad sources stop the build with a message naming the file, the line and the problem; nothing is lost."""

import subprocess
import sys

import pytest
import sqlite_utils

from build import cli, sources

from .conftest import ROOT


def append_row(folder, row):
    with (folder / "articles.csv").open("a", encoding="utf-8") as handle:
        handle.write(row + "\n")


def build_fails(folder, tmp_path, expected: str):
    db = tmp_path / "out.db"
    db.write_bytes(b"earlier database")
    with pytest.raises(sources.SourceError) as failure:
        cli.build(folder, db)
    assert expected in str(failure.value)
    assert db.read_bytes() == b"earlier database"
    assert [p.name for p in tmp_path.glob(".out.db*")] == []
    return str(failure.value)


def test_a_row_naming_a_missing_file_names_the_row(source_copy, tmp_path):
    append_row(source_copy, "nope.txt,news18,,,2020-01-01,en,,")
    message = build_fails(source_copy, tmp_path, "does not exist")
    assert "articles.csv, line 7" in message and "'file'" in message


def test_a_text_that_is_not_utf8_names_the_file_and_line(source_copy, tmp_path):
    (source_copy / "articles" / "latin.txt").write_bytes("first line\ncaf\xe9 au lait\n".encode("latin-1"))
    append_row(source_copy, "latin.txt,news18,,,2020-01-01,en,,")
    message = build_fails(source_copy, tmp_path, "not UTF-8")
    assert "latin.txt, line 2" in message


def test_an_unknown_outlet_is_refused(source_copy, tmp_path):
    (source_copy / "articles" / "x.txt").write_text("Some text.", encoding="utf-8")
    append_row(source_copy, "x.txt,daily-planet,,,2020-01-01,en,,")
    build_fails(source_copy, tmp_path, "unknown outlet 'daily-planet'")


@pytest.mark.parametrize("date", ["2020-13-01", "2020-02-30", "18/09/2020", "yesterday"])
def test_an_invalid_date_is_refused(source_copy, tmp_path, date):
    (source_copy / "articles" / "x.txt").write_text("Some text.", encoding="utf-8")
    append_row(source_copy, f"x.txt,news18,,,{date},en,,")
    build_fails(source_copy, tmp_path, "invalid date")


def test_a_duplicate_row_is_refused(source_copy, tmp_path):
    append_row(source_copy, "000_c28f1383620f41ac.txt,news18,,,2022-10-18,en,,")
    build_fails(source_copy, tmp_path, "duplicate row")


def test_an_empty_text_is_refused(source_copy, tmp_path):
    (source_copy / "articles" / "empty.txt").write_text(" \n\n", encoding="utf-8")
    append_row(source_copy, "empty.txt,news18,,,2020-01-01,en,,")
    build_fails(source_copy, tmp_path, "empty text")


def test_a_malformed_csv_names_the_line(source_copy, tmp_path):
    append_row(source_copy, '"x.txt,news18,,,2020-01-01')
    build_fails(source_copy, tmp_path, "articles.csv")


def test_a_row_with_too_many_fields_names_the_line(source_copy, tmp_path):
    append_row(source_copy, "x.txt,news18,,,2020-01-01,en,,,,extra")
    build_fails(source_copy, tmp_path, "line 7: expected 8 fields, found 10")


def test_a_text_without_a_row_is_refused(source_copy, tmp_path):
    (source_copy / "articles" / "orphan.txt").write_text("Some text.", encoding="utf-8")
    build_fails(source_copy, tmp_path, "orphan.txt: text has no row")


def test_a_missing_required_column_is_refused(source_copy, tmp_path):
    path = source_copy / "outlets.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("ownership,", "owned_by,", 1), encoding="utf-8")
    build_fails(source_copy, tmp_path, "missing column(s): ownership")


def test_the_command_line_reports_the_error_and_exits_nonzero(source_copy, tmp_path):
    append_row(source_copy, "nope.txt,news18,,,2020-01-01,en,,")
    result = subprocess.run(
        [sys.executable, "-m", "build", "db", "--sources", str(source_copy), "--db", str(tmp_path / "x.db")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "nope.txt" in result.stderr and "not changed" in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_optional_columns_may_be_left_out_of_the_header(source_copy, tmp_path):
    rows = (source_copy / "articles.csv").read_text(encoding="utf-8").splitlines()
    minimal = [",".join(line.split(",")[:5]) for line in rows[:1]] + ["000_c28f1383620f41ac.txt,news18,,,2022-10-18"]
    (source_copy / "articles.csv").write_text("\n".join(minimal) + "\n", encoding="utf-8")
    for path in (source_copy / "articles").glob("*.txt"):
        if path.name != "000_c28f1383620f41ac.txt":
            path.unlink()
    cli.build(source_copy, tmp_path / "x.db")
    assert sqlite_utils.Database(tmp_path / "x.db")["articles"].get("000_c28f1383620f41ac")["language"] == "en"
