"""The actor page, /-/actor/{actor_id}: what one person or organisation said and claimed, and where.

Shows the registry facts, the outlets that quote or name the actor with their ownership, every quote and every
figure they claim, each with a link to its passage.
"""

from urllib.parse import unquote, urlencode

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import NotFound, Response

# The name `make serve` gives the database. Datasette loads each plugin file on its own, so each names it.
DATABASE = "xinjiang"

BY_OUTLET = """
select outlets.id, outlets.name, outlets.ownership,
       sum(kind = 'quote') as quotes, sum(kind = 'figure') as figures, sum(kind = 'mention') as mentions
from (
    select 'quote' as kind, articles.outlet_id from quotes join articles on articles.id = quotes.article_id
    where speaker_id = :id
    union all
    select 'figure', articles.outlet_id from figures join articles on articles.id = figures.article_id
    where claimant_id = :id
    union all
    select 'mention', articles.outlet_id from mentions join articles on articles.id = mentions.article_id
    where actor_id = :id
) as used
join outlets on outlets.id = used.outlet_id
group by outlets.id
order by quotes desc, mentions desc, outlets.name
"""
ALIASES = "select alias, kind from actor_aliases where actor_id = :id order by kind, alias"
QUOTES = """
select quotes.id, quotes.article_id, quotes.kind, quotes.text, quotes.attribution, quotes.ownership,
       outlets.name as outlet, articles.display_title, articles.published
from quotes
join articles on articles.id = quotes.article_id
join outlets on outlets.id = articles.outlet_id
where quotes.speaker_id = :id
order by articles.published desc, quotes.article_id, quotes.start
"""
FIGURES = """
select figures.id, figures.article_id, figures.text, figures.unit, figures.qualifier, figures.period,
       figures.ownership, outlets.name as outlet, articles.display_title, articles.published
from figures
join articles on articles.id = figures.article_id
join outlets on outlets.id = articles.outlet_id
where figures.claimant_id = :id
order by figures.unit, figures.value desc
"""


@hookimpl
def register_routes():
    return [(r"^/-/actor/(?P<actor_id>[^/]+)$", actor_view)]


async def actor_view(datasette, request):
    db = datasette.get_database(DATABASE)
    # Datasette matches routes against the raw path, so the id arrives still percent-encoded.
    actor_id = unquote(request.url_vars["actor_id"])
    actor = (await db.execute("select * from actors where id = :id", {"id": actor_id})).first()
    if actor is None:
        raise NotFound(f"No actor {actor_id!r}")
    params = {"id": actor_id}
    quotes_json = datasette.urls.table(DATABASE, "quotes", format="json")
    # Not "actor": Datasette's templates use that name for the signed-in user.
    context = {
        "actor_row": dict(actor),
        "aliases": [dict(row) for row in await db.execute(ALIASES, params)],
        "by_outlet": _with_row_urls(datasette, "outlets", await db.execute(BY_OUTLET, params)),
        "quotes": _with_row_urls(datasette, "quotes", await db.execute(QUOTES, params)),
        "figures": _with_row_urls(datasette, "figures", await db.execute(FIGURES, params)),
        "row_url": datasette.urls.row(DATABASE, "actors", tilde_encode(actor_id)),
        "quotes_json": quotes_json + "?" + urlencode({"speaker_id": actor_id, "_shape": "array"}),
    }
    return Response.html(await datasette.render_template("actor.html", context, request=request))


def _with_row_urls(datasette, table: str, rows) -> list[dict]:
    return [dict(row, row_url=datasette.urls.row(DATABASE, table, tilde_encode(row["id"]))) for row in rows]
