"""The front page and the comparison queries: where to start, and coverage compared side by side."""

import html
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
import yaml

from .conftest import ROOT, answer

QUERIES = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))["databases"]["xinjiang"]["queries"]
README_SECTION = "## For journalists: pages and charts"


async def query(site, name, **params):
    response = await answer(site, f"/xinjiang/{name}.json?" + urlencode({"_shape": "array", **params}))
    return response.json()


def hrefs(page: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"]*)"', page)]


def readme_links() -> list[str]:
    """The site paths the README's journalists' section links to."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(README_SECTION, 1)[1].split("\n## ", 1)[0]
    return [
        link.removeprefix("http://127.0.0.1:8001")
        for link in re.findall(r"\((http://127\.0\.0\.1:8001[^)\s]*)\)", section)
    ]


def chart(link: str) -> tuple[str, dict]:
    """The query a datasette-vega chart link opens, and its settings (g.x_column=... in the fragment)."""
    path, _, fragment = link.partition("#")
    return urlsplit(path).path.rsplit("/", 1)[1], {k.removeprefix("g."): v for k, v in parse_qsl(fragment)}


# The front page


@pytest.mark.anyio
async def test_front_page_says_what_the_dataset_is_its_scope_how_it_was_built_and_its_limits(site):
    page = (await answer(site, "/")).text
    assert "Who said what, with which numbers, in which outlet" in page
    for heading in ("Scope", "Where to start", "How it was built", "Limits"):
        assert f"<h2>{heading}</h2>" in page


@pytest.mark.anyio
async def test_front_page_shows_where_journalists_programmers_and_data_scientists_start(site):
    page = (await answer(site, "/")).text
    for audience in ("Journalists", "Programmers", "Data scientists"):
        assert f"<h3>{audience}</h3>" in page
    assert 'href="/xinjiang.db"' in page


@pytest.mark.anyio
async def test_front_page_scope_is_counted_from_the_database(site, seed):
    page = (await answer(site, "/")).text
    outlets = next(seed.query("select count(distinct outlet_id) as n from articles"))["n"]
    assert f"{seed['articles'].count} articles from {outlets} outlets" in page


@pytest.mark.anyio
async def test_every_link_on_the_front_page_leads_somewhere(site):
    page = (await answer(site, "/")).text
    for link in hrefs(page):
        if link.startswith("/"):
            await answer(site, link.split("#")[0])


@pytest.mark.anyio
async def test_chart_links_name_columns_their_query_returns(site):
    charts = [link for link in hrefs((await answer(site, "/")).text) + readme_links() if "#g." in link]
    assert {chart(link)[0] for link in charts} == {"figures_per_claimant", "quotes_per_speaker"}
    for link in charts:
        name, settings = chart(link)
        columns = set((await query(site, name))[0])
        assert {settings["x_column"], settings["y_column"], settings["color_column"]} <= columns


@pytest.mark.anyio
async def test_the_claimant_and_speaker_charts_colour_by_affiliation(site):
    charts = [link for link in hrefs((await answer(site, "/")).text) + readme_links() if "#g." in link]
    assert charts and {chart(link)[1]["color_column"] for link in charts} == {"affiliation"}


@pytest.mark.anyio
async def test_every_readme_link_for_journalists_leads_somewhere(site):
    links = readme_links()
    assert links
    for link in links:
        await answer(site, link.split("#")[0])


# The canned queries


def test_every_canned_query_has_a_title_and_a_description():
    for name, canned in QUERIES.items():
        assert canned.get("title") and (canned.get("description") or canned.get("description_html")), name


def test_every_canned_query_says_what_it_compares_and_what_it_does_not():
    for name, canned in QUERIES.items():
        for part in ('<p class="compares"><strong>What it compares.</strong>', '<p class="does-not"><strong>What it'):
            assert part in canned["description_html"], (name, part)


@pytest.mark.anyio
async def test_every_canned_query_answers_with_its_parameters_left_empty(site):
    for name in QUERIES:
        await answer(site, f"/xinjiang/{name}.json")


@pytest.mark.anyio
async def test_quotes_about_a_word_give_speaker_outlet_ownership_and_passage(site):
    rows = await query(site, "quotes_about", word="genocide")
    assert rows
    for row in rows:
        assert row["outlet"] and row["ownership"] and row["passage_url"].startswith("/-/article/")


@pytest.mark.anyio
async def test_quotes_about_a_word_only_returns_quotes_with_that_word(site, seed):
    rows = await query(site, "quotes_about", word="genocide")
    expected = {
        r["passage_url"]
        for r in seed.query("select passage_url from quotes where lower(text || ' ' || sentence) like '%genocid%'")
    }
    assert {row["passage_url"] for row in rows} == expected


@pytest.mark.anyio
async def test_figures_on_a_subject_give_claimant_period_and_outlet(site):
    rows = await query(site, "figures_by_claimant", subject="poverty")
    assert rows and {"claimant", "period", "outlet", "ownership", "passage_url"} <= set(rows[0])
    for row in rows:
        assert "povert" in (row["sentence"] + row["as_written"] + (row["unit"] or "")).lower()


@pytest.mark.anyio
async def test_labels_are_counted_side_by_side_by_ownership(site, seed):
    rows = await query(site, "terms_by_ownership")
    expected = {
        (r["term"], r["usage"], r["ownership"]): r["n"]
        for r in seed.query(
            "select term_normalized as term, usage, ownership, count(*) as n from terms group by 1, 2, 3"
        )
    }

    def uses(row, *ownerships):
        return sum(expected.get((row["term"], row["usage"], ownership), 0) for ownership in ownerships)

    for row in rows:
        assert row["state_or_party"] == uses(row, "state", "party")
        assert row["independent"] == uses(row, "private", "public service", "nonprofit")
        assert row["unknown_ownership"] == uses(row, "unknown")
    assert sum(r["state_or_party"] + r["independent"] + r["unknown_ownership"] for r in rows) == seed["terms"].count


@pytest.mark.anyio
async def test_two_labels_count_each_outlets_articles_using_each_label(site, seed):
    rows = await query(site, "two_labels", label="vocational", other_label="camp")
    assert rows
    for row in rows:
        texts = [
            r["text"].lower()
            for r in seed.query(
                "select text from articles join outlets on outlets.id = articles.outlet_id where outlets.name = ?",
                [row["outlet"]],
            )
        ]
        assert row["articles_with_label"] == sum(bool(re.search(r"\bvocational\b", t)) for t in texts)
        assert row["articles_with_other_label"] == sum(bool(re.search(r"\bcamps?\b", t)) for t in texts)


@pytest.mark.anyio
async def test_speakers_by_outlet_counts_every_attributed_quote(site, seed):
    rows = await query(site, "speakers_by_outlet")
    assert sum(row["quotes"] for row in rows) == seed["quotes"].count_where("speaker_id is not null")
    assert all(row["speaker_page"].startswith("/-/actor/") for row in rows)


@pytest.mark.anyio
async def test_the_chart_queries_count_every_quote_and_figure_once(site, seed):
    speakers = await query(site, "quotes_per_speaker")
    claimants = await query(site, "figures_per_claimant")
    assert sum(row["quotes"] for row in speakers) == seed["quotes"].count
    assert sum(row["figures"] for row in claimants) == seed["figures"].count
