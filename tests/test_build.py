"""The database built from sources/: schema, offsets, provenance, determinism."""

import hashlib
import sqlite3

import sqlite_utils

from build import cli, load

from .conftest import SOURCES

SPAN_TABLES = {"quotes": "text", "figures": "text", "mentions": "text", "terms": "term"}


def test_every_table_of_the_public_schema_exists(seed_db):
    db = sqlite_utils.Database(seed_db)
    for table, columns in load.SCHEMA.items():
        assert set(columns) <= set(db[table].columns_dict), table


def test_every_offset_gives_back_its_text(seed_db):
    db = sqlite_utils.Database(seed_db)
    texts = {r["id"]: r["text"] for r in db["articles"].rows}
    checked = 0
    for table, column in SPAN_TABLES.items():
        for row in db[table].rows:
            assert texts[row["article_id"]][row["start"] : row["end"]] == row[column], (table, row["id"])
            checked += 1
    assert checked > 100


def test_every_seed_gives_quotes_figures_actors_and_terms(seed_db):
    db = sqlite_utils.Database(seed_db)
    assert db["articles"].count == 5
    for table in ("quotes", "figures", "mentions", "terms"):
        assert db[table].count > 5, table


def test_article_sha256_is_the_hash_of_the_file_as_received(seed_db):
    db = sqlite_utils.Database(seed_db)
    for row in db["articles"].rows:
        assert row["sha256"] == hashlib.sha256((SOURCES / "articles" / row["file"]).read_bytes()).hexdigest()


def test_foreign_keys_all_resolve(seed_db):
    assert load.check_foreign_keys(seed_db) == []


def test_boilerplate_is_not_in_the_published_text(seed_db):
    text = "\n".join(r["text"] for r in sqlite_utils.Database(seed_db)["articles"].rows)
    for furniture in ("Read the Latest News", "Leave a Reply", "Your email address", "مشاركة", "<  1  2"):
        assert furniture not in text


def test_two_builds_give_identical_tables(tmp_path, seed_db):
    again = tmp_path / "again.db"
    cli.build(SOURCES, again, jobs=1)
    first, second = sqlite3.connect(seed_db), sqlite3.connect(again)
    for table in load.SCHEMA:
        query = f"select * from [{table}] order by 1, 2"
        assert first.execute(query).fetchall() == second.execute(query).fetchall(), table


def test_full_text_search_finds_quotes_figures_and_articles(seed_db):
    db = sqlite_utils.Database(seed_db)
    assert list(db["quotes"].search("genocide"))
    assert list(db["figures"].search("households"))
    assert list(db["articles"].search("Urumqi"))


def test_one_actor_row_for_the_same_actor_across_articles(seed_db):
    db = sqlite_utils.Database(seed_db)
    rows = db.execute("select count(distinct article_id) from mentions where actor_id = 'xi-jinping'").fetchone()
    assert rows[0] >= 2
    assert db.execute("select count(*) from actors where name like 'Xi Jinping%'").fetchone()[0] == 1


def test_facet_counts_equal_a_group_by_count(seed_db):
    db = sqlite_utils.Database(seed_db)
    for table, columns in load.COUNTED.items():
        for column in columns:
            stored = {
                (r["value"], r["count"])
                for r in db.query(
                    "select value, count from facet_counts where table_name = ? and column_name = ?", [table, column]
                )
            }
            counted = {
                (r["value"], r["n"])
                for r in db.query(
                    f"select [{column}] as value, count(*) as n from [{table}] where [{column}] is not null group by 1"
                )
            }
            assert stored == counted, (table, column)


def test_a_figure_credited_to_the_articles_own_outlet_has_no_claimant(tmp_path):
    sources_dir = tmp_path / "sources"
    (sources_dir / "articles").mkdir(parents=True)
    for name in ("actors.csv", "not_actors.csv"):
        (sources_dir / name).write_bytes((SOURCES / name).read_bytes())
    (sources_dir / "outlets.csv").write_text(
        "id,name,country,ownership,owner,url,ownership_source\n"
        "reuters,Reuters,United Kingdom,private,,https://www.reuters.com/,https://en.wikipedia.org/wiki/Reuters\n",
        encoding="utf-8",
    )
    (sources_dir / "articles.csv").write_text(
        "file,outlet,url,title,published,language,retrieved_from,notes\n1_wire.txt,reuters,,,,en,,\n", encoding="utf-8"
    )
    (sources_dir / "articles" / "1_wire.txt").write_text(
        "The list now names 160 companies, according to a Reuters tally.\n", encoding="utf-8"
    )
    db = tmp_path / "wire.db"
    cli.build(sources_dir, db, use_model=False)
    figure = next(sqlite_utils.Database(db)["figures"].rows)
    assert (figure["value"], figure["claimant_id"], figure["attribution"]) == (160, None, "outlet")
