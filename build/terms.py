"""How a text uses each quoted label (term): as its own word, as someone else's, or at a distance.

The first of these rules that applies decides, and the words that decided it are kept (`Usage.cue`):

1. `distanced`: a distancing word just before it ('so-called “genocide”').
2. `attributed`: words just before it that give it as someone's name for a thing ('what Beijing calls', 'described
   them as', 'labelled its policies').
3. `distanced`: a sentence that denies or rejects it: a denial governs it ('denied running “camps”'), or a rejecting
   word stands where it is said ('the claims of “genocide” are slander').
4. `attributed`: it is in the statement of a speech verb, or inside someone's quote or reported speech.
5. `attributed`: it is given as an accusation or a charge ('accusations of', 'sentenced ... for').
6. `own`: otherwise, the outlet's own voice uses it.

The speech verbs and their statements are the ones build/attribution.py read (quotes.Extraction.cues); the quotes
are the extracted ones. Only the words within REACH characters of a label, in its sentence, are read, so a huge
text with no sentence end takes time in proportion to its length.
"""

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import accumulate

from .attribution import Cue
from .records import Quote
from .segment import Index

OWN, ATTRIBUTED, DISTANCED = "own", "attributed", "distanced"
# A denial governing a label rejects it (the lexicon's act, build/lexicon/speech_verbs.csv).
DENIAL = "denial"
# How far from a label (in characters, within its sentence) the words that qualify it are looked for.
REACH = 300
WORD = r"[\w'’.-]+"
# Between these words and the label: at most spaces, punctuation and the opening quotation mark.
BEFORE_LABEL = r")\W*$"
DISTANCING = re.compile(
    r"(?<![\w-])(so-called|so called|supposed|purported|self-styled|self-proclaimed|alleged" + BEFORE_LABEL,
    re.IGNORECASE,
)
NAMING = re.compile(
    rf"(?<![\w-])((?:what\s+(?:{WORD}\s+){{1,4}})?(?:"
    rf"(?:calls?|called|calling|label(?:s|l?ed|l?ing)?|branded|branding|dub(?:s|bed|bing)?|terms?|termed)"
    rf"(?:\s+{WORD}){{0,6}}?|"
    rf"(?:describ\w*|present(?:s|ed|ing)?|portray\w*|characteri[sz]\w*|refer\w*\s+to)(?:\s+{WORD}){{0,8}}?\s+as"
    rf"(?:\s+{WORD}){{0,4}}?|"
    r"known as|billed as)" + BEFORE_LABEL,
    re.IGNORECASE,
)
# Words that reject what is said where they stand.
REJECTING = re.compile(
    r"(?<![\w-])(?:den(?:y|ies|ied|ying|ial|ials)|reject\w*|refut\w*|debunk\w*|dismiss\w*|slander\w*|smear\w*|"
    r"lies|lie|liars?|rumou?rs?|fabricat\w*|conspirac\w*|groundless|baseless|nonsense|hoax\w*|myths?|"
    r"falsehoods?|disinformation|no such thing|never (?:been|existed)|(?:does|do|did) not exist)(?![\w-])",
    re.IGNORECASE,
)
CHARGED = re.compile(
    rf"(?<![\w-])((?:accusations?|allegations?|claims?|charges?)\s+of|accus(?:e|es|ed|ing)(?:\s+{WORD}){{0,4}}?\s+of|"
    rf"(?:sentenced|convicted|charged|jailed|imprisoned|detained|punished|prosecuted|indicted)"
    rf"(?:\s+{WORD}){{0,6}}?\s+(?:for|of|with)" + BEFORE_LABEL,
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Usage:
    usage: str
    cue: str  # the words that decided it, as written; "" for own use (or a quote that names no one)


class Reported:
    """An article's quotes and speech cues, indexed by position: the ones around a label are found without reading
    all of them."""

    def __init__(self, quotes: list[Quote], cues: list[Cue]):
        self.sentences = Index({(c.sentence.start, c.sentence.end) for c in cues})
        self.cues: dict[int, list[Cue]] = defaultdict(list)
        for cue in cues:
            self.cues[cue.sentence.start].append(cue)
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self.starts = [q.start for q in self.quotes]
        # the furthest any quote starting at or before each one reaches
        self.reach = list(accumulate((q.end for q in self.quotes), max))

    def cues_of(self, start: int) -> list[Cue]:
        """The cues of the sentence (as the cues were read) that holds `start`."""
        sentence = self.sentences.find(start)
        return self.cues[sentence[0]] if sentence else []

    def quote_around(self, start: int, end: int) -> Quote | None:
        i = bisect.bisect_right(self.starts, start) - 1
        while i >= 0 and self.reach[i] >= end:
            if self.quotes[i].end >= end:
                return self.quotes[i]
            i -= 1
        return None


def usage(text: str, span: tuple[int, int], sentence: tuple[int, int], reported: Reported) -> Usage:
    """How the label at `span` (its words, inside the quotation marks) is used in its sentence."""
    start, end = span
    before = text[max(sentence[0], start - REACH) : start]
    distancing = DISTANCING.search(before)
    if distancing:
        return Usage(DISTANCED, distancing.group(1))
    naming = NAMING.search(before)
    if naming:
        return Usage(ATTRIBUTED, naming.group(1))
    cue = governing_cue(span, reported.cues_of(start))
    if cue and cue.act == DENIAL:
        return Usage(DISTANCED, cue.verb)
    rejecting = _rejecting_word(text, span, _scope(cue, sentence))
    if rejecting:
        return Usage(DISTANCED, rejecting)
    if cue:
        return Usage(ATTRIBUTED, cue.verb)
    quote = reported.quote_around(start, end)
    if quote:
        return Usage(ATTRIBUTED, quote.cue or quote.speaker_text)
    charged = CHARGED.search(before)
    if charged:
        return Usage(ATTRIBUTED, charged.group(1))
    return Usage(OWN, "")


def governing_cue(span: tuple[int, int], in_sentence: list[Cue]) -> Cue | None:
    """Of the cues of the label's sentence, the speech verb whose statement holds the label (the nearest, when two
    share it: 'denies abuses, stating that its “centres” closed' is stated); else the nearest speaker's verb before
    it with no statement of its own ('Beijing called them “centres”'), or a participle that continues its subject's
    clause ('Beijing denies it, asserting its “centres” ...')."""
    start, end = span
    stating = [c for c in in_sentence if c.statement and c.statement.start <= start and end <= c.statement.end]
    if stating:
        return min(stating, key=lambda c: abs(start - c.end))
    before = [c for c in in_sentence if c.end <= start and c.statement is None and (c.speaker_id or c.participial)]
    return max(before, key=lambda c: c.end, default=None)


def _scope(cue: Cue | None, sentence: tuple[int, int]) -> tuple[int, int]:
    """Where a rejecting word bears on the label: the governing verb and its statement, or from the verb to the
    end of the sentence, or the whole sentence when no verb governs it."""
    if cue is None:
        return sentence
    if cue.statement is None:
        return cue.start, sentence[1]
    return min(cue.start, cue.statement.start), max(cue.end, cue.statement.end)


def _rejecting_word(text: str, span: tuple[int, int], scope: tuple[int, int]) -> str:
    """A rejecting word in the scope within REACH of the label, outside the label itself ('lies' can be a label)."""
    before = (max(scope[0], span[0] - REACH), span[0])
    after = (span[1], min(scope[1], span[1] + REACH))
    for start, end in (before, after):
        found = REJECTING.search(text, start, max(start, end))
        if found:
            return found.group()
    return ""
