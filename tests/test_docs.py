"""What people pick the dataset up by: the data dictionary, CSV exports, the citation, the licence and the README."""

import csv
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import httpx
import pytest
import sqlite_utils
import yaml
from datasette.app import Datasette

from build import corrections, dictionary, load, sources

from .conftest import ROOT, SOURCES, corrections_example

VENV_BIN = Path(sys.executable).parent


def test_the_committed_data_dictionary_is_rendered_from_the_current_metadata():
    fresh = dictionary.markdown(dictionary.read_metadata())
    assert dictionary.MARKDOWN.read_text(encoding="utf-8") == fresh, "run `make dictionary` and commit the result"


def test_the_data_dictionary_page_is_rendered_from_the_current_metadata():
    fresh = dictionary.page(dictionary.read_metadata())
    assert dictionary.PAGE.read_text(encoding="utf-8") == fresh, "run `make dictionary` and commit the result"


def test_the_data_dictionary_gives_every_column_its_type_and_description():
    metadata = dictionary.read_metadata()
    text = dictionary.markdown(metadata)
    for table, columns in load.SCHEMA.items():
        section = text.split(f"\n## {table}\n", 1)[1].split("\n## ", 1)[0]
        for column in columns:
            description = metadata["databases"]["xinjiang"]["tables"][table]["columns"][column]
            assert f"| `{column}` | {dictionary.SQL_TYPES[columns[column]]}" in section, (table, column)
            assert " ".join(description.split()) in section, (table, column)


def test_the_data_dictionary_shows_which_columns_refer_to_other_tables():
    assert "| `speaker_id` | text → actors.id |" in dictionary.markdown(dictionary.read_metadata())


@pytest.fixture(scope="module")
def datasette(seed_db, tmp_path_factory):
    named = tmp_path_factory.mktemp("docs") / "xinjiang.db"
    shutil.copy(seed_db, named)
    return Datasette([str(named)], metadata=dictionary.read_metadata(), template_dir=str(ROOT / "templates"))


@pytest.mark.anyio
async def test_datasette_serves_the_data_dictionary_as_a_page(datasette):
    response = await datasette.client.get("/data-dictionary")
    assert response.status_code == 200
    assert "<h1>Data dictionary: Xinjiang coverage</h1>" in response.text
    assert '<a href="xinjiang/quotes">quotes</a>' in response.text


@pytest.mark.slow
def test_the_real_server_serves_the_data_dictionary(server):
    response = httpx.get(server + "/data-dictionary")
    assert response.status_code == 200
    assert "Data dictionary" in response.text


def test_make_csv_writes_every_table_with_all_its_rows(seed_db, tmp_path):
    out = tmp_path / "csv"
    subprocess.run(
        ["make", "-s", "csv", f"DB={seed_db}", f"CSV_DIR={out}", f"PYTHON={sys.executable}", f"VENV={VENV_BIN.parent}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    db = sqlite_utils.Database(seed_db)
    tables = set(load.SCHEMA) | {"build_info"}
    assert {p.stem for p in out.glob("*.csv")} == tables
    for table in tables:
        with (out / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            header, *rows = list(csv.reader(handle))
        assert header == list(db[table].columns_dict), table
        assert len(rows) == db[table].count, table


def test_the_citation_file_is_valid_cff():
    result = subprocess.run(
        [str(VENV_BIN / "cffconvert"), "--validate", "-i", str(ROOT / "CITATION.cff")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pyproject_citation_and_changelog_give_the_same_version_and_date():
    with (ROOT / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    released = re.search(
        r"^## \[(\d[^\]]*)\] - (\d{4}-\d{2}-\d{2})$", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.MULTILINE
    )
    assert (citation["version"], str(citation["date-released"])) == (version, released.group(2))
    assert released.group(1) == version


def test_the_readme_starts_with_the_two_commands():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[2:6] == [
        "```sh",
        "make serve    # installs everything, builds xinjiang.db from sources/ and serves it at http://127.0.0.1:8001",
        "make test     # runs the whole test suite (what CI runs)",
        "```",
    ]


@pytest.mark.parametrize("name", ["README.md", "CONTRIBUTING.md", "docs/RELEASING.md", "CHANGELOG.md"])
def test_every_local_link_and_picture_leads_to_a_file(name):
    page = ROOT / name
    targets = re.findall(r"\]\(([^)#:\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8"))
    assert all((page.parent / target).exists() for target in targets), targets


def test_the_contributing_guide_shows_every_kind_of_correction_in_valid_rows(tmp_path):
    (tmp_path / "corrections.csv").write_text(corrections_example("CONTRIBUTING.md"), encoding="utf-8")
    found = sources.load(SOURCES)
    loaded = corrections.load(
        tmp_path / "corrections.csv", {a.id for a in found.articles}, {a.id for a in found.actors}
    )
    assert {c.action for c in loaded} == set(corrections.TABLES)


def test_the_readme_says_to_restart_make_serve_after_make_db():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "start it again after each `make db`" in readme
    assert "restart a running `make serve` to serve the new file" in readme


def test_the_licence_names_the_terms_of_code_data_and_texts():
    licence = " ".join((ROOT / "LICENSE").read_text(encoding="utf-8").split())
    assert "MIT License" in licence
    assert "Creative Commons Attribution 4.0" in licence
    assert "remain the copyright of their publishers" in licence
