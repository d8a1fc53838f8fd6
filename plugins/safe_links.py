"""Links to this site's own pages, and a guard on every link built from data.

Every link to an article or actor page is built by `site_page`: each part percent-encoded, through
datasette.urls so that a base_url setting applies. Values in the database come from sources we do not control,
so a stored value only becomes a link if it is an http(s) URL or a path to one of the pages this project serves
(/-/article/..., /-/actor/...). Templates use the filters registered here; table, row and query pages get the same
treatment through render_cell, which also makes the ids on a row page (article_id, speaker_id, claimant_id,
actor_id, outlet_id) lead to their pages, with the name behind each.
"""

import re
from urllib.parse import quote

from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup

# A path to one of our pages: no scheme, no "//" host, no quotes or spaces that could leave an attribute.
SITE_LINK = re.compile(r"/-/(?:article/[\w.~%-]+(?P<passage>#[\w.~%-]+)?|(?P<actor>actor)/[\w.~%-]+)")
HTTP_URL = re.compile(r"https?://\S+")
# Rows with a page of their own beyond Datasette's row page: an id naming one links there.
OWN_PAGES = {"articles": "article", "actors": "actor"}


def site_page(datasette, kind: str, page_id, row_id=None) -> str:
    """The URL of the article or actor page (kind "article" or "actor") of an id, scrolled to a row's passage
    when row_id is given."""
    url = datasette.urls.path(f"/-/{kind}/" + quote(str(page_id), safe=""))
    return url + "#" + quote(str(row_id), safe="") if row_id else url


def http_url(value):
    """The value if it is an http(s) URL, else None: never a javascript: or data: link."""
    return value if isinstance(value, str) and HTTP_URL.fullmatch(value) else None


def site_link(value):
    """The value if it is a path to an article or actor page of this site, else None."""
    return value if isinstance(value, str) and SITE_LINK.fullmatch(value) else None


@hookimpl
def prepare_jinja2_environment(env, datasette):
    env.filters.update(
        http_url=http_url,
        site_link=lambda value: site_link(value) and datasette.urls.path(value),
        article_page=lambda article_id, row_id=None: site_page(datasette, "article", article_id, row_id),
        actor_page=lambda actor_id: site_page(datasette, "actor", actor_id),
    )


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Site links become clickable; article titles, actor names and ids of other rows lead to their pages."""
    if site_link(value):
        match = SITE_LINK.fullmatch(value)
        text = "actor page" if match["actor"] else "passage" if match["passage"] else "article page"
        return Markup('<a href="{}">{}</a>').format(datasette.urls.path(value), text)
    if table == "articles" and column == "display_title" and isinstance(value, str):
        return Markup('<a href="{}">{}</a>').format(site_page(datasette, "article", row["id"]), value)
    if table == "actors" and column == "name" and isinstance(value, str):
        return Markup('<a href="{}">{}</a>').format(site_page(datasette, "actor", row["id"]), value)
    if isinstance(value, str) and column.endswith("_id"):
        # A row page shows ids as stored (table pages have already replaced them by labelled links).
        return _referenced_row_link(datasette, database, table, column, value)
    return None


def _referenced_row_link(datasette, database: str, table: str, column: str, value: str):
    async def link():
        keys = await datasette.get_database(database).foreign_keys_for_table(table)
        other = next((key["other_table"] for key in keys if key["column"] == column), None)
        if other is None:
            return None
        label = (await datasette.expand_foreign_keys(database, table, column, [value])).get((column, value), value)
        if other in OWN_PAGES:
            href = site_page(datasette, OWN_PAGES[other], value)
        else:
            href = datasette.urls.row(database, other, tilde_encode(value))
        return Markup('<a href="{}">{}</a> <em>{}</em>').format(href, label, value)

    return link
