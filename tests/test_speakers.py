"""Which actor a speaker's phrase names (build/speakers.py with build/referents.py), on sentences of our own."""

import pytest


def speaker_of(analyse, text: str, verb: str, use_model: bool = False) -> tuple[str | None, str]:
    """(actor id, how it was found) for the cue written `verb`."""
    _, _, speech, _ = analyse(text, use_model=use_model)
    cue = next(c for c in speech.cues if c.verb == verb)
    return cue.speaker_id, cue.method


def cue_whose_subject_is(analyse, text: str, subject: str):
    """The cue whose speaker's phrase is written `subject` ('they', 'She')."""
    _, _, speech, _ = analyse(text)
    return next(c for c in speech.cues if c.speaker and text[c.speaker.start : c.speaker.end] == subject)


@pytest.mark.parametrize(
    "text, verb, actor, method",
    [
        ("Adrian Zenz said the files were authentic.", "said", "adrian-zenz", "subject"),
        ("“The files are authentic,” said Adrian Zenz.", "said", "adrian-zenz", "inverted"),
        (
            "Chinese State Councilor and Foreign Minister Wang Yi said the issues were about terrorism.",
            "said",
            "wang-yi",
            "subject",
        ),
        (
            "The group’s China director, Sophie Richardson, said the report was damning.",
            "said",
            "sophie-richardson",
            "subject",
        ),
        (
            "A spokesperson for Human Rights Watch said the camps had not closed.",
            "said",
            "human-rights-watch",
            "description",
        ),
    ],
    ids=["the subject's name", "after the verb", "a title before the name", "a role and the name beside it", "a body"],
)
def test_a_phrase_names_the_actor_its_words_point_to(analyse, text, verb, actor, method):
    assert speaker_of(analyse, text, verb) == (actor, method)


def test_a_pronoun_is_the_nearest_person_before_it(analyse):
    text = "Adrian Zenz studied the documents for a year. He said they were genuine."
    assert speaker_of(analyse, text, "said") == ("adrian-zenz", "pronoun")


def test_she_skips_a_man_the_text_calls_mr(analyse):
    text = "Zumretay Arkin spoke after Mr Adrian Zenz had left. She said the camps remained."
    assert speaker_of(analyse, text, "said")[0] == "zumretay-arkin"


def test_a_document_speaks_for_the_body_that_issued_it(analyse):
    text = "Human Rights Watch released a report on Tuesday. The report said 1,200 people had been detained."
    assert speaker_of(analyse, text, "said") == ("human-rights-watch", "document")


def test_data_are_the_body_the_sentence_names(analyse):
    text = "The State Council Information Office moved 2.7 million workers, according to official data."
    assert speaker_of(analyse, text, "according to") == ("state-council-information-office", "according to")


def test_who_saw_a_document_did_not_write_it(analyse):
    text = "According to police documents seen by The New York Times, the quotas were raised."
    assert speaker_of(analyse, text, "According to")[0] != "new-york-times"


def test_someone_introduced_by_a_role_is_the_one_the_text_gives_it_next(analyse):
    text = (
        "The transfers were voluntary, a regional official said on Tuesday.\n\n"
        "Wang Wenbin, a spokesperson for the regional government, presented the data."
    )
    assert speaker_of(analyse, text, "said")[0] == "wang-wenbin"


def test_an_unnamed_group_names_nobody(analyse):
    assert speaker_of(analyse, "Officials said the transfers were voluntary.", "said") == (None, "none")


def test_the_people_of_a_group_speak_for_the_body_named_with_them(analyse):
    text = "World Uyghur Congress researchers visited Kashgar in May. The researchers said the mosque was gone."
    assert speaker_of(analyse, text, "said") == ("world-uyghur-congress", "description")


def test_they_after_a_group_that_spoke_is_that_group(analyse):
    text = (
        "World Uyghur Congress researchers visited Kashgar in May. The researchers said the mosque was gone.\n\n"
        "“Nothing is left of it,” they said."
    )
    they = cue_whose_subject_is(analyse, text, "they")
    assert (they.speaker_id, they.method) == ("world-uyghur-congress", "pronoun")


def test_she_after_a_body_spokeswoman_speaks_for_the_body(analyse):
    text = (
        "The State Council Information Office published the figures. “The data are complete,” an office "
        "spokeswoman said on Monday.\n\nShe said the survey had covered every county."
    )
    assert cue_whose_subject_is(analyse, text, "She").speaker_id == "state-council-information-office"


def test_a_think_tank_is_the_organisation_named_before(analyse):
    text = (
        "The Australian Strategic Policy Institute published a study on Monday. The think tank said 82 brands "
        "were linked to the factories."
    )
    assert speaker_of(analyse, text, "said") == ("australian-strategic-policy-institute", "description")


def test_a_place_that_describes_a_documents_author_is_not_its_author(analyse):
    text = "A report by US-based Human Rights Watch was released on Monday. The report said 1,200 people were held."
    _, _, speech, _ = analyse(text)
    assert next(c for c in speech.cues if c.verb == "said").speaker_id == "human-rights-watch"


@pytest.mark.parametrize(
    "text, verb, actor, use_model",
    [
        (
            "The Ministry of Commerce published guidelines. An official of the ministry said the rules would apply "
            "to all. Wang Wenbin, the foreign ministry spokesman, told reporters that China opposed sanctions.",
            "said",
            "ministry-of-commerce",
            False,
        ),
        (
            "Human Rights Watch published its findings on Monday. A spokeswoman for the organisation, Rachel "
            "Dunmore, said the data were checked.",
            "said",
            "rachel-dunmore",
            True,
        ),
        (
            "Human Rights Watch said the evidence was overwhelming.\n\n"
            "“We have asked the government to respond,” a spokesperson added.",
            "added",
            "human-rights-watch",
            False,
        ),
        (
            "Births in the south have fallen by half, according to a new study.\n\n"
            "The report, by Human Rights Watch, says the fall began in 2017.",
            "according to",
            "human-rights-watch",
            False,
        ),
        (
            "The report, by Human Rights Watch, says births fell. Its authors argue that the fall was planned.",
            "argue",
            "human-rights-watch",
            False,
        ),
        (
            "Gulnar Abdulla runs a bakery in Kashgar. “Business is slow,” the 41-year-old said.",
            "said",
            "gulnar-abdulla",
            True,
        ),
        (
            "For Zumretay Arkin, the arguments feel distant. On Adrian Zenz’s birthday she records a message.\n\n"
            "“I tell him about the weather,” she said.",
            "said",
            "zumretay-arkin",
            False,
        ),
        (
            "Xi Jinping visited Urumqi in 2022. The General Secretary has pointed out that development is the "
            "foundation of stability.",
            "pointed out",
            "xi-jinping",
            False,
        ),
    ],
    ids=[
        "an official of the body described after the role",
        "the person named beside a role before the body it serves",
        "a spokesperson of no body: the body just named",
        "a study a lead cites: the next document whose author is named",
        "its authors: the document's",
        "the n-year-old: the person named before",
        "she skips a name that only owns something",
        "a title the registry gives a leader",
    ],
)
def test_a_description_points_back_to_the_actor_it_stands_for(analyse, text, verb, actor, use_model):
    assert speaker_of(analyse, text, verb, use_model)[0] == actor


def test_a_policy_speaks_for_whoever_owns_it(analyse):
    text = "Human Rights Watch referred reporters to its published policy, which says the group never pays sources."
    assert speaker_of(analyse, text, "says")[0] == "human-rights-watch"
