"""The data dictionary, rendered from metadata.yml (and column types from build/load.py) so they never disagree.

`python -m build.dictionary` (or `make dictionary`) writes docs/data-dictionary.md for the repository and
templates/pages/data-dictionary.html, the same text as a Datasette page at /data-dictionary. Datasette gives
custom pages no access to metadata, hence a rendered page; tests/test_docs.py checks both files are fresh.
"""

from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from . import load

ROOT = Path(__file__).resolve().parent.parent
METADATA = ROOT / "metadata.yml"
MARKDOWN = ROOT / "docs" / "data-dictionary.md"
PAGE = ROOT / "templates" / "pages" / "data-dictionary.html"
DATABASE = "xinjiang"
SQL_TYPES = {str: "text", int: "integer", float: "real"}


def markdown(metadata: dict, table_link: str = "#{}") -> str:
    """The dictionary as Markdown: every table with its description and columns, then the canned queries.
    `table_link` is where a table's name in the summary leads, with {} for the name."""
    database = metadata["databases"][DATABASE]
    tables = database["tables"]
    out = [
        f"# Data dictionary: {metadata['title']}",
        "",
        "<!-- Rendered from metadata.yml by `make dictionary`: edit metadata.yml, not this file. -->",
        "",
        database["description"],
        "",
        f"**Licence**: {metadata['license']} (<{metadata['license_url']}>). **Source**: {metadata['source']}.",
        "",
        "| table | what it holds |",
        "| --- | --- |",
        *(f"| [{name}]({table_link.format(name)}) | {_cell(_description(table))} |" for name, table in tables.items()),
    ]
    out += ["", "Each column is listed with its SQLite type; → marks a reference to another table's key."]
    for name, table in tables.items():
        out += ["", f"## {name}", "", _description(table), ""]
        links = {column: f"{target}.{key}" for column, target, key in load.FOREIGN_KEYS.get(name, [])}
        types = load.SCHEMA.get(name, {})
        out += ["| column | type | description |", "| --- | --- | --- |"]
        for column, description in table["columns"].items():
            kind = SQL_TYPES.get(types.get(column), "")
            if column in links:
                kind += f" → {links[column]}"
            out.append(f"| `{column}` | {kind} | {_cell(description)} |")
    out += ["", "## Canned queries", ""]
    for name, query in database.get("queries", {}).items():
        out += [f"### {name}: {query['title']}", "", _description(query), "", "```sql", query["sql"], "```", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def page(metadata: dict) -> str:
    """The same dictionary as a Datasette custom page (a Jinja template that extends Datasette's base.html), its
    summary linking to the tables themselves (relative links, which hold under any base_url)."""
    body = MarkdownIt("commonmark").enable("table").render(markdown(metadata, table_link=f"{DATABASE}/{{}}"))
    # {% raw %} keeps Jinja from reading "{{" or "{%" that a description or a query might contain.
    return (
        '{% extends "base.html" %}\n'
        "{% block title %}Data dictionary{% endblock %}\n"
        "{% block content %}{% raw %}\n"
        f"{body}"
        "{% endraw %}{% endblock %}\n"
    )


def read_metadata(path: Path = METADATA) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _description(item: dict) -> str:
    """A table's or query's description: metadata.yml gives it as text or as HTML (which Markdown keeps)."""
    return item.get("description") or item.get("description_html", "")


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, with its pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def main() -> None:
    metadata = read_metadata()
    for path, text in ((MARKDOWN, markdown(metadata)), (PAGE, page(metadata))):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
