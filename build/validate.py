"""Typed reading of the curated CSV files in sources/: each file declares its columns with agate data types.

A cell is checked by its column's type (agate's `cast`, which raises CastError), and every problem becomes a
SourceError naming the file, the line (as an editor numbers it: the header is line 1) and the column.
"""

import csv
import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import agate


class SourceError(Exception):
    """A problem in the sources, with where it is."""

    def __init__(self, path, line: int | None, message: str, column: str | None = None):
        self.path, self.line, self.column, self.message = str(path), line, column, message
        where = self.path + (f", line {line}" if line else "") + (f", column {column!r}" if column else "")
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        # A worker process sends its error back pickled: rebuild it from its parts, not from the message.
        return SourceError, (self.path, self.line, self.message, self.column)


class Text(agate.Text):
    """Any text. Only an empty cell is missing: agate's default would also read 'NA', 'none' or '.' as missing."""

    def __init__(self):
        super().__init__(null_values=("",))


class Pattern(Text):
    """Text that matches a regular expression in full; `meaning` says what that is, for the error."""

    def __init__(self, pattern: str, meaning: str):
        super().__init__()
        self.pattern, self.meaning = re.compile(pattern), meaning

    def cast(self, d):
        value = super().cast(d)
        if value is not None and not self.pattern.fullmatch(value):
            raise agate.CastError(f"not {self.meaning}: {value!r}")
        return value


class Choice(Text):
    """One of a fixed set of values."""

    def __init__(self, choices):
        super().__init__()
        self.choices = frozenset(choices)

    def cast(self, d):
        value = super().cast(d)
        if value is not None and value not in self.choices:
            raise agate.CastError(f"{value!r} is not one of: {', '.join(sorted(self.choices))}")
        return value


class IsoDate(Text):
    """An ISO 8601 date, YYYY-MM-DD; with `partial`, also YYYY-MM or YYYY when only that much is known."""

    def __init__(self, partial: bool = False):
        super().__init__()
        self.partial = partial

    def cast(self, d):
        value = super().cast(d)
        if value is None or self._valid(value):
            return value
        forms = "YYYY-MM-DD, YYYY-MM or YYYY" if self.partial else "YYYY-MM-DD"
        raise agate.CastError(f"invalid date {value!r}: use {forms}")

    def _valid(self, value: str) -> bool:
        if not re.fullmatch(r"\d{4}(-\d{2}){0,2}" if self.partial else r"\d{4}-\d{2}-\d{2}", value):
            return False
        try:
            # A month or a year is a real one when its first day is.
            datetime.date.fromisoformat(value + "-01" * (2 - value.count("-")))
        except ValueError:
            return False
        return True


HTTP_URL = Pattern(r"https?://\S+", "an http(s) URL")
WIKIDATA_ID = Pattern(r"Q[1-9]\d*", "a Wikidata id (Q and digits)")
# The ids other files and URLs refer to: what build.actors.slug makes of a name.
SLUG = Pattern(r"[a-z0-9]+(?:-[a-z0-9]+)*", "an id of lower-case letters, digits and single hyphens")


@dataclass(frozen=True)
class Column:
    """A column's type; `required`: every row needs a value; `optional`: the header may leave the column out."""

    type: agate.DataType = field(default_factory=Text)
    required: bool = False
    optional: bool = False


@dataclass(frozen=True)
class Schema:
    """The columns a file's header names (in any order), and the column whose values must not repeat."""

    columns: dict[str, Column]
    key: str | None = None


def read(path: Path, schema: Schema) -> list[tuple[int, dict[str, str]]]:
    """(line, row) for each data row, cells stripped and checked ('' when empty); blank lines are skipped."""
    if not path.exists():
        raise SourceError(path, None, "file not found")
    rows, first_line = [], {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = agate.csv.reader(handle, strict=True)
            header = [name.strip() for name in next(reader, [])]
            _check_header(path, header, schema)
            for cells in reader:
                if not any(cell.strip() for cell in cells):
                    continue
                line = reader.line_num
                if len(cells) != len(header):
                    raise SourceError(path, line, f"expected {len(header)} fields, found {len(cells)}")
                row = {
                    name: _cell(path, line, name, schema.columns[name], cell)
                    for name, cell in zip(header, cells, strict=True)
                }
                if schema.key:
                    value = row[schema.key]
                    if value in first_line:
                        raise SourceError(
                            path,
                            line,
                            f"duplicate row for {schema.key} {value!r} (first on line {first_line[value]})",
                            schema.key,
                        )
                    first_line[value] = line
                rows.append((line, {name: "" for name in schema.columns} | row))
    except csv.Error as error:
        raise SourceError(path, reader.line_num, f"malformed CSV: {error}") from error
    except UnicodeDecodeError as error:
        raise SourceError(path, None, f"not UTF-8: {error.reason}") from error
    return rows


def _check_header(path: Path, header: list[str], schema: Schema) -> None:
    if not header:
        raise SourceError(path, 1, "empty file: expected a header row")
    missing = [name for name, column in schema.columns.items() if name not in header and not column.optional]
    if missing:
        raise SourceError(path, 1, f"missing column(s): {', '.join(missing)}")
    unknown = [name for name in header if name not in schema.columns]
    if unknown:
        raise SourceError(
            path, 1, f"unknown column(s): {', '.join(unknown)}; the columns are: {', '.join(schema.columns)}"
        )
    if len(set(header)) != len(header):
        raise SourceError(path, 1, "duplicate column names in the header")


def _cell(path: Path, line: int, name: str, column: Column, cell: str) -> str:
    value = cell.strip()
    if column.required and not value:
        raise SourceError(path, line, "required value is empty", name)
    try:
        column.type.cast(value)
    except agate.CastError as error:
        raise SourceError(path, line, str(error), name) from error
    return value
