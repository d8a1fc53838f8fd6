"""What a journalist does, in Debian's Chromium against `make serve`; screenshots go to tests/artifacts/."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS

# The comparison pages, as the front page links them, and the two passage columns of each page's rows.
COMPARISONS = {
    "figures_disagree": ("passage_url", "other_passage_url"),
    "contested_figures": ("state_or_party_passage_url", "independent_passage_url"),
    "terms_by_ownership": ("state_or_party_example", "independent_example"),
    "two_labels": ("label_example", "other_label_example"),
    "quotes_by_topic": ("state_or_party_example", "independent_example"),
    "figures_by_topic": ("state_or_party_example", "independent_example"),
    "terms_by_topic": ("state_or_party_example", "independent_example"),
}

pytestmark = pytest.mark.slow

MOST_QUOTED_SPEAKER = """
    select actors.id, actors.name from quotes join actors on actors.id = quotes.speaker_id
    group by actors.id order by count(*) desc limit 1
"""
MOST_QUOTED_SPEAKER_IN_AN_ARTICLE_WITH_TERMS = """
    select actors.name from quotes join actors on actors.id = quotes.speaker_id
    where quotes.article_id in (select article_id from terms)
    group by actors.id order by count(*) desc limit 1
"""


@pytest.fixture
def page(browser, server):
    page = browser.new_page(base_url=server, viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def screenshot(page, name, full_page=True):
    """Saved for a person to look at: the pages must read well, which no assertion can tell."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=full_page)


def follow_passage_link(page):
    page.get_by_role("link", name="Read it highlighted in the article").click()


def test_speaker_facet_shows_only_that_speakers_quotes(page):
    page.goto("/xinjiang/quotes")
    facet = page.locator('.facet-info[data-column="speaker_id"] li a').first
    speaker = facet.inner_text()
    facet.click()
    page.wait_for_url(re.compile(r"speaker_id="))
    speakers = page.locator("td.col-speaker_id").all_inner_texts()
    assert speakers and all(text.startswith(speaker) for text in speakers)
    screenshot(page, "quotes-by-speaker")


def test_a_highlight_leads_to_its_row_and_the_row_back_to_its_passage(page, seed):
    quote = next(seed.query("select id, article_id from quotes where speaker_id is not null order by start limit 1"))
    page.goto(f"/-/article/{quote['article_id']}")
    page.locator(f"mark#{quote['id']} > a").first.click()
    page.wait_for_url(re.compile(f"/xinjiang/quotes/{quote['id']}$"))
    screenshot(page, "quote-row")
    follow_passage_link(page)
    page.wait_for_url(re.compile(f"/-/article/{quote['article_id']}#{quote['id']}$"))
    expect(page.locator(":target")).to_have_attribute("id", quote["id"])
    expect(page.locator(f"mark#{quote['id']}")).to_be_in_viewport()
    screenshot(page, "article-at-passage", full_page=False)


def test_a_canned_query_runs_with_a_typed_parameter(page, seed):
    page.goto("/xinjiang/quotes_about")
    page.fill('input[name="word"]', "genocide")
    page.get_by_role("button", name="Run SQL").click()
    page.wait_for_url(re.compile(r"word=genocide"))
    expected = seed.execute(
        "select count(*) from quotes where lower(text || ' ' || sentence) like '%genocid%'"
    ).fetchone()[0]
    expect(page.locator("td.col-quote")).to_have_count(expected)
    screenshot(page, "quotes-about-genocide")


def test_a_journalist_goes_from_a_facet_to_a_quote_to_its_passage_to_other_outlets_framing(page, seed):
    speaker = next(seed.query(MOST_QUOTED_SPEAKER_IN_AN_ARTICLE_WITH_TERMS))["name"]
    page.goto("/xinjiang/quotes")
    page.locator('.facet-info[data-column="speaker_id"] li a', has_text=speaker).click()
    page.wait_for_url(re.compile(r"speaker_id="))
    page.locator("td.col-id a").first.click()
    page.wait_for_url(re.compile(r"/xinjiang/quotes/q_"))
    follow_passage_link(page)
    page.wait_for_url(re.compile(r"/-/article/.+#q_"))
    expect(page.locator("mark.hl:target")).to_have_count(1)
    page.locator(".compare a[href*='terms_by_ownership']").first.click()
    page.wait_for_url(re.compile(r"/xinjiang/terms_by_ownership\?word="))
    expect(page.locator("th.col-state_or_party")).to_be_visible()
    expect(page.locator("th.col-independent")).to_be_visible()
    assert page.locator("td.col-term").count() > 0
    screenshot(page, "framing-by-ownership")


def test_chart_link_on_the_front_page_draws_a_chart(page):
    page.goto("/")
    screenshot(page, "front-page")
    page.get_by_role("link", name="figures by claimant").click()
    page.wait_for_url(re.compile(r"/xinjiang/figures_per_claimant#g\."))
    expect(page.locator(".vega-embed canvas, .vega-embed svg").first).to_be_visible()
    screenshot(page, "chart-figures-by-claimant")


def test_an_actors_name_opens_the_actor_page(page, seed):
    actor = next(seed.query(MOST_QUOTED_SPEAKER))
    page.goto(f"/xinjiang/actors?id={actor['id']}")
    page.get_by_role("link", name=actor["name"], exact=True).click()
    page.wait_for_url(re.compile(f"/-/actor/{actor['id']}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(actor["name"])
    screenshot(page, "actor-page")


@pytest.fixture
def comparing(browser, comparison_server):
    page = browser.new_page(base_url=comparison_server, viewport={"width": 1280, "height": 900})
    yield page
    page.close()


@pytest.mark.parametrize("name, columns", COMPARISONS.items(), ids=list(COMPARISONS))
def test_a_comparison_page_opened_from_the_front_page_explains_itself_and_leads_to_both_passages(
    comparing, name, columns
):
    page = comparing
    page.goto("/")
    page.locator(f".start-here a[href*='/xinjiang/{name}']").first.click()
    page.wait_for_url(re.compile(f"/xinjiang/{name}"))
    expect(page.locator("p.compares")).to_contain_text("What it compares.")
    expect(page.locator("p.does-not")).to_contain_text("What it does not.")
    screenshot(page, f"comparison-{name}")
    links = [f"td.col-{column} a" for column in columns]
    row = (
        page.locator("table.rows-and-columns tbody tr")
        .filter(has=page.locator(links[0]))
        .filter(has=page.locator(links[1]))
    )
    passages = [row.first.locator(link).get_attribute("href") for link in links]
    for link, passage in zip(links, passages, strict=True):
        page.locator(f"{link}[href='{passage}']").first.click()
        page.wait_for_url(re.compile(re.escape(passage) + "$"))
        expect(page.locator(":target")).to_have_attribute("id", passage.rsplit("#", 1)[1])
        page.go_back()
        page.wait_for_url(re.compile(f"/xinjiang/{name}"))
