"""Table pages whose `next_url` links return every row exactly once, and a clear error for a bad sort.

Datasette 0.65 orders a sorted table page by the sort column alone on the first page and by the sort column and
then the primary key on every later one (docs/datasette-paging-bug.md). Rows that tie on the sort column come in
whatever order SQLite happens to read them on the first page, so the link to the second page, which starts after
the last row in (sort column, primary key) order, skips some of them and repeats others.

This table view hands Datasette's own keyset code a page token that lies before the first row, so the first page
is ordered exactly as the following ones: by the sort column, then the primary key. Everything else (filters,
search, facets, labels, the next link itself) is Datasette's. A sort that is not a sortable column, or a page
token that is not one of this table's, is refused with a 400 that says why, instead of Datasette's 500.
"""

import math

from datasette import hookimpl
from datasette.utils import escape_sqlite, tilde_decode, tilde_encode, urlsafe_components
from datasette.utils.asgi import BadRequest
from datasette.views.table import TableView

# Datasette's own table route; "/-/..." paths are its special pages, not tables.
TABLE_ROUTE = r"/(?!-/)(?P<database>[^\/\.]+)/(?P<table>[^\/\.]+)(\.(?P<format>\w+))?$"
# What Datasette's keyset code reads as "the sort value is null".
NULL = "$null"


class CompletePagingTableView(TableView):
    async def data(self, request, default_labels=False, _next=None, _size=None):
        page = await self._paged_table(request)
        if page is not None:
            _next = _next or request.args.get("_next")
            if _next:
                _check_token(_next, page)
            else:
                _next = await _before_first_row(page)
        return await super().data(request, default_labels, _next, _size)

    async def _paged_table(self, request) -> dict | None:
        """The table, its primary keys and its sort, for a table page (None for a view or a canned query)."""
        db = self.ds.get_database(route=tilde_decode(request.url_vars["database"]))
        table = tilde_decode(request.url_vars["table"])
        if await self.ds.get_canned_query(db.name, table, request.actor) or not await db.table_exists(table):
            return None
        pks = await db.primary_keys(table)
        sort, sort_desc = request.args.get("_sort"), request.args.get("_sort_desc")
        if not sort and not sort_desc:
            metadata = self.ds.table_metadata(db.name, table)
            sort, sort_desc = metadata.get("sort"), metadata.get("sort_desc")
        if sort and sort_desc:
            raise BadRequest("Use _sort or _sort_desc, not both: a page has one sort order")
        column = sort or sort_desc
        if column:
            sortable = await self.sortable_columns_for_table(db.name, table, use_rowid=not pks)
            if column not in sortable:
                raise BadRequest(
                    f"Cannot sort {table} by {column!r}: not one of its columns ({', '.join(sorted(sortable))})"
                )
        return {"db": db, "table": table, "keys": pks or ["rowid"], "column": column, "descending": bool(sort_desc)}


def _check_token(token: str, page: dict) -> None:
    """A _next token from another table or sort would make Datasette write broken SQL: refuse it."""
    expected = len(page["keys"]) + (1 if page["column"] else 0)
    if len(urlsafe_components(token)) != expected:
        raise BadRequest(
            f"_next={token!r} is not a page of {page['table']} in this order: follow next_url, or leave _next out "
            "for the first page"
        )


async def _before_first_row(page: dict) -> str | None:
    """A page token that every row of the table comes after, in (sort column, primary key) order."""
    if not page["column"]:
        return None  # Datasette orders an unsorted page by the primary key on every page.
    keys = await _below_every_key(page)
    if keys is None:
        return None  # an empty table has one page
    if not page["descending"]:
        # Nulls sort first; "null, then any key after the bound" is every row.
        return ",".join([NULL, *keys])
    highest = await _single(page, f"select max({escape_sqlite(page['column'])}) from {escape_sqlite(page['table'])}")
    if highest is None:
        return ",".join([NULL, *keys])  # every value is null
    if isinstance(highest, bytes):
        raise BadRequest(f"Cannot page {page['table']} sorted by {page['column']!r}: it holds binary values")
    if isinstance(highest, int | float):
        # A whole number above the highest value: every value is below it (text parameters compare as numbers
        # against a numeric column).
        return ",".join([str(math.floor(highest) + 1), *keys])
    # Rows equal to the highest value come after the key bound.
    return ",".join([tilde_encode(highest), *keys])


async def _below_every_key(page: dict) -> list[str] | None:
    """Values for the primary key columns that every row's key is greater than, or None if there is no row."""
    first = escape_sqlite(page["keys"][0])
    lowest = await _single(page, f"select min({first}) from {escape_sqlite(page['table'])}")
    if lowest is None:
        return None
    if isinstance(lowest, int | float):
        bound = str(math.floor(lowest) - 1)
    elif isinstance(lowest, str) and lowest:
        bound = ""  # the empty text is below any other text
    else:
        raise BadRequest(f"Cannot page {page['table']}: its primary key {page['keys'][0]!r} has an empty value")
    # The first column decides: every row is above its bound, so the others are never compared.
    return [tilde_encode(bound)] + [""] * (len(page["keys"]) - 1)


async def _single(page: dict, sql: str):
    return (await page["db"].execute(sql)).single_value()


@hookimpl
def register_routes(datasette):
    return [(TABLE_ROUTE, CompletePagingTableView.as_view(datasette))]
