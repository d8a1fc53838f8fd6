"""Extraction from web pages, measured on the project's own test pages (tests/pages/) against hand-made bodies:
word-level F1 of the text the build keeps, and the title, date and language each page states."""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from build import clean, page

PAGES = Path(__file__).parent / "pages"
GOLD = yaml.safe_load((PAGES / "pages.yml").read_text(encoding="utf-8"))
MIN_BODY_F1 = 0.95


def word_f1(extracted: str, expected: str) -> float:
    """F1 of the bags of words (case-folded): how much of the expected body came out, and how little else did."""
    got, want = Counter(re.findall(r"\w+", extracted.lower())), Counter(re.findall(r"\w+", expected.lower()))
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def body_f1(name: str) -> float:
    """The F1 of the text the build keeps for a page (extracted, then normalised) against its expected body."""
    html = page.decode((PAGES / f"{name}.html").read_bytes())
    expected = (PAGES / f"{name}.expected.txt").read_text(encoding="utf-8")
    return word_f1(clean.normalise(page.article_text(html)), clean.normalise(expected))


def test_word_f1_counts_missing_and_extra_words():
    assert word_f1("a b c d", "a b c d") == 1.0
    assert word_f1("a b", "a b c d") == pytest.approx(2 / 3)
    assert word_f1("a b c d share tweet", "a b c d") == pytest.approx(0.8)
    assert word_f1("", "a b") == 0.0


@pytest.mark.parametrize("name", sorted(GOLD))
def test_the_extracted_body_matches_the_hand_made_body(name):
    assert body_f1(name) >= MIN_BODY_F1


@pytest.mark.parametrize("name", sorted(GOLD))
def test_the_title_date_and_language_are_the_ones_the_page_states(name):
    about = page.metadata(page.decode((PAGES / f"{name}.html").read_bytes()))
    expected = GOLD[name]
    assert (about.title, about.published, about.language) == (
        expected["title"],
        expected["published"],
        expected["language"],
    )


def test_reader_comments_are_not_part_of_the_text():
    html = page.decode((PAGES / "blog_comments.html").read_bytes())
    assert "forensic reviewers were independent" in html
    assert "forensic reviewers were independent" not in page.article_text(html)


def test_a_page_in_the_character_set_it_declares_reads_as_written():
    raw = (PAGES / "alpine_cp1252.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "Zürich" in page.decode(raw) and "Switzerland’s" in page.article_text(page.decode(raw))


if __name__ == "__main__":
    for name in sorted(GOLD):
        print(f"{name}\tbody word F1 {body_f1(name):.3f}")
