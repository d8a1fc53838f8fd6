"""Search on the site: the comparison pages and table search mean the words typed, and say what they accept."""

import re
from urllib.parse import urlencode

import pytest

from .conftest import answer


async def rows_of(site, name, **params):
    return (await answer(site, f"/xinjiang/{name}.json?" + urlencode({"_shape": "array", **params}))).json()


@pytest.mark.anyio
@pytest.mark.parametrize("word", ["re-education", "Xinjiang's", "camps, vocational training", "camps or vocational"])
async def test_ordinary_words_give_results_not_errors_on_the_comparison_pages(site, word):
    for name, parameter in [
        ("quotes_about", "word"),
        ("figures_by_claimant", "subject"),
        ("terms_by_ownership", "word"),
    ]:
        await rows_of(site, name, **{parameter: word})
    await rows_of(site, "two_labels", label=word, other_label=word)


@pytest.mark.anyio
async def test_or_on_a_comparison_page_gives_the_quotes_of_either_word(site):
    either = await rows_of(site, "quotes_about", word="camps or vocational")
    camps = await rows_of(site, "quotes_about", word="camps")
    vocational = await rows_of(site, "quotes_about", word="vocational")
    assert sorted(r["passage_url"] for r in either) == sorted({r["passage_url"] for r in camps + vocational})
    assert len(either) > max(len(camps), len(vocational))


def uses_word(text: str, word: str) -> bool:
    return bool(re.search(rf"\b{word}s?\b", text, re.IGNORECASE))


@pytest.mark.anyio
async def test_quotes_about_internment_hold_the_word(site, seed):
    rows = await rows_of(site, "quotes_about", word="internment")
    expected = [r for r in seed["quotes"].rows if uses_word(r["text"] + " " + r["sentence"], "internment")]
    assert rows and len(rows) == len(expected)


@pytest.mark.anyio
async def test_two_labels_counts_only_articles_that_use_each_label(site, seed):
    rows = await rows_of(site, "two_labels", label="vocational", other_label="internment")
    for row in rows:
        texts = [
            r["text"]
            for r in seed.query(
                "select text from articles join outlets on outlets.id = outlet_id where outlets.name = ?",
                [row["outlet"]],
            )
        ]
        assert row["articles_with_other_label"] == sum(uses_word(text, "internment") for text in texts), row
    assert all(row["articles_with_other_label"] == 0 for row in rows if row["ownership"] == "state")


@pytest.mark.anyio
async def test_table_search_means_the_same_as_the_comparison_pages(site):
    searched = await rows_of(site, "quotes", _search="camps", _size="max")
    assert {r["passage_url"] for r in searched} == {
        r["passage_url"] for r in await rows_of(site, "quotes_about", word="camps")
    }


@pytest.mark.anyio
async def test_searching_a_table_without_an_index_says_so(site):
    response = await site.client.get("/xinjiang/outlets.json?_search=state")
    assert response.status_code == 400
    assert "outlets has no full-text index" in response.json()["error"]


@pytest.mark.anyio
async def test_table_pages_say_what_the_search_box_accepts(site):
    page = (await answer(site, "/xinjiang/quotes")).text
    assert 'class="search-help"' in page and "double quotes" in page


@pytest.mark.anyio
async def test_each_comparison_page_says_what_its_box_accepts(site):
    for name in ("quotes_about", "figures_by_claimant", "terms_by_ownership", "two_labels"):
        page = (await answer(site, f"/xinjiang/{name}")).text
        assert 'class="search-help"' in page and "double quotes" in page, name


@pytest.mark.anyio
@pytest.mark.parametrize("typed", ["", " "])
async def test_an_empty_search_box_lists_every_row(site, seed, typed):
    rows = await rows_of(site, "quotes", _search=typed, _size="max")
    assert len(rows) == seed["quotes"].count
