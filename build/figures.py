"""Figures: numbers with the thing they count, a qualifier, the period they cover and who claims them.

Years, dates, ordinals, numbers inside names and slogans, and vague plurals ("tens of thousands", which have
no value to normalise) are not figures. The claimant is the speaker of the quote or reported speech the number
stands in, or of the speech verb that governs its sentence; None means the outlet states it itself.
"""

import bisect
import re
from collections import defaultdict

from . import attribution, language, lexicon, measures
from .quotes import INDIRECT, TRANSCRIPT, Extraction
from .records import PERSON, Actor, Figure, Mention, Term
from .segment import LIST_ITEM, Index, Segment, outermost, paragraphs, sentences

WORD_VALUES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9, "m": 1e6}
SCALES |= {"mln": 1e6, "bln": 1e9}  # news-agency abbreviations
QUALIFIERS = [
    "more than",
    "over",
    "at least",
    "about",
    "around",
    "nearly",
    "almost",
    "up to",
    "as many as",
    "as few as",
    "an average of",
    "on average",
    "average",
    "some",
    "approximately",
    "roughly",
    "less than",
    "fewer than",
    "a total of",
    "at most",
    "close to",
    "just over",
    "just under",
    "no fewer than",
    "no less than",
    "an estimated",
    "estimated",
    "upwards of",
    "only",
]
QUALIFIER = re.compile(
    r"(?:\b(" + "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True)) + r"))\s+$", re.IGNORECASE
)

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
WORDS = r"|".join(sorted(WORD_VALUES, key=len, reverse=True))
# '$1.47-billion' (The Globe and Mail's style) is 1.47 billion.
NUMBER = re.compile(
    r"(?<![\w.,/-])(?:(?P<digits>"
    + DIGITS
    + r")|(?P<word>(?:[Oo]ne|"
    + WORDS
    + r"))|(?P<a>\b[Aa])(?=\s+(?:thousand|million|billion|trillion)\b))"
    r"(?:(?:\s*|-)(?P<scale>" + "|".join(w for w in SCALES if w != "m") + r")\b|(?<=\d)(?P<tight>m)\b)?"
    r"(?P<percent>\s*(?:%|percent\b|per cent\b|percentage points?\b))?"
    r"(?![\w-]*\d)(?!-?(?:st|nd|rd|th)\b)"
)
RATIO = re.compile(
    r"\b(?P<a>one|two|three|four|five|\d+)\s+(?:in|out of)\s+(?:every\s+)?(?P<b>" + WORDS + r"|\d+)\b", re.IGNORECASE
)
# "one-fifth of", "a third of", "two-thirds of": a share, in percent.
DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}
DENOMINATORS |= {"ninth": 9, "tenth": 10} | {word + "s": n for word, n in list(DENOMINATORS.items())}
# 'about half of that value', 'nearly half of them'; not 'the first half of 2023' or 'a half' (FRACTION's)
HALF_OF = re.compile(r"(?<![\w-])(?<!first )(?<!second )(?<!the )(?<!a )(?<!one )half(?=\s+of\b)", re.IGNORECASE)
FRACTION = re.compile(
    r"\b(?P<a>an?|one|two|three|four)[\s-]+(?P<b>"
    + "|".join(sorted(DENOMINATORS, key=len, reverse=True))
    + r")(?=\s+of\b)",
    re.IGNORECASE,
)
YEAR = r"(?:1[89]\d\d|20\d\d)"
MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# a dateline writes the month in capitals: 'JUNE 20, 2024, 6:00 AM'; a time may have its 'am' on: '07:45am'
DATE_MONTHS = MONTHS + "|" + MONTHS.upper()
DATE = re.compile(
    r"\b(?:(?:"
    + DATE_MONTHS
    + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+"
    + YEAR
    + r")?|\d{1,2}(?:st|nd|rd|th)?\s+(?:"
    + DATE_MONTHS
    + r")(?:,?\s+"
    + YEAR
    + r")?|"
    + YEAR
    + r"[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}:\d{2}(?:[AaPp][Mm])?)\b"
)
PERIODS = [
    (
        re.compile(
            r"\b(?:from|between)\s+(?:(?:early|late|mid-?)\s*)?("
            + YEAR
            + r")\s+(?:to|and|until|till|through)\s+(?:(?:early|late|mid-?)\s*)?("
            + YEAR
            + r")\b",
            re.I,
        ),
        "range",
    ),
    (re.compile(r"\b(" + YEAR + r")\s*[-–/]\s*(" + YEAR + r"|\d\d)\b"), "range"),
    (re.compile(r"\b(?:since|from)\s+(" + YEAR + r")\b", re.I), "since"),
    (
        re.compile(
            r"\b(?:in|by|during|at the end of|at the start of|as of|until|before|after)\s+(?:(?:early|late|mid-?)\s*)?("
            + YEAR
            + r")\b",
            re.I,
        ),
        "year",
    ),
]
YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|by|from|until|of|during|before|after|to|and|between|early|late|mid|over|than|"
    r"year|fiscal|[Ss]ince|[Ii]n|[Bb]y|[Ff]rom|[Tt]he|[Tt]heir|[Ii]ts|[’']s)\s*$"
)
VAGUE_PLURAL = re.compile(r"^(?:tens|hundreds|thousands|millions|billions|dozens|scores)\b", re.I)
# A number right after one of these is a label: "Article 36", "No. 1", "Resolution 2334".
LABEL_WORDS = re.compile(
    r"\b(?:Article|Section|Chapter|Clause|Resolution|No\.|Number|Page|Room|Flight|Route|"
    r"Level|Phase|Grade|Paragraph|Part|Vol\.|Volume|Issue|Act|Law|Decree|Document)\s*$"
    r"|\b(?:article|section|chapter|clause|paragraph|page|para\.|paras\.|s\.)s?\s*$"
)
# A reference rather than a count: a footnote or paragraph marker ('[8]', 'costly.[5]'), or a paragraph's number
# at the start of its line ('4. The dossier ...').
REFERENCE = re.compile(r"\[\s*$")
NUMBERED_PARAGRAPH = re.compile(r"[.)]\s")
UNIT_STOP = {
    "of",
    "from",
    "in",
    "to",
    "at",
    "on",
    "by",
    "with",
    "for",
    "who",
    "which",
    "that",
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "will",
    "would",
    "been",
    "the",
    "a",
    "an",
    "than",
    "as",
    "across",
    "into",
    "per",
    "each",
    "every",
    "between",
    "since",
    "during",
    "over",
    "under",
    "more",
    "less",
    "and",
    "or",
    "but",
    "while",
    "whose",
    "whom",
    "it",
    "its",
    "their",
    "they",
    "them",
    "this",
    "these",
    "those",
    "such",
    "also",
    "not",
    "all",
    "out",
    "be",
    "being",
    "within",
    "around",
    "about",
    "after",
    "before",
    "until",
    "through",
    "up",
    "down",
    "off",
    "ever",
    "year",
    "years",
    "ago",
    "old",
    "last",
    "next",
    "annually",
    "yearly",
    "daily",
    "monthly",
    "weekly",
    "so",
    "then",
    "now",
    "already",
    "still",
    "just",
    "only",
    "too",
}
# Counted things are plural nouns ("villages", "sons and daughters"); these plurals do not end in -s.
# Words ending in s that name no counted thing: "he says", "it adds".
NOT_UNITS = {"he", "she", "it", "they", "we", "who", "says", "adds", "notes", "tells", "writes", "insists", "warns"}
NOT_UNITS |= {"follows"}  # 'listed the detentions as follows: 27 in Istanbul'
MAX_UNIT_WORDS = 4
# A plural before the number, not a verb in -s before its object ('official data puts it at', 'shows the').
PLURAL_BEFORE = re.compile(r"(?<!['’])\b([a-z]+(?: [a-z]+)?s)\b(?!\s+(?:the|a|an|it|its|them|their|this|these)\b)")
# Words between a number and what it counts that say which or how many more: 'five more Chinese companies'.
COUNT_MODIFIERS = {"more", "additional", "such", "other", "extra", "further"}
PER_UNIT = re.compile(r"\s+per\s+[a-z]+\b")
# Words in -s that are not plurals: 'domestic and overseas tourist visits'
NOT_PLURALS = {"overseas", "various", "previous", "numerous", "serious", "religious", "famous", "whereas", "always"}
IRREGULAR_PLURALS = {
    "people",
    "children",
    "men",
    "women",
    "police",
    "staff",
    "personnel",
    "yuan",
    "renminbi",
    "rmb",
    "sheep",
    "cattle",
    "livestock",
    "mu",
    "youth",
    "clergy",
    "faculty",
    "km",
    "kg",
    "mw",
    "gw",
    "kwh",
    "usd",
    "cny",
    "eur",
    "tonnes",
    "tons",
    "feet",
}
COLLECTIVE_UNITS = {
    "population": "people",
    "workforce": "workers",
    "labour force": "workers",
    "labor force": "workers",
    "residents": "people",
}
CURRENCIES = {"$": "US dollars", "US$": "US dollars", "¥": "yuan", "€": "euros", "£": "pounds", "HK$": "HK dollars"}
CURRENCIES |= {"USD": "US dollars", "CNY": "yuan", "RMB": "yuan", "EUR": "euros", "GBP": "pounds"}
CURRENCY_SIGN = re.compile(r"(US\$|HK\$|[$¥€£]|\b(?:USD|CNY|RMB|EUR|GBP))\s*$")
# A rate written with a slash: '$19.80/kg', 'CNY 39/kg', '300 yuan/mu'.
PER_SLASH = {"kg": "kilogram", "t": "tonne", "mt": "tonne", "tonne": "tonne", "ton": "ton", "mu": "mu", "day": "day"}
PER_SLASH |= {"month": "month", "year": "year", "hour": "hour", "w": "watt", "wp": "watt", "kwh": "kilowatt-hour"}
SLASH_RATE = re.compile(r"\s*/\s*(" + "|".join(PER_SLASH) + r")\b", re.IGNORECASE)
# Abbreviated units written after the number: '80,000 MT' of polysilicon, '80 GW' (or '80 Gw') of modules; a
# unit of measure is stored in words, as the text writes it in full elsewhere.
ABBREVIATED_UNITS = {"MT": "tonnes", "GWh": "gigawatt-hours", "TEU": "TEU"}
ABBREVIATED_UNITS |= {"GW": "gigawatts", "Gw": "gigawatts", "MW": "megawatts", "Mw": "megawatts"}
ABBREVIATED_UNIT = re.compile(r"\s*(" + "|".join(ABBREVIATED_UNITS) + r")\b")
# Votes counted by what they were for: '19 against', '17 in favour'.
VOTES = re.compile(r"\s+(?:against|in\s+favou?r)\b")
# A rate per thousand or per hundred thousand ('8.14 per thousand', '38.6 per 100,000 live births', '5.9‰'): the unit
# is the base as the text writes it, and the base is no figure of its own.
PER_BASE = re.compile(
    r"\s*(?:per\s+(?:(?:one\s+)?(?:hundred\s+)?thousand|1,?000|10,?000|100,?000|million)\b"
    r"(?:\s+(?:people|persons|inhabitants|population|residents|(?:live\s+)?births|women))?|‰)",
    re.I,
)
# ... and a tally's two numbers: 'voted 19 to 17', 'by a vote of 19 to 17', 'by 19 votes to 17'.
TALLY_OPENING = re.compile(r"\b(?:voted|vote\s+of)\s+$")
TALLY_CLOSING = re.compile(r"\b(?:(?:voted|vote\s+of)\s+\d{1,3}|by\s+\d{1,3}\s+votes)\s+to\s+$")
TALLY_REST = re.compile(r"\s+to\s+\d{1,3}\b")
# How far (in characters) unit and claimant rules read around a number.
WINDOW = 200
CONTINUING = re.compile(r"(?:\b(?:[Aa]nother|[Aa]nother\s+some|including|of\s+them|of\s+whom)\s+)$")


# How a figure credited to the source its paragraph closes on is marked: whether it stays so is the publisher's
# house style (build/extract.py)
CLOSING_SOURCE = "closing source"
# A text's first line when it is a headline: no sentence ends it.
HEADLINE = re.compile(r"[^\n]*[^\s.!?][ \t]*(?=\n)")
# 'Among other findings:', 'Here are its key findings:': one short line without a name or a sentence before it
LIST_INTRODUCTION = re.compile(r"[A-Z][^A-Z.!?\n]{0,80}:")


def extract(
    text: str,
    speech: Extraction,
    mentions: list[Mention] = (),
    parses: language.Parses | None = None,
    actors: dict[str, Actor] | None = None,
) -> list[Figure]:
    """Every figure of a cleaned text; `speech`, `mentions` and `actors` are what earlier stages found in it (and
    `parses` the sentences they parsed)."""
    figures: list[Figure] = []
    excluded = _excluded_ranges(text, speech.terms)
    quotes = {(q.start, q.end): q for q in speech.quotes}
    in_quote = Index(outermost(quotes))
    # a transcript turn may report others' words ('Officials tell us that ...'): those numbers are theirs
    in_speech = Index(outermost(span for span, q in quotes.items() if q.kind != TRANSCRIPT))
    cues = defaultdict(list)
    for cue in speech.cues:
        cues[cue.sentence.start].append(cue)
    mentions = sorted(mentions, key=lambda m: m.start)
    mention_starts = [m.start for m in mentions]
    list_claim: tuple[str | None, str] | None = None
    items_open = False  # after a paragraph ending in a colon, and after an item ending in a semicolon
    claim_before: tuple[str | None, str] | None = None  # the last claim of the paragraph before
    for paragraph in paragraphs(text):
        # who the sentence before spoke for: figures with no speaker of their own continue it, within a paragraph
        # and down the items of a list its paragraph introduces ('The survey found:' then '- 512 families ...')
        words = text[paragraph.start : paragraph.end].rstrip()
        bulleted = LIST_ITEM.match(text, paragraph.start) is not None
        in_list = bulleted or items_open
        items_open = in_list and words.endswith(";")
        previous_claim = list_claim if in_list else None
        paragraph_claim = None
        paragraph_figures = len(figures)
        paragraph_sentences = sentences(text, paragraph)
        for sentence in paragraph_sentences:
            found = list(_numbers(text, sentence, excluded))
            _assign_periods(text, sentence, found)
            sentence_cues = cues.get(sentence.start, [])
            for figure in found:
                _assign_unit(text, sentence, figure, figures)
                spoken, turn = quotes.get(in_speech.find(figure.start)), quotes.get(in_quote.find(figure.start))
                # data or a document whose owner goes unnamed, cited in someone's turn or quote ('Official
                # statistics show ...'), are theirs; what unnamed people say ('Researchers estimate ...') is not
                cited = spoken is not None and _unowned_source(spoken) and turn is not None and turn.speaker_id
                quote = turn if spoken is None or cited else spoken
                clause_start = max(sentence.start, figure.start - WINDOW)
                subjects = {
                    m.actor_id
                    for m in mentions[
                        bisect.bisect_left(mention_starts, clause_start) : bisect.bisect_left(
                            mention_starts, figure.start
                        )
                    ]
                }
                continued = previous_claim if not subjects - {previous_claim and previous_claim[0]} else None
                _assign_claimant(text, figure, quote, sentence_cues, figures, continued)
                figures.append(figure)
            previous_claim = _sentence_claim(sentence_cues) or (
                (found[-1].claimant_id, found[-1].claimant_text) if found and found[-1].claimant_id else None
            )
            paragraph_claim = paragraph_claim or previous_claim
        _credit_closing_source(figures[paragraph_figures:], paragraph_sentences, cues, in_speech, actors or {})
        if words.endswith(":"):  # 'Statistics Canada data show ... In 2020, Canada imported:' then the items
            # 'The Alliance found that ...' then 'Among other findings:': a line that only introduces the list goes
            # on with the paragraph before
            introduces = LIST_INTRODUCTION.fullmatch(words) is not None
            list_claim, items_open = previous_claim or paragraph_claim or (claim_before if introduces else None), True
        elif not in_list:
            list_claim = None
        claim_before = previous_claim or paragraph_claim
    _credit_headline(text, figures, actors or {})
    _assign_measures(text, figures, parses or language.Parses(text))
    return figures


def _credit_headline(text: str, figures: list[Figure], actors: dict[str, Actor]) -> None:
    """A headline's number is the story's: where the headline names no one, it is the claim of the body the story
    credits with the same number ('Xinjiang's GDP grows 6.8% in 2023' then '..., the statistics bureau said'); a
    person's words that repeat it leave it the outlet's."""
    first_line = HEADLINE.match(text)
    if first_line is None:
        return
    people = {f.claimant_id for f in figures if f.claimant_id in actors and actors[f.claimant_id].type == PERSON}
    body = [f for f in figures if f.start > first_line.end() and f.claimant_id and f.claimant_id not in people]
    for figure in (f for f in figures if f.end <= first_line.end() and not f.claimant_id):
        same = next((f for f in body if f.value == figure.value), None)
        if same is not None:
            figure.claimant_id, figure.claimant_text, figure.attribution = (
                same.claimant_id,
                same.claimant_text,
                "headline",
            )


def _credit_closing_source(
    figures: list[Figure], paragraph: list[Segment], cues: dict, in_speech: Index, actors: dict[str, Actor]
) -> None:
    """'The county sowed 618,000 mu of cotton. The yield reached 407 kg per mu, according to the county bureau
    of statistics.': where a paragraph's last sentence gives its numbers' source, a body named as such (not a
    person, not a state named by its country: 'according to Beijing'), the numbers that name no one in the
    sentences before it are marked as that source's."""
    if not paragraph:
        return
    *before, last = paragraph
    closing = [
        c
        for c in cues.get(last.start, [])
        if c.cites
        and c.speaker_id
        and c.statement is not None
        and c.statement.end <= c.start
        and any(c.reports(f.start, f.end) for f in figures if last.start <= f.start)
    ]
    if not closing or not _names_a_body(closing[-1], actors):
        return
    source = closing[-1]
    for sentence in reversed(before):
        own = [f for f in figures if sentence.start <= f.start < sentence.end]
        if cues.get(sentence.start) or any(f.claimant_id for f in own):
            return
        for figure in own:
            if in_speech.find(figure.start) is None:
                figure.claimant_id, figure.claimant_text = source.speaker_id, source.speaker_text
                figure.attribution = CLOSING_SOURCE


def _names_a_body(cue: attribution.Cue, actors: dict[str, Actor]) -> bool:
    """Whether a source's phrase names a body: not a person, not a state by its country's name ('Beijing')."""
    actor = actors.get(cue.speaker_id)
    if actor is None:
        return True
    return actor.type != PERSON and cue.speaker_text not in actor.metonyms


def _unowned_source(quote) -> bool:
    """A statement whose speaker's phrase is a document or data that names no one: 'Official statistics show'."""
    return quote.speaker_id is None and quote.speaker_text.lower().endswith(lexicon.document_forms())


def _assign_measures(text: str, figures: list[Figure], parses: language.Parses) -> None:
    """What each figure measures, from the parse of its sentence (one the parser can read)."""
    readable = [f for f in figures if f.sentence_end - f.sentence_start <= attribution.MAX_SENTENCE_CHARS]
    sentences = [Segment(f.sentence_start, f.sentence_end) for f in readable]
    previous = None
    for i, (figure, doc) in enumerate(zip(readable, parses.of(sentences), strict=True)):
        if _same_statistic(text, previous, figure) or _same_series(text, previous, figure):
            figure.measure = previous.measure  # '7,942 yuan (about 1,100 US dollars)', 'down from roughly 45%'
        else:
            figure.measure = measures.measure(doc, figure.sentence_start, figure.start, figure.end, figure.unit)
        item_before = _item_before(text, figure, readable, i) if not figure.measure else None
        if item_before is not None:
            # a list item's number that counts what the item or paragraph before counted is measured by what its
            # own sentence says of it ('- 17.3 million were exploited in the private sector' after 'Of those:'),
            # or else by what the item before measured ('- 2.93 million in 2021')
            figure.measure = measures.measure(doc, figure.sentence_start, figure.start, figure.end, "")
            named = text[figure.sentence_start : figure.start].strip(" $£€¥").lower()
            bare = (not named or named in QUALIFIERS) and item_before.unit == figure.unit
            if not figure.measure and bare and _is_item(text, item_before.sentence_start):
                figure.measure = item_before.measure
        if not figure.measure and _earlier_value(text, previous, figure):
            figure.measure = previous.measure
        change = _change_after(text, previous, figure) if not figure.measure else None
        if change:  # 'urban residents, 42,323 yuan, up 4.3 percent': the change of what the value before measures
            figure.measure = f"{previous.measure} {change}"
        counted = NUMBER_OF.match(figure.measure) if not figure.unit else None
        if counted:  # 'the number of employed people rose from 11.35 million to 13.3 million': people
            figure.unit = counted.group(1)
        figure.measure_key = measures.key(figure.measure)
        previous = figure


# A measure that is the number of something names what its figure counts, up to its first plural.
NUMBER_OF = re.compile(r"(?:total\s+)?number\s+of\s+((?:[\w-]+\s+){0,2}?(?:[\w-]+s|people))\b", re.IGNORECASE)


# Between two figures of one statistic: a conversion right after the first ('7,942 yuan (about 1,100 US
# dollars)', '£84mn, or about $110mn') or an earlier value of it ('35% of global output in 2025, down from roughly
# 45% in 2020', 'dropped to 6.51% from 22.48%').
APPROXIMATELY = r"(?:(?:about|around|roughly|some|nearly|almost|approximately|an estimated|more than|over|less than"
APPROXIMATELY += r"|fewer than|under|below|above|at least|up to|just|only|well under|just over)\s+)?"
CONVERSION = re.compile(r"^\s*(?:[A-Za-z.]+\s+){0,2}(?:\(|,?\s*or\b)\s*" + APPROXIMATELY + r"(?:US|HK)?[$£€¥]?\s*$")
EARLIER_VALUE = re.compile(r"^[^.;“”\"]{0,80}?\bfrom\s+" + APPROXIMATELY + r"(?:US|HK)?[$£€¥]?\s*$")
# '6.8 million visits, compared with 2.9 million in 2022': the same count at another time, whatever it counts.
COMPARED = re.compile(r"^[^.;“”\"]{0,80}?\bcompared\s+(?:with|to)\s+" + APPROXIMATELY + r"(?:US|HK)?[$£€¥]?\s*$")
# '3.2mn transfers last year, up from 2.8mn in 2019': a count's earlier value, where 'from' alone may be a place
# ('deported from 28 countries')
CHANGED_FROM = re.compile(r"^[^.;“”\"]{0,120}?\b(?:up|down)\s+from\s+" + APPROXIMATELY + r"$")


def _words_since_measured(text: str, previous: Figure | None, figure: Figure) -> str | None:
    """The words between a figure and the figure just before it in its sentence, if that one has a measure."""
    if previous is None or previous.sentence_start != figure.sentence_start or not previous.measure:
        return None
    return text[previous.end : figure.start]


def _same_statistic(text: str, previous: Figure | None, figure: Figure) -> bool:
    between = _words_since_measured(text, previous, figure)
    if between is None:
        return False
    if CONVERSION.match(between):
        return measures.is_measurement(figure.unit)
    if previous.unit == figure.unit and COMPARED.match(between):
        return True
    return previous.unit == figure.unit and measures.is_measurement(figure.unit) and bool(EARLIER_VALUE.match(between))


def _earlier_value(text: str, previous: Figure | None, figure: Figure) -> bool:
    """Whether a figure is the earlier value of the one before it ('3.2mn transfers ..., up from 2.8mn', 'compared
    with four the year before'), where its own words say nothing it measures."""
    between = _words_since_measured(text, previous, figure)
    if between is None:
        return False
    # a number alone leaves its unit unsaid
    same_unit = figure.unit == previous.unit or len(figure.text.split()) == 1
    return same_unit and bool(COMPARED.match(between) or CHANGED_FROM.match(between))


# Between a value and its change, after the value's unit: '42,323 yuan, up 4.3 percent', '712,000 tonnes (an increase of
# 6.8%)'.
CHANGE_AFTER = re.compile(
    r"^\s*(?:[\w.-]+\s*){0,3}?[,(]?\s*(?:(up|rising|growing)|(down|falling)|an?\s+(increase|rise|growth)|an?\s+(decline|drop|fall|decrease))"
    r"(?:\s+of|\s+by)?\s+" + APPROXIMATELY + r"$",
    re.IGNORECASE,
)


def _change_after(text: str, previous: Figure | None, figure: Figure) -> str:
    """'growth' or 'decline' when the figure is the change of the value just before it in its sentence, else ''."""
    between = _words_since_measured(text, previous, figure)
    change = CHANGE_AFTER.match(between) if between is not None else None
    if change is None or not measures.is_measurement(figure.unit):
        return ""
    return "growth" if change.group(1) or change.group(3) else "decline"


def _same_series(text: str, previous: Figure | None, figure: Figure) -> bool:
    """The next value of the series the figure before gave: 'In 2020 the figure dipped to 2.67 million' after
    '2.76 million people were transferred in 2019'."""
    return (
        previous is not None
        and bool(previous.measure)
        and previous.unit == figure.unit
        and figure.start - previous.end <= SERIES_REACH
        and POINTS_BACK.search(text, figure.sentence_start, figure.start) is not None
    )


# How far (in characters) a sentence that points back may be from the figure it points to: a short paragraph.
SERIES_REACH = 400


def _excluded_ranges(text: str, terms: list[Term]) -> Index:
    """Terms, dates and year ranges: no figure starts inside them."""
    ranges = [(t.start, t.end) for t in terms]
    ranges += [(m.start(), m.end()) for m in DATE.finditer(text)]
    for pattern, _ in PERIODS[:2]:
        ranges += [(m.start(1), m.end(2)) for m in pattern.finditer(text)]
    return Index(outermost(ranges))


def _numbers(text: str, sentence: Segment, excluded):
    taken: list[tuple[int, int]] = []
    shares = [
        (m, _word_value(m.group("a")), _word_value(m.group("b")))
        for m in RATIO.finditer(text, sentence.start, sentence.end)
    ]
    for m in FRACTION.finditer(text, sentence.start, sentence.end):
        a = 1 if m.group("a").lower() in ("a", "an") else _word_value(m.group("a"))
        shares.append((m, a, DENOMINATORS[m.group("b").lower()]))
    shares += [(m, 1, 2) for m in HALF_OF.finditer(text, sentence.start, sentence.end)]
    for m, a, b in sorted(shares, key=lambda share: share[0].start()):
        if a and b and a < b:
            taken.append((m.start(), m.end()))
            figure = _figure(text, sentence, m.start(), m.end(), round(100 * a / b, 4))
            figure.unit = "percent"
            yield figure
    for m in NUMBER.finditer(text, sentence.start, sentence.end):
        start, end = m.start(), m.end()
        if start in excluded or any(s <= start < e for s, e in taken) or _not_a_figure(text, m, sentence):
            continue
        if m.group("digits"):
            value = float(m.group("digits").replace(",", ""))
        elif m.group("a"):
            value = 1  # "a million"
        else:
            value = _word_value(m.group("word"))
        if m.group("scale"):
            value *= SCALES[m.group("scale").lower()]
        elif m.group("tight"):
            value *= SCALES["m"]  # '1.3m people': written against the digits, never '5 m' (metres)
        figure = _figure(text, sentence, start, end, value)
        if m.group("percent"):
            figure.unit = "percentage points" if "point" in m.group("percent") else "percent"
        yield figure


def _word_value(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    return WORD_VALUES.get(word.lower())


def _not_a_figure(text: str, m: re.Match, sentence: Segment) -> bool:
    start, end = m.start(), m.end()
    before, after = text[max(sentence.start, start - 25) : start], text[end : end + 30]
    if m.group("digits"):
        digits = m.group("digits")
        is_year = re.fullmatch(YEAR, digits) and not (m.group("scale") or m.group("percent"))
        counted = QUALIFIER.search(before) or (re.match(r"\s+[a-z]+s\b", after) and not YEAR_CONTEXT.search(before))
        if is_year and (not counted or (re.search(r"\bover\s*$", before) and not re.match(r"\s+[a-z]+s\b", after))):
            return True  # a year, even after 'over': 'up 21.7 percent over 2023'
        if re.fullmatch(r"1[0-7]\d\d", digits) and re.search(r"\b(?:in|since|until)\s*$", before) and not counted:
            return True  # an early year: "from five million in 1492"
        if re.match(r"[-–]\w", after) and not re.match(r"-(?:year|month|week|day|hour|member|strong)", after):
            return True
        if re.match(r"[A-Z]", after):
            return True  # a grade or a name: '5A', '4G', '3D'
    elif m.group("word"):
        word = m.group("word")
        if word[0].isupper() and start > sentence.start:
            return True
        if word.lower() == "one" and not (m.group("scale") or m.group("percent")):
            return True
        if (
            not (m.group("scale") or m.group("percent"))
            and not re.match(r"\s+(?:[A-Z][a-z]+\s+)?[a-z]+", after)
            and not re.match(r"\s*$|\s*[.,;]", after)
        ):
            return True
    if re.match(r"\s+(?:years?|months?|weeks?|days?|hours?|decades?)\s+(?:ago|earlier|later|before)\b", after):
        return True
    if re.search(r"[“\"‘]$", before) or LABEL_WORDS.search(before):
        return True
    if REFERENCE.search(before) and after.lstrip().startswith("]"):
        return True
    if (start == 0 or text[start - 1] == "\n") and NUMBERED_PARAGRAPH.match(after):
        return True
    if VAGUE_PLURAL.match(text[start : end + 12]) or re.match(r"\s+of\s+(?:thousands|millions)", after):
        return True
    if re.search(r"[A-Za-z][-–]$", before):
        return True
    if re.search(r"\bper\s+$", before) and PER_BASE.match(" per " + text[start:end]):
        return True  # the base of a rate: '15.88 per 1,000 people'
    return bool(re.match(r"\s*(?:st|nd|rd|th)\b", after))


def _figure(text: str, sentence: Segment, start: int, end: int, value: float) -> Figure:
    qualifier = QUALIFIER.search(text[max(sentence.start, start - 25) : start])
    return Figure(
        start,
        end,
        text[start:end],
        value,
        "",
        qualifier.group(1).lower() if qualifier else "",
        "",
        None,
        None,
        None,
        "",
        "none",
        sentence.start,
        sentence.end,
    )


def _assign_periods(text: str, sentence: Segment, figures: list[Figure]) -> None:
    """A period right after a figure is that figure's; one elsewhere in the sentence covers the rest."""
    periods = []
    for pattern, kind in PERIODS:
        earlier = Index((p[0], p[1]) for p in periods)
        for m in pattern.finditer(text, sentence.start, sentence.end):
            if earlier.overlaps(m.start(), m.end()):
                continue
            first = int(m.group(1))
            if kind == "range":
                last = m.group(2)
                last = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
            else:
                last = None if kind == "since" else first
            periods.append((m.start(), m.end(), m.group(), first, last))
    if not periods:
        return
    by_start = {p[0]: p for p in periods}
    right_after = {f.end: by_start[f.end + gap] for f in figures for gap in (3, 2, 1, 0) if f.end + gap in by_start}
    owned = set(right_after.values())
    free = next((p for p in periods if p not in owned), None)
    for figure in figures:
        chosen = right_after.get(figure.end, free)
        if chosen:
            figure.period, figure.period_start, figure.period_end = chosen[2], chosen[3], chosen[4]


# Some of the things counted before: '3.9 million of them', '26 of whom' ...
OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|whom)\b")
# ... or some of them said to be something else, in a noun phrase, not a passive: '14 of them were Japanese
# companies', not '41 of them were given suspended sentences'.
OF_THEM_WERE = re.compile(
    OF_THEM.pattern + r"\s+(?:were|are)\s+((?:(?![a-z-]*(?:ed|en|ing)\b)[A-Za-z-]+\s+){0,2}?[a-z-]+s)\b"
)
# After 'and', a number starts another count: 'ten European individuals and four entities'.
NEXT_NUMBER = re.compile(r"\s+(?:\d|(?:" + WORDS + r")\b)", re.IGNORECASE)
# The next kinds of a list after a unit: ', journalists and religious figures'.
LIST_OF_KINDS = re.compile(r",\s+((?:[a-z-]+\s+){0,2}[a-z-]+s)\b(?:,\s+(?:[a-z-]+\s+){0,2}[a-z-]+s\b)*,?\s+and\s+[a-z]")
# Poverty statistics count 'rural residents' as people, as the annotators of thirty batches did (60 of 65 times);
# other residents stay residents ('1,136 residents', 12 of 13).
RURAL_RESIDENTS = ["rural", "residents"]
# Words for people, in the plural: 'diplomats', 'journalists', 'spokesmen'.
PERSON_PLURALS = frozenset(lexicon.plural(word) for word in lexicon.person_words())


def _assign_unit(text: str, sentence: Segment, figure: Figure, earlier: list[Figure]) -> None:
    if figure.unit:
        return
    after = text[figure.end : min(sentence.end, figure.end + WINDOW)]
    if re.match(r"-year-old", after):
        figure.unit = "years of age"
        return
    if re.match(r"-member\b", after):
        figure.unit = "members"  # 'the 47-member council'
        return
    base = PER_BASE.match(after)
    if base:
        figure.unit = "per thousand" if base.group().strip() == "‰" else " ".join(base.group().split()).lower()
        return
    duration = re.match(r"-(year|month|week|day|hour)\b", after)
    if duration:
        figure.unit = duration.group(1) + "s"
        return
    words, unit_end = [], 0
    currency = CURRENCY_SIGN.search(text[max(sentence.start, figure.start - 4) : figure.start])
    rate = SLASH_RATE.match(text, figure.end)
    if currency:
        figure.unit = CURRENCIES[currency.group(1)] + (f" per {PER_SLASH[rate.group(1).lower()]}" if rate else "")
        return
    abbreviated = ABBREVIATED_UNIT.match(text, figure.end)
    if abbreviated:
        figure.unit = ABBREVIATED_UNITS[abbreviated.group(1)]
        return
    leading = text[max(sentence.start, figure.start - 40) : figure.start]
    tally = TALLY_OPENING.search(leading) and TALLY_REST.match(text, figure.end) or TALLY_CLOSING.search(leading)
    if VOTES.match(text, figure.end) or tally:
        figure.unit = "votes"
        return
    closed = False  # a plural ends the unit ("rural workers find jobs"), unless "and" joins another
    # '1,200 “satellite factories”' counts the factories; '40 of those suppliers' the suppliers
    quoted = re.match(r"\s+‘", after) is not None
    after = re.sub(r"^(\s+)(?:of\s+(?:those|these|the|its|their)\s+|[“\"‘])", r"\1", after)
    for word in re.finditer(r"\s*([A-Za-z][\w’'-]*(?:\.[A-Za-z]\.?)*)|\s*(\S)", after):
        token = word.group(1)
        if quoted and token and token.endswith("’"):  # '3,400 ‘surplus labourers’': the quote closes the unit
            words.append(token[:-1].lower())
            break
        # a plural closes the unit unless a lower-case plural follows it: '1,300 skills competitions'
        if closed and (token or "").lower() != "and" and not _plural_compound(token):
            break
        if not words and token and token.lower() in COUNT_MODIFIERS:
            continue  # 'five more Chinese companies', 'more than 380 such facilities'
        if not words and token and token.lower() in ("years", "months", "weeks", "days", "hours"):
            words = [token.lower()]  # "sentenced to 15 years in prison"
            break
        if (
            token is None
            or token.lower() in UNIT_STOP
            or (words and re.search(r"(?:ed|ing)$", token) and token.lower() not in ("seed", "need"))
        ):
            if (
                token
                and token.lower() == "and"
                and words
                and re.match(r"\s+[a-z]+(?:\s|[,.])", after[word.end() :])
                and not NEXT_NUMBER.match(after, word.end())
            ):
                words.append("and")
                closed = False
                continue
            break
        if re.search(r"(?:ed|ing)$", token) and not words and "-" not in token and not _modifies_plural(after, word):
            break  # 'solar-related shipments', 'suspected detention facilities': a modifier of a plural goes on
        if _plural(token.lower()) and token[0].isupper() and not token.isupper():
            words = ["people"]  # "a million Uyghurs", "12 Americans": a people counted
            break
        words.append(token.lower())
        unit_end = word.end()
        if len(words) >= MAX_UNIT_WORDS + words.count("and"):
            break
        closed = _plural(words[-1])
        rate = closed and PER_UNIT.match(after, word.end())
        if rate:  # '2,313 kilograms per hectare'
            figure.unit = " ".join(words) + " " + " ".join(rate.group().split())
            return
    while words and not _plural(words[-1]):
        words.pop()
    if words:
        people = words[-2:] == RURAL_RESIDENTS or _kinds_of_people(words, after[unit_end:])
        figure.unit = "people" if people else " ".join(words)
        return
    named = OF_THEM_WERE.match(text, figure.end)
    if named and _plural(named.group(1).split()[-1]):  # '82 global brands ..., and 14 of them were Japanese companies'
        figure.unit = named.group(1).lower()
        return
    if OF_THEM.match(text, figure.end):  # '3.9 million of them', '26 of whom': what the count before counted
        counted = [f for f in earlier if not measures.is_measurement(f.unit) and figure.start - f.end <= SERIES_REACH]
        if counted:
            figure.unit = counted[-1].unit
            return
    before = text[max(sentence.start, figure.start - WINDOW) : figure.start]
    # a unit named before the number is looked for in its own clause ('seven sons and daughters, and more than 40
    # grandchildren'), unless the number points back to it ('and the county has put 1,360 of them to work')
    if not CONTINUING.search(before) and not re.match(r"\s+of\s+(?:them|those|these|whom)\b", text[figure.end :]):
        before = CLAUSE_BREAK.split(before)[-1]
    if CONTINUING.search(before) and earlier:
        figure.unit = earlier[-1].unit
        return
    for collective, unit in COLLECTIVE_UNITS.items():
        if collective in before.lower():
            figure.unit = unit
            return
    plurals = [
        m.group(1)
        for m in PLURAL_BEFORE.finditer(_unquoted(before))
        if m.group(1).split()[-1] not in UNIT_STOP
        and _plural(m.group(1).split()[-1])
        and not set(m.group(1).split()) & NOT_UNITS
    ]
    if plurals:
        first, *rest = plurals[-1].split()
        # 'in 2022', after '6.8 million visits, compared with 2.9 million': the visits, not 'million visits'
        figure.unit = rest[0] if rest and (first in UNIT_STOP or first in SCALES) else plurals[-1]
    elif earlier and _points_back(text, sentence.start, figure.start):
        figure.unit = earlier[-1].unit  # 'In 2020 the figure dipped to 2.67 million', 'It rose to 2.96 million'
    elif earlier and OF_THOSE.match(text, sentence.start):
        # 'reviewed 9,471 shipments valued at $3.3 billion. Of those, 4,208 were denied entry': the things counted,
        # not an amount
        counted = [f for f in earlier[-3:] if not measures.is_measurement(f.unit)]
        if counted:
            figure.unit = counted[-1].unit
    elif item_before := _item_before(text, figure, earlier, len(earlier)):
        figure.unit = item_before.unit  # '- 2.93 million in 2021' after '- 2.76 million transfers a year'


def _plural_compound(token: str | None) -> bool:
    """A lower-case plural that a plural before it modifies ('competitions' after 'skills')."""
    return bool(token) and token.islower() and _plural(token) and token not in UNIT_STOP and token[-1] not in "'’"


def _kinds_of_people(words: list[str], rest: str) -> bool:
    """The unit is the first of a list of kinds of people the number counts together: '1,200 diplomats,
    journalists and religious figures' (two kinds joined by 'and' stay as written: 'doctors and nurses')."""
    listed = LIST_OF_KINDS.match(rest)
    return listed is not None and all(kind.split()[-1] in PERSON_PLURALS for kind in (words[-1], listed.group(1)))


def _item_before(text: str, figure: Figure, figures: list[Figure], count: int) -> Figure | None:
    """Of the first `count` figures, the one a list item's number goes on from: the first of the item before
    ('- 2.76 million transfers a year' for '- 2.93 million in 2021'), or, for the first item, the first of the
    paragraph that introduces the list ('stopped 10,472 shipments ... Of those shipments:' for '- 4,190 were
    denied entry')."""
    if not count or not _is_item(text, figure.sentence_start):
        return None
    last = figures[count - 1]
    if _is_item(text, last.sentence_start):
        first = _first_since(figures, count, last.sentence_start)
        follows = NEXT_ITEM.fullmatch(text, first.sentence_end, figure.sentence_start)
    else:
        first = _first_since(figures, count, text.rfind("\n", 0, last.sentence_start) + 1)
        follows = INTRODUCED_ITEM.fullmatch(text, last.sentence_end, figure.sentence_start)
    return first if follows and first.unit else None


def _first_since(figures: list[Figure], count: int, start: int) -> Figure:
    """Of the first `count` figures, the first of the last ones whose sentences start at or after `start` (walked
    back from the end, not copied: a long text has thousands of figures)."""
    i = count - 1
    while i > 0 and figures[i - 1].sentence_start >= start:
        i -= 1
    return figures[i]


def _is_item(text: str, sentence_start: int) -> bool:
    return LIST_ITEM.fullmatch(text, text.rfind("\n", 0, sentence_start) + 1, sentence_start) is not None


# The rest of a list item's line, and the marker of the next item; the rest of a paragraph that ends in a colon,
# and the marker of the first item.
NEXT_ITEM = re.compile(r"[^\n]*\n" + LIST_ITEM.pattern)
INTRODUCED_ITEM = re.compile(r"[^\n]*:" + LIST_ITEM.pattern)


def _points_back(text: str, sentence_start: int, pos: int) -> bool:
    """A sentence that says nothing of what its number counts, because it points back to the number before:
    'In 2020 the figure dipped to 2.67 million', 'It rose to 2.96 million in 2021'."""
    return text.startswith("It ", sentence_start) or POINTS_BACK.search(text, sentence_start, pos) is not None


# 'Of those, 4,208 were denied entry': a sentence that counts some of the things the sentence before counted
OF_THOSE = re.compile(r"(?:[Oo]f|[Aa]mong)\s+(?:those|these|them|the\s+total|this\s+total)\s*,")
# A number that says nothing of what it counts, because its sentence points back to the number before.
POINTS_BACK = re.compile(
    r"(?<!\bof )\b(?:[Tt]he|[Tt]hat|[Tt]his)\s+(?:figure|number|total|tally|count)\b(?!\s+(?:[a-z]+\s+)?of\b)"
    r"|\bIt\s+(?:then\s+|further\s+)?(?:rose|fell|grew|dropped|climbed|increased|decreased|declined|jumped|reached)\b"
)


def _modifies_plural(after: str, word: re.Match) -> bool:
    """'380 suspected detention facilities', '3,666 impoverished villages': a participle before a plural noun (at
    most two words on) describes the things counted, where '2.3 million trained' or 'workers transferred' does not."""
    for following in re.findall(r"[\w-]+|\S", after[word.end() :])[:3]:
        if not following[0].islower() or following in UNIT_STOP:
            return False
        if _plural(following):
            return True
    return False


CLAUSE_BREAK = re.compile(r"[;,]\s+(?:and|but|or|while|whereas)\s+")


def _plural(word: str) -> bool:
    return word.endswith(tuple(IRREGULAR_PLURALS)) or (
        word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in NOT_PLURALS
    )


def _unquoted(text: str) -> str:
    return re.sub(r"[“\"‘][^”\"’]*[”\"’]", " ", text)


def _assign_claimant(text: str, figure: Figure, quote, cues: list, earlier: list[Figure], previous_claim) -> None:
    """The speaker of the quote the figure is in, else of the statement it is in, else the claimant of the
    figure it continues, else the sentence before's."""
    if quote is not None:
        figure.claimant_id, figure.claimant_text = quote.speaker_id, quote.speaker_text
        method = "quote" if quote.kind != INDIRECT else quote.attribution
        figure.attribution = method if quote.speaker_id else "none"
        return
    reporting = [c for c in cues if c.reports(figure.start, figure.end) and c.asserts]
    if reporting:  # a statement nobody is named for ('officials said ...') is still someone's, not the outlet's
        governing = min(reporting, key=lambda c: c.statement.end - c.statement.start)
        if governing.speaker_id:
            figure.claimant_id, figure.claimant_text = governing.speaker_id, governing.speaker_text
            figure.attribution = governing.method
        return
    # 'Arden reported revenue of $1.14 billion': a verb that reports its object, before the number
    objects = [
        c
        for c in cues
        if c.reports_objects and c.end <= figure.start and (c.statement is None or figure.end <= c.statement.start)
    ]
    if objects and objects[-1].speaker_id and not objects[-1].inverted:
        figure.claimant_id, figure.claimant_text = objects[-1].speaker_id, objects[-1].speaker_text
        figure.attribution = objects[-1].method
        return
    claim = None
    if earlier and CONTINUING.search(text[max(figure.sentence_start, figure.start - 40) : figure.start]):
        claim = (earlier[-1].claimant_id, earlier[-1].claimant_text)
    elif previous_claim:
        claim = previous_claim
    if claim and claim[0]:
        figure.claimant_id, figure.claimant_text, figure.attribution = claim[0], claim[1], "continuation"


def _sentence_claim(cues: list) -> tuple[str, str] | None:
    """Who a sentence's reported speech belongs to, for numbers in the next sentence that have no speaker."""
    named = [c for c in cues if c.speaker_id and not c.participial and c.asserts]
    return (named[0].speaker_id, named[0].speaker_text) if named else None
