"""Extraction on articles written for evaluation (tests/eval/), annotated by hand without sight of the extractor.

The seeds are the articles the extractors were first written against; these are other outlets' house styles
(BBC single quotes, wire copy, a press-conference transcript, state-media statistics), so they show how the
rules carry over. Each set holds a line a little below its score when the line was set, and a line only goes up:
a change that helps one outlet's style and breaks another's shows up in `make test`.

- tests/eval/ (33 articles) was used while improving the rules, batch after batch: a regression guard.
- tests/eval/blind-1300/ to blind-2100/ (10 to 20 articles each) were each scored blind once, then used while
  improving the rules (docs/EVALUATION.md says when and against which code).
- tests/eval/blind-2200/ (15 articles) was scored blind once against the rules of the round that wrote it, then
  used for a few more rules.
- tests/eval/blind-2300/ (15 articles) was scored blind once against that round's final rules, then used for a
  few rules of the next round.
- tests/eval/blind-2400/ and blind-2500/ (15 articles each) were each scored blind once against the code before
  their round and against that round's final rules, then used for a few rules of the next round.
- tests/eval/blind-2600/ (15 articles) was written at the end of that round and scored blind once against its
  final rules and the code before it, then used for a few rules of the next round.
- tests/eval/blind-2700/ to blind-3700/ (15 articles each) were each scored blind once against the code before
  their round and against that round's final rules; nothing was changed for them, then each was used for a few
  rules of the next round.
- tests/eval/blind-3800/ (15 articles) was scored blind against the code before the two rounds it was kept out of
  and against each round's final rules, then used for a few rules of the next round.
- tests/eval/blind-3900/ (15 articles) was scored blind once against the code before its round and against that
  round's final rules; nothing was changed for it, then it was used for a few rules of the next round.
- tests/eval/blind-4000/ and blind-4100/ (15 articles each) were each scored blind once against the code before
  the round of batch 4000 and against that round's final rules; nothing was changed for them, then they were used
  for a few rules of the next round.
- tests/eval/blind-4200/ (15 articles) was scored blind once against the code before its round and against that
  round's final rules; nothing was changed for it, then it was used for a few rules of the next round.
- tests/eval/blind-4300/ (15 articles) was scored blind once against the code before its round and against that
  round's final rules; nothing was changed for it, then it was used for a few rules of the next round.
- tests/eval/blind-4400/ and blind-4500/ (15 articles each) were each scored blind once against the code before
  the 4400 round and against its first rules; nothing was changed for them before both scores were taken, then
  their failures were read for the round's last rules.
- tests/eval/blind-4600/ (15 articles) was scored blind once against the code before the 4400 round and against
  its final rules; nothing was changed for it, then it was used for the next round.
- tests/eval/blind-4700/ (15 articles) was scored blind once against the code before the 4600 round and against
  that round's final rules; nothing was changed for it, then it was used for the next round.
- tests/eval/blind-4800/ and blind-4900/ (15 articles each) were each scored blind once against the code before
  the 4800 round and against its final rules; nothing was changed for 4800, and one fix to a rule of the round was
  made after reading 4900, then both were used for the next round.
- tests/eval/blind-5000/ (15 articles) was scored blind once against the code before the 5000 round and against
  that round's final rules; nothing was changed for it, then it was used for the next round.
- tests/eval/blind-5100/ and blind-5200/ (15 articles each) were each scored blind once against the code before
  the 5100 round and against its final rules; nothing was changed for 5100, and one fix to a rule of the round was
  made after reading 5200.
- tests/eval/blind-5300/ (15 articles) was written after the 5100 round's rules were final and scored blind once
  against them; nothing was changed for it, then it was used for the measure round.
- tests/eval/blind-5400/ and blind-5500/ (15 articles each) were each scored blind once against the code before
  the measure round and against its final rules; nothing was changed for them, then they were used for the next
  round.
- tests/eval/blind-5700/ (15 articles) was scored blind once against the code before the 5700 round and against
  its final rules; nothing was changed for it, then it was used for the 5900 round.
- tests/eval/blind-5800/ (15 articles) was written after the 5700 round's rules were final and scored blind once
  against them (and against the code before that round); nothing was changed for it, then it was used for the
  5900 round.
- tests/eval/blind-5900/ (15 articles) was scored blind once against the code before the 5900 round and against
  its final rules; nothing was changed for it, then it was used for the 6000 round.
- tests/eval/blind-6000/ (15 articles) was scored blind once against the code before the 6000 round and against
  its final rules; nothing was changed for it, then it was used for the 6100 round.
- tests/eval/blind-6100/ (15 articles) was scored blind once against the code before the 6100 round and against
  its final rules; nothing was changed for it, then it was used for the 6200 round.
- tests/eval/blind-6200/ (15 articles) was scored blind once against the code before the 6200 round and against
  its final rules; nothing was changed for it, then it was used for the 6300 round.
- tests/eval/blind-6300/ (15 articles) was scored blind once against the code before the 6300 round and against
  its final rules; nothing was changed for it, then it was used for the 6400 round.
- tests/eval/blind-6400/ (15 articles) was scored blind once against the code before the 6400 round and against
  its final rules; nothing was changed for it, then it was used for the 6500 round.
- tests/eval/blind-6500/ (15 articles) was scored blind once against the code before the 6500 round and against
  its final rules; nothing was changed for it, then it was used for the 6600 round.
- tests/eval/blind-6600/ (15 articles) was scored blind once against the code before the 6600 round and against
  its final rules; nothing was changed for it. Its line guards the blind score docs/EVALUATION.md and the README
  report.
"""

import csv
import shutil

import pytest

from build import cli

from .conftest import ROOT, SOURCES, require_scorer, score

EVAL = ROOT / "tests" / "eval"
REGISTRIES = ("actors.csv", "not_actors.csv")

# set: {score: line}; "direct e2e" is direct end-to-end F1.
LINES = {
    "": {
        "direct e2e": 0.9,
        "attribution": 0.98,
        "indirect recall": 0.94,
        "figure F1": 0.98,
        "unit": 0.92,
        "claimant": 0.92,
        "measure": 0.72,
        "actor F1": 0.97,
    },
    "blind-1300": {
        "direct e2e": 0.89,
        "attribution": 0.94,
        "indirect recall": 0.88,
        "figure F1": 0.91,
        "unit": 0.9,
        "claimant": 0.78,
        "measure": 0.63,
        "actor F1": 0.92,
    },
    "blind-1400": {
        "direct e2e": 0.86,
        "attribution": 0.96,
        "indirect recall": 0.8,
        "figure F1": 0.91,
        "unit": 0.91,
        "claimant": 0.84,
        "measure": 0.76,
        "actor F1": 0.9,
    },
    "blind-1500": {
        "direct e2e": 0.82,
        "attribution": 0.92,
        "indirect recall": 0.79,
        "figure F1": 0.97,
        "unit": 0.87,
        "claimant": 0.83,
        "measure": 0.61,
        "actor F1": 0.94,
    },
    "blind-1600": {
        "direct e2e": 0.81,
        "attribution": 0.88,
        "indirect recall": 0.77,
        "figure F1": 0.9,
        "unit": 0.9,
        "claimant": 0.85,
        "measure": 0.76,
        "actor F1": 0.89,
    },
    "blind-1700": {
        "direct e2e": 0.83,
        "attribution": 0.94,
        "indirect recall": 0.78,
        "figure F1": 0.96,
        "unit": 0.89,
        "claimant": 0.83,
        "measure": 0.73,
        "actor F1": 0.93,
    },
    "blind-1800": {
        "direct e2e": 0.78,
        "attribution": 0.89,
        "indirect recall": 0.73,
        "figure F1": 0.94,
        "unit": 0.91,
        "claimant": 0.79,
        "measure": 0.72,
        "actor F1": 0.91,
    },
    "blind-1900": {
        "direct e2e": 0.79,
        "attribution": 0.92,
        "indirect recall": 0.72,
        "figure F1": 0.94,
        "unit": 0.88,
        "claimant": 0.7,
        "measure": 0.74,
        "actor F1": 0.93,
    },
    "blind-2000": {
        "direct e2e": 0.84,
        "attribution": 0.91,
        "indirect recall": 0.82,
        "figure F1": 0.92,
        "unit": 0.89,
        "claimant": 0.82,
        "measure": 0.62,
        "actor F1": 0.91,
    },
    "blind-2100": {
        "direct e2e": 0.78,
        "attribution": 0.89,
        "indirect recall": 0.8,
        "figure F1": 0.93,
        "unit": 0.88,
        "claimant": 0.82,
        "measure": 0.71,
        "actor F1": 0.91,
    },
    "blind-2200": {
        "direct e2e": 0.8,
        "attribution": 0.91,
        "indirect recall": 0.71,
        "figure F1": 0.94,
        "unit": 0.88,
        "claimant": 0.83,
        "measure": 0.66,
        "actor F1": 0.88,
    },
    "blind-2300": {
        "direct e2e": 0.78,
        "attribution": 0.86,
        "indirect recall": 0.8,
        "figure F1": 0.95,
        "unit": 0.86,
        "claimant": 0.79,
        "measure": 0.67,
        "actor F1": 0.88,
    },
    "blind-2400": {
        "direct e2e": 0.82,
        "attribution": 0.92,
        "indirect recall": 0.66,
        "figure F1": 0.89,
        "unit": 0.84,
        "claimant": 0.75,
        "measure": 0.61,
        "actor F1": 0.89,
    },
    "blind-2500": {
        "direct e2e": 0.79,
        "attribution": 0.87,
        "indirect recall": 0.77,
        "figure F1": 0.89,
        "unit": 0.87,
        "claimant": 0.58,
        "measure": 0.72,
        "actor F1": 0.9,
    },
    "blind-2600": {
        "direct e2e": 0.74,
        "attribution": 0.88,
        "indirect recall": 0.75,
        "figure F1": 0.96,
        "unit": 0.9,
        "claimant": 0.84,
        "measure": 0.73,
        "actor F1": 0.9,
    },
    "blind-2700": {
        "direct e2e": 0.74,
        "attribution": 0.86,
        "indirect recall": 0.74,
        "figure F1": 0.93,
        "unit": 0.89,
        "claimant": 0.75,
        "measure": 0.61,
        "actor F1": 0.89,
    },
    "blind-2800": {
        "direct e2e": 0.81,
        "attribution": 0.91,
        "indirect recall": 0.85,
        "figure F1": 0.94,
        "unit": 0.88,
        "claimant": 0.65,
        "measure": 0.77,
        "actor F1": 0.92,
    },
    "blind-2900": {
        "direct e2e": 0.75,
        "attribution": 0.85,
        "indirect recall": 0.85,
        "figure F1": 0.97,
        "unit": 0.89,
        "claimant": 0.76,
        "measure": 0.63,
        "actor F1": 0.91,
    },
    "blind-3000": {
        "direct e2e": 0.81,
        "attribution": 0.89,
        "indirect recall": 0.85,
        "figure F1": 0.94,
        "unit": 0.88,
        "claimant": 0.73,
        "measure": 0.76,
        "actor F1": 0.89,
    },
    "blind-3100": {
        "direct e2e": 0.79,
        "attribution": 0.9,
        "indirect recall": 0.83,
        "figure F1": 0.92,
        "unit": 0.86,
        "claimant": 0.84,
        "measure": 0.66,
        "actor F1": 0.9,
    },
    "blind-3200": {
        "direct e2e": 0.79,
        "attribution": 0.91,
        "indirect recall": 0.88,
        "figure F1": 0.96,
        "unit": 0.91,
        "claimant": 0.82,
        "measure": 0.66,
        "actor F1": 0.9,
    },
    "blind-3300": {
        "direct e2e": 0.76,
        "attribution": 0.91,
        "indirect recall": 0.78,
        "figure F1": 0.93,
        "unit": 0.92,
        "claimant": 0.86,
        "measure": 0.67,
        "actor F1": 0.9,
    },
    "blind-3400": {
        "direct e2e": 0.78,
        "attribution": 0.92,
        "indirect recall": 0.79,
        "figure F1": 0.94,
        "unit": 0.86,
        "claimant": 0.75,
        "measure": 0.69,
        "actor F1": 0.89,
    },
    "blind-3500": {
        "direct e2e": 0.77,
        "attribution": 0.93,
        "indirect recall": 0.8,
        "figure F1": 0.93,
        "unit": 0.91,
        "claimant": 0.82,
        "measure": 0.73,
        "actor F1": 0.9,
    },
    "blind-3600": {
        "direct e2e": 0.75,
        "attribution": 0.88,
        "indirect recall": 0.84,
        "figure F1": 0.91,
        "unit": 0.91,
        "claimant": 0.74,
        "measure": 0.7,
        "actor F1": 0.9,
    },
    "blind-3700": {
        "direct e2e": 0.77,
        "attribution": 0.9,
        "indirect recall": 0.87,
        "figure F1": 0.93,
        "unit": 0.9,
        "claimant": 0.77,
        "measure": 0.71,
        "actor F1": 0.89,
    },
    "blind-3800": {
        "direct e2e": 0.83,
        "attribution": 0.93,
        "indirect recall": 0.9,
        "figure F1": 0.95,
        "unit": 0.92,
        "claimant": 0.89,
        "measure": 0.68,
        "actor F1": 0.93,
    },
    "blind-3900": {
        "direct e2e": 0.8,
        "attribution": 0.92,
        "indirect recall": 0.82,
        "figure F1": 0.88,
        "unit": 0.91,
        "claimant": 0.85,
        "measure": 0.76,
        "actor F1": 0.89,
    },
    "blind-4000": {
        "direct e2e": 0.84,
        "attribution": 0.94,
        "indirect recall": 0.9,
        "figure F1": 0.93,
        "unit": 0.92,
        "claimant": 0.81,
        "measure": 0.72,
        "actor F1": 0.92,
    },
    "blind-4100": {
        "direct e2e": 0.76,
        "attribution": 0.94,
        "indirect recall": 0.81,
        "figure F1": 0.96,
        "unit": 0.91,
        "claimant": 0.92,
        "measure": 0.71,
        "actor F1": 0.93,
    },
    "blind-4200": {
        "direct e2e": 0.79,
        "attribution": 0.92,
        "indirect recall": 0.88,
        "figure F1": 0.94,
        "unit": 0.88,
        "claimant": 0.9,
        "measure": 0.69,
        "actor F1": 0.91,
    },
    "blind-4300": {
        "direct e2e": 0.76,
        "attribution": 0.89,
        "indirect recall": 0.79,
        "figure F1": 0.94,
        "unit": 0.89,
        "claimant": 0.79,
        "measure": 0.69,
        "actor F1": 0.89,
    },
    "blind-4400": {
        "direct e2e": 0.78,
        "attribution": 0.95,
        "indirect recall": 0.78,
        "figure F1": 0.88,
        "unit": 0.9,
        "claimant": 0.9,
        "measure": 0.74,
        "actor F1": 0.92,
    },
    "blind-4500": {
        "direct e2e": 0.82,
        "attribution": 0.96,
        "indirect recall": 0.87,
        "figure F1": 0.91,
        "unit": 0.91,
        "claimant": 0.92,
        "measure": 0.73,
        "actor F1": 0.95,
    },
    "blind-4600": {
        "direct e2e": 0.82,
        "attribution": 0.96,
        "indirect recall": 0.82,
        "figure F1": 0.95,
        "unit": 0.91,
        "claimant": 0.92,
        "measure": 0.7,
        "actor F1": 0.93,
    },
    "blind-4700": {
        "direct e2e": 0.77,
        "attribution": 0.89,
        "indirect recall": 0.82,
        "figure F1": 0.94,
        "unit": 0.88,
        "claimant": 0.86,
        "measure": 0.72,
        "actor F1": 0.9,
    },
    "blind-4800": {
        "direct e2e": 0.75,
        "attribution": 0.91,
        "indirect recall": 0.78,
        "figure F1": 0.93,
        "unit": 0.86,
        "claimant": 0.86,
        "measure": 0.66,
        "actor F1": 0.9,
    },
    "blind-4900": {
        "direct e2e": 0.72,
        "attribution": 0.89,
        "indirect recall": 0.69,
        "figure F1": 0.91,
        "unit": 0.86,
        "claimant": 0.66,
        "measure": 0.56,
        "actor F1": 0.9,
    },
    "blind-5000": {
        "direct e2e": 0.8,
        "attribution": 0.9,
        "indirect recall": 0.86,
        "figure F1": 0.95,
        "unit": 0.89,
        "claimant": 0.78,
        "measure": 0.73,
        "actor F1": 0.92,
    },
    "blind-5100": {
        "direct e2e": 0.84,
        "attribution": 0.97,
        "indirect recall": 0.81,
        "figure F1": 0.96,
        "unit": 0.87,
        "claimant": 0.86,
        "measure": 0.71,
        "actor F1": 0.92,
    },
    "blind-5200": {
        "direct e2e": 0.81,
        "attribution": 0.92,
        "indirect recall": 0.84,
        "figure F1": 0.92,
        "unit": 0.87,
        "claimant": 0.67,
        "measure": 0.63,
        "actor F1": 0.9,
    },
    "blind-5300": {
        "direct e2e": 0.76,
        "attribution": 0.9,
        "indirect recall": 0.71,
        "figure F1": 0.94,
        "unit": 0.86,
        "claimant": 0.82,
        "measure": 0.7,
        "actor F1": 0.89,
    },
    "blind-5400": {
        "direct e2e": 0.73,
        "attribution": 0.88,
        "indirect recall": 0.83,
        "figure F1": 0.91,
        "unit": 0.85,
        "claimant": 0.76,
        "measure": 0.61,
        "actor F1": 0.9,
    },
    "blind-5500": {
        "direct e2e": 0.73,
        "attribution": 0.84,
        "indirect recall": 0.72,
        "figure F1": 0.92,
        "unit": 0.87,
        "claimant": 0.64,
        "measure": 0.65,
        "actor F1": 0.87,
    },
    "blind-5700": {
        "direct e2e": 0.79,
        "attribution": 0.88,
        "indirect recall": 0.81,
        "figure F1": 0.95,
        "unit": 0.9,
        "claimant": 0.77,
        "measure": 0.73,
        "actor F1": 0.87,
    },
    "blind-5800": {
        "direct e2e": 0.73,
        "attribution": 0.89,
        "indirect recall": 0.81,
        "figure F1": 0.94,
        "unit": 0.88,
        "claimant": 0.79,
        "measure": 0.7,
        "actor F1": 0.87,
    },
    "blind-5900": {
        "direct e2e": 0.76,
        "attribution": 0.91,
        "indirect recall": 0.8,
        "figure F1": 0.93,
        "unit": 0.88,
        "claimant": 0.62,
        "measure": 0.75,
        "actor F1": 0.87,
    },
    "blind-6000": {
        "direct e2e": 0.73,
        "attribution": 0.9,
        "indirect recall": 0.74,
        "figure F1": 0.93,
        "unit": 0.86,
        "claimant": 0.74,
        "measure": 0.65,
        "actor F1": 0.87,
    },
    "blind-6100": {
        "direct e2e": 0.81,
        "attribution": 0.93,
        "indirect recall": 0.87,
        "figure F1": 0.91,
        "unit": 0.85,
        "claimant": 0.91,
        "measure": 0.72,
        "actor F1": 0.9,
    },
    "blind-6200": {
        "direct e2e": 0.7,
        "attribution": 0.83,
        "indirect recall": 0.79,
        "figure F1": 0.93,
        "unit": 0.87,
        "claimant": 0.74,
        "measure": 0.63,
        "actor F1": 0.88,
    },
    "blind-6300": {
        "direct e2e": 0.72,
        "attribution": 0.87,
        "indirect recall": 0.72,
        "figure F1": 0.94,
        "unit": 0.87,
        "claimant": 0.83,
        "measure": 0.69,
        "actor F1": 0.92,
    },
    "blind-6400": {
        "direct e2e": 0.72,
        "attribution": 0.82,
        "indirect recall": 0.75,
        "figure F1": 0.92,
        "unit": 0.84,
        "claimant": 0.76,
        "measure": 0.68,
        "actor F1": 0.88,
    },
    "blind-6500": {
        "direct e2e": 0.8,
        "attribution": 0.93,
        "indirect recall": 0.72,
        "figure F1": 0.93,
        "unit": 0.85,
        "claimant": 0.82,
        "measure": 0.73,
        "actor F1": 0.87,
    },
    "blind-6600": {
        "direct e2e": 0.71,
        "attribution": 0.83,
        "indirect recall": 0.72,
        "figure F1": 0.95,
        "unit": 0.84,
        "claimant": 0.67,
        "measure": 0.73,
        "actor F1": 0.83,
    },
}


@pytest.fixture(scope="module", params=sorted(LINES), ids=lambda name: name or "tests/eval")
def evaluated(request, tmp_path_factory):
    """(set name, scores) for one evaluation set, built with the seeds' registries and its own outlets."""
    require_scorer()
    folder = EVAL / request.param
    sources = tmp_path_factory.mktemp("eval") / "sources"
    shutil.copytree(folder / "articles", sources / "articles")
    shutil.copy(folder / "articles.csv", sources / "articles.csv")
    for name in REGISTRIES:
        shutil.copy(SOURCES / name, sources / name)
    _merge_outlets(SOURCES / "outlets.csv", folder / "outlets.csv", sources / "outlets.csv")
    db = sources.parent / "eval.db"
    cli.build(sources, db, jobs=2)
    return request.param, score(folder / "gold.yml", db)


def _merge_outlets(ours, theirs, merged):
    rows = list(csv.DictReader(ours.open(encoding="utf-8")))
    known = {row["id"] for row in rows}
    rows += [row for row in csv.DictReader(theirs.open(encoding="utf-8")) if row["id"] not in known]
    with merged.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _named(scores: dict) -> dict[str, float]:
    quotes, figures = scores["quotes"], scores["figures"]
    return {
        "direct e2e": quotes["direct_end_to_end"]["f1"],
        "attribution": quotes["attribution_accuracy"],
        "indirect recall": quotes["recall_indirect"],
        "figure F1": figures["f1"],
        "unit": figures["unit_accuracy"],
        "claimant": figures["claimant_accuracy"],
        "measure": figures["measure_accuracy"],
        "actor F1": scores["actors"]["f1"],
    }


def test_every_evaluation_article_is_built(evaluated):
    _, scores = evaluated
    assert scores["articles_missing"] == []


def test_each_evaluation_set_holds_its_line(evaluated):
    name, scores = evaluated
    below = {what: (got, LINES[name][what]) for what, got in _named(scores).items() if got < LINES[name][what]}
    assert below == {}
