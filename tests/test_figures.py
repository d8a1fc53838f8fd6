"""Figure extraction on sentences of our own."""

import pytest


def figures_of(analyse, text):
    return analyse(text)[3]


def only(analyse, text):
    found = figures_of(analyse, text)
    assert len(found) == 1, [(f.text, f.value) for f in found]
    return found[0]


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("Officials relocated 3,450,000 farmers last year.", 3450000, "farmers"),
        ("About 1.6 million people were moved.", 1600000, "people"),
        ("The rate fell to 4.5% after the campaign.", 4.5, "percent"),
        ("Cotton output rose 12.5 per cent.", 12.5, "percent"),
        ("Turnout was 87 percent in the county.", 87, "percent"),
        ("Police opened eleven new stations in the district.", 11, "new stations"),
        ("Roughly one in three detainees was a woman.", 100 / 3, "percent"),
        ("The fund holds $2 billion in assets.", 2e9, ""),
        ("The region grows over one-fifth of the world's cotton.", 20, "percent"),
        ("Officials moved 1.3m people.", 1.3e6, "people"),
        ("Machines pick about a third of the crop.", 100 / 3, "percent"),
        ("Two-thirds of the workers were women.", 200 / 3, "percent"),
        ("Officials found jobs for 3 million rural workers find jobs in cities.", 3e6, "rural workers"),
        ("The list now names 75 entities on the list, officials said.", 75, "entities"),
        ("Camps held at least one million Uyghurs and other Muslims.", 1e6, "people"),
        ("The department added three Chinese companies to the list.", 3, "chinese companies"),
        ("Cadres were told to move 3,400 ‘surplus labourers’ by June.", 3400, "surplus labourers"),
    ],
)
def test_values_are_normalised_with_their_unit(analyse, text, value, unit):
    figure = only(analyse, text)
    assert figure.value == pytest.approx(value, rel=1e-3)
    if unit:
        assert figure.unit == unit


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("More than 500 mosques were demolished.", "more than"),
        ("At least 40 factories took part.", "at least"),
        ("As many as 80 companies were named.", "as many as"),
        ("An average of 20 workers were sent each month.", "an average of"),
        ("Nearly 90 villages were listed.", "nearly"),
    ],
)
def test_qualifiers_are_kept(analyse, text, qualifier):
    assert only(analyse, text).qualifier == qualifier


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("From 2015 to 2020, 400 schools were built.", 2015, 2020),
        ("Between 2016 and 2019 some 300 camps were built.", 2016, 2019),
        ("The population grew by 12 percent in 2010-2020.", 2010, 2020),
        ("There have been 9 white papers since 2014.", 2014, None),
        ("Incomes rose by 8 percent in early 2019.", 2019, 2019),
    ],
)
def test_periods_are_parsed(analyse, text, start, end):
    figure = only(analyse, text)
    assert (figure.period_start, figure.period_end) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "The congress opened in 2017 and closed on October 24, 2017.",
        "It was the 19th party congress and the 70th anniversary.",
        "The 13th Five-Year Plan ended.",
        "The slogan “three guarantees and two no worries” was everywhere.",
        "COVID-19 restrictions were lifted.",
        "Article 36 of the constitution protects belief.",
        "Tens of thousands of people were transferred.",
        "One of the officials declined to comment.",
    ],
)
def test_dates_ordinals_names_slogans_and_vague_amounts_are_not_figures(analyse, text):
    assert figures_of(analyse, text) == []


def test_figure_in_a_quote_belongs_to_the_speaker(analyse):
    figure = only(analyse, "“We trained 700 teachers,” said Shohrat Zakir.")
    assert figure.claimant_id == "shohrat-zakir" and figure.attribution == "quote"


def test_figure_after_said_belongs_to_the_speaker(analyse):
    figure = only(analyse, "Adrian Zenz said 570,000 people were sent to pick cotton.")
    assert figure.claimant_id == "adrian-zenz"


def test_figure_the_outlet_states_has_no_claimant(analyse):
    figure = only(analyse, "The region has 25 million inhabitants.")
    assert figure.claimant_id is None and figure.attribution == "none"


def test_figure_from_a_document_belongs_to_its_author(analyse):
    text = "The UN report was published in August. It said 30 percent of detainees were held without charge."
    assert only(analyse, text).claimant_id == "united-nations"


def test_another_figure_continues_the_claimant_and_unit(analyse):
    text = "Adrian Zenz said 1,200 officials were sent to villages. Another 300 went to factories."
    found = figures_of(analyse, text)
    assert [(f.value, f.unit, f.claimant_id) for f in found] == [
        (1200, "officials", "adrian-zenz"),
        (300, "officials", "adrian-zenz"),
    ]


def test_every_figure_offset_gives_back_its_text(analyse):
    text, _, _, found = analyse("In 2019, 1.5 million people; 3% of 200 villages; one in four homes.")
    assert found and all(text[f.start : f.end] == f.text for f in found)


@pytest.mark.parametrize(
    "text, unit",
    [
        ("The railway runs for 1,776 km through the desert.", "km"),
        ("Farms sold 5.2 million tonnes of cotton.", "tonnes"),
    ],
)
def test_measurement_units_count(analyse, text, unit):
    assert only(analyse, text).unit == unit


def test_population_counts_people(analyse):
    assert only(analyse, "Xinjiang has a population of 25.85 million.").unit == "people"


def test_an_early_year_is_not_a_figure(analyse):
    found = figures_of(analyse, "The population fell from five million in 1492 to 250,000 people.")
    assert [f.value for f in found] == [5e6, 250000]


def test_unit_named_before_the_number_drops_its_preposition(analyse):
    figure = only(analyse, "The move brings the number of entities on the list to 75, the department said.")
    assert figure.unit == "entities"


def test_adding_to_a_list_is_not_a_claim(analyse):
    figure = only(analyse, "The United States added three Chinese companies to the list on Tuesday.")
    assert figure.claimant_id is None


def test_an_analysis_by_an_outlet_is_claimed_by_it(analyse):
    figure = only(
        analyse,
        "Courts sentenced about 230,000 people in 2017, according to an analysis of court data by The New York Times.",
    )
    assert figure.claimant_id == "new-york-times"


def test_according_to_data_released_by_a_body(analyse):
    figure = only(
        analyse, "Cotton output reached 5.2 million tons, according to data released by the Xinhua News Agency."
    )
    assert figure.claimant_id == "xinhua"


def test_a_million(analyse):
    figure = only(analyse, "Researchers say more than a million Uyghurs were held.")
    assert (figure.value, figure.unit, figure.qualifier) == (1e6, "people", "more than")


def test_a_request_does_not_make_the_next_sentence_its_claim(analyse):
    found = figures_of(analyse, "Dominic Raab urged officials to act. The list now includes more than 70 companies.")
    assert found[0].claimant_id is None


def test_percentage_points_are_not_percent(analyse):
    figure = only(analyse, "The growth rate was 0.9 percentage points higher than in the cities.")
    assert (figure.value, figure.unit) == (0.9, "percentage points")


@pytest.mark.parametrize(
    "text, unit",
    [
        ("More than 1,200 “satellite factories” employ local residents.", "satellite factories"),
        ("The group wrote to 40 of those suppliers last year.", "suppliers"),
    ],
)
def test_unit_after_a_quotation_mark_or_of_those(analyse, text, unit):
    assert only(analyse, text).unit == unit


@pytest.mark.parametrize(
    "text",
    ["Revenue grew 21.7 percent over 2023.", "The region has 19 attractions rated 5A."],
)
def test_a_year_after_over_and_a_grade_are_not_figures(analyse, text):
    assert [f.text for f in figures_of(analyse, text)] in (["21.7 percent"], ["19"])


def test_mln_is_a_scale(analyse):
    assert only(analyse, "Xinjiang received over 300 mln visits.").value == 3e8


def test_a_body_described_in_the_lead_and_named_in_full_later_is_the_claimant(analyse):
    _, _, _, found = analyse(
        "Exports fell 12 percent last year, according to the ministry of foreign affairs.\n\n"
        "The ministry said 40 countries had backed its position.\n\n"
        "The figures were published by the Ministry of Foreign Affairs of China on Friday.\n"
    )
    assert [(f.value, f.claimant_id) for f in found] == [
        (12, "ministry-of-foreign-affairs-of-china"),
        (40, "ministry-of-foreign-affairs-of-china"),
    ]


def test_a_body_described_with_what_it_is_of_is_not_another_body_of_the_same_kind(analyse):
    _, _, _, found = analyse(
        "The Ministry of Foreign Affairs of China spoke on Monday.\n\n"
        "Air traffic rose 12 percent last year, according to the regional ministry of transport.\n"
    )
    assert [(f.value, f.claimant_id) for f in found] == [(12, None)]


def test_a_finding_by_a_described_author_is_the_authors_claim(analyse):
    _, _, _, found = analyse(
        "Births in the prefectures fell by more than 60% between 2015 and 2018, according to an analysis of "
        "official data by the German researcher Adrian Zenz."
    )
    assert [(f.value, f.claimant_id) for f in found] == [(60, "adrian-zenz")]


def test_a_unit_goes_on_past_hyphenated_and_coordinated_modifiers(analyse):
    _, _, _, found = analyse(
        "Inspectors reviewed 4,900 solar-related shipments. The region received 301.8 million domestic and "
        "overseas tourist visits in 2024."
    )
    assert [f.unit for f in found] == ["solar-related shipments", "domestic and overseas tourist visits"]


def test_a_rate_keeps_what_it_is_per(analyse):
    _, _, _, found = analyse("Average yield reached 2,313 kilograms per hectare, the highest on record.")
    assert [f.unit for f in found] == ["kilograms per hectare"]


@pytest.mark.parametrize("source", ["the agency's data", "agency data"])
def test_agency_data_is_the_claim_of_the_body_its_sentence_named(analyse, source):
    _, _, _, found = analyse(
        f"US Customs and Border Protection has detained more than 4,000 shipments since 2022, according to {source}.",
        use_model=True,
    )
    assert [(f.value, f.claimant_id) for f in found] == [(4000, "us-customs-and-border-protection")]


def test_half_of_is_fifty_percent_but_the_first_half_of_a_year_is_not_a_figure(analyse):
    _, _, _, found = analyse("Incomes rose in the first half of 2023. Nearly half of the workers were women.")
    assert [(f.text, f.value, f.unit) for f in found] == [("half", 50, "percent")]


def test_data_named_after_the_figure_belong_to_their_owner(analyse):
    figure = only(analyse, "Incomes reached 19,000 yuan, the Xinjiang Statistics Bureau’s data showed.")
    assert figure.claimant_id == "xinjiang-statistics-bureau" and figure.attribution == "according to"


def test_the_figures_show_credits_the_body_the_sentence_names(analyse):
    text = "In May, U.S. Customs and Border Protection stopped 900 shipments, the figures show."
    assert only(analyse, text).claimant_id == "us-customs-and-border-protection"


def test_the_figures_show_reports_the_sentence_for_the_body_it_names(analyse):
    _, _, speech, _ = analyse("In May, U.S. Customs and Border Protection stopped 900 shipments, the figures show.")
    (quote,) = speech.quotes
    assert quote.text == "In May, U.S. Customs and Border Protection stopped 900 shipments"
    assert (quote.speaker_id, quote.attribution) == ("us-customs-and-border-protection", "according to")


def test_a_figure_takes_its_unit_from_its_own_clause(analyse):
    _, _, _, found = analyse("He lives with seven sons and daughters, and more than 40 grandchildren.")
    assert [(f.value, f.unit) for f in found] == [(7, "sons and daughters"), (40, "grandchildren")]


def test_a_study_that_documents_a_number_claims_it(analyse):
    _, _, _, figures = analyse("A 2021 study by the Uyghur Human Rights Project documented 1,546 cases of detention.")
    assert [(f.value, f.claimant_id) for f in figures] == [(1546, "uyghur-human-rights-project")]


def test_a_report_that_identifies_a_number_claims_it(analyse):
    _, _, _, figures = analyse("A report by the Australian Strategic Policy Institute identified 82 brands.")
    assert [(f.value, f.claimant_id) for f in figures] == [(82, "australian-strategic-policy-institute")]


def test_the_items_of_a_list_are_claimed_by_whoever_introduces_it(analyse):
    text = (
        "According to a report by Human Rights Watch, the families include:\n\n"
        "- 512 who say a relative is held in a prison,\n\n"
        "- 298 who say a relative was sent to work elsewhere."
    )
    assert [(f.value, f.claimant_id) for f in figures_of(analyse, text)] == [
        (512, "human-rights-watch"),
        (298, "human-rights-watch"),
    ]


def test_items_without_bullets_ending_in_semicolons_are_claimed_by_whoever_spoke_in_the_paragraph_before(analyse):
    text = (
        "Human Rights Watch says the trade goes on. In 2020, the country imported:\n\n"
        "$1.47 billion worth of cotton apparel;\n\n"
        "$212 million of cotton yarn.\n\n"
        "The ministry has 30 staff."
    )
    assert [(f.value, f.claimant_id) for f in figures_of(analyse, text)] == [
        (1470000000, "human-rights-watch"),
        (212000000, "human-rights-watch"),
        (30, None),
    ]


def test_an_analysis_by_an_owner_who_is_no_actor_is_claimed_by_nobody(analyse):
    text = (
        "Human Rights Watch said the shipments came from the region.\n\n"
        "The Herald’s analysis of the shipping data found:\n\n"
        "• 412 shipments of panels over the four years."
    )
    assert [(f.value, f.claimant_id) for f in figures_of(analyse, text) if f.value == 412] == [(412, None)]


def test_a_scale_joined_by_a_hyphen_is_part_of_the_number(analyse):
    assert only(analyse, "Canada imported $1.47-billion worth of cotton apparel.").value == 1.47e9


@pytest.mark.parametrize(
    "text",
    [
        "4. The court heard the claim in March.",
        "The defendants did not dispute the figures [8].",
        "Refusing is costly.[5]",
        "HMRC relied on section 42 of the Act.",
        "The court said so at paragraph 58.",
    ],
    ids=["a numbered paragraph", "a paragraph reference", "a footnote", "a section", "a paragraph"],
)
def test_references_are_not_figures(analyse, text):
    assert figures_of(analyse, text) == []


def test_a_number_whose_sentence_points_back_counts_what_the_one_before_counted(analyse):
    text = "The region transferred 2.76 million people in 2019. In 2020 the figure dipped to 2.67 million."
    assert [f.unit for f in figures_of(analyse, text)] == ["people", "people"]


def test_data_a_text_gives_a_nationality_are_that_governments(analyse):
    text = "Trade reached $12 billion last year, according to Kazakh customs statistics."
    assert only(analyse, text).claimant_id == "government-of-kazakhstan"


def test_data_compiled_by_someone_named_are_theirs_whatever_their_nationality(analyse):
    text = "An analysis of official Chinese data by Adrian Zenz found that 80 percent of the placements were there."
    assert only(analyse, text).claimant_id == "adrian-zenz"


def zakirs_turn(sentence: str) -> str:
    """A transcript in which Shohrat Zakir's turn holds the sentence."""
    return f"HOST: Good evening.\n\nSHOHRAT ZAKIR: Thank you. {sentence} We disagree.\n\nHOST: Thank you."


def test_a_number_in_speech_reported_inside_a_transcript_turn_is_the_reported_speakers(analyse):
    text = zakirs_turn("Adrian Zenz said 570,000 people were sent to pick cotton.")
    assert only(analyse, text).claimant_id == "adrian-zenz"


def test_a_number_a_turn_cites_from_a_source_left_unnamed_is_the_turns_speakers(analyse):
    text = zakirs_turn("Official statistics show that 3.06 million people left poverty.")
    assert only(analyse, text).claimant_id == "shohrat-zakir"


def test_a_number_a_turn_reports_from_people_left_unnamed_stays_unclaimed(analyse):
    text = zakirs_turn("Researchers estimate that 3.06 million people left poverty.")
    assert only(analyse, text).claimant_id is None


@pytest.mark.parametrize(
    "text",
    [
        "Adrian Zenz forecasts output of 6.9 million tons next season.",
        "Adrian Zenz expects capacity to reach 230,000 tonnes by 2027.",
    ],
    ids=["forecasts", "expects"],
)
def test_a_forecast_is_the_forecasters_claim(analyse, text):
    assert only(analyse, text).claimant_id == "adrian-zenz"


def test_what_someone_expects_is_no_reported_statement(analyse):
    _, _, speech, _ = analyse("Adrian Zenz expects the number of pickers to keep falling.")
    assert speech.quotes == []


def test_putting_the_figure_at_a_number_claims_it(analyse):
    assert only(analyse, "Adrian Zenz has put the figure at up to 1.8 million.").claimant_id == "adrian-zenz"


@pytest.mark.parametrize(
    "text, claimant",
    [
        (
            "Human Rights Watch puts the region's share of the country's cotton at roughly 85 percent.",
            "human-rights-watch",
        ),
        (
            "Research by Adrian Zenz reported that birth rates fell by more than 60 per cent between 2015 and 2018.",
            "adrian-zenz",
        ),
        (
            "The report, released by Human Rights Watch on Tuesday, examined shipping records for 9,400 consignments "
            "of solar modules.",
            "human-rights-watch",
        ),
    ],
    ids=["a share put at a number", "research by someone", "a report's numbers whatever its verb"],
)
def test_whoever_puts_or_finds_a_number_claims_it(analyse, text, claimant):
    assert only(analyse, text).claimant_id == claimant


def test_a_number_in_what_a_report_goes_on_to_describe_is_not_its_claim(analyse):
    text = (
        "The report, published by Human Rights Watch, traced yarn to factories that make clothes for the retailer, "
        "which has 280 stores."
    )
    assert only(analyse, text).claimant_id is None


def test_a_census_is_the_claim_of_the_body_that_conducted_it(analyse):
    text = (
        "According to the national census conducted by the State Council Information Office, the population "
        "reached 11.62 million in 2020."
    )
    assert only(analyse, text).claimant_id == "state-council-information-office"


def test_a_number_a_body_identifies_is_its_claim_even_when_a_clause_follows(analyse):
    text = (
        "Human Rights Watch identified more than 380 facilities in the region, many of them built or expanded after "
        "officials said that the camps had closed."
    )
    assert only(analyse, text).claimant_id == "human-rights-watch"


def test_a_report_named_by_its_title_in_quotation_marks_still_finds(analyse):
    text = "Human Rights Watch’s 2020 report “Cotton for Sale” found that more than 80,000 workers had been moved."
    assert only(analyse, text).claimant_id == "human-rights-watch"


def test_what_a_colon_ends_is_not_the_statement_of_the_verb_after_it(analyse):
    _, _, speech, _ = analyse("The claim is misleading: official figures put the rate at about 85 percent.")
    assert speech.quotes == []


@pytest.mark.parametrize(
    "text, unit",
    [
        (
            "Researchers identified more than 380 suspected detention facilities in the region.",
            "suspected detention facilities",
        ),
        ("All 3,666 impoverished villages had been lifted out of poverty.", "impoverished villages"),
    ],
)
def test_a_participle_before_the_counted_noun_is_part_of_the_unit(analyse, text, unit):
    assert only(analyse, text).unit == unit


@pytest.mark.parametrize(
    "text, unit",
    [
        ("The department added five more Chinese companies to the list.", "chinese companies"),
        ("Satellite images show more than 380 such facilities.", "facilities"),
    ],
)
def test_more_or_such_between_the_number_and_what_it_counts_is_not_the_end_of_the_unit(analyse, text, unit):
    assert only(analyse, text).unit == unit


def test_a_plural_that_modifies_another_plural_goes_on_to_it(analyse):
    assert only(analyse, "More than 1,300 skills competitions were held.").unit == "skills competitions"


def test_a_possessive_is_not_part_of_a_unit_named_before_the_number(analyse):
    text = "The company's sales, which reached 47 billion won last year, fell."
    assert only(analyse, text).unit == "sales"


def test_a_verb_in_s_before_its_object_is_not_a_unit(analyse):
    assert "puts" not in only(analyse, "In Xinjiang, official data puts it at 3.25 million.").unit


def test_a_list_introduced_as_follows_counts_what_the_sentence_named(analyse):
    _, _, _, found = analyse("The group listed the detentions by province as follows: 27 in Istanbul, nine in Kayseri.")
    assert [f.unit for f in found] == ["detentions", "detentions"]


def test_a_soundbite_in_quotation_marks_is_the_turn_not_a_label_and_its_numbers_count(analyse):
    text = (
        'SOUNDBITE (Uygur) ABDULLA TURSUN, Farmer:\n"I have 80 mu of cotton and the machine finishes my field in '
        'half a day."\n\nSOUNDBITE (Chinese) WANG JIANGUO, Head, Cotton Cooperative:\n"Our cooperative now owns '
        '46 cotton pickers, and we rent them to every farmer in the village."'
    )
    _, _, speech, found = analyse(text)
    assert [f.value for f in found] == [80, 46] and speech.terms == []


def test_a_states_own_census_is_the_states_claim(analyse):
    figure = only(analyse, "According to China’s 2020 census, there are about 11.6 million Uyghurs in Xinjiang.")
    assert figure.claimant_id == "government-of-china"


@pytest.mark.parametrize(
    "text", ["China’s 2020 census counted them.", "Its 2023 report says so.", "The 2019 census says."]
)
def test_a_year_naming_which_document_is_not_a_figure(analyse, text):
    assert figures_of(analyse, text) == []


@pytest.mark.parametrize(
    "text, unit",
    [
        ("Polysilicon sold at $19.80/kg in May.", "US dollars per kilogram"),
        ("Polysilicon sold at CNY 39/kg in May.", "yuan per kilogram"),
        ("The plant makes 80,000 MT a year.", "tonnes"),
        ("The region installed 80 GW last year.", "gigawatts"),
        ("India added about 64 Gw of capacity.", "gigawatts"),
        ("JUNE 20, 2024 — The plant makes 80,000 MT a year.", "tonnes"),
        ("The motion failed with 19 against.", "votes"),
    ],
)
def test_units_written_as_codes_rates_and_votes(analyse, text, unit):
    assert only(analyse, text).unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "The council voted 19 to 17 to reject a motion.",
        "The motion was rejected by 19 votes to 17.",
        "It rejected the motion by a vote of 19 to 17.",
    ],
)
def test_both_numbers_of_a_tally_count_votes(analyse, text):
    _, _, _, found = analyse(text)
    assert [(f.text, f.unit) for f in found] == [("19", "votes"), ("17", "votes")]


def test_a_number_that_is_the_number_of_something_counts_it(analyse):
    _, _, _, found = analyse("The total number of employed people rose from 11.35 million to 13.3 million.")
    assert [f.unit for f in found] == ["employed people", "employed people"]


def test_a_range_after_by_is_no_tally(analyse):
    _, _, _, found = analyse("Prices grew by 5 to 10 percent.")
    assert "votes" not in [f.unit for f in found]


def test_an_item_with_no_noun_counts_what_the_item_before_counted(analyse):
    _, _, _, found = analyse("The data show:\n\n- 2.76 million transfers a year on average\n\n- 2.93 million in 2021")
    assert [f.unit for f in found] == ["transfers", "transfers"]


def test_a_count_compared_with_an_earlier_one_keeps_its_unit_without_the_scale(analyse):
    _, _, _, found = analyse("The centre recorded 6.8 million visits, compared with 2.9 million in 2022.")
    assert [f.unit for f in found] == ["visits", "visits"]


def test_the_first_item_counts_what_the_paragraph_introducing_the_list_counted(analyse):
    text = (
        "CBP stopped 10,472 shipments worth $3.56 billion. Of those shipments:\n\n"
        "- 4,190 were denied entry;\n\n- 5,088 were released."
    )
    _, _, _, found = analyse(text)
    assert [f.unit for f in found] == ["shipments", "US dollars", "shipments", "shipments"]


def test_a_line_that_only_introduces_a_list_goes_on_with_the_claim_of_the_paragraph_before(analyse):
    text = (
        "In its annual survey, the Uyghur Human Rights Project found that 41 percent of families had lost contact.\n\n"
        "Among its other findings:\n\n"
        "- 63 percent had a relative in detention;\n\n"
        "- 18 percent had been visited by police."
    )
    claims = [(f.value, f.claimant_id) for f in figures_of(analyse, text)]
    assert claims[1:] == [(63, "uyghur-human-rights-project"), (18, "uyghur-human-rights-project")]


def test_a_list_introduced_by_a_line_that_names_something_is_no_ones_but_its_own(analyse):
    text = (
        "Human Rights Watch says the trade goes on.\n\n"
        "The Cotton Supply Act would:\n\n"
        "- fine importers up to $50,000 per shipment;\n\n"
        "- fund 200 new inspectors."
    )
    assert [f.claimant_id for f in figures_of(analyse, text)] == [None, None]


def test_a_clock_time_is_no_figure(analyse):
    assert [f.value for f in figures_of(analyse, "Posted 10:45am EDT. Exports rose 12 percent.")] == [12]


def test_a_sentence_counting_some_of_those_counts_what_the_sentence_before_counted(analyse):
    text = "Customs reviewed 9,100 shipments valued at $3.1 billion. Of those, 4,020 were denied entry."
    assert [f.unit for f in figures_of(analyse, text)] == ["shipments", "US dollars", "shipments"]


def test_some_of_those_after_an_amount_alone_count_nothing_named(analyse):
    text = "The fund paid out $3.1 billion. Of those, 40 percent went to Xinjiang and 2,000 were returned."
    assert [f.unit for f in figures_of(analyse, text)] == ["US dollars", "percent", ""]


@pytest.mark.parametrize(
    "text, unit",
    [
        ("The birth rate fell to 8.14 per thousand in 2019.", "per thousand"),
        ("The death rate was 4.5 per 1,000 people.", "per 1,000 people"),
        ("Maternal mortality was 38.6 per 100,000 live births.", "per 100,000 live births"),
        ("The rate was 5.9‰ last year.", "per thousand"),
    ],
)
def test_a_rate_per_thousand_is_counted_per_its_base_and_the_base_is_no_figure(analyse, text, unit):
    assert only(analyse, text).unit == unit


def test_a_number_of_members_counts_members(analyse):
    assert only(analyse, "China was elected to the 47-member council.").unit == "members"


def test_a_number_after_and_starts_another_count(analyse):
    text = "The EU sanctioned ten European individuals and four entities."
    assert [f.unit for f in figures_of(analyse, text)] == ["european individuals", "entities"]


@pytest.mark.parametrize(
    "text, unit",
    [
        ("More than 1,200 diplomats, journalists and religious figures have visited.", "people"),
        ("Some 3.06 million rural residents were lifted out of poverty.", "people"),
        ("The fire forced 1,136 residents from their homes.", "residents"),
        ("The clinic hired 27 doctors and nurses.", "doctors and nurses"),
    ],
)
def test_kinds_of_people_listed_together_and_rural_residents_count_people(analyse, text, unit):
    assert only(analyse, text).unit == unit


@pytest.mark.parametrize(
    "text, units",
    [
        (
            "Some 27.6 million people are in forced labour, 3.9 million of them in labour imposed by states.",
            ["people", "people"],
        ),
        ("He has 60 Uyghur clients. He said 11 of them remain in detention.", ["uyghur clients", "uyghur clients"]),
        ("It named 82 global brands, and 14 of them were Japanese companies.", ["global brands", "japanese companies"]),
        ("In all, 263 defendants were tried and 41 of them were given suspended sentences.", ["defendants"] * 2),
    ],
)
def test_some_of_them_count_what_the_count_before_counted_or_what_they_are_said_to_be(analyse, text, units):
    assert [f.unit for f in figures_of(analyse, text)] == units


def test_a_headline_number_is_the_claim_of_the_body_the_story_credits_it_to(analyse):
    _, _, _, figures = analyse(
        "Xinjiang's GDP grows 6.8% in 2023\n\n"
        "The region's GDP grew 6.8 percent last year, the regional statistics bureau said on Friday."
    )
    assert [(f.value, f.claimant_id, f.attribution) for f in figures] == [
        (6.8, "xinjiang-statistics-bureau", "headline"),
        (6.8, "xinjiang-statistics-bureau", "description"),
    ]


def test_a_headline_number_a_person_repeats_stays_the_outlets(analyse):
    _, _, _, figures = analyse(
        "Researcher says 80 factories used transferred workers\n\n"
        "At least 80 factories took in transferred workers, Adrian Zenz said."
    )
    assert [(f.value, f.claimant_id) for f in figures] == [(80, None), (80, "adrian-zenz")]


def test_a_number_a_body_records_is_its_claim(analyse):
    _, _, speech, figures = analyse("Volkswagen recorded 1,200 complaints from workers in the first quarter.")
    assert [(f.value, f.claimant_id) for f in figures] == [(1200, "volkswagen")]
    assert speech.quotes == []


def test_a_projection_is_its_authors_claim(analyse):
    _, _, _, figures = analyse("Adrian Zenz projected that the policies could cut births by 4.5 million by 2040.")
    assert [(f.value, f.claimant_id) for f in figures] == [(4.5e6, "adrian-zenz")]


STATISTICS_PARAGRAPH = (
    "The region sowed 2.5 million mu of cotton last year. The average yield reached 140 kilograms per mu, "
    "according to the regional statistics bureau."
)


def test_numbers_before_the_source_a_paragraph_closes_on_are_marked_as_that_sources(analyse):
    assert [(f.value, f.claimant_id, f.attribution) for f in figures_of(analyse, STATISTICS_PARAGRAPH)] == [
        (2_500_000, "xinjiang-statistics-bureau", "closing source"),
        (140, "xinjiang-statistics-bureau", "according to"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        STATISTICS_PARAGRAPH.replace("the regional statistics bureau", "Adrian Zenz"),
        STATISTICS_PARAGRAPH.replace("the regional statistics bureau", "Beijing"),
        STATISTICS_PARAGRAPH.replace("last year.", "last year, officials said."),
        STATISTICS_PARAGRAPH + " Prices fell.",
    ],
    ids=["a person", "a state named by its country", "a sentence with its own speaker", "not the last sentence"],
)
def test_numbers_before_a_closing_source_that_is_not_a_named_body_are_not_its(analyse, text):
    assert figures_of(analyse, text)[0].claimant_id is None
