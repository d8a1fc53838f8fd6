"""The word lists attribution reads, from the data files in build/lexicon/ (each file's header says how it is used).

A new speech verb, role, body word or document noun is a line of data there, not a change to the code.
"""

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "lexicon"

# Acts whose clause is asserted as what the speaker says (not a request, not a stance on someone else's words).
ASSERTING = frozenset({"statement", "claim", "admission", "denial", "warning", "belief", "finding", "publication"})


@dataclass(frozen=True)
class SpeechVerb:
    lemma: str  # "say", "point out"
    act: str  # statement, claim, ..., accusation, request, stance
    reports_objects: bool = False  # 'reported revenue of $1 billion': a number in its object is claimed

    @property
    def verb(self) -> str:
        return self.lemma.split()[0]

    @property
    def particle(self) -> str:
        """'out' for 'point out', '' for most verbs."""
        return self.lemma.partition(" ")[2]

    @property
    def asserts(self) -> bool:
        return self.act in ASSERTING


def rows(name: str) -> list[dict[str, str]]:
    """The rows of one lexicon file; lines starting with '#' are its documentation."""
    with (FOLDER / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@cache
def speech_verbs() -> dict[str, tuple[SpeechVerb, ...]]:
    """Every form of every speech verb ('said', 'says', 'saying', 'say'), lower case, to the verbs it can be
    ('called' is 'call' or 'call for')."""
    forms: dict[str, tuple[SpeechVerb, ...]] = {}
    for row in rows("speech_verbs.csv"):
        verb = SpeechVerb(row["lemma"], row["act"], row["object"] == "1")
        for form in inflections(verb.verb) | set(filter(None, row["forms"].split("|"))):
            forms[form] = forms.get(form, ()) + (verb,)
    return forms


@cache
def reporting_forms() -> str:
    """A regex alternation of the forms an asserting speech verb takes after its subject ('said', 'says',
    'stressed', 'pointed out'), longest first."""
    forms = {
        f"{form} {verb.particle}".strip()
        for form, verbs in speech_verbs().items()
        if not form.endswith("ing")
        for verb in verbs
        if verb.asserts
    }
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))


def inflections(verb: str) -> set[str]:
    """The regular forms of an English verb: 'note' -> notes, noted, noting; 'deny' -> denies, denied, denying."""
    if re.search(r"[^aeiou]y$", verb):
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    if verb.endswith("e"):
        return {verb, verb + "s", verb + "d", verb[:-1] + "ing"}
    third = verb + ("es" if re.search(r"(?:s|sh|ch|x|z)$", verb) else "s")
    return {verb, third, verb + "ed", verb + "ing"}


@cache
def roles() -> dict[str, bool]:
    """Role nouns ('spokesperson', 'official') to whether the role is an office a named person holds."""
    return {row["role"]: row["office"] == "1" for row in rows("roles.csv")}


@cache
def same_person_roles() -> dict[str, tuple[str, ...]]:
    """Role nouns to the other roles a text may give the one it later calls by that role (roles.csv's also):
    'envoy' -> ('ambassador', 'consul', ...)."""
    return {row["role"]: tuple(filter(None, row["also"].split("|"))) for row in rows("roles.csv")}


@cache
def spokespersons() -> frozenset[str]:
    """Roles that speak for a body (roles.csv's for_body): 'spokesperson', 'spokesman'."""
    return frozenset(row["role"] for row in rows("roles.csv") if row["for_body"] == "1")


@cache
def body_words() -> dict[str, bool]:
    """Body nouns ('ministry', 'company') to whether they are generic (a body's own name seldom holds them)."""
    return {row["word"]: row["generic"] == "1" for row in rows("bodies.csv")}


@cache
def named_body_words() -> frozenset[str]:
    """The body nouns a body's own name holds ('ministry', 'customs'), not the generic ones ('company')."""
    return frozenset(word for word, generic in body_words().items() if not generic)


@cache
def document_nouns() -> list[str]:
    """Document nouns, singular ('white paper', 'report', 'data'), longest first so that a regex prefers them."""
    return sorted((row["noun"] for row in rows("documents.csv")), key=len, reverse=True)


@cache
def document_forms() -> tuple[str, ...]:
    """Document nouns, singular and plural ('report', 'reports', 'white papers'), longest first."""
    return tuple(sorted({form for noun in document_nouns() for form in (noun, plural(noun))}, key=len, reverse=True))


@cache
def finding_nouns() -> frozenset[str]:
    """Nouns for documents that report their author's findings ('report', 'assessment'), singular and plural."""
    nouns = {row["noun"] for row in rows("documents.csv") if row["findings"] == "1"}
    return frozenset(nouns | {plural(n) for n in nouns})


@cache
def data_nouns() -> frozenset[str]:
    """Nouns for data ('data', 'figures', 'estimates'), singular and plural."""
    nouns = {row["noun"] for row in rows("documents.csv") if row["data"] == "1"}
    return frozenset(nouns | {plural(n) for n in nouns})


@cache
def claim_nouns() -> frozenset[str]:
    """Nouns whose 'that' clause is what they hold ('the claim that ...'), singular and plural."""
    nouns = {row["noun"] for row in rows("claim_nouns.csv")}
    return frozenset(nouns | {plural(noun) for noun in nouns})


@cache
def measure_nouns() -> dict[str, str]:
    """Every form of the verbs whose amount a noun names (measure_nouns.csv), lower case, to that noun: 'earned'
    -> 'earnings', 'spent' -> 'spending'."""
    return {
        form: row["noun"]
        for row in rows("measure_nouns.csv")
        for form in inflections(row["verb"]) | set(filter(None, row["forms"].split("|")))
    }


@cache
def anonymity() -> re.Pattern:
    """Words that say a speaker stays unnamed (anonymity.csv): 'on condition of anonymity', 'asked not to be named'."""
    phrases = sorted((row["phrase"] for row in rows("anonymity.csv")), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


@cache
def honorifics() -> dict[str, str]:
    """Honorifics ('Mr', 'Dr') to the gender they tell ('m', 'f' or '')."""
    return {row["honorific"]: row["gender"] for row in rows("honorifics.csv")}


@cache
def demonyms() -> dict[str, str]:
    """What a country's people are called ('Cuban') to the country's common English name ('Cuba')."""
    return {row["demonym"]: row["country"] for row in rows("demonyms.csv")}


@cache
def speech_headings() -> re.Pattern:
    """A line that introduces someone's words (speech_headings.csv): 'Statement by Hon Nanaia Mahuta'."""
    nouns = "|".join(re.escape(row["noun"]) for row in rows("speech_headings.csv"))
    return re.compile(r"(?:[\w-]+\s+){0,3}?(?:" + nouns + r")\s+(?:by|of|from)\s+", re.IGNORECASE)


@cache
def people() -> frozenset[str]:
    """Plural nouns for people who speak without being named (people.csv): 'officials', 'experts'."""
    return frozenset(row["noun"] for row in rows("people.csv"))


@cache
def person_nouns() -> frozenset[str]:
    """Singular nouns that describe one person in an appositive (person_nouns.csv): 'resident', 'shopkeeper'."""
    return frozenset(row["noun"] for row in rows("person_nouns.csv"))


@cache
def person_words() -> frozenset[str]:
    """Singular nouns for one person: the roles and person_nouns.csv ('minister', 'manager', 'shopkeeper')."""
    return frozenset(roles()) | person_nouns()


@cache
def speaking_nouns() -> frozenset[str]:
    """Nouns whose phrase can speak unnamed: people (people.csv, singular and plural), a person described
    (person_nouns.csv: 'the woman who answered'), roles, bodies, documents."""
    groups = set(people()) | person_nouns()
    groups |= {re.sub(r"ies$", "y", p) if p.endswith("ies") else p.removesuffix("s") for p in groups}
    documents = {noun.split()[-1] for noun in document_nouns()}
    named = set(roles()) | set(body_words()) | documents
    return frozenset(groups | named | {plural(word) for word in named})


def plural(noun: str) -> str:
    """'agency' -> 'agencies', 'spokesman' -> 'spokesmen', 'analysis' -> 'analyses', 'report' -> 'reports'."""
    for singular, replacement in (("man", "men"), ("sis", "ses")):
        if noun.endswith(singular):
            return noun[: -len(singular)] + replacement
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + ("es" if re.search(r"(?:s|sh|ch|x|z)$", noun) else "s")
