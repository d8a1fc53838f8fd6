"""One article in, its database rows out: clean, find actors, quotes, terms (and how each is used) and figures.

Row ids are derived from content (article id, text, and the occurrence number of that text), never from
insertion order, so they stay the same across rebuilds.
"""

import hashlib
import re
from dataclasses import asdict, astuple, dataclass

from . import actors, attribution, clean, corrections, figures, language, lexicon, quotes, segment, terms, topics
from .records import Actor, ArticleRows, ArticleSource, Correction, Figure
from .segment import Segment

EXTRACTOR_VERSION = "5"


def stable_id(prefix: str, *parts) -> str:
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}_{digest}"


class _Occurrences:
    """Numbers repeated texts 0, 1, 2... so that equal texts in one article still get distinct ids."""

    def __init__(self):
        self.seen: dict[tuple, int] = {}

    def __call__(self, *key) -> int:
        n = self.seen.get(key, 0)
        self.seen[key] = n + 1
        return n


def sentence_of(text: str, start: int, end: int) -> str:
    return text[start:end].strip()


def read(
    text: str, sentences: list[Segment], registry: actors.Registry, use_model: bool = True
) -> tuple[actors.ArticleActors, quotes.Extraction, list[Figure]]:
    """The stages over one cleaned text, in order: the parse's speech cues, the actors (a name the parse makes
    a speaker is one), quotes and terms, figures. Each sentence is parsed once, for the stages that read it."""
    parses = language.Parses(text)
    cues = attribution.find_cues(text, sentences, parses)
    found = actors.find_mentions(text, registry, use_model=use_model, speakers=attribution.speaker_names(cues))
    known = {**registry.actors, **{a.id: a for a in found.discovered}}
    speech = quotes.extract(text, found.mentions, known, cues)
    return found, speech, figures.extract(text, speech, found.mentions, parses, known)


def article_rows(
    source: ArticleSource, raw: str, sha256: str, registry: actors.Registry, use_model: bool = True
) -> ArticleRows:
    text = clean.normalise(raw)
    article_id = source.id
    sentences = segment.all_sentences(text)
    found, speech, numbers = read(text, sentences, registry, use_model)
    occurrence = _Occurrences()
    rows = ArticleRows(
        article={
            "id": article_id,
            "file": source.file,
            "outlet_id": source.outlet_id,
            "url": source.url or None,
            "title": source.title or None,
            "display_title": source.title or _first_line(text) or source.file,
            "published": source.published or None,
            "language": source.language,
            "retrieved_from": source.retrieved_from or None,
            "notes": source.notes or None,
            "sha256": sha256,
            "text": text,
            "word_count": len(re.findall(r"\w+", text)),
            "extractor_version": EXTRACTOR_VERSION,
        }
    )
    for m in found.mentions:
        rows.mentions.append(
            {
                "id": stable_id("m", article_id, m.actor_id, m.text, occurrence("m", m.actor_id, m.text)),
                "article_id": article_id,
                "actor_id": m.actor_id,
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "method": m.method,
                "role": m.role or None,
                "sentence": sentence_of(text, *astuple(segment.containing(sentences, m.start))),
            }
        )
    for q in speech.quotes:
        rows.quotes.append(
            {
                "id": stable_id("q", article_id, q.kind, q.text, occurrence("q", q.kind, q.text)),
                "article_id": article_id,
                "kind": q.kind,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "speaker_id": q.speaker_id,
                "speaker_text": q.speaker_text or None,
                "attribution": q.attribution,
                "cue": q.cue or None,
                "sentence": sentence_of(text, q.sentence_start, q.sentence_end),
            }
        )
    reported = terms.Reported(speech.quotes, speech.cues)
    for t in speech.terms:
        sentence = astuple(segment.containing(sentences, t.start))
        used = terms.usage(text, (t.start, t.end), sentence, reported)
        rows.terms.append(
            {
                "id": stable_id("t", article_id, t.text, occurrence("t", t.text)),
                "article_id": article_id,
                "term": t.text,
                "term_normalized": normalise_term(t.text),
                "usage": used.usage,
                "usage_cue": used.cue or None,
                "start": t.start,
                "end": t.end,
                "sentence": sentence_of(text, *sentence),
            }
        )
    for f in numbers:
        rows.figures.append(
            {
                "id": stable_id("f", article_id, f.text, occurrence("f", f.text)),
                "article_id": article_id,
                "text": f.text,
                "start": f.start,
                "end": f.end,
                "value": f.value,
                "unit": f.unit or None,
                "qualifier": f.qualifier or None,
                "period": f.period or None,
                "period_start": f.period_start,
                "period_end": f.period_end,
                "measure": f.measure or None,
                "measure_key": f.measure_key or None,
                "claimant_id": f.claimant_id,
                "claimant_text": f.claimant_text or None,
                "attribution": f.attribution,
                "sentence": sentence_of(text, f.sentence_start, f.sentence_end),
            }
        )
    rows.discovered = [actor_row(a) for a in found.discovered]
    return rows


@dataclass(frozen=True)
class Publisher:
    """Who publishes an article: the actor its outlet is, whether that outlet is a body speaking for itself (a
    ministry, an embassy, an NGO: its unnamed spokesperson is the body) rather than a news organisation, and
    whether the numbers it states are its claims (a body whose registry affiliation says what it is)."""

    actor_id: str | None
    speaks_for_itself: bool = False
    claims_its_numbers: bool = False
    credits_closing_sources: bool = False
    actor: Actor | None = None  # the publisher's own record when the registry does not hold it (an embassy)


def published(
    rows: ArticleRows, outlet: Publisher, fixes: list[Correction], subjects: list[topics.Matcher]
) -> ArticleRows:
    """An article's rows as the database holds them: what the extraction found (cached, so that editing a
    correction or a topic re-extracts nothing), with the outlet's own figures credited as its publisher says,
    reviewers' corrections applied and the topics of what remains."""
    return topics.tag(corrections.apply(credit_outlet(rows, outlet), fixes), subjects)


def credit_outlet(rows: ArticleRows, outlet: Publisher) -> ArticleRows:
    """A news outlet's own figures ('according to a Reuters tally' in Reuters copy, or a number it states) have no
    claimant: attribution 'outlet'. A body that publishes its own statement speaks where its text names no one
    else (the answers of its press conference, 'A:', and 'the spokesperson'), claims the numbers of its answers,
    and claims the numbers it states when the registry says what body it is."""
    if not outlet.actor_id:
        return rows
    for row in rows.figures:
        if row["attribution"] == figures.CLOSING_SOURCE and not outlet.credits_closing_sources:
            row["claimant_id"], row["claimant_text"], row["attribution"] = None, "", "none"
        if outlet.claims_its_numbers and row["claimant_id"] is None:
            row["claimant_id"], row["attribution"] = outlet.actor_id, "publisher"
        elif not outlet.claims_its_numbers and row["claimant_id"] == outlet.actor_id:
            answered = outlet.speaks_for_itself and row["attribution"] == "quote"  # the numbers of its own answers
            if not answered:
                row["claimant_id"], row["attribution"] = None, "outlet"
    if outlet.speaks_for_itself:
        voiced = []
        for row in rows.quotes:
            if row["speaker_id"] is None and _publishers_voice(row["speaker_text"] or ""):
                row["speaker_id"], row["attribution"] = outlet.actor_id, "publisher"
                voiced.append((row["start"], row["end"]))
        for row in rows.figures:  # the numbers of what it says are its claims, as anyone's are
            if row["claimant_id"] is None and any(s <= row["start"] and row["end"] <= e for s, e in voiced):
                row["claimant_id"], row["attribution"] = outlet.actor_id, "publisher"
    credited = any(outlet.actor_id in (r.get("claimant_id"), r.get("speaker_id")) for r in rows.figures + rows.quotes)
    if outlet.actor is not None and credited and outlet.actor_id not in {a["id"] for a in rows.discovered}:
        rows.discovered.append(actor_row(outlet.actor))
    return rows


def _publishers_voice(speaker_text: str) -> bool:
    """An answer turn's label, or the publisher's spokesperson left unnamed: 'A', 'the spokesperson', a turn
    labelled 'Spokesperson:'."""
    words = speaker_text.lower().split()
    spokesperson = bool(words) and words[-1] in lexicon.spokespersons() and words[:-1] in ([], ["the"])
    return words in ([label] for label in segment.ANSWER_TURNS) or spokesperson


def actor_row(actor: Actor) -> dict:
    """The actors table's row, with the names the text gives the actor besides its own ('aliases': a list)."""
    row = asdict(actor)
    for key in ("metonyms", "titles"):
        row.pop(key)
    row["aliases"] = list(actor.aliases)
    for key in ("country", "description", "wikidata", "source", "affiliation"):
        row[key] = row[key] or None
    row["reviewed"] = int(actor.reviewed)
    return row


def normalise_term(term: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s'’-]", "", term.lower())).strip()


def _first_line(text: str) -> str:
    line = text.split("\n", 1)[0]
    return line if len(line) <= 200 else line[:197].rsplit(" ", 1)[0] + "…"
