"""Which actor a speaker's phrase names: the last step of attribution, after build/attribution.py read the phrase
from the parse and build/referents.py found what the text's phrases can point back to.

Each resolved cue records how its speaker was found (`method`), which the quotes and figures tables publish as
`attribution`: subject, inverted, according to, pronoun, description, document, or none.
"""

import re

from . import lexicon
from .attribution import Cue, Phrase
from .records import GOVERNMENT, ORGANIZATION, PERSON
from .referents import Referent, Referents

BODIES = (ORGANIZATION, GOVERNMENT, "body")
# Who speaks on condition of not being named: a body named beside them does not speak through them.
ANONYMOUS = {"source", "sources", "insider", "insiders"}
# Acts only a speaker performs, whatever the noun that names them; 'shows' or 'found' may have data for subject.
SPEAKING_ACTS = {"statement", "claim", "admission", "denial", "warning"}
# Role nouns, and their plurals: 'officials at the bureau' speak for the bureau.
ROLE_WORDS = set(lexicon.roles()) | {role + "s" for role in lexicon.roles()}
DOCUMENT_WORDS = set(lexicon.document_forms())
POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
# 'documents seen by The Economist': who saw a document did not write it.
WHO_SAW = re.compile(r"\b(?:seen|reviewed|obtained|viewed|examined|read)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
# Plural nouns for people: 'the experts' are the group named before ('UN experts'); 'they' after them too.
GROUP_NOUNS = lexicon.people() | {lexicon.plural(role) for role in lexicon.roles()}
# How far back (in characters) 'they' looks for the group that spoke last: a few paragraphs.
GROUP_REACH = 1500
AUTHORS = {"authors", "author", "co-authors"}
NAMED_AFTER = re.compile(r"[ \t]+(?:named|called)[ \t]+")
SET_OFF = re.compile(r",\s+")
METHODS = {"document": "document", "description": "description", "body": "description"}


def resolve(cues: list[Cue], referents: Referents) -> None:
    """Give each cue the actor its speaker's phrase names, the words that name it and how it was found."""
    for i, cue in enumerate(cues):
        cue.speaker_id, cue.speaker_text, cue.method = speaker(cue, referents)
        if cue.method == "pronoun" and _unnamed_spoke_since(cue, cues[:i], referents):
            cue.speaker_id, cue.method = None, "none"  # 'A former guard said little. “...,” she said'
        if cue.speaker_id is not None or cue.speaker is None:
            continue
        if _head(cue.speaker, referents.text) == "they":
            group = _spoke_before(cue, cues[:i], referents.text, GROUP_NOUNS)
            if group is not None:
                cue.speaker_id, cue.speaker_text, cue.method = group.speaker_id, "they", "pronoun"
        elif _head(cue.speaker, referents.text) in ANONYMOUS and _definite(cue.speaker, referents.text):
            same = _spoke_before(cue, cues[:i], referents.text, ANONYMOUS)  # 'A source at the ministry ... The source'
            if same is not None:
                cue.speaker_id, cue.method = same.speaker_id, "description"
        elif role := _role_again(cue, referents.text):
            same = _spoke_before(cue, cues[:i], referents.text, {role})
            if same is not None:
                cue.speaker_id, cue.method = same.speaker_id, "description"
            elif _stands_for_a_person(cue, role, cues[:i], referents.text):
                # '“...,” the diplomat said' of the spokesperson named before: as 'he' would be
                person = referents.nearest(cue.speaker.start, {PERSON}, sentence_first=True)
                if person is not None and person.actor_id is not None:
                    cue.speaker_id, cue.method = person.actor_id, "description"


def speaks(cue: Cue, text: str) -> bool:
    """Whether the cue's subject is someone who can speak: an actor, a pronoun, or people, a role, a body or a
    document left unnamed ('officials said'); not 'the move' or 'this focus'."""
    phrase = cue.speaker
    if phrase is None:
        return False
    head = _head(phrase, text)
    common_noun = text[phrase.head[0]].islower() and head.isalpha()
    if cue.act in SPEAKING_ACTS and common_noun and head not in lexicon.data_nouns():
        return True  # only someone says, tells, claims or denies: 'one importer told American media that ...'
    return cue.speaker_id is not None or phrase.pronoun or head in lexicon.speaking_nouns()


def speaker(cue: Cue, referents: Referents) -> tuple[str | None, str, str]:
    phrase = cue.speaker
    if phrase is None:
        return None, "", "none"
    text = referents.text
    if phrase.pronoun:
        word = text[phrase.head[0] : phrase.head[1]]
        ref = referents.pronoun(phrase.start, word)
        return (ref.actor_id, word, "pronoun") if ref else (None, word, "none")
    ref = _named(phrase, referents)
    if ref is None or ref.actor_id is None:
        return None, text[phrase.start : phrase.end], "none"
    head = _head(phrase, text)
    if cue.cites or head in lexicon.data_nouns():
        method = "according to"
    elif head in DOCUMENT_WORDS:
        method = "document"
    else:
        method = METHODS.get(ref.kind) or ("inverted" if cue.inverted else "subject")
    return ref.actor_id, ref.text, method


def _head(phrase: Phrase, text: str) -> str:
    """The phrase's head word in lower case."""
    return text[phrase.head[0] : phrase.head[1]].lower()


def _definite(phrase: Phrase, text: str) -> bool:
    """'The spokesperson', 'the authors': a phrase that is its head with 'the' alone before it."""
    return text[phrase.start : phrase.head[0]].strip().lower() == "the"


def _spoke_before(cue: Cue, earlier: list[Cue], text: str, heads: set[str] | frozenset[str]) -> Cue | None:
    """The last cue, a few paragraphs before at most, whose named speaker's phrase has one of these heads: 'The
    experts said ... “...,” they said', 'A spokesperson for the department said ... The spokesperson said'."""
    for other in reversed(earlier):
        if other.start < cue.start - GROUP_REACH:
            return None
        if other.speaker_id and other.speaker is not None and _head(other.speaker, text) in heads:
            return other
    return None


def _unnamed_spoke_since(cue: Cue, earlier: list[Cue], referents: Referents) -> bool:
    """Whether the last one who spoke before a pronoun is someone the text left unnamed after naming the person
    the pronoun would otherwise mean ('a former guard said'): 'he' or 'she' then means them."""
    text = referents.text
    last = next(
        (
            c
            for c in reversed(earlier)
            if c.speaker is not None and c.act in SPEAKING_ACTS and c.speaker.end <= cue.speaker.start
        ),
        None,
    )  # not a cue after the pronoun's own subject: 'She cautioned that a ban introduced ... and urged ...'
    if last is None or last.speaker_id is not None or last.speaker.pronoun:
        return False
    named = referents.pronoun(cue.speaker.start, text[slice(*cue.speaker.head)])
    head = _head(last.speaker, text)
    unnamed_person = text[last.speaker.head[0]].islower() and head.isalpha() and not head.endswith("s")
    return unnamed_person and named is not None and last.speaker.start > named.end


def _role_again(cue: Cue, text: str) -> str | None:
    """The role a phrase repeats with 'the' ('The spokesperson said'): the head word, else None."""
    head = _head(cue.speaker, text)
    return head if head in lexicon.roles() and _definite(cue.speaker, text) else None


def _stands_for_a_person(cue: Cue, role: str, earlier: list[Cue], text: str) -> bool:
    """Whether 'the diplomat' can only mean someone named before: the phrase is the role alone, the role is not
    one that speaks for a body, and no one the text left unnamed was given the role before ('an EU diplomat')."""
    phrase = cue.speaker
    alone = phrase.end == (phrase.extent or phrase.head)[1] == phrase.head[1] and not (phrase.body or phrase.owner)
    unnamed_before = any(
        other.speaker is not None and _head(other.speaker, text) == role and other.start >= cue.start - GROUP_REACH
        for other in earlier
    )
    return alone and role not in lexicon.spokespersons() and not unnamed_before


def _named(phrase: Phrase, referents: Referents) -> Referent | None:
    """The referent a phrase names: the one its head word is part of; for a role ('the firm's chief scientist',
    'an official at the bureau', "the company's spokesperson"), the person named beside it or the body it
    speaks for."""
    head = _head(phrase, referents.text)
    if head in ANONYMOUS:
        return _insiders_body(phrase, referents)
    if head in lexicon.data_nouns() or head in DOCUMENT_WORDS:
        return _source_of(phrase, referents)
    ref = referents.covering(*phrase.head)
    if ref is not None and ref.actor_id is not None and ref.kind != "description":
        # 'the German chemicals giant BASF said': a described body is the one named right after it
        return (_named_beside(phrase, referents) if ref.kind == "body" else None) or ref
    titled = referents.covering(phrase.start, phrase.start + 1)
    if (
        titled is not None
        and titled.kind == "document"
        and titled.actor_id
        and referents.text[phrase.head[0]].isupper()
    ):
        return titled  # 'The white paper Employment and Labor Rights in Xinjiang says': the document, then its title
    if phrase.appositive is not None:
        named = _first(referents, phrase.appositive, (PERSON, *BODIES))
        if named is not None:
            return named
    if head in ROLE_WORDS and phrase.extent is not None:
        named = _first(referents, phrase.extent, (PERSON,))  # 'China's ambassador to the UN, Zhou Mingxuan'
        if named is not None:
            return named
    if head in lexicon.person_words():  # 'Its manager, Ablimit Kurban, said', where the parse left the name out
        named = _person_after(phrase, referents, SET_OFF)
        if named is not None and referents.text[named.end : named.end + 1] == ",":
            return named
    if ref is None or ref.actor_id is None:  # 'a farmer named Tursun Memet told them'
        called = _person_after(phrase, referents, NAMED_AFTER)
        if called is not None:
            return called
    if ref is not None and ref.actor_id is not None:
        return ref
    for name in phrase.names:  # 'Chinese State Councilor and Foreign Minister Wang Yi'
        named = referents.covering(*name)
        if named is not None and named.actor_id is not None and named.kind in (PERSON, *BODIES):
            return named
    if head in ROLE_WORDS or head in lexicon.body_words():
        for part in (phrase.body, phrase.owner):
            named = _first(referents, part, BODIES) if part is not None else None
            if named is not None:
                return named
        owner = referents.text[slice(*phrase.owner)].lower() if phrase.owner else ""
        if owner == "its":  # 'Its authors argue': the authors of the document or body named before
            return referents.pronoun(phrase.owner[0], "it")
    if head in AUTHORS and _definite(phrase, referents.text):  # 'the authors argue': of the report cited last
        return referents.document_before(phrase.start)
    if head in GROUP_NOUNS and _definite(phrase, referents.text):
        return referents.group(phrase.start, head)
    return None


def _insiders_body(phrase: Phrase, referents: Referents) -> Referent | None:
    """The body a source speaks from, when the phrase names it ('a source at the Ministry of Justice'); 'a
    government source' or 'sources close to the ministry' name no one."""
    named = _first(referents, phrase.body, BODIES) if phrase.body is not None else None
    if named is not None and set(named.text.lower().split()) & lexicon.named_body_words():
        return named
    return None


def _named_beside(phrase: Phrase, referents: Referents) -> Referent | None:
    """The person or body a name written right after the phrase's head names ('the Swedish company H&M')."""
    if phrase.appositive is None or referents.text[phrase.head[1] : phrase.appositive[0]] != " ":
        return None
    return _first(referents, phrase.appositive, (PERSON, *BODIES))


def _person_after(phrase: Phrase, referents: Referents, joined: re.Pattern) -> Referent | None:
    """The first person named right after the phrase, what stands between them matching `joined` (', ' before a
    name set off by commas, ' named ')."""
    named = _first(referents, (phrase.end, phrase.end + 80), (PERSON,))
    return named if named is not None and joined.fullmatch(referents.text, phrase.end, named.start) else None


def _source_of(phrase: Phrase, referents: Referents) -> Referent | None:
    """Whose data or document it is: the body named in the phrase ('data released by the National Bureau of
    Statistics', 'estimates by consultancy Solaris Analytics', "the bureau's data", 'its annual report'), else
    the issuer the document was given ('the white paper' released before); data with no owner named are the
    body the sentence names ('CBP has detained 9,000 shipments, according to agency data')."""
    owner = referents.text[slice(*phrase.owner)] if phrase.owner else ""
    if owner.lower() in POSSESSIVE_PRONOUNS:
        return referents.pronoun(phrase.owner[0], POSSESSIVE_PRONOUNS[owner.lower()])
    for part in (phrase.owner, phrase.extent):
        named = _first(referents, part, (PERSON, *BODIES)) if part else None
        if named is not None and not WHO_SAW.search(referents.text, max(0, named.start - 30), named.start):
            return named
    inside = referents.covering(*phrase.head)  # 'a Reuters tally': the author named in the document's name
    if inside is not None and inside.kind == "document" and inside.actor_id is not None:
        named_in = referents.mentions_between(inside.start, inside.end)
        if any(m.actor_id == inside.actor_id for m in named_in):
            return inside
    document = referents.covering(*phrase.head)
    if document is not None and document.actor_id is not None and document.actor_id not in referents.media:
        return document
    if _head(phrase, referents.text) not in lexicon.data_nouns():
        return None
    nearest = referents.nearest(phrase.start, set(BODIES), excluded=referents.media)
    if nearest is not None and referents.sentence_of(nearest.start) == referents.sentence_of(phrase.start):
        return nearest
    return None


def _first(referents: Referents, span: tuple[int, int], kinds, excluded=frozenset()) -> Referent | None:
    """The first referent of one of `kinds` within the span that names an actor (not one of `excluded`)."""
    return next(
        (
            r
            for r in referents.between(*span)
            if r.end <= span[1] and r.kind in kinds and r.actor_id is not None and r.actor_id not in excluded
        ),
        None,
    )
