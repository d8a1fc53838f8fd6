"""Read and check the sources folder: articles (plain texts and web pages) and the curated CSV registries
(outlets, actors, names that are not actors, topics) and corrections.

Each CSV file's columns are declared below (see build/validate.py for the types). Every problem stops the build
with a SourceError naming the file, the line and, where there is one, the column.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from . import corrections, page
from .records import GOVERNMENT, ORGANIZATION, PERSON, Actor, ArticleSource, Outlet, Topic
from .validate import HTTP_URL, SLUG, WIKIDATA_ID, Choice, Column, IsoDate, Pattern, Schema, SourceError, read

OWNERSHIP = {"state", "private", "public service", "nonprofit", "party", "unknown"}
STATE_OWNERSHIP = {"state", "party"}  # outlets that speak for a government or its party
ACTOR_TYPES = {PERSON, ORGANIZATION, GOVERNMENT}
# Who an actor speaks for (CONTRIBUTING.md says which actors go where).
AFFILIATIONS = {
    "chinese party-state",
    "chinese state media",
    "foreign government",
    "foreign party",
    "international body",
    "ngo or researcher",
    "company",
    "media",
}
# The affiliations of news organisations: an outlet with another one is a body that publishes its own word.
NEWS_AFFILIATIONS = {"chinese state media", "media"}
LIST_SEPARATOR = "|"
# A topic's signals: words and phrases separated by "|", a "*" only at the end of a word.
SIGNAL = r"[^\s|*]+\*?(?: [^\s|*]+\*?)*"
SIGNALS = Pattern(
    rf"{SIGNAL}(?: ?\| ?{SIGNAL})*",
    "words and phrases separated by '|', with one space between words and a '*' only at the end of a word "
    "(e.g. 'sterili*|birth rate')",
)
# An article kept as the web page it came from: its text is what build/page.py extracts from it.
PAGE_SUFFIXES = (".html", ".htm")

SCHEMAS = {
    "articles.csv": Schema(
        {
            "file": Column(Pattern(r"[^/\\.][^/\\]*", "a plain file name inside articles/"), required=True),
            "outlet": Column(required=True),
            "url": Column(HTTP_URL),
            "title": Column(),
            "published": Column(IsoDate(partial=True)),
            "language": Column(Pattern(r"[a-z]{2}", "an ISO 639-1 language code such as 'en'"), optional=True),
            "retrieved_from": Column(HTTP_URL, optional=True),
            "notes": Column(optional=True),
        },
        key="file",
    ),
    "outlets.csv": Schema(
        {
            "id": Column(SLUG, required=True),
            "name": Column(required=True),
            "country": Column(),
            "ownership": Column(Choice(OWNERSHIP)),
            "owner": Column(optional=True),
            "url": Column(HTTP_URL, optional=True),
            "ownership_source": Column(optional=True),
        },
        key="id",
    ),
    "actors.csv": Schema(
        {
            "id": Column(SLUG, required=True),
            "name": Column(required=True),
            "type": Column(Choice(ACTOR_TYPES), required=True),
            "aliases": Column(optional=True),
            "metonyms": Column(optional=True),
            "titles": Column(optional=True),
            "country": Column(optional=True),
            "description": Column(optional=True),
            "wikidata": Column(WIKIDATA_ID, optional=True),
            "source": Column(optional=True),
            "affiliation": Column(Choice(AFFILIATIONS), optional=True),
        },
        key="id",
    ),
    "not_actors.csv": Schema(
        {"name": Column(required=True), "kind": Column(required=True), "note": Column(optional=True)}, key="name"
    ),
    "corrections.csv": corrections.SCHEMA,
    "topics.csv": Schema(
        {
            "id": Column(SLUG, required=True),
            "label": Column(required=True),
            "description": Column(required=True),
            "signals": Column(SIGNALS, required=True),
            "source": Column(required=True),
        },
        key="id",
    ),
}


@dataclass(frozen=True)
class Sources:
    """Everything in a sources folder. `actors` is the registry as actors.csv has it: the extraction reads it,
    and corrections.merge_actors gives the registry the database lists."""

    root: Path
    articles: list[ArticleSource]
    outlets: list[Outlet]
    actors: list[Actor]
    not_actors: dict[str, str]  # name → kind (place, ethnic group, ...)
    corrections: list[corrections.Correction]
    topics: list[Topic]


def load(root) -> Sources:
    """Read and check every CSV file; the texts themselves are read one at a time later (read_text)."""
    root = Path(root)
    if not root.is_dir():
        raise SourceError(root, None, "sources folder not found")
    outlets = [_outlet(row) for _, row in _read(root, "outlets.csv")]
    actors = [_actor(row) for _, row in _read(root, "actors.csv")]
    not_actors = {}
    if (root / "not_actors.csv").exists():
        not_actors = {row["name"]: row["kind"] for _, row in _read(root, "not_actors.csv")}
    outlet_ids = {o.id for o in outlets}
    articles = [_article(root, line, row, outlet_ids) for line, row in _read(root, "articles.csv")]
    _check_article_ids(root / "articles.csv", articles)
    listed = {a.file for a in articles}
    for path in sorted((root / "articles").glob("*")):
        if path.is_file() and path.name not in listed and not path.name.startswith("."):
            raise SourceError(path, None, "text has no row in articles.csv; add one (see README)")
    fixes = []
    if (root / "corrections.csv").exists():
        fixes = corrections.load(root / "corrections.csv", {a.id for a in articles}, {a.id for a in actors})
    topics = [_topic(row) for _, row in _read(root, "topics.csv")] if (root / "topics.csv").exists() else []
    return Sources(root, articles, outlets, actors, not_actors, fixes, topics)


def read_text(article: ArticleSource) -> tuple[str, str]:
    """The article's text and the sha256 of its bytes: a plain text decoded as UTF-8, a web page's article text
    as trafilatura extracts it."""
    text, sha256 = _decoded(article)
    if is_page(article.path):
        text = page.article_text(text)
        if not text.strip():
            raise SourceError(article.path, None, "no article text found in the page")
    return text, sha256


def checked_sha256(article: ArticleSource) -> str:
    """The sha256 of the article's bytes, once they are known to decode (without extracting a page's text)."""
    return _decoded(article)[1]


def is_page(path: Path) -> bool:
    return path.suffix.lower() in PAGE_SUFFIXES


def _decoded(article: ArticleSource) -> tuple[str, str]:
    try:
        data = article.path.read_bytes()
    except OSError as error:
        raise SourceError(article.path, None, f"cannot read: {error.strerror}") from error
    if is_page(article.path):
        try:
            text = page.decode(data)
        except page.PageError as error:
            raise SourceError(article.path, None, str(error)) from error
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise SourceError(
                article.path, line, f"not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
            ) from error
    if not text.strip():
        raise SourceError(article.path, None, "empty text")
    return text, hashlib.sha256(data).hexdigest()


def _read(root: Path, name: str) -> list[tuple[int, dict[str, str]]]:
    return read(root / name, SCHEMAS[name])


def _article(root: Path, line: int, row: dict[str, str], outlet_ids: set[str]) -> ArticleSource:
    path = root / "articles.csv"
    text_path = root / "articles" / row["file"]
    if not text_path.is_file():
        raise SourceError(path, line, f"{row['file']!r} does not exist in {root / 'articles'}", "file")
    if row["outlet"] not in outlet_ids:
        raise SourceError(path, line, f"unknown outlet {row['outlet']!r}: add a row to outlets.csv", "outlet")
    return ArticleSource(
        row["file"],
        text_path,
        line,
        row["outlet"],
        row["url"],
        row["title"],
        row["published"],
        row["language"] or "en",
        row["retrieved_from"],
        row["notes"],
    )


def _check_article_ids(path: Path, articles: list[ArticleSource]) -> None:
    """An article's id is its file name without the extension, so 'a.txt' and 'a.html' would collide."""
    first: dict[str, ArticleSource] = {}
    for article in articles:
        if article.id in first:
            raise SourceError(
                path,
                article.line,
                f"{article.file!r} has the same id {article.id!r} as "
                f"{first[article.id].file!r} (line {first[article.id].line})",
                "file",
            )
        first[article.id] = article


def _outlet(row: dict[str, str]) -> Outlet:
    return Outlet(
        row["id"],
        row["name"],
        row["country"],
        row["ownership"] or "unknown",
        row["owner"],
        row["url"],
        row["ownership_source"],
    )


def _actor(row: dict[str, str]) -> Actor:
    def split(column):
        return tuple(v.strip() for v in row[column].split(LIST_SEPARATOR) if v.strip())

    return Actor(
        row["id"],
        row["name"],
        row["type"],
        split("aliases"),
        split("metonyms"),
        split("titles"),
        row["country"],
        row["description"],
        row["wikidata"],
        row["source"],
        row["affiliation"],
    )


def _topic(row: dict[str, str]) -> Topic:
    signals = tuple(s.strip() for s in row["signals"].split(LIST_SEPARATOR))
    return Topic(row["id"], row["label"], row["description"], signals, row["source"])
