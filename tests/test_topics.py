"""What records are about (build/topics.py and sources/topics.csv), on sentences of our own."""

import csv

import pytest
import sqlite_utils

from build import cli, extract, sources, topics

from .conftest import SOURCES

REGISTRY = topics.matchers(sources.load(SOURCES).topics)


def about(text: str) -> set[str]:
    return set(topics.topics_of(text, REGISTRY))


@pytest.mark.parametrize(
    "text, topic",
    [
        ("The county said 12,000 impoverished households had been lifted above the line.", "poverty-alleviation"),
        ("Villagers were sent to factories in Anhui under a labour transfer scheme.", "labour"),
        ("Her brother was held in an internment facility near Kashgar for two years.", "camps"),
        ("Doctors fitted IUDs and performed sterilizations on women in the county.", "births-population"),
        ("The old mosque was demolished and children were barred from Quran lessons.", "religion-language-culture"),
        ("The regional government said its measures had prevented terrorist attacks.", "terrorism-security"),
        ("Residents pass through checkpoints with facial recognition scanners.", "surveillance"),
        ("Washington imposed sanctions on two officials and banned cotton from the region.", "sanctions-trade"),
        ("The parliament declared that the treatment of Uyghurs amounts to genocide.", "genocide-claims"),
        ("Fifty ambassadors signed a letter to the Human Rights Council.", "diplomacy-un"),
    ],
)
def test_a_sentence_is_about_the_topic_its_words_signal(text, topic):
    assert about(text) == {topic}


@pytest.mark.parametrize(
    "text",
    [
        "The campaign raised money for a new school.",
        "The international conference opened in Geneva on a sunny morning.",
        "Prices of vegetables rose in the spring.",
    ],
    ids=["campaign is not camp", "international is not internment", "no signal"],
)
def test_a_sentence_without_a_signal_is_about_no_topic(text):
    assert about(text) == set()


def test_a_starred_signal_finds_every_ending_of_its_word():
    assert about("Sterilisation rates rose.") == about("Women were sterilized.") == {"births-population"}


def test_a_phrase_is_found_across_a_line_break():
    assert about("Officials spoke of surplus\nlabour in the villages.") == {"labour"}


def test_the_longest_signal_is_the_one_that_matched():
    matched, hits = topics.topics_of("They were sent to vocational training centres.", REGISTRY)["camps"]
    assert (matched, hits) == ("vocational training centres", 1)


def test_an_article_is_about_a_topic_it_names_more_than_once():
    found = topics.topics_of("Poverty fell. The poverty rate fell again. A mosque opened.", REGISTRY, min_hits=2)
    assert set(found) == {"poverty-alleviation"}


def test_tagging_links_each_row_to_its_topics_with_the_words_that_matched(registry):
    text = "Poverty fell sharply, officials said.\n\n“Poverty is gone,” the governor said. Sanctions followed."
    rows = extract.article_rows(sources.load(SOURCES).articles[0], text, "0", registry, use_model=False)
    tagged = topics.tag(rows, REGISTRY)
    assert [(link["topic_id"], link["matched"], link["hits"]) for link in tagged.topics["articles"]] == [
        ("poverty-alleviation", "poverty", 2)
    ]
    assert rows.quotes and {link["row_id"] for link in tagged.topics["quotes"]} == {q["id"] for q in rows.quotes}


def test_a_user_adds_a_topic_by_adding_a_row(source_copy, tmp_path):
    with (source_copy / "topics.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            ["ethnic-unity", "Ethnic unity", "Unity among ethnic groups.", "ethnic groups|ethnic unity", "A test row"]
        )
    db_path = tmp_path / "xinjiang.db"
    cli.build(source_copy, db_path, jobs=1, use_model=False)
    db = sqlite_utils.Database(db_path)
    assert db["topics"].get("ethnic-unity")["signals"] == "ethnic groups|ethnic unity"
    quotes = db.execute("select count(*) from quote_topics where topic_id = 'ethnic-unity'").fetchone()[0]
    assert quotes > 0
    stored = "select count from facet_counts where table_name = 'quote_topics' and value = 'ethnic-unity'"
    assert db.execute(stored).fetchone()[0] == quotes
