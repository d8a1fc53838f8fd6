"""The article page, /-/article/{article_id}: the normalised text with every extracted row highlighted.

Each quote, figure, mention and term is a <mark> whose id is the row's id, so a row's passage_url
(/-/article/{article_id}#{row_id}) scrolls to its span and CSS :target marks it. Every highlight links to its
row. The page also shows where the text comes from (outlet, ownership, URL, sha256), its topics, and links to
how other outlets frame the same things.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import unquote, urlencode

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

# The name `make serve` gives the database. Datasette loads each plugin file on its own, so each names it.
DATABASE = "xinjiang"
# Outermost first: when two highlights cover exactly the same words, a quote contains a term, which contains a
# figure, which contains a mention.
KINDS = ("quote", "term", "figure", "mention")
TABLES = {"quote": "quotes", "term": "terms", "figure": "figures", "mention": "mentions"}
LEGEND = {
    "quote": "what someone said",
    "term": "a quoted label or slogan",
    "figure": "a number and who claims it",
    "mention": "a person, organisation or government named",
}


@dataclass(frozen=True)
class Highlight:
    """One extracted row's span of the article text."""

    row_id: str
    kind: str
    start: int
    end: int
    href: str
    label: str


def highlight(text: str, highlights: list[Highlight]) -> Markup:
    """The text as HTML, each highlight wrapped in <mark id="{row_id}">, its words linking to its row.

    The text is cut at every highlight boundary and each piece is escaped on its own: source text is never
    parsed as markup. Highlights nest; where two overlap without nesting, the one that opened later is closed
    at the boundary and reopened after it (only its first part carries the id). Words covered by several
    highlights link to the innermost; a highlight left with no words of its own gets a small link of its own.
    """
    valid = [h for h in highlights if 0 <= h.start <= h.end <= len(text)]
    starting = defaultdict(list)
    for h in sorted(valid, key=lambda h: (h.start, -h.end, KINDS.index(h.kind))):
        starting[h.start].append(h)
    boundaries = sorted({0, len(text)} | {h.start for h in valid} | {h.end for h in valid})
    html, stack, linked = [], [], set()
    position = 0
    for boundary in boundaries:
        if boundary > position:
            piece = text[position:boundary]
            if stack:
                html.append(_link(stack[-1], piece))
                linked.add(stack[-1])
            else:
                html.append(escape(piece))
            position = boundary
        _close_ending(boundary, stack, linked, html)
        for h in starting[boundary]:
            html.append(_open(h, first=True))
            if h.start == h.end:
                html.append(_own_link(h) + Markup("</mark>"))
            else:
                stack.append(h)
    return Markup("").join(html)


def _close_ending(boundary: int, stack: list[Highlight], linked: set, html: list) -> None:
    """Close the highlights that end at boundary, reopening any opened inside them that go on."""
    ending = [i for i, h in enumerate(stack) if h.end == boundary]
    if not ending:
        return
    closed = stack[ending[0] :]
    del stack[ending[0] :]
    for h in reversed(closed):
        if h.end == boundary and h not in linked:
            html.append(_own_link(h))
        html.append(Markup("</mark>"))
    for h in closed:
        if h.end != boundary:
            html.append(_open(h, first=False))
            stack.append(h)


def _open(h: Highlight, first: bool) -> Markup:
    if first:
        return Markup('<mark class="hl hl-{}" id="{}">').format(h.kind, h.row_id)
    return Markup('<mark class="hl hl-{} hl-continued">').format(h.kind)


def _link(h: Highlight, piece: str) -> Markup:
    return Markup('<a href="{}" title="{}">{}</a>').format(h.href, h.label, piece)


def _own_link(h: Highlight) -> Markup:
    return Markup('<a class="hl-own-link" href="{}" title="{}">{}</a>').format(h.href, h.label, h.kind)


@hookimpl
def register_routes():
    return [(r"^/-/article/(?P<article_id>[^/]+)$", article_view)]


async def article_view(datasette, request):
    db = datasette.get_database(DATABASE)
    # Datasette matches routes against the raw path, so the id arrives still percent-encoded.
    article_id = unquote(request.url_vars["article_id"])
    found = await db.execute(
        """select articles.*, outlets.name as outlet_name, outlets.owner as outlet_owner,
                  outlets.ownership_source, outlets.country as outlet_country
           from articles join outlets on outlets.id = articles.outlet_id
           where articles.id = :id""",
        {"id": article_id},
    )
    article = found.first()
    if article is None:
        raise NotFound(f"No article {article_id!r}")
    highlights = await _highlights(datasette, db, article_id)
    counts = {kind: sum(h.kind == kind for h in highlights) for kind in KINDS}
    context = {
        "article": dict(article),
        "text": highlight(article["text"], highlights),
        "legend": [
            {
                "kind": kind,
                "meaning": LEGEND[kind],
                "count": counts[kind],
                "href": datasette.urls.table(DATABASE, TABLES[kind]) + "?" + urlencode({"article_id": article_id}),
            }
            for kind in KINDS
        ],
        "topics": await _topics(datasette, db, article_id),
        "compare": await _comparisons(datasette, db, article_id),
        "row_url": datasette.urls.row(DATABASE, "articles", tilde_encode(article_id)),
        "outlet_url": datasette.urls.row(DATABASE, "outlets", tilde_encode(article["outlet_id"])),
    }
    return Response.html(await datasette.render_template("article.html", context, request=request))


async def _highlights(datasette, db, article_id: str) -> list[Highlight]:
    """Every quote, term, figure and mention of the article, with a link to its row and a tooltip."""
    queries = {
        "quote": """select quotes.id, quotes.start, quotes.end,
                           'Quote (' || quotes.kind || ') by ' || coalesce(actors.name, 'an unidentified speaker')
                    from quotes left join actors on actors.id = quotes.speaker_id where article_id = :id""",
        "term": "select id, start, end, 'Term: ' || term from terms where article_id = :id",
        "figure": """select figures.id, figures.start, figures.end,
                            'Figure: ' || figures.text || coalesce(' ' || figures.unit, '')
                            || ', claimed by ' || coalesce(actors.name, 'the outlet')
                     from figures left join actors on actors.id = figures.claimant_id where article_id = :id""",
        "mention": """select mentions.id, mentions.start, mentions.end, 'Mention of ' || actors.name
                      from mentions join actors on actors.id = mentions.actor_id where article_id = :id""",
    }
    highlights = []
    for kind, sql in queries.items():
        for row_id, start, end, label in await db.execute(sql, {"id": article_id}):
            href = datasette.urls.row(DATABASE, TABLES[kind], tilde_encode(row_id))
            highlights.append(Highlight(row_id, kind, start, end, href, f"{label} (open row {row_id})"))
    return highlights


async def _topics(datasette, db, article_id: str) -> list[dict]:
    """The article's topics, each leading to the quotes about it in every outlet, with the words that matched."""
    rows = await db.execute(
        """select topics.id, topics.label, article_topics.matched from article_topics
           join topics on topics.id = article_topics.topic_id
           where article_topics.article_id = :id order by article_topics.hits desc, topics.label""",
        {"id": article_id},
    )
    quotes = datasette.urls.table(DATABASE, "quotes")
    return [
        {"label": label, "matched": matched, "href": quotes + "?" + urlencode({"_topic_id": topic_id})}
        for topic_id, label, matched in rows
    ]


async def _comparisons(datasette, db, article_id: str) -> dict:
    """Links from what this article says to what other outlets say about the same things."""
    queries = datasette.urls.database(DATABASE)
    terms = await db.execute(
        "select term_normalized, count(*) from terms where article_id = :id group by 1 order by 2 desc, 1",
        {"id": article_id},
    )
    units = await db.execute(
        "select unit, count(*) from figures where article_id = :id and unit is not null group by 1 order by 2 desc, 1",
        {"id": article_id},
    )
    speakers = await db.execute(
        """select actors.id, actors.name, count(*) from quotes join actors on actors.id = quotes.speaker_id
           where article_id = :id group by actors.id order by 3 desc, 2""",
        {"id": article_id},
    )
    return {
        "terms": [
            {
                "term": term,
                "count": n,
                "href": f"{queries}/terms_by_ownership?" + urlencode({"word": any_of_its_words(term)}),
            }
            for term, n in terms
        ],
        "units": [
            {"unit": unit, "count": n, "href": f"{queries}/figures_by_claimant?" + urlencode({"subject": unit})}
            for unit, n in units
        ],
        "speakers": [{"id": actor_id, "name": name, "count": n} for actor_id, name, n in speakers],
        "disagree_href": f"{queries}/figures_disagree",
    }


def any_of_its_words(term: str) -> str:
    """A full-text query for labels sharing a word with this one.

    Labels for one thing often share a word ('vocational training centres', 'vocational education centers'),
    so the comparison looks for any of the term's words of four letters or more (all of them if none is).
    """
    words = re.findall(r"\w+", term.lower())
    return " OR ".join([w for w in words if len(w) >= 4] or words)
