"""The query a search box sends: the words typed in all their inflections, never another word, never an FTS error."""

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build import load

from .conftest import load_plugin

search = load_plugin("search")

TEXTS = [
    "The internment camps held a million people.",
    "International pressure grew.",
    "A camp for interns.",
    "Officials said the campaign would continue.",
    "Re-education was denied by Xinjiang’s government.",
    "He detained them; they were detaining others.",
]
# What people type, including everything FTS5 treats as syntax.
TYPED = st.lists(
    st.sampled_from(['"', "'", "’", "-", "*", "(", ")", ":", "^", "+", ",", " OR ", " or ", " AND ", " NOT ", "NEAR"])
    | st.text(max_size=8),
    max_size=12,
).map("".join)


@pytest.fixture(scope="module")
def index():
    conn = sqlite3.connect(":memory:")
    conn.execute(f"create virtual table t using fts5(text, tokenize='{load.TOKENIZER}')")
    conn.executemany("insert into t (rowid, text) values (?, ?)", enumerate(TEXTS))
    return conn


def matching(index, typed: str) -> list[str]:
    rows = index.execute("select rowid from t where t match ? order by rowid", [search.search_query(typed)])
    return [TEXTS[rowid] for (rowid,) in rows]


@settings(max_examples=300, deadline=None)
@given(TYPED)
def test_any_typed_text_is_a_valid_search(index, typed):
    matching(index, typed)


def test_a_word_finds_its_inflections_and_not_a_word_sharing_its_stem(index):
    assert matching(index, "internment") == [TEXTS[0]]
    assert matching(index, "international") == [TEXTS[1]]


def test_a_word_finds_every_form_of_its_lemma(index):
    assert matching(index, "camps") == [TEXTS[0], TEXTS[2]]
    assert matching(index, "detains") == [TEXTS[5]]


def test_a_star_asks_for_every_word_starting_so(index):
    assert matching(index, "camp*") == [TEXTS[0], TEXTS[2], TEXTS[3]]


def test_hyphens_and_apostrophes_keep_a_word_together(index):
    assert matching(index, "re-education") == [TEXTS[4]]
    assert matching(index, "Xinjiang's") == [TEXTS[4]]
    assert matching(index, "education Xinjiang") == [TEXTS[4]]


def test_or_and_commas_separate_alternatives(index):
    assert matching(index, "internment or international") == [TEXTS[0], TEXTS[1]]
    assert matching(index, "internment, international") == [TEXTS[0], TEXTS[1]]
    assert matching(index, "internment OR detained") == [TEXTS[0], TEXTS[5]]


def test_words_typed_together_must_all_appear_and_quotes_keep_them_in_order(index):
    assert matching(index, "camps million") == [TEXTS[0]]
    assert matching(index, '"internment camps"') == [TEXTS[0]]
    assert matching(index, '"camps internment"') == []


def test_punctuation_alone_finds_nothing(index):
    assert matching(index, '!!! "" ()') == []
