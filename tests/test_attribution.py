"""Reading who says what from the dependency parse (build/attribution.py), on sentences of our own."""

import pytest

from build import attribution, segment


def cues_of(text: str) -> list[attribution.Cue]:
    return attribution.find_cues(text, segment.all_sentences(text))


def reading(text: str, verb: str) -> tuple[str | None, str | None]:
    """(speaker phrase, statement) of the cue written `verb`."""
    cue = next(c for c in cues_of(text) if c.verb == verb)
    speaker = text[cue.speaker.start : cue.speaker.end] if cue.speaker else None
    statement = text[cue.statement.start : cue.statement.end] if cue.statement else None
    return speaker, statement


@pytest.mark.parametrize(
    "text, verb, speaker, statement",
    [
        ("The ministry said that the centres had closed.", "said", "The ministry", "the centres had closed"),
        ("The ministry said on Monday it would take measures.", "said", "The ministry", "it would take measures"),
        ("The camps are closed, the official said on Tuesday.", "said", "the official", "The camps are closed"),
        ("Mr Smith pointed out that the law took effect.", "pointed out", "Mr Smith", "the law took effect"),
        (
            "Today, Hashim says, he is serving a long prison sentence.",
            "says",
            "Hashim",
            "Today, Hashim says, he is serving a long prison sentence",
        ),
        (
            "The US has accused Beijing of running a campaign of forced labour.",
            "accused",
            "The US",
            "Beijing of running a campaign of forced labour",
        ),
        (
            "The co-rapporteur from the trade committee, Dutch liberal MEP Anke Vos, said that the law would help.",
            "said",
            "Dutch liberal MEP Anke Vos",
            "the law would help",
        ),
        (
            "Seng Vanly, a researcher at the Asian Vision Institute (AVI), argued that Cambodia should stay out of it.",
            "argued",
            "Vanly",
            "Cambodia should stay out of it",
        ),
    ],
    ids=[
        "that clause",
        "bare clause",
        "closing the clause",
        "particle verb",
        "parenthetical",
        "accusation",
        "name after a hyphenated role",
        "name the tagger does not know, opening the sentence",
    ],
)
def test_a_statement_and_its_speaker_come_from_the_tree(text, verb, speaker, statement):
    assert reading(text, verb) == (speaker, statement)


@pytest.mark.parametrize(
    "text, statement",
    [
        (
            "According to the regional government, 3.06 million people were lifted out of poverty.",
            "3.06 million people were lifted out of poverty",
        ),
        (
            "Xinjiang produced 5.69 million tons of cotton in 2024, according to the statistics bureau.",
            "Xinjiang produced 5.69 million tons of cotton in 2024",
        ),
        (
            "The review will cost 14 million euros, according to the company, and will end in June.",
            "The review will cost 14 million euros, according to the company, and will end in June",
        ),
    ],
    ids=["opening", "closing", "in the middle"],
)
def test_according_to_attributes_the_sentence_it_sits_in(text, statement):
    assert reading(text, next(c.verb for c in cues_of(text)))[1] == statement


def test_the_object_of_according_to_is_the_speaker():
    text = "Courts sentenced 230,000 people, according to an analysis by The New York Times."
    assert reading(text, "according to")[0] == "an analysis"


@pytest.mark.parametrize(
    "text, verb, speaker",
    [
        ("The company welcomed the ruling and said it would appeal.", "said", "The company"),
        ("The minister went on to say that the talks had failed.", "say", "The minister"),
        ("Zenz, who has studied the files, said they were genuine.", "said", "Zenz"),
        ("Xinhua quoted him as saying the region was stable.", "saying", "him"),
        ("He was quoted as saying the region was stable.", "saying", "He"),
        ("The ministry issued a statement saying the camps had closed.", "saying", "a statement"),
    ],
    ids=["and said", "went on to say", "relative clause", "quoted him as saying", "was quoted as saying", "acl"],
)
def test_a_verb_without_a_subject_of_its_own_shares_the_one_it_depends_on(text, verb, speaker):
    assert reading(text, verb)[0] == speaker


def test_a_participle_after_a_reported_clause_goes_on_with_the_first_speaker():
    text = "Zenz said China released papers, noting that there had been seven since 2015."
    assert reading(text, "noting") == ("Zenz", "there had been seven since 2015")
    assert reading(text, "said") == ("Zenz", "China released papers")


def test_a_clause_joined_by_but_with_a_name_for_subject_is_the_reporters():
    text = "China claims the centres are schools but the UN fears that they are camps."
    assert reading(text, "claims")[1] == "the centres are schools"


def test_a_clause_on_what_the_speaker_did_not_say_is_the_reporters():
    text = (
        "The paper said 1.3 million workers had been trained every year, although it did not clarify how many "
        "of them had been held in the camps."
    )
    assert reading(text, "said") == ("The paper", "1.3 million workers had been trained every year")


def test_the_name_of_a_speaker_given_in_apposition_is_a_speaker_name():
    text = "Her father was sentenced to 20 years, his nephew Mehmet Tursun told reporters from Ankara."
    names = attribution.speaker_names(attribution.find_cues(text, segment.all_sentences(text)))
    assert [text[start:end] for start, end in names.spans] == ["Mehmet Tursun"]


def test_a_capitalised_name_the_tagger_reads_as_a_common_noun_is_a_speaker_name():
    text = '"I have lived in Turkey for nine years," Tohti told Middle East Eye.'
    names = attribution.speaker_names(attribution.find_cues(text, segment.all_sentences(text)))
    assert [text[start:end] for start, end in names.spans] == ["Tohti"]


@pytest.mark.parametrize(
    "text, verb",
    [
        ("She declined to say whether the workers were paid.", "say"),
        ("He was told that the files were secret.", "told"),
        ("Raab accused China of abuses that he said were taking place on a vast scale.", "said"),
        ("The agency would not say how many people had been held there.", "say"),
        ("Reporters asked the spokesman what he meant by resolved, but he did not tell them what had changed.", "tell"),
    ],
    ids=["a question", "the one told", "inside a relative clause", "how many", "what"],
)
def test_no_statement_where_nothing_is_stated(text, verb):
    cue = next(c for c in cues_of(text) if c.verb == verb)
    assert cue.statement is None or cue.speaker is None


def test_a_question_word_of_a_clause_inside_the_statement_does_not_make_it_a_question():
    text = "The delegates said what they saw in Kashgar was different from Western reports."
    assert reading(text, "said")[1] == "what they saw in Kashgar was different from Western reports"


def test_a_noun_is_not_a_speech_verb():
    cues = cues_of("The report and the claims spread across the region in June.")
    assert not any(c.verb in ("report", "claims") for c in cues)


def test_a_sentence_longer_than_any_reporter_writes_is_not_parsed():
    text = "Officials said " + "the numbers rose and " * 400 + "fell."
    assert len(text) > attribution.MAX_SENTENCE_CHARS
    assert cues_of(text) == []


def test_offsets_are_the_articles():
    text = "A first sentence without a cue. Then the ministry said the camps had closed."
    (cue,) = cues_of(text)
    assert text[cue.start : cue.end] == "said"
    assert text[cue.statement.start : cue.statement.end] == "the camps had closed"


def test_a_clause_without_a_verb_states_nothing():
    assert reading("He finds them hard to take seriously.", "finds") == ("He", None)


def test_an_appositive_that_comments_on_the_statement_is_the_reporters():
    text = "The ministry announced that 2,000 Kazakhs could leave for Kazakhstan, a step it presented as diplomacy."
    assert reading(text, "announced") == ("The ministry", "2,000 Kazakhs could leave for Kazakhstan")


def test_a_claim_noun_with_an_owner_reports_the_owners_statement():
    text = "The committee notes the Government's indication that the transfers are voluntary and paid."
    assert reading(text, "indication") == ("the Government", "the transfers are voluntary and paid")


def test_a_claim_noun_without_an_owner_is_no_cue():
    text = "The committee was told about the claim that the camps had closed."
    assert "claim" not in [c.verb for c in cues_of(text)]


def test_an_age_before_the_verb_is_the_speaker():
    assert reading("“Business is slow,” the 41-year-old said.", "said") == ("old", "Business is slow")


def test_what_someone_expects_reports_no_statement_and_goes_on_with_the_one_before():
    text = "Dr Okafor said the group would extend testing next year, and that she expected the number of cases to rise."
    assert reading(text, "expected")[1] is None
    assert reading(text, "said")[1].endswith("the number of cases to rise")


def test_a_speech_verb_the_parser_joins_to_a_passive_verb_shares_its_subject():
    text = (
        "Gulnara Asanakunova, whose husband Talant Abdyrakhman uulu was detained in Artux in 2018, said she had not "
        "heard from him."
    )
    assert reading(text, "said") == ("Gulnara Asanakunova", "she had not heard from him")


@pytest.mark.parametrize(
    "text, statement",
    [
        (
            "Kenji Morimoto said the guidelines were a first step but criticized the lack of a legal obligation.",
            "the guidelines were a first step",
        ),
        (
            "Ms Kearney said the company was not accusing any supplier, but had concluded that the risk was high.",
            "the company was not accusing any supplier, but had concluded that the risk was high",
        ),
        (
            "The minister said the government respected its partners' views but insisted that the law came first.",
            "the government respected its partners' views",
        ),
        (
            "Ms Rahman said the mills had lost orders but believed that buyers would return.",
            "the mills had lost orders but believed that buyers would return",
        ),
    ],
    ids=["a stance of the speaker's own", "the reported clause going on", "a claim of its own", "a belief going on"],
)
def test_a_speech_verb_after_but_ends_the_statement_only_when_it_says_something_of_its_own(text, statement):
    assert reading(text, "said")[1] == statement


def test_a_count_the_parser_makes_the_speech_verbs_object_opens_the_statement():
    text = "The trader said about 30 per cent of the cotton yarn he imports comes from China."
    assert reading(text, "said")[1] == "about 30 per cent of the cotton yarn he imports comes from China"


def test_what_a_denied_report_concluded_is_the_reports_not_the_deniers():
    text = (
        "Beijing has denied every report on the camps, from leaked police files to a 2023 study by the Halden "
        "Institute, which concluded that detention rates had tripled."
    )
    assert reading(text, "denied")[1] is None
    assert reading(text, "concluded")[1] == "detention rates had tripled"


def test_a_relative_clause_on_a_description_of_a_name_speaks_for_the_name():
    text = "The tour was organised by Fairtrace Watch, an advocacy group that in March published a report on solar."
    assert reading(text, "published")[0] == "Fairtrace Watch"


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "The Aksu Prefecture People's Government said 4,000 households had moved.",
            "Aksu Prefecture People's Government",
        ),
        ("The Hotan Women's Federation said the courses were full.", "Hotan Women's Federation"),
        ("China's Foreign Ministry said the claims were lies.", "Foreign Ministry"),
    ],
    ids=["people's government", "women's federation", "a country owns its ministry"],
)
def test_a_plural_name_that_owns_is_part_of_the_speakers_name(text, name):
    spans = attribution.speaker_names(cues_of(text)).spans
    assert [text[start:end] for start, end in spans] == [name]


def test_an_infinitive_on_a_noun_has_no_one_who_speaks():
    text = "The ministry said it had given the firm the opportunity to comment on the findings."
    assert reading(text, "comment")[0] is None


@pytest.mark.parametrize(
    "text, charge",
    [
        (
            'The diplomat accused Western governments of using human rights "as a tool to contain China\'s growth".',
            "Western governments of using human rights \"as a tool to contain China's growth",
        ),
        (
            'The ministry accused Washington of "economic bullying" after the United States added 37 firms to a list.',
            'Washington of "economic bullying',
        ),
        (
            "Critics accused Beijing of mass detention and forced labor of Uyghurs in Xinjiang.",
            "Beijing of mass detention and forced labor of Uyghurs in Xinjiang",
        ),
        (
            "Critics accused Beijing of mass detention and said the camps had grown.",
            "Beijing of mass detention",
        ),
    ],
    ids=["the rest of the charge hung on the verb", "a clause of its own after it", "another charge", "another verb"],
)
def test_an_accusation_is_the_whole_charge(text, charge):
    assert reading(text, "accused")[1] == charge


def test_a_verb_after_the_comma_that_ends_a_clause_reports_it_and_takes_the_subject_after_it():
    text = (
        "A utility-scale project using panels with fully traceable polysilicon costs about 8% to 10% more to "
        "build, said Carla Mendes, a procurement director at Solvane Energy."
    )
    assert reading(text, "said") == (
        "Carla Mendes",
        "A utility-scale project using panels with fully traceable polysilicon costs about 8% to 10% more to build",
    )


def test_a_statement_said_after_it_holds_every_clause_before_the_speaker():
    text = (
        "China overtook Russia as the largest partner in 2019, and bilateral trade reached $15 billion, Lytvyn noted."
    )
    assert reading(text, "noted") == (
        "Lytvyn",
        "China overtook Russia as the largest partner in 2019, and bilateral trade reached $15 billion",
    )


def test_a_quotation_mark_after_an_auxiliary_leaves_the_clause_reported():
    text = "In 2019 the regional chairman, Erkin Tursun, told reporters that all trainees had ‘graduated’."
    assert reading(text, "told")[1].startswith("all trainees had ‘graduated")


@pytest.mark.parametrize("verb", ["observed", "pledged", "reaffirmed"])
def test_a_speech_verb_of_the_lexicon_reports_its_clause(verb):
    assert reading(f"The minister {verb} that exports had doubled.", verb) == ("The minister", "exports had doubled")
