"""Read the published database through a memory map.

The file is served immutable, so SQLite may map it into memory instead of copying every page it reads into each
connection's small page cache. Queries that read tens of thousands of rows (a search for a common word, with its
count and facets) take about two thirds of the time. The map costs address space, not memory: its pages are the
operating system's file cache, shared by every connection. SQLite caps the map at its compiled limit (2 GB by
default) and reads any rest of a larger file as before.
"""

from datasette import hookimpl

MAP_BYTES = 2 * 1024**3


@hookimpl
def prepare_connection(conn):
    conn.execute(f"pragma mmap_size = {MAP_BYTES}")
