"""Human labels for column names on table pages and facets: "speaker" for speaker_id, "passage" for passage_url.

Only what a person reads changes: URLs, JSON, CSV and the data-column attributes keep the column names.
"""

from datasette import hookimpl

# Names the general rule (drop an "_id" suffix, spaces for underscores) would not make readable.
LABELS = {"term_normalized": "term (normalised)", "display_title": "title", "passage_url": "passage"}


def column_label(name: str) -> str:
    return LABELS.get(name) or name.removesuffix("_id").replace("_", " ")


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["column_label"] = column_label
