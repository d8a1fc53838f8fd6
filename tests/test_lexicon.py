"""The word lists attribution reads as data (build/lexicon/)."""

import pytest

from build import attribution, lexicon


@pytest.mark.parametrize(
    "verb, forms",
    [
        ("note", {"note", "notes", "noted", "noting"}),
        ("deny", {"deny", "denies", "denied", "denying"}),
        ("stress", {"stress", "stresses", "stressed", "stressing"}),
        ("warn", {"warn", "warns", "warned", "warning"}),
    ],
)
def test_the_regular_forms_of_a_verb_are_derived(verb, forms):
    assert lexicon.inflections(verb) == forms


def test_irregular_forms_come_from_the_data():
    assert [v.lemma for v in lexicon.speech_verbs()["said"]] == ["say"]
    assert [v.lemma for v in lexicon.speech_verbs()["told"]] == ["tell"]


def test_a_form_may_be_several_verbs():
    assert {v.lemma for v in lexicon.speech_verbs()["called"]} == {"call", "call for"}


@pytest.mark.parametrize(
    "noun, plural",
    [("agency", "agencies"), ("spokesman", "spokesmen"), ("analysis", "analyses"), ("report", "reports")],
)
def test_plurals(noun, plural):
    assert lexicon.plural(noun) == plural


def test_every_speech_verb_has_an_act_the_rules_know():
    known = lexicon.ASSERTING | {"accusation", "request", "stance"} | attribution.NUMBER_ACTS
    assert {verb.act for verbs in lexicon.speech_verbs().values() for verb in verbs} <= known


def test_unnamed_people_and_roles_can_speak_but_other_nouns_cannot():
    speaking = lexicon.speaking_nouns()
    assert {"officials", "official", "spokeswoman", "ministry", "report", "analysts"} <= speaking
    assert not {"move", "focus", "growth"} & speaking


def test_data_nouns_are_documents_too():
    assert lexicon.data_nouns() <= {n for noun in lexicon.document_nouns() for n in (noun, lexicon.plural(noun))}
