"""The comparison pages built on what figures measure, what records are about and how labels are used: on the
seeds, and on the seeds with an article of the tests' own (tests/fixtures/comparisons/)."""

import re
from collections import Counter
from urllib.parse import urlencode

import pytest
import sqlite_utils

from .conftest import answer, served_in_process

STATE, INDEPENDENT = ("state", "party"), ("private", "public service", "nonprofit")
OURS = "900_comparisons"
# A phrase of each quote of the comparisons article, by the one topic its sentence is about.
QUOTE_ABOUT = {
    "poverty-alleviation": "impoverished households",
    "labour": "factories in other provinces",
    "camps": "internment facility",
    "births-population": "Birth rates",
    "religion-language-culture": "old mosque",
    "terrorism-security": "terrorism",
    "surveillance": "Cameras watch",
    "sanctions-trade": "buying cotton",
    "genocide-claims": "is genocide",
    "diplomacy-un": "Human Rights Council",
}
# Figures a comparison of units alone would pair: same unit, overlapping periods, other values or claimants.
SAME_UNIT_PAIRS = """
select a.measure_key, b.measure_key as other_measure_key from figures as a join figures as b
  on b.unit = a.unit and b.article_id <> a.article_id and a.id < b.id
 and a.period_start <= coalesce(b.period_end, 9999) and b.period_start <= coalesce(a.period_end, 9999)
 and (a.value <> b.value or coalesce(a.claimant_id, '') <> coalesce(b.claimant_id, ''))
"""


async def query(site, name, **params):
    return (await answer(site, f"/xinjiang/{name}.json?" + urlencode({"_shape": "array", **params}))).json()


def row_of(db, passage_url: str) -> dict:
    """The figure, quote or term a passage link points at."""
    row_id = passage_url.split("#")[1]
    table = {"f": "figures", "q": "quotes", "t": "terms"}[row_id[0]]
    return db[table].get(row_id)


def side(ownership: str) -> str:
    return "state" if ownership in STATE else "independent" if ownership in INDEPENDENT else "unknown"


@pytest.fixture(scope="module")
def compared(comparison_db):
    return served_in_process(comparison_db)


@pytest.fixture(scope="module")
def corpus(comparison_db):
    return sqlite_utils.Database(comparison_db)


# Figures


@pytest.mark.anyio
async def test_figures_that_disagree_on_the_seeds_pair_no_figures_whose_measures_differ(site, seed):
    pairs_by_unit = list(seed.query(SAME_UNIT_PAIRS))
    assert any(p["measure_key"] != p["other_measure_key"] for p in pairs_by_unit), "the seeds hold such pairs"
    for row in await query(site, "figures_disagree"):
        a, b = row_of(seed, row["passage_url"]), row_of(seed, row["other_passage_url"])
        assert a["measure_key"] == b["measure_key"]


@pytest.mark.anyio
async def test_figures_that_disagree_give_one_measure_over_overlapping_periods(compared, corpus):
    rows = await query(compared, "figures_disagree")
    assert rows
    for row in rows:
        a, b = row_of(corpus, row["passage_url"]), row_of(corpus, row["other_passage_url"])
        assert (a["measure_key"], a["unit"]) == (b["measure_key"], b["unit"]) and " " in a["measure_key"]
        assert a["period_start"] <= (b["period_end"] or 9999) and b["period_start"] <= (a["period_end"] or 9999)
        assert a["value"] != b["value"] or a["claimant_id"] != b["claimant_id"]
        assert a["article_id"] != b["article_id"] or a["claimant_id"] != b["claimant_id"]


@pytest.mark.anyio
async def test_figures_that_disagree_show_both_sentences_side_by_side(compared, corpus):
    ours = next(corpus["figures"].rows_where("article_id = ? and period_start is not null", [OURS]))
    rows = await query(compared, "figures_disagree")
    [row] = [r for r in rows if ours["passage_url"] in (r["passage_url"], r["other_passage_url"])]
    a, b = row_of(corpus, row["passage_url"]), row_of(corpus, row["other_passage_url"])
    assert (row["sentence"], row["other_sentence"]) == (a["sentence"], b["sentence"])
    assert {a["article_id"], b["article_id"]} != {OURS}


@pytest.mark.anyio
async def test_contested_figures_list_each_measures_claims_from_both_sides(compared, corpus):
    rows = await query(compared, "contested_figures")
    listed, counted = Counter(), {}
    for row in rows:
        counted[row["measure_key"]] = (row["state_or_party_claims"], row["independent_claims"])
        for name, ownerships in (("state_or_party", STATE), ("independent", INDEPENDENT)):
            if row[f"{name}_passage_url"]:
                figure = row_of(corpus, row[f"{name}_passage_url"])
                assert figure["ownership"] in ownerships and figure["measure_key"] == row["measure_key"]
                listed[(row["measure_key"], name)] += 1
    sides = {
        key: (state, independent)
        for key, state, independent in corpus.execute(
            "select measure_key, sum(ownership in ('state', 'party')), "
            "sum(ownership in ('private', 'public service', 'nonprofit')) from figures "
            "where measure_key like '% %' group by measure_key"
        )
        if state and independent
    }
    assert sides and counted == sides
    for key, (state, independent) in sides.items():
        assert (listed[(key, "state_or_party")], listed[(key, "independent")]) == (min(state, 10), min(independent, 10))
    ours = next(corpus["figures"].rows_where("article_id = ? and period_start is not null", [OURS]))
    assert ours["measure_key"] in sides


# Topics


@pytest.mark.parametrize(
    "name, table, join, column",
    [
        ("quotes_by_topic", "quotes", "quote_topics", "quote_id"),
        ("figures_by_topic", "figures", "figure_topics", "figure_id"),
        ("terms_by_topic", "terms", "term_topics", "term_id"),
    ],
)
@pytest.mark.anyio
async def test_each_topic_page_counts_the_topics_records_by_ownership(compared, corpus, name, table, join, column):
    rows = await query(compared, name)
    expected = Counter(
        (topic, side(ownership))
        for topic, ownership in corpus.execute(
            f"select topic_id, [{table}].ownership from [{join}] join [{table}] on [{table}].id = [{join}].[{column}]"
        )
    )
    assert len(rows) == corpus["topics"].count
    for row in rows:
        counts = (row["state_or_party"], row["independent"], row["unknown_ownership"])
        assert counts == tuple(expected[(row["topic_id"], s)] for s in ("state", "independent", "unknown"))
        for example, ownerships in (("state_or_party_example", STATE), ("independent_example", INDEPENDENT)):
            if row[example]:
                assert row_of(corpus, row[example])["ownership"] in ownerships


@pytest.mark.parametrize(
    "join, column, table, copied",
    [
        ("article_topics", "article_id", "articles", ["ownership"]),
        ("quote_topics", "quote_id", "quotes", ["article_id", "ownership"]),
        ("figure_topics", "figure_id", "figures", ["article_id", "ownership"]),
        ("term_topics", "term_id", "terms", ["article_id", "ownership", "usage"]),
    ],
)
def test_a_link_to_a_topic_repeats_its_records_columns(corpus, join, column, table, copied):
    differ = " or ".join(f"[{join}].[{c}] is not [{table}].[{c}]" for c in copied)
    rows = f"from [{join}] join [{table}] on [{table}].id = [{join}].[{column}]"
    assert corpus.execute(f"select count(*) {rows}").fetchone()[0] == corpus[join].count > 0
    assert corpus.execute(f"select count(*) {rows} where {differ}").fetchone()[0] == 0


@pytest.mark.parametrize("topic", QUOTE_ABOUT)
@pytest.mark.anyio
async def test_a_topics_facet_returns_the_quotes_about_it(compared, topic):
    facet = (await answer(compared, "/xinjiang/quotes.json?" + urlencode({"article_id": OURS}))).json()
    [value] = [v for v in facet["facet_results"]["topic_id"]["results"] if v["value"] == topic]
    path = value["toggle_url"].split("localhost", 1)[1]
    texts = [row["text"] for row in (await answer(compared, path + "&_shape=objects")).json()["rows"]]
    assert len(texts) == value["count"]
    for other, phrase in QUOTE_ABOUT.items():
        assert any(phrase in text for text in texts) == (other == topic), other


@pytest.mark.anyio
async def test_an_article_page_names_its_topics_and_leads_to_the_quotes_about_each(compared, corpus):
    html = (await answer(compared, f"/-/article/{OURS}")).text
    topics = [row["topic_id"] for row in corpus["article_topics"].rows_where("article_id = ?", [OURS])]
    assert topics
    for topic in topics:
        assert f'href="/xinjiang/quotes?{urlencode({"_topic_id": topic})}"' in html


# Labels


@pytest.mark.anyio
async def test_the_labels_comparison_separates_own_attributed_and_distanced_use(compared, corpus):
    rows = await query(compared, "terms_by_ownership", word="")
    expected = Counter((t["term_normalized"], t["usage"], side(t["ownership"])) for t in corpus["terms"].rows)
    for row in rows:
        counts = (row["state_or_party"], row["independent"], row["unknown_ownership"])
        assert counts == tuple(expected[(row["term"], row["usage"], s)] for s in ("state", "independent", "unknown"))
    assert sum(r["state_or_party"] + r["independent"] + r["unknown_ownership"] for r in rows) == corpus["terms"].count
    ours = {(t["term_normalized"], t["usage"]) for t in corpus["terms"].rows_where("article_id = ?", [OURS])}
    assert {u for _, u in ours} == {"own", "attributed", "distanced"}
    assert ours <= {(r["term"], r["usage"]) for r in rows if r["independent"]}


@pytest.mark.anyio
async def test_two_labels_shows_how_each_outlet_uses_each_label(compared, corpus):
    rows = await query(compared, "two_labels", label="vocational", other_label="internment")
    for row in rows:
        terms = list(
            corpus.query(
                "select term, usage from terms join outlets on outlets.id = terms.outlet_id where outlets.name = ?",
                [row["outlet"]],
            )
        )
        for prefix, word in (("label", "vocational"), ("other_label", "internment")):
            uses = Counter(t["usage"] for t in terms if re.search(rf"\b{word}\b", t["term"], re.IGNORECASE))
            assert [row[f"{prefix}_{u}"] for u in ("own", "attributed", "distanced")] == [
                uses["own"],
                uses["attributed"],
                uses["distanced"],
            ], (row["outlet"], prefix)
    assert any(row["label_attributed"] and row["other_label_attributed"] for row in rows)


# Affiliation


@pytest.mark.parametrize("name, who", [("figures_per_claimant", "claimant"), ("quotes_per_speaker", "speaker")])
@pytest.mark.anyio
async def test_the_charts_give_each_actors_affiliation_and_keep_the_outlets_ownership(site, seed, name, who):
    affiliation = {a["name"]: a["affiliation"] for a in seed["actors"].rows_where("reviewed = 1")}
    rows = await query(site, name)
    assert any(row[who] in affiliation for row in rows)
    for row in rows:
        if row[who] in affiliation:
            assert row["affiliation"] == affiliation[row[who]]
        assert row["ownership"]
