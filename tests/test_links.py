"""Row pages lead on, labels are for people, and every link to this site's pages is encoded and under base_url."""

import csv
import re
import shutil

import pytest
import sqlite_utils

from build import cli

from .conftest import SOURCES, answer, served_in_process

QUOTE_WITH_SPEAKER = "select * from quotes where speaker_id is not null order by id limit 1"
FIGURE_WITH_CLAIMANT = "select * from figures where claimant_id is not null order by id limit 1"


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


@pytest.mark.anyio
async def test_a_quote_row_page_links_its_speaker_article_and_outlet_to_their_pages(site, seed):
    quote = next(seed.query(QUOTE_WITH_SPEAKER))
    html = (await answer(site, f"/xinjiang/quotes/{quote['id']}")).text
    speaker = seed["actors"].get(quote["speaker_id"])["name"]
    assert f'<a href="/-/actor/{quote["speaker_id"]}">{speaker}</a>' in html
    assert f'href="/-/article/{quote["article_id"]}"' in html
    assert f'href="/xinjiang/outlets/{quote["outlet_id"]}"' in html


@pytest.mark.anyio
async def test_a_figure_row_page_links_its_claimant_to_the_actor_page(site, seed):
    figure = next(seed.query(FIGURE_WITH_CLAIMANT))
    html = (await answer(site, f"/xinjiang/figures/{figure['id']}")).text
    assert f"/-/actor/{figure['claimant_id']}" in hrefs(html)


@pytest.mark.anyio
async def test_a_mention_row_page_links_its_actor(site, seed):
    mention = next(seed["mentions"].rows)
    html = (await answer(site, f"/xinjiang/mentions/{mention['id']}")).text
    assert f"/-/actor/{mention['actor_id']}" in hrefs(html)


@pytest.mark.anyio
async def test_facets_and_column_headers_use_human_labels(site):
    html = (await answer(site, "/xinjiang/quotes")).text
    assert "(counted)" not in html
    facet = re.search(r'data-column="speaker_id">\s*<p class="facet-info-name">\s*<strong>([^<]*)<', html)
    assert facet and facet.group(1).strip() == "speaker"
    header = re.search(r'<th [^>]*data-column="speaker_id"[^>]*>\s*<a [^>]*>([^<]*)</a>', html)
    assert header and header.group(1).strip() == "speaker"


@pytest.fixture(scope="module")
def spaced_db(tmp_path_factory):
    """The seeds with one article whose file name holds a space and a hash sign."""
    folder = tmp_path_factory.mktemp("spaced") / "sources"
    shutil.copytree(SOURCES, folder)
    original = "000_c28f1383620f41ac.txt"
    renamed = "my article #1.txt"
    (folder / "articles" / original).rename(folder / "articles" / renamed)
    listing = folder / "articles.csv"
    with listing.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["file"] = renamed if row["file"] == original else row["file"]
    with listing.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    db = folder.parent / "xinjiang.db"
    cli.build(folder, db, jobs=1, use_model=False)
    return db


@pytest.mark.anyio
async def test_a_file_name_with_a_space_keeps_its_passage_link(spaced_db):
    site = served_in_process(spaced_db)
    quote = next(sqlite_utils.Database(spaced_db)["quotes"].rows_where("article_id = ?", ["my article #1"]))
    assert quote["passage_url"] == f"/-/article/my%20article%20%231#{quote['id']}"
    html = (await answer(site, f"/xinjiang/quotes/{quote['id']}")).text
    assert f'<a class="go" href="{quote["passage_url"]}">' in html
    article = (await answer(site, quote["passage_url"].split("#")[0])).text
    assert f'id="{quote["id"]}"' in article


@pytest.fixture(scope="module")
def under_base_url(seed_db):
    return served_in_process(seed_db, base_url="/data/")


@pytest.mark.anyio
async def test_every_site_link_is_under_the_base_url(under_base_url, seed):
    quote = next(seed.query(QUOTE_WITH_SPEAKER))
    # Datasette's test client puts the base URL in front of each path.
    pages = [
        f"/xinjiang/quotes/{quote['id']}",
        f"/-/article/{quote['article_id']}",
        f"/-/actor/{quote['speaker_id']}",
        "/xinjiang/quotes_about?word=camps",
        "/xinjiang/quotes",
        "/",
        "/data-dictionary",
    ]
    for page in pages:
        html = (await answer(under_base_url, page)).text
        ours = [h for h in hrefs(html) if h.startswith("/") and not h.startswith("/data/")]
        assert ours == [], (page, ours)
