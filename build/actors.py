"""Actors: the curated registry, the mentions of actors in a text, and discovery of actors it lacks.

Registry names and aliases match case-sensitively. Metonyms ("Beijing" for the Chinese government) count only
where the place acts: followed by a verb, not after a preposition or as a possessive. A discovered actor (from
the NER model) gets an id from its name, so the same name in two articles is one row, marked not reviewed.
"""

import bisect
import calendar
import itertools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache

import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

from . import language, lexicon
from .records import GOVERNMENT, ORGANIZATION, PERSON, Actor, Mention
from .segment import (
    ANSWER_TURNS,
    CAPITAL,
    PRESENTER_TURNS,
    UNNAMED_TURNS,
    Index,
    Segment,
    all_sentences,
    transcript_turns,
)

# Last words that make a capitalised phrase an organisation's name rather than a place or an event.
ORG_HEADS = {
    "Academy",
    "Administration",
    "Agency",
    "Alliance",
    "Analytics",
    "Army",
    "Assembly",
    "Association",
    "Authority",
    "Bank",
    "Board",
    "Broadcasting",
    "Bureau",
    "Cabinet",
    "Campaign",
    "Capital",
    "Center",
    "Centre",
    "Chamber",
    "Co",
    "Coalition",
    "College",
    "Commission",
    "Committee",
    "Company",
    "Congress",
    "Consulate",
    "Consulting",
    "Cooperative",
    "Corp",
    "Corporation",
    "Corps",
    "Council",
    "Court",
    "Daily",
    "Department",
    "Embassy",
    "Federation",
    "Forum",
    "Foundation",
    "Fund",
    "Group",
    "Herald",
    "Holdings",
    "Hospital",
    "Inc",
    "Initiative",
    "Institute",
    "Institution",
    "International",
    "Journal",
    "Laboratories",
    "Labs",
    "League",
    "Logistics",
    "Ltd",
    "Ministry",
    "Mission",
    "Monitor",
    "Movement",
    "Network",
    "News",
    "Observatory",
    "Office",
    "Organisation",
    "Organization",
    "Parliament",
    "Partners",
    "Party",
    "Police",
    "Post",
    "Press",
    "Procuratorate",
    "Project",
    "Protection",
    "Radio",
    "Registry",
    "Research",
    "School",
    "Secretariat",
    "Securities",
    "Senate",
    "Service",
    "Society",
    "Technologies",
    "Television",
    "Times",
    "Tribunal",
    "Tribune",
    "Union",
    "University",
    "Watch",
}
# Words that make a transcript speaker a news organisation ("Asahi Shimbun:", "Phoenix TV:").
MEDIA_WORDS = {
    "Shimbun",
    "TV",
    "Media",
    "Channel",
    "Agency",
    "Radio",
    "Television",
    "Broadcasting",
    "Newspaper",
    "Magazine",
    "Reuters",
    "Bloomberg",
}
# Words in a news outlet's name ('Agency' is left out: a government agency is no outlet)
MEDIA_NAME_WORDS = (MEDIA_WORDS - {"Agency"}) | {"News", "Times", "Post", "Daily", "Herald", "Tribune", "Journal"}
PLACE_PREPOSITIONS = {
    "in",
    "to",
    "from",
    "of",
    "across",
    "throughout",
    "within",
    "into",
    "at",
    "outside",
    "inside",
    "near",
    "on",
    "around",
    "over",
    "about",
    "toward",
    "towards",
    "for",
    "with",
    "against",
    "between",
    "among",
    "visit",
    "visited",
    "visiting",
    "and",
}
# Words after a place name that show it acting: auxiliaries and adverbs; any -s/-ed verb also counts.
AGENT_FOLLOWERS = {
    "has",
    "had",
    "have",
    "is",
    "was",
    "will",
    "would",
    "must",
    "can",
    "could",
    "should",
    "also",
    "often",
    "always",
    "never",
    "still",
    "then",
    "now",
    "however",
    "repeatedly",
    "again",
    "said",
    "says",
    "told",
    "denies",
    "denied",
    "claims",
    "claimed",
    "called",
    "calls",
    "built",
    "sent",
    "began",
    "took",
    "made",
    "set",
    "held",
    "put",
}
# "China's foreign ministry", "Beijing's embassy", "the US delegation": a place whose state body acts.
BODY_OF_STATE = re.compile(
    r"(?:[’']s\s+(?:[a-z]+\s+){0,2}|\s+)(?:mission|embassy|government|ministry|leadership|authorities|"
    r"delegation|consulate|spokesperson|spokesman|spokeswoman|envoy|ambassador)\b"
)
# 'Arden Solar Inc' is 'Arden Solar'; after it, 'Arden' alone is the company (see _short_forms)
CORPORATE_SUFFIX = re.compile(r",?\s+(?:Inc|Co|Corp|Ltd|LLC|plc|PLC|AG|SA|GmbH|Group|Holdings)\.?$")
# '..., installer SunHarbor Energy, said': the name closes an appositive its subject opened
SPEAKS_AFTER_APPOSITIVE = re.compile(r",\s+(?:said|says|told|added|stated|announced|confirmed|denied)\b")
# 'module maker Corvane Energy', 'consultancy Solaris Analytics', 'the group Uyghur Solidarity Europe'
COMPANY_NOUN_BEFORE = re.compile(
    r"\b(?:maker|installer|retailer|supplier|manufacturer|producer|company|firm|consultancy|brand|operator|"
    r"developer|exporter|importer|giant|conglomerate|startup|chain|group|organi[sz]ation|charity|think tank|"
    r"lobby)\s+$"
)
# A body's name this long is one body in any word order (see Registry.lookup).
BODY_NAME_WORDS = 3
LAW_WORDS = {"Act", "Law", "Bill", "Convention", "Treaty", "Protocol", "Charter", "Covenant", "Declaration"}
LAW_WORDS |= {"Resolution", "Regulations", "Directive", "Agreement", "Accord", "Code"}
# "Castell Home’s chief executive", "the group's spokeswoman"
STAFF_OF = re.compile(
    r"[’']s\s+(?:[a-z]+\s+){0,2}(?:executive|spokesperson|spokesman|spokeswoman|founder|director|chairman|"
    r"chairwoman|president|head|lawyer|owner|researchers?|staff|employees)\b"
)
# Words that describe what a person is, never part of their name ('Chief Financial Officer Dana Whitcombe'):
# the lexicon's roles, and 'vice' of 'Vice Premier'.
ROLE_NOUNS = set(lexicon.roles()) | {"vice"}

# An acronym before a person's name is a title or an affiliation, not part of the name: 'MSP', 'TD', 'SNP'.
TITLE_ACRONYM = re.compile(r"[A-Z]{2,5}")
NAME_WORD = CAPITAL + r"[\w'’\-.]*"
# Lower-case words inside a person's name: 'Mohammed bin Salman', 'Brooke van Velden', 'Ursula von der Leyen'
NAME_PARTICLES = {"bin", "ibn", "bint", "van", "von", "der", "den", "de", "da", "di", "du", "dos", "la", "le"}
TITLES = {
    "Sen": "senator",
    "Rep": "representative",
    "Gov": "governor",
    "Gen": "general",
    "Prof": "professor",
    "Amb": "ambassador",
    "Dr": "doctor",
}
# Nouns that describe a person in an appositive: 'Dilnur Ablimit, a Uyghur student in the Netherlands, said'.
PERSON_NOUNS = lexicon.person_words() | {"vice"}
PERSON_WORDS = "|".join(sorted(PERSON_NOUNS))
# What follows a person's name: ', 36, whose ...', ', a student in ...', ', a 46-year-old former shopkeeper'
PERSON_APPOSITIVE = (
    r",\s(?:\d{1,3},\s(?=[a-z])|(?:\d{1,3},\s)?(?:(?:an?|the|[\w’'-]+)\s(?:[\w’'-]+\s){0,4}?)?(?:"
    + PERSON_WORDS
    + r")s?\b)"
)
SENTENCE_OPENING = r"(?:^|(?<=[.!?]\s)|(?<=[”\"’],\s)|(?<=,[”\"’]\s)|(?<=\n))"
# 'Ablimit Tohti, who farms 60 mu of cotton, ...': a name that opens a sentence with a 'who' is someone's
NAMED_WITH_APPOSITIVE = (
    r"((?:" + CAPITAL + r"[\w’'-]+\s){1,2}" + CAPITAL + r"[\w’'-]+)(?:" + PERSON_APPOSITIVE + r"|,\swho\s)"
)
NAMED_PERSON = re.compile(SENTENCE_OPENING + NAMED_WITH_APPOSITIVE, re.MULTILINE)
# ... or after a verb or preposition: 'Joining the lawmakers was Dilnur Ablimit, a Munich-based activist'
NAMED_PERSON_AFTER_WORD = re.compile(r"\b(?:was|were|is|are|with|and|from|to|told) " + NAMED_WITH_APPOSITIVE)
# A person's name as the rules below find it: two or three capitalised words on one line.
FULL_NAME = CAPITAL + r"[\w’'-]+(?:[ \t]" + CAPITAL + r"[\w’'-]+){1,2}"
ROLES = r"(?i:\b(?:" + "|".join(sorted(ROLE_NOUNS)) + r"))"
# 'Commissioner for Trade and Economic Security, Maroš Šefčovič, said': a name set off after a role, then speaking
# (found from its end, which is rare, so that the long list of roles is only tried where it may fit)
SET_OFF_NAME = re.compile(r",\s(" + FULL_NAME + r"),\s(?:" + lexicon.reporting_forms() + r")\b")
# ... a role or another word for a person before it ('Its manager, Ablimit Kurban, said')
ROLE_BEFORE_SET_OFF = re.compile(r"(?i:\b(?:" + PERSON_WORDS + r"))s?\b[^,.;:!?\n“”\"]{0,90}$")
# 'Hungarian MEP Zoltán Keresztes, of the Patriots, said', 'spokesperson Ana Ruiz said': a name right after a role,
# then a comma or a speech verb
NAME_BEFORE_COMMA_OR_VERB = re.compile(  # a lookahead, so that 'Donald Trump' is tried inside 'President Donald Trump'
    r"(?<=[ \t])(?=(" + FULL_NAME + r")(?:,|[ \t]+(?:" + lexicon.reporting_forms() + r")\b))"
)
ROLE_RIGHT_BEFORE = re.compile(ROLES + r"[ \t]+$")
# 'The Chinese Ambassador to Nigeria, ' + 'Cui Jianchun': a role set off before the name
ROLE_SET_OFF_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?)[ \t]+|(?<![\w’'-])(?=[A-Z][\w-]*[’']s[ \t]))"  # 'The ...', "China's ..."
    r"([^,.;:!?\n“”\"]{0,40}?" + ROLES + r"\b[^,.;:!?\n“”\"]{0,40}),[ \t]+$"
)
# One name alone, as reports name witnesses: 'Erkin, a 46-year-old former shopkeeper', 'Another former detainee,
# Mehmet, said', 'their daughter, Mihray, who', 'their daughter, Sabina, 15,', 'a guide who gave his name only as
# Ablikim', 'I will call her Aynur', 'Gulbahar – not her real name –', '..., said Ablimit, a 38-year-old
# pharmacist': only with an age or a word for a person beside it.
ONE_NAME = "(" + CAPITAL + r"[a-z\u00DF-\u00FF\u0100-\u017F’'-]{2,})"
# ', a 46-year-old former shopkeeper', ', 41, a former accountant', ', a Uyghur woman'
ONE_NAME_APPOSITIVE = (
    r",\s(?:an?\s(?:[\w’'-]+\s){0,3}?(?:" + PERSON_WORDS + r")\b|(?:an?\s)?\d{1,3}-year-old\b|\d{1,3},\s)"
)
NAMED_BY_ONE_NAME = re.compile(
    SENTENCE_OPENING
    + ONE_NAME
    + ONE_NAME_APPOSITIVE
    + r"|\b(?:"
    + PERSON_WORDS
    + r"),\s"
    + ONE_NAME
    + r",\s(?:(?:"
    + lexicon.reporting_forms()
    + r"|who)\b|\d{1,3},)"
    # 'Gulbahar – not her real name –': a name a report gives a witness it protects
    + r"|"
    + ONE_NAME
    + r"\s*[–—(,-]\s*not\s+(?:his|her|their)\s+real\s+name"
    r"|\b(?:(?:identified|known)\s+only\s+as|(?:gave|giving)\s+(?:his|her|their)\s+name\s+(?:only\s+)?as"
    r"|(?:call|calling)\s+(?:him|her))\s+"
    + ONE_NAME
    + r"|\b(?:"
    + lexicon.reporting_forms()
    + r")\s+"
    + ONE_NAME
    + ONE_NAME_APPOSITIVE,
    re.MULTILINE,
)
# A name right after a role: 'German Greens MEP Lukas Brenner'
NAME_AFTER_ROLE = re.compile(r"\s+((?:" + CAPITAL + r"[\w’'-]+\s){1,2}" + CAPITAL + r"[\w’'-]+)\b")
# What the text writes after a person's name: 'Aynur Memtimin, 23,', '..., who has taught', '... across her table',
# '... is sitting in front of a ring light, holding a plate up to her phone'
PERSON_AFTER = re.compile(
    r",\s+(?:\d{1,3},|who\b)"
    r"|\s+(?:[a-z][\w’'-]*,?\s+){1,20}?(?:her|his)\s+(?!(?:about|to|that|in|on|with|for|from|by|at|as|and|or|the|an?)\b)[a-z]"
)
# 'Zulpiye Ablet spent 14 months in ... Aksu. She now lives ...': a sentence that opens with the name (or goes on
# with it after a quotation: '“...,” Tursun Mamat told reporters. He ...'), and the next one goes on with 'she' or 'he'
SUBJECT_THEN_PRONOUN = re.compile(r"[^.!?\n“”\"]{1,110}[.!?][ \t]+(?:She|He)\s")
# The capitalised word after a one-word person's name that ends the name, not a sentence
SURNAME_AFTER = re.compile(
    r"[ \t](" + CAPITAL + r"[a-z\u00DF-\u00FF\u0100-\u017F’'-]{2,})(?![\w’'-])(?![ \t]+" + CAPITAL + ")"
)
# 'an analyst at Corvane Research': where someone with a role works
STAFF_AT = re.compile(r"\b(?:" + "|".join(sorted(ROLE_NOUNS)) + r")s?\s+(?:at|with)\s+(?:the\s+)?$", re.IGNORECASE)
# 'the lawyer, Chalida Wongsakul', 'UNHCR spokesperson Nadia Ferreira': a role right before a name
ROLE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(ROLE_NOUNS)) + r"),?\s+$", re.IGNORECASE)
# 'to Don Mueang airport', 'in Yarkand county': a name the model took for an actor is a place
PLACE_NOUNS = (
    "airport station port prison jail province county prefecture city district village township street road square "
    "hotel stadium mosque market river lake mountains mountain zone region"
).split()
PLACE_NOUN_AFTER = re.compile(r"\s+(?:international\s+)?(?:" + "|".join(PLACE_NOUNS) + r")\b")
# 'Thailand’s Ministry of Foreign Affairs': the owner of a body whose name does not say whose it is
OWNER_BEFORE = re.compile(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)[’']s\s+$")
# Possessives that are part of a body's name, not its owner: "People's Procuratorate", "People's Government".
NAMED_OWNERS = {"People"}
OWNER_INSIDE = re.compile(r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)[’']s\s(\w+)")
# 'senator for ': a title and the place it is for, written before a name ('Director of' is followed by the body)
TITLE_FOR = re.compile(r"(\S+)\s+for\s+$")
# How many earlier name mentions a bare surname looks back over (bounds the work on huge texts).
SURNAME_LOOKBACK = 200
HONORIFIC = r"(?:" + "|".join(lexicon.honorifics()) + r")\.?"
HONORIFIC_BEFORE = re.compile(r"\b" + HONORIFIC + r"\s+$")
# Up to three more words of a name: ' Chee Keong', not over punctuation or a lower-case word
NAME_RUNS_ON = re.compile(r"(?:[ \t]+" + CAPITAL + r"[\w’'-]*(?![\w’'-])){1,3}(?![ \t]+[A-Z])")
HONORIFIC_NAME = re.compile(r"\b" + HONORIFIC + r"\s+(" + NAME_WORD + r")")


@dataclass
class ArticleActors:
    """What the actor stage found in one article."""

    mentions: list[Mention] = field(default_factory=list)
    discovered: list[Actor] = field(default_factory=list)


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = ascii_name.replace("&", " and ").replace(".", "")  # 'U.S. Customs' and 'US Customs' are one
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "actor"


# A short name of capitals that may own the rest of a name: 'UN', 'U.N.', 'EU'.
ACRONYM = re.compile(r"[A-Z]{2,5}|(?:[A-Z]\.){2,4}")


def _pattern(forms) -> re.Pattern | None:
    forms = sorted({f for f in forms if f}, key=len, reverse=True)
    if not forms:
        return None
    alternatives = []
    for form in forms:
        escaped = re.escape(form)
        if form.startswith("the "):
            escaped = "[Tt]he " + re.escape(form[4:])
        first, _, rest = form.partition(" ")
        if rest and ACRONYM.fullmatch(first):  # 'the UN's human rights office' for 'UN human rights office'
            escaped = re.escape(first) + "(?:'s)?" + re.escape(" " + rest)
        alternatives.append(re.sub(r"\\[ -]", "[ -]", escaped).replace("'", "['’]"))
    # An optional leading "the" lets the longest name win: "the United Nations human rights office".
    return re.compile(r"(?<![\w&.])(?:[Tt]he\s+)?(?P<name>" + "|".join(alternatives) + r")(?![\w&]|\.\w)")


def _capitalised(form: str) -> str:
    """A body's name with its lower-case words capitalised, as official names are often written; the small
    words that stay lower case in titles stay so ('Ministry of Foreign Affairs')."""
    return " ".join(w if w in TITLE_SMALL_WORDS or not w[:1].islower() else w[:1].upper() + w[1:] for w in form.split())


TITLE_SMALL_WORDS = {"of", "and", "the", "for", "on", "in", "to", "a", "an", "at", "by"}


def _form_key(form: str) -> str:
    """'Xinjiang’s human-resources department' is written 'Xinjiang's human resources department' too, and 'the
    UN's human rights office' is the 'UN human rights office'."""
    form = form.strip().replace("’", "'").replace("-", " ")
    owner, _, rest = form.partition(" ")
    if rest and ACRONYM.fullmatch(owner.removesuffix("'s")):
        return owner.removesuffix("'s") + " " + rest
    return form


def _words_key(form: str) -> tuple[str, ...]:
    """A body's name in any word order: 'Bureau of Statistics of X', 'X Statistics Bureau', 'X Bureau of
    Statistics'."""
    return tuple(sorted(w for w in re.findall(r"[\w']+", _form_key(form).lower()) if w not in ("of", "the")))


class Registry:
    """The curated actors, and the names that are never actors (ethnic groups, places, programmes)."""

    def __init__(self, actors: list[Actor], not_actors: dict[str, str]):
        self.actors = {a.id: a for a in actors}
        self.not_actors = not_actors  # name → kind
        self.place_names = {name for name, kind in not_actors.items() if kind == "place"}
        self.by_form: dict[str, str] = {}
        self.by_words: dict[tuple[str, ...], str] = {}
        self.by_metonym: dict[str, str] = {}
        for actor in actors:
            for form in (actor.name, *actor.aliases):
                self.by_form.setdefault(_form_key(form), actor.id)
                if form.startswith("the "):
                    self.by_form.setdefault(_form_key("The " + form[4:]), actor.id)
                if actor.type != PERSON:  # "China's foreign ministry" is also written "China's Foreign Ministry"
                    self.by_form.setdefault(_form_key(_capitalised(form)), actor.id)
                if actor.type != PERSON and len(_words_key(form)) >= BODY_NAME_WORDS:
                    self.by_words.setdefault(_words_key(form), actor.id)
            for form in actor.metonyms:
                self.by_metonym.setdefault(form, actor.id)
        self.names = _pattern(self.by_form)
        self.places = _pattern(self.by_metonym)
        # 'Chinese' for the government whose alias is 'Chinese government': whose data 'Chinese customs data' are
        # (unless the text names who compiled them: 'official Chinese data by the researcher Adrian Zenz'), and
        # whom 'Chinese officials' or 'Chinese diplomats' speak for
        self.by_demonym = {
            m.group(1): actor.id
            for actor in actors
            if actor.type == GOVERNMENT
            for alias in actor.aliases
            if (m := re.fullmatch(r"([A-Z][a-z]+) (?:government|Government)", alias))
            and m.group(1) not in self.by_metonym | dict.fromkeys(self.place_names)  # 'Xinjiang' is a place
        }
        # 'the Cuban delegation': the government of a country the registry does not list, from the lexicon (a
        # registry body of that country, such as its senate, is not its government)
        governments = {
            a.country: a.id
            for a in actors
            if a.type == GOVERNMENT and a.name in (f"Government of {a.country}", f"Government of the {a.country}")
        }
        self.foreign_demonyms: dict[str, str] = {}
        for demonym, country in lexicon.demonyms().items():
            if demonym not in self.by_demonym and demonym not in self.by_metonym:
                known = governments.get(country)
                if known:
                    self.by_demonym[demonym] = known
                else:
                    self.foreign_demonyms[demonym] = country
        demonyms = [*self.by_demonym, *self.foreign_demonyms]
        self.state_voices = (
            re.compile(
                r"(?<![\w-])(?P<name>" + "|".join(map(re.escape, demonyms)) + r")(?:\s+(?:official|government|"
                r"census|customs|trade|statistical|statistics|foreign|ministry))*\s+(?:(?:" + DATA_WORDS + r")\b"
                r"(?!\s+(?:by|from|of)\b)|(?:" + STATE_VOICES + r")\b)"
            )
            if demonyms
            else None
        )
        surname_owners: dict[str, set[str]] = {}
        for actor in actors:
            if actor.type == PERSON and len(actor.name.split()) >= 2:
                surname_owners.setdefault(actor.name.split()[-1], set()).add(actor.id)
        # "Mr Zenz" names a registry person even before (or without) the full name, if no one else has that name
        self.unique_surnames = {name: next(iter(ids)) for name, ids in surname_owners.items() if len(ids) == 1}

    def lookup(self, name: str) -> str | None:
        """The registry id for a name or alias (also without a leading 'the' or 'Mr.'); a body's name of three
        words or more also in another word order."""
        name = _form_key(name)
        for form in (name, re.sub(r"^(?:[Tt]he|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+", "", name)):
            if form in self.by_form:
                return self.by_form[form]
        words = _words_key(name)
        return self.by_words.get(words) if len(words) >= BODY_NAME_WORDS else None


def find_mentions(
    text: str, registry: Registry, use_model: bool = True, speakers: Index | None = None
) -> ArticleActors:
    """Every actor mention in a cleaned text: registry names, acting places, model finds, short names, titles.
    `speakers` are the words the parse makes the subject of a speech verb: a name the model finds there speaks,
    so it is an actor whatever its shape."""
    found = ArticleActors()
    speakers = speakers or Index([])
    taken = bytearray(len(text))  # 1 where a mention already covers the character: the first finder wins

    def add(actor_id, start, end, method):
        if any(taken[start:end]):
            return
        taken[start:end] = b"\x01" * (end - start)
        found.mentions.append(Mention(actor_id, start, end, text[start:end], method))

    def discover(actor, start, end, method):
        actor, start = _without_honorific(text, actor, start, registry)
        actor, start = _without_words_before(text, actor, start, registry)
        actor, end = _name_after_honorific(text, actor, start, end, registry)
        if actor.id not in registry.actors and actor.id not in {a.id for a in found.discovered}:
            found.discovered.append(actor)
        add(actor.id, start, end, method)

    lower_words = _lower_case_words(text)
    for m in MISSION_IN_TEXT.finditer(text):  # 'The Embassy of the People's Republic of China in the Republic of Cuba'
        end = m.start("place") + _place_length(m.group("place"), registry)
        mission = posted_mission(text[m.start() : end], registry)
        if mission is not None:
            discover(mission, m.start(), end, "mission name")
    for m in OWNED_MISSION.finditer(text):  # "China's Permanent Mission to the UN Office at Geneva"
        known_state = registry.by_metonym.get(m.group("state").replace("’", "'"))
        state = registry.actors[known_state] if known_state else _government_of(m.group("state"))
        if state is not None:
            mission = _mission(state, f"{m.group('post')} of {state.country or m.group('state')} {m.group('where')}")
            discover(replace(mission, aliases=(m.group(),)), m.start(), m.end(), "mission name")
    missions: dict[str, Actor | None] = {}  # a registry name of a state's post to the one mission it was posted to
    if registry.names:
        for m in registry.names.finditer(text):
            name = m.group("name")
            if _in_another_name(text, registry, name, m.end("name"), lower_words):
                continue  # 'Xi Yanchun': a registry person's one-word name that starts someone else's
            post = name.split()[-1].lower() in POSTS
            posted = _posted_in(text, registry, m.end("name")) if post else None
            if posted:  # 'the Chinese Embassy in Washington': one mission of the state, speaking for it
                mission = _mission(registry.actors[registry.lookup(name)], text[m.start("name") : posted])
                if missions.setdefault(name.lower(), mission) != mission:  # posted to two places: neither alone
                    missions[name.lower()] = None
                discover(mission, m.start("name"), posted, "posted")
            elif post and missions.get(name.lower()):  # 'the Chinese embassy in Kampala ... the Chinese embassy'
                discover(missions[name.lower()], m.start("name"), m.end("name"), "posted before")
            elif body_end := _body_of(text, registry, name, m.end("name"), taken):
                # 'the U.N. Committee on the Elimination of Racial Discrimination', 'UN Watch': a body of its own
                discover(_named_body(text[m.start("name") : body_end], name), m.start("name"), body_end, "body of")
            elif section := _national_section(text, registry, name, m.end("name")):
                # 'Amnesty International UK': a body's section in one country is its own actor
                discover(_organisation(text[m.start("name") : section]), m.start("name"), section, "country in name")
            else:
                add(registry.lookup(name), m.start("name"), m.end("name"), "registry")
    if registry.places:
        for m in registry.places.finditer(text):
            if not _acts(text, *_list_of_names(text, m.start("name"), m.end("name"))):
                continue  # a state acts alone or in a list: 'the EU, the United States and Canada imposed ...'
            named_from = _name_start_before(text, m.start("name"))
            if named_from is None:
                add(registry.by_metonym[m.group("name").replace("’", "'")], m.start("name"), m.end("name"), "metonym")
            else:  # 'Uyghur Solidarity UK said': a body whose name ends in a country's, not the country's state
                discover(_organisation(text[named_from : m.end("name")]), named_from, m.end("name"), "country in name")
    if registry.state_voices:
        for m in registry.state_voices.finditer(text):  # 'according to Kazakh customs statistics'
            name, start, end = m.group("name"), m.start("name"), m.end("name")
            if SOME_OF_THEM.search(text, max(0, start - 12), start):
                continue  # 'Some Israeli diplomats have privately warned': a few people, not their state's voice
            if name in registry.by_demonym:
                add(registry.by_demonym[name], start, end, "demonym")
            else:
                discover(_government(registry.foreign_demonyms[name]), start, end, "demonym")
    turns = transcript_turns(text)
    labels = Index((turn.name_start, turn.start) for turn in turns)
    # a speaking body named with what it is for ('The Coalition to End Forced Labour in the Uyghur Region said'):
    # the model often takes a part of its name for a name of its own
    for start, end in _speaking_bodies(text, speakers, taken, with_topic=True):
        discover(_organisation(text[start:end]), start, end, "speaker")
    for m in INITIALLED_NAME.finditer(text):  # 'D.Enkhtuya', 'Ch.Ariunaa': a name with its initial, no space
        if registry.lookup(m.group()) is None:
            discover(Actor(slug(m.group()), m.group(), PERSON, reviewed=False), m.start(), m.end(), "initialled name")
    # before the model, which would take 'Statistics Bureau' out of 'the county Statistics Bureau'
    for actor, start, end in _local_bodies(text, registry):
        discover(actor, start, end, "local body")
    if use_model:
        for actor, start, end in _discover(text, registry, taken, speakers):
            if not labels.overlaps(start, end):  # 'CHAIR SMITH: The Commission will ...' is no name
                discover(actor, start, end, "model")
    for start, end in _speaking_bodies(text, speakers, taken, with_topic=False):
        discover(_organisation(text[start:end]), start, end, "speaker")
    for start, end in _speaking_as_it(text, speakers, taken, registry, lower_words):
        discover(_organisation(text[start:end]), start, end, "speaker")
    for actor, start, end in _named_in_appositive(text, registry, taken):
        discover(actor, start, end, "appositive")
    for actor, start, end in _named_bodies(text, registry):
        discover(actor, start, end, "body name")
    for start, end in itertools.chain(
        _speaking_people(text, speakers, taken, registry, lower_words),
        _named_in_full(text, speakers, taken, registry, lower_words),
    ):
        discover(Actor(slug(text[start:end]), text[start:end], PERSON, reviewed=False), start, end, "speaker")
    holders: dict[str, str | None] = {}  # a role label to whoever holds it: 'CHAIR (Senator Fawcett):', then 'CHAIR:'
    for turn in turns:
        end = turn.name_start + len(turn.name)
        if any(m.start < end and turn.name_start < m.end for m in found.mentions):
            continue
        if _role_only(turn.name):
            bracketed = BRACKETED_NAME.search(text, end, turn.start)
            if bracketed:
                holder = _person_named_before(bracketed.group(1), found, registry) or _speaker_actor(
                    bracketed.group(1), registry, text
                )
                discover(holder, turn.name_start, end, "transcript role")
                holders[turn.name.lower()] = holder.id
                continue
            role = turn.name.lower()
            if role not in holders:  # read once per label: a long transcript repeats it in every turn
                holders[role] = _role_holder(text, turn.name, found, registry, labels)
            if holders[role]:
                add(holders[role], turn.name_start, end, "transcript role")
        elif turn.name.lower() not in UNNAMED_TURNS | ANSWER_TURNS:
            actor = _person_named_before(turn.name, found, registry) or _speaker_actor(turn.name, registry, text)
            discover(actor, turn.name_start, end, "transcript")
    known = {**registry.actors, **{a.id: a for a in found.discovered}}
    _resolve_abbreviations(text, found, known, add)
    for actor_id, start, end in _repeats(text, found.discovered):
        add(actor_id, start, end, "repeat")
    spoken = {text[start:end] for start, end in speakers.spans}
    for actor_id, start, end, method in _short_forms(text, found.mentions, known, registry, lower_words, spoken):
        add(actor_id, start, end, method)
    found.mentions.sort(key=lambda m: m.start)
    for mention in found.mentions:
        if known[mention.actor_id].type == PERSON and mention.method in ("registry", "model", "appositive", "repeat"):
            mention.role = person_role(text, mention.start, mention.end)
    return found


# The nouns for data (lexicon documents.csv), in their plural forms too: 'figures', 'statistics', 'data'.
DATA_WORDS = "|".join(sorted(lexicon.data_nouns(), key=len, reverse=True))
# Who speaks for a state when a text names them by its nationality: 'Chinese officials', 'Kazakh diplomats'.
STATE_VOICES = "officials|diplomats|spokesperson|spokesman|spokeswoman|side|delegation|representative|delegate"
SOME_OF_THEM = re.compile(r"\b(?:[Ss]ome|[Ss]everal|[Aa] few|[Mm]any|[Tt]wo|[Tt]hree|[Ff]ormer)\s+$")
ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z.&]{1,9})\)")


def _resolve_abbreviations(text: str, found: ArticleActors, known: dict[str, Actor], add) -> None:
    """'US Customs and Border Protection (CBP)': later 'CBP' is the same actor, not a new one; so is an
    acronym of a named organisation's initials."""
    expanded: dict[str, str] = {}
    in_capitals = set(re.findall(r"(?<![\w-])[A-Z]{2,8}(?![\w-])", text))
    for mention in found.mentions:
        if known[mention.actor_id].type == PERSON:
            continue
        abbreviation = ABBREVIATION.match(text, mention.end)
        if abbreviation:
            expanded.setdefault(abbreviation.group(1), mention.actor_id)
        for acronym in _initials(mention.text):
            if acronym in in_capitals:
                expanded.setdefault(acronym, mention.actor_id)
    if not expanded:
        return
    for mention in found.mentions:
        if mention.method == "model" and mention.text in expanded:
            mention.actor_id = expanded[mention.text]
    used = {m.actor_id for m in found.mentions}
    found.discovered = [a for a in found.discovered if a.id in used]
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, expanded)) + r")(?![\w-])")
    for m in pattern.finditer(text):
        add(expanded[m.group(1)], m.start(), m.end(), "abbreviation")


def _initials(name: str) -> list[str]:
    """'U.S. Customs and Border Protection' -> CBP and USCBP: acronyms that would stand for the name."""
    words = [w for w in re.findall(r"[A-Z][\w.]*", name) if w not in ("The",)]
    if len(words) < 3:
        return []
    full = "".join(w[0] for w in words)
    country = re.fullmatch(r"U\.?S\.?|U\.?K\.?|UN|EU", words[0])
    return [full, full[1:]] if country else [full]


# The holder a role label names in brackets: 'CHAIR (Senator Fawcett):', not a direction: 'NARRATOR (VO):'.
BRACKETED_NAME = re.compile(r"\(((?:[A-Z][\w’'.-]*\s){0,3}[A-Z][\w’'-]*[a-z][\w’'-]*)\)")
# The words of a label that is a role and no name.
ROLE_LABEL_WORDS = ROLE_NOUNS | PRESENTER_TURNS


def _role_only(label: str) -> bool:
    """A transcript label that is a role and no name: 'HOST', 'CORRESPONDENT', 'Moderator' (not a question's
    'Q:' or 'REPORTER:', asked by someone the text rarely names)."""
    words = label.lower().split()
    return bool(words) and all(w in ROLE_LABEL_WORDS for w in words)


def _role_holder(text: str, role: str, found: ArticleActors, registry: Registry, labels: Index) -> str | None:
    """Who a role label stands for: the person the text gives that role ('our correspondent Leung Ka-wai',
    'Anchor: Chan Mei-ling', 'Ari Shapiro, the host', 'Helen Whitcombe (Chair)'), or the body whose role it names
    before ('the Spokesperson of the Chinese Embassy in Ireland'); None when the text names nobody in it."""
    people = {**registry.actors, **{a.id: a for a in found.discovered}}
    role = re.escape(role.lower())
    before = re.compile(r"(?<![\w-])" + role + r"s?\s*:?\s*$", re.IGNORECASE)
    after = re.compile(r",?\s+\(?(?:(?:our|the|a|its)\s+)?(?:\w+\s+)?" + role + r"(?![\w-])", re.IGNORECASE)
    # 'put questions to the Spokesperson of the Chinese Embassy in Ireland': the role of a body, no one named
    of_body = re.compile(r"(?<![\w-])" + role + r"\s+(?:of|for|at)\s+(?:the\s+)?$", re.IGNORECASE)
    for mention in sorted(found.mentions, key=lambda m: m.start):
        actor = people.get(mention.actor_id)
        if actor is None or mention.method.startswith("transcript"):
            continue
        if actor.type != PERSON:
            if of_body.search(text, max(0, mention.start - 40), mention.start):
                return actor.id
            continue
        introduced = before.search(text, max(0, mention.start - 30), mention.start)
        if (introduced and introduced.start() not in labels) or after.match(text, mention.end):
            return actor.id
    return None


def _person_named_before(name: str, found: ArticleActors, registry: Registry) -> Actor | None:
    """'Tursun:' heading an answer after 'Dilnur Tursun, a Munich-based activist', or a broadcast transcript's
    'SHAPIRO:' after 'Ari Shapiro': the person named in full."""
    people = {**registry.actors, **{a.id: a for a in found.discovered}}
    name = " ".join(_turn_name_words(name)).lower()
    for mention in found.mentions:
        actor = people.get(mention.actor_id)
        parts = actor.name.lower().split() if actor and actor.type == PERSON else []
        if len(parts) >= 2 and name in (parts[0], parts[-1], " ".join(parts)):
            return actor
    return None


# A noun that describes a person, capitalised before their full name: 'Herder Toktobek Mamyt, 54, said' (not a
# three-letter one, which may be a surname: 'Son Heung-min').
DESCRIBING_NOUN = re.compile(
    r"(?:"
    + "|".join(sorted((n.capitalize() for n in lexicon.person_nouns() if len(n) > 3), key=len, reverse=True))
    + r")"
    r"\s+(?=" + NAME_WORD + r"\s+" + NAME_WORD + ")"
)


def _without_honorific(text: str, actor: Actor, start: int, registry: Registry) -> tuple[Actor, int]:
    """'Mr Ma Xiaodong' is Ma Xiaodong, and 'Mr Ma' the fuller name the text gives him: a discovered person's
    name without its honorific (or a noun that describes them: 'Herder Toktobek Mamyt'), and where it starts."""
    titled = re.match(HONORIFIC + r"\s+(?=" + NAME_WORD + ")", actor.name) or DESCRIBING_NOUN.match(actor.name)
    if actor.type != PERSON or actor.id in registry.actors or titled is None:
        return actor, start
    name = actor.name[titled.end() :]
    name = (_full_name(text, name) or name) if len(name.split()) == 1 else name
    return _person(name, registry), start + titled.end()


def _person(name: str, registry: Registry) -> Actor:
    """The registry's person of that name, or a new, unreviewed one."""
    known = registry.lookup(name)
    return registry.actors[known] if known else Actor(slug(name), name, PERSON, reviewed=False)


def _name_after_honorific(text: str, actor: Actor, start: int, end: int, registry: Registry) -> tuple[Actor, int]:
    """A discovered person's name after an honorific runs over the capitalised words the model left out: 'Datuk
    Lim Chee' + 'Keong' (Malaysian names have three words or more)."""
    if (
        actor.type != PERSON
        or actor.id in registry.actors
        or not HONORIFIC_BEFORE.search(text, max(0, start - 20), start)
    ):
        return actor, end
    more = NAME_RUNS_ON.match(text, end)
    words = more.group().split() if more else []
    while words and (words[-1] in NOT_NAMES or _is_title(words[-1]) or registry.lookup(words[-1])):
        words.pop()
    if not words:
        return actor, end
    end += more.group().index(words[-1]) + len(words[-1])
    return _person(text[start:end], registry), end


def _without_words_before(text: str, actor: Actor, start: int, registry: Registry) -> tuple[Actor, int]:
    """A discovered person's name without the words the model took in before it: a lower-case word ('the
    representative of the ministry Aibek Smadiyarov') or what a title is for ('senator for Victoria James
    Paterson'); two words stay."""
    if actor.type != PERSON or actor.id in registry.actors:
        return actor, start
    words = list(re.finditer(r"\S+", actor.name))
    if len(words) < 3:
        return actor, start
    drop = 0
    while len(words) - drop > 2 and words[drop].group()[0].islower() and words[drop].group() not in NAME_PARTICLES:
        drop += 1
    title_for = TITLE_FOR.search(text, max(0, start - 40), start)
    if not drop and title_for and _is_title(title_for.group(1)):
        drop = len(words) - 2  # what the title is for ends where a name of two words begins
    if not drop:
        return actor, start
    return _person(actor.name[words[drop].start() :], registry), start + words[drop].start()


def _turn_name_words(name: str) -> list[str]:
    """A transcript's speaker label as a name: 'AMNA NAWAZ' is Amna Nawaz, 'MS. HALL' Hall, 'CHAIR SMITH' Smith,
    'Spokesperson He Yadong' He Yadong (an acronym, 'CBP', 'CCTV', stays as it is)."""
    if name.isupper() and max(map(len, name.split())) >= 4:
        name = " ".join(w if not re.search(r"[AEIOUY]", w) else w.title() for w in name.split())
    words = re.sub(r"^(?i:" + HONORIFIC + "|" + "|".join(TITLES) + r")\.?\s+", "", name).split()
    while len(words) > 1 and _is_role(words[0]):
        words = words[1:]
    return words


def _speaker_actor(name: str, registry: Registry, text: str) -> Actor:
    """The actor a transcript speaker's label stands for; unknown names become unreviewed actors, people when
    the label gave them an honorific or a role ('MS. HALL'), with the fuller name the text gives them ('Ms.
    Eleanor Hall is the director ...')."""
    words = _turn_name_words(name)
    titled = len(words) < len(name.split())
    if titled and len(words) == 1:
        words = (_full_name(text, words[0]) or words[0]).split()
    actor_id = registry.lookup(name) or registry.lookup(" ".join(words))
    if actor_id:
        return registry.actors[actor_id]
    person = (titled or _looks_like_person(words)) and not set(words) & (ORG_HEADS | MEDIA_WORDS)
    return Actor(slug(" ".join(words)), " ".join(words), PERSON if person else ORGANIZATION, reviewed=False)


# States named with others that act with them: 'and its allies', 'and a few other Western countries'.
ALLIED_STATES = re.compile(
    r"\s+and\s+(?:(?:a|few|some|several|many|its|their|other|[A-Z][\w-]*)\s+){0,4}"
    r"(?:countries|allies|governments|partners|states|nations)\b"
)


def _acts(text: str, start: int, end: int) -> bool:
    """A place name standing for its government: it is the subject of a verb ("Beijing denies")."""
    after = text[end : end + 40]
    if OWNED_DOCUMENT.match(after):
        return True  # "according to China's 2020 census": the state's own figures
    if ENVOY_OF.search(text, max(0, start - 40), start):
        return True  # "the delegation of Australia said", "the representative of the United Kingdom claimed"
    before = re.findall(r"[\w’']+", text[max(0, start - 30) : start])
    if before and before[-1].lower() in PLACE_PREPOSITIONS:
        return False
    if before and before[-1].lower() == "by":
        return True
    if BODY_OF_STATE.match(after):
        return True
    if OWNED_BODY.match(after) or OWNED_ENVOY.match(after):
        return True  # "China's Mission said", "Cuba's delegate said": the state, through its body or envoy
    if re.match(r"[’']s?\b", after) or re.match(r"\s*[-–]", after):
        return False
    allied = ALLIED_STATES.match(text, end)
    if allied:  # 'the United States and a few other Western countries have spread': they act together
        after = text[allied.end() : allied.end() + 40]
    after = re.sub(r"^,\s*(?:however|though|meanwhile|in turn|for its part|too),", "", after)
    after = re.sub(r"^\s+(?:on \w+day|last \w+|this \w+|earlier \w+|today|yesterday|again|also|[a-z]+ly)\b", "", after)
    word = re.match(r"\s+([a-z]+)", after)
    if not word:
        return False
    w = word.group(1)
    return w in AGENT_FOLLOWERS or (len(w) > 3 and (w.endswith("ed") or (w.endswith("s") and not w.endswith("ss"))))


def _list_of_names(text: str, start: int, end: int) -> tuple[int, int]:
    """The list of capitalised names joined by commas and 'and' that the name at [start, end) is in."""
    first, last = start, end
    while m := NAME_BEFORE.search(text[max(0, start - 60) : start]):
        start -= len(m.group())
    while m := NAME_AFTER.match(text, end):
        end = m.end()
    listed = text[start:end]
    if not re.search(r"\s(?:and|or)\s", listed) or (re.search(r",\s+(?:and|or)\s", listed) and listed.count(",") < 2):
        return first, last  # ', and' after one name joins clauses: 'in Xinjiang, and the United States has ...'
    return start, end


def _discover(text: str, registry: Registry, known: bytearray, speakers: Index):
    """Persons and organisations the model finds that pass the filters, or that speak; yields (actor, start, end).

    The model reads only the stretches of sentences around a capitalised name the registry did not match
    (`known` marks the characters it did): the rest has nothing left to discover, and the model is most of the
    build's time.
    """
    passages = [p for s in all_sentences(text) for p in _around_unknown_names(text, s, registry, known)]
    docs = language.entities(text[p.start : p.end] for p in passages)
    entities = [
        (p.start + e.start_char, p.start + e.end_char, e.label_)
        for p, doc in zip(passages, docs, strict=True)
        for e in doc.ents
    ]
    # words of the names the model found in full: the short-name finder links them when they stand alone
    named_in_full = {w for s, e, label in entities if label == "PERSON" and " " in text[s:e] for w in text[s:e].split()}
    for ent_start, ent_end, model_label in entities:
        # 'the ... Regional Department of Culture and Tourism' is often tagged a facility or place
        label = "ORG" if model_label in ("FAC", "GPE", "LOC") else model_label
        if label not in ("PERSON", "ORG"):
            continue
        start, end, name = _trim_entity(text, ent_start, ent_end)
        words = name.split()
        if len(words) > 1 and _is_role(words[-1]) and not set(words) & ORG_HEADS:
            named = NAME_AFTER_ROLE.match(text, end)
            if named and not any(w in NOT_NAMES for w in named.group(1).split()):
                # 'German Greens MEP Lukas Brenner': the model took the role for the name
                yield Actor(slug(named.group(1)), named.group(1), PERSON, reviewed=False), *named.span(1)
            continue  # 'Pakistan's Permanent Representative in Geneva': a role, no one's name
        named_from = _after_titles(text, start, end, keep=2) if label == "PERSON" else start
        if named_from > start:  # 'MEP Sanne Verhoeven', 'BTMA Vice-President Salim Rahman'
            start, name = named_from, text[named_from:end]
            words = name.split()
        if label == "PERSON" and len(words) >= 3 and _a_place(words[0], registry):
            # 'Chinese ambassador to Bangladesh Yao Wen': the model took the country for part of the name
            start += re.match(r"\S+\s+", name).end()
            words, name = words[1:], text[start:end]
        surname = SURNAME_AFTER.match(text, end) if label == "PERSON" and len(words) == 1 else None
        if surname and not _not_a_name(surname.group(1), registry):
            end = surname.end(1)  # 'I met Gulnar Ablimit in Istanbul': the model tagged the given name alone
            words, name = [*words, surname.group(1)], text[start:end]
        honorific = re.fullmatch(HONORIFIC + r"\s+(" + NAME_WORD + ")", name)
        lone_surname = label == "PERSON" and len(words) == 1 and words[0] not in named_in_full and not _is_title(name)
        if honorific is None and lone_surname and _after_a_title(text, start):
            honorific = re.fullmatch(r"(" + NAME_WORD + ")", name)  # 'Minister Schreinemacher', the full name missed
        full_name = _full_name(text, honorific.group(1)) if honorific else None
        if full_name:  # 'Ms Marchetti' is the Helen Marchetti the text names in full, whatever the model tagged
            yield _person(full_name, registry), start + honorific.start(1), end
            continue
        written: tuple[str, ...] = ()
        if label == "ORG":
            end, name = _complete_org(text, start, end, name, known)
            start, name, written = _with_owner(text, start, name)
        if not name or name in registry.not_actors:
            continue
        known_id = registry.lookup(name)
        if known_id:  # a registry body the text names in another word order
            yield registry.actors[known_id], start, end
            continue
        if name.replace("’", "'") in registry.by_metonym:
            continue  # a place the registry knows: where it acts, the metonym pass gave it its government
        if model_label == "GPE" and (speakers.overlaps(start, end) or _acts(text, start, end)):
            government = _government_of(name)
            if government is not None:  # 'India lodged a protest': a country the registry does not know
                yield government, start, end
            continue
        before = text[max(0, start - 40) : start]
        if _in_headline(text, start) or DOCUMENT_TITLE_BEFORE.search(before) or DOCUMENT_TOPIC_BEFORE.search(before):
            continue
        words = name.split()
        if _names_no_actor(words, model_label, registry) or PLACE_NOUN_AFTER.match(text, end):
            continue
        if words[-1] in ("of", "and", "for", "on", "in", "to", "the"):  # 'the Global Estimates of the ILO': a title
            continue
        if DESCRIBING_WORD.search(name):  # 'A Jebel Ali-based textile trader': where someone is based, no name
            continue
        # a name the parse makes a speaker is an actor, if the model's entity keeps within its sentence
        # (a place name speaks for its government, which the registry's metonyms give)
        speaks = model_label != "GPE" and speakers.overlaps(start, end) and ". " not in name
        if speaks and model_label == "PERSON":
            start = _spoken_name_start(text, speakers.find(end - 1), start)
            name = text[start:end]
            words = name.split()
        titled = _name_after_title(text, speakers.find(end - 1), start, end) if speaks else None
        if titled is not None:  # 'Foreign Office Spokesperson Mumtaz Zahra Baloch', which the model took for a body
            yield _person(text[titled:end], registry), titled, end
            continue
        if speaks and len(words) == 1 and _in_longer_name(text, name):
            continue  # the short name of a person or body named in full elsewhere: the short-name finder links it
        # the model often mistags Uyghur names
        if model_label != "PERSON" and _treated_as_person(text, words, start, end):
            yield Actor(slug(name), name, PERSON, reviewed=False), start, end
        elif _called_a_company(text, start, end, model_label):  # 'module maker Sonnfeld Solar'
            yield replace(_organisation(name), aliases=written), start, end
        elif label == "PERSON" and _looks_like_person(words):
            yield Actor(slug(name), name, PERSON, reviewed=False), start, end
        elif label == "ORG" and (
            speaks
            or _looks_like_org(text, words, end)
            or (model_label == "ORG" and STAFF_AT.search(text, max(0, start - 40), start) is not None)
            or _acting_acronym(text, name, start, end)
            or (model_label == "ORG" and _acting_body(text, start, end))
        ):
            yield replace(_organisation(name), aliases=written), start, end


# A name written after an initial and a full stop, with no space, as Mongolian and some Central Asian outlets write
# people's names ('D.Enkhtuya', 'Ch.Ariunaa'); not an honorific or an abbreviation ('Dr.Smith', 'St.Petersburg').
ABBREVIATIONS = {"St", "Mt", "No", "Co", "Jr", "Sr", "Lt", "Col", "Rev", "Ft", "Vs"}
NOT_INITIALS = r"(?!(?:" + "|".join(sorted(set(lexicon.honorifics()) | set(TITLES) | ABBREVIATIONS)) + r")\.)"
INITIALLED_NAME = re.compile(
    r"(?<![\w.’'-])" + NOT_INITIALS + r"(?:[A-Z][a-z]?\.){1,2}[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?(?![\w’'-])"
)
# Countries by their common English name ('Bangladesh'), as the demonyms lexicon gives them.
COUNTRIES = frozenset(lexicon.demonyms().values())
# A last word that describes rather than names: 'Jebel Ali-based', 'Uyghur-run', 'state-owned'.
DESCRIBING_WORD = re.compile(r"-(?:based|born|owned|run|listed|led|backed|linked|funded)$")
# Days and months, which no name goes on with: 'Global News on Tuesday'
DATE_WORDS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|" + "|".join(calendar.month_name[1:])
# One more name of a list, before or after a name: 'the United Kingdom, ' or ', the United States and '.
LISTED_NAME = r"(?:the\s+)?(?!(?:" + DATE_WORDS + r")\b)(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*"
NAME_BEFORE = re.compile(LISTED_NAME + r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?$")
NAME_AFTER = re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+)" + LISTED_NAME + r"\b")
# 'Select Committee' + 'on Forced Labour', 'Coalition' + 'to End Forced Labour in the Uyghur Region': what a body
# is for
_TOPIC_WORD = r"(?!(?:And|Between|In|Of|On|For|To|Against|" + DATE_WORDS + r")\b)[A-Z][\w’'-]*"
_TOPIC_WORDS = _TOPIC_WORD + r"(?:[ \t]+" + _TOPIC_WORD + r")*"
TOPIC = re.compile(
    r"[ \t]+(?:on|for|to)[ \t]+(?:the[ \t]+)?"
    + _TOPIC_WORDS
    + r"(?:[ \t]+(?:[Aa]nd|[Bb]etween|[Oo]f|[Aa]gainst|[Ii]n(?=[ \t]+the\b))[ \t]+(?:the[ \t]+)?"
    + _TOPIC_WORDS
    + r")*"
)
# A name ending in a body word ('Urumqi Customs'), not led by a determiner, and what a longer name continues with.
SPEAKING_BODY = re.compile(
    r"(?!(?:The|A|An|This|That|Its|Their|Our|His|Her)\s)(?:[A-Z][\w’'-]*\s+){1,5}(?:"
    + "|".join(sorted(word.title() for word in lexicon.named_body_words()))
    + r")(?![\w-])"
)
# 'Coalition to End Forced Labour in the Uyghur Region': a body named by its head and what it is for
BODY_WITH_TOPIC = re.compile(r"(?:[A-Z][\w’'-]*[ \t]+){0,5}(?:" + "|".join(sorted(ORG_HEADS)) + r")" + TOPIC.pattern)
# 'the white paper Employment and Labor Rights in Xinjiang': the name after a document noun is its title.
DOCUMENT_TITLE_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Aa])[ \t]+(?:" + "|".join(map(re.escape, lexicon.document_nouns())) + r")[ \t]+$"
)
# 'the 2023 Statistical Communique on the National Economic and Social Development of Hami City': what a document
# is on is its title's, no one's name
DOCUMENT_TOPIC_BEFORE = re.compile(
    r"\b(?:" + "|".join(map(re.escape, lexicon.document_nouns())) + r")[ \t]+on[ \t]+(?:the[ \t]+)?$", re.IGNORECASE
)
CAPITALISED_BEFORE = re.compile(r"[A-Z][\w’'-]*[ \t]+$")
NAME_GOES_ON = re.compile(r"[ \t]+([A-Z][\w’'-]*)")
LONGER_NAME = re.compile(r"[ \t]+(?:(?:of|for|and|on)[ \t]+)?[A-Z]")


def _speaking_bodies(text: str, speakers: Index, known: bytearray, with_topic: bool):
    """A body the parse makes a speaker but no finder named ('Urumqi Customs said'): capitalised words that
    end in a body word and are the whole name, outside the headline; with_topic, only those whose name goes on
    with what the body is for ('The Coalition to End Forced Labour said'), else only the others; yields (start,
    end)."""
    for start, end in speakers.spans:
        topic_end = _topic_end(text, end, known) if text[start:end].split()[-1] in ORG_HEADS else end
        if (topic_end > end) != with_topic:
            continue
        end = topic_end
        before = text[max(0, start - 30) : start]
        whole = not (CAPITALISED_BEFORE.search(before) and not DETERMINER_BEFORE.search(before))
        whole = whole and not LONGER_NAME.match(text, end) and not any(known[start:end])
        named = BODY_WITH_TOPIC.fullmatch(text, start, end) if with_topic else SPEAKING_BODY.fullmatch(text, start, end)
        if whole and named and not _in_headline(text, start):
            yield start, end


# 'Dahua said it', 'Shein insisted its': the speaker's own word for itself in what it says
SAYS_IT = re.compile(r"[ \t]+(?:[a-z]+ly[ \t]+)?[a-z]+[ \t]+(?:that[ \t]+)?its?\b")


def _speaking_as_it(text: str, speakers: Index, known: bytearray, registry: Registry, lower_words: set[str]):
    """A one-word name the parse makes a speaker, that calls itself 'it' in what it says ('Dahua said it strictly
    complies'): a body, as no person is 'it'; not a place, a word that is no name ('Officials', 'Embassy', the
    registry's not-actors), nor one the text also writes in lower case."""
    for start, end in speakers.spans:
        word = text[start:end]
        if " " in word or not re.fullmatch(NAME_WORD, word) or any(known[start:end]) or _in_headline(text, start):
            continue
        if _not_a_name(word, registry) or _a_place(word, registry) or _common_word(word, lower_words):
            continue
        if SAYS_IT.match(text, end) and not _in_a_longer_name(text, word, lower_words):
            yield start, end


def _common_word(word: str, lower_words: set[str]) -> bool:
    """A word the text writes in lower case too, or a lexicon's word for people or a body ('Researchers')."""
    lower = word.lower()
    return lower in lower_words or lower in lexicon.people() or lower in lexicon.body_words()


def _in_a_longer_name(text: str, word: str, lower_words: set[str]) -> bool:
    """Whether the text writes the word inside a longer name ('Li' of 'Li Wenhua', 'Petrova' of 'Petrova
    Lines'): a capitalised word right after it, or one before it that the text never writes in lower case."""
    for m in re.finditer(r"(?<![\w’'-])" + re.escape(word) + r"(?![\w’'-])", text):
        after = re.match(r"[ \t]+" + NAME_WORD, text[m.end() : m.end() + 40])
        before = re.search(r"(" + CAPITAL + r"[\w’'-]*)[ \t]+$", text[max(0, m.start() - 40) : m.start()])
        if after or (before and before.group(1).lower() not in lower_words):
            return True
    return False


DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+$")


def _in_another_name(text: str, registry: Registry, name: str, end: int, lower_words: set[str]) -> bool:
    """A registry person's one-word name ('Xi') followed by a word that is only ever a name ('Yanchun')."""
    if " " in name or registry.actors[registry.lookup(name)].type != PERSON:
        return False
    after = re.match(r" (" + NAME_WORD + r")", text[end : end + 40])
    return after is not None and not after.group(1).isupper() and after.group(1).lower() not in lower_words


# 'U.N.', 'UN', 'EU': an organisation's acronym, and the capitalised words that may follow it in a longer name
ACRONYM_NAME = re.compile(r"(?:[A-Z]\.?){2,5}")
NAME_AFTER_ACRONYM = re.compile(r"(?:[ \t]+[A-Z][\w’'-]*){1,4}")


def _body_of(text: str, registry: Registry, name: str, end: int, known: bytearray) -> int | None:
    """Where the name of a body ends that starts with an organisation's acronym ('U.N.' + 'Committee on the
    Elimination of Racial Discrimination', 'UN' + 'Watch'): its last capitalised word is a body's head, and more
    than a word for any body ('a UN Committee' is the UN's)."""
    if not ACRONYM_NAME.fullmatch(name) or registry.actors[registry.lookup(name)].type != ORGANIZATION:
        return None
    after = NAME_AFTER_ACRONYM.match(text, end)
    words = after.group().split() if after else []
    if not words or words[-1] not in ORG_HEADS:
        return None
    body_end = _topic_end(text, after.end(), known)
    lone_head = body_end == after.end() and len(words) == 1 and words[0].lower() in lexicon.named_body_words()
    return None if lone_head else body_end


def _named_body(written: str, acronym: str) -> Actor:
    """A body named after an organisation's acronym, by its own name when that is more than a head and what it is
    for ('Committee on the Elimination of Racial Discrimination'; 'UN Watch' stays), the written name an alias."""
    own = written[len(acronym) :].strip()
    return replace(_organisation(own), aliases=(written,)) if len(own.split()) >= 3 else _organisation(written)


def _a_place(word: str, registry: Registry) -> bool:
    """A country or place the registry or the demonyms lexicon knows ('Bangladesh', 'Xinjiang')."""
    return word in registry.by_metonym or word in registry.place_names or word in COUNTRIES


def _lower_case_words(text: str) -> set[str]:
    """The words a text writes in lower case: a capitalised one among them is a common word, not a name."""
    return set(re.findall(r"\b[a-z][\w’'-]*", text))


def _speaking_people(text: str, speakers: Index, known: bytearray, registry: Registry, lower_words: set[str]):
    """A person the parse makes a speaker but no finder named ('said Ana Villarreal, a senior official'): two or
    three capitalised words that are the whole name and name no thing; yields (start, end)."""
    for spoken_start, end in speakers.spans:
        start = _after_titles(text, spoken_start, end, keep=1)  # 'Homeland Security Secretary Alejandro Mayorkas'
        words = text[start:end].split()
        unbroken = start > spoken_start or not CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
        whole = unbroken and not LONGER_NAME.match(text, end)
        titled = re.fullmatch(HONORIFIC, words[0]) or words[0].rstrip(".") in TITLES  # 'Dr Zenz': a short name
        if whole and len(words) <= 3 and _looks_like_person(words) and not titled and not any(known[start:end]):
            if not _names_a_thing(text, start, words, registry, lower_words) and not _in_headline(text, start):
                yield start, end


def _after_titles(text: str, start: int, end: int, keep: int) -> int:
    """Where the name in [start, end) begins: after the last title that leaves at least `keep` words ('Ranking
    Member Krishnamoorthi', 'MEP Sanne Verhoeven')."""
    words = list(re.finditer(r"\S+", text[start:end]))
    after = max((i + 1 for i, word in enumerate(words[:-keep]) if _is_title(word.group())), default=0)
    return start + words[after].start() if words else start


GIVEN_NAME = CAPITAL + r"[a-z\u00DF-\u00FF\u0100-\u017F]+(?:-" + CAPITAL + r"?[a-z\u00DF-\u00FF\u0100-\u017F]+)?"


def _named_in_full(text: str, speakers: Index, known: bytearray, registry: Registry, lower_words: set[str]):
    """A one-word speaker no finder named ('Tohti told Middle East Eye') whom the text names in full elsewhere
    ('Abdurehim Tohti's door'): the given name and that word are the person; yields (start, end) of the full
    name, which the short-name finder then links the speaker to."""
    for spoken_start, end in speakers.spans:
        start = _after_titles(text, spoken_start, end, keep=1)
        word = text[start:end]
        if any(known[start:end]) or not re.fullmatch(NAME_WORD, word) or _not_a_name(word, registry):
            continue
        if word.lower() in lower_words or _in_headline(text, start):
            continue
        m = re.search(r"(?<![\w’'.-])(" + GIVEN_NAME + r")[ \t]+" + re.escape(word) + r"(?![\w-])", text)
        if m and not any(known[m.start() : m.end()]):  # a name already known: the short-name finder links it
            whole = not LONGER_NAME.match(text, m.end())  # 'Hangzhou Hikvision Digital Technology' names a body
            if whole and not _names_a_thing(text, m.start(), [m.group(1), word], registry, lower_words):
                yield m.start(), m.end()


def _names_a_thing(text: str, start: int, words: list[str], registry: Registry, lower_words: set[str]) -> bool:
    """'the United States', 'the Modern Slavery Act', 'Laundering Cotton', 'Yengisar County', 'the 2023 Statistical
    Communique': a place, a law, a title or a document, a body, or words the text also writes in lower case."""
    return (
        any(_not_a_name(w, registry) or w.lower() in lower_words for w in words)
        or _not_a_name(" ".join(words), registry)
        or words[-1] in ORG_HEADS
        or words[-1].lower() in lexicon.document_nouns()
        or re.fullmatch(LOCAL_LEVELS, words[-1].lower()) is not None
        or DETERMINER_BEFORE.search(text, max(0, start - 5), start) is not None
    )


def _not_a_name(word: str, registry: Registry) -> bool:
    """A capitalised word that is a place, a people, a role or a word news capitalises, not part of a name."""
    return (
        word in NOT_NAMES
        or word in registry.not_actors
        or word in registry.by_metonym
        or _is_role(word)
        or word in ORG_HEADS
        or word.lower() in STOP_WORDS
    )


def _names_no_actor(words: list[str], model_label: str, registry: Registry) -> bool:
    """'Uyghur Muslims', 'Han Chinese', 'Will Xinjiang': a short name holding a people or a place; but a person's
    name may end in a word that also names a people ('Wang Hui')."""
    if len(words) > 2:
        return False
    kinds = [registry.not_actors.get(w) for w in words]
    if model_label == "PERSON" and len(words) == 2 and kinds[1] is None:
        kinds[0] = kinds[0] if kinds[0] != "ethnic group" else None  # 'Han Weidong', not 'Han Chinese'
    if model_label == "PERSON":
        kinds[1:] = [kind if kind != "ethnic group" else None for kind in kinds[1:]]
    return any(kind is not None for kind in kinds)


def _is_role(word: str) -> bool:
    """'Minister', 'Vice-President', 'Co-Chair': a word that says what a person is, not part of their name."""
    return all(part in ROLE_NOUNS for part in re.sub(r"^co-", "", word.lower()).split("-"))


def _is_title(word: str) -> bool:
    """'Minister', 'Sen.', 'MSP': a word before a name that says what the person is."""
    return _is_role(word) or word.rstrip(".") in TITLES or TITLE_ACRONYM.fullmatch(word) is not None


def _spoken_name_start(text: str, spoken: tuple[int, int] | None, start: int) -> int:
    """Where the name of a speaker starts when the model found only its last word: the parse joins 'Mehmet' to
    'Tursun' in 'his cousin Mehmet Tursun told'; a title or a role ('Foreign Minister') is not part of it."""
    if spoken is None or spoken[0] >= start:
        return start
    for word in reversed(list(re.finditer(r"\S+", text[spoken[0] : start]))):
        w = word.group()
        if not re.fullmatch(NAME_WORD, w) or w in NOT_NAMES or _is_title(w):
            break
        start = spoken[0] + word.start()
    return start


def _name_after_title(text: str, spoken: tuple[int, int] | None, start: int, end: int) -> int | None:
    """Where a speaker's name starts inside an entity the model took for a body, after the role that ends its
    title ('Foreign Office Spokesperson' + 'Mumtaz Zahra Baloch'); None when two words do not follow the title."""
    if spoken is None or spoken[1] != end:
        return None
    words = list(re.finditer(r"\S+", text[start:end]))
    titles = [i for i, word in enumerate(words) if _is_title(word.group())]  # 'Consul General Jiang' is no name
    named = titles and any(_is_role(w.group()) for w in words[: titles[-1] + 1]) and len(words) - titles[-1] > 2
    return start + words[titles[-1] + 1].start() if named else None


def _organisation(name: str) -> Actor:
    """An organisation the model found. 'Arden Solar Inc' and 'Arden Solar' are one company: the id leaves the
    suffix out, the name keeps it as the text wrote it."""
    company = CORPORATE_SUFFIX.search(name)
    key = name[: company.start()] if company and len(name[: company.start()].split()) >= 2 else name
    # 'Scottish Government', "Hami Municipal People's Government": a government by its name
    kind = GOVERNMENT if name.split()[-1] == "Government" else ORGANIZATION
    return Actor(slug(key), name, kind, reviewed=False)


CAPITALISED = re.compile(r"(?<![\w’'-])" + CAPITAL + r"[\w’'.&-]*")
# Capitalised words that are not names: no reason to run the model on a sentence for them.
NOT_NAMES = {
    "The",
    "This",
    "That",
    "These",
    "Those",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "From",
    "But",
    "And",
    "As",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "What",
    "When",
    "Where",
    "While",
    "During",
    "After",
    "Before",
    "Since",
    "If",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Chinese",
    "American",
    "British",
    "European",
    "Western",
    "Eastern",
    "Islamic",
    "Muslim",
    "Muslims",
    "Turkic",
    "Turkish",
    "Japanese",
    "Indian",
    "Australian",
    "Russian",
    "German",
    "French",
    "Asian",
    "African",
    "Arab",
    "Communist",
    # question words, directions and the capitalised adjectives of titles and programmes: never a name alone
    "Who",
    "Why",
    "How",
    "Which",
    "Whose",
    "Through",
    "By",
    "Better",
    "North",
    "South",
    "East",
    "West",
    "Northwest",
    "Northeast",
    "Southwest",
    "Southeast",
    "Central",
    "Inner",
    "Outer",
    "President",
    "Premier",
    "Foreign",
    "Vice",
    "Deputy",
    "State",
    "State-level",
    "High",
    "High-Level",
    "Economic",
    "Rural",
    "International",
    "Executive",
    "Autonomous",
    "Five-Year",
}


# How much of a sentence around an unknown name the model reads: enough context to tell a person from an
# organisation, much less than a whole long sentence.
NAME_CONTEXT_BEFORE = 80
NAME_CONTEXT_AFTER = 120


def _around_unknown_names(text: str, sentence: Segment, registry: Registry, known: bytearray) -> list[Segment]:
    """Stretches of the sentence around its unknown names, cut at spaces and merged where they overlap."""
    stretches: list[Segment] = []
    for pos in _unknown_names(text, sentence, registry, known):
        start = max(sentence.start, pos - NAME_CONTEXT_BEFORE)
        end = min(sentence.end, pos + NAME_CONTEXT_AFTER)
        if start > sentence.start:
            start = text.find(" ", start, pos) + 1 or pos
        if end < sentence.end:
            end = text.rfind(" ", pos, end) if text.rfind(" ", pos, end) > pos else end
        if stretches and start <= stretches[-1].end:
            stretches[-1] = Segment(stretches[-1].start, max(end, stretches[-1].end))
        else:
            stretches.append(Segment(start, end))
    return stretches


def _unknown_names(text: str, sentence: Segment, registry: Registry, known: bytearray):
    """Where the sentence has a capitalised word the registry did not match: a name the model may find.

    A sentence's first word counts only when a capitalised word follows it ("Rushan Abbas said").
    """
    if _in_headline(text, sentence.start):
        return  # discovery skips headlines anyway
    words = list(CAPITALISED.finditer(text, sentence.start, sentence.end))
    for i, word in enumerate(words):
        bare = re.sub(r"(?:[’']s?)?[,;:!?]*$", "", word.group())
        forms = {bare, bare.rstrip("."), bare.split("-")[0]}  # 'U.S.', 'Xinjiang-related'
        if known[word.start()] or any(
            form in NOT_NAMES or form in registry.not_actors or form in registry.by_metonym for form in forms
        ):
            continue
        if (
            word.start() > sentence.start
            or (i + 1 < len(words) and words[i + 1].start() == word.end() + 1)
            or _country(bare) is not None  # 'India lodged a protest'
        ):
            yield word.start()


def _trim_entity(text: str, start: int, end: int) -> tuple[int, int, str]:
    name = text[start:end]
    lead = re.match(r"(?:[Tt]he|an?|An?)\s+", name)
    if lead:
        start += lead.end()
    tail = re.search(r"(?:[’']s?|\s+(?:KC|QC|OBE|CBE|MBE|PhD))$", text[start:end])  # 'Geoffrey Nice KC'
    if tail:
        end -= len(tail.group())
    bracket = text.find(" (", start, end)
    if bracket != -1:  # 'European Textile Importers' Association (ETIA': the acronym is found on its own
        end = bracket
    colon = text.find(": ", start, end)
    if colon != -1:  # 'according to BloombergNEF: Tongwei Co., 23%': a name ends at a colon
        end = colon
    return start, end, text[start:end].strip()


# A word of a local office's name written in lower case: not a function word, a participle or a speech verb
# ('the Aksu prefecture said the bureau ...' names no 'said the bureau').
OFFICE_WORD = (
    r"(?!(?:" + "|".join(sorted(STOP_WORDS, key=len, reverse=True)) + r"|" + lexicon.reporting_forms() + r")\b)"
    r"(?![a-z]+(?:ed|ing)\b)[a-z]+"
)
# Words of a local office's name written in lower case: 'agriculture and rural affairs', 'human resources and
# social security'.
OFFICE_WORDS = OFFICE_WORD + r"(?:(?:[ -]and[ -]|[ -])" + OFFICE_WORD + r"){0,4}"
# ... and before the office's head, a list: 'culture, sports, radio, television and tourism (bureau)'
OFFICE_LIST = OFFICE_WORD + r"(?:(?:,?[ -]and[ -]|,?[ -])" + OFFICE_WORD + r"){0,5}"
OFFICE_HEADS = r"bureau|commission|committee|office|department|administration"
NAMED_OFFICES = (
    r"police station|public[ -]security bureau|police department|police|people's court|court|"
    r"procuratorate|government|party committee"
)
LOCAL_OFFICES = NAMED_OFFICES + r"|(?:" + OFFICE_WORDS + r"[ -])?(?:" + OFFICE_HEADS + r")"
LOCAL_LEVELS = r"county|township|village|city|prefecture|district|municipal|regional|provincial"
LOCAL_BODY = re.compile(
    r"\b(?:[Tt]he|an?|its)\s+(?:(?P<name>(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?i:"
    + LOCAL_LEVELS
    + r")\s+(?P<office>"
    + LOCAL_OFFICES
    # 'the public-security bureau of Kashgar prefecture'
    + r"))|(?P<office_first>"
    + LOCAL_OFFICES
    + r")\s+of\s+(?P<place_after>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?P<level_after>"
    + LOCAL_LEVELS
    + r"))\b"
)
# "the county's agriculture and rural affairs bureau", 'the prefectural counterpart assistance office', 'the
# regional department of culture and tourism', 'the county Statistics Bureau', "the division's publicity
# department": an office of the place of that level the text named last, its own name in either case. The office
# says what it does ('the regional department' alone may be any).
LOCAL_BODY_REFERRED = re.compile(
    r"\b[Tt]he\s+(?P<words>(?:(?P<level>county|prefecture|city|township|district|division)[’']s|"
    r"(?P<adjective>county|prefectural|municipal|regional))\s+(?P<office>(?i:"
    + NAMED_OFFICES
    + r"|"
    + OFFICE_LIST
    + r"[ -](?:"
    + OFFICE_HEADS
    + r")|(?:"
    + OFFICE_HEADS
    + r")\s+of\s+"
    + OFFICE_WORDS
    + r")))\b"
)
# The level a reference names, and how the place of that level is written: 'Awat county', 'Kashgar Prefecture',
# 'Barkol Kazakh Autonomous County' (Barkol's), 'the Xinjiang Uygur Autonomous Region'.
REFERRED_LEVELS = {"prefectural": "prefecture", "municipal": "city", "regional": "region"}
PLACE_OF_LEVEL = {
    level: re.compile(
        r"(?<![\w’'-])(?P<place>[A-Z][a-z]+(?:\s(?!Autonomous\b)[A-Z][a-z]+(?!\s+Autonomous\b))?)"
        r"(?:(?:\s+[A-Z][a-z]+)?\s+Autonomous)?\s+(?i:" + level + r")\b"  # 'Barkol Kazakh Autonomous County'
    )
    for level in ("county", "prefecture", "city", "township", "district")
} | {
    # a division of the Xinjiang Production and Construction Corps: 'the 1st Division', 'the Eighth Division'
    "division": re.compile(r"(?<![\w’'-])(?P<place>\d+(?:st|nd|rd|th)|[A-Z][a-z]+)\s+Division\b"),
    "region": re.compile(
        r"(?<![\w’'-])(?P<place>[A-Z][a-z]+\s+Uy(?:g|gh)ur\s+Autonomous\s+Region|[A-Z][a-z]+(?=\s+[Rr]egion\b))"
    ),
}
# 'the Xinjiang Uygur Autonomous Region Bureau of Statistics', 'the Department of Agriculture and Rural Affairs
# of X': a government body's full name, which the model often misses when it is long.
BODY_NAME = re.compile(  # within one line
    r"(?<![\w’'-])(?P<name>(?:[A-Z][\w’'-]*[ \t]+){0,6}(?P<head>Bureau|Department|Ministry|Office|Commission|"
    r"Administration)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w’'-]*"
    r"(?:[ \t]+(?:and[ \t]+|of[ \t]+|for[ \t]+)?[A-Z][\w’'-]*){0,6})"
)
STATE_HEADS = {"Bureau", "Department", "Ministry", "Administration"}
# ('and the' starts a second name: 'the Worker Rights Consortium and the Clean Clothes Campaign')
ORG_TAIL = re.compile(r"\s+(?:and\s+|(?:of|for|on)\s+(?:the\s+)?)[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3}")
CAPITALISED_WORDS = re.compile(r"(?:\s+[A-Z][\w-]+){1,5}")
OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,4}")
# "China's Mission", "Pakistan’s foreign ministry": a place's own body, through which the place acts.
OWNED_BODY = re.compile(
    r"[’']s\s+(?:[Ff]oreign\s+)?(?:"
    + "|".join(sorted(form for word in lexicon.named_body_words() for form in (word, word.title())))
    + r")\b"
)
# "Cuba's delegate", "Germany's representative": who speaks for a state abroad.
OWNED_ENVOY = re.compile(
    r"[’']s\s+(?:(?:permanent|deputy|top|UN|chief)\s+)?(?:delegate|representative|ambassador|envoy|delegation)s?\b"
)
# "the delegation of Australia", "the representative of the United Kingdom": the state, through its envoy.
ENVOY_OF = re.compile(
    r"\b(?:delegations?|delegates?|representatives?|ambassadors?|envoys?|government)\s+of\s+(?:the\s+)?$", re.I
)
# "China's 2020 census", "Kazakhstan's official statistics": data a place's state publishes.
OWNED_DOCUMENT = re.compile(
    r"[’']s\s+(?:(?:\d{4}|official|national|seventh|sixth|latest|own|new|annual|population)\s+){0,3}(?:"
    + "|".join(sorted(lexicon.data_nouns() | {"census", "censuses"}, key=len, reverse=True))
    + r")\b"
)
# A state's missions abroad, named by where they are posted.
POSTS = {"embassy", "consulate", "consulate-general", "mission", "delegation"}
# a place's name may hold a particle: 'Dar es Salaam', 'Port of Spain', 'Rio de Janeiro'
IN_PLACE = re.compile(
    r"\s+in\s+(?:the\s+)?(?P<place>[A-Z][\w-]+(?:\s+(?:(?:es|de|da|do|of|al|el|la|du|di|del)\s+)?[A-Z][\w-]+){0,2})"
)
AND_TOPIC = re.compile(r"\s+and\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3}")


def _named_in_appositive(text: str, registry: Registry, known: bytearray):
    """People the model missed, named where news names people: 'Name Surname, a student in ..., said', and
    witnesses named by one name: 'Erkin, a 46-year-old former shopkeeper'."""
    named = (NAMED_PERSON.finditer(text), NAMED_PERSON_AFTER_WORD.finditer(text), _named_after_role(text))
    for m in itertools.chain(*named):
        start, end = m.span(1)
        words = m.group(1).split()
        if any(known[start:end]) or registry.lookup(m.group(1)) or words[-1] in ORG_HEADS:
            continue
        if re.fullmatch(HONORIFIC, words[0]) or m.group(1).isupper():
            continue  # 'Mr Zenz, who ...': a surname the short-name finder gives to the person named in full
        if _names_no_actor(words, "PERSON", registry) or any(w in NOT_NAMES or _is_role(w) for w in words):
            continue
        yield Actor(slug(m.group(1)), m.group(1), PERSON, reviewed=False), start, end
    for m in NAMED_BY_ONE_NAME.finditer(text):
        group = next(i for i in range(1, len(m.groups()) + 1) if m.group(i))
        start, end, name = m.start(group), m.end(group), m.group(group)
        if any(known[start:end]) or name in NOT_NAMES or name.lower() in STOP_WORDS or _is_role(name):
            continue
        if registry.lookup(name) or name in registry.not_actors or name.replace("’", "'") in registry.by_metonym:
            continue
        if not _in_longer_name(text, name):
            yield Actor(slug(name), name, PERSON, reviewed=False), start, end
        elif (full := _full_name(text, name)) and not registry.lookup(full):
            # the short name of someone the text names in full where the model missed it ('Dilnur Ablimit opens')
            yield Actor(slug(full), full, PERSON, reviewed=False), start, end


def _named_after_role(text: str):
    """Names right after a role ('MEP Zoltán Keresztes, ...') or set off after one ('Commissioner for Trade,
    Maroš Šefčovič, said'): the matches, the name their first group."""
    for m in SET_OFF_NAME.finditer(text):
        if ROLE_BEFORE_SET_OFF.search(text, max(0, m.start() - 80), m.start()):
            yield m
    for m in NAME_BEFORE_COMMA_OR_VERB.finditer(text):
        if ROLE_RIGHT_BEFORE.search(text, max(0, m.start(1) - 40), m.start(1)):
            yield m


def _local_bodies(text: str, registry: Registry):
    """Local offices that reports on China write in lower case with their place's name: 'the Qumbagh township
    police station', 'the Yarkand county public security bureau', 'the public-security bureau of Kashgar
    prefecture', 'the Yutian County health commission'. Both orders give one name: 'Kashgar Prefecture Public
    Security Bureau'. An office named by its level alone ("the county's culture and tourism bureau") is the
    office of the place of that level named last ('Yecheng County Culture and Tourism Bureau'), known also by
    the words the text gives it."""
    for m in LOCAL_BODY.finditer(text):
        if m.group("name"):
            written, office = m.group("place"), m.group("office")
            level = m.group("name")[len(written) :].split()[0]
        else:
            written, office, level = m.group("place_after"), m.group("office_first"), m.group("level_after")
        place = _place_name(written, registry)
        if place:
            # the name starts at its place ('In Shufu county ...' names no 'In'), or at its office
            start = m.start("place") + written.index(place) if m.group("name") else m.start("office_first")
            yield _local_office(f"{place} {level} {office}", (), registry), start, m.end()
    places: dict[str, list[tuple[int, str]]] = {}  # each level's places in the text, found once: (start, name)
    for m in LOCAL_BODY_REFERRED.finditer(text):
        level = m.group("level") or m.group("adjective")
        level = REFERRED_LEVELS.get(level, level)
        if level not in places:
            found = ((p.start(), _place_name(p["place"], registry)) for p in PLACE_OF_LEVEL[level].finditer(text))
            places[level] = [(start, name) for start, name in found if name]
        before = bisect.bisect_left(places[level], (m.start(), ""))
        if before:
            place = places[level][before - 1][1]
            name = f"{place} {m.group('office')}" if level == "region" else f"{place} {level} {m.group('office')}"
            yield _local_office(name, (m.group("words"),), registry), m.start("words"), m.end()


def _from_first_name_word(words: list[str]) -> list[str]:
    """The words from the first that can be part of a name: 'In Shufu' → 'Shufu', 'Today China' → 'China'."""
    first = next((i for i, word in enumerate(words) if word not in NOT_NAMES), len(words))
    return words[first:]


def _place_name(words: str, registry: Registry) -> str | None:
    """The capitalised words that name a place, without a sentence's first word ('In Shufu'); None for a people
    ('Uyghur') or a word like 'The'."""
    place = " ".join(_from_first_name_word(words.split()))
    if not place or (place in registry.not_actors and place not in registry.place_names):
        return None
    return place


def _local_office(words: str, aliases: tuple[str, ...], registry: Registry) -> Actor:
    name = " ".join(w if w in ("and", "of") else w[0].upper() + w[1:] for w in words.replace("-", " ").split())
    actor_id = registry.lookup(name) or slug(name)
    return registry.actors.get(actor_id) or Actor(actor_id, name, GOVERNMENT, aliases=aliases, reviewed=False)


def _with_owner(text: str, start: int, name: str) -> tuple[int, str, tuple[str, ...]]:
    """A body whose name does not say whose it is takes its owner's: 'Thailand’s Ministry of Foreign Affairs' is
    'Ministry of Foreign Affairs of Thailand' (not every country's ministry), named from 'Ministry' on, and keeps
    the name as written for an alias."""
    inside = OWNER_INSIDE.match(name)
    if inside and inside.group(2) in ORG_HEADS and inside.group(1) not in NAMED_OWNERS:
        return start + inside.start(2), f"{name[inside.start(2) :]} of {inside.group(1)}", (name,)
    before = OWNER_BEFORE.search(text, max(0, start - 40), start)
    if before and name.split()[0] in ORG_HEADS and before.group(1) not in NAMED_OWNERS:
        return start, f"{name} of {before.group(1)}", (text[before.start() : start] + name,)
    return start, name, ()


def _named_bodies(text: str, registry: Registry):
    """Government bodies named in full that the model missed: the name stops before a role ('... Affairs
    Spokesperson') and before 'and' a place or an actor ('the Ministry of Commerce and China')."""
    for m in BODY_NAME.finditer(text):
        start, _, _ = _trim_entity(text, m.start("name"), m.end("name"))
        words = list(re.finditer(r"\S+", text[: m.end("name")][start:]))
        head = next(i for i, w in enumerate(words) if w.group() == m.group("head"))
        for i in range(head + 2, len(words)):
            word, before = words[i].group(), words[i - 1].group()
            if _is_role(word) or word in TITLES:
                words = words[:i]
                break
            if before == "and" and (word in registry.by_metonym or registry.lookup(word)):
                words = words[: i - 1]
                break
        while words[-1].group() in ("of", "for", "and", "the"):
            words.pop()
        if len(words) < head + 3:
            continue
        end = start + words[-1].end()
        start, name, written = _with_owner(text, start, " ".join(text[start:end].split()))
        actor_id = registry.lookup(name) or slug(name)
        kind = GOVERNMENT if m.group("head") in STATE_HEADS else ORGANIZATION
        yield registry.actors.get(actor_id) or Actor(actor_id, name, kind, written, reviewed=False), start, end


# 'Embassy of the People's Republic of China in Australia', 'Permanent Mission of China to the United Nations ...'
MISSION_OF = r"(?:Permanent\s+)?(?:Embassy|Consulate(?:[- ]General)?|Mission)\s+of\s+(?:the\s+)?"
MISSION_NAME = re.compile(MISSION_OF + r"(?P<state>.+?)\s+(?:in|to)\s+\S")


def posted_mission(name: str, registry: Registry) -> Actor | None:
    """The actor a mission's full name names ('Embassy of the People's Republic of China in Australia'), with
    its state's country and affiliation; None for any other name, or a state the registry does not know."""
    m = MISSION_NAME.match(name)
    state = registry.by_metonym.get(m.group("state").replace("’", "'")) if m else None
    return _mission(registry.actors[state], name) if state else None


@cache
def _country(place: str) -> str | None:
    """The common name of the country the ISO 3166 list knows by that name ('India', 'South Korea'), or None."""
    if len(place) <= 3 and not place.isupper():
        return None  # 'Li' is a surname; only 'LI' would be the code of Liechtenstein
    try:
        country = pycountry.countries.lookup(place)
    except LookupError:
        return None
    return getattr(country, "common_name", country.name)


def _government_of(place: str) -> Actor | None:
    """The government of a country the registry does not know."""
    name = _country(place)
    return _government(name) if name is not None else None


def _government(country: str) -> Actor:
    """The government of a country the registry does not know, by the country's common name."""
    return Actor(
        slug(f"government of {country}"), f"Government of {country}", GOVERNMENT, country=country, reviewed=False
    )


def _national_section(text: str, registry: Registry, name: str, end: int) -> int | None:
    """Where 'Amnesty International UK' ends: a registry organisation's name that a country's name completes."""
    if registry.actors[registry.lookup(name)].type != ORGANIZATION or not registry.places or text[end : end + 1] != " ":
        return None
    place = registry.places.match(text, end + 1)
    return place.end("name") if place and not re.match(r"[’']s\b|[ \t]+[A-Z]", text[place.end("name") :]) else None


def _name_start_before(text: str, start: int) -> int | None:
    """Where a name that ends at start begins, when capitalised words lead up to it ('Uyghur Solidarity UK'), other
    than words that are no names (a month's) and outside a title-case headline; a sentence's first word only with
    another ('Unlike U.S. officials' is no name)."""
    before = re.search(r"(?:[A-Z][\w’'&-]*[ \t]){1,4}$", text[max(0, start - 80) : start])
    if before is None or _in_headline(text, start):
        return None
    words = _from_first_name_word(before.group().split())
    name_start = start - len(" ".join(words)) - 1
    opens_sentence = re.search(r"(?:^|[.!?:”\"’]\s+|\n|[“‘\"])$", text[max(0, name_start - 3) : name_start]) is not None
    return name_start if len(words) >= (2 if opens_sentence else 1) else None


# A state's mission by its full name, where the model does not find it: 'Embassy of the People's Republic of China
# in the Republic of Cuba', 'Permanent Mission of China to the United Nations Office at Geneva'.
STATE_OR_PLACE = r"[A-Z][\w’'-]*(?:\s+(?:of\s+|at\s+)?[A-Z][\w’'-]*){0,3}"
# "China's Permanent Mission to the UN in Geneva", "China’s Mission to the EU": a state's mission by its owner
OWNED_MISSION = re.compile(
    r"\b(?P<state>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)[’']s\s+(?P<post>(?:Permanent\s+)?(?:Mission|Embassy|"
    r"Consulate(?:[- ]General)?))\s+(?P<where>(?:in|to|at)\s+(?:the\s+)?[A-Z][\w.’'-]*"
    r"(?:\s+(?:(?:of|at|in)\s+(?:the\s+)?)?[A-Z][\w.’'-]*){0,4})"
)
MISSION_IN_TEXT = re.compile(
    r"\b" + MISSION_OF + STATE_OR_PLACE + r"?\s+(?:in|to)\s+(?:the\s+)?(?P<place>" + STATE_OR_PLACE + ")"
)


def _place_length(place: str, registry: Registry) -> int:
    """How much of the capitalised words after 'in' name the place: up to a place the registry or the demonyms
    know, when some do ('Cuba Issues Statement'), else all of them."""
    words = place.split()
    known = [n for n in (3, 2, 1) if _a_place(" ".join(words[:n]).replace("’", "'"), registry)]
    return len(" ".join(words[: known[0]])) if known else len(place)


def _posted_in(text: str, registry: Registry, end: int) -> int | None:
    """Where 'in Washington' ends after a mission's name; a place the registry knows ends it even when capitalised
    words follow ('the Chinese Embassy in France Answers Journalists' Questions')."""
    posted = IN_PLACE.match(text, end)
    return posted.start("place") + _place_length(posted.group("place"), registry) if posted else None


def _mission(state: Actor, name: str) -> Actor:
    """A state's embassy, consulate or mission named by where it is posted: its own actor, of the state's
    country and affiliation."""
    return Actor(slug(name), name, GOVERNMENT, country=state.country, affiliation=state.affiliation, reviewed=False)


def _complete_org(text: str, start: int, end: int, name: str, known: bytearray) -> tuple[int, str]:
    """The whole name where the model stopped short: 'Department of Human Resources and' + 'Social Security',
    'US Customs' + 'and Border Protection', 'Department of Agriculture' + 'of Xinjiang Uygur Autonomous Region',
    'Ministry for Economic Affairs' + 'and Climate Action' (not '... and Xinhua': `known` marks the names the
    registry found)."""
    if name.split()[-1] in ("and", "of", "for", "on", "&"):
        rest = CAPITALISED_WORDS.match(text, end)
        if rest:
            end = rest.end()
    tail = ORG_TAIL.match(text, end)
    if text[start:end].split()[-1] not in ORG_HEADS and tail and tail.group().split()[-1] in ORG_HEADS:
        end = tail.end()
    place = OF_PLACE.match(text, end)
    if place and any(w in ORG_HEADS for w in text[start:end].split()):
        end = place.end()
    posted = IN_PLACE.match(text, end)
    if posted and text[start:end].split()[0].lower() in POSTS:
        end = posted.end()  # 'Embassy of the People's Republic of China' + 'in Canada': where it is posted
    topic = AND_TOPIC.match(text, end)
    if topic and _head_then_topic(text[start:end].split()) and not any(known[end : topic.end()]):
        end = topic.end()
    if text[start:end].split()[-1] in ORG_HEADS:
        end = _topic_end(text, end, known)
    return end, text[start:end]


def _topic_end(text: str, end: int, known: bytearray) -> int:
    """Where a body's name ends when what it is for follows its head ('Coalition to End Forced Labour'); not over
    a role and the name after it ('on Forced Labor Chairman John Moolenaar') or a name the registry found."""
    topic = TOPIC.match(text, end)
    if topic is None:
        return end
    last = end
    for word in re.finditer(r"\S+", text[end : topic.end()]):
        if _is_role(word.group()) or any(known[end + word.start() : end + word.end()]):
            break
        last = end + word.end()
    words = text[end:last].split()
    if re.match(r",[ \t]+[A-Z]", text[last : last + 3]):
        return end  # 'Department for Science, Innovation and Technology': a name that lists goes on past a comma
    return last if words and words[-1] not in ("on", "for", "to", "the", "and", "of", "in") else end


def _looks_like_person(words: list[str]) -> bool:
    return (
        2 <= len(words) <= 4
        and all(re.fullmatch(NAME_WORD, w) or _name_particle(w, i, len(words)) for i, w in enumerate(words))
        and not any(_is_role(w.rstrip(".")) for w in words)
    )


def _name_particle(word: str, position: int, length: int) -> bool:
    """'bin' in 'Mohammed bin Salman', 'van' in 'Brooke van Velden', 'al-Harbi': a lower-case part of a name."""
    inside = 0 < position < length - 1 and word in NAME_PARTICLES
    return inside or (position > 0 and re.fullmatch(r"(?:al|el|ad|as|ash|at|az)-" + NAME_WORD, word) is not None)


def _head_then_topic(words: list[str]) -> bool:
    """'Ministry for Economic Affairs', 'Commission on International Religious Freedom'."""
    return any(w in ORG_HEADS and nxt in ("for", "of", "on") for w, nxt in zip(words, words[1:], strict=False))


def _looks_like_org(text: str, words: list[str], end: int) -> bool:
    """'Human Rights Watch', 'Commission on International Religious Freedom'; not 'Standing Committee of ...'."""
    if len(words) < 2 or not (words[-1].rstrip(".") in ORG_HEADS or _head_then_topic(words)):
        return False
    return not re.match(r"\s+of\s", text[end : end + 4])


def _acting_acronym(text: str, name: str, start: int, end: int) -> bool:
    """'CNN reported', 'according to AFP': an acronym the model calls an organisation, acting as one."""
    return re.fullmatch(r"[A-Z]{2,6}", name) is not None and (
        _acts(text, start, end) or re.search(r"according to\s+$", text[max(0, start - 14) : start]) is not None
    )


def _acting_body(text: str, start: int, end: int) -> bool:
    """'Castell Home said', 'Castell Home’s chief executive': a company or group with no telling head word, that
    the model calls an organisation and the text makes act or speak or gives staff. Laws act too ('the Act
    requires'), but speak for no one."""
    return _may_name_a_body(text[start:end].split()) and (
        _acts(text, start, end)
        or STAFF_OF.match(text, end) is not None
        or SPEAKS_AFTER_APPOSITIVE.match(text, end) is not None
    )


def _may_name_a_body(words: list[str]) -> bool:
    """Two words or more (one is as often a surname the model mistook: 'Wang said'), and not a law's name."""
    return len(words) >= 2 and not LAW_WORDS & set(words)


def _in_longer_name(text: str, word: str) -> bool:
    """Whether the text also writes the name `word` as part of a longer one ('Chalida Wongsakul', 'Dilnur Abliz',
    'the European Commission'); 'Then Chalida' and 'Spokesperson Chalida' are not longer names."""
    # the word before and the word after are read apart: 'Minister Phumtham Wechayachai' has a role before the
    # name and the rest of the name after it
    before = re.compile(r"(?<![\w’'.-])(" + NAME_WORD + r")[ \t]+" + re.escape(word) + r"\b")
    after = re.compile(r"(?<![\w’'.-])" + re.escape(word) + r"[ \t]+(" + NAME_WORD + r")\b")
    for m in itertools.chain(before.finditer(text), after.finditer(text)):
        other = m.group(1).rstrip(".")
        if other.lower() not in STOP_WORDS and not _is_role(other) and other not in TITLES:
            return True
    return False


def _in_a_title(text: str, start: int) -> bool:
    """Whether the capitalised words before start go on from a title ('Minister for Development Cooperation'),
    so that where the name starts is not clear."""
    word = _word_before(text, start)
    if not re.fullmatch(r"[\w’'-]+", word):
        return False  # a comma or a stop ends the title
    return word in ("of", "and", "for", "on") or (word[0].isupper() and not _is_title(word))


def _after_a_title(text: str, start: int) -> bool:
    """Whether the word just before start is a title: 'Minister' in 'Minister Schreinemacher'."""
    word = _word_before(text, start)
    return bool(word) and _is_title(word)


def _word_before(text: str, start: int) -> str:
    """The word that ends right before start, across spaces, or ''."""
    before = re.search(r"(\S+)[ \t]+$", text[max(0, start - 40) : start])
    return before.group(1) if before else ""


def _full_name(text: str, surname: str) -> str | None:
    """'Helen Marchetti' for 'Ms Marchetti': a fuller name the text gives that ends in the surname, else one that
    starts with it, as Chinese names do ('Ma Xiaodong' for 'Mr Ma')."""
    ending = r"(?<![\w’'.-])((?:" + NAME_WORD + r"[ \t]+){1,2})" + re.escape(surname) + r"\b"
    starting = r"(?<![\w’'.-])" + re.escape(surname) + r"[ \t]+(" + NAME_WORD + r")\b"
    for pattern, before in ((ending, True), (starting, False)):
        for m in re.finditer(pattern, text):
            words = m.group(1).split()
            if len(words) == 2 and _in_a_title(text, m.start()):
                words = words[1:]  # 'Minister for Development Cooperation Liesje Schreinemacher'
            if not re.fullmatch(HONORIFIC, words[0]) and not any(
                w in NOT_NAMES or _is_title(w) or _is_role(w.removesuffix("s")) or w.endswith(".") for w in words
            ):
                return " ".join([*words, surname] if before else [surname, *words])
    return None


def _role_set_off_before(text: str, start: int) -> bool:
    """'the deputy director general of the Information Office of the regional government, Alimjan Turdi,': a role
    set off by a comma right before the name."""
    comma = re.search(r",[ \t]+$", text[max(0, start - 4) : start])
    if comma is None:
        return False
    return ROLE_BEFORE_SET_OFF.search(text, max(0, start - 120), start - len(comma.group())) is not None


def _treated_as_person(text: str, words: list[str], start: int, end: int) -> bool:
    """A name the text gives an age, a 'who' or a 'her' ('Meryem Abdukerim spreads ... across her kitchen table'),
    a role ('the lawyer, Chalida Wongsakul', 'spokesperson Nadia Ferreira'), an honorific ('Dame Helen Whitcombe'),
    or whose last word it writes after 'Mr' or 'Ms' elsewhere; a name alone ('Gulzira') only with an appositive
    that makes it someone."""
    described = re.match(PERSON_APPOSITIVE, text[end : end + 120]) is not None
    alone = (
        len(words) == 1 and re.match(ONE_NAME_APPOSITIVE, text[end : end + 120]) and not _in_longer_name(text, words[0])
    )
    opens_sentence = re.search(r"(?:^|\n|[.!?][ \t]+|[,.!?]?[”\"][ \t]+)$", text[max(0, start - 3) : start])
    return (
        (_looks_like_person(words) or alone)
        and not set(words) & (ORG_HEADS | MEDIA_WORDS)
        and words[-1].lower() not in PLACE_NOUNS
        and (
            PERSON_AFTER.match(text, end, min(len(text), end + 120)) is not None
            or (opens_sentence and SUBJECT_THEN_PRONOUN.match(text, end))
            or described
            or (alone and opens_sentence)  # 'Abdurehim, a 43-year-old who runs a carpet shop, told me'
            or ROLE_BEFORE.search(text, max(0, start - 30), start) is not None
            or _role_set_off_before(text, start)
            or (len(words) > 2 and re.fullmatch(HONORIFIC, words[0]) is not None)
            or re.search(r"\b" + HONORIFIC + r"\s+" + re.escape(words[-1]) + r"\b", text) is not None
        )
    )


def _called_a_company(text: str, start: int, end: int, model_label: str) -> bool:
    """'module maker Corvane Energy', 'verification firm Northbridge Assurance': the text says what it is; one word
    too where the model also read a body ('high-street chain Brightwell'), not a surname it mistook."""
    words = text[start:end].split()
    # 'the campaign group Justice for Uyghurs Ireland': a word the model took alone from a longer name is not one
    whole_word = model_label == "ORG" and len(words) == 1 and not LONGER_NAME.match(text, end)
    named = _may_name_a_body(words) or (whole_word and not LAW_WORDS & set(words))
    return named and COMPANY_NOUN_BEFORE.search(text, max(0, start - 30), start) is not None


MAX_HEADING_WORDS = 20


def _in_headline(text: str, pos: int) -> bool:
    """Inside a title-case line with no sentence punctuation (a headline, however long, or a section heading)."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    words = re.findall(r"[A-Za-z][\w’'-]*", line)
    if not words or re.search(r"[.!?]\s*$", line):
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6 and (len(words) <= MAX_HEADING_WORDS or line_start == 0)


def _repeats(text: str, discovered: list[Actor]):
    """Every other occurrence of a name found once: the model does not tag each one ('Castell Home, founded in
    2016, reported ...' after 'Castell Home said')."""
    if not discovered:
        return
    by_name = {actor.name: actor.id for actor in discovered}
    names = "|".join(map(re.escape, sorted(by_name, key=len, reverse=True)))
    for m in re.finditer(r"(?<![\w’'-])(" + names + r")(?![\w-])", text):
        yield by_name[m.group(1)], m.start(), m.end()


def _short_forms(
    text: str,
    mentions: list[Mention],
    known: dict[str, Actor],
    registry: Registry,
    lower_words: set[str],
    spoken: set[str],
):
    """'the Chinese President' after 'Xi Jinping' (a registry title), 'Zenz' after 'Adrian Zenz' (a surname);
    `spoken` are the words the parse makes speakers ('Kestrel argues' after 'Kestrel Solar Analytics')."""
    by_token: dict[str, set[str]] = {}
    next_words: dict[str, set[str]] = {}  # a body's first word that stands for it, to the words after it in names
    titles: dict[str, str] = {}
    for actor_id in dict.fromkeys(m.actor_id for m in mentions):
        actor = known[actor_id]
        parts = actor.name.split()
        if actor.type == PERSON and len(parts) >= 2:
            # 'Fauzan' for 'Ahmad Fauzan Hidayat': any part of a name may be the one a text calls someone by
            for token in {parts[0], parts[-1], *(part for part in parts[1:-1] if len(part) > 2)}:
                if token not in registry.not_actors and re.fullmatch(NAME_WORD, token):
                    by_token.setdefault(token, set()).add(actor_id)
        elif actor.type == ORGANIZATION and len(parts) >= 2:
            # 'Arden' for 'Arden Solar'; 'according to Kestrel' for Kestrel Analytics, where the parse makes it speak
            named_as_company = _named_as_company(lower_words, parts[0], actor, mentions, registry)
            if named_as_company or (parts[0] in spoken and _may_stand_for(lower_words, parts[0], registry)):
                by_token.setdefault(parts[0], set()).add(actor_id)
                next_words.setdefault(parts[0], set()).add(parts[1])
        for title in actor.titles:
            titles[title] = actor_id
    _by_the_name_they_share(text, by_token, known)
    if titles:
        pattern = re.compile(r"\b[Tt]he (" + "|".join(map(re.escape, sorted(titles, key=len, reverse=True))) + r")\b")
        for m in pattern.finditer(text):
            yield titles[m.group(1)], m.start(), m.end(), "title"
    if by_token:
        names = "|".join(map(re.escape, sorted(by_token, key=len, reverse=True)))
        pattern = re.compile(r"(?<![\w’'-])(" + names + r")(?![\w-]|[’']\w\w)")
        named = sorted((m.start, m.actor_id) for m in mentions if any(m.actor_id in ids for ids in by_token.values()))
        starts = [start for start, _ in named]
        named_in_full = Index((n.start, n.end) for n in mentions)
        bare = [m for m in pattern.finditer(text) if m.start() not in named_in_full]
        # 'the United States' after 'the United Nations': a first word that goes on into another name is that name's
        bare = [m for m in bare if not _goes_on_into_another_name(text, m, next_words)]
        kept = _kept_surnames(bare, by_token, named, starts, mentions)
        for m in bare:
            token = m.group(1)
            yield kept.get(token) or _nearest_named(named, starts, by_token[token], m.start()), *m.span(), "short name"
    surnames = registry.unique_surnames
    for m in HONORIFIC_NAME.finditer(text):
        if m.group(1) in surnames:
            yield surnames[m.group(1)], m.start(1), m.end(1), "short name"


def _goes_on_into_another_name(text: str, match: re.Match, next_words: dict[str, set[str]]) -> bool:
    """'United' in 'the United States', where 'United' stands for the United Nations: the capitalised word after
    a body's first word is not the one its name goes on with ('the Consul General' for 'Consul General Jiang')."""
    after = NAME_GOES_ON.match(text, match.end())
    return match.group(1) in next_words and after is not None and after.group(1) not in next_words[match.group(1)]


def _kept_surnames(bare: list[re.Match], by_token, named, starts, mentions: list[Mention]) -> dict[str, str]:
    """'Arzigul Kerim ... said Kerim ... her brother, Mamatjan Kerim', 'Premier Li Qiang ... Li is ... his
    predecessor, Li Keqiang': when people share a name, a text that names the others in full only after it first
    used the name alone keeps the name alone for the one it first called so."""
    kept = {}
    for token, ids in (item for item in by_token.items() if len(item[1]) > 1):
        first = next((m.start() for m in bare if m.group(1) == token), None)
        alone = min((m for m in mentions if m.text == token and m.actor_id in ids), key=lambda m: m.start, default=None)
        if alone is not None and (first is None or alone.start < first):  # '..., said Kerim, a 41-year-old nurse'
            first, owner = alone.start, alone.actor_id
        elif first is not None:
            owner = _nearest_named(named, starts, ids, first)
        else:
            continue
        others = ids - {owner}
        in_full = [m for m in mentions if m.actor_id in others and " " in m.text]
        if all(m.start > first for m in in_full):
            kept[token] = owner
    return kept


def _by_the_name_they_share(text: str, by_token: dict[str, set[str]], known: dict[str, Actor]) -> None:
    """Two people share a name ('Abdurehim Tursun', his son 'Mehmut Tursun'): if the text calls one of them by
    their other name alone ('Mehmut'), the shared one ('Tursun') is the other's."""

    def count(words: str) -> int:
        return len(re.findall(r"(?<![\w’'-])" + re.escape(words) + r"(?![\w-])", text))

    sharing = {actor_id for ids in by_token.values() if len(ids) > 1 for actor_id in ids}
    called_otherwise = {
        next(iter(ids))
        for token, ids in by_token.items()
        if len(ids) == 1 and ids <= sharing and count(token) > count(known[next(iter(ids))].name)
    }
    for token, ids in by_token.items():
        if len(ids) > 1 and ids - called_otherwise:
            by_token[token] = ids - called_otherwise


def _named_as_company(
    lower_words: set[str], token: str, actor: Actor, mentions: list[Mention], registry: Registry
) -> bool:
    """Whether the text named the organisation as a company ('Arden Solar Inc', 'Brightfield Solar': a name
    with no head word of an institution anywhere in it, as 'Korea Institute for Industrial Economics and Trade'
    has), whose first word then stands for it, and that word is not a place, a people or a word the text also
    writes in lower case."""
    if not _may_stand_for(lower_words, token, registry):
        return False
    return not set(actor.name.split()) & ORG_HEADS or any(
        m.actor_id == actor.id and CORPORATE_SUFFIX.search(m.text) for m in mentions
    )


def _may_stand_for(lower_words: set[str], token: str, registry: Registry) -> bool:
    """Whether a name's first word may stand for the whole: not a place, a people, another actor's name or a word
    the text also writes in lower case."""
    if not re.fullmatch(NAME_WORD, token) or token in NOT_NAMES or token in registry.not_actors:
        return False
    return not (token in registry.by_metonym or registry.lookup(token) or token.lower() in lower_words)


def is_media(actor: Actor) -> bool:
    """A news outlet: the text reports through it ('told Reuters'), it is seldom 'the company' it writes about. A
    government body is none, whatever it oversees ('Culture, Sports, Radio, Television and Tourism Bureau')."""
    if actor.name.split()[-1] in STATE_HEADS:
        return False
    return bool(set(actor.name.split()) & MEDIA_NAME_WORDS) or bool(
        re.search(r"\b(?:news|newspaper|broadcaster|magazine|tabloid)\b", actor.description, re.IGNORECASE)
    )


def _nearest_named(named: list[tuple[int, str]], starts: list[int], actor_ids: set[str], pos: int) -> str:
    """Of the people a surname may stand for, the one named most recently before pos (else first after)."""
    i = bisect.bisect_left(starts, pos)
    window = named[max(0, i - SURNAME_LOOKBACK) : i]
    before = next((actor_id for _, actor_id in reversed(window) if actor_id in actor_ids), None)
    return before or next(actor_id for _, actor_id in named if actor_id in actor_ids)


def person_role(text: str, start: int, end: int) -> str:
    """A role the text gives a person at this mention: one set off before the name, an appositive, an affiliation,
    or a title before the name."""
    set_off = ROLE_SET_OFF_BEFORE.search(text, max(0, start - 100), start)
    if set_off:  # 'The Chinese Ambassador to Nigeria, Cui Jianchun'
        return set_off.group(1)
    after = text[end : end + 320]
    appositive = re.match(
        r", (?!(?:said|says|told|tells|added|adds|noted|wrote|who|which|whose|and|but)\b)"
        r"((?:an? |the )?[a-z0-9][^,;:.“”\"]{2,250}?)(?:,\s|\.(?:\s|$))",
        after,
    )
    if appositive:
        return appositive.group(1)
    affiliation = re.match(
        r" ((?:from|at|of) (?:the )?[A-Z][^,;:.“”\"]{2,80}?)(?=,|\s+(?:said|says|told|added|wrote)\b)", after
    )
    if affiliation:  # 'Spokesperson Liu Pengyu of the Chinese Embassy': the title and the body
        return " ".join(part for part in (_title_before(text, start), affiliation.group(1)) if part)
    return _title_before(text, start)


TITLE_OF_PLACE = re.compile(
    r"((?:[A-Z][\w.-]*[ \t]+)+(?:(?:of|to|for|in)[ \t]+(?:the[ \t]+)?(?:[\w’'-]+[ \t]+){1,3}?)+)(?=$)"
)


def _title_before(text: str, start: int) -> str:
    """The title written before a name: 'Sen.', 'Secretary of State', 'Foreign Ministry spokesperson'."""
    title = re.search(r"\b(Sen|Rep|Gov|Gen|Prof|Amb|Dr)\.?\s+$", text[max(0, start - 6) : start])
    if title:  # 'Sen. Daniel Whitaker': the role a later 'the senator' refers to
        return TITLES[title.group(1)]
    words = re.findall(r"\S+", text[max(0, start - 120) : start])
    role: list[str] = []
    for word in reversed(words):
        bare = word.strip("(")
        joins = bare in ("and", "of", "for", "to") and role  # 'Secretary of State Antony Blinken', 'Ambassador to'
        if word[-1] in ",.;:" or not (re.fullmatch(NAME_WORD, bare) or _is_role(bare) or joins):
            break
        role.insert(0, bare)
    while role and role[0] in ("and", "of", "for", "to", "The"):
        role.pop(0)
    plain = " ".join(role) if len(role) >= 1 and any(w[0].isupper() or _is_role(w) for w in role) else ""
    if any(_is_role(w) for w in role):
        return plain
    # 'Deputy Governor of the prefecture Abdykadyr Turdumamat', 'Consul General of the Kyrgyz Republic in Urumqi
    # Nurlan Abdrakhmanov': a title that names where it is held, in words of any case
    placed = TITLE_OF_PLACE.search(text, max(0, start - 120), start)
    if placed and any(_is_role(w) for w in placed.group(1).split()):
        return placed.group(1).strip()
    return plain
