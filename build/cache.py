"""The extracted rows of every article, kept beside the database so that a rebuild re-extracts only what changed.

An entry is keyed by a hash of everything its rows depend on: the article's bytes and its row in articles.csv,
the extractor's version and code, the registries, and the spaCy and model versions (see `article_key` and
`cli.build`). An entry is never
wrong, only unused, so a failed build may leave entries behind without harm.

The cache also remembers which articles, with which keys, make up the database it sits beside (the
"manifest"), so that the next build can update that database in place of rebuilding it.
"""

import hashlib
import json
import sqlite3
import zlib
from dataclasses import asdict
from pathlib import Path

from .records import ArticleRows, ArticleSource

# Commit every so many new entries: a crash then loses little extraction work.
COMMIT_EVERY = 100


def path_beside(db_path) -> Path:
    """`.cache/<database name>.sqlite` in the database's folder (gitignored)."""
    db_path = Path(db_path)
    return db_path.parent / ".cache" / f"{db_path.name}.sqlite"


def digest(*parts) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()


def article_key(article: ArticleSource, sha256: str, context: str) -> str:
    """What an article's rows depend on: its bytes, its articles.csv row and the extraction context."""
    return digest(
        context,
        sha256,
        article.file,
        article.outlet_id,
        article.url,
        article.title,
        article.published,
        article.language,
        article.retrieved_from,
        article.notes,
    )


class Cache:
    def __init__(self, path):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(path)
        self.conn.executescript("""
            create table if not exists entries (key text primary key, rows blob not null, discovered text not null);
            create table if not exists manifest (position integer primary key, article_id text, key text);
            create table if not exists state (name text primary key, value text);
        """)
        self.uncommitted = 0

    def keys(self) -> set[str]:
        return {key for (key,) in self.conn.execute("select key from entries")}

    def get(self, key: str) -> ArticleRows:
        (blob,) = self.conn.execute("select rows from entries where key = ?", (key,)).fetchone()
        return ArticleRows(**json.loads(zlib.decompress(blob)))

    def discovered(self, key: str) -> list[dict]:
        """The actors an article discovered, without decoding all its rows."""
        (discovered,) = self.conn.execute("select discovered from entries where key = ?", (key,)).fetchone()
        return json.loads(discovered)

    def put(self, key: str, rows: ArticleRows) -> None:
        blob = zlib.compress(json.dumps(asdict(rows), ensure_ascii=False).encode("utf-8"), 1)
        self.conn.execute(
            "insert or replace into entries values (?, ?, ?)",
            (key, blob, json.dumps(rows.discovered, ensure_ascii=False)),
        )
        self.uncommitted += 1
        if self.uncommitted >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        self.conn.commit()
        self.uncommitted = 0

    def manifest(self) -> tuple[dict[str, str], list[tuple[str, str]]]:
        """The state and the (article id, key) list of the last database built beside this cache."""
        state = dict(self.conn.execute("select name, value from state"))
        return state, list(self.conn.execute("select article_id, key from manifest order by position"))

    def record(self, state: dict[str, str], plan: list[tuple[str, str]]) -> None:
        """Remember what the database now holds, and drop the entries it no longer uses."""
        with self.conn:
            self.conn.execute("delete from state")
            self.conn.executemany("insert into state values (?, ?)", state.items())
            self.conn.execute("delete from manifest")
            self.conn.executemany("insert into manifest (article_id, key) values (?, ?)", plan)
            self.conn.execute("delete from entries where key not in (select key from manifest)")
        self.uncommitted = 0

    def close(self) -> None:
        self.commit()
        self.conn.close()
