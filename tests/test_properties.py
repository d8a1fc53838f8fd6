"""Any text, however odd, gives records whose offsets give back their text, without crashing or hanging."""

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build import clean, extract, segment, sources

from .conftest import ROOT

# Pieces the rules react to: names from the registry, speech verbs, quotation marks of every kind, numbers,
# abbreviations, transcript headings, and scripts written right to left.
FRAGMENTS = [
    "Xi Jinping",
    "Adrian Zenz",
    "Beijing",
    "the Chinese President",
    "Mr.",
    "U.S.",
    " said ",
    " says ",
    "told",
    "according to",
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "«",
    "»",
    "(",
    ")",
    "1,234",
    "2.5 million",
    "45%",
    "one in five",
    "from 2014 to 2018",
    "since 2015",
    ".",
    "?",
    "!",
    "…",
    ",",
    ":",
    "\n",
    "\n\n",
    "\r\n",
    "Spokesperson:",
    "Wang Wenbin:",
    " ",
    "\t",
    "\u00a0",
    "\u200b",
    "\x00",
    "\x1b",
    "\ufeff",
    "\u2028",
    "شينجيانغ",
    "الأويغور",
    "שלום",
    "\u202e",
    "\u200f",
    "新疆",
    "é",
    "e\u0301",
    "ﬁ",
    "vocational training centres",
    "households",
    "percent",
    "Read more",
    "Share",
    "1 2 3",
    "<",
    ">",
]
ODD_TEXT = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=60).map("".join)
PROPERTIES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Only to tell a hang from a slow run: the 5 MB line takes seconds; catastrophic backtracking takes hours.
HANG_SECONDS = 300


def spans_of(rows: extract.ArticleRows):
    """(start, end, text) of every record that points into the article text."""
    for row in rows.mentions + rows.quotes + rows.figures:
        yield row["start"], row["end"], row["text"]
    for row in rows.terms:
        yield row["start"], row["end"], row["term"]


def rows_for(raw: str, registry) -> extract.ArticleRows:
    source = sources.ArticleSource("odd.txt", ROOT / "odd.txt", 2, "unknown", "", "", "", "en", "", "")
    return extract.article_rows(source, raw, "0" * 64, registry, use_model=False)


@PROPERTIES
@given(ODD_TEXT)
def test_cleaning_any_text_leaves_no_control_characters(raw):
    text = clean.normalise(raw)
    assert not clean.CONTROL.search(text) and "\r" not in text and "\t" not in text


@PROPERTIES
@given(ODD_TEXT)
def test_sentences_of_any_text_lie_inside_it_in_order(raw):
    text = clean.normalise(raw)
    previous_end = 0
    for sentence in segment.all_sentences(text):
        assert previous_end <= sentence.start <= sentence.end <= len(text)
        previous_end = sentence.end


@PROPERTIES
@given(ODD_TEXT)
def test_every_record_of_any_text_gives_back_its_text(registry, raw):
    rows = rows_for(raw, registry)
    text = rows.article["text"]
    for start, end, record_text in spans_of(rows):
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == record_text


@PROPERTIES
@given(ODD_TEXT)
def test_every_record_of_any_text_has_a_unique_id(registry, raw):
    rows = rows_for(raw, registry)
    ids = [row["id"] for table in (rows.mentions, rows.quotes, rows.figures, rows.terms) for row in table]
    assert len(ids) == len(set(ids))


def long_line(end: str) -> str:
    """5 MB in one line: a clause repeated with a different number each time (a line that repeats exactly is
    dropped as scraped alt text), each with a quotation mark that never closes, each followed by `end`."""
    clause = "Xi Jinping said “the {:,} households rose 45% in 2019, Mr. Zenz told ‘officials’ in Ürümqi"
    return "".join(clause.format(i) + end for i in range(56_000))


SCAN_LONG_LINE = """
import sys
from build import actors, clean, quotes, segment, sources
found = sources.load("tests/fixtures/sources")
registry = actors.Registry(found.actors, found.not_actors)
text = clean.normalise(sys.stdin.read())
segment.all_sentences(text)
assert all(text[m.start:m.end] == m.text for m in actors.find_mentions(text, registry, use_model=False).mentions)
assert all(0 <= s <= e <= len(text) for s, e in quotes.quote_spans(text)[0])
print(len(text))
"""

EXTRACT_LONG_LINE = """
import sys
from pathlib import Path
from build import actors, extract, sources
found = sources.load("tests/fixtures/sources")
registry = actors.Registry(found.actors, found.not_actors)
source = sources.ArticleSource("long.txt", Path("long.txt"), 2, "unknown", "", "", "", "en", "", "")
rows = extract.article_rows(source, sys.stdin.read(), "0" * 64, registry, use_model=False)
text = rows.article["text"]
assert all(text[r["start"]:r["end"]] == r["text"] for r in rows.quotes + rows.figures + rows.mentions)
print(len(text))
"""


def run_on_long_line(script: str, end: str) -> subprocess.CompletedProcess:
    line = long_line(end)
    assert len(line.encode("utf-8")) > 5_000_000 and "\n" not in line
    return subprocess.run(
        [sys.executable, "-c", script], input=line, capture_output=True, text=True, cwd=ROOT, timeout=HANG_SECONDS
    )


@pytest.mark.slow
@pytest.mark.parametrize("end", [" ", ". "], ids=["one sentence", "many sentences"])
def test_a_five_megabyte_line_is_cleaned_segmented_and_scanned_without_hanging(end):
    result = run_on_long_line(SCAN_LONG_LINE, end)
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout) > 5_000_000


@pytest.mark.slow
def test_a_five_megabyte_line_of_sentences_is_fully_extracted_without_hanging():
    result = run_on_long_line(EXTRACT_LONG_LINE, ". ")
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout) > 5_000_000


@pytest.mark.slow
def test_a_five_megabyte_sentence_is_fully_extracted_without_hanging():
    result = run_on_long_line(EXTRACT_LONG_LINE, " ")
    assert result.returncode == 0, result.stderr[-2000:]
