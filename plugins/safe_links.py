"""Links to this site's own pages, and a guard on every link built from data.

Values in the database come from sources we do not control, so a value only becomes a link if it is an
http(s) URL or a path to one of the pages this project serves (/-/article/..., /-/actor/...). Templates use the
filters registered here; table, row and query pages get the same treatment through render_cell.
"""

import re
from urllib.parse import quote

from datasette import hookimpl
from markupsafe import Markup

# A path to one of our pages: no scheme, no "//" host, no quotes or spaces that could leave an attribute.
SITE_LINK = re.compile(r"/-/(?:article/[\w.~%-]+(?P<passage>#[\w-]+)?|(?P<actor>actor)/[\w.~%-]+)")
HTTP_URL = re.compile(r"https?://\S+")


def http_url(value):
    """The value if it is an http(s) URL, else None: never a javascript: or data: link."""
    return value if isinstance(value, str) and HTTP_URL.fullmatch(value) else None


def site_link(value):
    """The value if it is a path to an article or actor page of this site, else None."""
    return value if isinstance(value, str) and SITE_LINK.fullmatch(value) else None


def article_page(article_id, row_id=None):
    """The article page, scrolled to a row's passage when row_id is given."""
    path = "/-/article/" + quote(str(article_id), safe="")
    return path + "#" + quote(str(row_id), safe="") if row_id else path


def actor_page(actor_id):
    return "/-/actor/" + quote(str(actor_id), safe="")


@hookimpl
def prepare_jinja2_environment(env):
    env.filters.update(http_url=http_url, site_link=site_link, article_page=article_page, actor_page=actor_page)


@hookimpl
def render_cell(row, value, column, table):
    """Site links become clickable; article titles and actor names lead to their pages."""
    if site_link(value):
        match = SITE_LINK.fullmatch(value)
        text = "actor page" if match["actor"] else "passage" if match["passage"] else "article page"
        return Markup('<a href="{}">{}</a>').format(value, text)
    if table == "articles" and column == "display_title" and isinstance(value, str):
        return Markup('<a href="{}">{}</a>').format(article_page(row["id"]), value)
    if table == "actors" and column == "name" and isinstance(value, str):
        return Markup('<a href="{}">{}</a>').format(actor_page(row["id"]), value)
    return None
