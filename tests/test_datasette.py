"""The published instance: Datasette's test client for the API, a real server on loopback for what users fetch."""

import shutil
import sqlite3
from pathlib import Path

import httpx
import pytest
import yaml
from datasette.app import Datasette

from build import load

from .conftest import ROOT

METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def datasette(seed_db, tmp_path_factory):
    named = tmp_path_factory.mktemp("named") / "xinjiang.db"
    shutil.copy(seed_db, named)
    plugins = ROOT / "plugins"
    return Datasette(
        [str(named)],
        immutables=[],
        metadata=METADATA,
        plugins_dir=str(plugins) if plugins.is_dir() else None,
        settings={"suggest_facets": False},
    )


async def get_json(datasette, path):
    response = await datasette.client.get(path)
    assert response.status_code == 200, (path, response.text[:300])
    return response.json()


def test_metadata_describes_every_table_and_column():
    tables = METADATA["databases"]["xinjiang"]["tables"]
    for table, columns in load.SCHEMA.items():
        assert tables[table].get("description"), table
        assert set(tables[table]["columns"]) == set(columns), table


@pytest.mark.anyio
async def test_quotes_json_shows_speaker_labels(datasette):
    data = await get_json(datasette, "/xinjiang/quotes.json?_shape=objects&_labels=on&kind=direct")
    speakers = [row["speaker_id"] for row in data["rows"] if row["speaker_id"]]
    assert speakers and all(isinstance(s, dict) and s["label"] for s in speakers)


@pytest.mark.anyio
async def test_configured_facets_answer(datasette):
    data = await get_json(datasette, "/xinjiang/quotes.json")
    facets = data["facet_results"]
    assert {"speaker_id", "kind", "outlet_id", "ownership"} <= set(facets)
    kinds = {item["value"] for item in facets["kind"]["results"]}
    assert {"direct", "partial", "transcript", "indirect"} <= kinds


@pytest.mark.anyio
async def test_full_text_search_on_quotes(datasette):
    data = await get_json(datasette, "/xinjiang/quotes.json?_search=genocide&_shape=objects")
    assert data["rows"] and all("genocide" in (r["text"] + r["sentence"]).lower() for r in data["rows"])


@pytest.mark.anyio
async def test_canned_queries_run(datasette):
    for name, query in METADATA["databases"]["xinjiang"]["queries"].items():
        params = "&".join(f"{p}=labour" for p in ("word",) if f":{p}" in query["sql"])
        await get_json(datasette, f"/xinjiang/{name}.json?{params}")


@pytest.mark.anyio
async def test_table_and_column_descriptions_and_licence_are_shown(datasette):
    response = await datasette.client.get("/xinjiang/figures")
    html = response.text
    assert "who claims them" in html
    assert "CC BY 4.0" in html
    assert "What it counts" in html


@pytest.mark.slow
def test_real_server_serves_json_with_cors(server):
    response = httpx.get(server + "/xinjiang/figures.json?_shape=array&unit=percent")
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert all(row["unit"] == "percent" for row in response.json())


@pytest.mark.slow
def test_real_server_offers_the_database_file_for_download(server, seed_db, tmp_path):
    response = httpx.get(server + "/xinjiang.db")
    assert response.status_code == 200
    downloaded = tmp_path / "downloaded.db"
    downloaded.write_bytes(response.content)
    assert downloaded.read_bytes() == Path(seed_db).read_bytes()


@pytest.mark.slow
def test_real_server_has_datasette_vega_installed(server):
    plugins = httpx.get(server + "/-/plugins.json").json()
    assert "datasette-vega" in {p["name"] for p in plugins}
    page = httpx.get(server + "/xinjiang/figures").text
    assert "datasette-vega" in page or "vega" in page.lower()


def test_counted_facets_are_the_columns_the_build_counts():
    tables = METADATA["databases"]["xinjiang"]["tables"]
    for table, columns in load.COUNTED.items():
        facets = tables[table]["facets"]
        assert [facet["counted"] for facet in facets if "counted" in facet] == columns, table


def test_each_topic_facet_reads_a_join_table_the_build_counts():
    tables = METADATA["databases"]["xinjiang"]["tables"]
    for table, (join, _) in load.TOPIC_LINKS.items():
        [through] = [facet["through"] for facet in tables[table]["facets"] if "through" in facet]
        assert through == {"table": join, "column": "topic_id"} and "topic_id" in load.COUNTED[join], table


def topic_counts(page) -> dict:
    return {item["value"]: item["count"] for item in page["facet_results"]["topic_id"]["results"]}


@pytest.mark.anyio
async def test_a_whole_tables_topic_facet_counts_the_rows_about_each_topic(datasette, seed_db):
    page = await get_json(datasette, "/xinjiang/quotes.json")
    with sqlite3.connect(seed_db) as conn:
        expected = dict(conn.execute("select topic_id, count(distinct quote_id) from quote_topics group by 1"))
    assert expected and topic_counts(page) == expected


@pytest.mark.anyio
async def test_a_topic_facets_link_lists_only_the_rows_about_that_topic(datasette, seed_db):
    whole = await get_json(datasette, "/xinjiang/quotes.json?_shape=objects")
    labour = next(v for v in whole["facet_results"]["topic_id"]["results"] if v["value"] == "labour")
    path = labour["toggle_url"].split("localhost", 1)[1]
    filtered = await get_json(datasette, path.replace("/xinjiang/quotes?", "/xinjiang/quotes.json?_size=max&"))
    with sqlite3.connect(seed_db) as conn:
        expected = {r[0] for r in conn.execute("select quote_id from quote_topics where topic_id = 'labour'")}
    assert {row["id"] for row in filtered["rows"]} == expected
    [selected] = [v for v in filtered["facet_results"]["topic_id"]["results"] if v["selected"]]
    assert (selected["value"], selected["count"]) == ("labour", len(expected))
    assert "_topic_id" not in selected["toggle_url"]


@pytest.mark.anyio
async def test_a_searched_page_counts_each_topic_over_the_matching_rows(datasette, seed_db):
    searched = await get_json(datasette, "/xinjiang/quotes.json?_search=Xinjiang")
    with sqlite3.connect(seed_db) as conn:
        expected = dict(
            conn.execute(
                "select topic_id, count(*) from quote_topics where quote_id in (select id from quotes where rowid in "
                "(select rowid from quotes_fts where quotes_fts match 'Xinjiang')) group by topic_id"
            )
        )
    assert expected and topic_counts(searched) == expected


@pytest.mark.anyio
async def test_a_whole_table_facet_reads_the_stored_counts_and_a_filtered_one_counts_rows(datasette):
    whole = await get_json(datasette, "/xinjiang/quotes.json")
    direct = await get_json(datasette, "/xinjiang/quotes.json?kind=direct")
    total = {item["value"]: item["count"] for item in whole["facet_results"]["kind"]["results"]}
    assert sum(total.values()) == whole["filtered_table_rows_count"]
    by_outlet = sum(item["count"] for item in direct["facet_results"]["outlet_id"]["results"])
    assert by_outlet == total["direct"] == direct["filtered_table_rows_count"]


@pytest.mark.anyio
async def test_every_page_of_the_whole_table_shows_the_whole_tables_facets(datasette):
    first = await get_json(datasette, "/xinjiang/quotes.json?_size=5")
    second = await get_json(datasette, first["next_url"].split("localhost", 1)[1])

    def counts(page):
        return {name: [(v["value"], v["count"]) for v in f["results"]] for name, f in page["facet_results"].items()}

    assert counts(second) == counts(first)


@pytest.mark.anyio
async def test_a_facet_link_on_a_later_page_starts_from_the_first(datasette):
    first = await get_json(datasette, "/xinjiang/quotes.json?_size=5")
    second = await get_json(datasette, first["next_url"].split("localhost", 1)[1])
    links = [v["toggle_url"] for f in second["facet_results"].values() for v in f["results"]]
    assert links and not [link for link in links if "_next=" in link]


@pytest.mark.anyio
async def test_a_searched_page_counts_each_facet_over_the_matching_rows(datasette, seed_db):
    searched = await get_json(datasette, "/xinjiang/quotes.json?_search=Xinjiang")
    with sqlite3.connect(seed_db) as conn:
        for column in load.COUNTED["quotes"]:
            expected = dict(
                conn.execute(
                    f"select [{column}], count(*) from quotes where rowid in "
                    "(select rowid from quotes_fts where quotes_fts match 'Xinjiang') "
                    f"and [{column}] is not null group by [{column}]"
                ).fetchall()
            )
            shown = {item["value"]: item["count"] for item in searched["facet_results"][column]["results"]}
            assert shown == expected, column


@pytest.mark.anyio
async def test_a_filtered_facet_marks_its_selected_value(datasette):
    direct = await get_json(datasette, "/xinjiang/quotes.json?kind=direct")
    kinds = {item["value"]: item for item in direct["facet_results"]["kind"]["results"]}
    assert set(kinds) == {"direct"}
    assert kinds["direct"]["selected"] and "kind=direct" not in kinds["direct"]["toggle_url"]


@pytest.mark.anyio
async def test_served_connections_read_the_database_through_a_memory_map(datasette):
    rows = await datasette.get_database("xinjiang").execute("pragma mmap_size")
    assert rows.first()[0] > 0
