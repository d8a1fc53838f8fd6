"""Facets that read the counts the build stored, and count the rest in one pass.

A column facet counts the matching rows on every request, one query per column: on a table of hundreds of
thousands of rows that is most of the page's time. metadata.yml configures the big tables' facets as
{"counted": column}. On a page with no filter and no search, whatever its sort or page, they read facet_counts
(written by the build, one row per value of each counted column; the database is immutable, so the answer never
changes). With a filter or a search they count the matching rows as a column facet does, but for all the page's
counted columns in a single query: the matching rows are read once instead of once per facet.
"""

from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import ColumnFacet
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
        whole_table = all(key in DISPLAY_ONLY for key in self.request.args)
        stored = await self._stored_columns() if whole_table else set()
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

    async def _stored_columns(self) -> set[str]:
        """The columns of this table whose counts the build stored (a database built by another tool has none)."""
        database = self.ds.get_database(self.database)
        if not await database.table_exists(FACET_COUNTS):
            return set()
        rows = await database.execute(
            f"select distinct column_name from [{FACET_COUNTS}] where table_name = ?", [self.table]
        )
        return {row[0] for row in rows}

    async def _stored_counts(self, columns: list[str], size: int) -> dict[str, list[tuple]]:
        counts = {}
        for column in columns:
            rows = await self.ds.execute(
                self.database,
                f"select value, count from [{FACET_COUNTS}] where table_name = ? and column_name = ? "
                "order by count desc, value limit ?",
                [self.table, column, size + 1],
            )
            counts[column] = [tuple(row) for row in rows]
        return counts

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


def _without_page_token(path: str) -> str:
    """The path without _next: other rows match, listed from the first page, not from this page's token on."""
    base, _, query = path.partition("?")
    kept = [(key, value) for key, value in parse_qsl(query, keep_blank_values=True) if key != "_next"]
    return base + ("?" + urlencode(kept) if kept else "")


@hookimpl
def register_facet_classes():
    return [CountedFacet]
