"""What each article, quote, figure and term is about: the topics of sources/topics.csv whose signals it contains.

A topic's signals are words and phrases, matched whole and case-insensitively; a `*` ends a word with any ending
('sterili*' finds sterilisation and sterilized), and words of a phrase match across any run of spaces or line
breaks. A quote, figure or term is about a topic when its sentence holds one of the topic's signals; an article
when its title and text hold them ARTICLE_MIN_HITS times, so that a passing mention does not make an article
about a subject. Each link records the words that matched and how often, so a reader can judge it.

Topics are given after the extraction cache (extract.published): editing topics.csv re-extracts nothing.
"""

import re
from dataclasses import dataclass, replace
from functools import cache

from .records import ArticleRows, Topic

# How many times an article must name a topic's signals to be about it.
ARTICLE_MIN_HITS = 2


@dataclass(frozen=True)
class Matcher:
    """One topic's signals, as one regular expression."""

    topic_id: str
    pattern: re.Pattern


def matchers(topics: list[Topic]) -> list[Matcher]:
    return [Matcher(t.id, signals_pattern(t.signals)) for t in topics]


def signals_pattern(signals: tuple[str, ...]) -> re.Pattern:
    """One expression finding any of the signals in lower-cased text; the longest first, so that a phrase wins
    over its first word. (One word boundary around all the alternatives, and no IGNORECASE: an expression that
    scans each sentence of a large corpus ten times has to be quick.)"""
    alternatives = [_signal(s.lower()) for s in sorted(signals, key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def _signal(signal: str) -> str:
    words = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in signal.split()]
    return r"\s+".join(words)


def topics_of(text: str, found: list[Matcher], min_hits: int = 1) -> dict[str, tuple[str, int]]:
    """Topic id → (the distinct words that matched, lower-cased, in order of appearance; how many matches), for
    the topics matched at least `min_hits` times."""
    text = text.lower()
    result = {}
    for matcher in found:
        hits = [" ".join(m.group().split()) for m in matcher.pattern.finditer(text)]
        if hits and len(hits) >= min_hits:
            result[matcher.topic_id] = (", ".join(dict.fromkeys(hits)), len(hits))
    return result


def tag(rows: ArticleRows, found: list[Matcher]) -> ArticleRows:
    """The article's rows with their topics: rows.topics holds one link per (row, topic), by table."""
    article = rows.article
    text = f"{article['title'] or ''}\n{article['text']}"
    links = {"articles": _links(article["id"], topics_of(text, found, ARTICLE_MIN_HITS))}
    of_sentence = cache(lambda sentence: topics_of(sentence, found))  # rows often share a sentence
    for table in ("quotes", "figures", "terms"):
        links[table] = [
            link for row in getattr(rows, table) for link in _links(row["id"], of_sentence(row["sentence"]))
        ]
    return replace(rows, topics=links)


def _links(row_id: str, topics: dict[str, tuple[str, int]]) -> list[dict]:
    return [
        {"row_id": row_id, "topic_id": topic_id, "matched": matched, "hits": hits}
        for topic_id, (matched, hits) in topics.items()
    ]
