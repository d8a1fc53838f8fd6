"""Which actor a speaker's phrase names (build/speakers.py with build/referents.py), on sentences of our own."""

import pytest

from build import actors, clean, extract, segment
from build.records import Actor


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


def test_a_pronoun_goes_with_the_person_who_spoke_in_the_sentence_before(analyse):
    text = (
        "Peter Irwin and Adrian Zenz opened a restaurant in 2018, partly, Zenz said, to give his family work. "
        "He said the restaurant was full."
    )
    assert cue_whose_subject_is(analyse, text, "He").speaker_id == "adrian-zenz"


def test_she_skips_a_man_the_text_calls_mr(analyse):
    text = "Zumretay Arkin spoke after Mr Adrian Zenz had left. She said the camps remained."
    assert speaker_of(analyse, text, "said")[0] == "zumretay-arkin"


def test_a_document_speaks_for_the_body_that_issued_it(analyse):
    text = "Human Rights Watch released a report on Tuesday. The report said 1,200 people had been detained."
    assert speaker_of(analyse, text, "said") == ("human-rights-watch", "document")


def test_data_are_the_body_the_sentence_names(analyse):
    text = "The State Council Information Office moved 2.7 million workers, according to official data."
    assert speaker_of(analyse, text, "according to") == ("state-council-information-office", "according to")


def test_a_document_speaks_for_the_body_named_before_the_verb_that_issued_it(analyse):
    text = (
        "On June 19, the Uyghur Human Rights Project (UHRP) released a research report entitled Lives Apart: An "
        "Assessment. The report notes that 1,200 people had been detained."
    )
    assert speaker_of(analyse, text, "notes") == ("uyghur-human-rights-project", "document")


def test_a_document_after_its_title_speaks_for_the_body_that_released_it(analyse):
    text = (
        "WASHINGTON — The Uyghur Human Rights Project (UHRP) today released “Lives Apart,” a 60-page report on how "
        "the Communist Party of China moves workers. The report found that 1,200 people had been moved."
    )
    assert speaker_of(analyse, text, "found") == ("uyghur-human-rights-project", "document")


@pytest.mark.parametrize(
    "text, verb",
    [
        ("The World Uyghur Congress held a rally. The Congress said the vote was a second chance.", "said"),
        ("The World Uyghur Congress held a rally. A Congress spokesperson said the vote was a chance.", "said"),
    ],
    ids=["the Congress", "a Congress spokesperson"],
)
def test_a_bodys_own_word_capitalised_is_the_body_named_before(analyse, text, verb):
    assert speaker_of(analyse, text, verb)[0] == "world-uyghur-congress"


def test_who_shared_a_copy_of_a_document_did_not_write_it(analyse):
    text = (
        "The Chinese government’s reply, a copy of which Adrian Zenz shared with reporters, is short. It says the "
        "man was sentenced according to law."
    )
    assert speaker_of(analyse, text, "says") == ("government-of-china", "pronoun")


def test_who_saw_a_document_did_not_write_it(analyse):
    text = "According to police documents seen by The New York Times, the quotas were raised."
    assert speaker_of(analyse, text, "According to")[0] != "new-york-times"


def test_someone_introduced_by_a_role_is_the_one_the_text_gives_it_next(analyse):
    text = (
        "The transfers were voluntary, a regional official said on Tuesday.\n\n"
        "Wang Wenbin, a spokesperson for the regional government, presented the data."
    )
    assert speaker_of(analyse, text, "said")[0] == "wang-wenbin"


def test_an_official_at_a_body_the_text_does_not_name_is_not_the_one_it_gives_an_office_next(analyse):
    text = (
        "In Nicosia, an official at the energy, commerce and industry ministry said the rules were being studied.\n\n"
        "Wang Wenbin, managing director of a linen supplier, presented the data."
    )
    assert speaker_of(analyse, text, "said") == (None, "none")


def test_a_spokesperson_speaks_for_the_body_just_spoken_of_not_for_someone_given_the_role_later(analyse):
    text = (
        "Human Rights Watch rejected the figures on Monday. A spokesperson said the data were incomplete.\n\n"
        "Wang Wenbin, a spokesperson for the regional government, presented the data."
    )
    assert speaker_of(analyse, text, "said")[0] == "human-rights-watch"


def test_a_spokesperson_for_a_body_named_after_a_possessive_speaks_for_that_body(analyse):
    text = (
        "The U.S. government banned the imports. At a briefing in Beijing, a spokesperson for China's Ministry of "
        "Commerce said the ban broke trade rules. The spokesperson said China would respond."
    )
    _, _, speech, _ = analyse(text)
    assert {c.speaker_id for c in speech.cues if c.verb == "said"} == {"ministry-of-commerce-of-china"}


@pytest.mark.parametrize(
    "unnamed",
    [
        "who spoke on condition of anonymity because he was not authorized to speak to the media",
        "who asked not to be named",
        "speaking on background",
    ],
)
def test_someone_who_stays_anonymous_is_not_the_one_the_text_names_next(analyse, unnamed):
    text = (
        f"A regional official, {unnamed}, said the transfers were voluntary.\n\n"
        "Wang Wenbin, a spokesperson for the regional government, presented the data."
    )
    assert speaker_of(analyse, text, "said") == (None, "none")


def test_the_official_after_an_anonymous_official_is_the_same_unnamed_person(analyse):
    text = (
        "Wang Wenbin, a regional official, opened the fair. An official who asked not to be named said the "
        "quotas were strict. The official said they were set every spring."
    )
    assert speaker_of(analyse, text, "said")[0] is None
    assert cue_whose_subject_is(analyse, text, "The official").speaker_id is None


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


def test_a_role_label_is_the_person_the_text_gives_that_role(analyse):
    text = (
        "Our correspondent Adrian Zenz is in Kashgar.\n\n"
        "HOST: What are you seeing there?\n\n"
        "CORRESPONDENT: The old town is packed.\n\n"
        "HOST: Thank you."
    )
    _, _, speech, _ = analyse(text)
    turns = [(q.speaker_text, q.speaker_id) for q in speech.quotes if q.kind == "transcript"]
    assert turns == [("HOST", None), ("CORRESPONDENT", "adrian-zenz"), ("HOST", None)]


@pytest.mark.parametrize("label", ["Newsreader", "NEWSCASTER", "Announcer"])
def test_a_programme_s_own_reader_is_no_actor(analyse, label):
    text = f"{label}: Lawmakers adopted a resolution.\n\nLi Wen: It was a start.\n\n{label}: Thank you."
    _, found, _, _ = analyse(text)
    assert label.lower() not in {a.name.lower() for a in found.discovered}


def test_a_capitalised_name_ending_in_a_body_word_that_speaks_is_a_body(analyse):
    text = "Kashgar Customs said exports through the port rose sharply last year."
    _, found, speech, _ = analyse(text)
    assert speech.cues[0].speaker_id == "kashgar-customs"
    assert [a.name for a in found.discovered] == ["Kashgar Customs"]


def test_a_document_named_by_its_title_speaks_for_whoever_issued_it(analyse):
    text = (
        "The white paper Cotton Harvests in Xinjiang, issued by the State Council Information Office in 2021, "
        "says that most of the cotton is picked by machine."
    )
    assert speaker_of(analyse, text, "says", use_model=True) == ("state-council-information-office", "document")


def test_a_long_title_after_a_quotation_does_not_hide_the_name_that_ends_it(analyse):
    text = (
        "“We will keep adding entities to the list,” said Under Secretary for Strategy, Policy, and Plans "
        "Adrian Zenz, who chairs the task force."
    )
    assert speaker_of(analyse, text, "said")[0] == "adrian-zenz"


def test_a_speech_verb_tagged_as_a_noun_still_reports_its_clause(analyse):
    text = (
        "Data from the ministry show that the planting area in Xinjiang reached 36.65 million mu in 2024, and the "
        "average yield exceeded 155 kilograms."
    )
    _, _, speech, _ = analyse(text)
    assert [(c.verb, speech.quotes[0].text[:22]) for c in speech.cues] == [("show", "the planting area in X")]


def test_a_person_described_but_unnamed_still_reports_a_statement(analyse):
    _, _, speech, _ = analyse("I called the factory; the woman who answered said she had never heard of him.")
    assert [(q.kind, q.text, q.speaker_id) for q in speech.quotes] == [("indirect", "she had never heard of him", None)]


@pytest.mark.parametrize(
    "text",
    ["Kazakh diplomats said the talks had stalled.", "The Kazakh representative said the talks had stalled."],
    ids=["diplomats", "a state's representative"],
)
def test_officials_named_by_their_nationality_speak_for_their_government(analyse, text):
    assert speaker_of(analyse, text, "said")[0] == "government-of-kazakhstan"


def test_officials_named_by_a_place_that_is_no_nation_speak_for_nobody_in_particular(analyse):
    assert speaker_of(analyse, "Xinjiang officials said the sanctions had hurt exporters.", "said")[0] is None


def test_the_company_is_a_registry_actor_whose_affiliation_is_company_whatever_its_description(registry):
    carmaker = Actor(
        "wolfsburg-motors", "Wolfsburg Motors", "organization", description="German carmaker", affiliation="company"
    )
    known = actors.Registry([*registry.actors.values(), carmaker], registry.not_actors)
    text = clean.normalise(
        "Wolfsburg Motors sold its plant in March. Human Rights Watch welcomed the move. "
        "The plant employed 200 people, according to the company."
    )
    _, speech, _ = extract.read(text, segment.all_sentences(text), known, use_model=False)
    assert [c.speaker_id for c in speech.cues if c.verb == "according to"] == ["wolfsburg-motors"]


def test_the_spokesperson_is_the_one_who_spoke_in_that_role_before(analyse):
    text = (
        "Protesters gathered outside on Friday. In response, the spokesperson of Human Rights Watch stated the "
        "following:\n\n1. The spokesperson stated that the report distorts the facts.\n\n"
        "2. The spokesperson noted that the European Union has published nothing."
    )
    _, _, speech, _ = analyse(text)
    assert [c.speaker_id for c in speech.cues if c.verb in ("stated", "noted")] == ["human-rights-watch"] * 3


def test_a_role_label_that_names_its_holder_in_brackets_names_them_for_the_bare_label_after(analyse):
    text = (
        "CHAIR (Senator Adrian Zenz): We will resume.\n\nSenator PATERSON: Thank you, Chair.\n\n"
        "CHAIR: One more question, please.\n\nSenator PATERSON: Thank you."
    )
    _, _, speech, _ = analyse(text)
    chair = [q.speaker_id for q in speech.quotes if q.kind == "transcript" and q.speaker_text == "CHAIR"]
    assert chair == ["adrian-zenz", "adrian-zenz"]


def test_a_role_label_is_the_person_a_list_gives_that_role_in_brackets(analyse):
    text = (
        "Members present: Dame Sarah Thornbury (Chair); Tom Drayton.\n\n"
        "Q1 Chair: How exposed are consumers?\n\nTom Drayton: Very exposed.\n\nQ2 Chair: Thank you."
    )
    _, _, speech, _ = analyse(text, use_model=True)
    chair = [q.speaker_id for q in speech.quotes if q.kind == "transcript" and q.speaker_text == "Chair"]
    assert chair == ["sarah-thornbury", "sarah-thornbury"]


def test_a_spokesperson_titled_before_the_name_is_the_spokesperson_after(analyse):
    text = (
        "Spokesperson Adrian Zenz of Human Rights Watch said the report was flawed.\n\n"
        "1. The camps are closed, the spokesperson said."
    )
    _, _, speech, _ = analyse(text)
    assert [c.speaker_id for c in speech.cues] == ["adrian-zenz", "adrian-zenz"]


def test_the_government_is_the_government_the_text_named_before(analyse):
    text = "Beijing has denied the claims. The government says the workers volunteered."
    _, _, speech, _ = analyse(text)
    assert [c.speaker_id for c in speech.cues if c.verb == "says"] == ["government-of-china"]


def test_a_source_is_unnamed_whatever_body_the_phrase_names(analyse):
    _, _, speech, _ = analyse("The Chinese government was silent. A government source said a ban was unlikely.")
    assert [c.speaker_id for c in speech.cues if c.verb == "said"] == [None]


def test_a_states_delegate_speaks_for_its_government(analyse):
    _, _, speech, _ = analyse("Cuba’s delegate said the issues were internal affairs.", use_model=True)
    assert [c.speaker_id for c in speech.cues] == ["government-of-cuba"]


def test_a_direction_in_brackets_after_a_role_label_is_no_holder(analyse):
    text = "NARRATOR (VO): Workshops bring jobs.\n\nAdrian Zenz: They do not.\n\nNARRATOR (VO): Orders are up."
    _, found, speech, _ = analyse(text)
    assert "vo" not in {a.id for a in found.discovered}


def test_the_n_year_old_described_before_a_speech_verb_is_the_person_named_before(analyse):
    text = "Adrian Zenz keeps the gloves at home. “We made 300 pairs a day,” the 47-year-old former herder told RFE/RL."
    _, _, speech, _ = analyse(text)
    assert [q.speaker_id for q in speech.quotes] == ["adrian-zenz"]


def test_a_turns_label_is_not_the_subject_of_its_first_sentence(analyse):
    text = (
        "NARRATOR (VO): The workshop hums.\n\n"
        "NARRATOR (VO): The company's general manager Adrian Zenz says orders are up this year.\n\n"
        "NARRATOR (VO): Buyers are cautious."
    )
    text, _, speech, _ = analyse(text)
    says = next(c for c in speech.cues if c.verb == "says")
    assert text[says.speaker.start : says.speaker.end] == "The company's general manager Adrian Zenz"


def test_the_name_after_says_speaks_a_quotation_the_parser_also_hung_on_the_verb(analyse):
    text = (
        "“The big groups have had traceability teams for years. A company in Alicante with 40 employees does "
        "not,” says Carmen Llorente, the association’s secretary general."
    )
    assert speaker_of(analyse, text, "says", use_model=True) == ("carmen-llorente", "inverted")


def test_a_role_after_another_role_is_the_one_a_description_gives(analyse):
    text = (
        "Freight rose by a third, Russian Deputy Transport Minister Adrian Zenz said.\n\n"
        "“The corridor is the fastest route,” the deputy minister told reporters."
    )
    assert speaker_of(analyse, text, "told") == ("adrian-zenz", "description")


def test_a_role_alone_after_a_quotation_is_the_person_named_before(analyse):
    text = (
        "Xinjiang is stable, Chinese Foreign Ministry Spokesperson Wang Wenbin said on Monday.\n\n"
        "“The facts speak for themselves,” the diplomat said."
    )
    cue = [c for c in analyse(text)[2].cues if c.verb == "said"][-1]
    assert (cue.speaker_id, cue.method) == ("wang-wenbin", "description")


def test_a_role_someone_unnamed_was_given_before_names_nobody(analyse):
    text = (
        "Adrian Zenz spoke first. One EU diplomat, speaking on condition of anonymity, said capitals would wait.\n\n"
        "“Nobody wants to be first,” the diplomat said."
    )
    cue = [c for c in analyse(text)[2].cues if c.verb == "said"][-1]
    assert cue.speaker_id != "adrian-zenz"


def test_a_body_described_at_a_local_level_is_none_whose_name_is_not_at_that_level(analyse):
    text = (
        "The United States banned imports of cotton from the region.\n\n"
        "Incomes in the county rose 8.5 percent in 2023, according to the county government's work report."
    )
    assert speaker_of(analyse, text, "according to")[0] is None


def test_a_document_a_description_owns_is_the_body_so_described(analyse):
    text = (
        "The Hotan Farming Division harvested its cotton. The Alar Development Zone built a new mill.\n\n"
        "According to the division's 2024 work report, output rose by a fifth."
    )
    assert speaker_of(analyse, text, "According to", use_model=True)[0] == "hotan-farming-division"


def test_he_or_she_after_an_unnamed_speaker_is_that_speaker_not_someone_named_earlier(analyse):
    text = (
        "“The files are authentic,” Adrian Zenz said.\n\n"
        "A former guard, who asked not to be named, said little. “They told us to wait,” she said."
    )
    assert speaker_of(analyse, text, "said")[0] == "adrian-zenz"
    cue = [c for c in analyse(text)[2].cues if c.verb == "said"][-1]
    assert (cue.speaker_id, cue.method) == (None, "none")


def test_a_subject_of_the_pronoun_s_own_sentence_is_no_unnamed_speaker_before_it(analyse):
    text = (
        "Patricia Heller appeared before the committee.\n\n"
        "She cautioned that a ban introduced without guidance would hurt small importers, and urged the "
        "government to publish a list of high-risk firms."
    )
    assert speaker_of(analyse, text, "urged", use_model=True) == ("patricia-heller", "pronoun")


def test_a_name_after_a_long_role_set_off_by_a_comma_is_a_person_he_can_stand_for(analyse):
    text = (
        "At a briefing in Urumqi, the deputy director general of the Information Office of the Xinjiang regional "
        "government, Alimjan Turdi, said that by the end of 2020 all 3.0649 million rural residents living under the "
        "national poverty line in Xinjiang had been lifted out of poverty. A total of 35 counties and 3,666 villages "
        "were removed from the list of poverty-stricken areas, he said."
    )
    cue = [c for c in analyse(text, use_model=True)[2].cues if c.verb == "said"][-1]
    assert (cue.speaker_id, cue.method) == ("alimjan-turdi", "pronoun")


def test_the_company_is_no_body_whose_name_says_it_is_another_kind(analyse):
    text = (
        "Corvane Energy buys polysilicon from two smelters in Xinjiang.\n\n"
        "Researchers at the Halden Policy Institute found that the smelters used transferred workers.\n\n"
        "The company said its suppliers had been audited."
    )
    assert speaker_of(analyse, text, "said", use_model=True) == ("corvane-energy", "description")


@pytest.mark.parametrize(
    "text, subject, actor",
    [
        (
            "The Australian Strategic Policy Institute identified 380 facilities in a 2020 study. In August, the "
            "Office of the UN High Commissioner for Human Rights concluded in a long-delayed assessment that the "
            "detentions may be crimes. The report said allegations of torture were credible.",
            "The report",
            "ohchr",
        ),
        (
            "In an e-mailed statement to reporters, Wang Wenbin said the centres had closed years ago. The statement "
            "said incomes had doubled.",
            "The statement",
            "wang-wenbin",
        ),
    ],
    ids=["a long-delayed assessment", "an e-mailed statement"],
)
def test_a_document_introduced_with_any_describing_word_speaks_for_its_issuer(analyse, text, subject, actor):
    cue = cue_whose_subject_is(analyse, text, subject)
    assert (cue.speaker_id, cue.method) == (actor, "document")


def test_the_document_a_hyphenated_word_describes_is_whoever_the_text_says_issued_it(analyse):
    text = (
        "Human Rights Watch published a report in June. The motion followed the long-delayed assessment by the "
        "Office of the UN High Commissioner for Human Rights. The assessment concluded that serious violations "
        "had been committed."
    )
    cue = cue_whose_subject_is(analyse, text, "The assessment")
    assert (cue.speaker_id, cue.method) == ("ohchr", "document")


def test_a_document_a_hyphenated_word_describes_is_no_ones_the_text_does_not_name(analyse):
    text = (
        "The European Parliament called on the European Commission to act under the EU's new ban. The non-binding "
        "resolution passed with 498 votes. It calls on the Commission to publish its database."
    )
    assert cue_whose_subject_is(analyse, text, "It").speaker_id == "european-parliament"


def test_its_document_is_the_one_whom_it_stands_for(analyse):
    text = (
        "As for the Australian Strategic Policy Institute, it is well known that it receives funding from the US "
        "Department of State. Its so-called report appeared in 2020. The report claimed that 80,000 people had "
        "been transferred."
    )
    assert speaker_of(analyse, text, "claimed") == ("australian-strategic-policy-institute", "document")


def test_a_clause_that_opens_a_sentence_holds_no_subject_for_it(analyse):
    text = (
        "The United Nations published its report in 2022. To measure what the report has changed, Human Rights "
        "Watch tracked the reactions of governments. According to its tally, 27 governments welcomed it."
    )
    assert speaker_of(analyse, text, "According to")[0] == "human-rights-watch"


def test_the_white_paper_is_not_a_researchers_paper_cited_since(analyse):
    text = (
        "The State Council Information Office published a white paper on employment in 2020. A recent paper by "
        "Adrian Zenz disputed its figures. The white paper said workers chose their jobs freely."
    )
    assert speaker_of(analyse, text, "said") == ("state-council-information-office", "document")


def test_data_cited_after_a_filing_are_not_the_filings(analyse):
    text = (
        "The parent company of Xinjiang Hongsheng said in a stock exchange filing that it had never used forced "
        "labor. The Uyghur Human Rights Project counted 1,146 detained shipments this year, the figures show."
    )
    assert speaker_of(analyse, text, "show")[0] == "uyghur-human-rights-project"


def test_it_is_not_a_document_whose_author_is_unknown(analyse):
    text = (
        "H&M had 14 containers detained in Savannah. The company said in a statement that it had moved its "
        "sourcing. “We expect all 14 containers to be released,” it said."
    )
    assert cue_whose_subject_is(analyse, text, "it").speaker_id == "h-and-m"


def test_a_document_speaks_for_whoever_carried_it_out(analyse):
    text = (
        "A survey of 140 households across the state, carried out this spring by the Washington-based Uyghur "
        "Human Rights Project, found that 97 had a relative in detention."
    )
    assert speaker_of(analyse, text, "found") == ("uyghur-human-rights-project", "document")


@pytest.mark.parametrize(
    "text, verb, actor",
    [
        (
            "The delegation of China rejected the report as groundless. The delegation of Australia said companies "
            "had a duty to check their supply chains.",
            "said",
            "government-of-australia",
        ),
        (
            "Earlier, the representative of the United Kingdom, speaking on behalf of 15 countries, claimed that "
            "violations had been committed.",
            "claimed",
            "government-of-the-united-kingdom",
        ),
    ],
    ids=["the delegation of a state", "the representative of a state"],
)
def test_an_envoy_of_a_state_speaks_for_its_government(analyse, text, verb, actor):
    assert speaker_of(analyse, text, verb, use_model=True)[0] == actor


@pytest.mark.parametrize(
    "text, verb, actor",
    [
        (
            "Human Rights Watch released a so-called “report” on the camps. The Chinese embassy dismissed it. "
            "The document claims that the camps hold a million people.",
            "claims",
            "human-rights-watch",
        ),
        (
            "The Chinese mission responded with a 30-page document, which said that the review was illegal.",
            "said",
            "government-of-china",
        ),
        (
            "Wang Wenbin's tour was organised by Human Rights Watch, an advocacy group that in March published a "
            "report on solar farms. The report found that 40 firms had suppliers in the region.",
            "found",
            "human-rights-watch",
        ),
    ],
    ids=["in scare quotes", "by its length", "published by a group named before its description"],
)
def test_a_document_named_in_other_words_is_its_issuers(analyse, text, verb, actor):
    assert speaker_of(analyse, text, verb) == (actor, "document")


def test_a_description_set_before_she_is_hers_and_no_one_elses(analyse):
    text = (
        "Adrian Zenz visited the plant in May. Gulnara Ismoil, 31, moved there from Hotan in 2020. Now a team "
        "leader on the packing line, she earns 5,000 yuan a month. “My children study in the city,” she said."
    )
    assert cue_whose_subject_is(analyse, text, "she").speaker_id == "gulnara-ismoil"


def test_a_role_speaks_for_the_government_named_before_it(analyse):
    text = "Headline\nCouncils were told to check panels. A Welsh Government spokeswoman said the rules were clear."
    _, found, speech, _ = analyse(text, use_model=True)
    cue = next(c for c in speech.cues if c.verb == "said")
    assert cue.speaker_id == "welsh-government"
    assert [a.type for a in found.discovered if a.id == "welsh-government"] == ["government"]


def test_a_place_before_a_role_is_no_body_it_speaks_for(analyse):
    text = "Headline\nA Gulf diplomat said the issue was handled quietly, government to government."
    assert speaker_of(analyse, text, "said", use_model=True)[0] is None


def test_the_minister_is_the_one_the_text_makes_a_minister_before_one_the_registry_knows(analyse):
    text = (
        "Foreign Minister Hilde Vos raised the camps with her Chinese counterpart Wang Yi.\n\n"
        "The minister said the talks had been frank."
    )
    assert speaker_of(analyse, text, "said", use_model=True)[0] == "hilde-vos"


def test_the_minister_is_not_the_one_an_earlier_the_minister_meant_once_another_is_given_the_role(analyse):
    text = (
        "Foreign Minister Hilde Vos said the talks had been frank. The minister said China had listened.\n\n"
        "Trade Minister Pieter Mol spoke next. According to the minister, exports had fallen."
    )
    assert speaker_of(analyse, text, "According to", use_model=True)[0] == "pieter-mol"


def test_the_envoy_is_the_one_the_text_made_an_ambassador_in_a_role_set_off_before_the_name(analyse):
    text = (
        "Chinese envoy says Xinjiang is stable\n\n"
        "The Chinese Ambassador to Ghana, Lu Kun, opened the exhibition on Monday.\n\n"
        "“The region is stable,” the envoy said."
    )
    assert speaker_of(analyse, text, "said", use_model=True)[0] == "lu-kun"


def test_a_role_label_is_the_body_whose_role_the_introduction_names(analyse):
    text = (
        "A reporter from the Daily Courier put questions to the Spokesperson of the Chinese Embassy in Ireland.\n\n"
        "Journalist: What is your response to the sanctions?\n\n"
        "Spokesperson: As Foreign Ministry Spokesperson Hua Chunying said, China will respond firmly.\n\n"
        "Journalist: Will there be countermeasures?\n\n"
        "Spokesperson: The Chinese side has made its position clear."
    )
    _, found, speech, _ = analyse(text)
    answers = {q.speaker_id for q in speech.quotes if q.kind == "transcript" and q.speaker_text == "Spokesperson"}
    embassy = next(m.actor_id for m in found.mentions if m.text == "Chinese Embassy in Ireland")
    assert answers == {embassy}


def test_a_demonym_the_registry_lacks_speaks_for_that_countrys_government(analyse):
    text = "The Bolivian delegation argued that the resolution interfered in internal affairs."
    assert speaker_of(analyse, text, "argued")[0] == "government-of-bolivia"


def test_some_of_a_countrys_diplomats_are_not_its_government(analyse):
    text = "Some Chilean diplomats have privately warned that the vote could hurt trade."
    assert speaker_of(analyse, text, "warned")[0] != "government-of-chile"


def test_an_answer_turn_is_the_body_whose_spokesperson_the_introduction_names(analyse):
    text = (
        "On Monday, lawmakers adopted a motion tabled by Adrian Zenz. The Spokesperson of the Chinese Embassy in "
        "Norway answered questions from the press on the motion.\n\n"
        "Q: What is your comment on the motion?\n\n"
        "A: The motion is based on lies and disinformation."
    )
    _, found, speech, _ = analyse(text)
    answer = next(q for q in speech.quotes if q.kind == "transcript" and q.speaker_text == "A")
    embassy = next(m.actor_id for m in found.mentions if m.text == "Chinese Embassy in Norway")
    assert answer.speaker_id == embassy


def test_the_authors_are_whoever_wrote_the_report_cited_last(analyse):
    text = (
        "A report by Human Rights Watch published on Tuesday examined recruitment in the region. "
        "The authors argue that the programmes amount to forced labour."
    )
    assert speaker_of(analyse, text, "argue")[0] == "human-rights-watch"


def test_a_description_named_right_after_is_that_person(analyse):
    text = "At a cooperative near Hotan, a herder named Abdulla Yasin told visitors that his income had doubled."
    _, _, speech, _ = analyse(text, use_model=True)
    assert next(q.speaker_id for q in speech.quotes if q.text == "his income had doubled") == "abdulla-yasin"


def test_a_described_body_is_the_one_named_right_after_it(analyse):
    text = (
        "Volkswagen said it had found no abuses. Later, the German chemicals giant BASF said it would sell its stakes."
    )
    cue = cue_whose_subject_is(analyse, text, "the German chemicals giant")
    assert (cue.speaker_id, cue.method) == ("basf", "subject")


def test_a_body_named_after_the_data_it_keeps_is_the_body_named_before_not_a_document(analyse):
    text = (
        "The Xinjiang Statistics Bureau released its annual figures on Monday. Cotton output reached 5.1 million "
        "tonnes, according to the statistics bureau."
    )
    assert speaker_of(analyse, text, "according to") == ("xinjiang-statistics-bureau", "according to")


def test_a_source_at_a_named_body_speaks_for_that_body_and_so_does_the_source_after(analyse):
    text = (
        "A source at the Ministry of Foreign Affairs of China said the visit had been postponed. "
        "The source said a new date would be set in spring."
    )
    assert speaker_of(analyse, text, "said") == ("ministry-of-foreign-affairs-of-china", "subject")
    the_source = cue_whose_subject_is(analyse, text, "The source")
    assert (the_source.speaker_id, the_source.method) == ("ministry-of-foreign-affairs-of-china", "description")


@pytest.mark.parametrize("source", ["A government source", "A source close to the Ministry of Foreign Affairs"])
def test_a_source_no_body_is_named_for_stays_unnamed(analyse, source):
    assert speaker_of(analyse, f"{source} said the visit had been postponed.", "said")[0] is None


def test_the_delegation_at_a_review_speaks_for_its_state_not_for_the_body_its_head_comes_from(analyse):
    text = (
        "The Committee against Torture today concluded its review of the report of China. Introducing the "
        "report, Zhou Lan, Director-General at the Ministry of Foreign Affairs of China and head of the "
        "delegation, said China had always attached great importance to preventing torture.\n\n"
        "Responding to questions, the delegation said that the centres had been schools."
    )
    delegation = cue_whose_subject_is(analyse, text, "the delegation")
    assert (delegation.speaker_id, delegation.method) == ("government-of-china", "description")
