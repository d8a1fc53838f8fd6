"""How a text uses a quoted label (build/terms.py), on sentences of our own."""

import pytest

from build import terms


def usage_of(analyse, text: str) -> terms.Usage:
    """The usage of the one label the text quotes (its sentence: the whole text)."""
    text, _, speech, _ = analyse(text)
    [label] = speech.terms
    return terms.usage(text, (label.start, label.end), (0, len(text)), terms.Reported(speech.quotes, speech.cues))


@pytest.mark.parametrize(
    "text, usage, cue",
    [
        (
            "State media dismissed the so-called “re-education camps” as a Western invention.",
            terms.DISTANCED,
            "so-called",
        ),
        (
            "Thousands were held in what Beijing calls “vocational training centres”.",
            terms.ATTRIBUTED,
            "what Beijing calls",
        ),
        (
            "The camps, which officials described as “boarding schools”, were closed in 2019.",
            terms.ATTRIBUTED,
            "described as",
        ),
        ("The ministry denied that it ran “internment camps” in the region.", terms.DISTANCED, "denied"),
        ("The accusations of “forced labour” are lies spread by anti-China forces.", terms.DISTANCED, "lies"),
        ("Claims of “genocide” are groundless, the ambassador said.", terms.DISTANCED, "groundless"),
        (
            "The ministry said that the “vocational training” had helped thousands find work.",
            terms.ATTRIBUTED,
            "said",
        ),
        (
            "Wang Yi told reporters: “The centres have closed. Every trainee has ‘graduated’ and gone home.”",
            terms.ATTRIBUTED,
            "told",
        ),
        (
            "Rights groups have made accusations of “cultural genocide” against Beijing.",
            terms.ATTRIBUTED,
            "accusations of",
        ),
        ("He was sentenced to ten years for “inciting separatism”.", terms.ATTRIBUTED, "sentenced to ten years for"),
        ("Visitors toured a “model village” on the edge of the city.", terms.OWN, ""),
        ("Xinjiang’s “re-education” camps held about a million people, researchers estimate.", terms.OWN, ""),
    ],
    ids=[
        "so-called",
        "what X calls",
        "described as",
        "a denial governs it",
        "a rejecting word in its clause",
        "a rejecting word in someone's statement",
        "in a speech verb's statement",
        "inside a quote",
        "an accusation",
        "a charge",
        "the outlet's own word",
        "a scare quote in the outlet's voice",
    ],
)
def test_a_label_is_used_as_its_sentence_says(analyse, text, usage, cue):
    assert usage_of(analyse, text) == terms.Usage(usage, cue)


def test_a_denial_of_something_else_does_not_distance_a_label_stated_after_it(analyse):
    text = "Beijing denies any abuses, stating that its “vocational education centers” were closed in 2019."
    assert usage_of(analyse, text) == terms.Usage(terms.ATTRIBUTED, "stating")


def test_words_naming_a_label_as_someones_outweigh_a_denial_elsewhere_in_the_sentence(analyse):
    text = "Beijing, which first denied the camps existed, later described them as “vocational schools”."
    assert usage_of(analyse, text) == terms.Usage(terms.ATTRIBUTED, "described them as")


def test_a_label_that_is_itself_a_rejecting_word_is_not_rejected_by_itself(analyse):
    assert usage_of(analyse, "The newspaper ran a column titled “lies” on Sunday.").usage == terms.OWN
