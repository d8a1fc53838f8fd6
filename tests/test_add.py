"""`python -m build add SOURCE`: an article from a URL (served on loopback) or from a saved page, kept as received,
with its articles.csv row; and every refusal, after which the sources are byte for byte as they were."""

import csv
import datetime
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from build import add, fetch, page

from .conftest import ROOT
from .web import OUTLETS, PAGES, SLOW_SECONDS, make_sources, page_bytes, serving

HERALD_URL = "https://www.dailyherald.example/world/asia/2021/mar/08/brands-stop-buying-xinjiang-cotton"


@pytest.fixture
def sources_dir(tmp_path) -> Path:
    return make_sources(tmp_path / "sources")


@pytest.fixture(scope="module")
def site():
    with serving() as site:
        for name in ("herald_news", "wire_story", "consent_wall", "paywall", "ngo_statement"):
            site.serve(f"/news/{name}", page_bytes(name))
        site.serve("/news/alpine", page_bytes("alpine_cp1252"), content_type="text/html")
        yield site


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def rows(root: Path) -> list[dict[str, str]]:
    with (root / "articles.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def refused(source: str, root: Path, problem: str, **options) -> None:
    """add() refuses source with a message naming it and the problem, and leaves root byte for byte as it was."""
    before = snapshot(root)
    with pytest.raises(add.Refused) as refusal:
        add.add(source, root, **options)
    assert str(refusal.value).startswith(f"{source}: ")
    assert problem in str(refusal.value)
    assert snapshot(root) == before


# Adding


def test_a_page_from_a_url_is_kept_exactly_as_received(site, sources_dir):
    added = add.add(site.base + "/news/herald_news", sources_dir)
    assert added.path.read_bytes() == page_bytes("herald_news")
    assert added.sha256 == hashlib.sha256(page_bytes("herald_news")).hexdigest()
    assert added.path.suffix == ".html" and added.path.parent == sources_dir / "articles"


def test_the_row_from_a_url_holds_what_the_page_states_and_where_it_came_from(site, sources_dir):
    added = add.add(site.base + "/news/herald_news", sources_dir)
    [row] = rows(sources_dir)
    assert row == added.row
    assert row["file"] == added.path.name
    assert (row["outlet"], row["url"], row["retrieved_from"]) == (
        "daily-herald",
        HERALD_URL,
        site.base + "/news/herald_news",
    )
    assert (row["title"], row["published"], row["language"]) == (
        "Brands stop buying Xinjiang cotton after audit is refused access",
        "2021-03-08",
        "en",
    )
    today = datetime.datetime.now(datetime.UTC).date()
    assert row["notes"].startswith(f"Page as received on {today} from {site.base}/news/herald_news;")


def test_redirects_are_followed_and_recorded(site, sources_dir):
    moved = site.redirect("/old/wire", "/news/wire_story")
    add.add(moved, sources_dir)
    [row] = rows(sources_dir)
    assert row["retrieved_from"] == site.base + "/news/wire_story"
    assert f"redirected from {moved}" in row["notes"]


def test_the_fetch_names_the_project_in_its_user_agent(site, sources_dir):
    add.add(site.base + "/news/wire_story", sources_dir)
    path, headers = site.requests[-1]
    assert path == "/news/wire_story" and headers["User-Agent"] == fetch.USER_AGENT
    assert "xinjiang-coverage" in fetch.USER_AGENT


def test_a_saved_page_is_kept_as_it_is_with_the_url_it_names(sources_dir):
    added = add.add(str(PAGES / "herald_news.html"), sources_dir)
    [row] = rows(sources_dir)
    assert added.path.read_bytes() == page_bytes("herald_news")
    assert (row["outlet"], row["url"], row["retrieved_from"]) == ("daily-herald", HERALD_URL, "")
    assert row["notes"].startswith("Saved page herald_news.html, added on ")


def test_a_page_in_a_declared_character_set_is_kept_in_it(site, sources_dir):
    added = add.add(site.base + "/news/alpine", sources_dir, outlet_id="global-wire")
    assert added.path.read_bytes() == page_bytes("alpine_cp1252")
    assert rows(sources_dir)[0]["title"] == "Swiss firms told to check Xinjiang suppliers"


def test_a_date_the_page_does_not_state_stays_empty(sources_dir):
    add.add(str(PAGES / "ngo_statement.html"), sources_dir, outlet_id="rights-coalition")
    [row] = rows(sources_dir)
    assert (row["published"], row["url"]) == ("", "")
    assert row["title"] == "Joint statement on the transfer of Uyghur workers to factories in eastern China"


def test_the_outlet_option_names_the_outlet_whatever_the_domain(site, sources_dir):
    add.add(site.base + "/news/herald_news", sources_dir, outlet_id="global-wire")
    assert rows(sources_dir)[0]["outlet"] == "global-wire"


def test_articles_are_numbered_after_the_last_one(site, sources_dir):
    add.add(site.base + "/news/herald_news", sources_dir)
    add.add(site.base + "/news/wire_story", sources_dir)
    assert [r["file"][:4] for r in rows(sources_dir)] == ["000_", "001_"]


def run_add(source: str, sources_dir: Path) -> subprocess.CompletedProcess:
    """`python -m build add source --sources sources_dir`."""
    command = [sys.executable, "-m", "build", "add", source, "--sources", str(sources_dir)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_the_command_prints_the_row_it_wrote(site, sources_dir):
    result = run_add(site.base + "/news/herald_news", sources_dir)
    assert result.returncode == 0, result.stderr
    written = (sources_dir / "articles.csv").read_text(encoding="utf-8").splitlines()
    assert "\n".join(written) in result.stdout
    assert "kept the page as received: " in result.stdout


def test_make_add_adds_a_saved_page(sources_dir):
    result = subprocess.run(
        [
            "make",
            "-s",
            "add",
            f"SOURCE={PAGES / 'wire_story.html'}",
            f"SOURCES={sources_dir}",
            f"PYTHON={sys.executable}",
            f"VENV={Path(sys.executable).parent.parent}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert rows(sources_dir)[0]["outlet"] == "global-wire"


# Refusals: each names the source and the problem, and writes nothing


def test_an_http_error_is_refused(site, sources_dir):
    refused(site.base + "/news/no-such-story", sources_dir, "HTTP 404 Not Found")


def test_a_server_that_does_not_answer_in_time_is_refused(site, sources_dir):
    refused(site.base + "/slow", sources_dir, "timed out", timeout=SLOW_SECONDS / 6)


def test_a_page_that_is_not_html_is_refused(site, sources_dir):
    url = site.serve("/report.pdf", b"%PDF-1.7\n1 0 obj << >> endobj\n", content_type="application/pdf")
    refused(url, sources_dir, "not an HTML page (Content-Type: application/pdf)")


def test_a_page_larger_than_the_limit_is_refused(site, sources_dir):
    refused(site.base + "/news/herald_news", sources_dir, "too large", max_bytes=4_000)


def test_a_page_that_keeps_coming_past_the_limit_is_refused(site, sources_dir):
    refused(site.base + "/endless", sources_dir, "too large: more than 100000 bytes", max_bytes=100_000)


@pytest.mark.parametrize("wall", ["consent_wall", "paywall"])
def test_a_page_with_too_little_text_to_be_an_article_is_refused(site, sources_dir, wall):
    refused(site.base + f"/news/{wall}", sources_dir, "words of article text", outlet_id="daily-herald")


def test_a_url_already_in_the_dataset_is_refused(site, sources_dir):
    add.add(site.base + "/news/herald_news", sources_dir)
    refused(site.base + "/news/herald_news", sources_dir, "already in the dataset")


def test_a_page_whose_own_url_is_already_in_the_dataset_is_refused(site, sources_dir):
    add.add(str(PAGES / "herald_news.html"), sources_dir)
    refused(site.base + "/news/herald_news", sources_dir, "already in the dataset: 000_")


def test_a_text_already_in_the_dataset_is_refused(sources_dir, tmp_path):
    add.add(str(PAGES / "herald_news.html"), sources_dir)
    repost = tmp_path / "repost.html"
    repost.write_bytes(page_bytes("herald_news").replace(HERALD_URL.encode(), b"https://reposts.example/story"))
    refused(str(repost), sources_dir, "already in the dataset: the same text as 000_", outlet_id="global-wire")


def test_a_saved_page_neither_utf8_nor_declaring_its_character_set_is_refused(sources_dir, tmp_path):
    undeclared = tmp_path / "undeclared.html"
    undeclared.write_bytes(page_bytes("alpine_cp1252").replace(b'<meta charset="windows-1252">', b""))
    refused(str(undeclared), sources_dir, "not UTF-8 (byte 0x96 at offset", outlet_id="global-wire")


def test_a_character_set_only_the_server_declares_is_refused(site, sources_dir):
    body = page_bytes("alpine_cp1252").replace(b'<meta charset="windows-1252">', b"")
    url = site.serve("/news/alpine-undeclared", body, content_type="text/html; charset=windows-1252")
    refused(url, sources_dir, "the page does not say it itself", outlet_id="global-wire")


def test_a_saved_file_that_is_not_html_is_refused(sources_dir, tmp_path):
    fake = tmp_path / "story.html"
    fake.write_bytes(b"%PDF-1.7\n1 0 obj << >> endobj\n")
    refused(str(fake), sources_dir, "not HTML", outlet_id="global-wire")


def test_a_file_that_is_not_a_saved_page_is_refused(sources_dir, tmp_path):
    text = tmp_path / "story.txt"
    text.write_text("A story.", encoding="utf-8")
    refused(str(text), sources_dir, "must end in .html")


def test_a_missing_file_is_refused(sources_dir, tmp_path):
    refused(str(tmp_path / "nowhere.html"), sources_dir, "no such file")


def test_an_unknown_domain_stops_with_an_outlets_row_to_complete(site, sources_dir):
    (sources_dir / "outlets.csv").write_text(OUTLETS.replace("https://www.dailyherald.example/", ""), "utf-8")
    refused(
        site.base + "/news/herald_news",
        sources_dir,
        "no outlet in outlets.csv has the domain dailyherald.example. Add its row to outlets.csv",
    )


def test_the_suggested_outlets_row_leaves_ownership_to_a_person(sources_dir):
    about = page.metadata(page.decode(page_bytes("herald_news")))
    message = add._unknown_outlet(about)
    header, suggestion = message.splitlines()[-2:]
    row = dict(zip(header.split(","), next(csv.reader([suggestion])), strict=True))
    assert row == {
        "id": "the-daily-herald",
        "name": "The Daily Herald",
        "country": "",
        "ownership": "",
        "owner": "",
        "url": "https://www.dailyherald.example/",
        "ownership_source": "",
    }


def test_an_unknown_outlet_option_is_refused(site, sources_dir):
    refused(site.base + "/news/herald_news", sources_dir, "no outlet 'daily-planet'", outlet_id="daily-planet")


def test_a_refusal_on_the_command_line_says_nothing_was_written(site, sources_dir):
    result = run_add(site.base + "/missing", sources_dir)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: {site.base}/missing: the server answered HTTP 404 Not Found",
        "Nothing was written.",
    ]
