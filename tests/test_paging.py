"""Following next_url returns every row of a table exactly once, whatever its sort, filter, search and page size."""

from urllib.parse import urlencode, urlsplit

import pytest
import sqlite_utils
import yaml

from build import load

from .conftest import ROOT, answer

METADATA_TABLES = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))["databases"]["xinjiang"]["tables"]
# Every table the build writes.
TABLES = [*load.SCHEMA, load.BUILD_INFO, load.FACET_COUNTS]
PAGE_SIZES = (3, 10, 1000)


def orders(table: str, db: sqlite_utils.Database) -> list[dict]:
    """The default order (metadata.yml's sort, or the primary key), and a user sort both ways on the column with the
    most ties."""
    columns = [c for c in db[table].columns_dict if c not in db[table].pks]
    tied = max(columns, key=lambda c: db.execute(f"select count(*) - count(distinct [{c}]) from [{table}]").fetchone())
    return [{}, {"_sort": tied}, {"_sort_desc": tied}]


def filters(table: str, db: sqlite_utils.Database) -> list[tuple[dict, str, list]]:
    """No filter, a facet's commonest value, and a search where the table has an index: (query, where, params)."""
    found = [({}, "1", [])]
    facets = METADATA_TABLES.get(table, {}).get("facets", [])
    if facets:
        facet = facets[0]["counted"] if isinstance(facets[0], dict) else facets[0]
        value = db.execute(
            f"select [{facet}] from [{table}] where [{facet}] is not null group by 1 order by count(*) desc limit 1"
        ).fetchone()[0]
        found.append(({facet: value}, f"[{facet}] = ?", [value]))
    if db[table].detect_fts():
        word = "xinjiang"
        found.append(
            ({"_search": word}, f"rowid in (select rowid from [{table}_fts] where [{table}_fts] match ?)", [word])
        )
    return found


async def follow(site, path: str) -> list[dict]:
    rows = []
    while path:
        page = (await answer(site, path)).json()
        rows += page["rows"]
        path = page["next_url"] and urlsplit(page["next_url"])._replace(scheme="", netloc="").geturl()
    return rows


def cases(db_path) -> list:
    db = sqlite_utils.Database(db_path)
    return [
        (table, order, query, where, params)
        for table in TABLES
        for order in orders(table, db)
        for query, where, params in filters(table, db)
    ]


@pytest.mark.anyio
async def test_following_next_url_returns_every_row_exactly_once(site, seed, seed_db):
    checked = 0
    for table, order, query, where, params in cases(seed_db):
        keys = seed[table].pks
        selected = seed.execute(f"select {', '.join(keys)} from [{table}] where {where}", params)
        expected = sorted(tuple(row) for row in selected)
        for size in PAGE_SIZES:
            path = f"/xinjiang/{table}.json?" + urlencode({**order, **query, "_size": size, "_shape": "objects"})
            rows = await follow(site, path)
            assert sorted(tuple(row[k] for k in keys) for row in rows) == expected, path
            checked += 1
    assert checked > 100


@pytest.mark.anyio
async def test_the_first_page_is_ordered_by_the_sort_then_the_primary_key(site, seed):
    rows = (await answer(site, "/xinjiang/quotes.json?_sort=kind&_size=10&_shape=objects")).json()["rows"]
    assert [(r["kind"], r["id"]) for r in rows] == [
        tuple(r) for r in seed.execute("select kind, id from quotes order by kind, id limit 10")
    ]
