"""Who speaks in an article: speech verbs, the actors and descriptions they can point back to, and their subjects.

`Context` reads one cleaned text with its actor mentions and quotation marks, and finds every speech verb (a
`Cue`) with the actor it belongs to and how that was decided (pattern, inverted, pronoun, description,
document...). The quotes and figures stages attribute their records through these cues.
"""

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

from .actors import GOVERNMENT, ORGANIZATION, PERSON, Mention, is_media
from .segment import Index, Segment, outermost, paragraphs, sentences

# Verbs that take a stance on what others said: they govern a quote before them ("rejected as “lies”"), but
# never one after them, never continue into the next sentence, and their 'that' clause is someone else's claim.
STANCE_VERBS = (
    "accuse|accuses|accused|accusing|reject|rejects|rejected|rejecting|condemn|condemns|condemned|condemning|"
    "denounce|denounces|denounced|denouncing|dismiss|dismisses|dismissed|dismissing|criticise|criticises|"
    "criticised|criticising|criticize|criticizes|criticized|criticizing|call|calls|called|calling|describe|"
    "describes|described|describing|brand|brands|branded|branding"
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
    "recalled|according to|"
    # findings speak only with a 'that' clause: 'the report found that ...', not 'police found weapons'
    r"find(?=\s+that\b)|finds(?=\s+that\b)|found(?=\s+that\b)|show(?=\s+that\b)|shows(?=\s+that\b)|"
    r"showed(?=\s+that\b)|"
    # '..., the bureau’s data showed.': a source named after what it says, like 'according to'
    r"show(?=\s*[.;])|shows(?=\s*[.;])|showed(?=\s*[.;])|" + STANCE_VERBS
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
# '... (Patriots for Europe), who voted against, said': a party or a country in brackets first
GAP_APPOSITIVE = re.compile(
    r"(?:\s*\([^()“”\"]{1,40}\))?(?:\s+(?:for|of|on|from)\s+[^,“”\"]{1,40})?(?:,[^,“”\"]{1,200}){1,2}," + AUXILIARY_GAP
)
GAP_AFFILIATION = re.compile(r"\s+(?:from|at|of|with)\s+(?:the\s+)?[A-Z][^,“”\".;]{1,100}?" + AUXILIARY_GAP)
# "The UN human rights office said", "China's foreign ministry said": the body speaks for the actor named.
GAP_BODY = re.compile(
    r"(?:[’']s)?\s+(?:[a-z]+\s+){0,3}(?:office|ministry|mission|embassy|department|government|"
    r"authorities|spokesperson|spokesman|spokeswoman|agency|delegation|consulate|bureau|"
    r"secretariat|leadership|officials)" + AUXILIARY_GAP
)
# "A white paper released by the State Council Information Office in 2021 pointed out": how a document came out.
GAP_DOCUMENT = re.compile(
    r"\s+(?:released|published|issued|presented|submitted|produced|compiled|commissioned|prepared|seen)\b"
    r"[^,;“”\"]{0,100}?" + AUXILIARY_GAP
)
# "the UN committee on the elimination of racial discrimination said": what a body is for, in lower case.
GAP_TOPIC = re.compile(r"\s+(?:on|for|of)\s+(?:the\s+)?[a-z][^,;:“”\".]{0,60}?" + AUXILIARY_GAP)
# "the Chinese Embassy in Washington said": where the body sits.
GAP_SEAT = re.compile(r"\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?" + AUXILIARY_GAP)
PREPOSITIONS = {"of", "from", "at", "in", "by", "with", "to", "on", "for", "against", "about", "into", "over"}
ROLES = (
    r"politician|official|minister|spokes(?:man|woman|person)|diplomat|academic|researcher|scholar|expert|"
    r"activist|lawyer|leader|envoy|ambassador|senator|governor|chairman|chairwoman|secretary|president|premier|"
    r"commissioner|professor|author|analyst|campaigner|chief|founder|director|officer"
)
BODY_WORDS = {
    "ministry",
    "mission",
    "delegation",
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
COMPANY_WORDS = re.compile(
    r"\b(?:company|firm|corporation|manufacturer|maker|retailer|brand|supplier|producer)\b", re.I
)
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
    r"press releases?|notices?|guidelines?|fact sheets?|filings?"
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
# 'Xinhua quoted him as saying', 'the readout quoted Gao Wenbin as saying'
QUOTED_AS = re.compile(r"\bquot(?:ed|es|ing)\s+(?P<who>[\w’'.-]+(?:\s+[\w’'.-]+){0,3})\s+as\s+$", re.IGNORECASE)
# 'according to agency data': a body's records, the body being the one its sentence named
BODY_DATA = re.compile(
    r"\s+(?:the\s+)?(?:agency|company|ministry|department|bureau|government|police|court)(?:[’']s)?\s+"
    r"(?:data|figures|statistics|records|filings|estimates)\b"
)
# '..., the figures show', '..., the bureau’s data showed': the data a sentence's facts come from
DATA_SUBJECT = re.compile(
    r"(?:(?P<owner>[’']s)|\b(?:[Tt]he|[Tt]hese|[Tt]his|[Ii]ts|[Tt]heir))\s+(?:[a-z]+\s+)?"
    r"(?:data|figures|statistics|numbers|records)\s+$"
)
# 'the firm’s chief scientist, ' or 'the researcher, ' before the name of the one who speaks
NAMED_AFTER = re.compile(r"(?:[’']s(?:\s+[\w-]+){1,4})?,\s+")
# After the body in a person's appositive: its acronym or its seat, then the appositive's closing comma
APPOSITIVE_BODY_END = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:\s+in\s+[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?)?,")
# What may stand before a sentence's subject: 'The', 'Thailand’s'
OPENING_NAMES = re.compile(r"\s*(?:[Tt]he\s+)?(?:[A-Z][\w’'-]*(?:[’']s)?\s+){0,3}")
# 'a report published by the centre': a body named by the word its name holds
BY_BODY_WORD = re.compile(
    r"\s+(?:published|released|issued|produced|compiled|prepared|written)\s+by\s+the\s+(?P<word>[a-z]+)\b"
)
# How far (in characters) the rules look around a quote or a speech verb; keeps huge texts linear.
WINDOW = 300
# How far back (in characters) an unattributed document looks for the body that wrote it: about a paragraph.
DOCUMENT_AUTHOR_REACH = 400
# How far (in characters) a name given to a document may be from the actor it names: a long article.
ARTICLE_REACH = 20000
# How far ahead (in characters) a body described in a lead may be named in full.
NAMED_LATER_REACH = 1500
# How many actors and descriptions back a description looks for the one it refers to.
NEARBY_REFERENTS = 200


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
    cites: bool = False  # a source for the sentence's facts ('according to X', '..., the figures show'), not speech

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


class Context:
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
        self.media = frozenset(m.actor_id for m in self.mentions if is_media(actors[m.actor_id]))
        # 'the company' is never the European Union: of the registry's organisations, only businesses are companies
        self.not_companies = frozenset(
            m.actor_id
            for m in self.mentions
            if actors[m.actor_id].reviewed and not COMPANY_WORDS.search(actors[m.actor_id].description)
        )
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
        if words[-1] == "official" and re.match(r"\s+[A-Z]", self.text[match.end() : match.end() + 2]):
            return None  # 'the official Xinjiang Daily': an adjective
        named = [
            m
            for m in self.mentions_between(match.start(), match.end())
            if m.end <= match.end() and self.actors[m.actor_id].type in (ORGANIZATION, GOVERNMENT)
        ]
        # someone who speaks for a body ('a Chinese foreign ministry spokesperson') is a description a pronoun
        # can point back to; the body itself ('the foreign ministry') is not
        kind = "description" if match.group("role") or match.group("speaking") else "body"
        if named:  # 'a Chinese foreign ministry spokesperson': the body is named inside
            return Referent(match.start(), match.end(), named[-1].actor_id, kind, match.group())
        if match.group("role") and words[0] in ("a", "an"):
            # 'an officer at the Qumbagh township police station': the body follows
            of = re.match(r"\s+(?:at|of|from|with|for)\s+(?:the\s+)?", self.text[match.end() : match.end() + 20])
            body = self.mentions_between(match.end() + of.end(), match.end() + of.end() + 1) if of else []
            if body and self.actors[body[0].actor_id].type in (ORGANIZATION, GOVERNMENT):
                return Referent(match.start(), match.end(), body[0].actor_id, "description", match.group())
        if match.group("body"):
            organisation = self._described_body(match, words, earlier)
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

    def _described_body(self, match: re.Match, words: list[str], earlier: list[Referent]) -> Referent | None:
        """'the statistics bureau', 'the regional department of transport', 'the agency', 'the company': the
        organisation the description points to, or None."""
        # 'the statistics bureau' is not the 'Rural Revitalization Bureau': every telling word must fit
        telling = [w for w in words[1:] if w not in GENERIC_MODIFIERS and not re.fullmatch(ROLES, w)]
        # 'the regional department of transport': what the body is of tells it apart too
        of = re.match(r" of ((?:[a-z]+ )?[a-z]+)\b", self.text[match.end() : match.end() + 40])
        if of:
            telling += [w for w in of.group(1).split() if w not in ("the", "and")]
        bodies = {ORGANIZATION, GOVERNMENT}
        # a news agency is seldom 'the agency' of the story it reports
        organisation = self._nearest_with(match.start(), bodies, telling, every=True, excluded=self.media)
        if organisation is None and of and len(telling) >= 2:
            # 'according to the regional department of culture and tourism' in a lead, named in full later
            organisation = self._first_after_with(match.end(), bodies, telling)
        if organisation is not None or words[0] != "the":
            return organisation
        if not of:  # 'the department': the one described before
            body = match.group("body")
            organisation = next(
                (d for d in reversed(earlier[-NEARBY_REFERENTS:]) if d.actor_id and body in d.text), None
            )
        if organisation is None and words[-1] in GENERIC_BODIES:
            organisation = self._nearest(match.start(), {ORGANIZATION}, excluded=self.media | self.not_companies)
            if organisation is not None and organisation.start < match.start() - GENERIC_BODY_REACH:
                organisation = None
        if organisation is None and len(words) == 2 and not of:
            # 'X has detained 9,000 shipments, according to the agency's data', 'CBP said ... The agency said':
            # the body this sentence or the one before named
            organisation = self._nearest(match.start(), bodies, excluded=self.media)
            here = max(0, bisect.bisect_right(self.sentence_starts, match.start()) - 1)
            if organisation is not None and organisation.start < self.sentence_starts[max(0, here - 1)]:
                organisation = None
        return organisation

    def _nearest_with(
        self, pos: int, kinds: set[str], clues: list[str], every=False, text_roles_only=False, excluded=frozenset()
    ) -> Referent | None:
        """The nearest referent of `kinds` before pos whose name, role or registry entry holds one of `clues`
        (or all of them); with text_roles_only, whose role in this text does. Actors in `excluded` never fit."""
        patterns = [re.compile(r"\b" + re.escape(clue)) for clue in clues]
        fits = all if every else any
        end = bisect.bisect_left(self.referent_starts, pos)
        for ref in reversed(self.referents[max(0, end - NEARBY_REFERENTS) : end]):
            if ref.kind not in kinds or ref.actor_id in excluded or ref.actor_id is None or self.in_quote(ref.start):
                continue
            actor = self.actors.get(ref.actor_id)
            known = [self.roles.get(ref.actor_id, "")]
            if actor is not None and not text_roles_only:
                known += [ref.text, actor.name, actor.description, *actor.titles, *actor.aliases]
            described = " ".join(known).lower()
            if fits(pattern.search(described) for pattern in patterns):
                return ref
        return None

    def _first_after_with(self, pos: int, kinds: set[str], clues: list[str]) -> Referent | None:
        """The first referent of `kinds` after pos, within a few paragraphs, whose name holds every clue."""
        start = bisect.bisect_left(self.referent_starts, pos)
        for ref in self.referents[start : start + NEARBY_REFERENTS]:
            if ref.start > pos + NAMED_LATER_REACH:
                return None
            named = ref.text.lower()
            if ref.kind in kinds and ref.actor_id and all(re.search(r"\b" + re.escape(c), named) for c in clues):
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
        named = self._named_by_modifier(match)
        if named:
            return named
        after = self.mentions_between(match.end() + 1, match.end() + 80)
        # 'the report by the UN', 'an analysis of official data by The New York Times'
        # ... 'by the German researcher Adrian Zenz': a few words may describe the author before the name
        by = r"\s+(?:[^,;.“”\"]{1,50}?\s+)?(?:from|by|of)\s+(?:[Tt]he\s+)?(?:[\w-]+\s+){0,3}?"
        if after and re.fullmatch(by, self.text[match.end() : after[0].start]):
            return after[0].actor_id
        described = BY_BODY_WORD.match(self.text, match.end())
        if described:  # 'a report published by the centre': the body whose name has that word
            body = self._body_holding({described.group("word").capitalize()}, match.start(), match.end())
            if body:
                return body
        possessive = [
            m
            for m in self.mentions_between(match.start() - 60, match.start())
            if m.end <= match.start() and re.fullmatch(r"[’']s?\s+", self.text[m.end : match.start()] + " ")
        ]
        if possessive:
            return possessive[-1].actor_id
        if match.group().split()[0].lower() in ("a", "an"):
            sentence = self.sentence_of(match.start())
            subject = next(iter(self.mentions_between(sentence.start, match.start())), None)
            # 'Thailand’s Ministry of Foreign Affairs said in a statement': a few names may come first
            if subject and OPENING_NAMES.fullmatch(self.text, sentence.start, subject.start):
                return subject.actor_id
            return self._issuer(match.end(), sentence)
        noun = _singular(match.group(1).split()[-1])
        same_kind = [d for d in documents if d.actor_id and _singular(d.text.split()[-1]) == noun]
        if same_kind:  # 'the report' is the report introduced before, not the white paper named since
            return same_kind[-1].actor_id
        if documents and documents[-1].actor_id:
            return documents[-1].actor_id
        return self._nearest_body_before(match.start())

    def _named_by_modifier(self, match: re.Match) -> str | None:
        """'the Ledgerline report': the organisation whose name holds the capitalised word."""
        words = {w for w in match.group().split()[1:] if w[0].isupper()}
        return self._body_holding(words, match.start(), match.end()) if words else None

    def _body_holding(self, words: set[str], start: int, end: int) -> str | None:
        """The organisation or government whose name holds one of the words ('Ledgerline', 'Centre'): the last
        named before start, else the first named after end."""
        fits = [
            m
            for m in self.mentions_between(start - ARTICLE_REACH, end + ARTICLE_REACH)
            if self.actors[m.actor_id].type in (ORGANIZATION, GOVERNMENT) and words & set(m.text.split())
        ]
        before = [m for m in fits if m.end <= start]
        return (before[-1] if before else fits[0]).actor_id if fits else None

    def _nearest_body_before(self, pos: int) -> str | None:
        """'The International Rights Observatory said ... The report found that ...': with no author named, a
        document is the last body the text named, if it did so recently."""
        i = bisect.bisect_left(self.mention_starts, pos)
        for mention in reversed(self.mentions[max(0, i - NEARBY_REFERENTS) : i]):
            if mention.start < pos - DOCUMENT_AUTHOR_REACH:
                return None
            if self.actors[mention.actor_id].type in (ORGANIZATION, GOVERNMENT) and not self.in_quote(mention.start):
                return mention.actor_id
        return None

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
            if ref is None and BODY_DATA.match(text, end):  # 'X has detained ..., according to agency data'
                ref = self._nearest(start, {ORGANIZATION, GOVERNMENT}, excluded=self.media)
                ref = ref if ref is not None and ref.start >= sentence.start else None
            return self._cue(match, sentence, ref, "according to", cites=True)
        if verb.lower().startswith("show") and not re.match(r"\s+that\b", text[end : end + 6]):
            return self._cue(match, sentence, self._data_source(sentence, start), "according to", cites=True)
        quoted = (
            QUOTED_AS.search(text, max(sentence.start, start - WINDOW), start) if verb.lower() == "saying" else None
        )
        if quoted:  # 'a readout quoted him as saying ...': the one quoted speaks, not the one quoting
            who_start = quoted.start("who")
            pronoun = {"him": "he", "her": "she", "them": "they"}.get(quoted.group("who").lower())
            if pronoun:
                return self._pronoun_cue(match, sentence, who_start, pronoun)
            named = [r for r in self.referents_between(who_start, start) if r.kind != "document"]
            return self._cue(match, sentence, named[0] if named else None, "pattern")
        if not verb.lower().endswith(("ing", "says")) and PASSIVE.search(tail(text, sentence.start, start)):
            return Cue(start, end, verb, None, "", "none", sentence, False)
        subject = self.subject_before(sentence, start)
        listener_follows = verb.lower().startswith("tell") or verb.lower() == "told"  # 'told Reuters': the listener
        if (
            subject is None
            and not listener_follows
            and re.search(r"[,”\"’]\s*[”\"’]?\s*$", tail(text, sentence.start, start))
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
            if ref is not None and not (following and verb_like(following.group(1).lower())):
                ref = self._named_after(ref, sentence) or ref
                return self._cue(match, sentence, ref, "inverted")  # not 'said the company had ...': a clause
        if verb.lower().endswith("ing") and re.search(r",\s*$", tail(text, sentence.start, start)):
            if earlier and earlier[-1].speaker_id:
                prior = earlier[-1]
                return Cue(start, end, verb, prior.speaker_id, prior.speaker_text, prior.method, sentence, True)
            ref = self.clause_subject(sentence, start)
            return self._cue(match, sentence, ref, "pattern")
        ref = subject
        if ref is None and re.search(
            r"\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$", text[max(sentence.start, start - 20) : start]
        ):
            ref = self.clause_subject(sentence, start)  # 'X welcomed the decision but said ...'
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

    def _cue(self, match, sentence, ref: Referent | None, method: str, cites: bool = False) -> Cue:
        if ref is None:
            return Cue(match.start(), match.end(), match.group(), None, "", "none", sentence, False, cites)
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
            cites,
        )

    def _data_source(self, sentence: Segment, pos: int) -> Referent | None:
        """Whose data shows it: the body whose data they are ('the bureau’s data showed'), else the body the
        sentence names ('CBP stopped 1,146 shipments ..., the figures show')."""
        data = DATA_SUBJECT.search(self.text, sentence.start, pos)
        if data is None:
            return None
        if data.group("owner"):
            owner = [r for r in self.referents_between(sentence.start, data.start()) if r.end == data.start()]
            return owner[-1] if owner else None
        return next(
            (
                r
                for r in self.referents_between(sentence.start, data.start())
                if r.kind in (ORGANIZATION, GOVERNMENT, "description") and r.actor_id not in self.media
            ),
            None,
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
            if (ref.kind == "document" and GAP_DOCUMENT.fullmatch(gap)) or (
                ref.kind in (ORGANIZATION, GOVERNMENT, "body", "description") and GAP_TOPIC.fullmatch(gap)
            ):
                return ref
        return None

    def _named_after(self, ref: Referent, sentence: Segment) -> Referent | None:
        """'said the researcher, Nadia Okafor, who ...', 'said the firm’s chief scientist, Martin Kovac': the
        person a description after 'said' goes on to name."""
        if ref.kind == PERSON:
            return None
        person = next(iter(self.referents_between(ref.end, min(sentence.end, ref.end + 60))), None)
        if person is not None and person.kind == PERSON and NAMED_AFTER.fullmatch(self.text, ref.end, person.start):
            return person
        return None

    def _appositive_head(self, ref: Referent, candidates: list[Referent]) -> Referent | None:
        """'Sophie Richardson, China director at Human Rights Watch, said': the person the appositive describes;
        'The Council, a trade group whose members include Northstar, said': the body it describes."""

        def heads(c: Referent) -> bool:
            return c.kind == PERSON or (
                c.kind in (ORGANIZATION, GOVERNMENT) and re.match(r",\s+(?:an?|the)\s", self.text[c.end : ref.start])
            )

        for head in reversed([c for c in candidates if c.end <= ref.start and heads(c)]):
            # '..., a trade lawyer at Whitfield & Crane in Washington, told': where the body sits may follow it
            if re.fullmatch(r",[^,“”\"]*", self.text[head.end : ref.start]) and APPOSITIVE_BODY_END.match(
                self.text[ref.end : ref.end + 60]
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

    def clause_subject(self, sentence: Segment, pos: int) -> Referent | None:
        """For ', saying ...' and a quote after a colon: the first actor in the sentence that does not sit in a
        prepositional phrase."""
        for ref in self.referents_between(sentence.start, pos):
            if ref.end <= pos and not self.in_quote(ref.start):
                before = self.text[max(sentence.start, ref.start - 20) : ref.start]
                words = [w.lower() for w in re.findall(r"[\w-]+", before)]
                if words and words[-1] == "the":  # 'Separately, the Commerce Department', not 'in the report'
                    words.pop()
                if not words or words[-1] not in PREPOSITIONS:
                    return self._named_spokesperson(ref, pos) or ref
        return None


def _singular(noun: str) -> str:
    """'reports' → 'report', 'studies' → 'study': enough to tell one kind of document from another."""
    noun = noun.lower()
    return noun[:-3] + "y" if noun.endswith("ies") else noun.rstrip("s")


def tail(text: str, start: int, end: int) -> str:
    """At most WINDOW characters of text[start:end], from its end: rules that read backwards need no more."""
    return text[max(start, end - WINDOW) : end]


def word_count(text: str) -> int:
    return len(re.findall(r"[\w’'-]+", text))


AUXILIARIES = frozenset(
    "is are was were be been has have had do does did will would can could shall should may might must".split()
)


def verb_like(word: str) -> bool:
    """A rough test for a clause's verb, enough to tell 'its treatment of minorities' from 'it was phasing out'."""
    return word in AUXILIARIES or word.endswith(("ed", "n’t", "n't"))
