"""Every record leads back to its passage: the article page, passage links on rows, actor pages, hostile text."""

import csv
import shutil
import sqlite3
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
import sqlite_utils
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from build import cli

from .conftest import ARTIFACTS, SOURCES, answer, load_plugin, served_in_process, serving

SPAN_TABLES = ("quotes", "figures", "mentions", "terms")
SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
ARTICLE_WITH_URL = """
    select articles.*, outlets.name as outlet from articles join outlets on outlets.id = articles.outlet_id
    where articles.url is not null limit 1
"""
SPEAKER_WITH_MOST_FIGURES = """
    select claimant_id as id from figures where claimant_id in (select speaker_id from quotes)
    group by 1 order by count(*) desc limit 1
"""


article_page = load_plugin("article_page")
safe_links = load_plugin("safe_links")


def span(row_id, kind, start, end):
    return article_page.Highlight(row_id, kind, start, end, f"/xinjiang/{kind}s/{row_id}", f"{kind} {row_id}")


class Page(HTMLParser):
    """What a page would do in a browser: its open marks, its text, its links, scripts and event handlers."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.text, self.ids, self.nesting, self.marks = [], [], [], []
        self.hrefs, self.scripts, self.images, self.handlers = [], [], [], []
        self.in_own_link = self.in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.handlers += [(name, value) for name, value in attrs.items() if name.startswith("on")]
        if tag == "mark":
            if "id" in attrs:
                self.ids.append(attrs["id"])
                self.nesting.append((attrs["id"], [m for m in self.marks if m]))
            self.marks.append(attrs.get("id"))
        elif tag == "a":
            self.hrefs.append(attrs.get("href") or "")
            self.in_own_link = "hl-own-link" in (attrs.get("class") or "")
        elif tag == "script":
            self.in_script = True
            self.scripts.append("")
        elif tag == "img":
            self.images.append(attrs.get("src"))

    def handle_endtag(self, tag):
        if tag == "mark":
            self.marks.pop()
        elif tag == "a":
            self.in_own_link = False
        elif tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script:
            self.scripts[-1] += data
        elif not self.in_own_link:
            self.text.append(data)


# The highlighter


def test_highlight_escapes_source_text_at_every_boundary():
    text = 'a <b>bold</b> & "quoted" claim'
    html = article_page.highlight(text, [span("q_1", "quote", 2, 13), span("t_1", "term", 16, 24)])
    assert "<b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "".join(Page(html).text) == text


def test_highlight_nests_a_mention_inside_its_quote():
    text = "He said that Xi Jinping was right."
    html = article_page.highlight(text, [span("q_1", "quote", 8, 33), span("m_1", "mention", 13, 23)])
    assert Page(html).nesting == [("q_1", []), ("m_1", ["q_1"])]


def test_highlight_closes_and_reopens_a_span_that_overlaps_without_nesting():
    html = article_page.highlight("one two three", [span("q_1", "quote", 0, 7), span("t_1", "term", 4, 13)])
    assert html.count('id="t_1"') == 1
    assert 'class="hl hl-term hl-continued"' in html
    assert "".join(Page(html).text) == "one two three"


def test_words_covered_by_several_highlights_link_to_the_innermost():
    html = article_page.highlight("said Xi Jinping", [span("q_1", "quote", 0, 15), span("m_1", "mention", 5, 15)])
    assert '<a href="/xinjiang/mentions/m_1" title="mention m_1">Xi Jinping</a>' in html
    assert '<a href="/xinjiang/quotes/q_1" title="quote q_1">said </a>' in html


def test_a_highlight_left_with_no_words_of_its_own_gets_a_link_of_its_own():
    html = article_page.highlight("camps", [span("q_1", "quote", 0, 5), span("t_1", "term", 0, 5)])
    assert '<a class="hl-own-link" href="/xinjiang/quotes/q_1"' in html


def test_highlights_outside_the_text_are_left_out():
    html = article_page.highlight("short", [span("m_1", "mention", 3, 99)])
    assert html == "short"


@given(
    st.text(alphabet='ab <>&"\n', max_size=30),
    st.lists(st.tuples(st.sampled_from(article_page.KINDS), st.integers(0, 30), st.integers(0, 30)), max_size=8),
)
def test_highlighted_text_reads_exactly_as_the_source_with_each_row_anchored_once(text, spans):
    highlights = [span(f"r_{i}", kind, min(a, b), max(a, b)) for i, (kind, a, b) in enumerate(spans)]
    page = Page(article_page.highlight(text, highlights))
    assert "".join(page.text) == text
    assert sorted(page.ids) == sorted(h.row_id for h in highlights if h.end <= len(text))
    assert page.marks == []


def test_comparison_looks_for_any_longer_word_of_a_term():
    assert article_page.any_of_its_words("vocational training centres") == "vocational OR training OR centres"
    assert article_page.any_of_its_words("a better life for all") == "better OR life"
    assert article_page.any_of_its_words("cpc") == "cpc"


@pytest.mark.parametrize("link", ["/-/article/004_d42e#q_d014f1", "/-/article/004_d42e", "/-/actor/xi-jinping"])
def test_paths_to_article_and_actor_pages_are_site_links(link):
    assert safe_links.site_link(link) == link


@pytest.mark.parametrize(
    "value",
    ["javascript:alert(1)", "//evil.example/-/article/x", '/-/article/x" onmouseover="alert(1)', "/xinjiang.db", None],
)
def test_anything_else_is_not_a_site_link(value):
    assert safe_links.site_link(value) is None


# Pages on the seed database


async def html_of(site, path):
    return (await answer(site, path)).text


def most_quoted_article(seed):
    return next(seed.query("select article_id from quotes group by 1 order by count(*) desc limit 1"))["article_id"]


@pytest.mark.anyio
async def test_article_page_shows_where_the_text_comes_from(site, seed):
    article = next(seed.query(ARTICLE_WITH_URL))
    html = await html_of(site, f"/-/article/{article['id']}")
    for fact in (article["outlet"], article["ownership"], article["published"], article["sha256"]):
        assert fact in html
    assert f'<a href="{article["url"]}">' in html


@pytest.mark.anyio
async def test_article_page_anchors_every_row_of_the_article(site, seed):
    article_id = most_quoted_article(seed)
    page = Page(await html_of(site, f"/-/article/{article_id}"))
    rows = {row["id"] for table in SPAN_TABLES for row in seed[table].rows_where("article_id = ?", [article_id])}
    assert set(page.ids) == rows


@pytest.mark.anyio
async def test_every_highlight_links_to_its_row(site, seed):
    article_id = most_quoted_article(seed)
    page = Page(await html_of(site, f"/-/article/{article_id}"))
    for table in SPAN_TABLES:
        for row in seed[table].rows_where("article_id = ?", [article_id]):
            assert f"/xinjiang/{table}/{row['id']}" in page.hrefs


@pytest.mark.anyio
async def test_article_page_has_a_legend_entry_for_each_kind(site, seed):
    html = await html_of(site, f"/-/article/{most_quoted_article(seed)}")
    for kind in article_page.KINDS:
        assert f'<mark class="hl hl-{kind}">{kind}</mark>' in html


@pytest.mark.anyio
async def test_unknown_article_is_not_found(site):
    assert (await site.client.get("/-/article/no-such-article")).status_code == 404


@pytest.mark.anyio
@pytest.mark.parametrize("table", SPAN_TABLES)
async def test_row_page_shows_the_sentence_and_links_to_the_passage(site, seed, table):
    row = next(seed[table].rows)
    html = await html_of(site, f"/xinjiang/{table}/{row['id']}")
    assert f'<a class="go" href="{row["passage_url"]}">' in html
    assert f'<a href="{row["passage_url"]}">passage</a>' in html
    assert f"<blockquote>{escape(row['sentence'])}</blockquote>" in html


@pytest.mark.anyio
@pytest.mark.parametrize("table", SPAN_TABLES)
async def test_passage_url_in_json_opens_the_article_at_that_row(site, table):
    row = (await site.client.get(f"/xinjiang/{table}.json?_shape=array&_size=1")).json()[0]
    path, anchor = row["passage_url"].split("#")
    assert anchor == row["id"]
    assert anchor in Page(await html_of(site, path)).ids


@pytest.mark.anyio
async def test_article_titles_lead_to_their_article_pages(site, seed):
    article_id = next(seed["articles"].rows)["id"]
    assert f'href="/-/article/{article_id}"' in await html_of(site, "/xinjiang/articles")


@pytest.mark.anyio
async def test_actor_names_lead_to_their_actor_pages(site, seed):
    actor_id = next(seed["actors"].rows)["id"]
    assert f'href="/-/actor/{actor_id}"' in await html_of(site, f"/xinjiang/actors?id={actor_id}")


@pytest.mark.anyio
async def test_actor_page_lists_the_actors_quotes_figures_and_outlets(site, seed):
    actor = next(seed.query(SPEAKER_WITH_MOST_FIGURES))["id"]
    page = Page(await html_of(site, f"/-/actor/{actor}"))
    for table, column in (("quotes", "speaker_id"), ("figures", "claimant_id")):
        for row in seed[table].rows_where(f"{column} = ?", [actor]):
            assert f"/-/article/{row['article_id']}#{row['id']}" in page.hrefs
    outlets = {r["outlet_id"] for r in seed["quotes"].rows_where("speaker_id = ?", [actor])}
    assert {f"/xinjiang/outlets/{o}" for o in outlets} <= set(page.hrefs)


@pytest.mark.anyio
async def test_unknown_actor_is_not_found(site):
    assert (await site.client.get("/-/actor/nobody")).status_code == 404


# Hostile text


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    """A build whose sources carry markup, then rows no build would write: javascript: URLs, bad offsets."""
    root = tmp_path_factory.mktemp("hostile")
    sources_dir = root / "sources"
    shutil.copytree(SOURCES, sources_dir)
    (sources_dir / "articles" / "900_hostile.txt").write_text(
        f'Hostile text\n\nXi Jinping said: "We reject {SCRIPT} and {BREAKOUT} in every form." The report called '
        f'the plan "{SCRIPT}" and "{BREAKOUT}".\n\nOfficials said 5 million people were counted in 2019.\n',
        encoding="utf-8",
    )
    append_row(
        sources_dir / "outlets.csv",
        {
            "id": "hostile",
            "name": f"{SCRIPT} News",
            "ownership": "private",
            "owner": BREAKOUT,
            "ownership_source": "javascript:alert(1)",
        },
    )
    append_row(
        sources_dir / "articles.csv",
        {
            "file": "900_hostile.txt",
            "outlet": "hostile",
            "url": "https://example.com/a",
            "title": f"{SCRIPT} {BREAKOUT}",
            "published": "2024-01-01",
            "notes": f"notes {SCRIPT}",
        },
    )
    db_path = root / "built" / "xinjiang.db"
    cli.build(sources_dir, db_path, use_model=False)
    db = sqlite_utils.Database(db_path)
    db["articles"].update("900_hostile", {"url": "javascript:alert(1)", "retrieved_from": "javascript:alert(2)"})
    db["actors"].update("xi-jinping", {"description": SCRIPT, "source": "javascript:alert(3)"})
    quote = next(db["quotes"].rows_where("article_id = ?", ["900_hostile"]))
    db["quotes"].update(quote["id"], {"passage_url": "javascript:alert(4)"})
    term = next(db["terms"].rows_where("article_id = ?", ["900_hostile"]))
    db["terms"].update(term["id"], {"passage_url": '/-/article/x" onmouseover="alert(5)'})
    db["mentions"].insert(
        {
            "id": "m_outside",
            "article_id": "900_hostile",
            "actor_id": "xi-jinping",
            "text": "nowhere",
            "start": 10_000,
            "end": 10_007,
        }
    )
    db.conn.commit()
    db.conn.close()
    return db_path


def append_row(path, values: dict) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with open(path, "a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, header).writerow(values)


def hostile_pages(db_path):
    with sqlite3.connect(db_path) as conn:
        ids = {
            table: conn.execute(f"select id from {table} where article_id = '900_hostile'").fetchone()[0]
            for table in SPAN_TABLES
        }
    return [
        "/",
        "/-/article/900_hostile",
        "/-/actor/xi-jinping",
        "/xinjiang/articles/900_hostile",
        "/xinjiang/outlets/hostile",
        "/xinjiang/actors/xi-jinping",
        "/xinjiang/quotes",
        "/xinjiang/terms",
        "/xinjiang/articles",
        "/xinjiang/quotes_about?word=reject",
        "/xinjiang/terms_by_ownership",
        "/xinjiang/figures_by_claimant",
        *(f"/xinjiang/{table}/{ids[table]}" for table in SPAN_TABLES),
    ]


@pytest.fixture(scope="module")
def hostile_site(hostile_db):
    return served_in_process(hostile_db)


def assert_inert(html):
    page = Page(html)
    assert not any("alert" in script for script in page.scripts)
    assert "x" not in page.images
    assert not [value for _, value in page.handlers if "alert" in value]
    # Links within the site (relative or not) or to http(s) pages: never javascript:, data: or another scheme.
    assert all(urlsplit(href).scheme in ("", "http", "https") for href in page.hrefs)


@pytest.mark.anyio
async def test_hostile_text_stays_inert_on_every_page(hostile_site, hostile_db):
    for path in hostile_pages(hostile_db):
        html = await html_of(hostile_site, path)
        assert_inert(html)


@pytest.mark.anyio
async def test_hostile_text_is_shown_as_text_on_the_article_page(hostile_site):
    html = await html_of(hostile_site, "/-/article/900_hostile")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.anyio
async def test_a_javascript_url_is_shown_but_never_linked(hostile_site):
    html = await html_of(hostile_site, "/-/article/900_hostile")
    assert "javascript:alert(1)" in html
    assert "javascript:" not in " ".join(Page(html).hrefs)


@pytest.mark.anyio
async def test_a_passage_url_that_is_not_a_site_path_is_not_linked(hostile_site, hostile_db):
    with sqlite3.connect(hostile_db) as conn:
        term_id = conn.execute("select id from terms where passage_url like '%onmouseover%'").fetchone()[0]
    page = Page(await html_of(hostile_site, f"/xinjiang/terms/{term_id}"))
    assert not [href for href in page.hrefs if "onmouseover" in href]


@pytest.mark.slow
def test_hostile_pages_run_no_script_in_a_real_browser(hostile_db, browser, tmp_path):
    dialogs = []
    with serving(hostile_db, tmp_path / "serve") as base:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in hostile_pages(hostile_db):
            assert page.goto(base + path).status == 200, path
            assert page.locator("img[src=x]").count() == 0, path
        page.goto(base + "/-/article/900_hostile")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / "hostile-article.png", full_page=True)
        page.close()
    assert dialogs == []
