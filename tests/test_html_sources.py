"""Web pages as sources of the build: an .html article's text is trafilatura's extraction, normalised as a plain
text is, and its rows lead back to passages of that text. Pages are added with `python -m build add`."""

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlite_utils

from build import add, cli, sources
from build.validate import SourceError

from .conftest import answer, served_in_process
from .web import PAGES, make_sources, page_bytes, serving


@pytest.fixture
def sources_dir(tmp_path):
    return make_sources(tmp_path / "sources")


@dataclass(frozen=True)
class Built:
    db: Path  # named xinjiang.db, as `make serve` names it
    from_url: str  # the article ids
    from_file: str


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    """A database built from two articles added with `add`: one from a URL on loopback, one from a saved page."""
    root = tmp_path_factory.mktemp("html")
    folder = make_sources(root / "sources")
    with serving() as site:
        from_url = add.add(site.serve("/news/herald", page_bytes("herald_news")), folder)
    from_file = add.add(str(PAGES / "wire_story.html"), folder)
    cli.build(folder, root / "xinjiang.db", jobs=1)
    return Built(root / "xinjiang.db", from_url.path.stem, from_file.path.stem)


@pytest.mark.slow
@pytest.mark.parametrize("source", ["from_url", "from_file"])
def test_an_added_article_is_built_with_its_quotes_and_figures(built, source):
    db, article_id = sqlite_utils.Database(built.db), getattr(built, source)
    assert db["quotes"].count_where("article_id = ?", [article_id]) >= 3
    assert db["figures"].count_where("article_id = ?", [article_id]) >= 3


@pytest.mark.slow
def test_rows_of_a_web_page_lead_back_to_passages_of_its_extracted_text(built):
    db = sqlite_utils.Database(built.db)
    text = db["articles"].get(built.from_url)["text"]
    assert text.startswith("Three of the world's largest clothing brands") and "Sign up" not in text
    for table in ("quotes", "figures", "mentions"):
        for row in db.query(f"select text, start, [end] from {table} where article_id = ?", [built.from_url]):
            assert text[row["start"] : row["end"]] == row["text"]


@pytest.mark.slow
@pytest.mark.anyio
async def test_the_article_page_says_the_text_was_extracted_from_a_saved_page(built):
    response = await answer(served_in_process(built.db), f"/-/article/{built.from_file}")
    assert f"{built.from_file}.html" in response.text
    assert "Saved page wire_story.html, added on" in response.text
    assert "text extracted by trafilatura (no JavaScript run)" in response.text


def test_build_info_records_how_web_pages_become_text(sources_dir, tmp_path):
    cli.build(sources_dir, tmp_path / "x.db", jobs=1, use_model=False)
    with sqlite3.connect(tmp_path / "x.db") as conn:
        (value,) = conn.execute("select value from build_info where key = 'html_extraction'").fetchone()
    assert value.startswith("trafilatura 2.3.1 (lxml ")
    assert "include_comments=False" in value and "include_tables=False" in value


def register(root, name: str, data: bytes) -> None:
    (root / "articles" / name).write_bytes(data)
    with (root / "articles.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"{name},global-wire,,,,,,\n")


def test_a_page_with_no_article_text_stops_the_build_naming_it(sources_dir, tmp_path):
    register(sources_dir, "000_empty.html", b"<!DOCTYPE html><html><head><title>x</title></head><body></body></html>")
    register(sources_dir, "001_wire.html", page_bytes("wire_story"))
    (tmp_path / "x.db").write_bytes(b"the earlier database")
    with pytest.raises(SourceError, match=r"000_empty\.html: no article text found in the page"):
        cli.build(sources_dir, tmp_path / "x.db", jobs=2, use_model=False, use_cache=False)
    assert (tmp_path / "x.db").read_bytes() == b"the earlier database"


def test_a_page_that_cannot_be_decoded_stops_the_build_naming_it(sources_dir, tmp_path):
    register(sources_dir, "000_alpine.html", page_bytes("alpine_cp1252").replace(b"windows-1252", b"utf-8"))
    with pytest.raises(SourceError, match=r"000_alpine\.html: not valid utf-8, the character set it declares"):
        cli.build(sources_dir, tmp_path / "x.db", jobs=1, use_model=False)


def test_a_page_source_is_read_as_its_extracted_text(sources_dir):
    register(sources_dir, "000_wire.html", page_bytes("wire_story"))
    [article] = sources.load(sources_dir).articles
    text, _ = sources.read_text(article)
    assert "GENEVA (GW)" in text and "Most read" not in text and "<p>" not in text
