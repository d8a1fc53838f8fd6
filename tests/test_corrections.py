"""Reviewers' corrections: checked when the sources are read, applied to each article's rows, kept across rebuilds."""

import dataclasses
from pathlib import Path

import pytest
import sqlite_utils

from build import cli, corrections, sources
from build.actors import Actor
from build.extract import ArticleRows

HEADER = "action,table,id,article_id,value,reviewer,date,note\n"
ARTICLES = {"a1", "a2"}
ACTORS = {"wang-yi", "xi-jinping", "adrian-zenz"}


def correction(action, table, row_id, article_id="a1", value="", line=2) -> corrections.Correction:
    return corrections.Correction(
        Path("corrections.csv"),
        line,
        action,
        table,
        row_id,
        article_id,
        value,
        "A. Reviewer",
        "2026-11-23",
        "checked against the article",
    )


def article() -> ArticleRows:
    """One article of our own: Xi Jinping (also found by the model as 'xi-jinping-s'), Wang Yi, two terms."""
    return ArticleRows(
        article={"id": "a1", "text": "..."},
        mentions=[
            {"id": "m_1", "actor_id": "xi-jinping"},
            {"id": "m_2", "actor_id": "xi-jinping-s"},
            {"id": "m_3", "actor_id": "wang-yi"},
        ],
        quotes=[
            {"id": "q_1", "speaker_id": "wang-yi", "attribution": "subject"},
            {"id": "q_2", "speaker_id": None, "attribution": "none"},
            {"id": "q_3", "speaker_id": "xi-jinping-s", "attribution": "inverted"},
        ],
        figures=[
            {"id": "f_1", "claimant_id": None, "attribution": "none"},
            {"id": "f_2", "claimant_id": "xi-jinping-s", "attribution": "quote"},
        ],
        terms=[{"id": "t_1", "term": "vocational training"}, {"id": "t_2", "term": "re-education"}],
        discovered=[{"id": "xi-jinping-s", "name": "Xi Jinping’s", "type": "person", "reviewed": 0}],
    )


def by_id(rows: list[dict]) -> dict[str, dict]:
    return {row["id"]: row for row in rows}


def test_a_speaker_correction_sets_the_speaker_and_marks_the_quote_reviewed():
    quote = by_id(corrections.apply(article(), [correction("speaker", "quotes", "q_2", value="wang-yi")]).quotes)
    assert quote["q_2"] == {
        "id": "q_2",
        "speaker_id": "wang-yi",
        "speaker_text": None,
        "attribution": "review",
        "reviewed": 1,
    }


def test_a_speaker_correction_drops_the_words_that_named_the_old_speaker():
    rows = article()
    rows.quotes[0]["speaker_text"] = "the minister"
    quote = by_id(corrections.apply(rows, [correction("speaker", "quotes", "q_1", value="xi-jinping")]).quotes)["q_1"]
    assert (quote["speaker_id"], quote["speaker_text"]) == ("xi-jinping", None)


def test_a_claimant_correction_drops_the_words_that_named_the_old_claimant():
    rows = article()
    rows.figures[1]["claimant_text"] = "Xi"
    figure = by_id(corrections.apply(rows, [correction("claimant", "figures", "f_2", value="wang-yi")]).figures)["f_2"]
    assert (figure["claimant_id"], figure["claimant_text"]) == ("wang-yi", None)


def test_an_empty_speaker_leaves_the_quote_unattributed():
    quote = by_id(corrections.apply(article(), [correction("speaker", "quotes", "q_1")]).quotes)["q_1"]
    assert (quote["speaker_id"], quote["reviewed"]) == (None, 1)


def test_a_claimant_correction_sets_the_claimant_and_marks_the_figure_reviewed():
    figure = by_id(
        corrections.apply(article(), [correction("claimant", "figures", "f_1", value="adrian-zenz")]).figures
    )["f_1"]
    assert (figure["claimant_id"], figure["attribution"], figure["reviewed"]) == ("adrian-zenz", "review", 1)


@pytest.mark.parametrize(("table", "row_id"), [("quotes", "q_1"), ("figures", "f_2"), ("terms", "t_1")])
def test_a_rejected_row_is_removed_and_the_others_stay(table, row_id):
    before = getattr(article(), table)
    after = getattr(corrections.apply(article(), [correction("reject", table, row_id)]), table)
    assert [row["id"] for row in after] == [row["id"] for row in before if row["id"] != row_id]


def test_rows_no_correction_touches_are_unchanged_but_for_reviewed_0():
    rows = corrections.apply(article(), [correction("speaker", "quotes", "q_2", value="wang-yi")])
    assert by_id(rows.quotes)["q_1"] == by_id(article().quotes)["q_1"] | {"reviewed": 0}
    assert all(row["reviewed"] == 0 for row in rows.figures + rows.mentions)


def test_a_merge_makes_every_reference_name_the_target():
    rows = corrections.apply(article(), [correction("merge", "actors", "xi-jinping-s", "", "xi-jinping")])
    assert by_id(rows.mentions)["m_2"]["actor_id"] == "xi-jinping"
    assert by_id(rows.quotes)["q_3"]["speaker_id"] == "xi-jinping"
    assert by_id(rows.figures)["f_2"]["claimant_id"] == "xi-jinping"


def test_a_merge_marks_the_mentions_it_decided_reviewed_but_not_the_quotes():
    rows = corrections.apply(article(), [correction("merge", "actors", "xi-jinping-s", "", "xi-jinping")])
    assert {m["id"]: m["reviewed"] for m in rows.mentions} == {"m_1": 0, "m_2": 1, "m_3": 0}
    # The reviewer said who 'xi-jinping-s' is, not that the rules attributed the quote right.
    assert by_id(rows.quotes)["q_3"]["reviewed"] == 0


def test_a_merged_actor_found_by_the_model_is_no_longer_listed():
    rows = corrections.apply(article(), [correction("merge", "actors", "xi-jinping-s", "", "xi-jinping")])
    assert rows.discovered == []


def test_corrections_of_another_article_change_nothing_here():
    rows = corrections.apply(article(), [correction("reject", "quotes", "q_9", article_id="a2")])
    assert [q["id"] for q in rows.quotes] == ["q_1", "q_2", "q_3"]


def test_apply_leaves_the_rows_it_is_given_as_they_were():
    given = article()
    corrections.apply(
        given,
        [
            correction("speaker", "quotes", "q_2", value="wang-yi"),
            correction("reject", "terms", "t_1"),
            correction("merge", "actors", "xi-jinping-s", "", "xi-jinping"),
        ],
    )
    assert given == article()


def test_a_correction_whose_row_is_gone_names_its_line_and_the_article():
    with pytest.raises(sources.SourceError) as failure:
        corrections.apply(article(), [correction("reject", "quotes", "q_gone", line=7)])
    error = failure.value
    assert (error.path, error.line, error.column) == ("corrections.csv", 7, "id")
    assert "article 'a1' has no quotes row 'q_gone'" in error.message


def test_a_correction_naming_a_row_of_another_table_is_refused():
    with pytest.raises(sources.SourceError) as failure:
        corrections.apply(article(), [correction("reject", "quotes", "f_1")])
    assert failure.value.column == "table"
    assert "'f_1' is a row of figures, not of quotes" in failure.value.message


def test_merging_curated_actors_moves_names_aliases_metonyms_and_titles_to_the_target():
    government = Actor(
        "government-of-china", "Government of China", "government", ("Chinese government",), ("Beijing",)
    )
    council = Actor(
        "state-council", "State Council", "government", ("the State Council",), ("Zhongnanhai",), ("the cabinet",)
    )
    merged = corrections.merge_actors(
        [government, council], [correction("merge", "actors", "state-council", "", "government-of-china")]
    )
    assert merged == [
        dataclasses.replace(
            government,
            aliases=("Chinese government", "State Council", "the State Council"),
            metonyms=("Beijing", "Zhongnanhai"),
            titles=("the cabinet",),
        )
    ]


def test_merging_an_actor_the_registry_lacks_leaves_the_registry_as_it_is():
    registry = [Actor("xi-jinping", "Xi Jinping", "person")]
    assert (
        corrections.merge_actors(registry, [correction("merge", "actors", "xi-jinping-s", "", "xi-jinping")])
        == registry
    )


def write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "corrections.csv"
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_load_reads_every_kind_of_correction(tmp_path):
    path = write(
        tmp_path,
        "speaker,quotes,q_1,a1,wang-yi,A. Reviewer,2026-11-23,said by the minister",
        "claimant,figures,f_1,a1,,A. Reviewer,2026-11-23,the outlet's own number",
        "reject,terms,t_1,a2,,A. Reviewer,2026-11-23,a book title",
        "merge,actors,xi-jinping-s,,xi-jinping,A. Reviewer,2026-11-23,possessive",
    )
    loaded = corrections.load(path, ARTICLES, ACTORS)
    assert [(c.line, c.action, c.id, c.value) for c in loaded] == [
        (2, "speaker", "q_1", "wang-yi"),
        (3, "claimant", "f_1", ""),
        (4, "reject", "t_1", ""),
        (5, "merge", "xi-jinping-s", "xi-jinping"),
    ]


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("retract,quotes,q_1,a1,,R,2026-11-23,n", "action", "'retract' is not one of: claimant, merge, reject"),
        ("speaker,figures,f_1,a1,wang-yi,R,2026-11-23,n", "table", "a speaker correction applies to quotes, not"),
        ("merge,quotes,q_1,,wang-yi,R,2026-11-23,n", "table", "a merge correction applies to actors"),
        ("reject,quotes,q_1,,,R,2026-11-23,n", "article_id", "required for a reject correction"),
        ("reject,quotes,q_1,a9,,R,2026-11-23,n", "article_id", "unknown article 'a9'"),
        ("reject,quotes,q_1,a1,wang-yi,R,2026-11-23,n", "value", "a rejection takes no value"),
        ("speaker,quotes,q_1,a1,wang-yi-2,R,2026-11-23,n", "value", "unknown actor 'wang-yi-2'"),
        ("merge,actors,xi-jinping-s,a1,xi-jinping,R,2026-11-23,n", "article_id", "a merge applies to every article"),
        ("merge,actors,xi-jinping-s,,,R,2026-11-23,n", "value", "a merge needs the id of the actor to merge into"),
        ("merge,actors,wang-yi,,wang-yi,R,2026-11-23,n", "value", "cannot be merged into itself"),
        ("reject,quotes,q_1,a1,,,2026-11-23,n", "reviewer", "required value is empty"),
        ("reject,quotes,q_1,a1,,R,23/11/2026,n", "date", "invalid date '23/11/2026': use YYYY-MM-DD"),
        ("reject,quotes,q_1,a1,,R,2026-11-23,", "note", "required value is empty"),
    ],
)
def test_a_bad_correction_is_refused_with_its_line_and_column(tmp_path, row, column, message):
    with pytest.raises(sources.SourceError) as failure:
        corrections.load(write(tmp_path, "reject,terms,t_1,a1,,R,2026-11-23,n", row), ARTICLES, ACTORS)
    error = failure.value
    assert (Path(error.path).name, error.line, error.column) == ("corrections.csv", 3, column)
    assert message in error.message


def test_two_corrections_of_one_row_are_refused(tmp_path):
    path = write(tmp_path, "reject,quotes,q_1,a1,,R,2026-11-23,n", "speaker,quotes,q_1,a1,wang-yi,R,2026-11-23,n")
    with pytest.raises(sources.SourceError) as failure:
        corrections.load(path, ARTICLES, ACTORS)
    assert (failure.value.line, failure.value.column) == (3, "id")
    assert "first on line 2" in failure.value.message


def test_a_choice_of_an_actor_merged_away_is_refused(tmp_path):
    path = write(
        tmp_path, "merge,actors,adrian-zenz,,wang-yi,R,2026-11-23,n", "speaker,quotes,q_1,a1,adrian-zenz,R,2026-11-23,n"
    )
    with pytest.raises(sources.SourceError) as failure:
        corrections.load(path, ARTICLES, ACTORS)
    assert (failure.value.line, failure.value.column) == (3, "value")
    assert "'adrian-zenz' is itself merged into 'wang-yi': use 'wang-yi'" in failure.value.message


def test_the_build_refuses_a_bad_corrections_file(source_copy, tmp_path):
    (source_copy / "corrections.csv").write_text(
        HEADER + "reject,quotes,q_1,no-such-article,,R,2026-11-23,n\n", encoding="utf-8"
    )
    with pytest.raises(sources.SourceError) as failure:
        cli.build(source_copy, tmp_path / "x.db")
    assert "corrections.csv, line 2, column 'article_id': unknown article 'no-such-article'" in str(failure.value)


def test_a_rebuild_applies_the_corrections(seed_db, source_copy, tmp_path):
    seed = sqlite_utils.Database(seed_db)
    quote = next(seed.query("select id, article_id from quotes where speaker_id is null"))
    figure = next(seed.query("select id, article_id from figures"))
    term = next(seed.query("select id, article_id from terms"))
    (source_copy / "corrections.csv").write_text(
        HEADER
        + "".join(
            f"{row}\n"
            for row in [
                f"speaker,quotes,{quote['id']},{quote['article_id']},xi-jinping,R,2026-11-23,n",
                f"reject,figures,{figure['id']},{figure['article_id']},,R,2026-11-23,n",
                f"reject,terms,{term['id']},{term['article_id']},,R,2026-11-23,n",
                "merge,actors,wang-yi,,xi-jinping,R,2026-11-23,two curated actors merged for the test",
            ]
        ),
        encoding="utf-8",
    )
    cli.build(source_copy, tmp_path / "x.db")
    db = sqlite_utils.Database(tmp_path / "x.db")
    assert db["quotes"].get(quote["id"])["speaker_id"] == "xi-jinping"
    assert db.execute("select count(*) from quotes where reviewed = 1").fetchone()[0] == 1
    assert not db["figures"].count_where("id = ?", [figure["id"]])
    assert not db["terms"].count_where("id = ?", [term["id"]])
    assert not db["actors"].count_where("id = 'wang-yi'")
    assert db["actor_aliases"].get(("xi-jinping", "Wang Yi"))["kind"] == "alias"
    assert not db.execute("select count(*) from mentions where actor_id = 'wang-yi'").fetchone()[0]
