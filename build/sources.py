"""Read and check the sources folder: article texts and the curated CSV registries.

Every problem stops the build with a SourceError naming the file, the line and what is wrong.
"""

import csv
import datetime
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .actors import GOVERNMENT, ORGANIZATION, PERSON, Actor

ARTICLE_COLUMNS = ("file", "outlet", "url", "title", "published")
OUTLET_COLUMNS = ("id", "name", "country", "ownership")
ACTOR_COLUMNS = ("id", "name", "type")
NOT_ACTOR_COLUMNS = ("name", "kind")
OWNERSHIP = {"state", "private", "public service", "nonprofit", "party", "unknown"}
ACTOR_TYPES = {PERSON, ORGANIZATION, GOVERNMENT}
LIST_SEPARATOR = "|"


class SourceError(Exception):
    """A problem in the sources, with where it is."""

    def __init__(self, path, line: int | None, message: str, column: str | None = None):
        self.path, self.line, self.column, self.message = str(path), line, column, message
        where = self.path + (f", line {line}" if line else "") + (f", column {column!r}" if column else "")
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class ArticleSource:
    """One row of articles.csv, with where its text lives."""

    file: str
    path: Path
    line: int
    outlet_id: str
    url: str
    title: str
    published: str
    language: str
    retrieved_from: str
    notes: str

    @property
    def id(self) -> str:
        return Path(self.file).stem


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    country: str
    ownership: str
    owner: str
    url: str
    ownership_source: str


@dataclass(frozen=True)
class Sources:
    root: Path
    articles: list[ArticleSource]
    outlets: list[Outlet]
    actors: list[Actor]
    not_actors: set[str]


def load(root) -> Sources:
    """Read every registry and check the article rows; the texts themselves are read one at a time later."""
    root = Path(root)
    if not root.is_dir():
        raise SourceError(root, None, "sources folder not found")
    outlets = _unique(root / "outlets.csv", OUTLET_COLUMNS, _outlet)
    actors = _unique(root / "actors.csv", ACTOR_COLUMNS, _actor)
    not_actors_path = root / "not_actors.csv"
    not_actors = set()
    if not_actors_path.exists():
        not_actors = {row["name"].strip() for _, _, row in _rows(not_actors_path, NOT_ACTOR_COLUMNS)}
    outlet_ids = {o.id for o in outlets}
    articles = [_article(root, path, line, row, outlet_ids) for path, line, row in _rows(root / "articles.csv", ARTICLE_COLUMNS)]
    seen: dict[str, int] = {}
    for article in articles:
        if article.file in seen:
            raise SourceError(root / "articles.csv", article.line, f"duplicate row for {article.file!r} (first on line {seen[article.file]})", "file")
        seen[article.file] = article.line
    listed = {a.file for a in articles}
    for path in sorted((root / "articles").glob("*")):
        if path.is_file() and path.name not in listed and not path.name.startswith("."):
            raise SourceError(path, None, "text has no row in articles.csv; add one (see README)")
    return Sources(root, articles, outlets, actors, not_actors)


def read_text(article: ArticleSource) -> tuple[str, str]:
    """The article's text decoded as UTF-8, and the sha256 of its bytes."""
    try:
        data = article.path.read_bytes()
    except OSError as error:
        raise SourceError(article.path, None, f"cannot read: {error.strerror}") from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(article.path, line, f"not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})") from error
    if not text.strip():
        raise SourceError(article.path, None, "empty text")
    return text, hashlib.sha256(data).hexdigest()


def _rows(path: Path, required: tuple[str, ...]):
    """(path, line, row) for each data row; header and shape problems raise SourceError."""
    if not path.exists():
        raise SourceError(path, None, "file not found")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if header is None:
                raise SourceError(path, 1, "empty file: expected a header row")
            header = [h.strip() for h in header]
            missing = [c for c in required if c not in header]
            if missing:
                raise SourceError(path, 1, f"missing column(s): {', '.join(missing)}")
            if len(set(header)) != len(header):
                raise SourceError(path, 1, "duplicate column names in the header")
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    raise SourceError(path, line, f"expected {len(header)} fields, found {len(row)}")
                yield path, line, {h: cell.strip() for h, cell in zip(header, row)}
    except csv.Error as error:
        raise SourceError(path, reader.line_num, f"malformed CSV: {error}") from error
    except UnicodeDecodeError as error:
        raise SourceError(path, None, f"not UTF-8: {error.reason}") from error


def _required(path, line, row, column):
    value = row.get(column, "")
    if not value:
        raise SourceError(path, line, "required value is empty", column)
    return value


def _article(root: Path, path, line, row, outlet_ids) -> ArticleSource:
    file = _required(path, line, row, "file")
    if "/" in file or "\\" in file or file.startswith("."):
        raise SourceError(path, line, f"{file!r} must be a plain file name inside articles/", "file")
    text_path = root / "articles" / file
    if not text_path.is_file():
        raise SourceError(path, line, f"{file!r} does not exist in {root / 'articles'}", "file")
    outlet = _required(path, line, row, "outlet")
    if outlet not in outlet_ids:
        raise SourceError(path, line, f"unknown outlet {outlet!r}: add a row to outlets.csv", "outlet")
    published = row.get("published", "")
    if published and not _valid_date(published):
        raise SourceError(path, line, f"invalid date {published!r}: use YYYY-MM-DD, YYYY-MM or YYYY", "published")
    for column in ("url", "retrieved_from"):
        if row.get(column) and not re.match(r"https?://\S+$", row[column]):
            raise SourceError(path, line, f"not an http(s) URL: {row[column]!r}", column)
    return ArticleSource(file, text_path, line, outlet, row.get("url", ""), row.get("title", ""), published,
                         row.get("language", "") or "en", row.get("retrieved_from", ""), row.get("notes", ""))


def _valid_date(value: str) -> bool:
    formats = {10: "%Y-%m-%d", 7: "%Y-%m", 4: "%Y"}
    if len(value) not in formats or not re.fullmatch(r"\d{4}(-\d{2}){0,2}", value):
        return False
    try:
        datetime.datetime.strptime(value, formats[len(value)])
    except ValueError:
        return False
    return True


def _outlet(path, line, row) -> Outlet:
    ownership = row.get("ownership", "") or "unknown"
    if ownership not in OWNERSHIP:
        raise SourceError(path, line, f"ownership {ownership!r} is not one of {sorted(OWNERSHIP)}", "ownership")
    if row.get("url") and not re.match(r"https?://\S+$", row["url"]):
        raise SourceError(path, line, f"not an http(s) URL: {row['url']!r}", "url")
    return Outlet(_required(path, line, row, "id"), _required(path, line, row, "name"), row.get("country", ""),
                  ownership, row.get("owner", ""), row.get("url", ""), row.get("ownership_source", ""))


def _actor(path, line, row) -> Actor:
    kind = _required(path, line, row, "type")
    if kind not in ACTOR_TYPES:
        raise SourceError(path, line, f"type {kind!r} is not one of {sorted(ACTOR_TYPES)}", "type")
    wikidata = row.get("wikidata", "")
    if wikidata and not re.fullmatch(r"Q\d+", wikidata):
        raise SourceError(path, line, f"not a Wikidata id: {wikidata!r}", "wikidata")

    def split(column):
        return tuple(v.strip() for v in row.get(column, "").split(LIST_SEPARATOR) if v.strip())

    return Actor(_required(path, line, row, "id"), _required(path, line, row, "name"), kind, split("aliases"),
                 split("metonyms"), split("titles"), row.get("country", ""), row.get("description", ""), wikidata,
                 row.get("source", ""))


def _unique(path: Path, columns, make) -> list:
    """Records from a registry whose `id` column must not repeat."""
    records, seen = [], {}
    for _, line, row in _rows(path, columns):
        record = make(path, line, row)
        if record.id in seen:
            raise SourceError(path, line, f"duplicate id {record.id!r} (first on line {seen[record.id]})", "id")
        seen[record.id] = line
        records.append(record)
    return records
