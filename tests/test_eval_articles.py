"""Extraction on articles written for evaluation (tests/eval/), annotated by hand without sight of the extractor.

The seeds are the articles the extractors were first written against; these are other outlets' house styles
(BBC single quotes, wire copy, a press-conference transcript, state-media statistics), so they show how the
rules carry over. They were used while improving the rules, so the line they hold is a regression guard,
not a blind score: docs/EVALUATION.md gives the blind one.
"""

import csv
import shutil

import pytest

from build import cli

from .conftest import ROOT, SOURCES, require_scorer, score

EVAL = ROOT / "tests" / "eval"
REGISTRIES = ("actors.csv", "not_actors.csv")


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    require_scorer()
    folder = tmp_path_factory.mktemp("eval") / "sources"
    shutil.copytree(EVAL / "articles", folder / "articles")
    shutil.copy(EVAL / "articles.csv", folder / "articles.csv")
    for name in REGISTRIES:
        shutil.copy(SOURCES / name, folder / name)
    _merge_outlets(SOURCES / "outlets.csv", EVAL / "outlets.csv", folder / "outlets.csv")
    db = folder.parent / "eval.db"
    cli.build(folder, db, jobs=2)
    return score(EVAL / "gold.yml", db)


def _merge_outlets(ours, theirs, merged):
    rows = list(csv.DictReader(ours.open(encoding="utf-8")))
    known = {row["id"] for row in rows}
    rows += [row for row in csv.DictReader(theirs.open(encoding="utf-8")) if row["id"] not in known]
    with merged.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_every_evaluation_article_is_built(scores):
    assert scores["articles_missing"] == []


def test_quotes_on_other_house_styles(scores):
    quotes = scores["quotes"]
    assert quotes["direct_end_to_end"]["f1"] >= 0.9
    assert quotes["attribution_accuracy"] >= 0.97
    assert quotes["recall_indirect"] >= 0.78


def test_figures_on_other_house_styles(scores):
    figures = scores["figures"]
    assert figures["f1"] >= 0.97
    assert figures["unit_accuracy"] >= 0.88
    assert figures["claimant_accuracy"] >= 0.9


def test_actors_on_other_house_styles(scores):
    assert scores["actors"]["f1"] >= 0.93
