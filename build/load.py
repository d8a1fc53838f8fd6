"""The one place that writes SQLite: schema, rows, full-text search, indexes, and the atomic move into place."""

import os
import sqlite3
import tempfile
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import sqlite_utils

SCHEMA = {
    "outlets": {"id": str, "name": str, "country": str, "ownership": str, "owner": str, "url": str,
                "ownership_source": str},
    "actors": {"id": str, "name": str, "type": str, "country": str, "description": str, "wikidata": str,
               "source": str, "reviewed": int},
    "actor_aliases": {"actor_id": str, "alias": str, "kind": str},
    "articles": {"id": str, "file": str, "outlet_id": str, "ownership": str, "url": str, "title": str, "display_title": str,
                 "published": str, "language": str, "retrieved_from": str, "notes": str, "sha256": str,
                 "text": str, "word_count": int, "extractor_version": str},
    "mentions": {"id": str, "article_id": str, "actor_id": str, "text": str, "start": int, "end": int,
                 "method": str, "role": str, "sentence": str, "passage_url": str},
    "quotes": {"id": str, "article_id": str, "outlet_id": str, "ownership": str, "kind": str, "text": str,
               "start": int, "end": int, "speaker_id": str, "speaker_text": str, "attribution": str, "cue": str,
               "sentence": str, "passage_url": str},
    "figures": {"id": str, "article_id": str, "outlet_id": str, "ownership": str, "text": str, "start": int,
                "end": int, "value": float, "unit": str, "qualifier": str, "period": str, "period_start": int,
                "period_end": int, "claimant_id": str, "claimant_text": str, "attribution": str, "sentence": str,
                "passage_url": str},
    "terms": {"id": str, "article_id": str, "outlet_id": str, "ownership": str, "term": str,
              "term_normalized": str, "start": int, "end": int, "sentence": str, "passage_url": str},
}
PRIMARY_KEYS = {"actor_aliases": ("actor_id", "alias")}
FOREIGN_KEYS = {
    "actor_aliases": [("actor_id", "actors", "id")],
    "articles": [("outlet_id", "outlets", "id")],
    "mentions": [("article_id", "articles", "id"), ("actor_id", "actors", "id")],
    "quotes": [("article_id", "articles", "id"), ("outlet_id", "outlets", "id"), ("speaker_id", "actors", "id")],
    "figures": [("article_id", "articles", "id"), ("outlet_id", "outlets", "id"), ("claimant_id", "actors", "id")],
    "terms": [("article_id", "articles", "id"), ("outlet_id", "outlets", "id")],
}
INDEXES = {
    "articles": [["outlet_id"], ["ownership"], ["published"]],
    "mentions": [["article_id"], ["actor_id"], ["method"]],
    "quotes": [["article_id"], ["speaker_id"], ["kind"], ["outlet_id"], ["ownership"], ["attribution"]],
    "figures": [["article_id"], ["claimant_id"], ["unit"], ["outlet_id"], ["ownership"], ["qualifier"]],
    "terms": [["article_id"], ["term_normalized"], ["outlet_id"], ["ownership"]],
    "actors": [["type"], ["reviewed"]],
    "outlets": [["ownership"]],
}
FULL_TEXT = {"articles": ["display_title", "text"], "quotes": ["text", "sentence"],
             "figures": ["text", "unit", "sentence"], "terms": ["term"]}
ARTICLE_CHILDREN = ("mentions", "quotes", "figures", "terms")


@contextmanager
def atomic_database(path):
    """A new database at a temporary path beside `path`, moved over it only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    os.unlink(temporary)
    try:
        db = sqlite_utils.Database(temporary)
        db.conn.execute("PRAGMA journal_mode = OFF")
        db.conn.execute("PRAGMA synchronous = OFF")
        create_schema(db)
        yield db
        finish(db)
        db.conn.close()
        os.replace(temporary, path)
    except BaseException:
        for leftover in Path(temporary).parent.glob(Path(temporary).name + "*"):
            leftover.unlink()
        raise


def create_schema(db: sqlite_utils.Database) -> None:
    for table, columns in SCHEMA.items():
        db[table].create(columns, pk=PRIMARY_KEYS.get(table, "id"), foreign_keys=FOREIGN_KEYS.get(table, []),
                         not_null={c for c in columns if c in ("id", "article_id", "name", "text", "kind")})


def write_registries(db: sqlite_utils.Database, outlets, actors) -> None:
    db["outlets"].insert_all({k: v or None for k, v in asdict(o).items()} for o in outlets)
    for actor in actors:
        write_actor(db, actor, reviewed=True)


def write_actor(db: sqlite_utils.Database, actor, reviewed: bool) -> None:
    row = {k: (getattr(actor, k) or None) for k in ("id", "name", "type", "country", "description", "wikidata",
                                                    "source")}
    db["actors"].insert(row | {"reviewed": int(reviewed)}, ignore=True)
    aliases = [(a, "alias") for a in actor.aliases] + [(m, "metonym") for m in actor.metonyms] + [
        (t, "title") for t in actor.titles]
    db["actor_aliases"].insert_all(({"actor_id": actor.id, "alias": a, "kind": k} for a, k in aliases),
                                   ignore=True)


def write_article(db: sqlite_utils.Database, rows, outlet_ownership: dict[str, str]) -> None:
    """All rows of one extracted article (see extract.ArticleRows)."""
    db["actors"].insert_all(rows.discovered, ignore=True)
    denormalised = {"outlet_id": rows.article["outlet_id"],
                    "ownership": outlet_ownership.get(rows.article["outlet_id"], "unknown")}
    db["articles"].insert(rows.article | denormalised)
    db["mentions"].insert_all(rows.mentions)
    for table in ("quotes", "figures", "terms"):
        db[table].insert_all(row | denormalised for row in getattr(rows, table))


def finish(db: sqlite_utils.Database) -> None:
    """Indexes, full-text search and statistics, once all rows are in."""
    for table, indexes in INDEXES.items():
        for columns in indexes:
            db[table].create_index(columns, if_not_exists=True)
    for table, columns in FULL_TEXT.items():
        db[table].enable_fts(columns, create_triggers=False, tokenize="porter")
    db.conn.execute("ANALYZE")
    db.conn.commit()
    db.vacuum()


def check_foreign_keys(path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA foreign_key_check").fetchall()
