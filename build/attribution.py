"""Who says what, read from the dependency parse: speech cues, the statement each reports, and its speaker's phrase.

Three small steps over one parsed sentence:

1. `cues`: the speech verbs of build/lexicon/speech_verbs.csv used as verbs, and 'according to'.
2. `_statement`: what a cue reports, from the tree: its clausal complement ('said (that) ...'), the clause it
   closes ('..., X said'), the rest of the clause it sits in ('according to X'), who an accusation accuses of what.
3. `_speaker`: the noun phrase that says who speaks: the verb's subject, inherited by 'and said', ', saying',
   'went on to say' and a relative clause ('X, who said'), the one 'quoted as saying', the object of
   'according to', the document a participle describes ('a statement saying').

Which actor that phrase names is for build/speakers.py: this module reads the parse and nothing else. Only the
sentences that hold a cue's word are parsed (`sentences_to_parse`), which keeps the build fast.
"""

import itertools
import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from . import language, lexicon
from .segment import INLINE_TURN, NOT_SPEAKERS, Index, Segment, outermost

# A clause whose subordinator is one of these asks; it states nothing ('declined to say whether ...').
QUESTION_MARKS = {"whether", "if"}
# Prepositions that tie a speaker to the body they speak for: 'an official at the bureau', 'a spokesman for X'.
BODY_PREPOSITIONS = {"at", "of", "from", "with", "for", "by"}
# Acts that start a statement of their own even without a clause: ', and accused the West of ...'.
TAKING_A_STANCE = {"accusation", "stance", "request", "denial"}
# Acts that claim numbers and report no statement: 'expects output to reach ...', 'recorded 1.2 million crossings'.
NUMBER_ACTS = {"forecast", "tally"}
# Verbs that only say what their subject is: a document as their subject does nothing ('the report was "a landmark"').
COPULAS = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s"}
# Acts that, after 'but', make a statement of their own: 'but insisted that ...', 'but warned that ...', 'but
# criticized ...' ('but believed ...' and 'but had concluded ...' go on with the clause)
CONTRASTING = TAKING_A_STANCE | {"claim", "warning", "statement", "admission"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "him", "her", "them"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}
MIN_STATEMENT_WORDS = 3
MAX_SENTENCE_CHARS = 5000
# Words a statement does not begin or end on: its subordinator, and what joins it to the next clause.
EDGE_WORDS = {"that", "and", "but", "or", "while", "as", "so"}


@dataclass(frozen=True)
class Phrase:
    """A noun phrase that names who speaks, as character offsets into the article."""

    start: int
    end: int  # the phrase without what follows its head: 'China's foreign ministry', 'the firm's chief scientist'
    head: tuple[int, int]  # its head word: 'ministry', 'scientist'
    pronoun: bool
    # the name it gives whoever speaks: its head's or appositive's ('his cousin Mehmet Tursun'), or the body's it
    # speaks for ('a poll by the Central Asia Barometer', 'a spokesperson for Arden Solar')
    speaking_name: tuple[int, int] | None = None
    appositive: tuple[int, int] | None = None  # 'Martin Kovac' in 'the firm's chief scientist, Martin Kovac,'
    names: tuple[tuple[int, int], ...] = ()  # words joined to the head that may name it: 'Foreign Minister Wang Yi'
    extent: tuple[int, int] | None = None  # the whole phrase: 'China's ambassador to the UN in Geneva, Zhou Mingxuan'
    body: tuple[int, int] | None = None  # 'the county bureau' in 'an official at the county bureau'
    owner: tuple[int, int] | None = None  # "China's" in "China's foreign ministry"


@dataclass(frozen=True)
class Statement:
    """What a cue reports: its words [start, end), and where the verb of its clause is (a statement whose verb
    sits inside quotation marks says nothing outside them)."""

    start: int
    end: int
    verb: int


@dataclass
class Cue:
    """A speech verb (or 'according to') in a sentence, what it reports and who says it."""

    start: int
    end: int
    verb: str  # as written: 'said', 'pointed out', 'according to'
    act: str  # the lexicon's act ('statement', 'denial', 'request', 'stance'...); 'source' for 'according to'
    sentence: Segment
    statement: Statement | None
    speaker: Phrase | None
    reports_objects: bool  # 'reported revenue of $1 billion': what its object holds is claimed too
    # filled in by speakers.resolve
    speaker_id: str | None = None
    speaker_text: str = ""
    method: str = "none"

    def reports(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps the cue's statement."""
        return self.statement is not None and self.statement.start < end and start < self.statement.end

    @property
    def asserts(self) -> bool:
        """Reports a statement of fact: not a request ('urged'), not a stance on someone's words ('rejected')."""
        return self.act in lexicon.ASSERTING or self.act in ("accusation", "source")

    @property
    def stance(self) -> bool:
        return self.act == "stance"

    @property
    def cites(self) -> bool:
        """A source for the sentence's facts ('according to X', '..., the data show'), not someone's speech."""
        return self.act == "source"

    @property
    def participial(self) -> bool:
        """', saying ...', ', noting that ...'."""
        return self.verb.lower().endswith("ing") and not self.cites

    @property
    def inverted(self) -> bool:
        """The speaker comes after the verb: '“...,” said Wang Yi'."""
        return self.speaker is not None and self.speaker.start > self.start


@cache
def cue_words() -> re.Pattern:
    """Any form of a speech verb, or 'according to': a sentence without one is not parsed. A verb that speaks only
    with its particle ('put the figure at', 'point out') needs the particle a few words on."""
    alternatives = []
    for form, verbs in sorted(lexicon.speech_verbs().items(), key=lambda item: len(item[0]), reverse=True):
        particles = {verb.particle for verb in verbs}
        if "" in particles:
            alternatives.append(re.escape(form))
        else:
            alternatives += [re.escape(form) + r"(?:\W+[\w’'-]+){0,8}?\W+" + p for p in sorted(particles)]
    alternatives += [re.escape(noun) for noun in lexicon.finding_nouns()]  # a document's verb: `_document_acts`
    return re.compile(r"(?<![\w-])(?:according to|" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


def sentences_to_parse(text: str, sentences: list[Segment]) -> list[Segment]:
    """The sentences that hold a cue's word. A 'sentence' longer than any a reporter writes is text the
    segmenter could not split (a page's furniture, a run-on dump): the parser cannot read it, and it gets no
    attribution."""
    words = cue_words()
    return [s for s in sentences if s.end - s.start <= MAX_SENTENCE_CHARS and words.search(text, s.start, s.end)]


def find_cues(text: str, sentences: list[Segment], parses: language.Parses | None = None) -> list[Cue]:
    """Every cue of the given sentences, with its statement and speaker phrase, in text order."""
    chosen = sentences_to_parse(text, sentences)
    parses = parses or language.Parses(text)
    # a turn's label ('NARRATOR (VO):', 'Q:') is no part of the sentence the parser reads: it would be its subject
    spoken = [_spoken_part(text, sentence) for sentence in chosen]
    return [
        cue
        for sentence, words, doc in zip(chosen, spoken, parses.of(spoken), strict=True)
        for cue in cues(doc, sentence, words.start)
    ]


def _spoken_part(text: str, sentence: Segment) -> Segment:
    """The sentence without the transcript label that opens it, if any: what the parser reads."""
    label = INLINE_TURN.match(text, sentence.start, sentence.end)
    return Segment(label.end(), sentence.end) if label and label.group(1) not in NOT_SPEAKERS else sentence


def speaker_names(cues: list[Cue]) -> Index:
    """The names the parse makes speakers: 'Volkswagen said', 'his cousin Mehmet Tursun told'; not what only
    claims a number ('Tacheng recorded ...', 'the West expects ...'), which may be a place."""
    return Index(
        outermost(
            c.speaker.speaking_name for c in cues if c.speaker and c.speaker.speaking_name and c.act not in NUMBER_ACTS
        )
    )


def cues(doc: Doc, sentence: Segment, at: int | None = None) -> list[Cue]:
    """The cues of one parsed sentence; offsets are the article's (the parsed words start at `at`, by default
    where the sentence starts)."""
    found = []
    at = sentence.start if at is None else at
    for token in doc:
        cited = _cites(token)
        if cited is not None:  # 'according to X', 'By his count, ...': the rest of the clause is the source's
            words, source = cited
            found.append(
                Cue(
                    at + words.start_char,
                    at + words.end_char,
                    words.text,
                    "source",
                    sentence,
                    _statement_at(*_rest_of_clause(token), at),
                    _phrase(source, at) if source is not None else None,
                    False,
                )
            )
            continue
        owned = _owned_claim(token)
        if owned is not None:  # 'the Government's indication that ...': the owner's statement
            clause, owner = owned
            statement = _statement_at([t for t in clause.subtree], clause, at)
            found.append(
                Cue(
                    at + token.idx,
                    at + token.idx + len(token),
                    token.text,
                    "claim",
                    sentence,
                    statement,
                    _phrase(owner, at),
                    False,
                )
            )
            continue
        verb = _speech_verb(token)
        if verb is None and _document_acts(token):
            # 'The report examined records of 9,400 consignments': a document's numbers are its author's claims,
            # whatever its verb says it did
            verb = lexicon.SpeechVerb(token.lower_, "tally", True)
        if verb is None:
            continue
        end = token.idx + len(token)
        if verb.particle:
            end = next(c for c in token.children if c.lower_ == verb.particle).idx + len(verb.particle)
        found.append(
            Cue(
                at + token.idx,
                at + end,
                doc.text[token.idx : end],
                verb.act,
                sentence,
                _statement_at(*_statement(token, verb), at),
                _speaker(token, at),
                verb.reports_objects,
            )
        )
    return found


def _owned_claim(token: Token) -> tuple[Token, Token] | None:
    """(clause, owner) of a claim noun whose 'that' clause the text gives an owner: "the Government's indication
    that ...", 'the claim by the ministry that ...'; None for an unowned one ('the claim that ...')."""
    if not token.tag_.startswith("NN") or token.lower_ not in lexicon.claim_nouns():
        return None
    owner = next((c for c in token.children if c.dep_ == "poss" and c.tag_ != "PRP$"), None)
    by = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "by", "from")), None)
    if owner is None and by is not None:
        owner = next((c for c in by.children if c.dep_ == "pobj"), None)
    clause = next(
        (
            c
            for c in token.children
            if c.dep_ in ("acl", "ccomp", "appos") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    return (clause, owner) if owner is not None and clause is not None else None


def _speech_verb(token: Token) -> lexicon.SpeechVerb | None:
    """The lexicon's verb for a token used as a verb: 'pointed' with its 'out' is 'point out'. A form the tagger
    took for a noun is a verb when the tree gives it a subject and a 'that' clause ('Data from the department
    show that ...')."""
    candidates = lexicon.speech_verbs().get(token.lower_, ())
    if not candidates or not (token.tag_.startswith("VB") or _verb_shaped(token)):
        return None
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep")}
    with_particle = [
        v
        for v in candidates
        if v.particle and v.particle in particles and (not v.reports_objects or _puts_a_value(token))
    ]
    plain = [v for v in candidates if not v.particle]
    return (with_particle or plain or [None])[0]


def _puts_a_value(verb: Token) -> bool:
    """'put the figure at 1.8 million', 'puts the region's share at 85 percent', not 'put it at the briefing': a
    value is put on a number's noun, or the phrase gives a number."""
    figure_noun = any(c.dep_ == "dobj" and c.lower_ in lexicon.data_nouns() for c in verb.children)
    return figure_noun or any(c.dep_ == "prep" and any(t.tag_ == "CD" for t in c.subtree) for c in verb.children)


def _document_acts(token: Token) -> bool:
    """A verb whose subject is a document of findings: 'the report identifies', 'the assessment drew on'; not 'the
    report was "a landmark"', which says what someone makes of it, nor a sentence that goes on to describe what it
    names ('... for the retailer, which has 280 stores'), whose numbers may be anyone's."""
    return (
        token.tag_.startswith("VB")
        and token.lower_ not in COPULAS
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in lexicon.finding_nouns() for c in token.children)
        and not any(t.dep_ == "relcl" for t in token.subtree if t.i > token.i)
    )


def _verb_shaped(token: Token) -> bool:
    children = list(token.children)
    return any(c.dep_ == "nsubj" for c in children) and any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in children
    )


def _statement(verb: Token, entry: lexicon.SpeechVerb) -> tuple[list[Token], Token | None]:
    """The words the verb reports and the verb of their clause; no words when the tree shows none."""
    if entry.act in NUMBER_ACTS:
        return [], None  # 'Kestrel expects capacity to reach ...': a claim about numbers, not a statement
    if entry.act == "accusation":  # 'accused X of Y': 'X of Y'
        # the parser hangs 'of' on the verb or on the one accused ('accused Central Asian governments of ...')
        accused = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
        of = next((c for t in accused for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        objects = [c for c in of.children if c.dep_ in ("pcomp", "pobj")] if of is not None else []
        if not objects:
            return [], None
        # 'accused Washington of “economic bullying”': who is accused, and of what
        first = min((c.left_edge.i for c in accused[1:] if c.i < of.i), default=of.i + 1)
        # 'of torture, forced labor and sterilizations': the parser may hang the later charges on the verb
        charges = [of] + [c for c in verb.children if c.dep_ == "dobj" and c.i > of.i]
        end = max(c.right_edge.i for c in charges)
        # the parser hangs the rest of a charge on the verb ('... of using human rights “as a tool to contain
        # China's development”'), and other charges too ('of detaining ..., and of moving ...')
        for child in (c for c in verb.children if c.i > end and _goes_on_with_the_charge(c)):
            between = verb.doc[end + 1 : child.left_edge.i]
            joined = child.dep_ == "conj"
            if any(not _joins_charges(t, joined) for t in between) or _has_subject(child):
                break  # '... of “economic bullying” after the United States added 37 companies': a clause of its own
            end = child.right_edge.i
        return [t for t in verb.doc[first : end + 1]], objects[0]
    # 'The claim is misleading: official figures put the rate at 85 percent': what a colon ends is not reported
    clauses = [c for c in _complements(verb) if not (c.i < verb.i and ":" in {t.text for t in c.doc[c.i : verb.i]})]
    if clauses:
        # a quotation mark between an auxiliary and its verb ('had ‘graduated’') leads the parser to hang the
        # clause's 'that' and subject on the auxiliary
        heads = [clauses[0]] + [c for c in clauses[0].children if c.dep_ in ("aux", "auxpass") and c.i < clauses[0].i]
        marks = {m.lower_ for h in heads for m in h.children if m.dep_ == "mark" and m.i > verb.i}
        subjects = [c for h in heads for c in h.children if c.dep_ in SUBJECTS]
        relative = any(c.i < verb.i and c.lower_ in RELATIVE_PRONOUNS for c in subjects)
        if marks & QUESTION_MARKS or relative or _asks(clauses[0]) or not (subjects or "that" in marks):
            # 'declined to say whether ...', 'would not say how many ...'; 'abuses that he said were taking place'
            return [], None
        clauses += [c for c in verb.children if c.i > clauses[-1].i and _contrast(c) and not _named_subject(c)]
        words = [t for c in clauses for t in c.subtree]
        if "that" not in marks:
            words = [t for t in words if t.i >= _clause_opening(clauses[0], verb).i]
        counted = _counted_object(verb, clauses[0]) if not entry.reports_objects else None
        if counted is not None:  # 'said about 30 per cent of the yarn he imports comes from China'
            words = [t for t in verb.doc[counted.left_edge.i : words[0].i]] + words
        # ', noting that ...', ', and stressed that ...', 'but the UN fears ...': another statement begins
        ends = [
            t.left_edge.i
            for t in words
            if t.i > verb.i
            and (
                _participle(t)
                or _continues(t)
                or _speaks_again(t)
                or _comment(t)
                or (_contrast(t) and _named_subject(t))
            )
        ]
        return [t for t in words if t.i < min(ends, default=len(t.doc))], clauses[0]
    if _said_after_its_clause(verb):
        # '..., said Carla Mendes, a director at ...', which the parser read with a subject before the comma
        words = list(verb.doc[: verb.i - 1])
        return words, next(t for t in words if t.head.i >= verb.i - 1 or t.head.i == t.i)
    if _closes_clause(verb):
        # '..., X said': the verb closes the clause it hangs on; the statement is what comes before the speaker
        opening = _first_word(verb)
        return [t for t in verb.head.subtree if t.i < opening.i], verb.head
    if verb.dep_ == "parataxis" and verb.head.i > verb.i:
        return list(verb.head.subtree), verb.head  # 'Today, Hashim says, he is serving ...': the sentence around
    return [], None


def _counted_object(verb: Token, clause: Token) -> Token | None:
    """A count the parser made the speech verb's object though it opens the clause after it ('said about 30 per
    cent of the yarn he imports comes from China'), or None; for a verb that takes no plain object."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.left_edge.i), None)
    if obj is None or obj.left_edge.i != verb.i + 1:
        return None
    return obj if any(c.dep_ == "nummod" or c.tag_ == "CD" for c in obj.subtree if c.i < obj.i) else None


def _complements(verb: Token) -> list[Token]:
    """The clauses a speech verb takes: its clausal complements, those after it if any."""
    # a clause whose verb the parser missed still has its subject ('said Türkiye imported products worth ...')
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and (_verb_like(c) or _verbless_clause(c))]
    # '..., and bilateral trade reached ..., Lytvyn noted': every clause before it when it closes the sentence
    clauses = [c for c in clauses if c.i > verb.i] or clauses
    # a second complement must be a clause too: in 'said that X may amount to “...,” a finding Beijing
    # rejected', the parser makes 'a finding' one
    clauses = clauses[:1] + [c for c in clauses[1:] if _verb_like(c)]
    return clauses or _that_clause(verb)


def _clause_opening(clause: Token, verb: Token) -> Token:
    """Where a clause without 'that' begins: 'said on Monday it would ...' hangs 'on Monday' on the clause's
    verb, but it says when the speaker spoke, so the clause begins at its subject."""
    subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return clause.left_edge
    leading = [c for c in clause.children if verb.i < c.i < subject.i]
    if leading and all(c.dep_ in ("prep", "npadvmod", "advmod", "punct") for c in leading):
        return subject.left_edge
    return clause.left_edge


OBJECT_PRONOUNS = {"me", "us", "him", "her", "them", "it"}


def _verbless_clause(token: Token) -> bool:
    """An adjective with a subject of its own ('products worth $2.1 billion'), not a small clause that holds
    someone's opinion of the object ('finds them hard to take seriously')."""
    subjects = [c for c in token.children if c.dep_ in SUBJECTS]
    return token.tag_.startswith("JJ") and bool(subjects) and subjects[0].lower_ not in OBJECT_PRONOUNS


def _verb_like(token: Token) -> bool:
    return token.tag_.startswith(("VB", "MD"))


def _first_word(verb: Token) -> Token:
    """The first word of the verb's phrase that is not punctuation."""
    return next(t for t in verb.subtree if not t.is_punct or t.i == verb.i)


def _goes_on_with_the_charge(token: Token) -> bool:
    """A word hung on an accusing verb that may go on with its charge: a phrase, or another charge ('and of
    ...'), not another verb ('and said ...')."""
    return token.dep_ in ("prep", "advcl", "xcomp") or (token.dep_ == "conj" and not token.tag_.startswith("VB"))


def _joins_charges(token: Token, conjunct: bool) -> bool:
    """Quotation marks, and before another charge a comma or 'and'."""
    return token.tag_ in ("``", "''") or (conjunct and (token.text == "," or token.dep_ == "cc"))


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECTS for c in token.children)


def _that_clause(verb: Token) -> list[Token]:
    """'told the council before the vote that the motion was ...': a 'that' clause the parser hung on a word
    after the verb rather than on the verb itself."""
    for token in verb.subtree:
        if token.i > verb.i and token.dep_ == "mark" and token.lower_ == "that":
            clause = token.head
            # 'denied every report, ..., which concluded that ...': what a denial's object says is not the denier's
            # ('published a report saying that ...' is the publisher's)
            reported = (
                clause.head.i != verb.i
                and _speech_verb(clause.head) is not None
                and _speech_verb(verb).act in ("denial", "stance")
            )
            if (
                _has_subject(clause)
                and not _speech_verb(clause)
                and not reported
                and clause.head.lower_ not in lexicon.claim_nouns()
            ):
                return [clause]
            return []
    return []


def _contrast(token: Token) -> bool:
    """A clause with a subject of its own joined by 'and' or 'but': '..., but human rights should not be used'."""
    return (
        token.dep_ == "conj"
        and _has_subject(token)
        and _speech_verb(token) is None
        and any(c.dep_ == "cc" and c.lower_ in ("and", "but") for c in token.head.children if c.i < token.i)
    )


def _named_subject(token: Token) -> bool:
    """'but the UN fears ...': a clause whose subject is a name is the reporter's, not the speaker's."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_.startswith("NNP") for c in token.children)


def _continues(token: Token) -> bool:
    """A speech verb that goes on with a speaker named before: ', noting that ...', ', and stressed that ...', 'but
    criticized ...'."""
    entry = _speech_verb(token)
    if entry is None or _has_subject(token) or token.left_edge.i == 0:
        return False
    if not any(c.dep_ == "ccomp" for c in token.children) and entry.act not in TAKING_A_STANCE:
        return False  # 'it works with importers and publishes guidance': a verb of the clause, not a new statement
    joined_by = token.doc[token.left_edge.i - 1].lower_ if token.dep_ == "conj" else None
    # 'but criticized ...', 'but insisted that ...' say something of the speaker's own; 'but had concluded that ...'
    # goes on with the clause
    contrasted = joined_by == "but" and entry.act in CONTRASTING and not any(c.dep_ == "aux" for c in token.children)
    return _participle(token) or joined_by in ("and", ",") or contrasted


def _comment(token: Token) -> bool:
    """', a step it presented as ...', ', a claim Beijing denies': an appositive that describes what was said
    is the reporter's comment on it."""
    return (
        token.dep_ == "appos"
        and token.left_edge.i > 0
        and token.doc[token.left_edge.i - 1].lower_ == ","
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
        and any(c.dep_ in ("relcl", "acl") for c in token.children)
    )


def _speaks_again(token: Token) -> bool:
    """', although it did not clarify ...', ', but she would not say ...': a clause about the speaker's speech,
    with a pronoun for subject, is the reporter's."""
    entry = _speech_verb(token)
    return (
        token.dep_ in ("advcl", "conj")
        and entry is not None
        and entry.act not in NUMBER_ACTS  # 'and that she expected the number to rise' goes on with the statement
        and any(c.dep_ == "nsubj" and c.lower_ in PRONOUNS for c in token.children)
    )


def _participle(token: Token) -> bool:
    """', adding that ...', ', noting ...': a speech verb's participle set off by a comma."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in ("advcl", "conj", "xcomp")
        and _speech_verb(token) is not None
        and token.left_edge.i > 0
        and token.doc[token.left_edge.i - 1].lower_ == ","
    )


def _said_after_its_clause(verb: Token) -> bool:
    """'A project ... costs about 8% more to build, said Carla Mendes.': a finite verb right after the comma
    that ends a clause, with its subject after it and no clause of its own."""
    after = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i), None)
    return (
        verb.i > 2
        and verb.doc[verb.i - 1].lower_ == ","
        and verb.tag_ in ("VBD", "VBZ")
        and after is not None
        and after.tag_.startswith(("NN", "PRP"))
        and not any(t.tag_ in ("VBD", "VBZ", "VBP", "``", "''") for t in after.subtree)
        and (after.right_edge.i + 1 == len(verb.doc) or verb.doc[after.right_edge.i + 1].is_punct)
        and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children)
        and any(t.tag_.startswith("VB") for t in verb.doc[: verb.i - 1])
    )


def _closes_clause(verb: Token) -> bool:
    """'..., X said (on Tuesday).': a finite verb with its own subject, after a comma, taking no object."""
    return (
        verb.dep_ in ("parataxis", "ccomp", "advcl", "conj")
        and verb.head.i < verb.i
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children)
        and _first_word(verb).i > 0
        and verb.doc[_first_word(verb).i - 1].is_punct
    )


def _cites(token: Token) -> tuple[Span, Token | None] | None:
    """The words that cite a source and the source's noun: 'according to X', or 'By his count,' and 'By the
    ministry's estimate,' opening a sentence; None for any other token."""
    doc = token.doc
    if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
        return doc[token.i : token.i + 2], next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
    if token.lower_ != "by" or token.i != token.sent.start:
        return None
    data = next((c for c in token.children if c.dep_ == "pobj" and c.lower_ in lexicon.data_nouns()), None)
    owned = data is not None and any(c.dep_ == "poss" for c in data.children)
    return (doc[token.i : token.i + 1], data) if owned else None


def _rest_of_clause(according: Token) -> tuple[list[Token], Token]:
    """'X rose 9 percent, according to Y': the sentence 'according to' sits in, without the phrase itself: the
    part after it when it opens the sentence, the part before it when it closes it, and the whole sentence,
    phrase and all, when it stands in the middle (a statement is one stretch of text)."""
    phrase = range(according.left_edge.i, according.right_edge.i + 1)
    root = according.sent.root
    before = [t for t in root.subtree if t.i < phrase.start and not t.is_punct]
    after = [t for t in root.subtree if t.i >= phrase.stop and not t.is_punct]
    if before and after:
        return list(root.subtree), root
    return before or after, root


def _speaker(verb: Token, at: int) -> Phrase | None:
    """The phrase for whoever says what the verb reports."""
    subject = _subject(verb)
    if subject is None:
        return None
    return _phrase(subject, at)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the one it shares with the verb it depends on."""
    if _said_after_its_clause(verb):
        return next(c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i)
    for child in _subjects_first(verb):
        if child.dep_ == "nsubj":
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                # 'Zenz, who said ...'; 'Taiwan Forced Labor Watch, an advocacy group that published ...': the name
                named = verb.head.dep_ == "appos" and verb.head.head.tag_ in PROPER_NOUNS
                return verb.head.head if named else verb.head
            between = {t.tag_ for t in verb.doc[child.i : verb.i]}
            if child.i < verb.i and "''" in between and "``" not in between:
                # '“We have raised our concerns,” Wong said': not a word of the quote; '“... does not,” says
                # Carmen Llorente': the subject the parser also found after the verb
                after = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i), None)
                return after if after is not None else _words_before(verb)
            return child
        if child.dep_ == "agent":  # 'it was said by X'
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "nsubjpass":
            return None  # 'he was told that ...': the one told does not speak
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "as" and head.head.lower_.startswith("quot"):
        quoting = head.head  # 'X was quoted as saying', 'Xinhua quoted him as saying'
        return next((c for c in quoting.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if verb.dep_ == "acl":
        # 'a statement saying ...': the document says it; 'the opportunity to comment' has no one who speaks
        return None if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) else head
    if verb.dep_ in ("ROOT", "ccomp", "parataxis") and verb.tag_ in ("VBD", "VBZ", "VBP"):
        return _words_before(verb) or _name_after(verb)
    if _participle(verb) or _continues(verb):
        # 'X said the firm cut jobs, noting that ...': hung on a word of another speech verb's clause, the
        # verb goes on with that verb's speaker
        reporting = next((a.head for a in verb.ancestors if a.dep_ == "ccomp" and _speech_verb(a.head)), None)
        if reporting is not None:
            return _subject(reporting)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and (verb.tag_ == "VBG" or infinitive)):
        if head.i == verb.i:
            return None
        shared = _subject(head)  # 'and said', 'went on to say', ', saying'
        if shared is None and verb.dep_ == "conj":
            # 'X, who was detained in 2018, said ...', which the parser read as 'X was detained ... and said': the
            # subject of the passive verb is the one who speaks
            shared = next((c for c in head.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
        return shared
    return None


def _subjects_first(verb: Token) -> list[Token]:
    """The verb's children; when the parser, misled by a hyphen, made each part of a word a subject ('The
    co-rapporteur ..., MEP Samira Rafaela, said'), the subject nearest before the verb first."""
    before = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(before) < 2 or not any(c.text == "-" or c.nbor().text == "-" for c in before):
        return list(verb.children)
    return before[-1:] + [c for c in verb.children if c != before[-1]]


def _name_after(verb: Token) -> Token | None:
    """'“...,” said Under Secretary for Strategy, Policy, and Plans Rebecca Lindqvist, who chairs ...': after a
    quotation, the parser read a long title as a phrase of its own; the name that ends the words after the verb
    (before ', who' or the sentence's end) is its subject."""
    if verb.i == 0 or verb.doc[verb.i - 1].tag_ != "''":
        return None
    words = list(verb.doc[verb.i + 1 :])
    for i, token in enumerate(words):
        ends = token.tag_ == "." or (token.lower_ == "," and i + 1 < len(words) and words[i + 1].tag_ in ("WP", "WDT"))
        if ends:
            return words[i - 1] if i > 0 and words[i - 1].tag_ in PROPER_NOUNS else None
    return None


def _words_before(verb: Token) -> Token | None:
    """The parser left the verb without a subject: the noun phrase that ends right before it is the one
    ('..., a spokesperson for the Chinese Embassy in Washington said')."""
    before = verb.i - 1
    while before >= 0 and verb.doc[before].tag_ in ("RB", "MD") or before >= 0 and verb.doc[before].dep_ == "aux":
        before -= 1
    if before >= 0 and verb.doc[before].lower_ == ",":
        # 'Human Rights Watch's annual report for 2023, a copy of which was seen by reporters, said': the phrase
        # that opens the sentence, which the parser made the subject of a clause it misread
        opening = next((t for t in verb.doc[:before] if t.dep_ in SUBJECTS and t.left_edge.i == 0), None)
        return opening if opening is not None else _opening_name(verb.doc[:before])
    if before >= 2 and verb.doc[before].lower_ == "old" and verb.doc[before - 2].lower_ in ("year", "years"):
        return verb.doc[before]  # 'the 34-year-old said': an age stands for the person
    if before < 0 or not verb.doc[before].tag_.startswith(("NN", "PRP")):
        return None
    token = verb.doc[before]
    comma = max((t.i for t in verb.doc[:before] if t.lower_ in (",", ":", ";")), default=-1)
    while (
        token.head.i != token.i
        and token.head.i < verb.i
        and token.head.right_edge.i == before
        and token.head.left_edge.i > comma
    ):
        token = token.head
    return token if token.tag_.startswith(("NN", "PRP")) else None


def _opening_name(words: Span) -> Token | None:
    """'Seng Vanly, a researcher at ..., argued that': a name the tagger did not take for one opens the sentence
    and is set off by a comma; its last word stands for it."""
    name = list(itertools.takewhile(lambda t: t.is_title and t.is_alpha, words))
    if len(name) < 2 or len(name) == len(words) or words[len(name)].lower_ != ",":
        return None
    return name[-1]


def _phrase(head: Token, at: int) -> Phrase:
    left = head.left_edge
    for child in head.lefts:  # a relative clause or an appositive before the head does not name it
        if child.dep_ in ("relcl", "appos", "punct") and child.i < head.i:
            left = head.doc[child.right_edge.i + 1]
    appositive = next((c for c in head.children if c.dep_ == "appos"), None)
    body = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in BODY_PREPOSITIONS), None)
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    body_name = next((c for c in body.children if c.dep_ == "pobj"), None) if body is not None else None
    names = tuple((at + t.idx, at + t.idx + len(t)) for t in _joined(head) if t.i != head.i and not t.is_punct)
    return Phrase(
        at + left.idx,
        at + head.idx + len(head),
        (at + head.idx, at + head.idx + len(head)),
        pronoun=head.lower_ in PRONOUNS and head.tag_.startswith("PRP"),
        speaking_name=next(filter(None, (_proper_name(t, at) for t in (head, appositive, body_name) if t)), None)
        or _name_before_role(head, at),
        appositive=_span(appositive, at) if appositive is not None else None,
        names=names,
        extent=_span(head, at),
        body=_span(body, at, without_head=True) if body is not None else None,
        owner=_span(owner, at) if owner is not None else None,
    )


def _name_before_role(head: Token, at: int) -> tuple[int, int] | None:
    """'Scottish Government' in 'A Scottish Government spokesman': the name of the body a role speaks for,
    written before it."""
    if head.lower_ not in lexicon.roles():
        return None
    names = []
    for token in reversed(head.doc[head.left_edge.i : head.i]):
        if token.dep_ != "compound" or token.tag_ not in PROPER_NOUNS:
            break
        names.insert(0, token)
    # a body's name ('Scottish Government', 'Urumqi Customs'), not a place's ('A Gulf diplomat')
    if not names or names[-1].lower_ not in lexicon.named_body_words():
        return None
    return at + names[0].idx, at + names[-1].idx + len(names[-1])


def _proper_name(head: Token, at: int) -> tuple[int, int] | None:
    """A proper-noun head with the proper nouns compounded right before it ('Foreign Minister Wang Yi'); the
    tagger takes a name it does not know for a common noun, but one capitalised inside a sentence is a name
    ('”, Tohti told')."""
    if head.tag_ not in PROPER_NOUNS and not (head.tag_ == "NN" and head.is_title and head.i > 0):
        return None
    first = _first_of_name(head)
    # "the Kashgar Prefecture People's Government", "Women's Federation": a plural name that owns is part of it
    # ("China's Foreign Ministry" is China's)
    owner = next((c for c in head.children if c.dep_ == "poss" and _plural_name(c) and c.i + 2 == first.i), None)
    if owner is not None:
        names = [t for t in owner.subtree if t.i < owner.i]
        while names and names[0].tag_ not in PROPER_NOUNS:
            names = names[1:]
        first = names[0] if names else owner
    return at + first.idx, at + head.idx + len(head)


# Plurals that take "'s" and begin no name of a place: "People's Congress", "Women's Federation"
IRREGULAR_PLURALS = {"people", "women", "men", "children"}


def _plural_name(token: Token) -> bool:
    return token.tag_ == "NNPS" or (token.is_title and token.lower_ in IRREGULAR_PLURALS)


def _first_of_name(head: Token) -> Token:
    """The first of the proper nouns compounded right before the head; before a body word, also those compounded
    to one of them, and plurals ('Clean' + 'Threads' + 'Coalition')."""
    body = head.lower_ in lexicon.named_body_words()
    first = head
    while first.i > 0 and (before := head.doc[first.i - 1]).dep_ == "compound":
        joined = first.i <= before.head.i <= head.i if body else before.head.i == head.i
        # 'Plans Rebecca Lindqvist': a plural ends a title, it begins no name; but a body's name may hold one
        if not joined or before.tag_ not in ({"NNP", "NNPS"} if body else {"NNP"}):
            break
        first = before
    return first


PROPER_NOUNS = {"NNP", "NNPS"}


# How words of one name hang together in the tree: 'Chinese State Councilor and Foreign Minister Wang Yi'.
NAME_RELATIONS = {"compound", "appos", "conj", "flat", "nmod", "amod", "cc"}


def _joined(head: Token) -> list[Token]:
    """The head and the words joined to it by NAME_RELATIONS, not those in its clauses or prepositions."""
    joined, todo = [], [head]
    while todo:
        token = todo.pop()
        joined.append(token)
        todo += [c for c in token.children if c.dep_ in NAME_RELATIONS]
    return sorted(joined, key=lambda t: t.i)


def _asks(clause: Token) -> bool:
    """A clause that asks or names rather than states: it opens with a question word that belongs to it ('how many
    had been held', 'what it meant'), not to a clause inside it ('what they saw was different')."""
    word = clause.left_edge
    if word.lower_ not in QUESTION_WORDS:
        return False
    while word.i != clause.i:
        if word.dep_ in CLAUSE_RELATIONS or word.head.i == word.i:
            return False
        word = word.head
    return True


# Question words ('that' is tagged as one too) and the relations that open a clause of their own.
QUESTION_WORDS = {"what", "how", "why", "when", "where", "which", "who", "whom", "whose"}
CLAUSE_RELATIONS = {"csubj", "csubjpass", "advcl", "ccomp", "xcomp", "relcl", "acl", "pcomp", "conj"}


def _statement_at(tokens: list[Token], verb: Token | None, at: int) -> Statement | None:
    """The statement's offsets, without the punctuation and joining words at its edges; None when too few words
    are left to state anything."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ in EDGE_WORDS):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].lower_ in EDGE_WORDS):
        tokens = tokens[:-1]
    if verb is None or sum(1 for t in tokens if not t.is_punct) < MIN_STATEMENT_WORDS:
        return None
    return Statement(at + tokens[0].idx, at + tokens[-1].idx + len(tokens[-1]), at + verb.idx)


def _span(head: Token, at: int, without_head: bool = False) -> tuple[int, int]:
    """(start, end) of a word's subtree, without punctuation at its edges (or the word itself: a preposition's)."""
    tokens = [t for t in head.subtree if not t.is_punct and not (without_head and t.i == head.i)] or [head]
    return at + tokens[0].idx, at + tokens[-1].idx + len(tokens[-1])
