"""Rebuilds reuse the extraction of unchanged articles and give exactly the tables of a full rebuild."""

import shutil
import sqlite3

import pytest

from build import cache, cli, extract, lexicon, load

from .conftest import SOURCES

CHANGED = "000_c28f1383620f41ac.txt"
# A sentence whose person the NER model discovers, so the actors table changes too.
NEW_SENTENCE = "\n\nMarguerite Okonkwo, a researcher at the Lowy Institute, said 4,500 workers were moved in 2021.\n"
# A body named with its owner, which the actor_aliases table keeps as written.
OWNED_BODY_SENTENCE = "\n\nNorway's Ministry of Trade said 300 firms were checked in 2021.\n"


def tables(path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"select * from [{t}] order by 1, 2").fetchall() for t in load.SCHEMA}


def search(path, table: str, word: str) -> list[int]:
    with sqlite3.connect(path) as conn:
        return sorted(
            r[0] for r in conn.execute(f"select rowid from [{table}_fts] where [{table}_fts] match ?", (word,))
        )


@pytest.fixture
def extractions(monkeypatch):
    """The articles extracted (not taken from the cache) during the test."""
    seen = []
    real = extract.article_rows

    def counting(source, *args, **kwargs):
        seen.append(source.file)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(extract, "article_rows", counting)
    return seen


@pytest.fixture
def built(source_copy, tmp_path):
    """A database built with its cache from a writable copy of the sources."""
    db = tmp_path / "out" / "xinjiang.db"
    cli.build(source_copy, db, jobs=1)
    return db


def full_rebuild(sources_dir, tmp_path):
    fresh = tmp_path / "fresh" / "xinjiang.db"
    cli.build(sources_dir, fresh, jobs=1, use_cache=False)
    return fresh


def test_a_rebuild_of_unchanged_sources_extracts_nothing(source_copy, built, extractions):
    cli.build(source_copy, built, jobs=1)
    assert extractions == []


def test_editing_a_word_list_extracts_every_article_again(source_copy, built, extractions, tmp_path, monkeypatch):
    words = tmp_path / "lexicon"
    shutil.copytree(lexicon.FOLDER, words)
    with (words / "speech_verbs.csv").open("a", encoding="utf-8") as handle:
        handle.write("opine,,belief,0\n")
    monkeypatch.setattr(lexicon, "FOLDER", words)
    cli.build(source_copy, built, jobs=1)
    assert sorted(extractions) == sorted(p.name for p in (source_copy / "articles").iterdir())


def test_a_changed_article_is_the_only_one_extracted_again(source_copy, built, extractions):
    with (source_copy / "articles" / CHANGED).open("a", encoding="utf-8") as handle:
        handle.write(NEW_SENTENCE)
    cli.build(source_copy, built, jobs=1)
    assert extractions == [CHANGED]


def test_changing_an_article_gives_the_tables_of_a_full_rebuild(source_copy, built, tmp_path):
    with (source_copy / "articles" / CHANGED).open("a", encoding="utf-8") as handle:
        handle.write(NEW_SENTENCE)
    cli.build(source_copy, built, jobs=1)
    fresh = full_rebuild(source_copy, tmp_path)
    assert tables(built) == tables(fresh)
    assert "marguerite-okonkwo" in {row[0] for row in tables(built)["actors"]}


def test_the_names_an_article_gives_a_discovered_actor_come_and_go_with_the_article(source_copy, built, tmp_path):
    article = source_copy / "articles" / CHANGED
    original = article.read_text(encoding="utf-8")
    article.write_text(original + OWNED_BODY_SENTENCE, encoding="utf-8")
    cli.build(source_copy, built, jobs=1)
    alias = ("ministry-of-trade-of-norway", "Norway's Ministry of Trade", "alias")
    assert alias in tables(built)["actor_aliases"]
    article.write_text(original, encoding="utf-8")
    cli.build(source_copy, built, jobs=1)
    assert tables(built) == tables(full_rebuild(source_copy, tmp_path))


def test_changing_an_article_updates_full_text_search(source_copy, built):
    with (source_copy / "articles" / CHANGED).open("a", encoding="utf-8") as handle:
        handle.write(NEW_SENTENCE)
    cli.build(source_copy, built, jobs=1)
    assert len(search(built, "articles", "Okonkwo")) == 1
    assert len(search(built, "figures", "workers")) > 0


def test_removing_an_article_gives_the_tables_of_a_full_rebuild(source_copy, built, tmp_path):
    listing = source_copy / "articles.csv"
    listing.write_text(
        "".join(
            line
            for line in listing.read_text(encoding="utf-8").splitlines(keepends=True)
            if not line.startswith(CHANGED)
        ),
        encoding="utf-8",
    )
    (source_copy / "articles" / CHANGED).unlink()
    cli.build(source_copy, built, jobs=1)
    assert tables(built) == tables(full_rebuild(source_copy, tmp_path))
    assert search(built, "articles", "Guangxi") == []


def test_editing_the_registry_extracts_every_article_again(source_copy, built, extractions):
    path = source_copy / "not_actors.csv"
    columns = path.read_text(encoding="utf-8").splitlines()[0].count(",")
    with path.open("a", encoding="utf-8") as handle:
        handle.write("Somewhere Else,place" + "," * (columns - 1) + "\n")
    cli.build(source_copy, built, jobs=1)
    assert len(extractions) == 5


def test_a_database_replaced_behind_the_cache_is_rebuilt_not_patched(source_copy, built, tmp_path):
    other = tmp_path / "other.db"
    cli.build(SOURCES, other, jobs=1, use_cache=False)
    with sqlite3.connect(other) as conn:
        conn.execute("delete from quotes")
    built.write_bytes(other.read_bytes())
    cli.build(source_copy, built, jobs=1)
    assert tables(built) == tables(full_rebuild(source_copy, tmp_path))


def test_a_new_search_tokenizer_rebuilds_the_search_indexes(source_copy, built, monkeypatch):
    monkeypatch.setattr(load, "TOKENIZER", "porter")
    cli.build(source_copy, built, jobs=1)
    with sqlite3.connect(built) as conn:
        created = conn.execute("select sql from sqlite_master where name = 'quotes_fts'").fetchone()[0]
    assert "porter" in created


def test_the_cache_keeps_only_the_entries_of_the_last_build(source_copy, built):
    with (source_copy / "articles" / CHANGED).open("a", encoding="utf-8") as handle:
        handle.write(NEW_SENTENCE)
    cli.build(source_copy, built, jobs=1)
    store = cache.Cache(cache.path_beside(built))
    assert len(store.keys()) == 5
    store.close()
