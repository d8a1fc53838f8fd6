"""What a figure measures, read from the parse of its sentence: 'people lifted out of poverty', 'poverty
incidence rate', 'value of shipments stopped', 'Uygur population growth'.

- A figure that counts things (2.3 million people, 4,000 shipments) measures those things and what its sentence
  says happened to them: the verb they are the subject or the object of, or the clause that describes them.
- A share ('38% of its member companies', 'one in five cotton products') measures the share of those things.
- A figure in a unit of measure (percent, yuan, tons) measures the quantity it is the value of: what it is an
  amount of ('5.1 million tons of cotton'), the subject of the verb it completes ('the poverty rate dropped to
  6.5%'), what it is the worth of ('shipments worth $1.6 billion'); a change ('rose 8 percent', 'grew by 2.5
  million') is that quantity's growth or decline.

The phrase keeps the text's own words, so a reader can check it against the sentence; `key` reduces it to its
content words, so that figures measuring the same statistic group together.
"""

import re

from lemminflect import getInflection, getLemma
from spacy.tokens import Doc, Token

from . import lexicon

# Units that measure an amount rather than name the things counted.
MEASUREMENT_UNITS = {"", "percent", "percentage points", "yuan", "dollars", "us dollars", "euros", "pounds"}
MEASUREMENT_UNITS |= {"tons", "tonnes", "metric tons", "hectares", "mu", "kilograms", "gigawatts", "megawatts"}
MEASUREMENT_UNITS |= {"kilometres", "kilometers", "years", "months", "weeks", "days", "hours"}
# 'person-times' counts how often something was done, not people: what was done is the measure
ACTS_COUNTED = {"person-times", "person-time"}
MEASUREMENT_UNITS |= ACTS_COUNTED
UNIT_MEASURES = {w for unit in MEASUREMENT_UNITS for w in unit.split() if w not in ("us", "metric")}
UNIT_MEASURES |= {"kilograms", "metres", "meters", "barrels", "watts"}
UNIT_MEASURES |= {"gw", "mw", "gwh", "kw", "kwh", "mt"}  # as written: '64 GW of module capacity'
UNIT_MEASURES |= {"kilowatts", "kilowatt-hours", "miles", "square", "cubic", "centimetres", "cents", "shillings"}
UNIT_MEASURES |= {"yen", "won", "rupees", "roubles", "rubles", "tenge", "kyat", "ringgit", "baht", "pesos", "francs"}
# Words that name a scale or a unit; what a tokenizer leaves of '1.29m', '$3.7bn' once the number is gone.
SCALES = {"million", "billion", "trillion", "thousand", "hundred", "m", "bn", "mn", "k", "pc", "pct", "per", "cent"}
SCALES |= {"percent", "%", "yuan", "dollars", "euros"}
# Words that say how much, not what: an amount is of something else ('5.1 million tons of cotton').
AMOUNT_WORDS = SCALES | UNIT_MEASURES
NUMBERISH = re.compile(r"^[\d.,]+(?:bn|mn|m|k|pc|pct)?$", re.IGNORECASE)
SHARES = {"percent", "%", "cent", "pct", "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths"}
SHARES |= {"tenth", "tenths", "fourth", "sixth", "seventh", "eighth", "ninth"}
# Verbs that give a part's share of a whole: 'accounted for 62% of the value', 'made up a third of exports'.
PART_VERBS = {"account", "make", "represent", "comprise", "constitute"}
# Nouns that only say how a number is counted: 'a total of 588,700 households', 'an average of 1.29 million'.
QUANTITY_NOUNS = {"total", "average", "number", "more", "most", "some", "all", "many", "majority", "half"}
RISING = {"rise", "rose", "risen", "rising", "rises", "grow", "grew", "grown", "growing", "grows", "increase"}
RISING |= {"increased", "increasing", "increases", "up", "jump", "jumped", "climbed", "gained", "surged", "expanded"}
FALLING = {"fall", "fell", "fallen", "falling", "falls", "drop", "dropped", "dropping", "drops", "decline", "down"}
FALLING |= {"declined", "declining", "declines", "decrease", "decreased", "shrank", "shrunk", "slumped", "plunged"}
# Verbs (by lemma) that change what they act on by an amount, with the noun for that change: 'had cut purchases of
# Chinese aluminium by 70 per cent' measures the cut in those purchases (not 'cut $210 million from revenue').
CHANGED_BY = {"cut": "cut", "slash": "cut", "reduce": "reduction", "lower": "reduction"}
CHANGED_BY |= {"raise": "increase", "boost": "increase"}
# Nouns for a change: 'an increase of 1.62 million' is the increase of what its clause counts.
CHANGE_NOUNS = {"increase", "rise", "growth", "jump", "gain", "decline", "drop", "fall", "decrease", "reduction"}
# How often an amount recurs ('4,500 yuan a month', 'per year', 'every day'), as the adjective a measure takes.
FREQUENCIES = {"day": "daily", "week": "weekly", "month": "monthly", "year": "annual", "annum": "annual"}
# Verbs that only say a quantity's level: 'income reached 7,942 yuan', 'exports totalled $3bn'; of these, the ones
# that also say it of the things counted: 'the transfer of surplus labor averaged 2.76 million people'.
TOTAL_LEMMAS = {"total", "average", "number", "exceed", "surpass", "top"}
LEVEL_LEMMAS = TOTAL_LEMMAS | {"reach", "cross", "hit", "stand", "amount", "remain"}
# How a vote went for what was put to it: 'rejected by 19 votes to 17' (its first number voted against it).
VOTE_OUTCOMES = {"reject": "against", "defeat": "against", "fail": "against", "block": "against"}
VOTE_OUTCOMES |= {"pass": "in favour", "approve": "in favour", "adopt": "in favour", "carry": "in favour"}
VOTE_OUTCOMES |= {"back": "in favour", "endorse": "in favour"}
VOTE_WORDS = {"vote", "votes", "voted", "voting", "ballot", "abstentions", "abstained"}
VOTE_SIDES = {"abstentions": "abstentions on", "against": "votes against", "in favour": "votes in favour of"}
VOTE_SIDES["in favor"] = "votes in favor of"
COPULAS = {"is", "are", "was", "were", "be", "been", "being", "remained", "remains"}
VALUING = {"valued", "worth", "totalling", "totaling", "amounting", "costing"}
HAVING = {"has", "have", "had", "having"}
# Nouns for a body of people that a count describes: 'a Uyghur community of roughly 60,000 people'.
COLLECTIVES = {"community", "communities", "population", "workforce", "delegation", "contingent", "diaspora"}
PRONOUNS = {"it", "this", "that", "which", "there", "they", "them", "he", "she", "we", "who", "whom", "those"}
PRONOUNS |= {"i", "you", "us", "me"}
# Words a phrase loses at its edges: they say how much or which one, not what is measured.
EDGE = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "that", "of", "'s", "’s"}
EDGE |= {"more", "less", "than", "about", "around", "roughly", "nearly", "almost", "over", "under", "at", "least"}
EDGE |= {"approximately", "just", "only", "fewer", "as", "many", "much", "another", "some", "estimated", "up", "to"}
EDGE |= {"and", "or", "by", "in", "on", "with", "from", "for", "between", "since", "during", "until"}
MODIFIERS = {"compound", "amod", "nmod", "poss", "npadvmod", "det", "hyph"}
MAX_WORDS = 10
# A line's label ('Share of national output:') is short.
MAX_LABEL_WORDS = 8
# A prepositional phrase this short says where or which ('the Uygur population in Xinjiang', 'crossings at the
# border', 'visitors to the expo', 'fields under drip irrigation'); a longer one lists more.
MAX_PLACE_WORDS = 4
WHICH_PREPOSITIONS = {"in", "from", "at", "to", "with", "under", "on", "for"}
# A verb's phrase leaves out what says when, and who says so.
NOT_WHAT = {"since", "during", "between", "after", "before", "until", "according", "over", "from", "as"}
TIME_WORDS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "period", "quarter", "half"}
FUNCTION_WORDS = EDGE | COPULAS | {"at", "to", "per", "each", "every", "has", "have", "had", "who", "which", "whom"}


def measure(doc: Doc, at: int, start: int, end: int, unit: str) -> str:
    """What the figure at [start, end) of the article measures, from its sentence's parse (`doc`, which starts at
    `at`); "" when the parse shows nothing it is the measure of."""
    inside = [t for t in doc if start <= at + t.idx < end]
    if not inside:
        return ""
    glossed = _glossed(doc, inside)
    if glossed:
        return _phrase(glossed)
    label = _label(doc, inside)
    if label:  # 'Share of national output: 90.2%', 'Base Metals: 247 shipments valued at $81 million'
        counted = "" if is_measurement(unit) else _measure(doc, inside, unit) or unit
        named = _phrase(label)
        return named if counted.lower() in named.lower() else " ".join(filter(None, [named, counted]))
    return _vote(doc, inside, unit) or _size(doc, inside) or _measure(doc, inside, unit)


def _size(doc: Doc, inside: list[Token]) -> str:
    """'the 47-member Human Rights Council', 'a 14-member delegation': the body's members."""
    after = doc[inside[-1].i + 1 : inside[-1].i + 3]
    member = next((t for t in after if t.lower_ == "member"), None)
    if member is None or after[0].text != "-" or member.head.i == member.i or member.head.i < member.i:
        return ""
    return _phrase([t for t in _noun_phrase(member.head) if t.i > member.i], before="members of")


def _measure(doc: Doc, inside: list[Token], unit: str) -> str:
    """What the number of the words `inside` measures, read from the parse around it."""
    number = next((t for t in inside if t.head.i == t.i or t.head not in inside), inside[-1])
    whole = _share_of(number)
    if whole is not None and whole.lower_ in ("total", "all") and number.dep_ == "pobj":
        part = _subject(number.head.head)  # 'machine-picked cotton accounted for 99.2 percent of the total'
        if part is not None:  # 'cotton output ..., accounting for 91 percent of the national total'
            return _phrase([t for t in _before_noun(whole) if t.i != whole.i], _noun_phrase(part), before="share of")
    if whole is not None:
        if whole.lower_ in PRONOUNS:  # 'more than 85 percent of it was harvested by machine'
            happened, beside = _happened(number), _set_beside(number)
            if not happened and beside is not None:  # '1,800 people, 65 percent of them from ethnic minorities'
                return _phrase(_before_noun(beside), [t for t in number.subtree if t.i > whole.i], before="share of")
            return _phrase(happened, before="share")
        part = _part(number)
        if part is not None:  # 'Electronics accounted for 62% of the value': the electronics share of the value
            return " ".join(
                [_phrase(_noun_phrase(part)), _phrase(_noun_phrase(whole) + _described(whole), before="share of")]
            )
        return _phrase(_noun_phrase(whole) + _described(whole), _happened(whole) + _happened(number), before="share of")
    state = _in_state(number)
    if state is not None:  # '3.9 million in forced labour imposed by state authorities', '62,000 in garments'
        return _phrase(list(state.subtree), before="" if is_measurement(unit) else unit)
    thing = number
    while _numeral(thing) and thing.dep_ in ("nummod", "compound", "quantmod", "amod") and thing.head.i != thing.i:
        thing = thing.head  # '588,700 households': the number counts the noun it modifies
    while _modifies_noun(thing):
        thing = thing.head  # '1,300 skills competitions', '2.76 million surplus rural labourers': the last noun
    # a number before a noun counts it, whatever unit the text's surface gave ('200,000 ethnic Kyrgyz live ...')
    counted = (
        not is_measurement(unit) or not unit and _plural_noun(thing, after=number)
    ) and thing.lower_ not in SCALES
    of = _object_of(thing, "of")
    if counted and _numeral(thing) and of is not None and of.tag_.startswith("NN"):
        return _phrase(_noun_phrase(of), _things_happened(thing))  # '40 of those suppliers'
    if counted and thing.tag_.startswith("NN"):
        return _counted(thing)
    # '3.9 million of them were in forced labour', 'Of these, 3.9 million were ...', '..., of whom 3.9 million
    # were ...': some of the things counted before, which act
    fronted = [
        _object_of(thing, "of", fronted=True),
        _object_of(thing.head, "of", fronted=True) if _acts(thing) else None,
    ]
    some_of_those = any(
        t is not None and t.lower_ in ("these", "those", "them", "whom", "which") for t in [of, *fronted]
    )
    if _numeral(thing) and (
        (counted and thing.dep_ != "pobj")
        or _including(thing)
        or ((not unit or some_of_those) and _acts(thing))
        or (some_of_those and thing.dep_ == "pobj")  # 'denied entry to more than 1,900 of them'
    ):
        # 'Another 135,000 from Kashgar found work', 'at least 90 had received life sentences': the number
        # stands for the things its unit names
        return _phrase(_modifiers(thing) + _described(thing), _things_happened(thing), before=unit)
    if thing.lower_ in SHARES and thing.dep_ == "nsubj":
        return _phrase(_happened(thing), before="share")  # '27 percent said they conducted due diligence'
    if unit.lower() in ACTS_COUNTED:
        acts = thing.head if thing.dep_ == "compound" else thing  # 'times' of 'person-times'
        return _acts_done(acts) or _quantity(number, thing) or _acts_counted(acts, unit)
    return _quantity(number, thing)


def _acts_counted(acts: Token, unit: str) -> str:
    """'2.06 million person-times found jobs': the acts counted and what they did, where the sentence names no act
    and no quantity."""
    return _phrase(_described(acts), _things_happened(acts), before=unit)


def _acts_done(acts: Token) -> str:
    """What was done so many times: 'person-times of such transfer employment', 'organized vocational training for
    12,600 person-times', 'organized the transfer of rural surplus labourers 6,930 person-times'; "" when the
    sentence names no act."""
    of = _object_of(acts, "of")
    if of is not None:
        return _phrase(_noun_phrase(of) + _described(acts), _things_happened(acts))
    holder = acts.head if acts.dep_ == "pobj" and acts.head.lower_ == "for" else acts
    if holder.dep_ not in ("prep", "npadvmod"):
        return ""
    if holder.head.tag_.startswith("NN"):
        return _phrase(_noun_phrase(holder.head))  # 'training for 12,600 person-times'
    done = next((c for c in holder.head.children if c.dep_ == "dobj" and c.i != acts.i), None)
    return _phrase(_noun_phrase(done)) if done is not None and done.lower_ not in PRONOUNS else ""


def is_measurement(unit: str) -> bool:
    """'percent', 'US dollars', 'kilograms per hectare': a unit of measure, not a thing counted."""
    words = unit.lower().split()
    return not words or unit.lower() in MEASUREMENT_UNITS or "per" in words or bool(set(words) & UNIT_MEASURES)


def key(phrase: str) -> str:
    """The content words of a measure, singular, in alphabetical order: what groups two figures."""
    words = re.findall(r"[a-z0-9]+(?:[-'’][a-z0-9]+)*", re.sub(r"['’]s?\b", "", phrase.lower()))
    return " ".join(sorted({_singular(w) for w in words if w not in FUNCTION_WORDS}))


# ---------------------------------------------------------------- votes


def _vote(doc: Doc, inside: list[Token], unit: str) -> str:
    """'rejected by 19 votes to 17, with 11 abstentions': votes against the motion, votes in favour of it,
    abstentions on it; "" when the figure is no side of a vote whose outcome its sentence gives."""
    if unit not in ("votes", "abstentions", ""):
        return ""
    verb = next((t for t in doc if t.tag_.startswith("VB") and _outcome(t)), None)
    # a bare tally is a vote's only beside a word for one, or right after the verb ('passed 266 to 0')
    tally = doc[verb.i + 1 : verb.i + 4] if verb is not None else []
    after_verb = inside[0] in tally and all(_numeral(t) or t.lower_ == "to" for t in tally[: inside[0].i - verb.i])
    if verb is None or not unit and not any(t.lower_ in VOTE_WORDS for t in doc) and not after_verb:
        return ""
    side = _side(doc, inside, _outcome(verb))
    if side is None:
        return ""
    if side == "in favour" and any(t.lower_ == "favor" for t in doc):
        side = "in favor"  # the text's own spelling
    motion = _put_to_vote(verb)
    named = _phrase(_before_noun(motion), before=VOTE_SIDES[side]) if motion is not None else ""
    return named or ("abstentions" if side == "abstentions" else f"votes {side}")


def _put_to_vote(verb: Token) -> Token | None:
    """What the vote was on: the verb's object ('approved the text', 'voted down a draft decision'), else its
    subject ('the motion passed', 'a draft decision was rejected')."""
    down = next((c for c in verb.children if c.lower_ == "down" and c.dep_ == "prep"), None)
    candidates = [c for c in verb.children if c.dep_ == "dobj"] + ([_object_of(verb, "down")] if down else [])
    candidates += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return next((c for c in candidates if c is not None and c.lower_ not in PRONOUNS and not _numeral(c)), None)


def _outcome(verb: Token) -> str:
    """'against' for a verb that says what was put to the vote lost ('rejected', 'voted down'), 'in favour' for one
    that says it won ('passed', 'approved'), else ''."""
    if _lemma(verb) == "vote" and any(c.dep_ in ("prt", "prep") and c.lower_ == "down" for c in verb.children):
        return "against"
    return VOTE_OUTCOMES.get(_lemma(verb), "")


def _side(doc: Doc, inside: list[Token], won: str) -> str | None:
    """Which side of the vote the figure counts: the word after it ('19 against', '11 abstentions'), else its
    place in a tally ('19 votes to 17': the first won)."""
    rest = [t.lower_ for t in doc[inside[-1].i + 1 : inside[-1].i + 4]]
    if rest[:1] == ["votes"]:
        rest = rest[1:]
    said = {t.lower_ for t in inside} | set(rest[:1])
    if said & {"abstentions", "abstaining", "abstained"}:
        return "abstentions"
    if "against" in said:
        return "against"
    if rest[:2] in (["in", "favour"], ["in", "favor"]) or "for" in said:
        return "in favour"
    if rest[:1] == ["to"] and len(rest) > 1 and NUMBERISH.match(rest[1]):
        return won
    opening = doc[max(0, inside[0].i - 3) : inside[0].i]
    if len(opening) >= 2 and opening[-1].lower_ == "to" and (_numeral(opening[-2]) or opening[-2].lower_ == "votes"):
        return "in favour" if won == "against" else "against"
    return None


# ---------------------------------------------------------------- things counted


def _counted(thing: Token) -> str:
    """'588,700 households [...] have been lifted out of poverty': the things and what happened to them."""
    holder = _holder(thing)
    group = holder.head.head
    if holder.dep_ == "pobj" and holder.head.lower_ == "of" and group.lower_ in COLLECTIVES and group.i < holder.i:
        return _phrase(_before_noun(group))  # 'a Uyghur community of roughly 60,000 people'
    # (not 'reached', which may reach people: 'the campaign had reached 420,000 workers')
    level = holder.dep_ == "attr" and holder.head.lower_ in COPULAS or holder.dep_ == "dobj" and _a_total(holder.head)
    if level:
        subject = _subject(holder.head)
        # 'the annual relocation of surplus labor was 2.76 million people', '... averaged 2.76 million people'
        if subject is not None and not _counts(subject):
            return _phrase(_noun_phrase(subject))
    things, happened = _noun_phrase(thing) + _described(thing), _things_happened(holder)
    if happened and holder.dep_ == "nsubjpass" and len(_phrase(things, happened).split()) >= MAX_WORDS:
        # what the things did, or what was done to them, says more than a long clause that describes them ('all
        # rural residents living below the current poverty line [...] have been lifted out of poverty'); not what
        # was done with them ('identified four producers that had taken part in ...')
        things = _noun_phrase(thing)
    return _phrase(things, happened)


def _a_level(verb: Token) -> bool:
    """'reached', 'averaged', 'topped': a verb that gives its subject's level."""
    return _lemma(verb) in LEVEL_LEMMAS


def _a_total(verb: Token) -> bool:
    """'averaged', 'totalled', 'exceeded': a verb that gives its subject's level in the things its object counts."""
    return _lemma(verb) in TOTAL_LEMMAS


def _lemma(verb: Token) -> str:
    return next(iter(getLemma(verb.lower_, upos="VERB")), verb.lower_)


def _holder(thing: Token) -> Token:
    """The phrase that carries the verb: 'a total of 588,700 households', 'households involving 2.3 million
    people', 'villages and 13 counties', 'workers, including 415,400'."""
    holder = thing
    while holder.head.i != holder.i:
        head = holder.head
        if holder.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in QUANTITY_NOUNS:
            holder = head.head
        elif holder.dep_ == "dobj" and head.dep_ == "acl" and head.lower_ in ("involving", "including"):
            holder = head.head
        elif holder.dep_ == "pobj" and head.lower_ == "including" and head.head.tag_.startswith("NN"):
            holder = head.head
        elif holder.dep_ in ("conj", "appos") and head.tag_.startswith("NN"):
            holder = head
        else:
            return holder
    return holder


def _things_happened(thing: Token) -> list:
    """What happened to the things: the verb they are the subject or the object of, or, for things in a
    prepositional phrase, the verb the phrase belongs to ('this white paper is translated into five languages')."""
    holder = _holder(thing)
    verb = holder.head.head
    # 'provided free vocational training to 1.12 million people': what the things were given, whoever gave it
    nominal = verb.dep_ == "dobj" and verb.tag_.startswith("NN")
    given = _object(verb.head if nominal else verb, holder) if holder.dep_ == "pobj" else None
    if given is not None and given.head.tag_.startswith("VB"):
        return [Participle(given.head)] + _before_noun(given)
    if holder.dep_ == "pobj" and holder.head.lower_ == "from" and verb.tag_.startswith("NN"):
        return _happened(verb)  # 'diplomats from over 100 countries have visited Xinjiang': what those from them did
    if holder.dep_ == "pobj" and verb.tag_.startswith("VB") and verb.lower_ not in COPULAS | {"including"}:
        subject = _subject(verb)  # not 'The men were among more than 300 Uyghurs', which says nothing happened
        return [Participle(verb), holder.head] + (_noun_phrase(subject) if subject is not None else [])
    return _happened(holder)


def _happened(thing: Token) -> list:
    """The verb the things are the subject or the object of, with its particle and its object or its first
    prepositional phrase that says what rather than when ('lifted out of poverty', 'shook off poverty',
    'detained under the law'); for a copula, its complement ('were unable to trace their cotton')."""
    verb = thing.head
    if thing.dep_ not in ("nsubj", "nsubjpass", "dobj") or not verb.tag_.startswith("VB"):
        return []
    reported = _reported(verb) if thing.dep_ == "nsubj" else None
    if reported is not None:  # '27 percent said they conducted due diligence': what they said they did
        return _happened(reported)
    if verb.lower_ in COPULAS:
        complement = next((c for c in verb.children if c.dep_ in ("acomp", "attr", "prep") and c.i > thing.i), None)
        return list(complement.subtree) if complement is not None else []
    if verb.lower_ in HAVING and thing.dep_ != "nsubj":
        return []  # 'Xinjiang has about 24,400 mosques': having says nothing of what is counted
    # a verb joined to it shares its subject or object, unless it has its own or a clause ('employs 1,800 people and
    # its managers say ...', 'hired 600 workers and said that ...')
    verbs = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.tag_.startswith("VB") and not _own_actants(c)]
    words = [Participle(v) for v in verbs] if thing.dep_ == "dobj" else verbs
    if verb.lower_ in HAVING:  # '23 companies had suppliers in the region': companies with suppliers there
        words = [Word(verb, "with")]
    for child in verb.children:
        if child.dep_ == "prt" or (child.dep_ in ("acomp", "xcomp") and child.i > verb.i):
            words += list(child.subtree)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i != thing.i), None)
    if obj is not None and thing.dep_ != "dobj":
        return words + [obj] + _modifiers(obj)
    phrase = next((c for c in verb.children if c.dep_ in ("prep", "agent") and c.i > verb.i), None)
    if phrase is not None and phrase.lower_ not in NOT_WHAT and not _when(phrase):
        words += _up_to_aside(phrase)
    return words


def _own_actants(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "ccomp") for c in verb.children)


def _object(verb: Token, besides: Token) -> Token | None:
    """What the verb did to the things a phrase after it counts: its direct object before `besides`, unless that is
    a pronoun ('traced them to'), the verb's own ('found its way into'), or another count ('relocated 63,100
    people from 24,800 households'); none for a verb of having or being."""
    if verb.lower_ in HAVING | COPULAS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < besides.i), None)
    if obj is None or obj.lower_ in PRONOUNS or obj.lower_ in AMOUNT_WORDS:
        return None
    if any(c.dep_ == "poss" and c.tag_ == "PRP$" or c.dep_ == "nummod" or _numeral(c) for c in obj.children):
        return None
    return obj


def _reported(verb: Token) -> Token | None:
    """The subject of the clause a speech verb reports ('they' in 'said they had adopted a policy'), or None."""
    if verb.lower_ not in lexicon.speech_verbs():
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None


def _label(doc: Doc, inside: list[Token]) -> list[Token]:
    """'Output: 5.39 million tonnes', '• Electronics: 2,106 shipments': the words before a colon that opens a line
    and names what its number is, with no verb of their own."""
    colon = next((t for t in doc[: inside[0].i] if t.text == ":"), None)
    if colon is None or colon.i > MAX_LABEL_WORDS or inside[0].i - colon.i > 3:
        return []
    label = [t for t in doc[: colon.i] if not t.is_punct or t.text in ("-", "&")]
    if not label or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD", "CD") for t in label):
        return []
    if all(t.text.isupper() for t in label):  # 'CHAIR: We have 12 witnesses': who speaks, not what is counted
        return []
    return label


def _glossed(doc: Doc, inside: list[Token]) -> list[Token]:
    """'- 144: companies on the UFLPA Entity List, whose ...': a factbox line that opens with its number says
    what the number counts after a colon, up to the first comma or source."""
    before = doc[: inside[0].i]
    after = inside[-1].i + 1
    while after < len(doc) and doc[after].lower_ in SCALES:
        after += 1
    if after >= len(doc) or doc[after].text != ":" or any(not t.is_punct and t.lower_ not in EDGE for t in before):
        return []
    words = []
    for token in doc[after + 1 :]:
        if token.text in (",", ";", ".", "(", "—", "–") or token.lower_ == "according":
            break
        words.append(token)
    return words


def _described(noun: Token) -> list[Token]:
    """The clause that says what the things did or what was done to them: '155,000 people [...] who found
    employment', 'seven focused on Uighurs', 'people in households receiving assistance'; not one with a clause
    of its own, which comments on them ('five languages, which implies that ...')."""
    clause = next(
        (
            t
            for t in noun.subtree
            if t.dep_ in ("relcl", "acl")
            and t.i > noun.i
            and not any(c.dep_ == "ccomp" for c in t.children)
            and t.lower_ not in VALUING  # 'shipments valued at $3.6 billion' says what they are worth, not what
        ),
        None,
    )
    if clause is None and noun.dep_ == "npadvmod" and noun.head.dep_ == "acomp":
        clause = noun.head  # 'there had been seven focused on Uighurs'
    if clause is None:
        return []
    return [clause] + [t for c in clause.children if c.dep_ in ("dobj", "prt", "prep", "acomp") for t in c.subtree]


# ---------------------------------------------------------------- shares and amounts


def _part(number: Token) -> Token | None:
    """Whose share of a whole the number is: the subject of 'accounted for', 'made up', 'represented' ('Electronics
    accounted for 62% of the value'), unless a pronoun."""
    verb = number.head.head if number.dep_ == "pobj" and number.head.lower_ == "for" else number.head
    if number.dep_ not in ("pobj", "dobj") or not verb.tag_.startswith("VB"):
        return None
    if _lemma(verb) not in PART_VERBS:
        return None
    return _subject(verb)


def _share_of(number: Token) -> Token | None:
    """'60% of whom', 'one in five cotton products', 'a fifth of the world's cotton': what it is a share of."""
    for child in number.children:
        if child.dep_ != "prep" or child.lower_ not in ("of", "in") or child.i < number.i:
            continue
        if child.lower_ == "of" and number.lower_ not in SHARES:
            continue  # 'one of the reasons': not a share
        whole = next((c for c in child.children if c.dep_ == "pobj"), None)
        if whole is None:
            continue
        if child.lower_ == "in" and number.lower_ not in SHARES and not _counts(whole):
            continue  # '27 in Istanbul': where, not out of how many ('one in five products')
        if whole.lower_ in ("whom", "which") and number.head.dep_ == "relcl":
            return number.head.head  # '2.76 million people, more than 60% of whom were ...'
        if whole.lower_ in ("total", "all") and number.dep_ == "appos":
            return number.head  # '16,000 mosques - some 65% of the total - have been destroyed'
        if whole.tag_.startswith(("NN", "PRP")) or whole.lower_ in PRONOUNS:
            return whole
    return None


def _set_beside(share: Token) -> Token | None:
    """The things a share of 'them' is set beside: 'people' in '1,800 people, 65 percent of them from ...', 'resin'
    in '38,000 tons of resin, roughly 70% of it from ...'."""
    if share.dep_ != "appos" or not share.head.tag_.startswith("NN"):
        return None
    things = share.head
    of = _object_of(things, "of") if things.lower_ in AMOUNT_WORDS else None
    return of if of is not None else things


def _in_state(number: Token) -> Token | None:
    """The 'in' phrase a bare number is counted by, when it says in what state or trade rather than where or when:
    'in forced labour', 'in garments and textiles' (not 'in Istanbul', 'in 2023')."""
    phrase = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > number.i), None)
    if phrase is None or _when(phrase):
        return None
    objects = [c for c in phrase.children if c.dep_ == "pobj"]
    return phrase if objects and not any(o.tag_ in ("NNP", "NNPS") or _counts(o) for o in objects) else None


def _quantity(number: Token, amount: Token) -> str:
    """'The poverty incidence rate has dropped to 6.51%': the quantity the number is the value of."""
    of = _object_of(amount, "of")
    if of is not None and of.lower_ not in PRONOUNS and amount.lower_ in AMOUNT_WORDS:
        return _phrase(_noun_phrase(of), _acted_on(amount))  # '5.1 million tons of cotton' produced
    if amount.lower_ in AMOUNT_WORDS and _inside_noun_phrase(amount):
        return _phrase(_noun_phrase(amount.head))  # 'the 5.38 percent growth of China's total population'
    token = amount
    listed = token
    while listed.dep_ in ("appos", "conj") and _numeral(listed.head) and listed.head.i < listed.i:
        listed = listed.head  # 'the detentions by province: 27 in Istanbul, nine in Kayseri'
    if listed.dep_ == "appos" and listed.head.tag_.startswith("NN"):
        where = [t for c in token.children if c.dep_ == "prep" and c.lower_ in WHICH_PREPOSITIONS for t in c.subtree]
        if where and len(where) <= MAX_PLACE_WORDS:
            return _phrase(_before_noun(listed.head), where)
        return _phrase(_noun_phrase(listed.head))  # 'the growth rate of the Han population (2 percent)'
    counted = _object_of(token.head, "of") if token.dep_ in ("appos", "conj") and _numeral(token.head) else None
    if counted is not None:  # 'Nine of the 14 samples, or 64 percent, contained cotton'
        return _phrase(_noun_phrase(counted), _happened(token.head), before="share of")
    changed = _change_of(token)
    if changed is not None:  # 'records a fall in the region's birth rate from 15.88 per thousand to 8.14'
        return _phrase(_noun_phrase(changed))
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head  # 'grew by 2.5 million, or 25.04 percent'
    worth = token.head if token.head.lower_ == "worth" else token.head.head
    if worth.lower_ in ("worth", "valued") and worth.head.tag_.startswith("NN"):
        return _phrase(_noun_phrase(worth.head), _happened(worth.head), before="value of")
    if worth.lower_ in ("worth", "valued") and worth.head.lower_ in COPULAS and _subject(worth.head) is not None:
        return _phrase(_noun_phrase(_subject(worth.head)), before="value of")  # 'the goods were worth $1.8 million'
    valued = _valued(worth) if worth.lower_ in ("worth", "valued") else None
    if valued is not None:  # 'imported products worth $2.1 billion', 'buys components worth 1.4 billion euros'
        return _phrase(_noun_phrase(valued), _happened(valued), before="value of")
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.tag_.startswith("VB"):
        brought = next((c for c in token.head.head.children if c.dep_ == "dobj"), None)
        if (
            brought is not None and brought.lower_ not in AMOUNT_WORDS | SHARES | CHANGE_NOUNS
        ):  # 'bring the number of entities on the list to 75'
            # (not 'grew 6.1 per cent to 2.05 trillion yuan', whose object is the change)
            return _phrase(_noun_phrase(brought))
    if token.dep_ == "pobj" and token.head.lower_ == "at" and token.head.head.tag_.startswith("NN"):
        return _phrase(_before_noun(token.head.head))  # 'with the purchase price at around 6.5 yuan per kilogram'
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.tag_.startswith("NN"):
        noun = token.head.head
        bare = not any(c.dep_ in MODIFIERS and c.dep_ != "det" for c in noun.children if c.i < noun.i)
        verb, change = _verb_of(noun) if noun.lower_ in QUANTITY_NOUNS and bare else (None, None)
        named = lexicon.measure_nouns().get(verb.lower_) if verb is not None and change is None else None
        if named is not None and noun.dep_ in ("dobj", "pobj", "npadvmod"):
            return _named_amount(verb, token, named, [noun])  # 'earned an average of 5,200 yuan a month'
        changed = _changed(noun) if noun.lower_ in CHANGE_NOUNS else []
        if changed:  # 'the Uyghur population reached 11.62 million, an increase of 1.62 million'
            return _phrase(changed, before=noun.lower_ + " in")
        return _phrase(_before_noun(noun))  # 'revenue of €2.3 billion', 'a net loss of 1.9 billion yuan'
    verb, change = _verb_of(token)
    named = lexicon.measure_nouns().get(verb.lower_) if verb is not None and change is None else None
    if named is not None and token.dep_ in ("dobj", "pobj", "npadvmod"):
        return _named_amount(verb, token, named)
    subject = _subject(verb) if verb is not None else None
    if verb is None or subject is None:
        return ""
    if change is not None:
        change_noun = CHANGED_BY.get(_lemma(change)) or ("growth" if change.lower_ in RISING else "decline")
        beside = _noun_beside(change)
        if beside is not None:  # 'with exports of 152.6 billion yuan, up 36.2%': that noun's change
            return _phrase(beside, after=change_noun)
        return _phrase(_grown(verb, token, subject), after=change_noun)
    if token.dep_ == "dobj" and verb.lower_ not in COPULAS and not _a_level(verb):
        # 'Xinjiang has allocated 64.7 billion yuan to public security': what the amount was for
        phrase = _what_for(verb, token)
        return _phrase(_noun_phrase(subject), [verb] + (_up_to_aside(phrase) if phrase is not None else []))
    return _phrase(_noun_phrase(subject))


def _noun_beside(change: Token) -> list[Token] | None:
    """'exports of 152.6 billion yuan, up 36.2%': the noun a change ('up', 'down') is set beside, with the words
    that say which, not the amount it is in; None for an amount ('27,310 yuan, up 8.1 percent') or a copula's
    complement ('were the fastest-growing category, up 62 percent', whose subject changed)."""
    noun = change.head
    if change.dep_ != "advmod" or not noun.tag_.startswith("NN") or noun.lower_ in AMOUNT_WORDS:
        return None
    if noun.dep_ == "attr" and noun.head.lower_ in COPULAS:
        return None
    amount = _object_of(noun, "of")
    return _before_noun(noun) if amount is not None and amount.lower_ in AMOUNT_WORDS else _noun_phrase(noun)


def _valued(worth: Token) -> Token | None:
    """The things 'worth' gives the value of where the parser did not hang it on them: its own subject ('products
    worth $2.1 billion' read as a clause) or the object of the verb it completes ('buys components worth ...')."""
    subject = next((c for c in worth.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None or worth.dep_ not in ("oprd", "acomp", "xcomp") or not worth.head.tag_.startswith("VB"):
        return subject
    return next((c for c in worth.head.children if c.dep_ == "dobj" and c.i < worth.i), None)


def _change_of(value: Token) -> Token | None:
    """What a change goes 'from' or 'to' a value in: the quantity 'a fall in' or 'a rise of' names, or None."""
    if value.dep_ != "pobj" or value.head.lower_ not in ("from", "to"):
        return None
    holder = value.head.head
    if holder.lower_ in ("from", "to") and holder.dep_ == "prep":
        holder = holder.head  # 'from 15.88 ... to 8.14': the parser hangs 'to' on 'from'
    change = holder if holder.lower_ in CHANGE_NOUNS and holder.tag_.startswith("NN") else None  # not 'rise to'
    if change is None and holder.tag_.startswith("VB"):
        change = next((c for c in holder.children if c.dep_ == "dobj" and c.lower_ in CHANGE_NOUNS), None)
    if change is None:
        return None
    changed = _object_of(change, "in") or _object_of(change, "of")
    # 'grew from 10 million to 11.62 million, an increase of 1.62 million': 'of' gives the size, not what grew
    return None if changed is None or _numeral(changed) or changed.lower_ in AMOUNT_WORDS else changed


def _changed(change: Token) -> list:
    """What 'an increase' set beside a clause is the increase of: what the clause's verb counts."""
    verb = change
    for _ in range(4):
        if verb.tag_.startswith("VB") or verb.head.i == verb.i:
            break
        verb = verb.head
        if verb.tag_.startswith("JJ"):
            return []  # 'higher than China's population growth of 5.38%': a growth compared, not the clause's
    subject = _subject(verb) if verb.tag_.startswith("VB") else None
    return _grown(verb, change, subject) if subject is not None else []


def _named_amount(verb: Token, amount: Token, noun: str, quantity: tuple = ()) -> str:
    """'I earn more than 3,200 yuan a month' measures monthly earnings, 'Governments spent 1.36 billion yuan on
    heritage protection' their spending on heritage protection: the noun for the verb, who it is of, what for;
    `quantity`, the words that say which amount ('an average of')."""
    subject = _subject(verb)
    phrase = _what_for(verb, amount)
    owner = _before_noun(subject) if subject is not None else []
    what = _up_to_aside(phrase) if phrase is not None else []
    return _phrase(owner, list(quantity), [Word(verb, noun)], what, before=_frequency(verb, amount))


def _what_for(verb: Token, amount: Token) -> Token | None:
    """The verb's first prepositional phrase after the amount that says what for ('on heritage protection', 'to
    public security'), not when or who says so ('in 2023', 'according to customs data')."""
    return next(
        (c for c in verb.children if c.dep_ == "prep" and c.i > amount.i and c.lower_ not in NOT_WHAT and not _when(c)),
        None,
    )


def _frequency(verb: Token, amount: Token) -> str:
    """'monthly' for '4,500 yuan a month' or 'per month', 'annual' for 'every year': how often the amount recurs."""
    for child in [*amount.children, *verb.children]:
        unit = child
        if child.dep_ == "prep" and child.lower_ == "per":
            unit = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child.dep_ != "npadvmod" or not any(
            d.lower_ in ("a", "an", "every", "each", "per") for d in child.children
        ):
            continue
        if _singular(unit.lower_) in FREQUENCIES:
            return FREQUENCIES[_singular(unit.lower_)]
    return ""


def _grown(verb: Token, amount: Token, subject: Token) -> list:
    """What a change is the change of: the object ('received 187.4 million visits, up 13.5 percent'), what the
    object is an amount of ('harvested 5.6 million tonnes of cotton, up 2.4 percent'), else the subject."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i != amount.i and c.tag_.startswith("NN")), None)
    if obj is None or _a_level(verb):  # 'output reached 712,000 tonnes, up 6.8 percent': the output
        return _noun_phrase(subject)
    if obj.lower_ in UNIT_MEASURES | SCALES:
        of = _object_of(obj, "of")
        return _noun_phrase(of) + [Participle(verb)] if of is not None else _noun_phrase(subject)
    return _noun_phrase(obj)


def _verb_of(token: Token) -> tuple[Token | None, Token | None]:
    """The verb a quantity completes, and the word that makes it a change: 'rose 8 percent', 'up 8 percent',
    'grew by 2.5 million' (not 'rose to' or 'down from', which give a level)."""
    change, level = None, False
    while token.head.i != token.i and not token.tag_.startswith(("VB", "MD")):
        if token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.head.tag_.startswith("VB"):
            break
        word = token.head
        # 'dropped to 6.51%', 'down from 45%': the number is a level, not the size of the change
        level = level or (token.dep_ == "pobj" and word.lower_ in ("to", "from", "at"))
        if not level and (word.lower_ in RISING | FALLING and token.dep_ != "pobj" or word.lower_ == "by"):
            change = word
        token = word
    verb = token.head if token.dep_ in ("nsubj", "nsubjpass", "dobj") else token
    if not verb.tag_.startswith(("VB", "MD")) or token.dep_ in ("nsubj", "nsubjpass"):
        return None, None  # no verb, or the quantity is its subject: the verb says nothing of what it measures
    if token.dep_ == "dobj" and verb.lower_ in RISING | FALLING:
        change = verb  # 'the economy grew 6.1 per cent': the parser makes the amount the verb's object
    if change is not None and change.lower_ == "by":
        change = verb if verb.lower_ in RISING | FALLING or _lemma(verb) in CHANGED_BY else None
    return verb, change


def _acted_on(amount: Token) -> list:
    """The verb an amount is the object of, as a participle: 'produced' for 'produces about 6mn tonnes'."""
    verb = amount.head.head if amount.dep_ == "pobj" else amount.head
    if verb.lower_ in HAVING | COPULAS:  # 'India has 64 GW of capacity': having says nothing of it
        return []
    return [Participle(verb)] if amount.dep_ in ("dobj", "pobj") and verb.tag_.startswith("VB") else []


# ---------------------------------------------------------------- phrases


def _subject(verb: Token) -> Token | None:
    """The verb's subject, unless it is a pronoun: its whole clause when it is one ('income of people
    lifted out of poverty reached ...', which the parser may read as a clause)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    # the subject it shares with the verb it depends on: 'GDP reached 1.77 trillion yuan, growing 3.2 percent', a
    # level or a change in 'trade grew by 1.9% and reached $244.8 billion', 'is expected to reach 11.79 million'
    participle = verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG"
    level = verb.dep_ in ("conj", "xcomp") and (_a_level(verb) or verb.lower_ in RISING | FALLING)
    if subject is None and (participle or level) and verb.head.tag_.startswith("VB"):
        return _subject(verb.head)
    if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.tag_.startswith("NN"):
        return verb.head  # 'with exports accounting for 376.4 billion yuan': the noun the participle describes
    if (
        subject is not None
        and subject.tag_ in ("WDT", "WP")
        and verb.dep_ == "relcl"
        and verb.head.tag_ in ("NN", "NNS")
    ):
        return verb.head  # 'the company's U.S. sales, which reached 47 billion won': what 'which' stands for
    if subject is None:
        subject = _after_according_to(verb) or _object_before_clause(verb)
    if subject is None or subject.lower_ in PRONOUNS and _stands_for(subject) is None:
        return None
    return subject


def _after_according_to(verb: Token) -> Token | None:
    """'According to the bureau of X Region, the Uyghur population grew ...': the subject the parser hung on the
    source's name as an appositive, right before the verb."""
    source = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "according" and c.i < verb.i), None)
    if source is None:
        return None
    return next((t for t in source.subtree if t.dep_ == "appos" and t.right_edge.i == verb.i - 1), None)


def _object_before_clause(verb: Token) -> Token | None:
    """'statistics show birth rates in Hotan fell by 60 percent': the subject the parser made the object of the verb
    before the clause."""
    if verb.dep_ != "ccomp" or any(c.dep_ in ("mark", "expl") for c in verb.children):
        return None  # not 'told participants that there are 24,400 mosques'
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    return obj if obj is not None and obj.right_edge.i == verb.i - 1 else None


def _noun_phrase(noun: Token) -> list[Token]:
    """The noun with the words that say which: 'per capita disposable income of rural residents'."""
    if noun.dep_ == "csubj":
        return list(noun.subtree)
    named = _stands_for(noun)
    if named is not None:  # 'that of the secondary industry': the noun 'that' stands for, with its own 'of'
        return _before_noun(named) + _modifiers(noun)
    return [noun] + _modifiers(noun)


def _stands_for(pronoun: Token) -> Token | None:
    """'the added value of the primary industry stood at ...; that of the secondary industry reached ...': the
    noun before it, with an 'of' phrase of its own, that 'that' or 'those' with an 'of' phrase stands for."""
    if pronoun.lower_ not in ("that", "those") or _object_of(pronoun, "of") is None:
        return None
    return next(
        (t for t in reversed(pronoun.doc[: pronoun.i]) if t.tag_ in ("NN", "NNS") and _object_of(t, "of") is not None),
        None,
    )


def _before_noun(noun: Token) -> list[Token]:
    """The noun with the words before it that say which: 'a net loss', 'a Uyghur community'."""
    return [noun] + [t for c in noun.children if c.dep_ in MODIFIERS and c.i < noun.i for t in c.subtree]


def _modifiers(noun: Token) -> list[Token]:
    """The words before a noun that say which, its 'of' phrase, and a short 'in' or 'from' phrase."""
    words = []
    for child in noun.children:
        if child.dep_ in MODIFIERS and child.i < noun.i:
            words += list(child.subtree)
        elif child.dep_ == "prep" and child.i > noun.i:
            phrase = list(child.subtree)
            if child.lower_ in ("of", "between") or (
                child.lower_ in WHICH_PREPOSITIONS and len(phrase) <= MAX_PLACE_WORDS
            ):
                words += phrase
        elif child.dep_ == "compound" and child.i > noun.i:
            words.append(child)
        elif child.dep_ == "acl" and child.i == noun.i + 1 and child.lower_ not in VALUING and _only_phrases(child):
            words += list(child.subtree)  # 'the value added of the secondary industry'
        elif child.dep_ == "conj" and child.i == noun.i + 2 and child.tag_.startswith("NN") and not _counts(child):
            # 'countries and regions': both are counted (not 'countries and 12 regions', which counts again)
            words += [noun.doc[noun.i + 1], child]
    return words


def _up_to_aside(phrase: Token) -> list[Token]:
    """A phrase's words without the appositive or relative clause a comma sets off: 'in Xinjiang' of 'in Xinjiang,
    a region of deserts and mountains'."""
    words = list(phrase.subtree)
    aside = next(
        (
            i
            for i, t in enumerate(words[1:], 1)
            if t.dep_ in ("appos", "relcl") and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","
        ),
        None,
    )
    return words if aside is None else [t for t in words if t.i < words[aside].left_edge.i - 1]


def _only_phrases(verb: Token) -> bool:
    """A participle that takes only a short prepositional phrase: 'added of the secondary industry'."""
    children = list(verb.children)
    return (
        verb.tag_ == "VBN"
        and len(children) == 1
        and children[0].dep_ == "prep"
        and len(list(verb.subtree)) <= MAX_PLACE_WORDS + 1
    )


def _object_of(token: Token, preposition: str, fronted: bool = False) -> Token | None:
    """The object of the token's phrase with that preposition: '40 of those suppliers', '5 tons of cotton'; fronted,
    of the phrase before it: 'these' in 'Of these, 3.9 million were ...'."""
    prep = next(
        (
            c
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == preposition and (c.i < token.i if fronted else c.i > token.i)
        ),
        None,
    )
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _counts(noun: Token) -> bool:
    """A number, or a noun a number counts: 'five', 'five cotton products'."""
    return _numeral(noun) or any(c.dep_ == "nummod" for c in noun.children)


def _numeral(token: Token) -> bool:
    return token.tag_ == "CD" or bool(NUMBERISH.match(token.text))


def _modifies_noun(word: Token) -> bool:
    """A word before a noun that says which ('skills' of 'skills competitions'); not a number or a unit ('20
    percent share'), nor the first part of a hyphenated unit ('person' of 'person-times')."""
    hyphenated = word.i + 1 < len(word.doc) and word.doc[word.i + 1].tag_ == "HYPH"
    unit = word.lower_ in AMOUNT_WORDS
    return (
        not (_numeral(word) or unit or hyphenated)
        and word.dep_ in ("compound", "amod", "nmod")
        and word.i < word.head.i
    )


def _plural_noun(noun: Token, after: Token) -> bool:
    """A plural noun or a people's name after the number: '1,200 ginning and pressing factories', '200,000 ethnic
    Kyrgyz' (not '300 million yen', an amount)."""
    if noun.i < after.i or noun.lower_ in AMOUNT_WORDS:
        return False
    return noun.tag_ in ("NNS", "NNPS") or noun.text in lexicon.demonyms()


def _inside_noun_phrase(amount: Token) -> bool:
    """'a 20 percent share', 'the 5.38 percent growth': an amount between a noun and its article (not '8.4
    percent year on year')."""
    noun = amount.head
    if amount.dep_ not in ("compound", "amod", "nmod") or noun.i < amount.i or noun.lower_ in TIME_WORDS:
        return False
    return any(c.dep_ == "det" and c.i < amount.i for c in noun.children)


def _including(number: Token) -> bool:
    """'1.29 million workers, including 415,400 from southern Xinjiang'."""
    return number.dep_ == "pobj" and number.head.lower_ == "including"


def _acts(number: Token) -> bool:
    """A number that is a verb's subject or object: 'at least 90 had received life sentences'."""
    return number.dep_ in ("nsubj", "nsubjpass", "dobj") and number.head.tag_.startswith("VB")


def _when(phrase: Token) -> bool:
    """'in 2023', 'in the first half of the year': a phrase that says when."""
    objects = [c for c in phrase.children if c.dep_ == "pobj"]
    return any(o.tag_ == "CD" or o.lower_ in TIME_WORDS or o.ent_type_ == "DATE" for o in objects)


class Word:
    """A word a measure says in place of a token ('earnings' for 'earn'), where that token would stand."""

    def __init__(self, token: Token, text: str):
        self.i, self.is_punct, self.tag_, self.lower_, self.whitespace_ = token.i, False, "NN", text, " "
        self.text = text


class Participle:
    """A verb as its past participle, for the things it acted on ('remove 2,131 villages' measures villages
    removed); it stands in a phrase where the verb's token would."""

    def __init__(self, verb: Token):
        self.i, self.is_punct, self.tag_, self.lower_, self.whitespace_ = verb.i, False, "VBN", verb.lower_, " "
        self.text = verb.text if verb.tag_ == "VBN" else participle(verb.lower_, verb.tag_)


def participle(verb: str, tag: str) -> str:
    """'remove' -> 'removed', 'adds' -> 'added', 'holds' -> 'held', 'detaining' -> 'detained' (lemminflect's
    lemma and inflection tables; `tag` is the form's part of speech, which tells 'found' the verb from 'found'
    the past of 'find')."""
    lemma = next(iter(getLemma(verb, upos="VERB")), verb) if tag != "VB" else verb
    return next(iter(getInflection(lemma, tag="VBN")), lemma + "ed")


def _phrase(*groups: list, before: str = "", after: str = "") -> str:
    """The words of each group in text order, the groups in the order given ('shipments' then 'detained under
    the law'), without numbers and possessive marks, without the words at either edge that say how much rather
    than what, at most MAX_WORDS, between `before` and `after` ('share of' ..., ... 'growth')."""
    words = []
    for group in groups:
        kept = {t.i: t for t in group if not (t.is_punct or t.tag_ in ("CD", "POS", "$") or _points_back(t))}
        words += [t for t in sorted(kept.values(), key=lambda t: t.i) if t.lower_ not in SCALES]
    words = [t for t in words if not NUMBERISH.match(t.text)]
    while words and words[0].lower_ in EDGE:
        words = words[1:]
    while words and words[-1].lower_ in EDGE:
        words = words[:-1]
    if not words:
        return ""
    seen, text = set(), []
    for token in words[:MAX_WORDS]:
        if token.i not in seen:
            seen.add(token.i)
            text.append(token.text + _possessive(token))
    if before and " ".join(text).lower().startswith(before.lower()):
        before = ""  # the unit the phrase already names: '14 of them were Japanese companies'
    return " ".join(filter(None, [before, " ".join(text), after]))


def _points_back(token: Token) -> bool:
    """'of them', 'of whom' in '29 of them were in custody': which things, said before; not what is measured."""
    partitive = token if token.lower_ == "of" else getattr(token, "head", token)
    return partitive.lower_ == "of" and any(c.lower_ in ("them", "whom") for c in partitive.children)


def _possessive(token) -> str:
    """The possessive mark the text puts after the word ("'s" of "China's"), else ""."""
    doc = getattr(token, "doc", None)
    after = doc[token.i + 1] if doc is not None and token.i + 1 < len(doc) else None
    return after.text if after is not None and after.tag_ == "POS" else ""


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word
