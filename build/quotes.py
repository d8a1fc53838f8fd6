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
from .segment import Index, Segment, outermost, paragraphs, sentences, transcript_turns

DIRECT, PARTIAL, TRANSCRIPT, INDIRECT = "direct", "partial", "transcript", "indirect"

# Verbs that take a stance on what others said: they govern a quote before them ("rejected as “lies”"), but
# never one after them, never continue into the next sentence, and their 'that' clause is someone else's claim.
STANCE_VERBS = (
    "accuse|accuses|accused|accusing|reject|rejects|rejected|rejecting|condemn|condemns|condemned|condemning|"
    "denounce|denounces|denounced|denouncing|dismiss|dismisses|dismissed|dismissing|criticise|criticises|"
    "criticised|criticising|criticize|criticizes|criticized|criticizing|call|calls|called|calling"
)
STANCE = frozenset(STANCE_VERBS.split("|"))
SPEECH_VERBS = (
    "say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|note|notes|noted|noting|state|states|stated|"
    "stating|claim|claims|claimed|claiming|assert|asserts|asserted|asserting|argue|argues|argued|arguing|insist|"
    "insists|insisted|insisting|stress|stresses|stressed|stressing|emphasi[sz]e|emphasi[sz]es|emphasi[sz]ed|"
    "emphasi[sz]ing|warn|warns|warned|warning|point out|points out|pointed out|pointing out|acknowledge|"
    "acknowledges|acknowledged|acknowledging|admit|admits|admitted|admitting|deny|denies|denied|denying|explain|"
    "explains|explained|explaining|write|writes|wrote|writing|report|reports|reported|announce|announces|"
    "announced|announcing|declare|declares|declared|declaring|reveal|reveals|revealed|revealing|conclude|"
    "concludes|concluded|ask|asks|asked|asking|urge|urges|urged|urging|call for|calls for|called for|calling for|"
    "reiterate|reiterates|reiterated|reiterating|estimate|estimates|estimated|allege|alleges|alleged|alleging|"
    "confirm|confirms|confirmed|confirming|respond|responds|responded|reply|replies|replied|remark|remarks|"
    "remarked|comment|comments|commented|tweet|tweets|tweeted|testify|testifies|testified|recall|recalls|"
    "recalled|according to|" + STANCE_VERBS
)
# "was told", "is accused of": the subject before a passive verb is not the one speaking.
PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
CUE = re.compile(r"(?<![\w-])(" + SPEECH_VERBS + r")(?![\w-])", re.IGNORECASE)
# A verb form right after one of these is a noun ("the claims", "so-called reports").
NOUN_MARKERS = {
    "the",
    "a",
    "an",
    "so-called",
    "these",
    "those",
    "such",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "media",
    "news",
    "press",
    "of",
    "and",
}
AUXILIARY_GAP = (
    r"(?:\s*\([^()“”\"]{1,30}\))?"  # an abbreviation in brackets: 'Human Rights Watch (HRW) said'
    r"(?:\s*,?\s*(?:also|further|then|later|however|repeatedly|again|previously|earlier|once|recently|"
    r"has|have|had|would|will|is|was|were|did|does|do|had been|has been|went on to|go on to|goes on to|"
    r"separately|publicly|privately|reportedly|allegedly|simply|only|even|instead|often|first|"
    r"initially|last week|on \w+day|in a statement|in an interview))*\s*,?\s*"
)
GAP_SIMPLE = re.compile(AUXILIARY_GAP)
# ', a researcher, said', ', 41, a truck driver, said', ' for 2023, a copy of which was seen by the FT, said'
GAP_APPOSITIVE = re.compile(r"(?:\s+(?:for|of|on|from)\s+[^,“”\"]{1,40})?(?:,[^,“”\"]{1,200}){1,2}," + AUXILIARY_GAP)
GAP_AFFILIATION = re.compile(r"\s+(?:from|at|of|with)\s+(?:the\s+)?[A-Z][^,“”\".;]{1,100}?" + AUXILIARY_GAP)
# "The UN human rights office said", "China's foreign ministry said": the body speaks for the actor named.
GAP_BODY = re.compile(
    r"(?:[’']s)?\s+(?:[a-z]+\s+){0,3}(?:office|ministry|mission|embassy|department|government|"
    r"authorities|spokesperson|spokesman|spokeswoman|agency|delegation|consulate|bureau|"
    r"secretariat|leadership|officials)" + AUXILIARY_GAP
)
# "the Chinese Embassy in Washington said": where the body sits.
GAP_SEAT = re.compile(r"\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?" + AUXILIARY_GAP)
PREPOSITIONS = {"of", "from", "at", "in", "by", "with", "to", "on", "for", "against", "about", "into", "over"}
ROLES = (
    r"politician|official|minister|spokes(?:man|woman|person)|diplomat|academic|researcher|scholar|expert|"
    r"activist|lawyer|leader|envoy|ambassador|senator|governor|chairman|chairwoman|secretary|president|premier|"
    r"commissioner|professor|author|analyst|campaigner|chief|founder|director"
)
BODY_WORDS = {
    "ministry",
    "department",
    "embassy",
    "consulate",
    "agency",
    "office",
    "bureau",
    "commission",
    "committee",
    "council",
    "parliament",
    "administration",
    "registry",
    "institute",
    "university",
    "coalition",
    "foundation",
    "court",
}
# Roles that make someone 'the official' a text refers back to.
OFFICES = ["director", "deputy", "head", "minister", "secretary", "chairman", "chairwoman", "commissioner"]
OFFICES += ["spokesperson", "spokesman", "spokeswoman", "governor", "mayor", "chief", "ambassador", "envoy"]
# 'The company said': bodies whose names seldom hold the word; the organisation named just before is meant.
GENERIC_BODIES = {"company", "firm", "group", "retailer", "brand", "manufacturer", "supplier", "charity"}
GENERIC_BODY_REACH = 1000
# Words in a description that do not tell one body from another.
GENERIC_MODIFIERS = {"regional", "local", "national", "provincial", "federal", "state", "central", "municipal", "city"}
GENERIC_MODIFIERS |= {"county", "new", "same", "top", "chinese", "american", "british", "us", "u.s.", "official"}
# 'The spokesperson', 'a ministry spokesman', 'the foreign ministry', 'the department': someone named before.
DESCRIPTION = re.compile(
    r"\b(?:[Tt]he|[Aa]n?) (?:[A-Z][\w.-]+ |[a-z][\w-]+ ){0,3}?(?:(?P<body>"
    + "|".join(sorted(BODY_WORDS | GENERIC_BODIES))
    + r")(?: (?P<speaking>"
    + ROLES
    + r"))?|(?P<role>"
    + ROLES
    + r"))\b"
)
DOCUMENT_NOUNS = (
    r"white papers?|reports?|papers?|documents?|statements?|study|studies|surveys?|assessments?|"
    r"letters?|communiqu[eé]s?|resolutions?|analysis|investigations?|rulings?|verdicts?|"
    r"press releases?|notices?|guidelines?"
)
DOCUMENT = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Tt]hese|(?<=[’']s))\s+(?:(?:new|latest|recent|"
    r"annual|official|leaked|written|joint|separate|formal|brief|short|lengthy|public|detailed|\d{4}|[A-Z][\w.&-]*)\s+){0,4}("
    + DOCUMENT_NOUNS
    + r")\b"
)
GENERIC_SUBJECT = re.compile(
    r"\b(?:officials|analysts|experts|critics|observers|residents|diplomats|sources|researchers|activists|"
    r"authorities|scholars|people|groups|witnesses|lawmakers|officers|leaders|representatives|campaigners|"
    r"spokes(?:man|woman|person)|officer|official|organisations|organizations|governments|countries)"
    + AUXILIARY_GAP
    + r"$"
)
# Words before a quoted fragment that introduce a label rather than speech.
LABEL_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:called|call|calls|calling|termed|dubbed|known as|labelled|labeled|branded|described as|"
    r"themed|titled|entitled|headlined|named)(?:\s+(?:it|them|this|these|him|her|itself|themselves))?|"
    r"so-called|claims of|accusations of|allegations of|rumou?rs of|charges of|reports of|talk of|notion of|idea of|"
    r"concept of|term|word|words|phrase|slogan|slogans|the|its|their|his|her|our|"
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
MAX_LABEL_WORDS = 15
MAX_SHORT_FRAGMENT = 4
NEAR_DUPLICATE = 0.9
# How far (in characters) the rules look around a quote or a speech verb; keeps huge texts linear.
WINDOW = 300
MAX_REPORTED_CHARS = 3000
# How many actors and descriptions back a description looks for the one it refers to.
NEARBY_REFERENTS = 200
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
class Cue:
    """A speech verb in a sentence and who it belongs to."""

    start: int
    end: int
    verb: str
    speaker_id: str | None
    speaker_text: str
    method: str
    sentence: Segment
    has_subject: bool  # a grammatical subject was found, even one that names no actor ("officials")

    @property
    def participial(self) -> bool:
        return self.verb.lower().endswith("ing")

    @property
    def stance(self) -> bool:
        return self.verb.lower() in STANCE

    @property
    def asserts(self) -> bool:
        """A verb that reports a statement of fact, not a stance or a request ('urged', 'called for')."""
        return not self.stance and not re.match(r"(?:ask|urg|call)", self.verb.lower())

    @property
    def inverted(self) -> bool:
        return self.method == "inverted"


@dataclass(frozen=True)
class Referent:
    """Something a pronoun or a speech verb can point back to."""

    start: int
    end: int
    actor_id: str | None
    kind: str  # person, organization, government, document, description
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
    context = _Context(text, mentions, actors, sorted(outer))
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
            if _word_count(text[start:end]) <= MAX_TERM_WORDS:
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
    words = _word_count(text[open_pos + 1 : end])
    return [(open_pos + 1, end)] if 0 < words <= MAX_SHORT_FRAGMENT else []


# ---------------------------------------------------------------- speakers


class _Context:
    """One article's text, sentences, mentions and the things pronouns can point back to."""

    def __init__(self, text, mentions, actors, quote_spans_):
        self.text = text
        self.actors = actors
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.quotes = Index(quote_spans_)
        self.paragraphs = paragraphs(text)
        self.sentences = [s for p in self.paragraphs for s in sentences(text, p)]
        self.sentence_index = Index(self.sentences)
        self.sentence_starts = [s.start for s in self.sentences]
        self.paragraph_starts = [p.start for p in self.paragraphs]
        self.cues_by_sentence: dict[int, list[Cue]] = defaultdict(list)
        self.roles: dict[str, str] = defaultdict(str)
        for m in self.mentions:
            self.roles[m.actor_id] += " " + m.role
        self.referents = self._referents()
        self.referent_starts = [r.start for r in self.referents]
        self.genders = self._genders()

    def sentence_of(self, pos: int) -> Segment:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return Segment(pos, pos)

    def paragraph_number(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, pos) - 1

    def in_quote(self, pos: int) -> bool:
        return pos in self.quotes

    def index_cues(self, cues: list["Cue"]) -> None:
        for cue in cues:
            self.cues_by_sentence[cue.sentence.start].append(cue)

    def cues_of(self, sentence: Segment) -> list["Cue"]:
        return self.cues_by_sentence.get(sentence.start, [])

    def referents_between(self, start: int, end: int) -> list[Referent]:
        """Referents that start in [start, end), in text order."""
        return self.referents[
            bisect.bisect_left(self.referent_starts, start) : bisect.bisect_left(self.referent_starts, end)
        ]

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        return self.mentions[
            bisect.bisect_left(self.mention_starts, start) : bisect.bisect_left(self.mention_starts, end)
        ]

    def _referents(self) -> list[Referent]:
        documents: list[Referent] = []
        for m in DOCUMENT.finditer(self.text):
            if self.in_quote(m.start()):
                continue
            documents.append(Referent(m.start(), m.end(), self._document_author(m, documents), "document", m.group()))
        in_document = Index((d.start, d.end) for d in documents)
        found = documents + [
            Referent(m.start, m.end, m.actor_id, self.actors[m.actor_id].type, m.text)
            for m in self.mentions
            if m.start not in in_document and not self._inside_a_name(m)
        ]
        found.sort(key=lambda r: (r.start, -r.end))
        self.referents, self.referent_starts = found, [r.start for r in found]
        taken = Index(outermost([(r.start, r.end) for r in found]))
        descriptions: list[Referent] = []
        for m in DESCRIPTION.finditer(self.text):
            if m.start() not in taken and not self.in_quote(m.start()):
                described = self._description(m, descriptions)
                if described is not None:
                    descriptions.append(described)
        return sorted(found + descriptions, key=lambda r: (r.start, -r.end))

    def _inside_a_name(self, mention: Mention) -> bool:
        """'Xi Jinping Thought': a person's name inside the name of something else speaks for nobody."""
        return self.actors[mention.actor_id].type == PERSON and bool(
            re.match(r" (?!Is |Was |Has |Had |Says |Said )[A-Z][a-z]", self.text[mention.end : mention.end + 6])
        )

    def _description(self, match: re.Match, earlier: list[Referent]) -> Referent | None:
        """'The spokesperson', 'a ministry spokesman', 'the department': the actor described earlier, or none.

        A body word ('ministry', 'department') points to the nearest organisation whose name holds that word; a
        role ('the spokesperson') to the nearest person the text or the registry gives that role. 'a' or 'an'
        introduces someone new, who speaks only for a body named in the description.
        """
        words = match.group().lower().split()
        named = [
            m
            for m in self.mentions_between(match.start(), match.end())
            if m.end <= match.end() and self.actors[m.actor_id].type in (ORGANIZATION, GOVERNMENT)
        ]
        if named:  # 'a Chinese foreign ministry spokesperson': the body is named inside
            return Referent(match.start(), match.end(), named[-1].actor_id, "body", match.group())
        if match.group("body"):
            # 'the statistics bureau' is not the 'Rural Revitalization Bureau': every telling word must fit
            telling = [w for w in words[1:] if w not in GENERIC_MODIFIERS and not re.fullmatch(ROLES, w)]
            organisation = self._nearest_with(match.start(), {ORGANIZATION, GOVERNMENT}, telling, every=True)
            if organisation is None and words[0] == "the" and words[-1] in GENERIC_BODIES:
                organisation = self._nearest(match.start(), {ORGANIZATION})
                if organisation is not None and organisation.start < match.start() - GENERIC_BODY_REACH:
                    organisation = None
            if organisation is not None:
                return Referent(match.start(), match.end(), organisation.actor_id, "body", match.group())
        role = match.group("role")
        if words[0] in ("a", "an") or role is None:
            return None
        role = role.lower()
        introduced = next(
            (d for d in reversed(earlier[-NEARBY_REFERENTS:]) if d.actor_id and role in d.text.lower()), None
        )
        if introduced is not None:  # 'a ministry spokesperson told ...' then 'The spokesperson said'
            return Referent(match.start(), match.end(), introduced.actor_id, introduced.kind, match.group())
        # 'The Turkish politician': the role, or a proper adjective the text gave the person ('Turkish ... chairman')
        clues = [role] + [w.lower() for w in match.group().split()[1:] if w[0].isupper()]
        person = self._nearest_with(match.start(), {PERSON}, clues)
        if person is None and role in ("official", "officer"):  # whoever this text gave an office
            person = self._nearest_with(match.start(), {PERSON}, OFFICES, text_roles_only=True)
        return Referent(match.start(), match.end(), person.actor_id if person else None, "description", match.group())

    def _nearest_with(
        self, pos: int, kinds: set[str], clues: list[str], every=False, text_roles_only=False
    ) -> Referent | None:
        """The nearest referent of `kinds` before pos whose name, role or registry entry holds one of `clues`
        (or all of them); with text_roles_only, whose role in this text does."""
        patterns = [re.compile(r"\b" + re.escape(clue)) for clue in clues]
        fits = all if every else any
        end = bisect.bisect_left(self.referent_starts, pos)
        for ref in reversed(self.referents[max(0, end - NEARBY_REFERENTS) : end]):
            if ref.kind not in kinds or ref.actor_id is None or self.in_quote(ref.start):
                continue
            actor = self.actors.get(ref.actor_id)
            known = [self.roles.get(ref.actor_id, "")]
            if actor is not None and not text_roles_only:
                known += [ref.text, actor.name, actor.description, *actor.titles, *actor.aliases]
            described = " ".join(known).lower()
            if fits(pattern.search(described) for pattern in patterns):
                return ref
        return None

    def _genders(self) -> dict[str, str]:
        """'m' or 'f' for people the text calls Mr or Ms, so that 'she said' skips Mr Zenz."""
        genders = {}
        for m in self.mentions:
            title = re.search(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$", self.text[max(0, m.start - 6) : m.start])
            if title:
                genders.setdefault(m.actor_id, "m" if title.group(1) == "Mr" else "f")
        return genders

    def _document_author(self, match: re.Match, documents: list[Referent]) -> str | None:
        """The actor named in or beside a document's mention, its introducer, or the document it refers back to."""
        inside = [m for m in self.mentions_between(match.start(), match.end()) if m.end <= match.end()]
        if inside:
            return inside[-1].actor_id
        after = self.mentions_between(match.end() + 1, match.end() + 80)
        # 'the report by the UN', 'an analysis of official data by The New York Times'
        by = r"\s+(?:[^,;.“”\"]{1,50}?\s+)?(?:from|by|of)\s+(?:[Tt]he\s+)?"
        if after and re.fullmatch(by, self.text[match.end() : after[0].start]):
            return after[0].actor_id
        possessive = [
            m
            for m in self.mentions_between(match.start() - 60, match.start())
            if m.end <= match.start() and re.fullmatch(r"[’']s?\s+", self.text[m.end : match.start()] + " ")
        ]
        if possessive:
            return possessive[-1].actor_id
        if match.group().split()[0].lower() in ("a", "an"):
            sentence = self.sentence_of(match.start())
            subject = self.mentions_between(sentence.start, sentence.start + 5)
            return subject[0].actor_id if subject else self._issuer(match.end(), sentence)
        return documents[-1].actor_id if documents else None

    def _issuer(self, pos: int, sentence: Segment) -> str | None:
        """'In a statement, X said ...': the actor right before the sentence's first speech verb after pos."""
        verb = CUE.search(self.text, pos, min(sentence.end, pos + WINDOW))
        if verb is None:
            return None
        before = [m for m in self.mentions_between(pos, verb.start()) if m.end <= verb.start()]
        if before and re.match(r"[^,;]{0,60},\s", self.text[pos : before[-1].start + 1]):
            gap = self.text[before[-1].end : verb.start()]
            if GAP_SIMPLE.fullmatch(gap) or GAP_SEAT.fullmatch(gap) or GAP_APPOSITIVE.fullmatch(gap):
                return before[-1].actor_id
        return None

    def _nearest(
        self, pos: int, kinds: set[str], sentence_first: bool = False, excluded=frozenset()
    ) -> Referent | None:
        """The referent of one of `kinds` before pos, outside quotes: the subject of its sentence first."""

        def fits(r: Referent) -> bool:
            return r.end <= pos and r.kind in kinds and r.actor_id not in excluded and not self.in_quote(r.start)

        before = self.referents[: bisect.bisect_left(self.referent_starts, pos)]
        nearest = next((r for r in reversed(before) if fits(r)), None)
        if nearest is None or not sentence_first:
            return nearest
        sentence = self.sentence_of(nearest.start)
        return next(r for r in self.referents_between(sentence.start, nearest.start + 1) if fits(r))

    def cues_in(self, sentence: Segment) -> list["Cue"]:
        cues = []
        for m in CUE.finditer(self.text, sentence.start, sentence.end):
            if self.in_quote(m.start()):
                continue
            words_before = re.findall(r"[\w-]+", self.text[max(sentence.start, m.start() - 20) : m.start()])
            if m.group()[0].isupper() and m.start() > sentence.start:
                continue  # 'the United States': a name, not a verb
            if m.group().lower().startswith("add") and not re.match(r"\s*(?:that\b|[,.:;“\"]|$)", self.text[m.end() :]):
                continue  # 'added three companies to a list': not speech
            if m.group().lower() != "according to" and (
                (words_before and words_before[-1].lower() in NOUN_MARKERS)
                or re.match(r"\s+of\b", self.text[m.end() : m.end() + 4])
                or (
                    m.group().lower().endswith("s")
                    and m.group().lower() != "says"
                    and re.match(r"\s+(?:were|was|are|is|have|has)\b", self.text[m.end() : m.end() + 6])
                )
                or any(r.start <= m.start() < r.end for r in self.referents_between(m.start() - 200, m.start() + 1))
            ):
                continue
            cues.append(self._resolve(m, sentence, cues))
        return cues

    def _resolve(self, match: re.Match, sentence: Segment, earlier: list[Cue]) -> Cue:
        verb, start, end = match.group(), match.start(), match.end()
        text = self.text
        if verb.lower() == "according to":
            # 'according to X', 'according to data released by the X', 'according to the regional X'
            ref = next(iter(self.referents_between(end, min(end + WINDOW // 3, sentence.end))), None)
            if ref is not None and re.search(r"[,;:.“”\"(]", text[end : ref.start]):
                ref = None
            return self._cue(match, sentence, ref, "according to")
        if not verb.lower().endswith(("ing", "says")) and PASSIVE.search(_tail(text, sentence.start, start)):
            return Cue(start, end, verb, None, "", "none", sentence, False)
        subject = self.subject_before(sentence, start)
        listener_follows = verb.lower().startswith("tell") or verb.lower() == "told"  # 'told Reuters': the listener
        if (
            subject is None
            and not listener_follows
            and re.search(r"[,”\"’]\s*[”\"’]?\s*$", _tail(text, sentence.start, start))
        ):
            ref = next(
                (
                    r
                    for r in self.referents_between(end, sentence.end)
                    if re.fullmatch(r"\s+(?:the\s+)?", text[end : r.start] + " ")
                ),
                None,
            )
            following = re.match(r"\s+([\w’'-]+)", text[ref.end : ref.end + 30]) if ref is not None else None
            if ref is not None and not (following and _verb_like(following.group(1).lower())):
                return self._cue(match, sentence, ref, "inverted")  # not 'said the company had ...': a clause
        if verb.lower().endswith("ing") and re.search(r",\s*$", _tail(text, sentence.start, start)):
            if earlier and earlier[-1].speaker_id:
                prior = earlier[-1]
                return Cue(start, end, verb, prior.speaker_id, prior.speaker_text, prior.method, sentence, True)
            ref = self._clause_subject(sentence, start)
            return self._cue(match, sentence, ref, "pattern")
        ref = subject
        if ref is None and re.search(
            r"\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$", text[max(sentence.start, start - 20) : start]
        ):
            ref = self._clause_subject(sentence, start)  # 'X welcomed the decision but said ...'
        if ref is None:
            window = max(sentence.start, start - WINDOW)
            pronoun = re.search(r"\b(he|she|it|they)" + AUXILIARY_GAP + r"$", text[window:start], re.IGNORECASE)
            if pronoun:
                return self._pronoun_cue(match, sentence, window + pronoun.start(), pronoun.group(1))
            generic = GENERIC_SUBJECT.search(text[window:start])
            return Cue(
                start, end, verb, None, generic.group().strip(" ,") if generic else "", "none", sentence, bool(generic)
            )
        return self._cue(match, sentence, ref, "pattern")

    def _pronoun_cue(self, match, sentence, position: int, pronoun: str) -> Cue:
        word = pronoun.lower()
        kinds = (
            {PERSON, "description"}
            if word in ("he", "she")
            else ({"document", ORGANIZATION, GOVERNMENT} if word == "it" else set())
        )
        other_gender = {"he": "f", "she": "m"}.get(word)
        excluded = {a for a, g in self.genders.items() if g == other_gender}
        ref = self._nearest(position, kinds, sentence_first=True, excluded=excluded) if kinds else None
        if ref is None or ref.actor_id is None:
            return Cue(match.start(), match.end(), match.group(), None, pronoun, "none", sentence, True)
        return Cue(match.start(), match.end(), match.group(), ref.actor_id, pronoun, "pronoun", sentence, True)

    def _cue(self, match, sentence, ref: Referent | None, method: str) -> Cue:
        if ref is None:
            return Cue(match.start(), match.end(), match.group(), None, "", "none", sentence, False)
        if ref.kind == "document":
            method = "document"
        elif ref.kind in ("description", "body"):
            method = "description"
        return Cue(
            match.start(),
            match.end(),
            match.group(),
            ref.actor_id,
            ref.text,
            method if ref.actor_id else "none",
            sentence,
            True,
        )

    def subject_before(self, sentence: Segment, pos: int) -> Referent | None:
        """The noun phrase that says the verb at pos: right before it, or before an appositive or affiliation."""
        candidates = [
            r
            for r in self.referents_between(max(sentence.start, pos - WINDOW), pos)
            if r.end <= pos and not self.in_quote(r.start)
        ]
        for ref in reversed(candidates):
            gap = self.text[ref.end : pos]
            if re.search(r"[“”\"]", gap):
                return None
            if (
                GAP_SIMPLE.fullmatch(gap)
                or GAP_APPOSITIVE.fullmatch(gap)
                or (ref.kind == PERSON and GAP_AFFILIATION.fullmatch(gap))
                or (ref.kind in (ORGANIZATION, GOVERNMENT) and (GAP_BODY.fullmatch(gap) or GAP_SEAT.fullmatch(gap)))
            ):
                return self._appositive_head(ref, candidates) or self._owner(ref) or ref
            if ref.kind != "document" and re.fullmatch(
                r"\s+(?:" + DOCUMENT_NOUNS + r")\b[^,;“”\"]{0,100}?" + AUXILIARY_GAP, gap
            ):
                return ref
        return None

    def _appositive_head(self, ref: Referent, candidates: list[Referent]) -> Referent | None:
        """'Sophie Richardson, China director at Human Rights Watch, said': the person the appositive describes."""
        for head in reversed([c for c in candidates if c.end <= ref.start and c.kind == PERSON]):
            if re.fullmatch(r",[^,“”\"]*", self.text[head.end : ref.start]) and re.match(
                r"(?:\s*\([^()]{1,30}\))?,", self.text[ref.end : ref.end + 40]
            ):
                return head
        return None

    def _owner(self, ref: Referent) -> Referent | None:
        """'Peter Irwin at the Uyghur Human Rights Project said': the person, not the organisation."""
        before = self.text[max(0, ref.start - 12) : ref.start]
        if not re.search(r"\s(?:from|at|of|with)\s+(?:the\s+)?$", before):
            return None
        people = [
            r
            for r in self.referents_between(ref.start - 200, ref.start)
            if r.end <= ref.start and r.kind == PERSON and r.end >= ref.start - 12
        ]
        return people[-1] if people else None

    def _named_spokesperson(self, body: Referent, pos: int) -> Referent | None:
        """'Chinese foreign ministry spokesman Wang Wenbin': the person named right after the body's role word."""
        if body.kind == PERSON:
            return None
        person = next(iter(self.referents_between(body.end, pos)), None)
        if (
            person
            and person.kind == PERSON
            and re.fullmatch(r"\s+(?:[a-z]+\s+){1,3}", self.text[body.end : person.start])
        ):
            return person
        return None

    def _clause_subject(self, sentence: Segment, pos: int) -> Referent | None:
        """For ', saying ...': the first actor in the sentence that does not sit in a prepositional phrase."""
        for ref in self.referents_between(sentence.start, pos):
            if ref.end <= pos and not self.in_quote(ref.start):
                words = re.findall(r"[\w-]+", self.text[max(sentence.start, ref.start - 15) : ref.start])
                if not words or words[-1].lower() not in PREPOSITIONS | {"the"}:
                    return self._named_spokesperson(ref, pos) or ref
        return None


def _tail(text: str, start: int, end: int) -> str:
    """At most WINDOW characters of text[start:end], from its end: rules that read backwards need no more."""
    return text[max(start, end - WINDOW) : end]


def _word_count(text: str) -> int:
    return len(re.findall(r"[\w’'-]+", text))


# ---------------------------------------------------------------- quotes in marks


def _classify(ctx: _Context, span, sentence: Segment, quotes: list[Quote]) -> Quote | None:
    """A quote for a span in quotation marks, or None when the span is a label (a term)."""
    text = ctx.text
    start, end = span
    content = text[start:end]
    before = _tail(text, sentence.start, start - 1)
    after = text[end + 1 : min(sentence.end, end + WINDOW)]
    opens_sentence = (
        re.fullmatch(r"[\s(\[]*", text[sentence.start : start - 1]) is not None
        or re.search(r"[:,]\s*$", before) is not None
        and _is_sentence(content)
    )
    if _crosshead(ctx, span):
        return None
    if opens_sentence and _is_sentence(content) and _word_count(content) >= 3:
        cue = _cue_for(ctx, span, sentence)
        if cue is None:
            return _continued(ctx, span, DIRECT, sentence, quotes)
        return _quote(ctx, span, DIRECT, sentence, cue)
    words = _word_count(content)
    if words <= MAX_LABEL_WORDS and NAMED_LABEL.search(before):
        return None  # 'the slogan “Xinjiang cotton, the best cotton in the world”'
    if words <= MAX_TERM_WORDS and (LABEL_BEFORE.search(before) or LABEL_AFTER.match(after) or _in_list(text, span)):
        return None
    cue = _cue_for(ctx, span, sentence)
    if words <= 1 or (words <= MAX_SHORT_FRAGMENT and (cue is None or cue.speaker_id is None)):
        return None
    if cue is None:
        return _continued(ctx, span, PARTIAL, sentence, quotes)
    return _quote(ctx, span, PARTIAL, sentence, cue)


MAX_CROSSHEAD_WORDS = 8


def _crosshead(ctx: _Context, span) -> bool:
    """A short quotation alone on its line with no closing stop: a heading that repeats a quote ('‘Nobody tells
    us anything’'), a label rather than the quote itself."""
    start, end = span
    paragraph = ctx.paragraphs[ctx.paragraph_number(start)]
    alone = not ctx.text[paragraph.start : start - 1].strip() and not ctx.text[end + 1 : paragraph.end].strip()
    return alone and ctx.text[end - 1] not in ".!?…,;:" and _word_count(ctx.text[start:end]) <= MAX_CROSSHEAD_WORDS


def _is_sentence(content: str) -> bool:
    stripped = content.strip()
    return bool(stripped) and (stripped[0].isupper() or stripped[0] in "…\"“'‘") and _word_count(stripped) >= 3


def _in_list(text: str, span) -> bool:
    """One of several quoted labels in a row: '"forced labor," "genocide," or "camps"'."""
    start, end = span
    nearby = text[max(0, start - 12) : start - 1] + "|" + text[end + 1 : end + 12]
    return bool(
        re.search(r"[”\"’],?\s*(?:and|or|,)\s*$", nearby.split("|")[0])
        or re.match(r"^,?[”\"’]?,?\s*(?:and|or)?\s*[“\"‘]", nearby.split("|")[1])
    )


def _cue_for(ctx: _Context, span, sentence: Segment) -> Cue | None:
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
    return next((c for c in reversed(in_sentence[max(0, last - NEARBY_CUES) : last]) if not c.inverted), None)


def _quote(ctx: _Context, span, kind: str, sentence: Segment, cue: Cue | None) -> Quote:
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


def _continued(ctx: _Context, span, kind: str, sentence: Segment, quotes: list[Quote]) -> Quote:
    """A quote with no speech verb continues the speaker before it, if nobody else came in between.

    That speaker is the previous quote's (a direct quote within the next paragraph), or the one whose reported
    speech fills the sentence just before ("The paper said ... . ... who “found employment”").
    """
    start, end = span
    speaker = None
    last = next((q for q in reversed(quotes) if q.end <= start and q.kind in (DIRECT, PARTIAL) and q.speaker_id), None)
    if kind == DIRECT and last is not None:
        others = [
            r
            for r in ctx.referents_between(last.end, start)
            if r.kind in (PERSON, "description") and r.actor_id != last.speaker_id and not ctx.in_quote(r.start)
        ]
        if ctx.paragraph_number(start) - ctx.paragraph_number(last.end) <= 1 and not others:
            speaker = (last.speaker_id, last.speaker_text)
    if speaker is None:
        index = bisect.bisect_left(ctx.sentence_starts, sentence.start)
        before = [
            c
            for c in (ctx.cues_of(ctx.sentences[index - 1]) if index else [])
            if c.speaker_id and not c.participial and not c.stance
        ]
        newcomers = [
            r for r in ctx.referents_between(sentence.start, start) if r.kind == PERSON and not ctx.in_quote(r.start)
        ]
        if before and not any(r.actor_id != before[0].speaker_id for r in newcomers):
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


def _owner_of_words(ctx: _Context, start: int, sentence: Segment) -> tuple[str, str] | None:
    """'Xi Jinping's pledge that “no ethnic group should be left behind”': the one whose words they are."""
    before = _tail(ctx.text, sentence.start, start)
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
# Without 'that', only a pronoun subject shows that a clause follows the verb ("H&M said it was ...").
BARE_CLAUSE_START = re.compile(r"\s+(?:it|they|he|she|there|we)\s", re.IGNORECASE)
# ... or a short noun phrase and an auxiliary ("said EU representatives were welcome"), not an adverbial.
BARE_NOUN_CLAUSE = re.compile(
    r"\s+(?!(?:in|on|at|during|after|before|last|this|when|while|to|of|for|with|by|from|about|as|through|"
    r"into|over|under|earlier|later|yesterday|today|it|they|he|she|there|we)\b)"
    r"(?:[\w’'-]+,?\s+){0,11}?[\w’'-]+(?:\s*,[^,;“”\"]{1,60},)?\s+"
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
CLAIM_NOUNS = r"\b(?:findings|claims|allegations|accusations|reports|evidence|rumou?rs|suggestions|assertions)\b"
MIN_INDIRECT_WORDS = 5
MIN_SENTENCE_BEFORE_FRAGMENT = 8
# Reported speech cut before a quoted fragment must not end mid-clause ("the claims were").
DANGLING = {
    "were",
    "was",
    "is",
    "are",
    "be",
    "been",
    "as",
    "of",
    "a",
    "an",
    "the",
    "called",
    "that",
    "by",
    "to",
    "and",
    "or",
    "its",
    "their",
    "into",
    "for",
    "with",
    "than",
    "would",
    "could",
    "should",
    "will",
    "can",
    "may",
    "might",
    "must",
}
MAX_PARAGRAPH_SENTENCES = 4
AUXILIARIES = frozenset(
    "is are was were be been has have had do does did will would can could shall should may might must".split()
)


def _verb_like(word: str) -> bool:
    """A rough test for a clause's verb, enough to tell 'its treatment of minorities' from 'it was phasing out'."""
    return word in AUXILIARIES or word.endswith(("ed", "n’t", "n't"))


def _indirect(ctx: _Context, cues: list[Cue], quotes: list[Quote]) -> list[Quote]:
    """Reported speech: 'X said (that) ...', 'X told Y that ...', and '..., X said.' closing a sentence."""
    found: list[Quote] = []
    # Reported speech may hold a quoted fragment whole ('said it came “years too late”'), never cut one.
    taken = Index(outermost([(q.start, q.end) for q in quotes if q.kind != PARTIAL]))
    fragments = Index((q.start, q.end) for q in quotes if q.kind == PARTIAL)
    for cue in cues:
        if cue.participial or not cue.asserts or cue.verb.lower() == "according to" or not cue.has_subject:
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


def _complement(ctx: _Context, cue: Cue) -> tuple[int, int] | None:
    """The clause after 'said that' (or after 'said' when a named actor speaks)."""
    text, sentence = ctx.text, cue.sentence
    sentence_end = min(sentence.end, cue.end + MAX_REPORTED_CHARS)
    rest = text[cue.end : sentence_end]
    bare_noun = False
    that = re.match(r"((?:\s+[^\s,;:“”\"‘]+){0,12}?)\s+that\s+", rest)
    if (
        that
        and not re.search(r"\b(?:" + SPEECH_VERBS + r")\b|" + CLAIM_NOUNS, that.group(1))
        # 'said he was grateful but worried that ...': the 'that' belongs to a clause already under way
        and not any(w.lower() in AUXILIARIES for w in that.group(1).split())
    ):
        start = cue.end + that.end()
    elif cue.method in ("pattern", "pronoun", "description") and BARE_CLAUSE_START.match(rest):
        start = cue.end + 1
    elif (
        cue.speaker_id
        and cue.method in ("pattern", "pronoun", "description", "document")
        and cue.verb.lower() in BARE_CLAUSE_VERBS
        and (bare := BARE_NOUN_CLAUSE.match(rest))
        and not CUE.search(bare.group())  # 'denies abuses and claims ...': a second verb, not a clause
    ):
        start = cue.end + 1
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
    fragments = [(s, e) for s, e in ctx.quotes.within(start + 1, end) if _word_count(text[s:e]) > MAX_SHORT_FRAGMENT]
    # A fragment the clause goes on after ('had met “every delegation that would listen” in the run-up') is part
    # of the reported speech; one that ends it is the speaker's own words, and the clause stops before it.
    if fragments and _word_count(text[fragments[0][1] + 1 : end]) < MIN_INDIRECT_WORDS:
        if bare_noun:
            return None  # no 'that', and the speaker's own words follow in quotation marks: the quote says it
        cut = fragments[0][0] - 1
        words = [w.lower() for w in re.findall(r"[\w’'-]+", text[start:cut])]
        if len(words) < MIN_INDIRECT_WORDS or not any(_verb_like(w) for w in words):
            return None
        if words[-1] in DANGLING and len(words) < MIN_SENTENCE_BEFORE_FRAGMENT:
            return None  # 'he hoped the Netherlands would “...”': the quote is the substance
        if words[-1] not in DANGLING:  # 'would not cooperate with “any mechanism ...”': the fragment completes it
            end = cut
    while end > start and text[end - 1] in " .,!?":
        end -= 1
    return (start, end) if _word_count(text[start:end]) >= 3 else None


def _parenthetical(ctx: _Context, cue: Cue) -> tuple[int, int] | None:
    """'Today, Hashim says, he is serving a sentence': the whole sentence around a cue set off by commas."""
    text, sentence = ctx.text, cue.sentence
    speaker = re.search(r",\s*[^,;“”\"]{1,60}$", _tail(text, sentence.start, cue.start))
    if speaker is None or not re.match(r",\s+(?!(?:adding|noting|saying|citing)\b)[a-z]", text[cue.end : cue.end + 12]):
        return None
    end = sentence.end
    while end > sentence.start and text[end - 1] in " .!?":
        end -= 1
    if any(_is_sentence(text[s:e]) for s, e in ctx.quotes.within(sentence.start, end)):
        return None
    return (sentence.start, end) if _word_count(text[cue.end : end]) >= MIN_INDIRECT_WORDS else None


def _preceding_clause(ctx: _Context, cue: Cue) -> tuple[int, int] | None:
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
    if not re.fullmatch(r"(?:\s+[^\s,;]+){0,12}?\s*(?:[.!?]|,\s*(?:noting|adding|saying)\b.*)?\s*", tail, re.DOTALL):
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
    if any(_word_count(text[s:e]) > MAX_TERM_WORDS for s, e in ctx.quotes.within(start, comma)):
        return None
    return (start, comma) if _word_count(text[start:comma]) >= 3 else None


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
