"""The records the stages pass on: an article's source, the actors, mentions, quotes, terms and figures found in
it, the rows written for it, the topics, and reviewers' corrections. This module imports nothing of the project, so
every stage can use them and no two stages need each other for their types.
"""

from dataclasses import dataclass, field
from pathlib import Path

PERSON, ORGANIZATION, GOVERNMENT = "person", "organization", "government"


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    country: str = ""
    description: str = ""
    wikidata: str = ""
    source: str = ""
    affiliation: str = ""  # who the actor speaks for (sources.AFFILIATIONS); "" when the registry does not say
    reviewed: bool = True


@dataclass
class Mention:
    """One passage naming an actor. `method` says how it was recognised."""

    actor_id: str
    start: int
    end: int
    text: str
    method: str
    role: str = ""


@dataclass(frozen=True)
class ArticleSource:
    """One row of articles.csv, with where its text lives."""

    file: str
    path: Path
    line: int
    outlet_id: str
    url: str
    title: str
    published: str
    language: str
    retrieved_from: str
    notes: str

    @property
    def id(self) -> str:
        return Path(self.file).stem


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    country: str
    ownership: str
    owner: str
    url: str
    ownership_source: str


@dataclass(frozen=True)
class Topic:
    """One row of topics.csv: a recurring subject of the coverage and the words and phrases that signal it."""

    id: str
    label: str
    description: str
    signals: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Correction:
    """One row of corrections.csv, with where it is (for errors found while applying it)."""

    path: Path
    line: int
    action: str
    table: str
    id: str
    article_id: str
    value: str
    reviewer: str
    date: str
    note: str


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: str
    speaker_id: str | None
    speaker_text: str
    # subject, inverted, according to, transcript, continuation, pronoun, document, description, colon, none
    attribution: str
    cue: str
    sentence_start: int
    sentence_end: int


@dataclass
class Term:
    start: int
    end: int
    text: str


@dataclass
class Figure:
    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str
    period: str
    period_start: int | None
    period_end: int | None
    claimant_id: str | None
    claimant_text: str
    attribution: str
    sentence_start: int
    sentence_end: int
    measure: str = ""  # what the number measures, in the sentence's words
    measure_key: str = ""  # its content words, for grouping figures of the same statistic


@dataclass
class ArticleRows:
    article: dict
    mentions: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    terms: list[dict] = field(default_factory=list)
    discovered: list[dict] = field(default_factory=list)
    # table (articles, quotes, figures, terms) → its rows' links to topics (build/topics.py), given after the cache
    topics: dict[str, list[dict]] = field(default_factory=dict)
