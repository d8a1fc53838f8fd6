"""Quotes and their speakers, and the quoted labels (terms) that are framing rather than speech.

Four kinds of quote: `direct` (a sentence or more in quotation marks), `partial` (a quoted fragment inside the
reporter's sentence), `transcript` (a turn of a question-and-answer transcript) and `indirect` (reported speech
without quotation marks). Speech cues, the statements they report and their speakers come from the dependency
parse (build/attribution.py, resolved to actors by build/speakers.py); this module decides what each pair of
quotation marks holds (a quote or a label), which cue governs it, and which statements are reported speech.
Each quote records how its speaker was found, so users can filter on it; when nothing finds the speaker the
quote stays unattributed rather than guessed.
"""

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from . import attribution, lexicon, speakers
from .attribution import Cue
from .records import GOVERNMENT, ORGANIZATION, PERSON, Actor, Mention, Quote, Term
from .referents import Referents
from .segment import (
    ANSWER_TURNS,
    NARRATION_TURNS,
    Index,
    Segment,
    all_sentences,
    containing,
    outermost,
    paragraphs,
    sentences,
    transcript_turns,
)

DIRECT, PARTIAL, TRANSCRIPT, INDIRECT = "direct", "partial", "transcript", "indirect"

# Words before a quoted fragment that introduce a label rather than speech.
LABEL_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:called|call|calls|calling|termed|dubbed|known as|labelled|labeled|branded|described as|"
    r"themed|titled|entitled|headlined|named)(?:\s+(?:it|them|this|these|him|her|itself|themselves))?"
    r"(?:\s+(?:an?|the))?|"
    r"so-called|claims of|accusations of|allegations of|rumou?rs of|charges of|reports of|talk of|notion of|idea of|"
    r"concept of|term|word|words|phrase|slogan|slogans|"
    # 'the “...”' names a thing, but 'is the “lie of the century”' is someone's verdict
    r"(?<!\bis\s)(?<!\bwas\s)(?<!\bare\s)(?<!\bwere\s)(?:the|its|their|his|her|our)|"
    # a bare noun phrase after a preposition names a thing: "for 'vocational training'"
    r"for|through|of|into|in|about|from|against|as|with|by|under|via)\s*$",
    re.IGNORECASE,
)
# Words after a quoted fragment that show it names something: a verb taking it as subject, or a head noun.
LABEL_AFTER = re.compile(
    r"^\s*(?:is|are|was|were|has|have|had|refer|refers|referred|means|meant|will|would|can|could|remain|remains|"
    r"policy|policies|strategy|strategies|campaign|campaigns|program|programs|programme|programmes|initiative|"
    r"system|scheme|schemes|concept|theory|slogan|project|plan|label|narrative|issue|issues|centers|centres|camps|"
    r"facilities|model|movement)\b"
)
MAX_TERM_WORDS = 6
# A document noun right before a quotation that is its title: 'Our 2021 report, “Break Their Lineage, ...”'.
TITLE_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(n) for n in lexicon.document_nouns()) + r"|book|film|documentary|series)s?,?\s*$",
    re.IGNORECASE,
)
# A quotation the text itself calls a slogan, hashtag or title is a label however long it is.
NAMED_LABEL = re.compile(
    r"\b(?:slogans?|hashtags?|motto|mottos|catchphrase|banners?|brand|titled|entitled|headlined|themed)\s*[:,]?\s*$",
    re.IGNORECASE,
)
# ... and so is the charge someone was sentenced for: 'sentenced to 17 years for “gathering a crowd to ...”'
CHARGE = re.compile(
    r"\b(?:sentenced|convicted|charged|accused|detained|jailed|imprisoned|arrested|punished|prosecuted|tried|"
    r"indicted|charges|crime)\b[^“”\"‘’.;]{0,40}?\b(?:for|of|with)\s*$",
    re.IGNORECASE,
)
MAX_LABEL_WORDS = 15
# ... unless it is the name of a thing: 'described as “vocational education and training centers”' is a label.
NAMES_A_THING = re.compile(
    r"\b(?:centers|centres|center|centre|camps|facilities|schools|programs|programmes|policy|policies|campaign|"
    r"system|plan|project)\W*$",
    re.IGNORECASE,
)
# A speaker's verdict in their own words: 'described the industry as “hidden in plain sight”', 'calling the
# allegations “groundless”' (but 'what Beijing calls “vocational training”' names a thing: a label).
CHARACTERISED_AS = re.compile(
    r"\b(?:described|describing|dismissed|dismissing|rejected|rejecting|branded|branding|characteri[sz]ed|"
    r"portrayed|denounced|condemned|critici[sz]ed)\b[^“”\".;]{0,80}\bas\s*$"
    r"|\b(?:call|calls|called|calling)\s+(?:the|these|those|such|this|that|its|their|his|her|it|them)\b[^“”\".;]{0,60}$"
)
MAX_SHORT_FRAGMENT = 4
FIRST_AND_SECOND_PERSONS = {"i", "we", "you"}
NEAR_DUPLICATE = 0.9
# How far (in characters) the rules read back from a quotation mark.
WINDOW = 300
# How many speech verbs back a quote looks for the one that governs it.
NEARBY_CUES = 20
# Reported speech cut before a quoted fragment must keep this many words, and not end on a word that needs more.
MIN_INDIRECT_WORDS = 5
MIN_BARE_WORDS = 8
AUXILIARIES = set(
    "is are was were be been has have had do does did will would can could shall should may might must".split()
)
DANGLING = AUXILIARIES | set("as of a an the called that by to and or its their into for with than".split())
MAX_PARAGRAPH_SENTENCES = 4
PREPOSITIONS = {"of", "from", "at", "in", "by", "with", "to", "on", "for", "against", "about", "into", "over"}


@dataclass
class Extraction:
    quotes: list[Quote]
    terms: list[Term]
    cues: list[Cue]


class Reading:
    """One text as the quote rules read it: paragraphs, sentences, quotation marks, speech cues and referents."""

    def __init__(self, text: str, mentions: list[Mention], actors: dict[str, Actor], spans, turns, cues: list[Cue]):
        self.text = text
        self.paragraphs = paragraphs(text)
        self.paragraph_starts = [p.start for p in self.paragraphs]
        self.sentences = [s for p in self.paragraphs for s in sentences(text, p)]
        self.sentence_starts = [s.start for s in self.sentences]
        self.quotes = Index(spans)
        self.turns = in_turn = Index((t.start, t.end) for t in turns)
        # a speech verb inside quotation marks is the speaker's own words, not the reporter's attribution; in a
        # transcript turn, the speaker may report someone else's words ('The embassy has told us that ...'),
        # but not their own ('I said that ...')
        self.cues = [
            c for c in cues if c.start not in self.quotes and not (c.start in in_turn and _first_person(c, text))
        ]
        labels = Index((t.name_start, t.name_start + len(t.name)) for t in turns)
        self.referents = Referents(text, self.sentences, mentions, actors, self.quotes, self.cues, labels)
        speakers.resolve(self.cues, self.referents)
        self.headings = _headings(text, self.paragraphs)
        self.cues_by_sentence: dict[int, list[Cue]] = defaultdict(list)
        for cue in self.cues:
            self.cues_by_sentence[cue.sentence.start].append(cue)

    def sentence_of(self, pos: int) -> Segment:
        return containing(self.sentences, pos)

    def paragraph_number(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, pos) - 1

    def cues_of(self, sentence: Segment) -> list[Cue]:
        return self.cues_by_sentence.get(sentence.start, [])

    def in_quote(self, pos: int) -> bool:
        return pos in self.quotes


def _headings(text: str, paragraphs: list[Segment]) -> Index:
    """The title and crossheads: paragraphs of one short line that end without a full stop. They restate what
    the story reports, so their attributions are not quotes of their own."""
    return Index(p for p in paragraphs if _heading(text[p.start : p.end]))


def _heading(paragraph: str) -> bool:
    line = paragraph.strip().rstrip("’”\"'")
    return bool(line) and "\n" not in line and line[-1].isalnum() and len(line.split()) <= MAX_HEADING_WORDS


MAX_HEADING_WORDS = 25


def extract(text: str, mentions: list[Mention], actors: dict[str, Actor], cues: list[Cue] | None = None) -> Extraction:
    """Quotes, terms and speech cues of one cleaned text, given its actor mentions and its speech cues
    (attribution.find_cues; read here when not given)."""
    turns = transcript_turns(text)
    in_turn = Index((t.start, t.end) for t in turns)
    spans, unbalanced = quote_spans(text)
    outer = set(outermost(spans))
    if cues is None:
        cues = attribution.find_cues(text, all_sentences(text))
    article = Reading(text, mentions, actors, sorted(outer), turns, cues)
    quotes: list[Quote] = []
    terms: list[Term] = [Term(s, e, text[s:e]) for s, e in unbalanced]

    answerer = _answerer(turns, article.referents)
    for turn in turns:
        if turn.name.lower() in NARRATION_TURNS:
            continue  # a video script's narration is the outlet's own voice, as an article's body is
        speaker = next((m for m in mentions if m.start <= turn.name_start < m.end), None)
        if turn.name.lower() in ANSWER_TURNS:
            speaker = answerer
        quotes.append(
            Quote(
                turn.start,
                turn.end,
                text[turn.start : turn.end],
                TRANSCRIPT,
                speaker.actor_id if speaker else None,
                turn.name,
                "transcript" if speaker else "none",
                "",
                turn.start,
                turn.end,
            )
        )

    for span in spans:
        start, end = span
        if span not in outer:
            if word_count(text[start:end]) <= MAX_TERM_WORDS:
                terms.append(Term(start, end, text[start:end]))
            continue
        sentence = article.sentence_of(start)
        sentence = Segment(sentence.start, max(sentence.end, article.sentence_of(end).end))
        quote = _classify(article, span, sentence, quotes)
        if quote is not None and start in in_turn and quote.attribution in ("continuation", "none"):
            # in a transcript turn, only words a speech verb gives someone else are their quote; the turn's own
            # words in quotation marks (a video script's soundbite) are the turn, not a label
            if word_count(text[start:end]) > MAX_TERM_WORDS:
                continue
            quote = None
        if quote is None:
            terms.append(Term(start, end, text[start:end]))
        else:
            quotes.append(quote)

    quotes.extend(_indirect(article, quotes))
    quotes = [part for quote in quotes for part in _by_paragraph(text, quote)]
    terms = [_trim_term(text, t) for t in terms]
    return Extraction(
        _merge_repeats(sorted(quotes, key=lambda q: q.start)),
        sorted((t for t in terms if t.text), key=lambda t: t.start),
        article.cues,
    )


# ---------------------------------------------------------------- quotation marks

OPENERS = {"“": '"', "„": '"', "«": '"', "‘": "'"}
CLOSERS = {"”": '"', "»": '"', "’": "'"}
REOPENING_MARKS = "“„«‘\"'"


# The body a spokesperson speaks for, named after the role: 'the Spokesperson of the Chinese Embassy in ...'.
SPOKESPERSON_OF = re.compile(
    r"\b(?i:" + "|".join(sorted(lexicon.spokespersons())) + r")\s+(?:of|for|at)\s+(?:the\s+)?$"
)


def _first_person(cue: Cue, text: str) -> bool:
    return cue.speaker is not None and text[cue.speaker.head[0] : cue.speaker.head[1]].lower() in ("i", "we")


def _answerer(turns, referents: Referents) -> Mention | None:
    """Who answers an interview's 'A:' turns: the body whose spokesperson the text names before its first turn
    ('the Spokesperson of the Chinese Embassy in the Netherlands made remarks'), else the first person it names
    there, else the first body that is not a news outlet ('Chinese Embassy Spokesperson's Remarks on the BBC's
    Report')."""
    if not turns:
        return None
    before = [m for m in referents.mentions if m.start < turns[0].name_start and m.actor_id not in referents.media]
    spoken_for = (m for m in before if SPOKESPERSON_OF.search(referents.text, max(0, m.start - 40), m.start))
    person = (m for m in before if referents.actors[m.actor_id].type == PERSON)
    return next(spoken_for, None) or next(person, before[0] if before else None)


def quote_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(start, end) of the words inside each pair of quotation marks, and of labels left open by a missing mark.

    Straight quotes open or close by what stands beside them; an apostrophe inside a word closes nothing. A
    paragraph that leaves a double quote open continues into the next one when that one opens with a quote
    (the convention for quotes over several paragraphs); otherwise the open mark is dropped, never the text.
    """
    spans: list[tuple[int, int]] = []
    unbalanced: list[tuple[int, int]] = []
    # The outer marks are double ones, or single ones where the text quotes with those (the BBC's ‘...’).
    outer, inner = ("'", '"') if text.count("‘") > text.count("“") + text.count('"') else ('"', "'")
    reopening = '“"' if outer == '"' else "‘'"
    pending: dict[str, int | None] = {'"': None, "'": None}
    paras = paragraphs(text)
    for index, para in enumerate(paras):
        carried = pending[outer] is not None
        for pos in range(para.start, para.end):
            role, family = _mark_role(text, pos)
            if role is None:
                continue
            if carried and pos == para.start:
                continue  # the opening mark that repeats a quote carried over from the paragraph before
            if role == "open":
                if pending[family] is not None and family == outer:
                    unbalanced.extend(_open_label(text, pending[family], pos))
                if family == inner and pending[outer] is None and pending[inner] is not None:
                    continue
                pending[family] = pos
            elif pending[family] is not None:
                start = pending[family] + 1
                if pos > start:
                    spans.append((start, pos))
                pending[family] = None
        next_opens = index + 1 < len(paras) and text[paras[index + 1].start] in reopening
        opened_sentence = pending[outer] is not None and re.search(
            r"(?:^|[.!?:,]\s*)$", text[para.start : pending[outer]]
        )
        if pending[outer] is not None and not (next_opens and opened_sentence):
            unbalanced.extend(_open_label(text, pending[outer], para.end))
            pending[outer] = None
        pending[inner] = None
    return sorted(set(spans)), unbalanced


def _mark_role(text: str, pos: int) -> tuple[str | None, str]:
    ch = text[pos]
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if ch in OPENERS:
        if ch == "‘" and before.isalnum():
            return None, "'"
        return "open", OPENERS[ch]
    if ch in CLOSERS:
        if ch == "’" and (after.isalnum() or (before.isalnum() and after.isalnum())):
            return None, "'"
        return "close", CLOSERS[ch]
    if ch in "\"'":
        family = ch
        opens = (before.isspace() or before in "([{—–-/:") and not after.isspace()
        closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-…")
        if ch == "'" and before.isalnum() and after.isalnum():
            return None, family
        if opens and not closes:
            return "open", family
        if closes and not opens:
            return "close", family
    return None, "'"


def _open_label(text: str, open_pos: int, limit: int) -> list[tuple[int, int]]:
    """A quote left open: the words up to the sentence's end are a label if they are few."""
    stop = re.search(r"[.!?;]", text[open_pos + 1 : limit])
    end = open_pos + 1 + (stop.start() if stop else limit - open_pos - 1)
    words = word_count(text[open_pos + 1 : end])
    return [(open_pos + 1, end)] if 0 < words <= MAX_SHORT_FRAGMENT else []


# ---------------------------------------------------------------- quotes in marks


def _classify(art: Reading, span, sentence: Segment, quotes: list[Quote]) -> Quote | None:
    """A quote for a span in quotation marks, or None when the span is a label (a term)."""
    text = art.text
    start, end = span
    content = text[start:end]
    before = tail(text, sentence.start, start - 1)
    after = text[end + 1 : min(sentence.end, end + WINDOW)]
    opens_sentence = (
        re.fullmatch(r"[\s(\[]*", text[sentence.start : start - 1]) is not None
        or re.search(r"[:,]\s*$", before) is not None
        and _is_sentence(content)
    )
    if _crosshead(art, span) or (TITLE_BEFORE.search(before) and _title_case(content)):
        return None  # "the white paper “Employment and Labor Rights in Xinjiang”": a document's title
    if opens_sentence and _is_sentence(content) and word_count(content) >= 3:
        cue = _cue_for(art, span, sentence)
        if cue is None and re.search(r":\s*$", before):
            return _introduced(art, span, sentence)
        if cue is None:
            return _continued(art, span, DIRECT, sentence, quotes)
        return _quote(art, span, DIRECT, sentence, cue)
    words = word_count(content)
    accusation = _accusation(art, span, sentence)
    if accusation is not None and words > 1:
        return _quote(art, span, PARTIAL, sentence, accusation)
    if words <= MAX_LABEL_WORDS and (NAMED_LABEL.search(before) or CHARGE.search(before)):
        return None  # 'the slogan “Xinjiang cotton, the best cotton in the world”', 'jailed for “...”'
    if CHARACTERISED_AS.search(before) and not NAMES_A_THING.search(content):
        # 'dismissed the allegations as “groundless”': the words of whoever dismissed them
        cue = next((c for c in reversed(art.cues_of(sentence)) if c.end <= start), None)
        return _quote(art, span, PARTIAL, sentence, cue) if cue is not None and cue.speaker_id else None
    # '... said that “serious violations” had been committed': the subject of a reported clause is speech
    labelled_by_verb = LABEL_AFTER.match(after) and not re.search(r"\bthat\s*$", before)
    if words <= MAX_TERM_WORDS and (LABEL_BEFORE.search(before) or labelled_by_verb or _in_list(text, span)):
        return None
    cue = _cue_for(art, span, sentence)
    # 'said the accusations were “groundless”', 'said the findings showed the law was “not fit for purpose”',
    # 'said the ban “has no teeth”': what a reported statement says of a thing is its speaker's word
    # (one word is a verdict only right after 'is' or 'was': 'had been “coerced”' is the reporter's label)
    speaking = _speaking_cue(art, span, sentence)
    predicate = (COPULA_BEFORE if words <= 1 else PREDICATE_BEFORE).search(before) is not None
    reported = speaking is not None and (predicate or (words > 1 and PREDICATE_OPENING.match(content) is not None))
    if reported:
        cue = speaking
    if not reported and (words <= 1 or (words <= MAX_SHORT_FRAGMENT and (cue is None or cue.speaker_id is None))):
        return None
    if cue is None:
        return _continued(art, span, PARTIAL, sentence, quotes)
    return _quote(art, span, PARTIAL, sentence, cue)


# What a statement says of its subject: after a linking verb, or a verb phrase of its own.
COPULAS = ["is", "are", "was", "were"]
LINKING_VERBS = COPULAS + "be been being become becomes became remain remains remained seem seems seemed".split()
COPULA_BEFORE = re.compile(r"\b(?:" + "|".join(COPULAS) + r")\s*$")
PREDICATE_BEFORE = re.compile(r"\b(?:" + "|".join(LINKING_VERBS) + r")\s*$")
PREDICATE_OPENING = re.compile(
    r"(?:has|have|had|is|are|was|were|will|would|should|must|can|could|may|might|not|never|no longer)\s", re.IGNORECASE
)


def _speaking_cue(art: Reading, span, sentence: Segment) -> Cue | None:
    """The innermost cue with a known speaker whose statement holds the span."""
    start, end = span
    holding = [c for c in art.cues_of(sentence) if c.speaker_id is not None and _within(c.statement, start, end)]
    return _innermost(holding) if holding else None


def _innermost(holding: list[Cue]) -> Cue:
    """Of the cues whose statements hold a quotation, the one with the shortest statement; 'said Pakistan believed
    it had been “prepared without ...”': what someone is said to believe is in the words of whoever said so."""
    spoken = [c for c in holding if c.act != "belief"] or holding
    return min(spoken, key=lambda c: c.statement.end - c.statement.start)


def _within(statement, start: int, end: int) -> bool:
    return statement is not None and statement.start <= start and end <= statement.end + 1


def _accusation(art: Reading, span, sentence: Segment) -> Cue | None:
    """'HRW accused the governments of “outsourcing their asylum decisions”': the cue of a named accuser, whose
    words these are (not the charge someone 'was accused of')."""
    return next((c for c in art.cues_of(sentence) if c.act == "accusation" and c.speaker_id and c.reports(*span)), None)


def _introduced(art: Reading, span, sentence: Segment) -> Quote:
    """'X, who drafted the text, was blunter during the debate: “...”': the subject of the clause the colon ends."""
    start, end = span
    subject = _clause_subject(art, sentence, start)
    speaks = subject is not None and subject.actor_id and subject.kind in (PERSON, ORGANIZATION, GOVERNMENT)
    speaker, speaker_text, attribution = (subject.actor_id, subject.text, "colon") if speaks else (None, "", "none")
    text = art.text[start:end]
    return Quote(start, end, text, DIRECT, speaker, speaker_text, attribution, "", sentence.start, sentence.end)


def _clause_subject(art: Reading, sentence: Segment, pos: int):
    """The first actor in the sentence before pos that does not sit in a prepositional phrase."""
    for ref in art.referents.between(sentence.start, pos):
        if ref.end <= pos and not art.in_quote(ref.start):
            before = art.text[max(sentence.start, ref.start - 20) : ref.start]
            words = [w.lower() for w in re.findall(r"[\w-]+", before)]
            if words and words[-1] == "the":  # 'Separately, the Commerce Department', not 'in the report'
                words.pop()
            if not words or words[-1] not in PREPOSITIONS:
                return ref
    return None


MAX_CROSSHEAD_WORDS = 8


def _crosshead(art: Reading, span) -> bool:
    """A short quotation alone on its line with no closing stop: a heading that repeats a quote ('‘Nobody tells
    us anything’'), a label rather than the quote itself."""
    start, end = span
    paragraph = art.paragraphs[art.paragraph_number(start)]
    alone = not art.text[paragraph.start : start - 1].strip() and not art.text[end + 1 : paragraph.end].strip()
    return alone and art.text[end - 1] not in ".!?…,;:" and word_count(art.text[start:end]) <= MAX_CROSSHEAD_WORDS


def _title_case(content: str) -> bool:
    """'Asleep at the Wheel', 'Xinjiang Population Dynamics and Data': most words capitalised, as titles are."""
    words = re.findall(r"[A-Za-z][\w’'-]*", content)
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words) and words[0][0].isupper()


def _is_sentence(content: str) -> bool:
    stripped = content.strip()
    return bool(stripped) and (stripped[0].isupper() or stripped[0] in "…\"“'‘") and word_count(stripped) >= 3


def _in_list(text: str, span) -> bool:
    """One of several quoted labels in a row: '"forced labor," "genocide," or "camps"'."""
    start, end = span
    before, after = text[max(0, start - 12) : start - 1], text[end + 1 : end + 12]
    # within one line: a quotation opening the next paragraph is not the next item of a list
    return bool(
        re.search(r"[”\"’],?[ \t]*(?:and|or|,)[ \t]*$", before)
        or re.match(r",?[”\"’]?,?[ \t]*(?:and|or)?[ \t]*[“\"‘]", after)
    )


def _cue_for(art: Reading, span, sentence: Segment) -> Cue | None:
    """The cue that governs a quoted span: the one whose statement holds it ('said “...”', '“...,” she said',
    'said the camps were “vocational schools”'), else one right after it (', X said') or the nearest before it.

    A quote of several sentences takes the verb after it from the sentence where it closes.
    """
    start, end = span
    in_sentence = art.cues_of(sentence)
    closing_cues = art.cues_of(art.sentence_of(end))
    resumes = re.match(r"[’”\"'.,!?…]*[ \t]*", art.text[end : end + 10]).end() + end
    if art.sentence_of(resumes) != art.sentence_of(end):
        closing_cues = closing_cues + art.cues_of(art.sentence_of(resumes))
    # a cue after the quotation holds it only as its whole statement ('“...,” she said'): a fragment inside the
    # reporter's clause ('“satellite factories” in villages employ residents, X said') must end that clause
    holding = [
        c
        for c in {id(c): c for c in in_sentence + closing_cues}.values()
        if c.reports(start, end) and (c.start < start or c.statement.start >= start - 2)
    ]
    if holding:
        return _innermost(holding)
    # Where no statement holds the quotation (the parser reads a quote of several sentences, or one after a
    # colon, as a clause of its own), its place decides: a cue right after it, else the nearest before it. Both
    # earn their place: without the first, direct end-to-end F1 falls from 0.873 to 0.836 on the seeds and from
    # 0.917 to 0.906 on tests/eval; without the second, to 0.769 and 0.884.
    first_after = bisect.bisect_left(closing_cues, end, key=lambda c: c.start)
    if first_after < len(closing_cues):
        after = closing_cues[first_after]
        between = art.text[end : after.start]
        closing = re.match(r"[’”\"']?[,.!?…]?[’”\"']?\s*,?\s+", between)
        speaker_first = closing and after.speaker_text and between[closing.end() :].startswith(after.speaker_text)
        if (
            closing
            # '“satellite factories” in or near villages ..., X said': the quote must end its clause
            and (speaker_first or re.search(r"[,.!?…]", art.text[end - 1] + closing.group()))
            and not after.stance
            and not re.search(r"[“\"‘]", between[closing.end() :])
            # ', Liu Zhenhua, a research fellow at the Institute of ... and ..., told': the speaker comes first
            and (
                speaker_first
                or len(between) <= 100
                and not re.search(r"\b(?:which|that|who|whom|where|when|while|and|but)\b", between[closing.end() :])
            )
        ):
            return after
    last = bisect.bisect_right(in_sentence, start, key=lambda c: c.end)
    before = [c for c in reversed(in_sentence[max(0, last - NEARBY_CUES) : last]) if not c.inverted]
    # 'X said businesses were required to report ..., and that “...”': a verb with no subject of its own sits
    # inside the reported clause of the verb that has one
    return next((c for c in before if c.speaker is not None), before[0] if before else None)


def _quote(art: Reading, span, kind: str, sentence: Segment, cue: Cue | None) -> Quote:
    start, end = span
    text = art.text[start:end]
    if cue is None:
        return Quote(start, end, text, kind, None, "", "none", "", sentence.start, sentence.end)
    method = cue.method if cue.speaker_id else "none"
    speaker, speaker_text = cue.speaker_id, cue.speaker_text
    return Quote(start, end, text, kind, speaker, speaker_text, method, cue.verb, sentence.start, sentence.end)


def _continued(art: Reading, span, kind: str, sentence: Segment, quotes: list[Quote]) -> Quote:
    """A quote with no speech verb continues the speaker before it, if nobody else came in between.

    That speaker is the previous quote's (a direct quote within the next paragraph), or the one whose reported
    speech fills the sentence just before ("The paper said ... . ... who “found employment”").
    """
    start, end = span
    speaker = None

    speaking = {c.speaker_id for c in art.cues_of(sentence)}

    def named_besides(actor_id, since: int) -> bool:
        """Someone else named since `since`, or after the quote in its sentence without words of their own
        ('“...” — that was how X put it')."""
        return any(
            r.kind in (PERSON, "description")
            and r.actor_id != actor_id
            and not art.in_quote(r.start)
            and (r.start < start or r.actor_id not in speaking)
            for r in art.referents.between(min(since, sentence.start), sentence.end)
        )

    last = next((q for q in reversed(quotes) if q.end <= start and q.kind in (DIRECT, PARTIAL) and q.speaker_id), None)
    # a whole quote nobody could be given since then ('“...,” she said' of an unnamed detainee) is what continues
    unknown = next((q for q in reversed(quotes) if q.end <= start and q.kind == DIRECT and not q.speaker_id), None)
    if last is not None and unknown is not None and unknown.start > last.end:
        last = None
    if kind == DIRECT and last is not None:
        if art.paragraph_number(start) - art.paragraph_number(last.end) <= 1 and not named_besides(
            last.speaker_id, last.end
        ):
            speaker = (last.speaker_id, last.speaker_text)
    attribution = "continuation"
    if speaker is None:
        index = bisect.bisect_left(art.sentence_starts, sentence.start)
        before = [
            c
            for c in (art.cues_of(art.sentences[index - 1]) if index else [])
            if c.speaker_id and not c.participial and not c.stance
        ]
        if before and not named_besides(before[0].speaker_id, sentence.start):
            speaker = (before[0].speaker_id, before[0].speaker_text)
        introducer = _introducer(art, start, art.sentences[index - 1]) if index and kind == DIRECT else None
        if speaker is None and introducer is not None:
            speaker, attribution = (introducer.actor_id, introducer.text), "colon"
    owner = _owner_of_words(art, start, sentence)
    if owner is not None:
        speaker = owner
    if speaker is None and kind == PARTIAL:
        # 'the county's work report pledged to “...”', 'the office attributed the fall to “...”': no speech verb,
        # but the words are those of the sentence's subject
        subject = _clause_subject(art, sentence, start)
        if subject is not None and subject.actor_id and subject.kind in (PERSON, ORGANIZATION, GOVERNMENT, "document"):
            speaker, attribution = (subject.actor_id, subject.text), "subject"
    if speaker is None:
        return Quote(start, end, art.text[start:end], kind, None, "", "none", "", sentence.start, sentence.end)
    return Quote(
        start, end, art.text[start:end], kind, speaker[0], speaker[1], attribution, "", sentence.start, sentence.end
    )


def _introducer(art: Reading, start: int, before: Segment):
    """'The minister today issued the following statement:' and then a quotation that opens the next paragraph: the
    subject of the sentence the colon ends, if it names someone."""
    opens_paragraph = art.text[art.paragraphs[art.paragraph_number(start)].start : start].strip() in ("", "“", '"', "‘")
    if not opens_paragraph or start in art.turns:
        return None  # a transcript's turn ('SOUNDBITE ... ABDULLA TURSUN, Farmer:') is the turn's already
    line = art.text[before.start : before.end].rstrip()
    if before.start in art.headings and lexicon.speech_headings().match(line):
        # 'Statement by Hon Nanaia Mahuta, Minister of Foreign Affairs' on a line of its own
        return next((r for r in art.referents.between(before.start, before.end) if _may_speak(r)), None)
    if not line.endswith(":"):
        return None
    subject = _clause_subject(art, before, before.end)
    return subject if subject is not None and _may_speak(subject) else None


def _may_speak(ref) -> bool:
    """A referent that names a person, an organisation or a government."""
    return ref.actor_id is not None and ref.kind in (PERSON, ORGANIZATION, GOVERNMENT)


SPEECH_NOUNS = re.compile(
    r"[’']s\s+(?:[a-z]+\s+)?(?:pledge|promise|vow|call|calls|words|remarks|instructions?|assertion|claim|"
    r"statement|slogan|demand|appeal|warning|message)\s+(?:that\s+|to\s+|of\s+)?[“\"‘]?$"
)


def _owner_of_words(art: Reading, start: int, sentence: Segment) -> tuple[str, str] | None:
    """'Xi Jinping's pledge that “no ethnic group should be left behind”': the one whose words they are."""
    before = tail(art.text, sentence.start, start)
    words = SPEECH_NOUNS.search(before)
    if words is None:
        return None
    owner_end = start - (len(before) - words.start())
    owner = next((r for r in art.referents.between(owner_end - 120, owner_end) if r.end == owner_end), None)
    return (owner.actor_id, owner.text) if owner and owner.actor_id else None


# ---------------------------------------------------------------- reported speech


def _indirect(art: Reading, quotes: list[Quote]) -> list[Quote]:
    """Reported speech: the statement the parse gives each cue that asserts something and has a speaker, unless
    it is a quote in marks already or sits inside another cue's statement (a transcript turn may hold some)."""
    quoted = Index(outermost([(q.start, q.end) for q in quotes if q.kind != TRANSCRIPT]))
    fragments = [(q.start, q.end) for q in quotes if q.kind == PARTIAL and word_count(q.text) > MAX_SHORT_FRAGMENT]
    statements: dict[tuple[int, int], Cue] = {}
    reporting = sorted(c.start for c in art.cues if c.statement is not None)
    for cue in art.cues:
        statement = cue.statement
        if statement is None or not cue.asserts or not speakers.speaks(cue, art.text):
            continue
        if cue.speaker.pronoun and cue.speaker_text.lower() in FIRST_AND_SECOND_PERSONS:
            continue  # 'I believe that ...', 'we argue that ...': the writer's own voice, or a quoted speaker's
        if cue.start in art.headings:
            continue  # 'Police detain 17 Uyghurs, officials say': the story reports it again
        if statement.start < cue.start < statement.end and not _set_off(art.text, cue, statement):
            continue  # 'which Zenz said would include': a misread clause that holds its own verb
        whole = _paragraph_statement(art, cue, statement)
        if _within_one_quotation(quoted, *whole):
            continue
        whole = _with_marks(art.text, *_before_colon_quotation(art.text, whole, quoted))
        for part in _around_set_off_cue(art.text, cue, whole):
            inner = bisect.bisect_right(reporting, part[0])  # the first cue inside the statement, if any
            first_cue = reporting[inner] if inner < len(reporting) and reporting[inner] < part[1] else None
            # 'accused Western governments of using human rights “as a tool ...”': the fragment completes the charge
            accusation = cue.act == "accusation"
            cut = _without_closing_fragment(art.text, part, statement.verb, fragments, first_cue, accusation)
            statements.setdefault(cut or part, cue)
    # 'X said Y believes Z': Z, inside X's statement, is not reported again
    return [_quote(art, span, INDIRECT, statements[span].sentence, statements[span]) for span in outermost(statements)]


def _before_colon_quotation(text: str, span, quoted: Index) -> tuple[int, int]:
    """'argues that the distinction matters: ‘The question is ...’': the quotation the colon opens is a quote
    of its own; the statement ends at the colon."""
    start, end = span
    for q_start, _ in quoted.within(start + 1, end):
        before = text[start : q_start - 1].rstrip()
        if before.endswith(":"):
            return start, len(before) - 1 + start
    return span


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A statement that starts or ends inside a quotation starts or ends with it: 'said the response was “as
    predictable as it is ridiculous”' keeps the closing mark (and the stop the house style puts inside it),
    'accused Xinjiang of “forced labor” in its cotton industry' the opening one."""
    if start > 0 and text[start - 1] in '“‘"' and CLOSERS_OF[text[start - 1]] in text[start:end]:
        start -= 1
    opened = (
        text.count("“", start, end) > text.count("”", start, end)
        or text.count('"', start, end) % 2
        or "‘" in text[start:end]  # a ’ inside may be an apostrophe: the mark right after the statement closes it
    )
    closing = CLOSING_MARK.match(text, end) if opened else None
    return (start, closing.end()) if closing else (start, end)


# Each side of a speaker set off inside a sentence holds this many words to be a statement of its own.
MIN_SPLIT_WORDS = 4
CLOSING_MARK = re.compile(r"[.,!?]?[”\"’](?!\w)")
CLOSERS_OF = {"“": "”", "‘": "’", '"': '"'}


def _around_set_off_cue(text: str, cue: Cue, span) -> list[tuple[int, int]]:
    """'Quotas are set at township level, the resolution says, and officials who miss them are punished', 'A,
    according to the regulator, and B': two statements, either side of the speaker and verb; 'Today, Hashim
    says, he is ...' stays one."""
    start, end = span
    speaker_start, resume = _cue_extent(cue)  # resume after 'according to the regulator'
    if not start < speaker_start < end:
        return [span]
    # 'and officials who miss them ...' begins a clause; 'and is due to ...' goes on with the subject before
    after = re.match(
        r"\s*,\s*(?:and|but)\s+(?!(?:is|are|was|were|will|would|has|have|had|can|could|may)\b)", text[resume:end]
    )
    if after is None:
        return [span]
    before_end = start + len(text[start:speaker_start].rstrip().rstrip(","))
    parts = [(start, before_end), (resume + after.end(), end)]
    if min(word_count(text[a:b]) for a, b in parts) < MIN_SPLIT_WORDS:
        return [span]
    return parts


def _cue_extent(cue: Cue) -> tuple[int, int]:
    """Where the speaker and the verb together start and end: 'the resolution says', 'according to X'."""
    if cue.speaker is None:
        return cue.start, cue.end
    return min(cue.start, cue.speaker.start), max(cue.end, cue.speaker.end)


def _set_off(text: str, cue: Cue, statement) -> bool:
    """'Today, Hashim says, he is ...': the speaker and verb sit between commas inside the statement."""
    return text[statement.start : _cue_extent(cue)[0]].rstrip().endswith(",")


def _paragraph_statement(art: Reading, cue: Cue, statement) -> tuple[int, int]:
    """'A. B, X said.' closing a short paragraph (or line) whose other sentences report nobody: X said all of
    it."""
    start, end = statement.start, statement.end
    sentence = cue.sentence
    if start != sentence.start or end > cue.start or cue.cites or start in art.turns:
        return start, end  # in a transcript turn, the rest of the paragraph is the turn's speaker's
    paragraph = art.paragraphs[art.paragraph_number(start)]
    block_start = max(paragraph.start, art.text.rfind("\n", paragraph.start, start) + 1)
    block_end = art.text.find("\n", sentence.end, paragraph.end)
    block_end = paragraph.end if block_end == -1 else block_end
    first = bisect.bisect_left(art.sentence_starts, block_start)
    here = bisect.bisect_left(art.sentence_starts, sentence.start)
    following = art.sentences[here + 1] if here + 1 < len(art.sentences) else None
    earlier = art.sentences[first:here]
    if (following is not None and following.start < block_end) or len(earlier) >= MAX_PARAGRAPH_SENTENCES:
        return start, end
    if any(art.cues_of(s) or art.quotes.overlaps(s.start, s.end) for s in earlier):
        return start, end
    return (earlier[0].start if earlier else start), end


def _without_closing_fragment(
    text: str, span, verb: int, fragments, first_cue: int | None = None, completes=False
) -> tuple[int, int] | None:
    """A quoted fragment that ends a statement is the speaker's own words, and the reported speech is the rest
    ('said it was phasing out its deals “until we get more clarity”'); None when the clause's verb is in the
    quotation or too little is left to state anything ('said the paper was “a crude piece of propaganda”'):
    then the statement is the whole clause, fragment and all. The same when the fragment opens with the verb of
    the words before it ('said the Entity List “must keep growing”') or, with `completes`, whatever it holds
    (an accusation's charge), unless another cue in the statement (the first at `first_cue`) or another 'that'
    clause may be the one it belongs to."""
    start, end = span
    for f_start, f_end in fragments:
        if not start < f_start < end or text[min(f_end, end) : max(f_end, end)].strip(" .,!?”’\"'"):
            continue
        nested = (first_cue is not None and first_cue < f_start) or re.search(r"\bthat\b", text[start + 1 : f_start])
        predicate = (completes or _first_word(text, f_start) in AUXILIARIES) and not nested
        if f_start <= verb < f_end or predicate:
            return None
        return _before(text, start, f_start - 1, THAT_BEFORE.search(text, max(0, start - 8), start) is not None)
    return span


THAT_BEFORE = re.compile(r"\bthat\s+$")


def _first_word(text: str, start: int) -> str:
    word = re.match(r"[\W_]*([\w’'-]+)", text[start : start + 40])
    return word.group(1).lower() if word else ""


def _before(text: str, start: int, cut: int, after_that: bool) -> tuple[int, int] | None:
    """The words [start, cut) as a statement, if they state something on their own: without a 'that' to
    open them, only a long clause does ('said China often released white papers “when ...”' says it in the
    quotation)."""
    while cut > start and text[cut - 1] in " ,:;":
        cut -= 1
    words = re.findall(r"[\w’'-]+", text[start:cut].lower())
    if len(words) < (MIN_INDIRECT_WORDS if after_that else MIN_BARE_WORDS) or words[-1] in DANGLING:
        return None
    return start, cut


def _within_one_quotation(quoted: Index, start: int, end: int) -> bool:
    """Whether [start, end) lies inside one pair of quotation marks: the quote itself, not reported speech."""
    around = quoted.find(start)
    return around is not None and around[1] >= end


def _trim_term(text: str, term: Term) -> Term:
    start, end = term.start, term.end
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return Term(start, end, text[start:end])


MAX_REPEAT_LOOKBACK = 50


def _by_paragraph(text: str, quote: Quote) -> list[Quote]:
    """A quotation that runs over paragraphs is one quote per paragraph, each with the speaker of the whole: each
    leads back to its own passage. A transcript turn stays one quote however many paragraphs it runs over."""
    if quote.kind not in (DIRECT, PARTIAL) or "\n" not in quote.text:
        return [quote]
    parts = []
    for line in re.finditer(r"[^\n]+", quote.text):
        start = quote.start + line.start()
        end = quote.start + line.end()
        while start < end and (text[start].isspace() or text[start] in REOPENING_MARKS):
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        first = not parts
        line_end = text.find("\n", end)
        parts.append(
            replace(
                quote,
                start=start,
                end=end,
                text=text[start:end],
                kind=quote.kind if first else DIRECT,
                sentence_start=quote.sentence_start if first else text.rfind("\n", 0, start) + 1,
                sentence_end=len(text) if line_end == -1 else line_end,
            )
        )
    return parts


def _merge_repeats(quotes: list[Quote]) -> list[Quote]:
    """The same words from the same speaker again (a summary box repeating the body) are kept once."""
    kept: list[Quote] = []
    recent: dict[tuple, list[Counter]] = defaultdict(list)
    for quote in quotes:
        words = Counter(re.findall(r"\w+", quote.text.lower()))
        earlier = recent[(quote.speaker_id, quote.kind)]
        if any(_overlap(words, other) >= NEAR_DUPLICATE for other in earlier[-MAX_REPEAT_LOOKBACK:]):
            continue
        earlier.append(words)
        kept.append(quote)
    return kept


def _overlap(a: Counter, b: Counter) -> float:
    """Dice coefficient of two bags of words."""
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def tail(text: str, start: int, end: int) -> str:
    """At most WINDOW characters of text[start:end], from its end: rules that read backwards need no more."""
    return text[max(start, end - WINDOW) : end]


def word_count(text: str) -> int:
    return len(re.findall(r"[\w’'-]+", text))
