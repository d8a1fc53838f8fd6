"""Numbers and example links for the front page (templates/index.html), read from the database itself."""

from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils import tilde_encode

# The name `make serve` gives the database. Datasette loads each plugin file on its own, so each names it.
DATABASE = "xinjiang"

SCOPE = """
select (select count(*) from articles) as articles,
       (select min(published) from articles) as first_published,
       (select max(published) from articles) as last_published,
       (select count(*) from outlets where id in (select outlet_id from articles)) as outlets,
       (select count(*) from quotes) as quotes,
       (select count(*) from figures) as figures,
       (select count(*) from mentions) as mentions,
       (select count(*) from terms) as terms,
       (select count(*) from actors where reviewed = 1) as curated_actors,
       (select count(*) from actors where reviewed = 0) as discovered_actors
"""
ARTICLES_BY_OWNERSHIP = "select ownership, count(*) from articles group by ownership order by 2 desc, 1"
# The most quoted speaker and the article with the most quotes make the examples: they exist in any build.
TOP_SPEAKER = """
select actors.id, actors.name from quotes join actors on actors.id = quotes.speaker_id
group by actors.id order by count(*) desc, actors.name limit 1
"""
EXAMPLE_QUOTE = """
select quotes.id, quotes.article_id from quotes
where article_id = (select article_id from quotes group by article_id order by count(*) desc, article_id limit 1)
order by quotes.speaker_id is null, quotes.start limit 1
"""


@hookimpl
def extra_template_vars(template, datasette):
    if template != "index.html":
        return {}

    async def front_page():
        db = datasette.get_database(DATABASE)
        coverage = {
            "scope": dict((await db.execute(SCOPE)).first()),
            "by_ownership": list(await db.execute(ARTICLES_BY_OWNERSHIP)),
            "top_speaker": None,
            "example_quote": None,
        }
        speaker = (await db.execute(TOP_SPEAKER)).first()
        if speaker:
            quotes_url = datasette.urls.table(DATABASE, "quotes") + "?" + urlencode({"speaker_id": speaker["id"]})
            coverage["top_speaker"] = {"name": speaker["name"], "quotes_url": quotes_url}
        quote = (await db.execute(EXAMPLE_QUOTE)).first()
        if quote:
            row_url = datasette.urls.row(DATABASE, "quotes", tilde_encode(quote["id"]))
            coverage["example_quote"] = {"id": quote["id"], "article_id": quote["article_id"], "row_url": row_url}
        return {"coverage": coverage}

    return front_page
