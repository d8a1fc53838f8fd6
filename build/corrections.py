"""Reviewers' corrections (sources/corrections.csv), applied on every build so that human review survives rebuilds.

One row per decision, naming the row it is about by the id the database shows:

| action   | table                  | id                  | article_id    | value                                     |
| -------- | ---------------------- | ------------------- | ------------- | ----------------------------------------- |
| speaker  | quotes                 | the quote's id      | its article   | who said it (an actors.csv id), or empty  |
| claimant | figures                | the figure's id     | its article   | who claims it (an actors.csv id), or empty |
| reject   | quotes, figures, terms | the row's id        | its article   | empty                                     |
| merge    | actors                 | the actor to remove | empty         | the actors.csv id it is merged into       |

The extraction itself never reads this file: corrections change its rows afterwards (`apply`, and `merge_actors`
for the registry), so editing a correction re-extracts nothing. A merged actor's names become aliases of its
target when it is in actors.csv; one the model found has no registry entry, so its mentions simply name the
target (add the name to the target's aliases in actors.csv for the registry to match it directly).

A quote's, figure's or term's id is derived from its text, so it changes when the extractor changes that text.
A correction whose row is no longer there stops the build instead of being skipped: skipping it would silently
lose the review, and the error says which correction to look at again.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .records import Actor, ArticleRows, Correction
from .validate import Choice, Column, IsoDate, Schema, SourceError, read

SPEAKER, CLAIMANT, REJECT, MERGE = "speaker", "claimant", "reject", "merge"
# The tables each action applies to.
TABLES = {SPEAKER: ("quotes",), CLAIMANT: ("figures",), REJECT: ("quotes", "figures", "terms"), MERGE: ("actors",)}
# What `attribution` says on a quote or figure whose speaker or claimant a reviewer set.
REVIEW = "review"

SCHEMA = Schema(
    {
        "action": Column(Choice(TABLES), required=True),
        "table": Column(Choice({t for tables in TABLES.values() for t in tables}), required=True),
        "id": Column(required=True),
        "article_id": Column(),
        "value": Column(),
        "reviewer": Column(required=True),
        "date": Column(IsoDate(), required=True),
        "note": Column(required=True),
    },
    key="id",
)


def load(path, article_ids: set[str], actor_ids: set[str]) -> list[Correction]:
    """The checked corrections. `article_ids` are the articles of articles.csv, `actor_ids` the actors of actors.csv:
    a reviewer's speaker, claimant or merge target must be a curated actor, since review vouches for it."""
    path = Path(path)
    found = [Correction(path, line, **row) for line, row in read(path, SCHEMA)]
    merged = merges(found)
    for correction in found:
        _check(correction, article_ids, actor_ids, merged)
    return found


def merges(corrections: list[Correction]) -> dict[str, str]:
    """Actor id → the id of the actor it is merged into."""
    return {c.id: c.value for c in corrections if c.action == MERGE}


def merge_actors(actors: list[Actor], corrections: list[Correction]) -> list[Actor]:
    """The registry with each merged actor folded into its target: its name and aliases become the target's
    aliases, and its metonyms and titles the target's."""
    merged = merges(corrections)
    kept = {a.id: a for a in actors if a.id not in merged}
    for actor in actors:
        if actor.id in merged:
            target = kept[merged[actor.id]]
            kept[target.id] = replace(
                target,
                aliases=_added(target.aliases, (actor.name, *actor.aliases), target.name),
                metonyms=_added(target.metonyms, actor.metonyms, target.name),
                titles=_added(target.titles, actor.titles, target.name),
            )
    return list(kept.values())


def apply(rows: ArticleRows, corrections: list[Correction]) -> ArticleRows:
    """One article's rows with the corrections applied. Rejected rows are gone; merged actors are replaced by
    their targets. `reviewed` is 1 on the rows a reviewer decided (a quote's speaker, a figure's claimant, the
    actor a mention names through a merge) and 0 on the others. A corrected quote or figure loses its speaker_text
    or claimant_text: those were the words the rules read as the speaker or claimant."""
    article_id = rows.article["id"]
    merged = merges(corrections)
    pending = {c.id: c for c in corrections if c.article_id == article_id}

    def take(table: str, row_id: str) -> Correction | None:
        correction = pending.pop(row_id, None)
        if correction is not None and correction.table != table:
            raise SourceError(
                correction.path, correction.line, f"{row_id!r} is a row of {table}, not of {correction.table}", "table"
            )
        return correction

    def corrected(table: str, row: dict, actor_column: str, words_column: str) -> dict | None:
        correction = take(table, row["id"])
        if correction is None:
            return row | {actor_column: merged.get(row[actor_column], row[actor_column]), "reviewed": 0}
        if correction.action == REJECT:
            return None
        # The words the rules took for the speaker or claimant may name someone else: the reviewer chose the actor.
        return row | {actor_column: correction.value or None, words_column: None, "attribution": REVIEW, "reviewed": 1}

    quotes = [q for q in (corrected("quotes", row, "speaker_id", "speaker_text") for row in rows.quotes) if q]
    figures = [f for f in (corrected("figures", row, "claimant_id", "claimant_text") for row in rows.figures) if f]
    # A term can only be rejected.
    terms = [t for t in rows.terms if take("terms", t["id"]) is None]
    mentions = [
        m | {"actor_id": merged.get(m["actor_id"], m["actor_id"]), "reviewed": int(m["actor_id"] in merged)}
        for m in rows.mentions
    ]
    if pending:
        stale = next(iter(pending.values()))
        raise SourceError(
            stale.path,
            stale.line,
            f"article {article_id!r} has no {stale.table} row {stale.id!r} (any more): look at the "
            f"article again, then update or delete this correction",
            "id",
        )
    return replace(
        rows,
        mentions=mentions,
        quotes=quotes,
        figures=figures,
        terms=terms,
        discovered=[a for a in rows.discovered if a["id"] not in merged],
    )


def _check(correction: Correction, article_ids: set[str], actor_ids: set[str], merged: dict[str, str]) -> None:
    """What can be checked before extraction: the action fits the table, and the ids it names exist."""
    c = correction

    def fail(message: str, column: str):
        raise SourceError(c.path, c.line, message, column)

    if c.table not in TABLES[c.action]:
        fail(f"a {c.action} correction applies to {' or '.join(TABLES[c.action])}, not {c.table}", "table")
    if c.action == MERGE:
        if c.article_id:
            fail("a merge applies to every article: leave article_id empty", "article_id")
        if not c.value:
            fail("a merge needs the id of the actor to merge into", "value")
        if c.value == c.id:
            fail("an actor cannot be merged into itself", "value")
    else:
        if not c.article_id:
            fail(f"required for a {c.action} correction: the article the row belongs to", "article_id")
        if c.article_id not in article_ids:
            fail(
                f"unknown article {c.article_id!r}: an article id is its file name in articles.csv without the "
                f"extension",
                "article_id",
            )
    if c.action == REJECT and c.value:
        fail("a rejection takes no value: leave it empty", "value")
    if c.value and c.action != REJECT:
        if c.value in merged:
            fail(f"{c.value!r} is itself merged into {merged[c.value]!r}: use {merged[c.value]!r}", "value")
        if c.value not in actor_ids:
            fail(
                f"unknown actor {c.value!r}: a reviewer's choice must be an actor of actors.csv (add it there first)",
                "value",
            )


def _added(forms: tuple[str, ...], more: tuple[str, ...], name: str) -> tuple[str, ...]:
    """`forms` followed by those of `more` it lacks, never the actor's own name."""
    return forms + tuple(dict.fromkeys(f for f in more if f not in forms and f != name))
