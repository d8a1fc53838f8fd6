"""Paragraphs, sentences and transcript turns of a cleaned text (build/segment.py)."""

import pytest

from build import segment


def sentences_of(text: str) -> list[str]:
    return [text[s.start : s.end] for s in segment.all_sentences(text)]


def test_paragraphs_are_separated_by_blank_lines():
    text = "One.\n\nTwo.\n  \nThree."
    assert [text[p.start : p.end] for p in segment.paragraphs(text)] == ["One.", "Two.", "Three."]


@pytest.mark.parametrize(
    "text",
    ["Mr. Zenz left.", "The U.S. embassy said so.", "It was signed by J. Smith in Geneva.", "Sales fell 4.5 percent."],
)
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(text):
    assert sentences_of(text) == [text]


def test_a_closing_quotation_mark_stays_with_its_sentence():
    assert sentences_of("“It is a lie.” The ministry said so.") == ["“It is a lie.”", "The ministry said so."]


def test_turns_on_lines_of_their_own_make_a_transcript():
    text = "Reuters: Will the ministry respond?\n\nWang Wenbin: The so-called report is a lie.\n\nReuters: Thank you."
    turns = segment.transcript_turns(text)
    assert [(t.name, text[t.start : t.end]) for t in turns] == [
        ("Reuters", "Will the ministry respond?"),
        ("Wang Wenbin", "The so-called report is a lie."),
        ("Reuters", "Thank you."),
    ]


def test_a_single_label_is_not_a_transcript():
    assert segment.transcript_turns("Note: figures are rounded.\n\nThe ministry said 300 people attended.") == []


def test_an_index_finds_the_span_around_a_position():
    index = segment.Index([(0, 5), (10, 20)])
    assert index.find(12) == (10, 20) and 7 not in index and index.overlaps(4, 11) and not index.overlaps(5, 10)
