"""Facets that read the counts the build stored, when a page shows a whole table.

A column facet counts the matching rows on every request: on a table of hundreds of thousands of rows that is
most of the page's time, and the answer never changes (the database is immutable). metadata.yml configures the
big tables' facets as {"counted": column}: on a page with no filter and no search they read facet_counts (written
by the build, one row per value of each counted column); with a filter or a search they count the matching rows
as a column facet does.
"""

from datasette import hookimpl
from datasette.facets import ColumnFacet
from datasette.utils import path_with_added_args, path_with_removed_args

FACET_COUNTS = "facet_counts"


class CountedFacet(ColumnFacet):
    type = "counted"

    async def facet_results(self):
        if self.params or " where " in self.sql.lower() or not await self._counted():
            return await super().facet_results()
        results = []
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            rows = list(
                await self.ds.execute(
                    self.database,
                    f"select value, count from [{FACET_COUNTS}] where table_name = ? and column_name = ? "
                    "order by count desc, value limit ?",
                    [self.table, column, size + 1],
                )
            )
            labels = await self.ds.expand_foreign_keys(self.database, self.table, column, [r["value"] for r in rows])
            results.append(
                {
                    "name": column,
                    "type": self.type,
                    "hideable": source_and_config["source"] != "metadata",
                    "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet": column})),
                    "results": [self._value(column, row, labels) for row in rows[:size]],
                    "truncated": len(rows) > size,
                }
            )
        return results, []

    def _value(self, column, row, labels):
        """One facet value, linking to the table filtered on it (no filter is selected on a whole table)."""
        column_qs = f"{column}__exact" if column.startswith("_") else column
        return {
            "value": row["value"],
            "label": labels.get((column, row["value"]), row["value"]),
            "count": row["count"],
            "toggle_url": self.ds.absolute_url(
                self.request, self.ds.urls.path(path_with_added_args(self.request, {column_qs: row["value"]}))
            ),
            "selected": False,
        }

    async def _counted(self) -> bool:
        """Whether this database holds the counts (a database built by another tool may not)."""
        return await self.ds.get_database(self.database).table_exists(FACET_COUNTS)


@hookimpl
def register_facet_classes():
    return [CountedFacet]
