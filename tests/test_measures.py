"""What a figure measures (build/measures.py), on sentences of our own."""

import pytest

from build import measures


def measure_of(analyse, text: str, number: str) -> str:
    _, _, _, found = analyse(text)
    return next(f.measure for f in found if f.text == number)


@pytest.mark.parametrize(
    "text, number, measure",
    [
        ("In 2019, 2.3 million people were lifted out of poverty.", "2.3 million", "people lifted out of poverty"),
        ("Customs officers detained 4,000 shipments under the law.", "4,000", "shipments detained under the law"),
        ("The poverty incidence rate dropped to 6.5% in 2019.", "6.5%", "poverty incidence rate"),
        ("The region's Uygur population grew by 2.5 million.", "2.5 million", "region's Uygur population growth"),
        ("Rural income reached 7,942 yuan, up 8.1 percent.", "8.1 percent", "Rural income growth"),
        (
            "The firm said 38% of its suppliers were unable to trace cotton.",
            "38%",
            "share of suppliers unable to trace cotton",
        ),
        ("Xinjiang produced 5.1 million tons of cotton last year.", "5.1 million", "cotton produced"),
        (
            "Bilateral trade touched a record $12.6 billion, according to customs data.",
            "12.6 billion",
            "Bilateral trade touched",
        ),
        ("Officials stopped 900 shipments worth $1.6 billion.", "1.6 billion", "value of shipments stopped"),
        ("Xinjiang has about 24,400 mosques, officials say.", "24,400", "mosques"),
        ("Kyrgyzstan hosts a Uyghur community of roughly 60,000 people.", "60,000", "Uyghur community"),
        (
            "Trade between China and the five Central Asian states reached $89.4 billion in 2023.",
            "89.4 billion",
            "Trade between China and the Central Asian states",
        ),
        (
            "Only 18 percent said they had conducted a supply chain audit.",
            "18 percent",
            "share conducted a supply chain audit",
        ),
        ("- 144: companies on the entity list, whose goods are barred.", "144", "companies on the entity list"),
        ("Officers stopped 900 shipments valued at $3.6 billion.", "900", "shipments stopped"),
        (
            "Electronics accounted for 62% of the value of stopped shipments.",
            "62%",
            "Electronics share of value of stopped shipments",
        ),
        (
            "The company buys components worth about 1.4 billion euros a year.",
            "1.4 billion",
            "value of components bought",
        ),
        ("Data record a fall in the birth rate from 15.88 per thousand to 8.14 per thousand.", "8.14", "birth rate"),
        ("Nine of the 14 samples, or 64 percent, contained cotton.", "64 percent", "share of samples contained cotton"),
        ("More than 3.7 million homes now have rooftop systems.", "3.7 million", "homes with rooftop systems"),
        (
            "Xinjiang's GDP reached 1.77 trillion yuan in 2022, growing 3.2 percent.",
            "3.2 percent",
            "Xinjiang's GDP growth",
        ),
        (
            "The border post recorded 1.2 million crossings at the border.",
            "1.2 million",
            "crossings at the border recorded",
        ),
        (
            "Cotton output reached 5.1 million tonnes, accounting for 91 percent of the national total.",
            "91 percent",
            "share of national Cotton output",
        ),
        ("• Base Metals: 247 shipments valued at $81 million", "247", "Base Metals shipments"),
        ("CHAIR: We have heard 12 witnesses today.", "12", "witnesses heard"),
        ("Border trade grew by 2% and reached $24.8 billion last year.", "24.8 billion", "Border trade"),
        ("Imports are expected to exceed 400,000 tonnes in 2026.", "400,000", "Imports"),
        ("Trade rose, with exports accounting for 37.6 billion yuan.", "37.6 billion", "exports"),
        ("The training of herders reached 48,000 person-times in 2023.", "48,000", "training of herders"),
        ("India has about 64 GW of module capacity.", "64", "module capacity"),
        (
            "The region provided free vocational skills training to 1.12 million people.",
            "1.12 million",
            "people provided free vocational skills training",
        ),
        ("The expo drew exhibitors from 32 countries and regions.", "32", "countries and regions drawn exhibitors"),
        ("Xinjiang's economy grew 6.1 per cent last year.", "6.1 per cent", "Xinjiang's economy growth"),
        (
            "The value added of the secondary industry grew 7.2 percent.",
            "7.2 percent",
            "value added of the secondary industry growth",
        ),
        (
            "Some 12 million Uyghurs live in Xinjiang, a region of deserts and mountains.",
            "12 million",
            "Uyghurs live in Xinjiang",
        ),
        (
            "An estimated 27.6 million people were in forced labour, 3.9 million in forced labour imposed by states.",
            "3.9 million",
            "forced labour imposed by states",
        ),
    ],
    ids=[
        "things and what happened to them",
        "things acted on",
        "a level",
        "a change",
        "a change after a level",
        "a share",
        "an amount of something",
        "what a level was reached by, not who says so",
        "a worth",
        "things a place has",
        "a community of people",
        "a quantity between two parties",
        "a share of respondents and what they said",
        "a factbox line glossing its number",
        "no currency sign left where a value was",
        "a part's share of a whole",
        "a worth the parser hangs on the verb",
        "the values a change goes from and to",
        "a share beside the count it restates",
        "things that have something",
        "a participle's change is of its clause's subject",
        "a short phrase that says which",
        "a share of a qualified total",
        "a label before counted things",
        "a speaker's label is no measure's",
        "a level after 'and' is of the subject the verbs share",
        "a level a verb is expected to reach",
        "a participle's amount is of the noun it describes",
        "person-times count what was done",
        "an amount in an abbreviated unit, which having says nothing of",
        "things given something: the verb and its object, not who gave it",
        "things joined by 'and' are counted together",
        "a change the parser makes the verb's object",
        "a participle that names the quantity with its phrase",
        "a phrase without the appositive after it",
        "a count in a state, which no share is",
    ],
)
def test_a_figure_measures_what_its_sentence_says_it_counts(analyse, text, number, measure):
    assert measure_of(analyse, text, number) == measure


def test_an_earlier_value_measures_the_same_statistic(analyse):
    text = "Xinjiang made 35% of global polysilicon in 2023, down from roughly 45% in 2021."
    assert measure_of(analyse, text, "45%") == measure_of(analyse, text, "35%") != ""


def test_a_conversion_measures_the_same_statistic(analyse):
    text = "Rural income reached 7,942 yuan (about 1,100 US dollars) in the first half."
    assert measure_of(analyse, text, "1,100") == measure_of(analyse, text, "7,942")


def test_the_key_groups_the_same_words_in_any_order_and_number():
    assert measures.key("people lifted out of poverty") == measures.key("the poverty of people lifted out")
    assert measures.key("shipments detained") == measures.key("shipment detained") == "detained shipment"


@pytest.mark.parametrize(
    "verb, tag, participle",
    [
        ("remove", "VB", "removed"),
        ("adds", "VBZ", "added"),
        ("carry", "VB", "carried"),
        ("holds", "VBZ", "held"),
        ("detaining", "VBG", "detained"),
        ("took", "VBD", "taken"),
    ],
)
def test_a_verb_acting_on_the_things_reads_as_a_participle(verb, tag, participle):
    assert measures.participle(verb, tag) == participle


@pytest.mark.parametrize(
    "text, number, measure",
    [
        ("Now I earn more than 3,200 yuan a month, she said.", "3,200", "monthly earnings"),
        (
            "Governments spent 1.36 billion yuan on heritage protection between 2018 and 2022.",
            "1.36 billion",
            "Governments spending on heritage protection",
        ),
        ("Mr Kurban was sentenced to 16 years in prison.", "16", "Mr Kurban sentence"),
        ("Workers earned an average of 5,200 yuan a month.", "5,200", "monthly Workers average earnings"),
    ],
    ids=["earnings and how often", "spending and on what", "a sentence", "an average of what they earn"],
)
def test_an_amount_a_verb_pays_or_earns_measures_the_noun_for_it(analyse, text, number, measure):
    assert measure_of(analyse, text, number) == measure


def test_an_increase_beside_a_clause_is_the_increase_of_what_it_counts(analyse):
    text = "The Uygur population reached 11.62 million in 2020, an increase of 1.62 million from 2010."
    assert measure_of(analyse, text, "1.62 million") == "increase in Uygur population"


def test_a_worth_after_a_copula_is_the_value_of_the_subject(analyse):
    assert measure_of(analyse, "The goods were worth about 1.8 million dollars.", "1.8 million") == "value of goods"


def test_a_share_of_the_total_is_the_share_of_what_accounts_for_it(analyse):
    text = "Machine-picked cotton accounted for 99.2 percent of the total."
    assert measure_of(analyse, text, "99.2 percent") == "share of Machine picked cotton"


def test_a_change_after_a_level_verb_is_the_change_of_its_subject(analyse):
    text = "Xinjiang's cotton output reached 5.11 million tonnes in 2023, up 5.2 percent."
    assert measure_of(analyse, text, "5.2 percent") == "Xinjiang's cotton output growth"


def test_a_number_whose_sentence_points_back_measures_what_the_one_before_did(analyse):
    text = "The region transferred 2.76 million people in 2019. In 2020 the figure dipped to 2.67 million."
    assert measure_of(analyse, text, "2.67 million") == measure_of(analyse, text, "2.76 million") != ""


def test_the_total_number_of_something_does_not_point_back(analyse):
    text = (
        "The region transferred 2.76 million people in 2019. The total number of employed people rose to 13.3 million."
    )
    assert measure_of(analyse, text, "13.3 million") != measure_of(analyse, text, "2.76 million")


def test_that_of_stands_for_the_noun_before_with_its_own_of_phrase(analyse):
    text = (
        "The added value of the primary industry stood at 274.26 billion yuan, up 6.7 percent; that of the "
        "secondary industry reached 777.83 billion yuan, up 7.5 percent."
    )
    assert measure_of(analyse, text, "777.83 billion") == "added value of the secondary industry"
    assert measure_of(analyse, text, "7.5 percent") == "added value of the secondary industry growth"


def test_an_item_with_no_noun_measures_what_the_item_before_did(analyse):
    text = "The data show:\n\n- 2.76 million transfers a year on average\n\n- 2.93 million in 2021"
    assert (
        measure_of(analyse, text, "2.93 million") == measure_of(analyse, text, "2.76 million") == "transfers on average"
    )


def test_a_count_compared_with_an_earlier_one_measures_the_same_statistic(analyse):
    text = "The centre recorded 6.8 million visits, compared with 2.9 million in 2022."
    assert measure_of(analyse, text, "2.9 million") == measure_of(analyse, text, "6.8 million") != ""


@pytest.mark.parametrize(
    "text, earlier, later",
    [
        (
            "The province carried out 3.2mn transfers of surplus labour last year, counting each placement "
            "separately, up from 2.8mn in 2019.",
            "2.8mn",
            "3.2mn",
        ),
        (
            "At least 17 consignments were detained at US ports in 2024, compared with four the year before.",
            "four",
            "17",
        ),
    ],
)
def test_an_earlier_value_with_no_words_of_its_own_measures_the_same_statistic(analyse, text, earlier, later):
    assert measure_of(analyse, text, earlier) == measure_of(analyse, text, later) != ""


def test_an_item_counting_part_of_what_its_paragraph_counted_is_measured_by_its_own_sentence(analyse):
    text = (
        "The ILO says 27.6 million people were in forced labour in 2021. Of those:\n\n"
        "- 17.3 million were exploited in the private sector;\n\n"
        "- 6.3 million were in forced commercial sexual exploitation;"
    )
    _, _, _, found = analyse(text)
    item = next(f for f in found if f.text == "6.3 million")
    assert (item.unit, item.measure) == ("people", "forced commercial sexual exploitation")


def test_some_of_those_counted_before_are_measured_by_what_they_did(analyse):
    text = "Police detained 2,400 people last year. Of those, 1,100 were sent to training centres."
    assert measure_of(analyse, text, "1,100") == "people sent to training centres"


@pytest.mark.parametrize(
    "text, number, measure",
    [
        (
            "Farmers in the county saw their average net income rise 6.4 percent to 18,300 yuan in 2023.",
            "18,300",
            "average net income",
        ),
        (
            "By 2023 all 1.2 million rural residents living below the poverty line in the prefecture had been lifted "
            "out of poverty.",
            "1.2 million",
            "all rural residents lifted out of poverty",
        ),
        ("The two brothers were among more than 200 Kazakhs sent back last year.", "200", "Kazakhs"),
        (
            "The factory employs about 900 people, 70 percent of them from nearby villages, and managers say wages "
            "have risen.",
            "70 percent",
            "share of people from nearby villages",
        ),
        ("The mill employs about 1,800 people and its managers say wages have risen.", "1,800", "people employed"),
        ("The plant hired 600 workers and said that wages rose.", "600", "workers hired"),
        (
            "Last year 1.4 million person-times found jobs outside their home counties.",
            "1.4 million",
            "person-times found jobs",
        ),
        (
            "An estimated 50 million people lived in modern slavery in 2021, of whom 28 million were in forced labour.",
            "28 million",
            "people forced labour",
        ),
        (
            "Installed capacity of solar power in the region had surpassed 40 million kilowatts by June.",
            "40 million",
            "Installed capacity of solar power in the region",
        ),
        ("Hotan's economy grew 5.9 per cent last year to 120 billion yuan.", "120 billion", "Hotan's economy"),
        (
            "Over the period the annual transfer of surplus labour averaged 1.3 million people.",
            "1.3 million",
            "annual transfer of surplus labour",
        ),
        ("Kashgar's tourism revenue tops 30 billion yuan.", "30 billion", "Kashgar's tourism revenue"),
        (
            "The county grows about 4mn tonnes of cotton, roughly 20 per cent of China's crop.",
            "20 per cent",
            "share of China's crop",
        ),
    ],
    ids=[
        "a level a verb of change rises to",
        "what was done to the things before a long clause describing them",
        "things a copula only places",
        "a share of 'them' set beside the things",
        "a joined verb with its own subject is not the things'",
        "a joined verb with its own clause says nothing of the things",
        "person-times no quantity names",
        "some of whom",
        "an amount in kilowatts",
        "a level after a change the parser makes the object",
        "a verb that totals its subject",
        "a headline's level verb",
        "a possessive kept",
    ],
)
def test_a_figure_measures_what_its_clause_says(analyse, text, number, measure):
    assert measure_of(analyse, text, number) == measure


def test_reaching_people_gives_no_level(analyse):
    text = "Wang said the training campaign had so far reached 320,000 workers across the region."
    assert measure_of(analyse, text, "320,000") != "training campaign"


def test_a_value_then_its_change_measures_the_values_growth(analyse):
    text = (
        "Main figures:\nnatural gas, 41.2 billion cubic meters, up 3.8 percent;\n"
        "Tourist trips: 280 million, up 9.1 percent"
    )
    assert measure_of(analyse, text, "3.8 percent") == measure_of(analyse, text, "41.2 billion") + " growth"
    assert measure_of(analyse, text, "280 million") == "Tourist trips"
    assert measure_of(analyse, text, "9.1 percent") == "Tourist trips growth"


def test_a_count_compared_with_less_than_another_measures_the_same_statistic(analyse):
    text = (
        "About 80 percent of the county's wheat was harvested by machine in 2023, "
        "compared with less than 40 percent in 2015."
    )
    assert measure_of(analyse, text, "40 percent") == measure_of(analyse, text, "80 percent") != ""


def test_it_rising_to_a_value_points_back(analyse):
    text = "In 2020 the prefecture transferred 410,000 workers. It rose to 450,000 in 2021."
    assert measure_of(analyse, text, "450,000") == measure_of(analyse, text, "410,000") != ""


@pytest.mark.parametrize(
    "text, measures_of",
    [
        (
            "A resolution on the camps was rejected by 21 votes to 15, with 9 abstentions.",
            {"21": "votes against resolution", "15": "votes in favour of resolution", "9": "abstentions on resolution"},
        ),
        (
            "The assembly voted down a draft resolution, with 20 votes against, 16 in favour and 10 abstentions.",
            {"20": "votes against draft resolution", "16": "votes in favour of draft resolution"},
        ),
        ("The opposition motion passed 301 to 2 on Tuesday.", {"301": "votes in favour of opposition motion"}),
        (
            "The Senate approved the bill by a vote of 92 to 4.",
            {"92": "votes in favour of bill", "4": "votes against bill"},
        ),
    ],
    ids=["a tally the motion lost", "sides named after the numbers", "a tally right after 'passed'", "a vote of"],
)
def test_a_vote_measures_the_side_each_number_counts(analyse, text, measures_of):
    for number, measure in measures_of.items():
        assert measure_of(analyse, text, number) == measure


def test_a_range_in_a_sentence_with_a_rejection_is_no_vote(analyse):
    text = "The court rejected the appeal, cutting the fine from 80 to 50 euros."
    assert not measure_of(analyse, text, "80").startswith("votes")


def test_the_key_ignores_possessives():
    assert measures.key("share of China's output") == measures.key("share of China output")


@pytest.mark.parametrize(
    "text, number, measure",
    [
        ("China was elected to the 47-member Human Rights Council.", "47", "members of Human Rights Council"),
        ("Some 40 people were held; 29 of them were still in custody.", "29", "people custody"),
    ],
)
def test_a_body_s_size_measures_its_members_and_of_them_is_no_part_of_a_measure(analyse, text, number, measure):
    assert measure_of(analyse, text, number) == measure


@pytest.mark.parametrize(
    "text, number, measure",
    [
        (
            "More than 1,300 skills competitions were held by the federation last year.",
            "1,300",
            "skills competitions held by the federation",
        ),
        ("About 200,000 ethnic Kyrgyz live in China.", "200,000", "ethnic Kyrgyz live in China"),
        (
            "He said about 1,200 ginning and pressing factories had registered under the programme.",
            "1,200",
            "ginning and pressing factories registered under the programme",
        ),
        ("The company's sales, which reached 47 billion won last year, fell.", "47 billion", "company's sales"),
    ],
    ids=["the last of the nouns", "a people named", "a plural the unit missed", "what 'which' stands for"],
)
def test_a_number_counts_the_noun_its_parse_hangs_it_on(analyse, text, number, measure):
    assert measure_of(analyse, text, number) == measure


def test_an_amount_in_a_currency_is_no_thing_counted(analyse):
    assert measure_of(analyse, "He expects the review to cost about 300 million yen this year.", "300 million") == (
        "review cost"
    )


def test_things_from_a_place_measure_what_those_from_it_did(analyse):
    text = "Diplomats and journalists from over 100 countries have visited the region."
    assert measure_of(analyse, text, "100") == "countries visited the region"


@pytest.mark.parametrize(
    "text, number, measure",
    [
        (
            "This was higher than the 5.38 percent growth of China's total population.",
            "5.38 percent",
            "growth of China's total population",
        ),
        ("The region's GDP grew 8.4 percent year on year.", "8.4 percent", "region's GDP growth"),
        (
            "With the purchase price at around 6.5 yuan per kilogram, farmers expect more.",
            "6.5",
            "purchase price",
        ),
        (
            "The Uygur population grew 16.2 percent, which was higher than China's national population growth of "
            "5.38 percent.",
            "5.38 percent",
            "China's national population growth",
        ),
    ],
    ids=["inside the noun phrase", "not a time after it", "a price at", "a growth compared"],
)
def test_an_amount_measures_the_noun_it_is_the_size_of(analyse, text, number, measure):
    assert measure_of(analyse, text, number) == measure


@pytest.mark.parametrize(
    "text, number, measure",
    [
        (
            "The city provided subsidized vocational skills training for 52,300 person-times last year.",
            "52,300",
            "subsidized vocational skills training",
        ),
        (
            "The province recorded 3.21 million person-times of transfer employment in 2023.",
            "3.21 million",
            "transfer employment recorded",
        ),
    ],
    ids=["for so many person-times", "person-times of an act"],
)
def test_person_times_measure_the_act_done_not_who_did_it(analyse, text, number, measure):
    assert measure_of(analyse, text, number) == measure


@pytest.mark.parametrize(
    "text, number, measure",
    [
        (
            "The company had cut purchases of Chinese aluminium by 70 per cent.",
            "70 per cent",
            "purchases of Chinese aluminium cut",
        ),
        ("Switching suppliers would raise costs by 12%.", "12%", "costs increase"),
        ("The firm cut 2,000 jobs last year.", "2,000", "jobs cut"),
    ],
    ids=["cut by", "raised by", "things cut stay things"],
)
def test_an_amount_something_is_changed_by_measures_that_change(analyse, text, number, measure):
    assert measure_of(analyse, text, number) == measure


def test_a_change_set_beside_a_noun_is_that_nouns_change(analyse):
    text = "Machinery overtook textiles as the biggest category, with exports of 152.6 billion yuan, up 36.2%."
    assert measure_of(analyse, text, "36.2%") == "exports growth"


def test_the_subject_the_parser_hangs_on_an_according_to_source_still_says_what_changed(analyse):
    text = (
        "According to the Statistics Bureau of Xinjiang Uygur Autonomous Region, the Uyghur population in Xinjiang "
        "grew from 10.17 million in 2010 to 12.72 million in 2018, an increase of 25.04 percent."
    )
    assert measure_of(analyse, text, "25.04 percent") == "increase in Uyghur population in Xinjiang"


def test_the_size_of_an_increase_is_not_what_increased(analyse):
    text = (
        "Rural income in the county rose from 8,724 yuan in 2014 to 16,550 yuan in 2022, the report says, an average "
        "annual increase of 8.3 per cent."
    )
    assert measure_of(analyse, text, "16,550") == "Rural income in the county"


def test_some_of_the_things_counted_before_are_what_happened_to_them(analyse):
    text = (
        "Data show the agency has reviewed more than 4,200 shipments under the law since June 2022, and denied entry "
        "to more than 1,900 of them."
    )
    assert measure_of(analyse, text, "1,900") == "shipments denied entry"


def test_a_subject_the_parser_made_the_object_of_the_verb_before_its_clause_still_says_what_changed(analyse):
    text = (
        "Beijing's own statistics show birth rates in Hotan and Kashgar fell by more than 60 percent from 2015 to 2018."
    )
    assert measure_of(analyse, text, "60 percent") == "birth rates in Hotan and Kashgar decline"
