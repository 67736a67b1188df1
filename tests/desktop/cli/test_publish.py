"""``factsheet publish``: the folder it writes is served by Datasette as a browsable site."""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from desktop.app import main


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


@pytest.fixture
def served(seeded_path, tmp_path, capsys):
    """The seed published with ``factsheet publish`` and served by Datasette on a free local port."""
    pytest.importorskip("datasette", reason="Datasette is a test tool: pip install -e '.[test]'")
    folder = tmp_path / "site"
    assert main(["publish", "--db", str(seeded_path), "-o", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "Published 31 records from seed.factsheet" in err
    port = _free_port()
    log = (tmp_path / "datasette.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(folder / "facts.db"),
                               "-m", str(folder / "metadata.json"), "-h", "127.0.0.1", "-p", str(port)],
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                _get(base + "/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None or time.monotonic() > deadline:
                    log.close()
                    pytest.fail("Datasette did not start: " + (tmp_path / "datasette.log").read_text()[-2000:])
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.mark.slow
def test_datasette_serves_the_published_parties_with_names_and_search(served):
    parties = _get(served + "/facts/parties.json?_shape=array")
    names = {p["name_en"] for p in parties}
    assert {"Abai region", "Omsk region", "Russian Federation", "Kazakhstan"} <= names
    positions = _get(served + "/facts/positions.json?_shape=array&_labels=on")
    assert {"value": 1, "label": "Berik Uali"} in [p["person_id"] for p in positions]
    found = _get(served + "/facts/agreements.json?_shape=array&_search=irtysh")
    assert [a["title"] for a in found] == ["Protocol on the joint use and development of the Irtysh River"]


@pytest.mark.slow
def test_datasette_answers_the_canned_queries(served):
    officials = _get(served + "/facts/officials_in_office.json?_shape=array")
    assert {o["person"] for o in officials} == {"Berik Uali", "Andrei Shpilenko", "Vitaly Khotsenko"}
    figures = _get(served + "/facts/latest_figures.json?_shape=array")
    assert {f["indicator"] for f in figures} >= {"exports", "imports", "turnover", "investment_inflow"}
    described = _get(served + "/-/metadata.json")
    assert described["databases"]["facts"]["queries"]["agreements_in_force"]["title"] == "Agreements in force"


def test_publishing_into_a_folder_of_other_files_is_one_sentence_and_writes_nothing(seeded_path, tmp_path, capsys):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    assert main(["publish", "--db", str(seeded_path), "-o", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"factsheet: The folder {folder} already holds other files and is not an earlier publish")
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_publishing_a_file_that_is_not_a_database_is_one_sentence(tmp_path, capsys):
    bad = tmp_path / "notes.factsheet"
    bad.write_text("not a database")
    assert main(["publish", "--db", str(bad), "-o", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("factsheet: ") and err.count("\n") == 1
    assert not (tmp_path / "site").exists()


def test_the_datasette_command_line_the_readme_gives_is_the_one_printed(seeded_path, tmp_path, capsys):
    folder = tmp_path / "site"
    assert main(["publish", "--db", str(seeded_path), "-o", str(folder)]) == 0
    err = capsys.readouterr().err
    assert f"datasette {folder / 'facts.db'} -m {folder / 'metadata.json'}" in err
