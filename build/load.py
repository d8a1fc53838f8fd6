"""The one place that writes SQLite: schema, rows, full-text search, indexes, and the atomic move into place."""

import os
import secrets
import shutil
import sqlite3
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from urllib.parse import quote

import sqlite_utils
from sqlite_utils.db import DescIndex

SCHEMA = {
    "outlets": {
        "id": str,
        "name": str,
        "country": str,
        "ownership": str,
        "owner": str,
        "url": str,
        "ownership_source": str,
    },
    "actors": {
        "id": str,
        "name": str,
        "type": str,
        "country": str,
        "description": str,
        "wikidata": str,
        "source": str,
        "affiliation": str,
        "reviewed": int,
    },
    "actor_aliases": {"actor_id": str, "alias": str, "kind": str},
    "articles": {
        "id": str,
        "file": str,
        "outlet_id": str,
        "ownership": str,
        "url": str,
        "title": str,
        "display_title": str,
        "published": str,
        "language": str,
        "retrieved_from": str,
        "notes": str,
        "sha256": str,
        "text": str,
        "word_count": int,
        "extractor_version": str,
    },
    "mentions": {
        "id": str,
        "article_id": str,
        "actor_id": str,
        "text": str,
        "start": int,
        "end": int,
        "method": str,
        "role": str,
        "sentence": str,
        "passage_url": str,
        "reviewed": int,
    },
    "quotes": {
        "id": str,
        "article_id": str,
        "outlet_id": str,
        "ownership": str,
        "kind": str,
        "text": str,
        "start": int,
        "end": int,
        "speaker_id": str,
        "speaker_text": str,
        "attribution": str,
        "cue": str,
        "sentence": str,
        "passage_url": str,
        "reviewed": int,
    },
    "figures": {
        "id": str,
        "article_id": str,
        "outlet_id": str,
        "ownership": str,
        "text": str,
        "start": int,
        "end": int,
        "value": float,
        "unit": str,
        "qualifier": str,
        "period": str,
        "period_start": int,
        "period_end": int,
        "measure": str,
        "measure_key": str,
        "claimant_id": str,
        "claimant_text": str,
        "attribution": str,
        "sentence": str,
        "passage_url": str,
        "reviewed": int,
    },
    "terms": {
        "id": str,
        "article_id": str,
        "outlet_id": str,
        "ownership": str,
        "term": str,
        "term_normalized": str,
        "usage": str,
        "usage_cue": str,
        "start": int,
        "end": int,
        "sentence": str,
        "passage_url": str,
    },
    "topics": {"id": str, "label": str, "description": str, "signals": str, "source": str},
    "article_topics": {"article_id": str, "topic_id": str, "ownership": str, "matched": str, "hits": int},
    "quote_topics": {
        "quote_id": str,
        "topic_id": str,
        "article_id": str,
        "ownership": str,
        "matched": str,
        "hits": int,
    },
    "figure_topics": {
        "figure_id": str,
        "topic_id": str,
        "article_id": str,
        "ownership": str,
        "matched": str,
        "hits": int,
    },
    "term_topics": {
        "term_id": str,
        "topic_id": str,
        "article_id": str,
        "ownership": str,
        "usage": str,
        "matched": str,
        "hits": int,
    },
}
# Columns of a record that its links to topics repeat, so that topics are counted by them without a join.
TOPIC_COPIED = ("article_id", "ownership", "usage")
# Each table whose rows get topics (build/topics.py): its join table, and the column naming its row there.
TOPIC_LINKS = {
    "articles": ("article_topics", "article_id"),
    "quotes": ("quote_topics", "quote_id"),
    "figures": ("figure_topics", "figure_id"),
    "terms": ("term_topics", "term_id"),
}
PRIMARY_KEYS = {"actor_aliases": ("actor_id", "alias")} | {
    join: (column, "topic_id") for join, column in TOPIC_LINKS.values()
}
FOREIGN_KEYS = {
    "actor_aliases": [("actor_id", "actors", "id")],
    "articles": [("outlet_id", "outlets", "id")],
    "mentions": [("article_id", "articles", "id"), ("actor_id", "actors", "id")],
    "quotes": [("article_id", "articles", "id"), ("outlet_id", "outlets", "id"), ("speaker_id", "actors", "id")],
    "figures": [("article_id", "articles", "id"), ("outlet_id", "outlets", "id"), ("claimant_id", "actors", "id")],
    "terms": [("article_id", "articles", "id"), ("outlet_id", "outlets", "id")],
    "article_topics": [("article_id", "articles", "id"), ("topic_id", "topics", "id")],
    "quote_topics": [("quote_id", "quotes", "id"), ("topic_id", "topics", "id"), ("article_id", "articles", "id")],
    "figure_topics": [("figure_id", "figures", "id"), ("topic_id", "topics", "id"), ("article_id", "articles", "id")],
    "term_topics": [("term_id", "terms", "id"), ("topic_id", "topics", "id"), ("article_id", "articles", "id")],
}
# A table's sort in metadata.yml, then its primary key, is the order of every page (plugins/complete_paging.py):
# (published desc, id) and (article_id, id) give the pages of articles and quotes from an index, without sorting.
INDEXES = {
    "articles": [["outlet_id"], ["ownership"], [DescIndex("published"), "id"]],
    "mentions": [["article_id"], ["actor_id"], ["method"]],
    # the pairs (and article_id) let group-by canned queries (quotes per speaker and ownership, speakers by outlet
    # with their articles) count from an index alone, not the table
    "quotes": [
        ["article_id", "id"],
        ["speaker_id"],
        ["kind"],
        ["outlet_id"],
        ["ownership"],
        ["attribution"],
        ["speaker_id", "ownership"],
        ["speaker_id", "outlet_id", "article_id"],
    ],
    # (unit, period, value) orders the figures queries' output from the index; (measure_key, unit, period) finds
    # figures that disagree in the order the page lists them, and (measure_key, ownership, article) numbers each
    # side's claims of a measure for contested figures without sorting them
    "figures": [
        ["article_id"],
        ["claimant_id"],
        ["unit"],
        ["outlet_id"],
        ["ownership"],
        ["qualifier"],
        ["claimant_id", "ownership"],
        ["measure_key", "unit", "period_start"],
        ["measure_key", "ownership", "article_id", "start"],
        ["unit", "period_start", DescIndex("value")],
    ],
    "terms": [["article_id"], ["term_normalized"], ["outlet_id"], ["ownership"], ["usage"]],
    # topic_id finds a topic's rows (the topic facet's filter) and counts them by ownership (the topic pages)
    # from the index alone; article_id finds an article's links to delete
    "article_topics": [["topic_id", "ownership"]],
    "quote_topics": [["topic_id", "ownership", "quote_id"], ["article_id"]],
    "figure_topics": [["topic_id", "ownership", "figure_id"], ["article_id"]],
    "term_topics": [["topic_id", "ownership", "usage", "term_id"], ["article_id"]],
    "actors": [["type"], ["reviewed"], ["affiliation"]],
    "outlets": [["ownership"]],
}
FULL_TEXT = {
    "articles": ["display_title", "text"],
    "quotes": ["text", "sentence"],
    "figures": ["text", "unit", "sentence"],
    "terms": ["term"],
}
# Words as written, case and accents folded, no stemming: a search looks for a word's inflections itself
# (plugins/search.py), so it never matches another word that shares a stem (internment, international).
TOKENIZER = "unicode61 remove_diacritics 2"
# Counts per value of the columns the site facets on for whole tables (metadata.yml's "counted" facets), stored
# so that a table page need not count hundreds of thousands of rows on every request.
FACET_COUNTS = "facet_counts"
COUNTED = {
    "articles": ["outlet_id", "ownership", "language"],
    "mentions": ["actor_id", "method"],
    "quotes": ["speaker_id", "kind", "outlet_id", "ownership", "attribution"],
    "figures": ["unit", "claimant_id", "outlet_id", "ownership", "qualifier"],
    "terms": ["term_normalized", "usage", "outlet_id", "ownership"],
    **{join: ["topic_id", "ownership"] for join, _ in TOPIC_LINKS.values()},
}
ARTICLE_CHILDREN = (
    "article_topics",
    "quote_topics",
    "figure_topics",
    "term_topics",
    "mentions",
    "quotes",
    "figures",
    "terms",
)
# Provenance of the build (see metadata.yml): one row per key, outside SCHEMA because it differs between builds.
BUILD_INFO = "build_info"
# Rows ANALYZE samples per index: enough for the planner, and fast at any size.
ANALYSIS_LIMIT = 1000


@contextmanager
def atomic_database(path, start_from=None):
    """A database at a temporary path beside `path`, moved over it only if the block succeeds.

    It starts empty, or as a copy of `start_from`. On any failure (bad input, a full disk) the temporary file
    is removed and `path` is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created inside the `try` (not by mkstemp before it), so an interruption at any point leaves no file.
    temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        if start_from is not None:
            shutil.copyfile(start_from, temporary)
        db = sqlite_utils.Database(temporary)
        # Durability is the move into place, not the journal: a crash leaves only a temporary file.
        db.conn.execute("PRAGMA journal_mode = OFF")
        db.conn.execute("PRAGMA synchronous = OFF")
        yield db
        db.conn.commit()
        db.conn.close()
        os.replace(temporary, path)
    except BaseException:
        for leftover in temporary.parent.glob(temporary.name + "*"):
            leftover.unlink()
        raise


def create_schema(db: sqlite_utils.Database) -> None:
    for table, columns in SCHEMA.items():
        db[table].create(
            columns,
            pk=PRIMARY_KEYS.get(table, "id"),
            foreign_keys=FOREIGN_KEYS.get(table, []),
            not_null={c for c in columns if c in ("id", "article_id", "name", "text", "kind")},
        )


def write_registries(db: sqlite_utils.Database, outlets, actors, topics) -> None:
    db["outlets"].insert_all({k: v or None for k, v in asdict(o).items()} for o in outlets)
    for actor in actors:
        write_actor(db, actor, reviewed=True)
    db["topics"].insert_all(asdict(t) | {"signals": "|".join(t.signals)} for t in topics)


def write_actor(db: sqlite_utils.Database, actor, reviewed: bool) -> None:
    row = {
        k: (getattr(actor, k) or None)
        for k in ("id", "name", "type", "country", "description", "wikidata", "source", "affiliation")
    }
    db["actors"].insert(row | {"reviewed": int(reviewed)}, ignore=True)
    aliases = (
        [(a, "alias") for a in actor.aliases]
        + [(m, "metonym") for m in actor.metonyms]
        + [(t, "title") for t in actor.titles]
    )
    db["actor_aliases"].insert_all(({"actor_id": actor.id, "alias": a, "kind": k} for a, k in aliases), ignore=True)


def write_article(db: sqlite_utils.Database, rows, outlet_ownership: dict[str, str]) -> None:
    """All rows of one extracted article (see extract.ArticleRows)."""
    db["actors"].insert_all((_without_aliases(row) for row in rows.discovered), ignore=True)
    db["actor_aliases"].insert_all(_alias_rows(rows.discovered), ignore=True)
    denormalised = {
        "outlet_id": rows.article["outlet_id"],
        "ownership": outlet_ownership.get(rows.article["outlet_id"], "unknown"),
    }
    db["articles"].insert(rows.article | denormalised)
    db["mentions"].insert_all(row | {"passage_url": passage_url(row)} for row in rows.mentions)
    for table in ("quotes", "figures", "terms"):
        db[table].insert_all(row | denormalised | {"passage_url": passage_url(row)} for row in getattr(rows, table))
    for table, (join, _) in TOPIC_LINKS.items():
        db[join].insert_all(_topic_links(rows, table, denormalised))


def _topic_links(rows, table: str, denormalised: dict) -> list[dict]:
    """The rows of a table's join table with topics, repeating the columns of TOPIC_COPIED from the records."""
    join, column = TOPIC_LINKS[table]
    records = [rows.article] if table == "articles" else getattr(rows, table)
    by_id = {record["id"]: record | denormalised for record in records}
    copied = [c for c in TOPIC_COPIED if c in SCHEMA[join] and c != column]
    return [
        {column: link["row_id"], "topic_id": link["topic_id"], "matched": link["matched"], "hits": link["hits"]}
        | {c: by_id[link["row_id"]][c] for c in copied}
        for link in rows.topics.get(table, [])
    ]


def passage_url(row: dict) -> str:
    """The path of the article page scrolled to this row's passage (served by plugins/article_page.py), each id
    percent-encoded so that any file name gives a working link. The site's pages put any base_url in front of it
    when they link it (plugins/safe_links.py)."""
    return "/-/article/" + quote(row["article_id"], safe="") + "#" + quote(row["id"], safe="")


def finish(db: sqlite_utils.Database) -> None:
    """Indexes, full-text search and statistics, once all rows are in."""
    for table, indexes in INDEXES.items():
        for columns in indexes:
            db[table].create_index(columns, if_not_exists=True)
    for table, columns in FULL_TEXT.items():
        db[table].enable_fts(columns, create_triggers=False, tokenize=TOKENIZER)
    analyse(db)
    db.vacuum()


def analyse(db: sqlite_utils.Database) -> None:
    """Statistics for the query planner (a sample per index is enough and keeps this fast on large databases),
    and the facet counts, once the rows are final."""
    db.conn.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
    db.conn.execute("ANALYZE")
    count_facets(db)
    db.conn.commit()


def count_facets(db: sqlite_utils.Database) -> None:
    """facet_counts: how many rows hold each value of each COUNTED column, as a group-by count would say."""
    db.conn.execute(f"drop table if exists [{FACET_COUNTS}]")
    db.conn.execute(
        f"create table [{FACET_COUNTS}] ([table_name] text, [column_name] text, [value], [count] integer, "
        "primary key (table_name, column_name, value))"
    )
    for table, columns in COUNTED.items():
        for column in columns:
            db.conn.execute(
                f"insert into [{FACET_COUNTS}] select ?, ?, [{column}], count(*) from [{table}] "
                f"where [{column}] is not null group by [{column}]",
                (table, column),
            )
    db.conn.execute(
        f"create index [idx_{FACET_COUNTS}_order] on [{FACET_COUNTS}] (table_name, column_name, count desc)"
    )


def write_build_info(db: sqlite_utils.Database, info: dict[str, str | None]) -> None:
    db.conn.execute(f"drop table if exists [{BUILD_INFO}]")
    db[BUILD_INFO].insert_all(({"key": k, "value": v} for k, v in info.items()), pk="key")


def read_build_info(path) -> dict[str, str]:
    """The build_info of an existing database, or {} when it has none or cannot be read."""
    try:
        with sqlite3.connect(_read_only(path), uri=True) as conn:
            return dict(conn.execute(f"select key, value from [{BUILD_INFO}]"))
    except sqlite3.Error:
        return {}


def _read_only(path) -> str:
    """A URI opening `path` read-only (and never creating it), whatever characters its name holds."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def delete_articles(db: sqlite_utils.Database, article_ids) -> None:
    """Remove articles and every row extracted from them, search index included."""
    _mark(db, article_ids)
    for table, columns in FULL_TEXT.items():
        _fts_command(db, table, columns, "'delete', ")
    for table in ARTICLE_CHILDREN:
        db.conn.execute(f"delete from [{table}] where article_id in (select id from temp.marked)")
    db.conn.execute("delete from articles where id in (select id from temp.marked)")


def index_articles(db: sqlite_utils.Database, article_ids) -> None:
    """Add the rows of newly written articles to the full-text indexes."""
    _mark(db, article_ids)
    for table, columns in FULL_TEXT.items():
        _fts_command(db, table, columns, "")


def _mark(db: sqlite_utils.Database, article_ids) -> None:
    db.conn.execute("create temp table if not exists marked (id text primary key)")
    db.conn.execute("delete from temp.marked")
    db.conn.executemany("insert into temp.marked values (?)", ((i,) for i in article_ids))


def _fts_command(db: sqlite_utils.Database, table: str, columns: list[str], command: str) -> None:
    """Insert into (or, with the 'delete' command, remove from) the external-content index of `table`."""
    names = ", ".join(f"[{c}]" for c in columns)
    key = "id" if table == "articles" else "article_id"
    control = f"[{table}_fts], " if command else ""
    db.conn.execute(
        f"insert into [{table}_fts] ({control}rowid, {names}) select {command}rowid, {names} "
        f"from [{table}] where [{key}] in (select id from temp.marked)"
    )


def sync_discovered_actors(db: sqlite_utils.Database, expected: dict[str, dict], registry_ids: set[str]) -> None:
    """Make the actors found by the model and their aliases exactly `expected` (id → row, its aliases those every
    article gave it), as a full build would write them."""
    wanted = {i: _without_aliases(row) for i, row in expected.items()}
    current = {row["id"]: row for row in db["actors"].rows if row["id"] not in registry_ids}
    stale = [i for i, row in current.items() if not _same_row(row, wanted.get(i))]
    db.conn.executemany("delete from actor_aliases where actor_id = ?", ((i,) for i in current))
    db.conn.executemany("delete from actors where id = ?", ((i,) for i in stale))
    db["actors"].insert_all(row for i, row in wanted.items() if not _same_row(current.get(i), row))
    db["actor_aliases"].insert_all(_alias_rows(expected.values()), ignore=True)


def _without_aliases(row: dict) -> dict:
    return {k: v for k, v in row.items() if k != "aliases"}


def _alias_rows(actor_rows) -> list[dict]:
    return [{"actor_id": row["id"], "alias": a, "kind": "alias"} for row in actor_rows for a in row.get("aliases", ())]


def _same_row(stored: dict | None, wanted: dict | None) -> bool:
    """The stored row has the wanted values (columns the build leaves to their default are not compared)."""
    return stored is not None and wanted is not None and all(stored.get(k) == v for k, v in wanted.items())


def check(path) -> str | None:
    """None when `path` is a sound SQLite database with this project's tables; otherwise what is wrong."""
    if not Path(path).is_file():
        return "file not found"
    try:
        with sqlite3.connect(_read_only(path), uri=True) as conn:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
            tables = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
    except sqlite3.DatabaseError as error:
        return f"not a readable SQLite database ({error})"
    if problems != ["ok"]:
        return "damaged: " + "; ".join(problems[:5])
    missing = sorted(set(SCHEMA) - tables)
    if missing:
        return f"not a database built by this project (missing tables: {', '.join(missing)})"
    return None


def check_foreign_keys(path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA foreign_key_check").fetchall()
