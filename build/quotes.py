"""Quotes and their speakers, and the quoted labels (terms) that are framing rather than speech.

Four kinds of quote: `direct` (a sentence or more in quotation marks), `partial` (a quoted fragment inside the
reporter's sentence), `transcript` (a turn of a question-and-answer transcript) and `indirect` (reported speech
without quotation marks). Each attribution records how it was made, so users can filter on it; when no rule
finds the speaker the quote stays unattributed rather than guessed.
"""

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .actors import GOVERNMENT, ORGANIZATION, PERSON, Actor, Mention
from .segment import Index, Segment, outermost, paragraphs, transcript_turns
from .speakers import AUXILIARIES, CUE, NOUN_MARKERS, SPEECH_VERBS, WINDOW, Context, Cue, tail, verb_like, word_count

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
# A quotation the text itself calls a slogan, hashtag or title is a label however long it is.
NAMED_LABEL = re.compile(
    r"\b(?:slogans?|hashtags?|motto|mottos|catchphrase|banners?|titled|entitled|headlined|themed)\s*[:,]?\s*$",
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
# A speaker's verdict in their own words: 'described the industry as “hidden in plain sight”'.
CHARACTERISED_AS = re.compile(
    r"\b(?:described|describing|dismissed|dismissing|rejected|rejecting|branded|branding|characteri[sz]ed|"
    r"portrayed|denounced|condemned|critici[sz]ed)\b[^“”\".;]{0,80}\bas\s*$"
)
MAX_SHORT_FRAGMENT = 4
NEAR_DUPLICATE = 0.9
MAX_REPORTED_CHARS = 3000
# How many speech verbs back a quote looks for the one that governs it.
NEARBY_CUES = 20


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: str
    speaker_id: str | None
    speaker_text: str
    attribution: str  # pattern, inverted, according to, transcript, continuation, pronoun, document, description, none
    cue: str
    sentence_start: int
    sentence_end: int


@dataclass
class Term:
    start: int
    end: int
    text: str


@dataclass
class Extraction:
    quotes: list[Quote]
    terms: list[Term]
    cues: list[Cue]


def extract(text: str, mentions: list[Mention], actors: dict[str, Actor]) -> Extraction:
    """Quotes, terms and speech cues of one cleaned text, given its actor mentions."""
    turns = transcript_turns(text)
    in_turn = Index((t.start, t.end) for t in turns)
    spans, unbalanced = quote_spans(text)
    outer = set(outermost(spans))
    context = Context(text, mentions, actors, sorted(outer))
    quotes: list[Quote] = []
    terms: list[Term] = [Term(s, e, text[s:e]) for s, e in unbalanced]

    for turn in turns:
        speaker = next((m for m in mentions if m.start <= turn.name_start < m.end), None)
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

    cues = [c for s in context.sentences if s.start not in in_turn for c in context.cues_in(s)]
    context.index_cues(cues)
    for span in spans:
        start, end = span
        if span not in outer or start in in_turn:
            if word_count(text[start:end]) <= MAX_TERM_WORDS:
                terms.append(Term(start, end, text[start:end]))
            continue
        sentence = context.sentence_of(start)
        sentence = Segment(sentence.start, max(sentence.end, context.sentence_of(end).end))
        quote = _classify(context, span, sentence, quotes)
        if quote is None:
            terms.append(Term(start, end, text[start:end]))
        else:
            quotes.append(quote)

    quotes.extend(_indirect(context, cues, quotes))
    terms = [_trim_term(text, t) for t in terms]
    return Extraction(
        _merge_repeats(sorted(quotes, key=lambda q: q.start)),
        sorted((t for t in terms if t.text), key=lambda t: t.start),
        cues,
    )


# ---------------------------------------------------------------- quotation marks

OPENERS = {"“": '"', "„": '"', "«": '"', "‘": "'"}
CLOSERS = {"”": '"', "»": '"', "’": "'"}


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


def _classify(ctx: Context, span, sentence: Segment, quotes: list[Quote]) -> Quote | None:
    """A quote for a span in quotation marks, or None when the span is a label (a term)."""
    text = ctx.text
    start, end = span
    content = text[start:end]
    before = tail(text, sentence.start, start - 1)
    after = text[end + 1 : min(sentence.end, end + WINDOW)]
    opens_sentence = (
        re.fullmatch(r"[\s(\[]*", text[sentence.start : start - 1]) is not None
        or re.search(r"[:,]\s*$", before) is not None
        and _is_sentence(content)
    )
    if _crosshead(ctx, span):
        return None
    if opens_sentence and _is_sentence(content) and word_count(content) >= 3:
        cue = _cue_for(ctx, span, sentence)
        if cue is None and re.search(r":\s*$", before):
            return _introduced(ctx, span, sentence)
        if cue is None:
            return _continued(ctx, span, DIRECT, sentence, quotes)
        return _quote(ctx, span, DIRECT, sentence, cue)
    words = word_count(content)
    if words <= MAX_LABEL_WORDS and (NAMED_LABEL.search(before) or CHARGE.search(before)):
        return None  # 'the slogan “Xinjiang cotton, the best cotton in the world”', 'jailed for “...”'
    if CHARACTERISED_AS.search(before) and not NAMES_A_THING.search(content):
        # 'dismissed the allegations as “groundless”': the words of whoever dismissed them
        cue = _cue_for(ctx, span, sentence)
        return _quote(ctx, span, PARTIAL, sentence, cue) if cue is not None and cue.speaker_id else None
    # '... said that “serious violations” had been committed': the subject of a reported clause is speech
    labelled_by_verb = LABEL_AFTER.match(after) and not re.search(r"\bthat\s*$", before)
    if words <= MAX_TERM_WORDS and (LABEL_BEFORE.search(before) or labelled_by_verb or _in_list(text, span)):
        return None
    cue = _cue_for(ctx, span, sentence)
    if words <= 1 or (words <= MAX_SHORT_FRAGMENT and (cue is None or cue.speaker_id is None)):
        return None
    if cue is None:
        return _continued(ctx, span, PARTIAL, sentence, quotes)
    return _quote(ctx, span, PARTIAL, sentence, cue)


def _introduced(ctx: Context, span, sentence: Segment) -> Quote:
    """'X, who drafted the text, was blunter during the debate: “...”': the subject of the clause the colon ends."""
    start, end = span
    subject = ctx.clause_subject(sentence, start)
    speaks = subject is not None and subject.actor_id and subject.kind in (PERSON, ORGANIZATION, GOVERNMENT)
    speaker, speaker_text, attribution = (subject.actor_id, subject.text, "colon") if speaks else (None, "", "none")
    text = ctx.text[start:end]
    return Quote(start, end, text, DIRECT, speaker, speaker_text, attribution, "", sentence.start, sentence.end)


MAX_CROSSHEAD_WORDS = 8


def _crosshead(ctx: Context, span) -> bool:
    """A short quotation alone on its line with no closing stop: a heading that repeats a quote ('‘Nobody tells
    us anything’'), a label rather than the quote itself."""
    start, end = span
    paragraph = ctx.paragraphs[ctx.paragraph_number(start)]
    alone = not ctx.text[paragraph.start : start - 1].strip() and not ctx.text[end + 1 : paragraph.end].strip()
    return alone and ctx.text[end - 1] not in ".!?…,;:" and word_count(ctx.text[start:end]) <= MAX_CROSSHEAD_WORDS


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


def _cue_for(ctx: Context, span, sentence: Segment) -> Cue | None:
    """The speech verb that governs a quoted span: one after it (', X said') or the nearest before it.

    A quote of several sentences takes the verb after it from the sentence where it closes.
    """
    start, end = span
    in_sentence = ctx.cues_of(sentence)
    closing_cues = ctx.cues_of(ctx.sentence_of(end))
    resumes = re.match(r"[’”\"'.,!?…]*[ \t]*", ctx.text[end : end + 10]).end() + end
    if ctx.sentence_of(resumes) != ctx.sentence_of(end):
        closing_cues = closing_cues + ctx.cues_of(ctx.sentence_of(resumes))
    first_after = bisect.bisect_left(closing_cues, end, key=lambda c: c.start)
    if first_after < len(closing_cues):
        after = closing_cues[first_after]
        between = ctx.text[end : after.start]
        closing = re.match(r"[’”\"']?[,.!?…]?[’”\"']?\s*,?\s+", between)
        speaker_first = closing and after.speaker_text and between[closing.end() :].startswith(after.speaker_text)
        if (
            closing
            # '“satellite factories” in or near villages ..., X said': the quote must end its clause
            and (speaker_first or re.search(r"[,.!?…]", ctx.text[end - 1] + closing.group()))
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
    return next((c for c in before if c.has_subject), before[0] if before else None)


def _quote(ctx: Context, span, kind: str, sentence: Segment, cue: Cue | None) -> Quote:
    start, end = span
    if cue is None or cue.speaker_id is None:
        return Quote(
            start,
            end,
            ctx.text[start:end],
            kind,
            None,
            cue.speaker_text if cue else "",
            "none",
            cue.verb if cue else "",
            sentence.start,
            sentence.end,
        )
    return Quote(
        start,
        end,
        ctx.text[start:end],
        kind,
        cue.speaker_id,
        cue.speaker_text,
        cue.method,
        cue.verb,
        sentence.start,
        sentence.end,
    )


def _continued(ctx: Context, span, kind: str, sentence: Segment, quotes: list[Quote]) -> Quote:
    """A quote with no speech verb continues the speaker before it, if nobody else came in between.

    That speaker is the previous quote's (a direct quote within the next paragraph), or the one whose reported
    speech fills the sentence just before ("The paper said ... . ... who “found employment”").
    """
    start, end = span
    speaker = None

    speaking = {c.speaker_id for c in ctx.cues_of(sentence)}

    def named_besides(actor_id, since: int) -> bool:
        """Someone else named since `since`, or after the quote in its sentence without words of their own
        ('“...” — that was how X put it')."""
        return any(
            r.kind in (PERSON, "description")
            and r.actor_id != actor_id
            and not ctx.in_quote(r.start)
            and (r.start < start or r.actor_id not in speaking)
            for r in ctx.referents_between(min(since, sentence.start), sentence.end)
        )

    last = next((q for q in reversed(quotes) if q.end <= start and q.kind in (DIRECT, PARTIAL) and q.speaker_id), None)
    # a whole quote nobody could be given since then ('“...,” she said' of an unnamed detainee) is what continues
    unknown = next((q for q in reversed(quotes) if q.end <= start and q.kind == DIRECT and not q.speaker_id), None)
    if last is not None and unknown is not None and unknown.start > last.end:
        last = None
    if kind == DIRECT and last is not None:
        if ctx.paragraph_number(start) - ctx.paragraph_number(last.end) <= 1 and not named_besides(
            last.speaker_id, last.end
        ):
            speaker = (last.speaker_id, last.speaker_text)
    if speaker is None:
        index = bisect.bisect_left(ctx.sentence_starts, sentence.start)
        before = [
            c
            for c in (ctx.cues_of(ctx.sentences[index - 1]) if index else [])
            if c.speaker_id and not c.participial and not c.stance
        ]
        if before and not named_besides(before[0].speaker_id, sentence.start):
            speaker = (before[0].speaker_id, before[0].speaker_text)
    owner = _owner_of_words(ctx, start, sentence)
    if owner is not None:
        speaker = owner
    if speaker is None:
        return Quote(start, end, ctx.text[start:end], kind, None, "", "none", "", sentence.start, sentence.end)
    return Quote(
        start, end, ctx.text[start:end], kind, speaker[0], speaker[1], "continuation", "", sentence.start, sentence.end
    )


SPEECH_NOUNS = re.compile(
    r"[’']s\s+(?:[a-z]+\s+)?(?:pledge|promise|vow|call|calls|words|remarks|instructions?|assertion|claim|"
    r"statement|slogan|demand|appeal|warning|message)\s+(?:that\s+|to\s+|of\s+)?[“\"‘]?$"
)


def _owner_of_words(ctx: Context, start: int, sentence: Segment) -> tuple[str, str] | None:
    """'Xi Jinping's pledge that “no ethnic group should be left behind”': the one whose words they are."""
    before = tail(ctx.text, sentence.start, start)
    words = SPEECH_NOUNS.search(before)
    if words is None:
        return None
    owner_end = start - (len(before) - words.start())
    owner = next((r for r in ctx.referents_between(owner_end - 120, owner_end) if r.end == owner_end), None)
    return (owner.actor_id, owner.text) if owner and owner.actor_id else None


# ---------------------------------------------------------------- reported speech

# Reported speech ends where a new claim or a contrast with a new subject begins.
CLAUSE_END = re.compile(
    r",\s*(?:(?:"
    + "|".join(v for v in SPEECH_VERBS.split("|") if v.endswith("ing"))
    + r"|alleging|accusing|citing|while|whereas)\b)|;|\s+but\s+(?=(?:the\s+)?[A-Z])|\s+while\s+"
    # ', then described them as ...', ', and accused the EU of ...': the subject goes on to a new statement
    + r"|,\s+(?:and\s+)?then\s+(?=[a-z]+ed\b)"
    + r"|,\s+and\s+(?:also\s+|then\s+)?(?=(?:"
    + SPEECH_VERBS
    + r")\b)"
)
CLAUSE_UNDER_WAY = re.compile(
    r"\s+(?:the|those|these|its|their|his|her|our|some|many|most|all)(?:\s+[a-z][\w’'-]*){3,}\s*$"
)
# Without 'that', only a pronoun subject shows that a clause follows the verb ("H&M said it was ...").
BARE_CLAUSE_START = re.compile(r"\s+(?:it|they|he|she|there|we)\s", re.IGNORECASE)
# ... or a short noun phrase and an auxiliary ("said EU representatives were welcome"), not an adverbial.
BARE_NOUN_CLAUSE = re.compile(
    r"\s+(?!(?:in|on|at|during|after|before|last|this|when|while|to|of|for|with|by|from|about|as|through|"
    r"into|over|under|earlier|later|yesterday|today|it|they|he|she|there|we)\b)"
    # 'the U.S. decision would', "Xinjiang's gross domestic product (GDP) reached"
    r"(?:(?:[\w’'-]+|(?:[A-Z]\.)+|\([A-Z]{2,8}\)),?\s+){0,11}?(?:[\w’'-]+|\([A-Z]{2,8}\))(?:\s*,[^,;“”\"]{1,60},)?\s+"
    r"(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|[a-z]{3,}ed)\s"
    # a present-tense verb only after a noun phrase that opens with a determiner: 'said the industry now supports'
    r"|\s+(?:the|its|their|his|her|this|these|those|our|some|many|most)\s+(?:[\w’'-]+\s+){1,10}?[a-z]{3,}[^\Ws]s\s",
    re.IGNORECASE,
)
# Verbs whose object can be a clause with no 'that' ("said EU envoys were welcome"), unlike "asked them to".
BARE_CLAUSE_VERBS = frozenset(
    "say says said add adds added note notes noted state states stated claim claims claimed argue argues argued "
    "insist insists insisted stress stresses stressed warn warns warned admit admits admitted acknowledge "
    "acknowledges acknowledged explain explains explained write writes wrote estimate estimates estimated "
    "allege alleges alleged confirm confirms confirmed deny denies denied".split()
)
# 'reported on findings that ...': the clause is the findings' content, not the subject's own words.
CLAIM_NOUNS = (
    r"\b(?:findings?|claims?|allegations?|accusations?|reports?|evidence|rumou?rs?|suggestions?|assertions?|"
    r"ideas?|notion|view|belief)\b"
)
# 'Aavik insisted, however, that ...': an adverb set off by commas between the verb and its clause
SENTENCE_ADVERB = re.compile(r",\s*(?:however|though|also|too|again|moreover|nonetheless|nevertheless|meanwhile),")
MIN_INDIRECT_WORDS = 5
# What may follow '..., X said' for the sentence before it to be X's statement: a few words, or another verb.
WORDS_AFTER_SPEAKER = re.compile(r"(?:\s+[^\s,;]+){0,20}?\s*(?:[.!?]|,\s*(?:noting|adding|saying)\b.*)?\s*", re.DOTALL)
MIN_SENTENCE_BEFORE_FRAGMENT = 8
# Reported speech cut before a quoted fragment must not end mid-clause ("the claims were").
# Words a reported clause cannot end on ("the claims were", "the Netherlands would").
DANGLING = AUXILIARIES | set("as of a an the called that by to and or its their into for with than".split())
MAX_PARAGRAPH_SENTENCES = 4


def _indirect(ctx: Context, cues: list[Cue], quotes: list[Quote]) -> list[Quote]:
    """Reported speech: 'X said (that) ...', 'X told Y that ...', and '..., X said.' closing a sentence."""
    found: list[Quote] = []
    # Reported speech may hold a quoted fragment whole ('said it came “years too late”'), never cut one.
    taken = Index(outermost([(q.start, q.end) for q in quotes if q.kind != PARTIAL]))
    fragments = Index((q.start, q.end) for q in quotes if q.kind == PARTIAL)
    for cue in cues:
        if not cue.asserts or cue.cites or not cue.has_subject:
            continue
        # ', saying ...' reports speech only after an act that is not itself speech ('added 11 entities, saying');
        # after 'said', ', noting that ...' goes on with the same statement
        if cue.participial and any(c.start < cue.start for c in ctx.cues_of(cue.sentence)):
            continue
        if cue.start in taken or (found and found[-1].start <= cue.start < found[-1].end):
            continue
        span = _complement(ctx, cue) or (
            (_preceding_clause(ctx, cue) or _parenthetical(ctx, cue)) if cue.speaker_id else None
        )
        if span is None or taken.overlaps(*span) or span[0] in fragments or span[1] - 1 in fragments:
            continue
        if any(q.start < span[1] and span[0] < q.end for q in found[-3:]):
            continue
        found.append(_quote(ctx, span, INDIRECT, cue.sentence, cue))
    return found


def _complement(ctx: Context, cue: Cue) -> tuple[int, int] | None:
    """The clause after 'said that' (or after 'said' when a named actor speaks)."""
    text, sentence = ctx.text, cue.sentence
    sentence_end = min(sentence.end, cue.end + MAX_REPORTED_CHARS)
    aside = SENTENCE_ADVERB.match(text, cue.end, sentence_end)  # 'insisted, however, that ...'
    base = aside.end() if aside else cue.end
    rest = text[base:sentence_end]
    bare_noun = False
    that = re.match(r"((?:\s+[^\s,;:“”\"‘]+){0,12}?)\s+that\s+", rest)
    # 'said those labels hide the pressure that ...': a subject and its verb came first, the 'that' is theirs
    under_way = bool(
        that and CLAUSE_UNDER_WAY.match(that.group(1)) and not cue.verb.lower().startswith(("tell", "told"))
    )
    if (
        that
        and not under_way
        and not _speech_verb_in(that.group(1))
        and not re.search(CLAIM_NOUNS + r"\s*$", that.group(1))  # 'the claim that': not in 'in a report on Monday that'
        # 'said he was grateful but worried that ...': the 'that' belongs to a clause already under way
        and not any(w.lower() in AUXILIARIES for w in that.group(1).split())
    ):
        start = base + that.end()
    elif cue.method in ("pattern", "pronoun", "description") and (under_way or BARE_CLAUSE_START.match(rest)):
        start = base + 1
    elif (
        cue.speaker_id
        and cue.method in ("pattern", "pronoun", "description", "document")
        and cue.verb.lower() in BARE_CLAUSE_VERBS
        and (bare := BARE_NOUN_CLAUSE.match(rest))
        # 'denies abuses and claims ...': a second verb; 'said the report was ...' is a noun
        and not any(
            not DETERMINER_BEFORE.search(rest, 0, verb.start())
            for verb in CUE.finditer(bare.group().rsplit(None, 1)[0])
        )
        and not re.search(r"\s(?:that|which|who)\s", bare.group())  # 'said the claim that X was ...': not its verb
    ):
        start = base + 1
        bare_noun = True
    else:
        return None
    stop = CLAUSE_END.search(text, start, sentence_end)
    end = stop.start() if stop else sentence_end
    for contrast in re.finditer(r",?\s+but\s+", text[start:end]):
        if any(not verb.group()[0].isupper() for verb in CUE.finditer(text, start + contrast.end(), end)):
            end = start + contrast.start()
            break
    for _, fragment_end in ctx.quotes.within(start + 1, end):
        if text[fragment_end - 1] == "," or text[fragment_end + 1 : fragment_end + 2] == ",":
            end = fragment_end + 1  # '... “crimes against humanity,” a finding Beijing rejected': an aside follows
            break
    fragments = [(s, e) for s, e in ctx.quotes.within(start + 1, end) if word_count(text[s:e]) > MAX_SHORT_FRAGMENT]
    # A fragment the clause goes on after ('had met “every delegation that would listen” in the run-up') is part
    # of the reported speech; one that ends it is the speaker's own words, and the clause stops before it.
    if fragments and word_count(text[fragments[0][1] + 1 : end]) < MIN_INDIRECT_WORDS:
        cut = fragments[0][0] - 1
        words = [w.lower() for w in re.findall(r"[\w’'-]+", text[start:cut])]
        if bare_noun and len(words) < MIN_SENTENCE_BEFORE_FRAGMENT:
            return None  # no 'that', and the speaker's own words follow in quotation marks: the quote says it
        if len(words) < MIN_INDIRECT_WORDS or not any(verb_like(w) for w in words):
            return None
        if words[-1] in DANGLING and len(words) < MIN_SENTENCE_BEFORE_FRAGMENT:
            return None  # 'he hoped the Netherlands would “...”': the quote is the substance
        if words[-1] not in DANGLING:  # 'would not cooperate with “any mechanism ...”': the fragment completes it
            end = cut
    while end > start and text[end - 1] in " .,!?":
        end -= 1
    return (start, end) if word_count(text[start:end]) >= 3 else None


AFTER_NOUN_MARKER = re.compile(r"\b(?:" + "|".join(map(re.escape, NOUN_MARKERS)) + r")\s+$")
# The markers that are determiners: after 'and' or 'of' ('denies abuses and claims ...') a verb may follow.
DETERMINER_BEFORE = re.compile(
    r"\b(?:" + "|".join(map(re.escape, NOUN_MARKERS - {"and", "of"})) + r")\s+$", re.IGNORECASE
)


def _speech_verb_in(text: str) -> bool:
    """A speech verb used as a verb ('said in an interview he then told'), not a noun ('in a report')."""
    return any(not AFTER_NOUN_MARKER.search(text[: m.start()]) for m in CUE.finditer(text))


def _parenthetical(ctx: Context, cue: Cue) -> tuple[int, int] | None:
    """'Today, Hashim says, he is serving a sentence': the whole sentence around a cue set off by commas."""
    text, sentence = ctx.text, cue.sentence
    speaker = re.search(r",\s*[^,;“”\"]{1,60}$", tail(text, sentence.start, cue.start))
    if speaker is None or not re.match(r",\s+(?!(?:adding|noting|saying|citing)\b)[a-z]", text[cue.end : cue.end + 12]):
        return None
    end, said_after = sentence.end, cue.end
    if SUBORDINATE_AFTER_CUE.match(text, cue.end):
        # '..., the bureau said, as the region pressed ahead': the words before the speaker are the statement
        end, said_after = cue.start - len(speaker.group()), sentence.start
    while end > sentence.start and text[end - 1] in " .!?":
        end -= 1
    if any(_is_sentence(text[s:e]) for s, e in ctx.quotes.within(sentence.start, end)):
        return None
    return (sentence.start, end) if word_count(text[said_after:end]) >= MIN_INDIRECT_WORDS else None


# After '..., X said,' these open the reporter's own clause, not the rest of X's statement.
SUBORDINATE_AFTER_CUE = re.compile(
    r",\s+(?:as|while|whereas|after|before|because|since|amid|despite|following|when|although|though)\b"
)


def _preceding_clause(ctx: Context, cue: Cue) -> tuple[int, int] | None:
    """'..., X said [at the event].' at a sentence's end covers the sentence, or a short paragraph up to it."""
    text, sentence = ctx.text, cue.sentence
    subject = ctx.subject_before(sentence, cue.start)
    speaker_from = subject.start if subject is not None and not cue.inverted else cue.start
    comma = text.rfind(",", max(sentence.start, cue.start - WINDOW), speaker_from)
    if comma <= sentence.start:
        return None
    speaker_part = text[comma + 1 : cue.start]
    tail = text[cue.end : min(sentence.end, cue.end + WINDOW)]
    said_more = re.search(r",\s*(?:noting|adding|saying)\b", tail)  # what follows is another statement
    if len(speaker_part) > 250 or re.search(r"[“”\"]", speaker_part + tail[: said_more.start() if said_more else None]):
        return None
    if not (cue.inverted or re.search(r"\w", speaker_part)):
        return None  # 'X, who ..., says ...': the comma closes a relative clause, not a reported clause
    if re.match(
        r"\s*(?:When\s+|If\s+)?(?:Asked|Speaking|Responding|Answering|Commenting|Referring)\b",
        text[sentence.start : comma],
    ):
        return None  # 'Asked whether ..., she said ...': the question, not the answer
    # '..., Liu said at the press conference held by the information office of the regional government.'
    if not WORDS_AFTER_SPEAKER.fullmatch(tail):
        return None
    start = sentence.start
    para = ctx.paragraphs[ctx.paragraph_number(sentence.start)]
    para_sents = [
        s
        for s in ctx.sentences[
            bisect.bisect_left(ctx.sentence_starts, para.start) : bisect.bisect_left(ctx.sentence_starts, para.end)
        ]
    ]
    if para_sents and para_sents[-1] == sentence and len(para_sents) <= MAX_PARAGRAPH_SENTENCES:
        earlier = para_sents[:-1]
        if not any(ctx.quotes.overlaps(s.start, s.end) or CUE.search(text, s.start, s.end) for s in earlier):
            start = para.start
    if any(word_count(text[s:e]) > MAX_TERM_WORDS for s, e in ctx.quotes.within(start, comma)):
        return None
    return (start, comma) if word_count(text[start:comma]) >= 3 else None


def _trim_term(text: str, term: Term) -> Term:
    start, end = term.start, term.end
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return Term(start, end, text[start:end])


MAX_REPEAT_LOOKBACK = 50


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
