"""Actor mentions, discovery and resolution on sentences of our own."""

import pytest

from build import actors, cli, extract, figures, segment, sources
from build.records import Actor

from .conftest import PROJECT_SOURCES, SOURCES


def mentions_of(analyse, text, use_model=False):
    _, found, _, _ = analyse(text, use_model=use_model)
    return found


def ids(found):
    return [m.actor_id for m in found.mentions]


def test_surname_after_full_name_is_the_same_person(analyse):
    found = mentions_of(analyse, "Adrian Zenz published new files. Zenz said they were authentic.")
    assert ids(found) == ["adrian-zenz", "adrian-zenz"]
    assert found.mentions[1].method == "short name"


def test_people_sharing_a_surname_stay_apart(analyse):
    found = mentions_of(analyse, "Wang Yi met Wang Huning in Beijing. Later Wang Huning spoke first.")
    assert ids(found) == ["wang-yi", "wang-huning", "wang-huning"]


def test_title_resolves_to_the_person_already_named(analyse):
    found = mentions_of(analyse, "Xi Jinping arrived on Tuesday. The Chinese President then met officials.")
    assert ids(found) == ["xi-jinping", "xi-jinping"] and found.mentions[1].method == "title"


def test_ethnic_groups_and_places_are_not_actors(analyse):
    found = mentions_of(
        analyse, "Uyghurs, Kazakhs and Han Chinese live in Kashgar and Urumqi in Xinjiang.", use_model=True
    )
    assert found.mentions == []


def test_a_place_is_an_actor_only_where_it_acts(analyse):
    found = mentions_of(
        analyse, "Reporters in Beijing were told nothing. Beijing denies the claims. Beijing’s skyline was grey."
    )
    assert [(m.actor_id, m.text) for m in found.mentions] == [("government-of-china", "Beijing")]
    assert found.mentions[0].start == len("Reporters in Beijing were told nothing. ")


@pytest.mark.parametrize(
    "text, government",
    [
        ("China’s embassy rejected the report.", "government-of-china"),
        ("The US delegation said the vote was lost.", "government-of-the-united-states"),
    ],
)
def test_a_place_acts_through_its_state_bodies(analyse, text, government):
    assert ids(mentions_of(analyse, text)) == [government]


def test_states_listed_together_act_together(analyse):
    text = "In March, the European Union, the United States and Canada imposed sanctions on officials."
    assert ids(mentions_of(analyse, text))[-2:] == ["government-of-the-united-states", "government-of-canada"]


@pytest.mark.parametrize(
    "text",
    [
        "Trade between China and Kazakhstan reached 22.6 billion yuan.",
        "Exports to the United States and Canada rose by a fifth.",
        "On Thursday, Canada and the United States, the two largest buyers, were quiet.",
    ],
)
def test_a_list_of_places_that_does_not_act_names_no_government(analyse, text):
    assert ids(mentions_of(analyse, text)) == []


def test_and_after_one_place_joins_clauses_not_a_list(analyse):
    text = "Some media hyped up forced labour in Xinjiang, and the United States has used the law to sanction firms."
    assert ids(mentions_of(analyse, text)) == ["government-of-the-united-states"]


@pytest.mark.parametrize("owner", ["UN's", "U.N.’s"])
def test_a_short_name_that_owns_the_rest_of_an_alias_is_the_alias(analyse, owner):
    text = f"The {owner} human rights office said the detentions were arbitrary."
    assert ids(mentions_of(analyse, text)) == ["ohchr"]


def test_unknown_person_is_discovered_unreviewed_with_role(analyse):
    found = mentions_of(
        analyse, "Maria Jensen, a campaigner based in Virginia, said her sister was detained.", use_model=True
    )
    discovered = {a.id: a for a in found.discovered}
    assert "maria-jensen" in discovered and discovered["maria-jensen"].reviewed is False
    mention = next(m for m in found.mentions if m.actor_id == "maria-jensen")
    assert mention.role == "a campaigner based in Virginia"


def test_role_before_the_name_is_kept(analyse):
    found = mentions_of(analyse, "UK Foreign Secretary Dominic Raab spoke to the council.")
    assert found.mentions[0].role == "UK Foreign Secretary"


def test_media_outlet_is_an_organisation(registry):
    assert registry.actors["xinhua"].type == "organization"


def test_discovered_actor_is_one_row_across_articles(source_copy, tmp_path):
    for name in ("a.txt", "b.txt"):
        (source_copy / "articles" / name).write_text(
            "Maria Jensen, a campaigner, said the camps were still open.", encoding="utf-8"
        )
        with (source_copy / "articles.csv").open("a", encoding="utf-8") as handle:
            handle.write(f"{name},unknown,,,2021-01-01,en,,\n")
    db_path = tmp_path / "x.db"
    cli.build(source_copy, db_path)
    import sqlite_utils

    db = sqlite_utils.Database(db_path)
    assert db.execute("select count(*) from actors where name = 'Maria Jensen'").fetchone()[0] == 1
    assert (
        db.execute("select count(distinct article_id) from mentions where actor_id = 'maria-jensen'").fetchone()[0] == 2
    )


def test_a_shared_surname_goes_to_the_person_named_last(analyse):
    found = mentions_of(analyse, "Wang Huning spoke first. Wang Yi answered questions. Wang said the door was open.")
    assert ids(found)[-1] == "wang-yi"


def test_aliases_match_curly_and_straight_apostrophes(analyse):
    found = mentions_of(analyse, "China’s foreign ministry and China's foreign ministry both replied.")
    assert ids(found) == ["ministry-of-foreign-affairs-of-china"] * 2


def test_news_outlets_asking_questions_are_organisations(analyse):
    text = (
        "Asahi Shimbun:\n\nWhat is your response?\n\nMao Ning:\n\nWe oppose it.\n\n"
        "Phoenix TV:\n\nA follow-up?\n\nMao Ning:\n\nNo comment."
    )
    found = mentions_of(analyse, text)
    types = {a.name: a.type for a in found.discovered}
    assert types == {"Asahi Shimbun": "organization", "Phoenix TV": "organization"}


def test_an_abbreviation_in_brackets_is_the_same_actor(analyse):
    found = mentions_of(
        analyse,
        "The Global Alliance of Textile Importers (GATI) criticised the rule. GATI said members had waited months.",
        use_model=True,
    )
    assert len({m.actor_id for m in found.mentions}) == 1
    assert [m.text for m in found.mentions] == ["Global Alliance of Textile Importers", "GATI", "GATI"]


def test_an_organisation_name_the_model_cut_short_is_completed(analyse):
    found = mentions_of(analyse, "US Customs and Border Agency said on Wednesday it had seized cargo.", use_model=True)
    assert [m.text for m in found.mentions if m.method == "model"] == ["US Customs and Border Agency"]


def test_dotted_and_plain_abbreviations_give_one_actor(analyse):
    dotted = mentions_of(analyse, "U.S. Customs and Border Agency said it seized cargo.", use_model=True)
    plain = mentions_of(analyse, "US Customs and Border Agency said it seized cargo.", use_model=True)
    assert {m.actor_id for m in dotted.mentions} & {m.actor_id for m in plain.mentions}


def test_a_place_modified_by_an_adverb_still_acts(analyse):
    found = mentions_of(analyse, "China firmly opposed the ban and said it would respond.")
    assert ids(found) == ["government-of-china"]


def test_an_organisation_cut_at_and_or_before_of_place_is_completed(analyse):
    found = mentions_of(
        analyse,
        "Jobs rose, the Department of Forestry and Grassland Affairs of Xinjiang Uygur Autonomous Region said.",
        use_model=True,
    )
    assert [m.text for m in found.mentions if m.method == "model"] == [
        "Department of Forestry and Grassland Affairs of Xinjiang Uygur Autonomous Region"
    ]


def test_a_person_the_model_misses_is_found_in_a_news_appositive(analyse):
    found = mentions_of(
        analyse, "Dilnur Ablimit, a Uyghur student in the Netherlands, told reporters she was afraid.", use_model=True
    )
    assert [(m.text, m.method) for m in found.mentions] == [("Dilnur Ablimit", "appositive")]


def test_a_name_set_off_after_a_role_and_before_a_speech_verb_is_a_person(analyse):
    found = mentions_of(
        analyse, "Commissioner for Labour and Social Rights, Łucja Żebrowska, said: “The rules apply to all.”"
    )
    assert ("Łucja Żebrowska", "person") in {(a.name, a.type) for a in found.discovered}


def test_a_one_word_speaker_is_the_person_the_text_names_in_full(analyse):
    text = (
        "Police knocked on Abdurehim Tohti's door in January.\n\n"
        '"I have lived in Turkey for nine years," Tohti told Middle East Eye.'
    )
    _, found, speech, _ = analyse(text, use_model=True)
    assert ("Abdurehim Tohti", "person") in {(a.name, a.type) for a in found.discovered}
    assert [q.speaker_id for q in speech.quotes] == ["abdurehim-tohti"]


def test_a_one_word_speaker_named_in_full_as_part_of_a_body_is_no_person(analyse):
    text = (
        "The login page belongs to Hangzhou Hikvision Digital Technology, a camera maker.\n\n"
        "“We comply with all laws,” Hikvision said."
    )
    _, found, _, _ = analyse(text, use_model=True)
    assert "Hangzhou Hikvision" not in {a.name for a in found.discovered}


def test_a_name_right_after_a_role_and_before_a_comma_or_speech_verb_is_a_person(analyse):
    found = mentions_of(analyse, "Hungarian MEP Zoltán Keresztes, of the Patriots for Europe, said the vote was wrong.")
    assert ("Zoltán Keresztes", "person") in {(a.name, a.type) for a in found.discovered}


def test_a_surname_after_the_given_name_the_model_tagged_alone_completes_the_name(analyse):
    found = mentions_of(analyse, "I first met Gulnar Ablimit at a cafe in Almaty in May.", use_model=True)
    assert ("Gulnar Ablimit", "person") in {(a.name, a.type) for a in found.discovered}


def test_a_person_the_model_misses_is_found_in_an_appositive_after_a_verb(analyse):
    text = "Joining the lawmakers was Dilnur Ablimit, a Munich-based Uyghur activist."
    found = mentions_of(analyse, text)
    assert [(m.text, m.method) for m in found.mentions] == [("Dilnur Ablimit", "appositive")]


def test_a_byline_in_capitals_is_no_appositive_person(analyse):
    found = mentions_of(analyse, "Written with PARK JI-WON, a staff reporter.")
    assert found.mentions == []


def test_an_organisation_in_an_appositive_is_not_a_person(analyse):
    found = mentions_of(analyse, "Uyghur Freedom Network, a rights group, said so.", use_model=True)
    assert all(m.method != "appositive" for m in found.mentions)


def test_an_acronym_of_a_named_organisation_is_that_organisation(analyse):
    found = mentions_of(
        analyse,
        "U.S. Customs and Border Protection seized 9,000 shipments. CBP said in a statement it works with importers.",
        use_model=True,
    )
    assert len({m.actor_id for m in found.mentions}) == 1 and found.mentions[-1].text == "CBP"


def test_the_model_reads_only_the_stretch_around_an_unknown_name(registry):
    from build.actors import _around_unknown_names
    from build.segment import Segment

    filler = "the committee discussed the matter at length and then adjourned for the day " * 4
    text = filler + "while Dilnur Ablimit waited outside " + filler
    stretches = _around_unknown_names(text, Segment(0, len(text)), registry, bytearray(len(text)))
    assert len(stretches) == 1
    assert "Dilnur Ablimit" in text[stretches[0].start : stretches[0].end]
    assert stretches[0].end - stretches[0].start < len(text) / 2


def test_peoples_places_and_known_names_send_nothing_to_the_model(registry):
    from build.actors import _around_unknown_names
    from build.segment import Segment

    text = "Uyghurs in Xinjiang met officials from the U.S. on Tuesday."
    assert _around_unknown_names(text, Segment(0, len(text)), registry, bytearray(len(text))) == []


def test_a_body_the_model_tags_as_a_facility_is_an_organisation(registry):
    text = (
        "Visits rose 50 percent, according to a statement released by the Xinjiang Uygur Autonomous Regional "
        "Department of Culture and Tourism on Monday."
    )
    without_it = actors.Registry([a for a in registry.actors.values() if "Tourism" not in a.name], {})
    found = actors.find_mentions(text, without_it)
    assert [m.text for m in found.mentions if m.method == "model"] == [
        "Xinjiang Uygur Autonomous Regional Department of Culture and Tourism"
    ]


def test_a_registry_body_written_in_title_case_is_found(analyse):
    found = mentions_of(analyse, "The Regional Department of Culture and Tourism said visits rose.")
    assert ids(found) == ["xinjiang-culture-tourism-department"]


def test_a_title_with_of_before_a_name_is_its_role(analyse):
    found = mentions_of(analyse, "US Secretary of State Antony Blinken spoke on Tuesday.")
    assert found.mentions[-1].role == "US Secretary of State"


def test_a_company_the_text_makes_speak_is_discovered_as_an_organisation(analyse):
    found = mentions_of(
        analyse,
        "Petrova Lines said it would comply with the ruling. The company added that it was reviewing its audits.",
        use_model=True,
    )
    discovered = {a.id: a for a in found.discovered}
    assert discovered["petrova-lines"].type == "organization"


def test_a_law_that_acts_is_not_an_actor(analyse):
    found = mentions_of(
        analyse, "The Global Supply Chain Transparency Act requires importers to prove otherwise.", use_model=True
    )
    assert found.discovered == []


def test_a_speaker_the_model_finds_by_surname_alone_is_named_in_full(analyse):
    found = mentions_of(
        analyse, "Her father was sentenced to 20 years, his nephew Mehmet Tursun told RFA from Ankara.", use_model=True
    )
    assert [a.name for a in found.discovered] == ["Mehmet Tursun"]


def test_a_speaking_first_name_is_the_person_named_in_full_not_a_new_actor(analyse):
    found = mentions_of(
        analyse,
        "Chalida Wongsakul, a lawyer, visited the centre in May. Chalida said the men were afraid.",
        use_model=True,
    )
    assert ids(found) == ["chalida-wongsakul", "chalida-wongsakul"]


def test_a_discovered_name_is_found_wherever_it_recurs(analyse):
    found = mentions_of(
        analyse,
        "Petrova Lines said it would comply with the ruling. Petrova Lines, founded in 2016, employs 300 people.",
        use_model=True,
    )
    assert [(m.actor_id, m.method) for m in found.mentions] == [
        ("petrova-lines", "model"),
        ("petrova-lines", "repeat"),
    ]


def test_a_place_the_registry_knows_is_never_discovered_as_a_new_actor(analyse):
    found = mentions_of(
        analyse, "Since its founding, the US has slaughtered Native Americans, the ministry said.", use_model=True
    )
    assert found.discovered == []


def test_a_local_office_written_in_lower_case_is_an_actor(analyse):
    found = mentions_of(analyse, "Officers from the Tokkuzak county public security bureau searched the homes.")
    discovered = {a.id: a for a in found.discovered}
    assert discovered["tokkuzak-county-public-security-bureau"].name == "Tokkuzak County Public Security Bureau"
    assert [m.text for m in found.mentions] == ["Tokkuzak county public security bureau"]


def test_a_local_office_with_a_name_of_several_words_is_one_actor(analyse):
    found = mentions_of(analyse, "Figures from the Qingxi county human resources and social security bureau show it.")
    assert [(m.text, m.actor_id) for m in found.mentions] == [
        (
            "Qingxi county human resources and social security bureau",
            "qingxi-county-human-resources-and-social-security-bureau",
        )
    ]
    assert found.discovered[0].name == "Qingxi County Human Resources and Social Security Bureau"


def test_a_local_office_after_a_capitalised_level_is_one_actor(analyse):
    found = mentions_of(analyse, "The rate rose to 99.6 percent, according to the Yutian County health commission.")
    assert [a.name for a in found.discovered] == ["Yutian County Health Commission"]


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Farmers in Awat county did well. According to the county's agriculture bureau, yields rose.",
            "Awat County Agriculture Bureau",
        ),
        (
            "Kashgar Prefecture sent workers east, according to the prefectural counterpart assistance office.",
            "Kashgar Prefecture Counterpart Assistance Office",
        ),
        (
            "The Xinjiang Uygur Autonomous Region grew. Output rose, according to the regional health commission.",
            "Xinjiang Uygur Autonomous Region Health Commission",
        ),
        (
            "Herders in Barkol Kazakh Autonomous County did well. Incomes rose, according to the county bureau of "
            "statistics.",
            "Barkol County Bureau of Statistics",
        ),
    ],
    ids=["the county's", "prefectural", "regional", "an autonomous county"],
)
def test_a_local_office_named_by_its_level_is_the_office_of_the_place_named_last(analyse, text, name):
    assert [a.name for a in mentions_of(analyse, text).discovered] == [name]


def test_a_local_office_named_by_its_level_is_known_also_by_the_words_the_text_gives_it(analyse):
    found = mentions_of(analyse, "The Xinjiang region grew, according to the regional department of commerce.")
    assert [(a.name, a.aliases) for a in found.discovered] == [
        ("Xinjiang Department of Commerce", ("regional department of commerce",))
    ]


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Qingxi County held a job fair. Wages rose, according to the county Statistics Bureau.",
            "Qingxi County Statistics Bureau",
        ),
        (
            "Hami Prefecture grew. Visits rose, according to the prefectural Culture, Sports and Tourism Bureau.",
            "Hami Prefecture Culture, Sports and Tourism Bureau",
        ),
        (
            "The harvest of the 4th Division ended, the division's publicity department said.",
            "4th Division Publicity Department",
        ),
    ],
    ids=["capitalised", "a list of what it oversees", "a division of the Corps"],
)
def test_a_local_office_named_by_its_level_may_be_capitalised_or_a_division(analyse, text, name):
    assert name in [a.name for a in mentions_of(analyse, text, use_model=True).discovered]


def test_a_local_office_named_by_its_level_alone_is_no_actor_when_no_such_place_was_named(analyse):
    found = mentions_of(analyse, "Output rose, according to the county's agriculture bureau.")
    assert found.discovered == []


def test_words_after_a_local_place_that_say_something_are_no_office(analyse):
    found = mentions_of(analyse, "The Aksu prefecture said the bureau would help.")
    assert found.discovered == []


def test_a_company_is_one_actor_with_or_without_its_suffix_and_its_first_word_stands_for_it(analyse):
    found = mentions_of(
        analyse,
        "Shares of Petrova Lines Inc fell on Monday. Petrova said it would appeal. Petrova Lines declined to comment.",
        use_model=True,
    )
    assert [(m.text, m.actor_id) for m in found.mentions] == [
        ("Petrova Lines Inc", "petrova-lines"),
        ("Petrova", "petrova-lines"),
        ("Petrova Lines", "petrova-lines"),
    ]


def test_a_company_the_text_calls_one_is_discovered(analyse):
    found = mentions_of(
        analyse, "Shares of rival U.S. module maker Corvane Energy rose 3.1% on Thursday.", use_model=True
    )
    assert [(a.name, a.type) for a in found.discovered] == [("Corvane Energy", "organization")]


def test_a_one_word_company_the_text_calls_one_is_discovered_unless_a_longer_name_goes_on(analyse):
    text = (
        "She bought polo shirts from high-street chain Brightwell for her boys. Declan Hughes, of the campaign "
        "group Justice for Uyghurs Ireland, said the shirts should be withdrawn."
    )
    names = [a.name for a in mentions_of(analyse, text, use_model=True).discovered]
    assert "Brightwell" in names and "Justice" not in names


def test_a_company_named_at_the_end_of_its_subject_appositive_is_discovered(analyse):
    found = mentions_of(
        analyse,
        "One of the companies named in the report, Phoenix-based installer SunHarbor Energy, said it had asked "
        "its suppliers for documents.",
        use_model=True,
    )
    assert "sunharbor-energy" in {a.id for a in found.discovered}


def test_a_country_that_acts_is_its_government(analyse):
    found = mentions_of(analyse, "Canada imposed sanctions on four officials. Australia followed a week later.")
    assert ids(found) == ["government-of-canada", "government-of-australia"]


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Amnesty International UK said the vote was a betrayal.", "amnesty-international-uk"),
        ("Free Uyghur Voices UK said it had written to the retailers.", "free-uyghur-voices-uk"),
    ],
    ids=["a registry body's section", "a name the registry does not know"],
)
def test_a_country_that_ends_a_bodys_name_is_not_its_government(analyse, text, actor):
    assert ids(mentions_of(analyse, text)) == [actor]


@pytest.mark.parametrize(
    "text", ["Today China said the vote was a farce.", "On Tuesday China said the vote was a farce."]
)
def test_a_country_after_a_word_that_opens_the_sentence_is_still_its_government(analyse, text):
    assert ids(mentions_of(analyse, text)) == ["government-of-china"]


@pytest.mark.parametrize(
    "text, people",
    [
        (
            "Every Friday after prayers, Meryem Abdukerim spreads the contents of a worn plastic folder across her "
            "kitchen table.\n\nAynur Memtimin, who has taught e-commerce for 11 years, says her students have changed.",
            {"Meryem Abdukerim", "Aynur Memtimin"},
        ),
        (
            "At 9 am, long before the tour groups fill the lanes, Dilnur Mamat is already sitting in front of a ring "
            "light, holding a plate of dried apricots up to her phone.",
            {"Dilnur Mamat"},
        ),
        (
            "Buzeynep Abla spent 14 months in what the Chinese government called a vocational training center in "
            "Aksu. She now lives in northern Virginia. She told us she was taken from her home in 2018.",
            {"Buzeynep Abla"},
        ),
    ],
    ids=["her and who", "her across commas", "the next sentence goes on with she"],
)
def test_a_name_the_model_mistags_is_a_person_when_the_text_treats_it_as_one(analyse, text, people):
    found = mentions_of(analyse, text, use_model=True)
    assert {(a.name, a.type) for a in found.discovered} == {(name, "person") for name in people}


def test_a_person_named_after_a_closing_quote_and_comma_is_found_in_the_appositive(analyse):
    found = mentions_of(
        analyse,
        '"That is a delay," Dilnur Qasim, Geneva director of the Justice for Xinjiang Coalition, told AFP.',
        use_model=True,
    )
    assert ("Dilnur Qasim", "person") in {(a.name, a.type) for a in found.discovered}


def test_a_registry_body_is_found_under_its_name_in_another_word_order(analyse):
    found = mentions_of(
        analyse, "Output rose, according to data from the Xinjiang Uygur Autonomous Region Bureau of Statistics."
    )
    assert [(m.actor_id, m.method) for m in found.mentions] == [("xinjiang-statistics-bureau", "body name")]


def test_a_hyphen_and_a_space_write_the_same_registry_name(analyse):
    found = mentions_of(analyse, "Xinjiang’s human-resources department says the jobs were found.")
    assert ids(found) == ["xinjiang-human-resources-department"]


def test_a_long_body_name_is_found_and_stops_before_a_role(analyse):
    found = mentions_of(
        analyse, "The Zembla Province Bureau of Water Resources Spokesperson Ana Lind said the dams were safe."
    )
    body = next(m for m in found.mentions if m.method == "body name")
    assert body.text == "Zembla Province Bureau of Water Resources"
    assert {a.name for a in found.discovered} >= {"Zembla Province Bureau of Water Resources"}


def test_a_local_office_is_named_the_same_before_or_after_its_place(analyse):
    after = mentions_of(analyse, "Files from the public-security bureau of Korla prefecture were leaked.")
    before = mentions_of(analyse, "The Korla prefecture public security bureau denied it.")
    assert ids(after) == ids(before) == ["korla-prefecture-public-security-bureau"]


def test_ms_and_a_surname_is_the_person_the_text_names_in_full(analyse):
    found = mentions_of(
        analyse,
        "Helena Varga leads the new study. ‘It is a quota system,’ Ms Varga said. Ms Varga spent a year on it.",
        use_model=True,
    )
    assert {m.actor_id for m in found.mentions if "Varga" in m.text} == {"helena-varga"}
    assert {a.id: a.type for a in found.discovered}["helena-varga"] == "person"


def test_a_surname_written_after_mr_makes_a_name_a_person(analyse):
    found = mentions_of(
        analyse,
        "The farmer, Abdukadir Tohti, now lives in Almaty. Mr Tohti says the land was sold.",
        use_model=True,
    )
    discovered = {a.id: a.type for a in found.discovered}
    assert discovered.get("abdukadir-tohti") == "person"


def test_a_shared_surname_is_the_person_the_text_does_not_call_by_first_name(analyse):
    found = mentions_of(
        analyse,
        "Ilham Qadir, 71, lives in Istanbul. His son, Arslan Qadir, was detained in 2018. "
        "Arslan was a teacher. “We still wait,” Qadir said.",
        use_model=True,
    )
    last = [m for m in found.mentions if m.text == "Qadir"][-1]
    assert last.actor_id == "ilham-qadir"


def test_a_name_before_airport_or_county_is_a_place_not_a_person(analyse):
    found = mentions_of(analyse, "The men were flown from Ban Kruat airport on Tuesday.", use_model=True)
    assert not [a for a in found.discovered if a.name == "Ban Kruat"]


def test_a_name_right_after_a_role_is_a_person(analyse):
    found = mentions_of(
        analyse,
        "“Nobody was told,” said the lawyer, Malee Sornsak. UNHCR spokesperson Ines Varela agreed.",
        use_model=True,
    )
    assert {a.id: a.type for a in found.discovered if a.id in ("malee-sornsak", "ines-varela")} == {
        "malee-sornsak": "person",
        "ines-varela": "person",
    }


def test_a_generic_ministry_is_named_with_its_owner(analyse):
    found = mentions_of(
        analyse, "Laos’s Ministry of Foreign Affairs said in a statement that the men were safe.", use_model=True
    )
    assert [a.name for a in found.discovered] == ["Ministry of Foreign Affairs of Laos"]


def test_a_person_given_an_age_is_found_without_the_model(analyse):
    found = mentions_of(analyse, "Gulshan Turdi, 41, whose brother was detained, said she had no news.")
    assert ids(found) == ["gulshan-turdi"] and found.mentions[0].method == "appositive"


def test_an_organisation_the_text_calls_a_group_is_found(analyse):
    found = mentions_of(
        analyse, "She is an activist with the group Uyghur Voices Abroad, based in Munich.", use_model=True
    )
    assert "Uyghur Voices Abroad" in {a.name for a in found.discovered}


def test_a_transcript_turn_by_surname_is_the_person_named_in_full(analyse):
    text = (
        "DW spoke to Dilara Yusup, a Berlin-based activist.\n\n"
        "DW: Is this a turning point?\n\nYusup: It is a signal, but only words.\n\n"
        "DW: What next?\n\nYusup: We keep counting the missing."
    )
    found = mentions_of(analyse, text, use_model=True)
    assert {m.actor_id for m in found.mentions if m.text == "Yusup"} == {"dilara-yusup"}


def test_a_company_keeps_its_suffix_in_its_name_but_not_in_its_id(analyse):
    found = mentions_of(
        analyse, "Shares of Velmora Silicon Materials Co. fell 7% after the company disclosed the hold.", use_model=True
    )
    company = next(a for a in found.discovered if a.id == "velmora-silicon-materials")
    assert company.name == "Velmora Silicon Materials Co."


def test_the_organisation_someone_works_at_is_an_actor(analyse):
    found = mentions_of(
        analyse, "Priya Natarajan, an analyst at Corbel Research, wrote in a note to clients.", use_model=True
    )
    assert "Corbel Research" in {a.name for a in found.discovered}


def test_a_company_the_text_calls_a_maker_gets_the_id_without_its_suffix(analyse):
    text = "The detained panels came from module maker Ferrovane Solar Inc, which sells in Europe."
    found = mentions_of(analyse, text, use_model=True)
    assert [(a.id, a.name) for a in found.discovered] == [("ferrovane-solar", "Ferrovane Solar Inc")]


def test_the_body_a_speaking_poll_is_by_is_an_actor(analyse):
    found = mentions_of(
        analyse,
        "A 2023 poll by the Central Asia Barometer found that 48 percent of respondents held an unfavourable view.",
        use_model=True,
    )
    assert [a.name for a in found.discovered] == ["Central Asia Barometer"]


def test_a_ministry_for_two_topics_is_one_name(analyse):
    found = mentions_of(
        analyse,
        "A spokesperson for the Federal Ministry for Economic Affairs and Climate Action told reporters it agreed.",
        use_model=True,
    )
    assert [a.name for a in found.discovered] == ["Federal Ministry for Economic Affairs and Climate Action"]


def test_every_curated_actor_says_who_it_speaks_for():
    for folder in (PROJECT_SOURCES, SOURCES):
        unaffiliated = [a.id for a in sources.load(folder).actors if not a.affiliation]
        assert unaffiliated == [], folder


def test_a_curated_actors_affiliation_is_the_registrys(seed, registry):
    rows = list(seed["actors"].rows_where("reviewed = 1"))
    assert rows and all(row["affiliation"] == registry.actors[row["id"]].affiliation for row in rows)


def test_a_discovered_actor_has_no_affiliation(analyse):
    _, found, _, _ = analyse("Marguerite Okonkwo, a researcher at a think tank, said the data were incomplete.")
    assert found.discovered and all(extract.actor_row(a)["affiliation"] is None for a in found.discovered)


def test_an_honorific_is_not_part_of_a_discovered_name(analyse):
    text = (
        "Mr Ma Xiaodong, deputy director of the regional health commission, said births had fallen.\n\n"
        "Mr Ma said the policy was voluntary."
    )
    _, found, _, _ = analyse(text, use_model=True)
    assert {a.name for a in found.discovered if a.type == "person"} == {"Ma Xiaodong"}
    assert [m.text for m in found.mentions if m.actor_id == "ma-xiaodong"] == ["Ma Xiaodong", "Ma"]


def test_a_reporters_question_in_a_transcript_names_no_actor(analyse):
    text = (
        "MR HOLLOWAY: Good afternoon. We have sanctioned two officials today.\n\n"
        "QUESTION: Will there be more sanctions on Xinjiang officials?\n\n"
        "MR HOLLOWAY: I won't get ahead of that.\n\n"
        "QUESTION: And the cotton ban?\n\n"
        "MR HOLLOWAY: It stays."
    )
    _, found, speech, _ = analyse(text)
    assert "question" not in {m.actor_id for m in found.mentions}
    assert [q.speaker_id for q in speech.quotes if q.text.startswith(("Will", "And"))] == [None, None]


def test_a_witness_named_by_one_name_in_an_appositive_is_a_person(analyse):
    found = mentions_of(analyse, "Gulnar, a 52-year-old former teacher from Aksu, said she was held for a year.")
    assert [(a.name, a.type) for a in found.discovered] == [("Gulnar", "person")]


def test_a_name_alone_that_opens_a_sentence_with_an_age_is_a_person_whatever_the_model_tags(analyse):
    text = (
        "We drove on.\n\n"
        "Abdurehim, a 43-year-old who runs a carpet shop near the Id Kah Mosque, told me trade was good."
    )
    found = mentions_of(analyse, text, use_model=True)
    assert [(a.name, a.type) for a in found.discovered] == [("Abdurehim", "person")]


def test_a_place_before_an_age_is_no_person(analyse):
    text = "At a garment factory in Aksu, a 24-year-old sewing machine operator said she earned 4,200 yuan."
    assert not [a for a in mentions_of(analyse, text, use_model=True).discovered if a.type == "person"]


def test_a_witness_who_gave_only_a_first_name_is_a_person(analyse):
    found = mentions_of(analyse, "A driver who gave his name only as Kurban said the checkpoints had gone.")
    assert [(a.name, a.type) for a in found.discovered] == [("Kurban", "person")]


def test_a_name_whose_last_word_also_names_a_people_is_a_person(analyse):
    found = mentions_of(analyse, "Zhao Hui, a researcher at the academy, said the data were sound.")
    assert [(a.name, a.type) for a in found.discovered] == [("Zhao Hui", "person")]


def test_a_name_with_a_person_appositive_is_a_person_whatever_the_model_tags(analyse):
    found = mentions_of(
        analyse,
        "Aynur Hashim, a Uyghur resident of Tokyo whose parents live in Kashgar, said she had not been able to "
        "contact them since 2017.",
        use_model=True,
    )
    assert [(a.name, a.type) for a in found.discovered] == [("Aynur Hashim", "person")]


@pytest.mark.parametrize(
    "text",
    [
        "Aygul Sadik keeps calling her brother. “It rings and rings,” said Sadik. Her brother, Memet Sadik, "
        "vanished in 2018. Police never explained where Memet Sadik was taken. “Nobody tells us anything,” Sadik "
        "said. Memet Sadik was a teacher.",
        # the other named in full only once, after the name alone was first used
        "Aygul Sadik keeps calling her brother. “It rings and rings,” said Sadik. Her brother, Memet Sadik, "
        "vanished in 2018. “Nobody tells us anything,” Sadik said.",
    ],
)
def test_a_surname_two_people_share_stays_with_the_one_the_text_first_called_by_it(analyse, text):
    found = mentions_of(analyse, text, use_model=True)
    bare = [m.actor_id for m in found.mentions if m.text == "Sadik"]
    assert bare and set(bare) == {"aygul-sadik"}


def test_a_country_the_model_takes_into_a_name_is_left_out_of_it(analyse):
    text = "Chinese ambassador to Bangladesh Yao Wen, speaking at a seminar in Dhaka, dismissed the allegations."
    found = mentions_of(analyse, text, use_model=True)
    assert [(a.name, a.type) for a in found.discovered] == [("Yao Wen", "person")]


def test_a_name_written_after_its_initial_is_a_person(analyse):
    text = "Association president D.Enkhtuya said herders wanted fair prices. Ch.Ariunaa, a researcher, agreed."
    found = mentions_of(analyse, text)
    assert [(a.name, a.type) for a in found.discovered] == [("D.Enkhtuya", "person"), ("Ch.Ariunaa", "person")]


def test_an_abbreviated_place_or_honorific_is_not_an_initialled_name(analyse):
    found = mentions_of(analyse, "The delegation flew on to St.Petersburg, where Dr.Smith met them.")
    assert not found.discovered


def test_a_role_the_model_takes_into_a_name_is_left_out_of_it(analyse):
    found = mentions_of(
        analyse, "German Greens MEP Lukas Brenner said the EU had no credibility on the matter.", use_model=True
    )
    assert ("Lukas Brenner", "person") in [(a.name, a.type) for a in found.discovered]


def test_a_companys_first_word_stands_for_it_without_a_corporate_suffix(analyse):
    found = mentions_of(
        analyse,
        "Perth-based Coralwind Energy imported turbines worth $86 million from the region. Coralwind, which "
        "reported revenue of $640 million last year, said it had audited its suppliers.",
        use_model=True,
    )
    assert [(m.text, m.actor_id) for m in found.mentions] == [
        ("Coralwind Energy", "coralwind-energy"),
        ("Coralwind", "coralwind-energy"),
    ]


def test_an_institutes_first_word_does_not_stand_for_it(analyse):
    found = mentions_of(
        analyse,
        "The Corvane Institute for Industrial Economics and Trade said exports fell. Corvane's solar module "
        "exports to the U.S. fell 23 percent.",
        use_model=True,
    )
    assert [m.text for m in found.mentions if m.actor_id.startswith("corvane")] == [
        "Corvane Institute for Industrial Economics and Trade"
    ]


def test_a_long_title_case_headline_names_no_one(analyse):
    found = mentions_of(
        analyse,
        "Ambassador Chen Xu Delivers Joint Statement on Behalf of 68 Countries at the Session of the Council and "
        "Refutes Lies and Disinformation on Xinjiang\n\nAmbassador Chen Xu said the statement had wide support.",
        use_model=True,
    )
    assert not {"chen-xu-delivers", "refutes-lies"} & {a.id for a in found.discovered}


def test_letters_after_a_name_are_not_part_of_it(analyse):
    found = mentions_of(analyse, "The tribunal's chair, Geoffrey Nice KC, said the evidence was clear.", use_model=True)
    assert "Geoffrey Nice" in [a.name for a in found.discovered]


def test_a_one_word_name_the_model_calls_an_organisation_is_a_person_with_a_person_appositive(analyse):
    text = (
        "Gulzira, a former primary school teacher from Ili, described being taken from her home at night. "
        "“They told us it was a school,” she said."
    )
    _, found, speech, _ = analyse(text, use_model=True)
    assert ("Gulzira", "person") in [(a.name, a.type) for a in found.discovered]
    assert next(c for c in speech.cues if c.verb == "said").speaker_id == "gulzira"


def test_a_chinese_name_whose_surname_also_names_a_people_is_a_person(analyse):
    found = mentions_of(
        analyse,
        "Han Weidong, a counsellor at the Chinese embassy in Islamabad, told reporters that the project was on track.",
    )
    assert ("Han Weidong", "person") in [(a.name, a.type) for a in found.discovered]


def test_a_role_the_model_tags_as_a_name_is_no_actor(analyse):
    found = mentions_of(
        analyse,
        "Speaking before the vote, Pakistan's Permanent Representative in Geneva said the draft was unfair.",
        use_model=True,
    )
    assert "Permanent Representative" not in [a.name for a in found.discovered]


def test_a_surname_after_said_with_a_person_appositive_is_the_person_named_in_full(analyse):
    text = (
        "Every night, Dilnur Ablimit opens a folder of photos.\n\n"
        "“I don't know if my brother is alive,” said Ablimit, a 38-year-old pharmacist."
    )
    _, found, speech, _ = analyse(text)
    assert next(c for c in speech.cues if c.verb == "said").speaker_id == "dilnur-ablimit"


def test_an_embassys_name_goes_on_to_where_it_is_posted(analyse):
    text = "In a statement, the Embassy of the People's Republic of China in Kenya said that the issue was a lie."
    found = mentions_of(analyse, text, use_model=True)
    assert [m.text for m in found.mentions] == ["Embassy of the People's Republic of China in Kenya"]


def test_an_embassy_posted_in_a_known_place_ends_with_the_place(analyse):
    text = (
        "The Spokesperson of the Chinese Embassy in France Answers Journalists' Questions on Xinjiang\n\n"
        "A: The Chinese Embassy in France firmly opposes the report."
    )
    assert {a.name for a in mentions_of(analyse, text).discovered} == {"Chinese Embassy in France"}


def test_an_embassy_posted_in_a_country_the_demonyms_know_ends_with_the_country(analyse):
    text = (
        "Spokesperson of the Chinese Embassy in Nepal Answers Questions from Journalists on Xinjiang\n\n"
        "A: The Chinese Embassy in Nepal firmly opposes the report."
    )
    assert {a.name for a in mentions_of(analyse, text).discovered} == {"Chinese Embassy in Nepal"}


@pytest.mark.parametrize(
    "text, role",
    [
        (
            "Chinese Ambassador to Egypt Liao Liqiang said on Tuesday that the region is open.",
            "Chinese Ambassador to Egypt",
        ),
        (
            "Deputy Governor of the prefecture Liao Liqiang said on Tuesday that the region is open.",
            "Deputy Governor of the prefecture",
        ),
        (
            "China's ambassador to Egypt, Liao Liqiang, said on Tuesday that the region is open.",
            "China's ambassador to Egypt",
        ),
    ],
)
def test_a_title_before_a_name_is_the_persons_role(analyse, text, role):
    found = mentions_of(analyse, text, use_model=True)
    assert [(m.text, m.role) for m in found.mentions if m.actor_id == "liao-liqiang"] == [("Liao Liqiang", role)]


def test_a_noun_that_describes_a_person_before_their_name_is_no_part_of_it(analyse):
    found = mentions_of(analyse, "Herder Toktobek Mamyt, 54, said his family had a new house.", use_model=True)
    assert [(m.text, m.actor_id) for m in found.mentions] == [("Toktobek Mamyt", "toktobek-mamyt")]


def test_a_place_with_a_particle_in_its_name_is_where_a_mission_is_posted(analyse):
    found = mentions_of(analyse, "The Chinese Embassy in Dar es Salaam said the claims were lies.")
    assert [a.name for a in found.discovered] == ["Chinese Embassy in Dar es Salaam"]


def test_a_body_publishing_its_own_word_claims_the_numbers_it_states_and_a_news_outlet_does_not():
    def figures(claimant):
        return extract.ArticleRows({}, figures=[{"claimant_id": claimant, "attribution": "none"}])

    body = extract.Publisher("us-customs-and-border-protection", speaks_for_itself=True, claims_its_numbers=True)
    outlet = extract.Publisher("reuters")
    assert extract.credit_outlet(figures(None), body).figures[0]["claimant_id"] == body.actor_id
    assert extract.credit_outlet(figures(None), outlet).figures[0]["claimant_id"] is None
    assert extract.credit_outlet(figures("reuters"), outlet).figures[0]["attribution"] == "outlet"


def test_an_outlet_the_registry_gives_a_body_affiliation_speaks_for_itself(source_copy):
    with (source_copy / "outlets.csv").open("a", encoding="utf-8") as listing:
        listing.write("cbp,US Customs and Border Protection,United States,state,,,\n")
    found = sources.load(source_copy)
    publishers = cli._Extraction(found, jobs=1, use_model=False, store=None, progress=False).publishers
    assert publishers["cbp"] == extract.Publisher(
        "us-customs-and-border-protection", True, claims_its_numbers=True, credits_closing_sources=True
    )
    assert not publishers["china-org-cn"].speaks_for_itself


def test_an_embassy_publishing_under_its_full_name_speaks_for_itself_with_its_states_affiliation(source_copy):
    with (source_copy / "outlets.csv").open("a", encoding="utf-8") as listing:
        listing.write("embassy,Embassy of the People's Republic of China in Kenya,China,state,,,\n")
    found = sources.load(source_copy)
    publisher = cli._Extraction(found, jobs=1, use_model=False, store=None, progress=False).publishers["embassy"]
    assert publisher.speaks_for_itself and publisher.actor.name == "Embassy of the People's Republic of China in Kenya"
    assert publisher.actor.affiliation == "chinese party-state"


def test_a_body_publishing_its_own_word_answers_its_press_conference_and_is_its_unnamed_spokesperson():
    def quote(speaker_text):
        return {"speaker_id": None, "speaker_text": speaker_text, "attribution": "none", "start": 0, "end": 10}

    embassy = Actor("embassy-in-kenya", "Embassy in Kenya", "government")
    quotes = [quote("A"), quote("The spokesperson"), quote("Spokesperson"), quote("Officials")]
    rows = extract.credit_outlet(
        extract.ArticleRows({}, quotes=quotes), extract.Publisher(embassy.id, True, actor=embassy)
    )
    assert [q["speaker_id"] for q in rows.quotes] == [embassy.id, embassy.id, embassy.id, None]
    assert [a["id"] for a in rows.discovered] == [embassy.id]


def test_a_body_answering_its_own_press_conference_claims_the_numbers_of_its_answers():
    embassy = Actor("embassy-in-kenya", "Embassy in Kenya", "government")
    rows = extract.ArticleRows(
        {},
        quotes=[{"speaker_id": None, "speaker_text": "A", "attribution": "none", "start": 100, "end": 200}],
        figures=[
            {"claimant_id": None, "attribution": "none", "start": start, "end": start + 5} for start in (120, 250)
        ],
    )
    rows = extract.credit_outlet(rows, extract.Publisher(embassy.id, speaks_for_itself=True, actor=embassy))
    assert [f["claimant_id"] for f in rows.figures] == [embassy.id, None]


def test_a_body_answering_its_own_press_conference_keeps_the_numbers_of_answers_credited_to_it_by_name():
    embassy = Actor("embassy-in-kenya", "Embassy in Kenya", "government")
    rows = extract.ArticleRows(
        {}, figures=[{"claimant_id": embassy.id, "attribution": how, "start": 0, "end": 5} for how in ("quote", "none")]
    )
    rows = extract.credit_outlet(rows, extract.Publisher(embassy.id, speaks_for_itself=True, actor=embassy))
    assert [(f["claimant_id"], f["attribution"]) for f in rows.figures] == [(embassy.id, "quote"), (None, "outlet")]


def test_a_states_embassy_named_by_where_it_is_posted_is_its_own_actor_speaking_for_the_state(analyse):
    found = mentions_of(analyse, "The Chinese Embassy in Washington said the report was a fabrication.")
    mission = next(a for a in found.discovered if a.name == "Chinese Embassy in Washington")
    assert ids(found) == [mission.id]
    assert (mission.country, mission.affiliation) == ("China", "chinese party-state")


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "The Embassy of the People's Republic of China in the Republic of Cuba issued a statement on Monday.",
            "Embassy of the People's Republic of China in the Republic of Cuba",
        ),
        (
            "Embassy of the People's Republic of China in Cuba Issues Statement on the Vote",
            "Embassy of the People's Republic of China in Cuba",
        ),
        (
            "The Permanent Mission of China to the United Nations Office at Geneva said the report was a fabrication.",
            "Permanent Mission of China to the United Nations Office at Geneva",
        ),
    ],
)
def test_a_states_mission_by_its_full_name_is_its_own_actor(analyse, text, name):
    found = mentions_of(analyse, text)
    assert [(m.text, m.method) for m in found.mentions] == [(name, "mission name")]
    assert [(a.name, a.country) for a in found.discovered] == [(name, "China")]


def test_a_mission_of_a_state_no_list_knows_is_no_actor(analyse):
    assert mentions_of(analyse, "The Embassy of Freedonia in Paris said the report was a fabrication.").mentions == []


def test_a_states_post_named_again_without_its_place_is_the_mission_named_before(analyse):
    text = "The tour was organised by the Chinese Embassy in Kampala. The Chinese embassy said 120 reporters went."
    found = mentions_of(analyse, text)
    mission = next(a for a in found.discovered if a.name == "Chinese Embassy in Kampala")
    assert ids(found) == [mission.id, mission.id]


def test_a_states_post_after_two_of_its_missions_is_the_state(analyse):
    text = (
        "Both the Chinese Embassy in Kampala and the Chinese Embassy in Nairobi hosted receptions. "
        "The Chinese embassy said 120 reporters went."
    )
    assert ids(mentions_of(analyse, text))[-1] == "government-of-china"


def test_a_place_acts_through_a_body_it_owns(analyse):
    found = mentions_of(analyse, "China’s Mission said the resolution was interference.")
    assert ids(found) == ["government-of-china"]


def test_a_name_opening_a_sentence_with_a_who_is_a_person(analyse):
    found = mentions_of(analyse, "Mamut Sabir, who farms cotton near Aksu, said the machines had changed everything.")
    assert [(a.name, a.type) for a in found.discovered] == [("Mamut Sabir", "person")]


def test_a_body_name_does_not_run_over_a_line_break(analyse):
    found = mentions_of(analyse, "Minister for Women\nDepartment of Foreign Affairs and Trade\nMs Jane Doe, Secretary")
    assert all("\n" not in m.text for m in found.mentions)


def test_a_transcript_label_in_capitals_is_a_name_in_title_case_unless_it_is_an_acronym(analyse):
    found = mentions_of(analyse, "CCTV: How many?\n\nAMNA NAWAZ: Very many.\n\nCCTV: Thank you.")
    assert {a.name for a in found.discovered} == {"CCTV", "Amna Nawaz"}


def test_a_country_the_registry_does_not_know_acts_through_its_government(analyse):
    found = mentions_of(analyse, "India lodged a protest and said it had never accepted the claim.", use_model=True)
    assert [(a.name, a.type, a.country) for a in found.discovered] == [("Government of India", "government", "India")]
    assert found.mentions[0].text == "India"


def test_a_country_named_as_a_place_is_no_actor(analyse):
    found = mentions_of(analyse, "The shipments were sent to India in May.", use_model=True)
    assert found.discovered == []


def test_any_part_of_a_long_name_may_stand_for_the_person(analyse):
    found = mentions_of(
        analyse, "Delegation leader Ahmad Fauzan Hidayat spoke on Sunday. Fauzan said the visit was open.", True
    )
    assert ids(found) == ["ahmad-fauzan-hidayat", "ahmad-fauzan-hidayat"]


def test_a_hyphenated_role_the_model_joins_to_a_name_is_not_part_of_it(analyse):
    found = mentions_of(
        analyse, "Audits cost more this year, according to BTMA Vice-President Salim Rahman.", use_model=True
    )
    assert [m.text for m in found.mentions if m.actor_id == "salim-rahman"] == ["Salim Rahman"]


def test_the_first_word_of_a_body_name_that_speaks_stands_for_the_body(analyse):
    found = mentions_of(
        analyse,
        "A report by Kestrel Solar Analytics was published on Monday. According to Kestrel, prices rose by half.",
        use_model=True,
    )
    assert [(m.text, m.actor_id) for m in found.mentions] == [
        ("Kestrel Solar Analytics", "kestrel-solar-analytics"),
        ("Kestrel", "kestrel-solar-analytics"),
    ]


def test_a_name_the_parse_makes_a_speaker_is_a_person_the_model_missed(analyse):
    found = mentions_of(analyse, "“We are not done,” said Ana Villarreal, a senior official. Villarreal left early.")
    assert [(a.name, a.type) for a in found.discovered] == [("Ana Villarreal", "person")]
    assert ids(found) == ["ana-villarreal", "ana-villarreal"]


@pytest.mark.parametrize(
    "text, named",
    [
        ("Homeland Security Secretary Ana Villarreal had said that the law worked.", ["Ana Villarreal"]),
        ("Ana Villarreal chaired it. Ranking Member Villarreal said the law worked.", ["Ana Villarreal", "Villarreal"]),
    ],
)
def test_the_titles_before_a_speaking_name_are_no_part_of_it(analyse, text, named):
    found = mentions_of(analyse, text)
    assert [m.text for m in found.mentions] == named
    assert [(a.name, a.type) for a in found.discovered] == [("Ana Villarreal", "person")]


@pytest.mark.parametrize(
    "text",
    [
        "Sanctions followed after the Hotan Cotton Exchange said prices fell.",
        "A report, Laundering Cotton, documented how cotton moved.",
    ],
)
def test_a_speaking_name_that_names_a_thing_is_no_person(analyse, text):
    assert mentions_of(analyse, text).discovered == []


def test_a_name_ends_at_a_colon(analyse):
    found = mentions_of(
        analyse, "The leading producers, according to Helvion Analytics: Tongwei Co., 23%; Daqo, 12%.", use_model=True
    )
    assert "Helvion Analytics" in [m.text for m in found.mentions]
    assert not any(":" in m.text for m in found.mentions)


def test_a_name_that_ends_in_a_function_word_is_a_title_not_an_actor(analyse):
    text = "Some 27.6 million people were in forced labour, according to the Global Estimates of the ILO."
    assert "Global Estimates of" not in [a.name for a in mentions_of(analyse, text, use_model=True).discovered]


def test_a_label_with_an_honorific_in_capitals_is_the_person_the_text_names_in_full(analyse):
    text = (
        "We are joined by Ms. Eleanor Vance, the director of research.\n\n"
        "CHAIR: Thank you for coming.\n\nMS. VANCE: Thank you.\n\nCHAIR: Go ahead.\n\nMS. VANCE: The audits fail."
    )
    _, found, speech, _ = analyse(text)
    assert [a.name for a in found.discovered] == ["Eleanor Vance"]
    assert {q.speaker_id for q in speech.quotes if q.speaker_text == "MS. VANCE"} == {"eleanor-vance"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("They came with their daughter, Nurgul, who was then nine. “It was cold,” Nurgul said.", "Nurgul"),
        ("I will call her Aynisa; she asked me not to use her real name. “They came,” Aynisa told me.", "Aynisa"),
        ("Their son, Erkinjan, 15, keeps a photo of his grandfather. “He is far away,” Erkinjan said.", "Erkinjan"),
        ("Meryemgul – not her real name – spent a year in a factory. “We sewed,” she said.", "Meryemgul"),
    ],
    ids=["a person noun and who", "call her", "a person noun and an age", "not her real name"],
)
def test_one_name_that_the_text_gives_a_person_is_a_person(analyse, text, name):
    assert [a.name for a in mentions_of(analyse, text).discovered] == [name]


@pytest.mark.parametrize(
    "text, person",
    [
        ("SNP MSP Alasdair Rennie said ministers could no longer look away.", "Alasdair Rennie"),
        ("Deputy Ombudsman Bakyt Sultanaliev noted that the office had no mandate abroad.", "Bakyt Sultanaliev"),
    ],
    ids=["an acronym", "a role of the lexicon"],
)
def test_a_title_before_a_name_is_not_part_of_it(analyse, text, person):
    found = mentions_of(analyse, text, use_model=True)
    assert [a.name for a in found.discovered if a.type == "person"] == [person]


def test_a_word_that_says_where_someone_is_based_is_no_name(analyse):
    found = mentions_of(analyse, "A Jebel Ali-based textile trader said the orders had stopped.", use_model=True)
    assert found.discovered == []


def test_a_co_role_after_an_organisations_acronym_is_no_person(analyse):
    text = "Reinhard Bütikofer MEP, IPAC Co-Chair, said the vote sent a signal to Beijing."
    found = mentions_of(analyse, text, use_model=True)
    assert "IPAC Co-Chair" not in [a.name for a in found.discovered]


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Headline\nThe Alliance to End Child Labour in the Cotton Trade said 40 brands had signed its pledge.",
            "Alliance to End Child Labour in the Cotton Trade",
        ),
        (
            "Headline\nThe fund was set up by the Select Committee on Forced Labour last year.",
            "Select Committee on Forced Labour",
        ),
    ],
    ids=["a speaker", "an organisation the model finds"],
)
def test_what_a_body_is_for_is_part_of_its_name(analyse, text, name):
    assert name in [a.name for a in mentions_of(analyse, text, use_model=True).discovered]


def test_a_day_after_a_body_is_no_part_of_its_name(analyse):
    found = mentions_of(analyse, "Headline\nGlobal News on Tuesday said the firm had closed.", use_model=True)
    assert [a.name for a in found.discovered] == ["Global News"]


@pytest.mark.parametrize(
    "text, person",
    [
        ("Headline\nThe analyst Saud al-Harbi said trade had grown.", "Saud al-Harbi"),
        ("Headline\nThe MP Brooke van Velden said trade had grown.", "Brooke van Velden"),
    ],
    ids=["al-", "van"],
)
def test_a_name_keeps_its_lower_case_particles(analyse, text, person):
    assert [a.name for a in mentions_of(analyse, text, use_model=True).discovered] == [person]


def test_a_name_written_in_full_after_a_role_is_a_longer_name_of_its_first_word():
    text = "Deputy Prime Minister Somchai Rattanakorn visited the region. “They are safe,” Somchai said."
    assert actors._in_longer_name(text, "Somchai")


def test_the_honourable_is_no_part_of_a_name(analyse):
    text = "Headline\nThe Minister for Foreign Affairs, Senator the Hon Kate Lindqvist, said the talks had been frank."
    found = mentions_of(analyse, text, use_model=True)
    assert [a.name for a in found.discovered if a.type == "person"] == ["Kate Lindqvist"]


def test_what_a_document_is_on_and_the_document_itself_are_no_actors(analyse):
    text = (
        "Headline\nTurfan's output grew in 2024, according to the 2024 Statistical Communique on the National "
        "Economic and Social Development of Turfan City released on Monday."
    )
    assert mentions_of(analyse, text, use_model=True).discovered == []


@pytest.mark.parametrize(
    "title",
    ["Minister for Foreign Trade and Development Cooperation", "Vice Minister of Trade and Integration"],
    ids=["after a capitalised title", "after a title with 'and'"],
)
def test_a_surname_after_a_title_is_the_full_name_the_model_missed(analyse, title):
    text = (
        f"Headline\nThe House debated the ban with {title} Anneke Dijkhuizen.\n\n"
        "Minister Dijkhuizen said it was strong."
    )
    found = mentions_of(analyse, text, use_model=True)
    assert [a.name for a in found.discovered if a.type == "person"] == ["Anneke Dijkhuizen"]


@pytest.mark.parametrize("word, country", [("Li", None), ("Ma", None), ("US", "United States"), ("Chad", "Chad")])
def test_a_country_code_counts_only_in_capitals(word, country):
    assert actors._country(word) == country


def test_a_body_the_parse_makes_a_source_keeps_the_plural_words_of_its_name(analyse):
    text = "Headline\nAccording to the Fair Threads Coalition, none of the retailers has withdrawn the items."
    found = mentions_of(analyse, text, use_model=True)
    assert [a.name for a in found.discovered] == ["Fair Threads Coalition"]


def test_a_name_after_a_quotation_that_the_next_sentence_calls_he_is_a_person():
    # the model may tag such a name an organisation; what the text says next makes it someone
    text = "“The machine does the work of forty people,” Ablimit Sawut told reporters. He pays 160 yuan per mu."
    start = text.index("Ablimit")
    assert actors._treated_as_person(text, ["Ablimit", "Sawut"], start, start + len("Ablimit Sawut"))


def test_a_peoples_body_keeps_its_name():
    name = "People's Procuratorate of Xinjiang Uygur Autonomous Region"
    assert actors._with_owner(f"according to the {name}.", len("according to the "), name)[1] == name


def test_a_registry_persons_one_word_name_that_starts_another_name_is_not_them(analyse):
    text = "Xi Yanmei, a spokesperson for the bureau, said the figures were preliminary."
    _, found, _, _ = analyse(text)
    assert "xi-jinping" not in {m.actor_id for m in found.mentions}


@pytest.mark.parametrize(
    "text, name, alias",
    [
        (
            "Norway's Ministry of Trade said the rules would apply.",
            "Ministry of Trade of Norway",
            "Norway's Ministry of Trade",
        ),
        (
            "Chile's Permanent Mission to the UN Office at Geneva said the report was flawed.",
            "Permanent Mission of Chile to the UN Office at Geneva",
            "Chile's Permanent Mission to the UN Office at Geneva",
        ),
    ],
    ids=["a ministry", "a mission"],
)
def test_a_body_named_with_its_owner_keeps_the_name_as_written_for_an_alias(analyse, text, name, alias):
    found = mentions_of(analyse, text, use_model=True)
    assert (name, (alias,)) in [(a.name, a.aliases) for a in found.discovered]


def test_a_mission_named_with_its_owner_is_of_the_owners_country(analyse):
    found = mentions_of(analyse, "Beijing's Embassy in Oslo said the claims were lies.")
    assert [(a.name, a.country) for a in found.discovered] == [("Embassy of China in Oslo", "China")]


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "The U.N. Committee on Enforced Disappearances said it had received new cases.",
            "Committee on Enforced Disappearances",
        ),
        ("UN Watch said the vote was a disgrace.", "UN Watch"),
    ],
    ids=["its own name", "a head alone"],
)
def test_a_body_named_after_an_organisations_acronym_is_a_body_of_its_own(analyse, text, name):
    found = mentions_of(analyse, text)
    assert [a.name for a in found.discovered] == [name] and "united-nations" not in ids(found)


def test_a_lone_body_word_after_an_organisations_acronym_is_that_organisation(analyse):
    assert ids(mentions_of(analyse, "A UN Committee said it had received new cases.")) == ["united-nations"]


def test_a_persons_name_after_an_honorific_runs_over_the_words_the_model_left_out(analyse):
    found = mentions_of(analyse, "The deal was signed, said Deputy Minister Datuk Wong Kah Meng.", use_model=True)
    assert [a.name for a in found.discovered] == ["Wong Kah Meng"]


def test_a_persons_name_leaves_out_what_a_title_before_it_is_for(analyse):
    found = mentions_of(
        analyse, "Liberal senator for Tasmania Jonathan Duniam said the review was overdue.", use_model=True
    )
    assert [a.name for a in found.discovered] == ["Jonathan Duniam"]


def test_a_government_body_that_oversees_broadcasting_is_no_news_outlet():
    bureau = Actor("b", "Hami Prefecture Culture, Sports, Radio, Television and Tourism Bureau", "government")
    assert not actors.is_media(bureau) and actors.is_media(Actor("r", "Hami Radio", "organization"))


def test_and_the_between_two_bodies_starts_a_second_name(analyse):
    found = mentions_of(
        analyse, "The People's Bank of Ruritania and the Central Bank of Freedonia signed a deal.", use_model=True
    )
    assert "People's Bank of Ruritania" in [a.name for a in found.discovered]


def test_a_body_after_a_title_and_of_keeps_its_whole_name(analyse):
    text = (
        '"Where is your cotton from?" said K. Subramanian, Managing Director of Sri Murugan Knit Exports, which '
        "ships a lot."
    )
    assert "Sri Murugan Knit Exports" in [a.name for a in mentions_of(analyse, text, use_model=True).discovered]


def test_a_state_outlet_credits_a_paragraphs_numbers_to_the_source_it_closes_on_and_another_outlet_does_not(
    source_copy,
):
    def paragraph():
        credited = {"claimant_id": "xinjiang-statistics-bureau", "claimant_text": "the bureau"}
        return extract.ArticleRows({}, figures=[{**credited, "attribution": figures.CLOSING_SOURCE}])

    publishers = cli._Extraction(sources.load(source_copy), 1, use_model=False, store=None, progress=False).publishers
    state, private = publishers["china-org-cn"], publishers["the-guardian"]
    assert extract.credit_outlet(paragraph(), state).figures[0]["claimant_id"] == "xinjiang-statistics-bureau"
    assert extract.credit_outlet(paragraph(), private).figures[0]["claimant_id"] is None


def test_a_one_word_speaker_that_calls_itself_it_is_a_body(analyse):
    found = mentions_of(analyse, "Kestrova denied the claims. Kestrova said it had audited every supplier.")
    assert [(a.name, a.type) for a in found.discovered] == [("Kestrova", "organization")]


def test_a_one_word_speaker_that_is_part_of_a_longer_name_is_not_a_body_of_its_own(analyse):
    found = mentions_of(analyse, "Asked about the report, Li Wenhua declined to comment. Li said it was false.")
    assert "li" not in {a.id for a in found.discovered}


def test_a_one_word_speaker_the_registry_lists_as_no_actor_is_not_a_body(registry):
    text = "Kestrova said it had audited every supplier."
    listed = actors.Registry(list(registry.actors.values()), {**registry.not_actors, "Kestrova": "brand"})
    found, _, _ = extract.read(text, segment.all_sentences(text), listed, use_model=False)
    assert "kestrova" not in {a.id for a in found.discovered}


def test_a_speakers_name_the_model_took_with_a_title_for_a_body_is_a_persons(analyse):
    text = "The Foreign Office Spokesperson Ayesha Noor Qazi, at her weekly briefing, stressed the country's support."
    found = mentions_of(analyse, text, use_model=True)
    assert ("Ayesha Noor Qazi", "person") in [(a.name, a.type) for a in found.discovered]


def test_states_with_their_allies_act_together(analyse):
    text = "For years the United States and a few other Western countries have spread lies about Xinjiang."
    assert ids(mentions_of(analyse, text)) == ["government-of-the-united-states"]


def test_a_bodys_first_word_going_on_into_another_name_is_not_the_body(analyse):
    text = "The United Nations published the assessment. Exports to the United States fell by a fifth."
    assert [(m.actor_id, m.text) for m in mentions_of(analyse, text).mentions] == [("united-nations", "United Nations")]


def test_a_demonym_speaks_for_its_countrys_government_not_another_body_of_that_country():
    senate = Actor("senate-of-cambodia", "Senate of Cambodia", "government", country="Cambodia")
    found = actors.find_mentions("Cambodian officials said the visit went ahead.", actors.Registry([senate], {}))
    assert [(m.text, m.actor_id) for m in found.mentions] == [("Cambodian", "government-of-cambodia")]
