"""What a search box means: the words typed and their inflections, never an error.

The full-text indexes keep words as written (SQLite FTS5's unicode61 tokenizer: case and accents folded, no
stemming), so a search never matches a different word that shares a stem, as internment and international do
under the Porter stemmer. Instead a typed word is looked for in all its inflections, which lemminflect
(a dictionary of English lemmas and their forms) lists: camp finds camp, camps, camped, camping; detained finds
detain, detains, detained, detaining; a name it lacks is a noun with a plural (Uyghurs finds Uyghur).

`search_query` turns whatever a person types into a valid FTS5 query, so no input is an SQL or FTS error:

- words: each must appear, in any of its inflections (`forced labour`);
- "quoted words": those words, together and in that order, exactly as typed (`"forced labour"`);
- `OR` (or `or`) and commas separate alternatives: rows matching any (`camps, centres` = `camps OR centres`);
- a word ending in `*`: any word starting with it (`camp*` also finds campaign);
- hyphens and apostrophes inside a word join its parts into a phrase (re-education, Xinjiang's); any other
  punctuation separates words.

It is registered as the SQL function search_query() for the canned queries, and as escape_fts(), the function
Datasette passes a table page's ?_search= through, so table search means the same. A table without a
full-text index answers ?_search= with an error that says so rather than ignoring it, and an empty search box
means no search (Datasette would search for nothing, or fail).
"""

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.utils.asgi import BadRequest
from lemminflect import getAllInflections, getAllInflectionsOOV, getAllLemmas, getAllLemmasOOV

# What the search box of a table page accepts (the comparison pages say it in their descriptions).
HELP = (
    "Words must all appear, each in any of its forms (camp also finds camps); put words in double quotes to find "
    "them exactly, together and in that order; OR or a comma separates alternatives; end a word with * to find "
    "every word that starts with it."
)
# A query that matches no row: what punctuation alone, or nothing, asks for.
NOTHING = '""'
# A word as FTS5's unicode61 tokenizer sees one (letters and digits), with hyphens or apostrophes inside it.
WORD = r"[^\W_]+(?:['’‘\-][^\W_]+)*\*?"
PART = re.compile(r"[^\W_]+")
ITEM = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<word>' + WORD + ")")
ALTERNATIVES = re.compile(r",|\b(?i:or)\b")
# Inflections are only looked up for words of letters: numbers and codes are matched as written.
LETTERS = re.compile(r"[^\W\d_]+")


def search_query(text) -> str:
    """The FTS5 query for what someone typed in a search box (see the module's docstring)."""
    text = str(text or "").replace("“", '"').replace("”", '"')
    alternatives = [_alternative(part) for part in _split_alternatives(text)]
    alternatives = [a for a in alternatives if a]
    if not alternatives:
        return NOTHING
    return " OR ".join(f"({a})" for a in alternatives) if len(alternatives) > 1 else alternatives[0]


def _split_alternatives(text: str) -> list[str]:
    """The text cut at commas and ORs that stand outside double quotes."""
    pieces, current = [], []
    for i, chunk in enumerate(text.split('"')):
        if i % 2:
            current.append(f'"{chunk}"')
            continue
        first, *rest = ALTERNATIVES.split(chunk)
        current.append(first)
        for piece in rest:
            pieces.append("".join(current))
            current = [piece]
    pieces.append("".join(current))
    return pieces


def _alternative(text: str) -> str:
    """Every item of one alternative must match (FTS5 needs an explicit AND next to a parenthesis)."""
    items = []
    for match in ITEM.finditer(text):
        if match["phrase"] is not None:
            parts = PART.findall(match["phrase"])
            if parts:
                items.append(_phrase(parts))
        else:
            items.append(_word(match["word"]))
    return " AND ".join(items)


def _word(word: str) -> str:
    parts = PART.findall(word)
    if word.endswith("*"):
        return _phrase(parts) + "*"
    # An inflection changes the end of a word: re-education, re-educations; the possessive 's stays as typed.
    *head, last = parts
    if len(last) == 1:
        return _phrase(parts)
    forms = sorted(inflections(last.lower()))
    if len(forms) == 1:
        return _phrase([*head, forms[0]])
    return "(" + " OR ".join(_phrase([*head, form]) for form in forms) + ")"


def _phrase(parts: list[str]) -> str:
    """An FTS5 string: double quotes around it (and doubled inside) make any text a phrase, never syntax."""
    return '"' + " ".join(part.replace('"', '""') for part in parts) + '"'


@lru_cache(maxsize=4096)
def inflections(word: str) -> frozenset[str]:
    """The word and every form of each lemma it can be a form of (camps → camp, camps, camped, camping).

    A word of letters lemminflect's dictionary lacks (a name: Uyghurs) is taken for a noun with a regular plural
    (Uyghur, Uyghurs); a number or a code stands for itself only."""
    forms = {word}
    if not LETTERS.fullmatch(word):
        return frozenset(forms)
    lemmas, inflect = getAllLemmas(word), getAllInflections
    if not lemmas:
        lemmas, inflect = getAllLemmasOOV(word, upos="NOUN"), getAllInflectionsOOV
    for pos, found in lemmas.items():
        for lemma in found:
            forms.add(lemma)
            for inflected in inflect(lemma, upos=pos).values():
                forms.update(inflected)
    return frozenset(form.lower() for form in forms)


@hookimpl(trylast=True)
def prepare_connection(conn):
    # trylast: Datasette registers its own escape_fts on every connection; this one must come after it.
    conn.create_function("search_query", 1, search_query, deterministic=True)
    conn.create_function("escape_fts", 1, search_query, deterministic=True)


@hookimpl
def filters_from_request(request, database, table, datasette):
    async def refuse_search_without_index():
        if not any(key.startswith("_search") and key != "_searchmode" for key in request.args):
            return None
        db = datasette.get_database(database)
        if await db.fts_table(table) or datasette.table_metadata(database, table).get("fts_table"):
            return None
        hidden = set(await db.hidden_table_names())
        searchable = [t for t in await db.table_names() if t not in hidden and await db.fts_table(t)]
        raise BadRequest(
            f"{table} has no full-text index, so it cannot be searched: search "
            f"{', '.join(sorted(searchable)) or 'no table of this database'} instead, or filter by a column"
        )

    return refuse_search_without_index


@hookimpl
def extra_template_vars(template):
    return {"search_help": HELP} if template == "table.html" else {}


@hookimpl
def asgi_wrapper():
    def wrap(app):
        async def without_empty_searches(scope, receive, send):
            if scope.get("type") == "http" and scope.get("query_string"):
                pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
                kept = [(key, value) for key, value in pairs if not (key.startswith("_search") and not value.strip())]
                if len(kept) < len(pairs):
                    scope = dict(scope, query_string=urlencode(kept).encode("latin-1"))
            await app(scope, receive, send)

        return without_empty_searches

    return wrap
