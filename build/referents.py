"""What a speaker's phrase can point back to: actors named, bodies and people described, documents.

`Referents` reads one cleaned text with its actor mentions and finds, besides the mentions themselves,
descriptions ('the spokesperson', 'the ministry', 'the company') with the actor each one points back to, and
documents ('the white paper', 'a statement') with the actor that issued them. build/speakers.py resolves a
speaker's phrase to one of these; pronouns go to the nearest fitting referent before them.
"""

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .actors import is_media
from .attribution import Cue
from .records import GOVERNMENT, ORGANIZATION, PERSON, Actor, Mention
from .segment import Index, Segment, containing, outermost

ROLES = "|".join(sorted(lexicon.roles(), key=len, reverse=True))
BODY_WORDS = set(lexicon.named_body_words())
GENERIC_BODIES = set(lexicon.body_words()) - BODY_WORDS
OFFICES = [role for role, office in lexicon.roles().items() if office]
OF_A_BODY = re.compile(r"\s+(?:at|of|from|with|in)\s+the\s+")
COMPANY_WORDS = re.compile(
    r"\b(?:company|firm|corporation|manufacturer|\w*maker|retailer|brand|supplier|producer|exporter|importer|"
    r"conglomerate|multinational|giant|consultancy)\b",
    re.I,
)
# Words in a description that do not tell one body from another.
GENERIC_MODIFIERS = {"regional", "local", "national", "provincial", "federal", "state", "central", "municipal", "city"}
GENERIC_MODIFIERS |= {"county", "new", "same", "top", "chinese", "american", "british", "us", "u.s.", "official"}
GENERIC_BODY_REACH = 1000
# "the county government's", "the bureau's": a described owner written before a document.
DESCRIBED_OWNER = re.compile(
    r"\b[Tt]he\s+(?P<words>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)[’']s?(?:\s+(?:\d{4}|[a-z][\w-]*)){0,2}\s*$"
)
# Levels of local government a description may give a body ('the county government', 'the township office'), and
# whose word the body's own name then carries ('Awat County Government').
NAMED_LEVELS = {"county", "township", "village", "prefecture", "district"}
# 'the delegation' speaks for a state (or the body whose delegation the text named), whichever body its head is from.
STATE_DELEGATION = "delegation"
# 'The spokesperson', 'a ministry spokesman', 'the foreign ministry', 'the department': someone named before; a
# body's own word capitalised too, as a short form of its name ('the Congress', 'a Commission spokesperson').
DESCRIPTION = re.compile(
    r"\b(?:[Tt]he|[Aa]n?) (?:[A-Z][\w.-]+ |[a-z][\w-]+ ){0,3}?(?:(?P<body>"
    + "|".join(sorted(BODY_WORDS | GENERIC_BODIES | {word.title() for word in BODY_WORDS}))
    + r")(?: (?P<speaking>"
    + ROLES
    + r"))?|(?P<role>"
    + ROLES
    # 'the deputy minister' is a minister: the role is the last of the roles that follow each other
    + r")(?! (?:"
    + ROLES
    + r")\b))\b"
)
# 'the 34-year-old said': someone the text gave that age
# and 'the 47-year-old former herder told RFE/RL'
AGE_DESCRIPTION = re.compile(
    r"\b[Tt]he (?P<age>\d{1,3})-year-old(?:(?:\s+[a-z][\w-]+){1,3}(?=\s+(?:"
    + lexicon.reporting_forms()
    + r")\b)|\b(?!\s+[a-z]+\s))"
)
DOCUMENT_NOUNS = "|".join(re.escape(form) for form in lexicon.document_forms())
# 'the white paper', 'a position paper', "the bureau's 2024 report", 'its annual report', 'the Ledgerline report'
DOCUMENT_MODIFIERS = (
    r"new|latest|recent|annual|official|leaked|written|joint|separate|formal|brief|short|lengthy|public|detailed|"
    r"final|draft|position|policy|research|internal|confidential|classified|preliminary|work|government|action|"
    r"implementation|five-year|so-called"
)
# A document introduced ('a long-delayed assessment', 'an e-mailed statement', 'its 64-page report') may have any
# words that describe it, but none that would join it to a phrase before it ('the figures in a report') or make
# it a verb with a subject ('that researchers estimate'); data are not introduced so.
LINKING_WORDS = "|".join(
    [
        *"the an? this that these those its their his her our of in on at by for from to with as".split(),
        *"and or but than which who whose is are was were be been has have had said says say not no".split(),
        *"it they he she we".split(),
        *sorted(lexicon.people()),
    ]
)
# 'a 131-page document': a word that describes may start with a number
DESCRIBING_WORD = r"(?!(?:" + LINKING_WORDS + r")[ \t])(?:[a-z]|\d[\d,]*-[a-z])[\w-]*"
WRITTEN_FORMS = "|".join(re.escape(form) for form in lexicon.document_forms() if form not in lexicon.data_nouns())
# a capitalised word may be an abbreviation ('the U.N. report'), but not a sentence's last word ('...: A Data-Based
# Assessment. The report')
NAMING_WORD = r"\d{4}|[A-Z][\w.&-]*(?<![a-z]{2}\.)"
# What stands before a document's noun: a determiner or a possessive, and the words that name or describe it
DOCUMENT_OPENING = (
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Tt]hese|(?<=[’']s))\s+"
    # 'a so-called “assessment”': a document named in scare quotes
    r"(?:(?:" + DOCUMENT_MODIFIERS + "|" + NAMING_WORD + r")\s+){0,4}[“\"‘]?"
)
# 'the statistics bureau', 'the census office': a body named after what it keeps, not a document
DOCUMENT_NOUN = (
    r"(?P<noun>" + DOCUMENT_NOUNS + r")\b(?![ \t]+(?:" + "|".join(map(re.escape, lexicon.body_words())) + r")\b)"
)
INTRODUCED_DOCUMENT = (
    r"\b(?:[Aa]n?|[Ii]ts|[Tt]heir|(?<=[’']s))[ \t]+"
    r"(?:(?:" + DESCRIBING_WORD + "|" + NAMING_WORD + r")[ \t]+){0,4}(?P<introduced>" + WRITTEN_FORMS + r")\b"
)
# 'the long-delayed assessment by the OHCHR', 'the 48-page report': a document described by hyphenated words, which
# counts as one only where the text says whose it is
DESCRIBED_DOCUMENT = r"\b[Tt]he[ \t]+(?:[a-z\d][\w]*-[a-z][\w-]*[ \t]+){1,2}(?P<described>" + WRITTEN_FORMS + r")\b"
DOCUMENT = re.compile(DOCUMENT_OPENING + DOCUMENT_NOUN + "|" + INTRODUCED_DOCUMENT + "|" + DESCRIBED_DOCUMENT)
# What issuing a document is called: 'published by the centre', 'X released a report'.
ISSUED = (
    r"published|released|issued|produced|compiled|prepared|unveiled|launched|presented|submitted|conducted|"
    r"carried out|commissioned|drafted|authored"
)
# 'a report published by the centre': a body named by the word its name holds
BY_BODY_WORD = re.compile(r"\s+(?:" + ISSUED + r"|written)\s+by\s+the\s+(?P<word>[a-z]+)\b")
# 'the China Institute of International Studies (CIIS) released a research report': the name before the verb
# ... + ' today released “Threads of Coercion,” ' + 'a 94-page report': the document's title may come first.
ISSUED_BY_SUBJECT = re.compile(
    r"(?:\)|\s*\([^()]{1,20}\))?\s+(?:today\s+|yesterday\s+)?(?:has\s+|have\s+|had\s+)?(?:"
    + ISSUED
    + r"|wrote)(?:\s+(?:on|in|last)(?:\s+\w+){1,2})?\s+(?:[“\"][^”\"\n]{1,200}[”\"],?\s+)?"
)
# 'Now a team leader' + ' on the spinning floor, she earns': the rest of a description set before the pronoun it
# describes, which is no one else
DESCRIBES_WHAT_FOLLOWS = re.compile(r"[^,.;:!?“”\"\n]*,\s+(?:he|she|they)\b")
# What may stand before a sentence's subject: 'The', 'Thailand’s'
OPENING_NAMES = re.compile(r"\s*(?:[Tt]he\s+)?(?:[A-Z][\w’'-]*(?:[’']s)?\s+){0,3}")
# 'the white paper Employment and Labor Rights in Xinjiang, issued by the': a title, then who issued it.
TITLED_ISSUED_BY = (
    r"(?:[ \t]+(?:[A-Z“\"]|of[ \t]|on[ \t]|into[ \t])[^,;:.\n]{0,80})?,?[ \t]+(?:" + ISSUED + r"|written)"
    r"(?:[ \t]+[\w-]+){0,2}?[ \t]+by[ \t]+(?:[Tt]he[ \t]+)?(?:[\w-]+[ \t]+){0,3}?"
)
# How far (in characters) an unattributed document looks for the body that wrote it: about a paragraph.
DOCUMENT_AUTHOR_REACH = 400
# How far (in characters) a name given to a document may be from the actor it names: a long article.
ARTICLE_REACH = 20000
# How far ahead (in characters) a body described in a lead may be named in full.
NAMED_LATER_REACH = 1500
# How many actors and descriptions back a description looks for the one it refers to.
NEARBY_REFERENTS = 200
# A subordinate clause that opens a sentence, before its subject.
FRONTED_CLAUSE = re.compile(
    r"(?:To|When|After|Since|If|As(?! for)|While|Although|Though|Because|Before|Once|Until|Unless)"
    r"\s[^,.;:\n“”\"]{1,150},"
)
OF_NAME = re.compile(r"\s+of\s+")
OWNER_BEFORE_NAME = re.compile(r"(?:the |[A-Z][\w.]*(?: [A-Z][\w.]*)*['’]s )?")
HONORIFIC_BEFORE = re.compile(r"\b(" + "|".join(lexicon.honorifics()) + r")\.?\s+$")


@dataclass(frozen=True)
class Referent:
    """Something a speaker's phrase or a pronoun can point back to."""

    start: int
    end: int
    actor_id: str | None
    kind: str  # person, organization, government, document, description (of a person), body (a described body)
    text: str


class Referents:
    """One article's referents in text order, with lookups by position."""

    def __init__(
        self,
        text: str,
        sentences: list[Segment],
        mentions: list[Mention],
        actors: dict[str, Actor],
        quotes: Index,
        cues: list[Cue],
        labels: Index | None = None,
    ):
        self.text = text
        # a transcript's speaker labels ('JAMES LONGMAN (voice-over):') name who speaks, not whom 'she' means
        self.labels = labels or Index([])
        self.actors = actors
        self.quotes = quotes
        self.cues = sorted(cues, key=lambda c: c.start)
        self.cue_starts = [c.start for c in self.cues]
        self.speaker_spans = Index(outermost((c.speaker.start, c.speaker.end) for c in cues if c.speaker))
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.sentences = sentences
        self.sentence_starts = [s.start for s in sentences]
        self.media = frozenset(m.actor_id for m in self.mentions if is_media(actors[m.actor_id]))
        self.not_companies = frozenset(m.actor_id for m in self.mentions if not _may_be_a_company(actors[m.actor_id]))
        self.roles: dict[str, str] = {}
        for m in self.mentions:
            self.roles[m.actor_id] = self.roles.get(m.actor_id, "") + " " + m.role
        self.all = self._referents()
        self.starts = [r.start for r in self.all]
        self.genders = self._genders()

    def between(self, start: int, end: int) -> list[Referent]:
        """Referents that start in [start, end), in text order."""
        return self.all[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]

    def covering(self, start: int, end: int) -> Referent | None:
        """The referent that holds the words [start, end): the longest of those that do."""
        around = self.between(max(0, start - 300), end)
        fits = [r for r in around if r.start <= start and end <= r.end]
        return max(fits, key=lambda r: r.end - r.start) if fits else None

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        return self.mentions[
            bisect.bisect_left(self.mention_starts, start) : bisect.bisect_left(self.mention_starts, end)
        ]

    def sentence_of(self, pos: int) -> Segment:
        return containing(self.sentences, pos)

    def in_quote(self, pos: int) -> bool:
        return pos in self.quotes

    def pronoun(self, pos: int, word: str) -> Referent | None:
        """Who 'he', 'she', 'it' or 'they' at pos stands for: the nearest fitting referent before it, preferring
        the subject of that referent's sentence; 'she' skips a man the text calls Mr."""
        word = {"him": "he", "her": "she", "them": "they"}.get(word.lower(), word.lower())
        if word in ("he", "she"):
            kinds = {PERSON, "description"}
        elif word == "it":
            kinds = {"document", ORGANIZATION, GOVERNMENT}
        else:
            return None
        other_gender = {"he": "f", "she": "m"}.get(word)
        excluded = {a for a, g in self.genders.items() if g == other_gender}
        if word == "it":
            excluded.add(None)  # 'The company said in an emailed statement ... it said': not a document of no one
        ref = self.nearest(pos, kinds, sentence_first=True, excluded=excluded)
        return ref if ref is not None and ref.actor_id is not None else None

    def document_before(self, pos: int) -> Referent | None:
        """The last document named before pos, within an article's reach, whose author the text gives."""
        for ref in reversed(self.between(max(0, pos - ARTICLE_REACH), pos)):
            if ref.kind == "document" and ref.actor_id is not None and not self.in_quote(ref.start):
                return ref
        return None

    def group(self, pos: int, noun: str) -> Referent | None:
        """'UN experts said ... The experts said', 'researchers at the institute ... the researchers': the body a
        group of people was named with before pos."""
        with_body = re.compile(
            r"(?:[’']s)?\s+(?:(?!(?:and|or|the|that|to|of|as|said|says|told|is|are|was|were|has|have)\b)[a-z-]+\s+){0,2}?"
            + re.escape(noun)
            + r"\b"
        )
        at_body = re.compile(re.escape(noun) + r"\s+(?:at|from|of|with|for)\s+(?:the\s+)?$")
        for ref in reversed(self.between(max(0, pos - ARTICLE_REACH), pos)):
            if ref.kind not in (ORGANIZATION, GOVERNMENT) or ref.actor_id in self.media or self.in_quote(ref.start):
                continue
            if with_body.match(self.text, ref.end) or at_body.search(self.text, max(0, ref.start - 40), ref.start):
                return Referent(ref.start, ref.end, ref.actor_id, "body", ref.text)
        return None

    def nearest(self, pos: int, kinds: set[str], sentence_first: bool = False, excluded=frozenset()) -> Referent | None:
        """The referent of one of `kinds` before pos, outside quotes: with sentence_first, the first one of that
        referent's sentence that fits (its subject, usually)."""

        def fits(r: Referent) -> bool:
            return (
                r.end <= pos
                and r.kind in kinds
                and r.actor_id not in excluded
                and not self.in_quote(r.start)
                and r.start not in self.labels
            )

        before = self.all[: bisect.bisect_left(self.starts, pos)]
        nearest = next((r for r in reversed(before) if fits(r)), None)
        if nearest is None or not sentence_first:
            return nearest
        # 'For Ms Sabir ... Every year on Gulnisa’s birthday she records ...': an owner is seldom who is meant
        nearest = next((r for r in reversed(before) if fits(r) and not self._owner(r)), nearest)
        sentence = self.sentence_of(nearest.start)
        # 'Qadir’s eldest daughter, Mihrigul Ablimit, said': an owner is not the one the sentence is about
        candidates = [r for r in self.between(sentence.start, nearest.start + 1) if fits(r) and not self._owner(r)] or [
            nearest
        ]
        # 'To measure what the report has changed, the Geneva Centre tracked ...': the subject follows the clause
        fronted = FRONTED_CLAUSE.match(self.text, sentence.start, sentence.end)
        if fronted:
            candidates = [r for r in candidates if r.start >= fronted.end()] or candidates
        # '..., Kamil said, ...': who spoke in that sentence is who the next 'he said' goes on with
        speaking = [r for r in candidates if r.actor_id is not None and self.speaker_spans.overlaps(r.start, r.end)]
        if speaking:
            return speaking[-1]
        # 'said the lawyer, Chalida Wongsakul': the description and the name are one person
        return next((r for r in candidates if r.actor_id is not None), candidates[0])

    def _owner(self, ref: Referent) -> bool:
        return self.text.startswith(("’s ", "'s ", "’ ", "' "), ref.end)

    def _referents(self) -> list[Referent]:
        named = [
            Referent(m.start, m.end, m.actor_id, self.actors[m.actor_id].type, m.text)
            for m in self.mentions
            if not self._inside_a_name(m)
        ]
        # for a capitalised body word: the first body named with it (start, actor) and where a second one is
        self.bodies_with: dict[str, tuple[tuple[int, str] | None, int | None]] = {}
        self.all, self.starts = named, [r.start for r in named]  # a document's author is read among the names
        documents = self._documents()
        in_document = Index((d.start, d.end) for d in documents)
        found = documents + [r for r in named if r.start not in in_document]
        found.sort(key=lambda r: (r.start, -r.end))
        self.all, self.starts = found, [r.start for r in found]
        self.bodies_with = {}  # found again without the names inside documents, which are no referents
        taken = Index(outermost([(r.start, r.end) for r in found]))
        descriptions: list[Referent] = []
        for m in DESCRIPTION.finditer(self.text):
            # 'the Congress' is a short form of a name; 'The Chinese Foreign Ministry' is the name itself
            short_form = (m.group("body") or "a")[0].isupper()
            if short_form and taken.overlaps(*m.span()):
                continue
            if (
                m.start() not in taken
                and not self.in_quote(m.start())
                and not DESCRIBES_WHAT_FOLLOWS.match(self.text, m.end())
            ):
                described = self._description(m, descriptions)
                if described is not None:
                    descriptions.append(described)
        for m in AGE_DESCRIPTION.finditer(self.text):
            if m.start() not in taken and not self.in_quote(m.start()):
                descriptions.append(Referent(m.start(), m.end(), self._aged(m), "description", m.group()))
        everything = sorted(found + descriptions, key=lambda r: (r.start, -r.end))
        starts = [r.start for r in everything]
        return [self._named_later(r, everything, starts) for r in everything]

    def _documents(self) -> list[Referent]:
        """The documents the text cites, with their authors; one introduced in other words than the usual ('an
        independent international investigation') only if its author is known."""
        documents: list[Referent] = []
        for m in DOCUMENT.finditer(self.text):
            if not self.in_quote(m.start()):
                author = self._document_author(m, documents)
                if author is not None or not (m.group("introduced") or m.group("described")):
                    documents.append(Referent(m.start(), m.end(), author, "document", m.group()))
        return [self._author_named_later(d, documents) for d in documents]

    def _author_named_later(self, document: Referent, documents: list[Referent]) -> Referent:
        """'..., according to a new study.' in a lead, then 'The report, by the Meridian Institute, says': a
        document a lead cites without its author is the next one the text names the author of."""
        cited = re.search(r"\baccording to\s+$", self.text[max(0, document.start - 20) : document.start])
        if document.actor_id is not None or document.text.split()[0].lower() not in ("a", "an") or not cited:
            return document
        author = next(
            (
                d.actor_id
                for d in documents
                if document.end < d.start <= document.end + NAMED_LATER_REACH
                and d.actor_id is not None
                and d.text.split()[0].lower() == "the"
            ),
            None,
        )
        return Referent(document.start, document.end, author, document.kind, document.text) if author else document

    def _named_later(self, ref: Referent, everything: list[Referent], starts: list[int]) -> Referent:
        """'a regional official said on Tuesday' in a lead, then 'Mamatjan Rexit, a spokesperson for ...' or 'An
        officer at the township police station': someone introduced by a role is the one given it next."""
        words = ref.text.lower().split()
        if ref.actor_id is not None or ref.kind != "description" or words[0] not in ("a", "an"):
            return ref
        role = words[-1]
        first = bisect.bisect_right(starts, ref.start)
        # 'a senior official, speaking on condition of anonymity, said': nobody the text names later
        unnamed = lexicon.anonymity().search(self.text, ref.end, self.sentence_of(ref.start).end) is not None
        spokesperson = len(words) == 2 and role in lexicon.spokespersons()
        introduced = None
        if spokesperson:  # 'The Chinese embassy hit back. A spokesperson said': before anyone given the role later
            introduced = self._body_spoken_for(ref, everything, first, self._sentence_before(ref.start))
        # 'an official at the energy ministry': someone of a body the text names, not whoever it gives an office next
        at_a_body = role in ("official", "officer") and OF_A_BODY.match(self.text, ref.end) is not None
        if not unnamed and not at_a_body:
            after = everything[first : first + NEARBY_REFERENTS]
            introduced = introduced or self._given_the_role_next(ref, role, after)
            introduced = introduced or self._introduced_next(ref, everything, starts)
        if introduced is None and spokesperson:
            introduced = self._body_spoken_for(ref, everything, first, self._paragraph_before(ref.start))
        return Referent(ref.start, ref.end, introduced, ref.kind, ref.text) if introduced else ref

    def _given_the_role_next(self, ref: Referent, role: str, after: list[Referent]) -> str | None:
        """The first person (or description) after ref that the text gives its role, or an office for 'an official'."""
        clues = [role] + (OFFICES if role in ("official", "officer") else [])
        for other in after:
            if other.start > ref.end + NAMED_LATER_REACH:
                return None
            if other.actor_id is None or other.kind not in (PERSON, "description"):
                continue
            described = other.text.lower() if other.kind == "description" else self._given_role(other)
            if any(re.search(r"\b" + re.escape(clue), described) for clue in clues):
                return other.actor_id
        return None

    def _sentence_before(self, pos: int) -> int:
        """Where the sentence before the one at pos starts, within pos's paragraph."""
        i = max(0, bisect.bisect_right(self.sentence_starts, pos) - 2)
        paragraph = self.text.rfind("\n\n", 0, pos)
        return max(self.sentences[i].start, paragraph if paragraph > 0 else 0)

    def _paragraph_before(self, pos: int) -> int:
        """Where the paragraph before the one at pos starts."""
        paragraph = self.text.rfind("\n\n", 0, pos)
        return self.text.rfind("\n\n", 0, paragraph) if paragraph > 0 else 0

    def _body_spoken_for(self, ref: Referent, everything: list[Referent], stop: int, since: int) -> str | None:
        """'In a statement, the company said: ... “...,” a spokesperson added': the body named or described last
        before everything[stop], from `since` on."""
        for other in reversed(everything[max(0, stop - NEARBY_REFERENTS) : stop]):
            if other.start < since:
                return None
            if (
                other.kind in (ORGANIZATION, GOVERNMENT, "body")
                and other.actor_id is not None
                and other.actor_id not in self.media
                and not self.in_quote(other.start)
            ):
                return other.actor_id
        return None

    def _introduced_next(self, ref: Referent, everything: list[Referent], starts: list[int]) -> str | None:
        """'A Uyghur activist whose sister ... told lawmakers ...', then a paragraph that opens with 'Nurgul
        Abdurehim, who fled ...': a lead that holds back the name gives it at the start of the next paragraph."""
        line_end = self.text.find("\n", ref.end)
        if line_end == -1:
            return None
        opening = len(self.text) - len(self.text[line_end:].lstrip())
        i = bisect.bisect_left(starts, opening)
        if i == len(everything) or everything[i].start != opening or everything[i].kind != PERSON:
            return None
        person = everything[i].actor_id
        return person if all(r.actor_id != person for r in everything[:i]) else None

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
        words = _description_words(match)
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
        of = OF_NAME.match(self.text, match.end())
        named_after = self._body_named_at(of.end()) if of else None
        if named_after:  # 'the delegation of Australia', 'the representative of the United Kingdom'
            return Referent(match.start(), match.end(), named_after, kind, match.group())
        body = match.group("body")
        if body and body[0].isupper():  # 'the Congress', 'a Commission spokesperson': a short form of a name
            if re.match(r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z]", self.text[match.end() : match.end() + 40]):
                return None  # 'The Office of the U.N. High Commissioner ...': the start of a name the model missed
            actor_id = self._only_body_named_with(body, match.start())
            return Referent(match.start(), match.end(), actor_id, kind, match.group()) if actor_id else None
        if match.group("role") and words[0] in ("a", "an"):
            body = self._body_after(match.end(), earlier)
            if body is not None:
                return Referent(match.start(), match.end(), body, "description", match.group())
        if words == ["the", STATE_DELEGATION]:
            state = self._state_delegated(match.start(), earlier)
            return Referent(match.start(), match.end(), state.actor_id, kind, match.group()) if state else None
        if match.group("body"):
            organisation = self._described_body(match, words, earlier)
            if organisation is not None:
                return Referent(match.start(), match.end(), organisation.actor_id, kind, match.group())
        role = match.group("role")
        if role is None:
            return None
        if words[0] in ("a", "an"):  # someone new, who may be named later (_named_later)
            return Referent(match.start(), match.end(), None, "description", match.group())
        role = role.lower()
        # 'The Turkish politician': the role, or a proper adjective the text gave the person ('Turkish ... chairman');
        # in this text, also a role the same person may have been given ('Ambassador Cui ... the envoy')
        clues = [role] + [w.lower() for w in match.group().split()[1:] if w[0].isupper()]
        given = self._nearest_with(
            match.start(), {PERSON}, clues + list(lexicon.same_person_roles().get(role, ())), text_roles_only=True
        )
        # 'a ministry spokesperson told ...', then 'The spokesperson said': the one given the role before, named or
        # not ('an official who asked not to be named said ...', then 'The official said' is still nobody named),
        # unless the text has given someone the role since
        introduced = next(
            (d for d in reversed(earlier[-NEARBY_REFERENTS:]) if d.kind == "description" and role in d.text.lower()),
            None,
        )
        if introduced is not None and (introduced.actor_id or introduced.text.lower().startswith(("a ", "an "))):
            if given is None or given.start < introduced.start:
                return Referent(match.start(), match.end(), introduced.actor_id, "description", match.group())
        # the role this text gives someone before the one the registry knows: 'Minister Hoekstra ... his Chinese
        # counterpart Wang Yi. The minister said' is Hoekstra's
        person = given or self._nearest_with(match.start(), {PERSON}, clues)
        if person is None and role in ("official", "officer"):  # whoever this text gave an office
            person = self._nearest_with(match.start(), {PERSON}, OFFICES, text_roles_only=True)
        return Referent(match.start(), match.end(), person.actor_id if person else None, "description", match.group())

    def _only_body_named_with(self, word: str, pos: int) -> str | None:
        """The one organisation or government named before pos whose name holds the word ('World Uyghur Congress'
        for 'Congress'); None when none or several do ('the Office' after two offices)."""
        if word not in self.bodies_with:  # found once per word: a long text may say 'the Commission' a thousand times
            starts = [
                (r.start, r.actor_id)
                for r in self.all
                if r.kind in (ORGANIZATION, GOVERNMENT)
                and r.actor_id is not None
                and word in self.actors[r.actor_id].name.split()
            ]
            # where a second body with the word is first named: from there on, the word is no one's
            second = next((start for start, actor_id in starts if actor_id != starts[0][1]), None) if starts else None
            self.bodies_with[word] = (starts[0] if starts else None, second)
        first, second = self.bodies_with[word]
        if first is None or first[0] >= pos or (second is not None and second < pos):
            return None
        return first[1]

    def _body_after(self, pos: int, earlier: list[Referent]) -> str | None:
        """'an officer at the Qumbagh township police station', 'an official of the ministry': the body named or
        described right after a role."""
        of = re.match(r"\s+(?:at|of|from|with|for)\s+", self.text[pos : pos + 20])
        if of is None:
            return None
        start = pos + of.end()
        body = self._body_named_at(start)
        if body:
            return body
        described = DESCRIPTION.match(self.text, start)
        if described is None or not described.group("body") or described.group("speaking"):
            return None
        organisation = self._described_body(described, _description_words(described), earlier)
        return organisation.actor_id if organisation is not None else None

    def _body_named_at(self, start: int) -> str | None:
        """The organisation or government whose name starts at start, after 'the' or a possessive ("China's")."""
        named = self.mentions_between(start, start + 1)
        if not named:
            name_start = start + len(OWNER_BEFORE_NAME.match(self.text, start).group())
            named = self.mentions_between(name_start, name_start + 1)
        return (
            named[0].actor_id if named and self.actors[named[0].actor_id].type in (ORGANIZATION, GOVERNMENT) else None
        )

    def _aged(self, match: re.Match) -> str | None:
        """'the 34-year-old said': the person the text gives that age ('Erkin Tursun, 34,'), else the person
        named last before, as 'she' would be."""
        age = match.group("age")
        given = re.compile(r",\s+(?:an?\s+)?" + age + r"(?:,|-year-old)")
        aged = next((r for r in self.all if r.kind == PERSON and given.match(self.text, r.end)), None)
        person = aged or self.nearest(match.start(), {PERSON}, sentence_first=True)
        return person.actor_id if person is not None else None

    def _given_role(self, person: Referent) -> str:
        """What the text calls a person: the role before the name, and the appositive after it."""
        appositive = re.match(r",\s+(?:an?|the)\s+[^,.;]{1,80}", self.text[person.end : person.end + 90])
        return (self.roles.get(person.actor_id, "") + " " + (appositive.group() if appositive else "")).lower()

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
        if words[0] == "the" and words[-1] in GENERIC_BODIES and len(words) == 2:
            # 'Volkswagen, the company ... . The chemicals giant BASF ... In February, the company said': the
            # body the sentence before is about, rather than one called a company further back
            if organisation is None or organisation.start < self._previous_sentence_start(match.start()):
                organisation = self._subject_just_before(match.start(), earlier) or organisation
        if organisation is None and of and len(telling) >= 2:
            # 'according to the regional department of culture and tourism' in a lead, named in full later
            organisation = self._first_after_with(match.end(), bodies, telling)
        distinctive = [w for w in telling if w != match.group("body")]
        if organisation is None and words[0] in ("a", "an") and distinctive:
            # 'a human rights group said on Thursday' in a lead, then 'The International Rights Observatory said'
            organisation = self._first_after_with(match.end(), bodies, distinctive, every=False)
        if organisation is not None or words[0] != "the":
            return self._at_level(words, organisation)
        if not of:  # 'the department': the one described before
            organisation = _described_before(earlier, match.group("body"))
        if organisation is None and words[-1] in GENERIC_BODIES:
            # 'the company' is a business; 'the think tank' may be any organisation
            excluded = self.media | (self.not_companies if COMPANY_WORDS.search(words[-1]) else frozenset())
            organisation = self.nearest(match.start(), {ORGANIZATION}, excluded=excluded)
            if organisation is not None and organisation.start < match.start() - GENERIC_BODY_REACH:
                organisation = None
        if organisation is None and len(words) == 2 and not of:
            # 'X has detained 9,000 shipments, according to the agency's data', 'CBP said ... The agency said'
            organisation = self._named_just_before(match.start(), bodies, self.media)
        return self._at_level(words, organisation)

    def _state_delegated(self, pos: int, earlier: list[Referent]) -> Referent | None:
        """'the delegation': the one whose delegation the text named before ('the Chinese delegation'), else the
        state named last (at a UN review, the one whose report is reviewed), not the ministry its head is from."""
        named = _described_before(earlier, STATE_DELEGATION)
        if named is not None:
            return named
        end = bisect.bisect_left(self.starts, pos)
        states = (r for r in reversed(self.all[max(0, end - NEARBY_REFERENTS) : end]) if r.actor_id in self.actors)
        return next((r for r in states if _a_states_government(self.actors[r.actor_id])), None)

    def _at_level(self, words: list[str], organisation: Referent | None) -> Referent | None:
        """The organisation, unless the description puts it at a level its name does not: 'the county
        government' is not the Government of the United States."""
        level = next((w for w in words if w in NAMED_LEVELS), None)
        if organisation is None or level is None or organisation.actor_id is None:
            return organisation
        return organisation if level in self.actors[organisation.actor_id].name.lower() else None

    def _named_just_before(self, pos: int, kinds: set[str], excluded: frozenset[str]) -> Referent | None:
        """The nearest referent of `kinds` that this sentence or the one before names."""
        found = self.nearest(pos, kinds, excluded=excluded)
        return found if found is not None and found.start >= self._previous_sentence_start(pos) else None

    def _subject_just_before(self, pos: int, descriptions: list[Referent]) -> Referent | None:
        """The first company that the sentence naming one nearest before pos (this one or the one before) names:
        a name, or a description read already ('The Hamburg-based company has hired ...')."""
        since = self._previous_sentence_start(pos)
        excluded = self.media | self.not_companies
        companies = [
            r
            for r in self.between(since, pos) + [d for d in descriptions if since <= d.start < pos]
            if r.kind in (ORGANIZATION, "body")
            and r.actor_id
            and r.actor_id not in excluded
            and r.end <= pos
            and not self.in_quote(r.start)
        ]
        if not companies:
            return None
        sentence = self.sentence_of(max(companies, key=lambda r: r.start).start)
        return min((r for r in companies if r.start >= sentence.start), key=lambda r: r.start)

    def _previous_sentence_start(self, pos: int) -> int:
        here = max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)
        return self.sentence_starts[max(0, here - 1)] if self.sentence_starts else 0

    def _nearest_with(
        self, pos: int, kinds: set[str], clues: list[str], every=False, text_roles_only=False, excluded=frozenset()
    ) -> Referent | None:
        """The nearest referent of `kinds` before pos whose name, role or registry entry holds one of `clues`
        (or all of them); with text_roles_only, whose role in this text does. Actors in `excluded` never fit."""
        patterns = [re.compile(r"\b" + re.escape(clue)) for clue in clues]
        fits = all if every else any
        end = bisect.bisect_left(self.starts, pos)
        for ref in reversed(self.all[max(0, end - NEARBY_REFERENTS) : end]):
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

    def _first_after_with(self, pos: int, kinds: set[str], clues: list[str], every=True) -> Referent | None:
        """The first referent of `kinds` after pos, within a few paragraphs, whose name holds every clue (or,
        with every=False, one of them)."""
        fits = all if every else any
        start = bisect.bisect_left(self.starts, pos)
        for ref in self.all[start : start + NEARBY_REFERENTS]:
            if ref.start > pos + NAMED_LATER_REACH:
                return None
            named = ref.text.lower()
            if ref.kind in kinds and ref.actor_id and fits(re.search(r"\b" + re.escape(c), named) for c in clues):
                return ref
        return None

    def _genders(self) -> dict[str, str]:
        """'m' or 'f' for people the text calls Mr or Ms, so that 'she said' skips Mr Zenz."""
        genders = {}
        for m in self.mentions:
            title = HONORIFIC_BEFORE.search(self.text[max(0, m.start - 6) : m.start])
            gender = lexicon.honorifics().get(title.group(1)) if title else None
            if gender:
                genders.setdefault(m.actor_id, gender)
        return genders

    def _document_author(self, match: re.Match, documents: list[Referent]) -> str | None:
        """The actor named in or beside a document's mention, its introducer, or the document it refers back to."""
        inside = [m for m in self.mentions_between(match.start(), match.end()) if m.end <= match.end()]
        if inside:
            return inside[-1].actor_id
        named = self._named_by_modifier(match)
        if named:
            return named
        if match.group().split()[0].lower() == "its":  # 'Its so-called report': whoever 'it' is
            it = self.nearest(match.start(), {ORGANIZATION, GOVERNMENT}, sentence_first=True)
            return it.actor_id if it is not None else None
        # 'a report by US-based Human Rights Watch': a name joined to the next word ('US-based') only describes
        after = [
            m
            for m in self.mentions_between(match.end() + 1, match.end() + 160)
            if not re.match(r"-[a-z]", self.text[m.end : m.end + 2])
        ]
        # 'the report by the UN', 'an analysis of official data by The New York Times'
        # ... 'by the German researcher Adrian Zenz': a few words may describe the author before the name; 'a copy
        # of which X shared' names who passed it on
        by = (
            r",?[ \t]+(?:[^,;:.“”\"\n]{1,50}?[ \t]+)?(?:from|by|of)[ \t]+(?!which\b)(?:[Tt]he[ \t]+)?"
            r"(?:[\w-]+[ \t]+){0,3}?"
        )
        if after and re.fullmatch(by + "|" + TITLED_ISSUED_BY, self.text[match.end() : after[0].start]):
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
        if re.search(r"\b[A-Z][\w.&-]*[’']s$", self.text[max(0, match.start() - 40) : match.start()]):
            return None  # "The Herald's analysis": an owner the text names who is no actor (the outlet itself)
        owner = DESCRIBED_OWNER.search(self.text, max(0, match.start() - 60), match.start())
        if owner:  # "the division's work report": the body named before with those words, or no one
            words = set(owner.group("words").split()) - (GENERIC_MODIFIERS - NAMED_LEVELS)
            return next(
                (
                    m.actor_id
                    for m in reversed(self.mentions_between(match.start() - ARTICLE_REACH, match.start()))
                    if self.actors[m.actor_id].type in (ORGANIZATION, GOVERNMENT)
                    and words <= set(m.text.lower().split())
                ),
                None,
            )
        if match.group("described"):
            return None  # whose it is, only as the text says it
        if match.group().split()[0].lower() in ("a", "an"):
            sentence = self.sentence_of(match.start())
            publisher = self._publisher(match.start(), sentence)
            if publisher:
                return publisher
            subject = next(iter(self.mentions_between(sentence.start, match.start())), None)
            # 'Thailand’s Ministry of Foreign Affairs said in a statement': a few names may come first
            if subject and OPENING_NAMES.fullmatch(self.text, sentence.start, subject.start):
                return subject.actor_id
            issuer = self._issuing_subject(match.start(), sentence)
            if issuer:
                return issuer
            return self._issuer(match.start(), match.end(), sentence)
        # 'the report' is the one introduced before, not the paper since; 'the white paper' is no researcher's paper
        kind = _kind_of(match.group())
        same_kind = [d for d in documents if _kind_of(d.text) == kind]
        if same_kind and same_kind[-1].actor_id:
            return same_kind[-1].actor_id
        # 'a new study ... The report, by X, says ... The study estimates'; but 'the figures show' are not the
        # filing cited last
        if documents and documents[-1].actor_id and match.group("noun") not in lexicon.data_nouns():
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

    def _issuing_subject(self, start: int, sentence: Segment) -> str | None:
        """'On June 19, the China Institute of International Studies (CIIS) released a research report': the actor
        named right before the verb that issues it."""
        before = [m for m in self.mentions_between(sentence.start, start) if m.end <= start]
        if before and ISSUED_BY_SUBJECT.fullmatch(self.text, before[-1].end, start):
            return before[-1].actor_id
        return None

    def _cues_in(self, sentence: Segment) -> list[Cue]:
        """The cues that start in the sentence, in text order."""
        first = bisect.bisect_left(self.cue_starts, sentence.start)
        return self.cues[first : bisect.bisect_left(self.cue_starts, sentence.end)]

    def _publisher(self, start: int, sentence: Segment) -> str | None:
        """'a group that in February published a report': whom the parse makes the subject of the verb that
        publishes the document right after it."""
        for cue in self._cues_in(sentence):
            if cue.act == "publication" and cue.speaker is not None:
                if re.fullmatch(r"\s+", self.text[cue.end : start]):
                    return self._named_in(cue.speaker)
        return None

    def _issuer(self, start: int, end: int, sentence: Segment) -> str | None:
        """'X said in a statement', 'In a statement, X said ...': the one the speech verb has for its subject."""
        for cue in self._cues_in(sentence):
            if cue.speaker is None:
                continue
            after_verb = re.fullmatch(r"[\s,]+(?:\w+[\s,]+){0,3}(?:in|on|with)\s+", self.text[cue.end : start] + " ")
            comma = re.fullmatch(r"(?:[^,;“”\"]{0,60},\s){1,2}", self.text[end : cue.speaker.start])
            if after_verb or comma:
                return self._named_in(cue.speaker)
        return None

    def _named_in(self, phrase) -> str | None:
        """The actor a speaker's phrase names outright: its head's mention, or a name beside it."""
        beside = [span for span in (phrase.appositive, phrase.body) if span is not None]
        for start, end in (phrase.head, *phrase.names, *beside):
            named = [m for m in self.mentions_between(start - 200, end) if m.start < end and start < m.end]
            if named:
                return named[-1].actor_id
        return None


def _may_be_a_company(actor: Actor) -> bool:
    """'the company' is never the European Union: of the registry's organisations, only businesses are companies;
    of the others, none whose name says it is another kind of body ('Kestrel Institute', 'Global Legal Action
    Network')."""
    if actor.reviewed:
        return actor.affiliation == "company" or COMPANY_WORDS.search(actor.description) is not None
    return not {word.lower() for word in actor.name.split()} & BODY_WORDS


def _described_before(earlier: list[Referent], word: str) -> Referent | None:
    """The last description shortly before that holds the word and points to an actor ('the Chinese delegation')."""
    return next((d for d in reversed(earlier[-NEARBY_REFERENTS:]) if d.actor_id and word in d.text), None)


def _a_states_government(actor: Actor) -> bool:
    """A country's government: one the registry knows by its places ('China', 'Beijing'), or one a text named by
    its country ('Government of Cuba')."""
    return actor.type == GOVERNMENT and (bool(actor.metonyms) or actor.name == f"Government of {actor.country}")


def _description_words(match: re.Match) -> list[str]:
    """A description's words in lower case, a body word of two words ('the think tank') as one."""
    body = (match.group("body") or "").lower()
    joined = match.group().lower().replace(body, body.replace(" ", "\u00a0")) if " " in body else match.group().lower()
    return [word.replace("\u00a0", " ") for word in joined.split()]


@lru_cache(maxsize=4096)
def _kind_of(document: str) -> str:
    """What kind of document a phrase names: its document noun, singular ('the 2024 reports' → 'report', 'a new
    white paper' → 'white paper'), enough to tell one kind from another."""
    document = document.lower()
    noun = next((form for form in lexicon.document_forms() if document.endswith(form)), document.split()[-1])
    return noun[:-3] + "y" if noun.endswith("ies") else noun.rstrip("s")
