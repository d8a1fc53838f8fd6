"""Facets that read the counts the build stored, and count the rest in one pass.

A column facet counts the matching rows on every request, one query per column: on a table of hundreds of
thousands of rows that is most of the page's time. metadata.yml configures the big tables' facets as
{"counted": column}. On a page with no filter and no search, whatever its sort or page, they read facet_counts
(written by the build, one row per value of each counted column; the database is immutable, so the answer never
changes). With a filter or a search they count the matching rows as a column facet does, but for all the page's
counted columns in a single query: the matching rows are read once instead of once per facet.

A row's topics are in a join table (quote_topics for quotes), so the topic facet is a facet over that table:
{"through": {"table": "quote_topics", "column": "topic_id"}} counts, for each topic, the page's rows that have it,
the same way (the stored counts for a whole table, the matching rows otherwise). Its links filter with
?_topic_id=camps ("_" and the join table's column), which `through_filter` reads. Not Datasette's ?_through=:
Datasette 0.65 names that filter's parameter as it names a column filter's, so the two together clash.
"""

from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import ColumnFacet, Facet
from datasette.filters import FilterArguments
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

FACET_COUNTS = "facet_counts"
# Query-string arguments that change how a page shows or pages the rows, never which rows match: with no others,
# a page's facets are the whole table's. (Datasette's SQL for a page's facets carries the page's _next clause,
# and so does a sorted first page's, see complete_paging.py: the SQL cannot tell.)
DISPLAY_ONLY = {
    "_sort",
    "_sort_desc",
    "_next",
    "_size",
    "_shape",
    "_labels",
    "_label",
    "_facet",
    "_facet_size",
    "_col",
    "_nocol",
    "_nocount",
    "_nofacet",
    "_nosuggest",
    "_json",
    "_trace",
    "_timelimit",
    "_stream",
    "_dl",
    "_header",
}


class CountedFacet(ColumnFacet):
    type = "counted"

    async def facet_results(self):
        configs = {self._column(config): config for config in self.get_configs()}
        size = self.get_facet_size()
        stored = await _stored_columns(self.ds, self.database, self.table) if _whole_table(self.request) else set()
        try:
            counts = await self._stored_counts([c for c in configs if c in stored], size)
            counts |= await self._matching_counts([c for c in configs if c not in stored], size)
        except QueryInterrupted:
            return [], list(configs)
        results = []
        selected = set(self.get_querystring_pairs())
        for column, source_and_config in configs.items():
            rows = counts.get(column, [])
            labels = await self.ds.expand_foreign_keys(self.database, self.table, column, [v for v, _ in rows])
            results.append(
                {
                    "name": column,
                    "type": self.type,
                    "hideable": source_and_config["source"] != "metadata",
                    "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet": column})),
                    "results": [self._value(column, value, count, labels, selected) for value, count in rows[:size]],
                    "truncated": len(rows) > size,
                }
            )
        return results, []

    @staticmethod
    def _column(source_and_config) -> str:
        config = source_and_config["config"]
        return config.get("column") or config["simple"]

    async def _stored_counts(self, columns: list[str], size: int) -> dict[str, list[tuple]]:
        return {column: await _stored_counts(self.ds, self.database, self.table, column, size) for column in columns}

    async def _matching_counts(self, columns: list[str], size: int) -> dict[str, list[tuple]]:
        """The top size + 1 values of each column among the page's rows, in one query that reads them once."""
        if not columns:
            return {}
        escaped = [escape_sqlite(column) for column in columns]
        per_column = " union all ".join(
            f"select {position} as facet, {column} as value, count(*) as count from matched "
            f"where {column} is not null group by {column}"
            for position, column in enumerate(escaped)
        )
        sql = f"""
            with matched as materialized (select {", ".join(escaped)} from ({self.sql}))
            select facet, value, count from (
                select facet, value, count,
                       row_number() over (partition by facet order by count desc, value) as place
                from ({per_column})
            )
            where place <= {size + 1}
            order by facet, place
        """
        rows = await self.ds.execute(
            self.database, sql, self.params, truncate=False, custom_time_limit=self.ds.setting("facet_time_limit_ms")
        )
        counts = {column: [] for column in columns}
        for facet, value, count in rows:
            counts[columns[facet]].append((value, count))
        return counts

    def _value(self, column, value, count, labels, selected_pairs):
        """One facet value, with the link that adds it to (or removes it from) the page's filters."""
        column_qs = f"{column}__exact" if column.startswith("_") else column
        selected = (column_qs, str(value)) in selected_pairs
        if selected:
            toggle_path = path_with_removed_args(self.request, {column_qs: str(value)})
        else:
            toggle_path = path_with_added_args(self.request, {column_qs: value})
        toggle_path = _without_page_token(toggle_path)
        return {
            "value": value,
            "label": labels.get((column, value), value),
            "count": count,
            "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(toggle_path)),
            "selected": selected,
        }


class ThroughFacet(Facet):
    """How many of the page's rows have each value of a join table's column (each topic of the quotes)."""

    type = "through"

    async def facet_results(self):
        size = self.get_facet_size()
        whole_table = _whole_table(self.request)
        results = []
        for source_and_config in self.get_configs():
            join, column = source_and_config["config"]["table"], source_and_config["config"]["column"]
            try:
                if whole_table and column in await _stored_columns(self.ds, self.database, join):
                    counts = await _stored_counts(self.ds, self.database, join, column, size)
                else:
                    counts = await self._matching_counts(join, column, size)
            except QueryInterrupted:
                return results, [column]
            labels = await self.ds.expand_foreign_keys(self.database, join, column, [v for v, _ in counts])
            results.append(
                {
                    "name": column,
                    "type": self.type,
                    "hideable": source_and_config["source"] != "metadata",
                    "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_through"})),
                    "results": [
                        self._value(column, value, count, labels.get((column, value), value))
                        for value, count in counts[:size]
                    ],
                    "truncated": len(counts) > size,
                }
            )
        return results, []

    async def _matching_counts(self, join: str, column: str, size: int) -> list[tuple]:
        """The top size + 1 values among the join table's rows for the rows of this page."""
        key = await _join_key(self.ds, self.database, join, self.table)
        rows = await self.ds.execute(
            self.database,
            f"select [{column}], count(*) from [{join}] "
            f"where [{key['column']}] in (select [{key['other_column']}] from ({self.sql})) "
            f"group by [{column}] order by count(*) desc, [{column}] limit {size + 1}",
            self.params,
            truncate=False,
            custom_time_limit=self.ds.setting("facet_time_limit_ms"),
        )
        return [tuple(row) for row in rows]

    def _value(self, column: str, value, count: int, label) -> dict:
        argument = "_" + column
        selected = str(value) in self.request.args.getlist(argument)
        if selected:
            toggle_path = path_with_removed_args(self.request, {argument: str(value)})
        else:
            toggle_path = path_with_added_args(self.request, {argument: value})
        return {
            "value": value,
            "label": label,
            "count": count,
            "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(_without_page_token(toggle_path))),
            "selected": selected,
        }


async def _join_key(datasette, database: str, join: str, table: str) -> dict:
    """The foreign key by which a join table names the rows of `table` (quote_topics.quote_id → quotes.id)."""
    keys = await datasette.get_database(database).foreign_keys_for_table(join)
    return next(k for k in keys if k["other_table"] == table)


def _whole_table(request) -> bool:
    """No argument of the request changes which rows match: the page's facets are the whole table's."""
    return all(key in DISPLAY_ONLY for key in request.args)


async def _stored_columns(datasette, database: str, table: str) -> set[str]:
    """The columns of a table whose counts the build stored (a database built by another tool has none)."""
    db = datasette.get_database(database)
    if not await db.table_exists(FACET_COUNTS):
        return set()
    rows = await db.execute(f"select distinct column_name from [{FACET_COUNTS}] where table_name = ?", [table])
    return {row[0] for row in rows}


async def _stored_counts(datasette, database: str, table: str, column: str, size: int) -> list[tuple]:
    rows = await datasette.execute(
        database,
        f"select value, count from [{FACET_COUNTS}] where table_name = ? and column_name = ? "
        "order by count desc, value limit ?",
        [table, column, size + 1],
    )
    return [tuple(row) for row in rows]


def _without_page_token(path: str) -> str:
    """The path without _next: other rows match, listed from the first page, not from this page's token on."""
    base, _, query = path.partition("?")
    kept = [(key, value) for key, value in parse_qsl(query, keep_blank_values=True) if key != "_next"]
    return base + ("?" + urlencode(kept) if kept else "")


@hookimpl
def register_facet_classes():
    return [CountedFacet, ThroughFacet]


@hookimpl
def filters_from_request(request, database, table, datasette):
    """?_topic_id=camps on a table with a through facet on topic_id: the rows its join table links to camps."""

    async def through_filter():
        clauses, params, descriptions = [], {}, []
        for through in _through_configs(datasette, database, table):
            argument, column = "_" + through["column"], through["column"]
            key = await _join_key(datasette, database, through["table"], table)
            for value in request.args.getlist(argument):
                param = f"through_{column}_{len(params)}"
                clauses.append(
                    f"[{key['other_column']}] in (select [{key['column']}] from [{through['table']}] "
                    f"where [{column}] = :{param})"
                )
                params[param] = value
                descriptions.append(f'{through["table"]}.{column} = "{value}"')
        return FilterArguments(clauses, params, descriptions)

    return through_filter


def _through_configs(datasette, database: str, table: str | None) -> list[dict]:
    """The {"table": ..., "column": ...} of each through facet metadata.yml gives the table."""
    facets = (datasette.table_metadata(database, table) or {}).get("facets", []) if table else []
    return [facet["through"] for facet in facets if isinstance(facet, dict) and "through" in facet]
