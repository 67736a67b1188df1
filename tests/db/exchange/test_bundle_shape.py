"""What a file must look like to be read as a bundle: versions, depth and numbers, refused with
a sentence by the real command, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from db.errors import FactSheetError
from db.exchange.imports import ImportRejected, import_file


def _write(tmp_path, text: str):
    path = tmp_path / "bundle.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("version", [0, -1, 3, 99])
def test_versions_no_fact_sheet_wrote_are_refused(empty_db, tmp_path, version):
    path = _write(tmp_path, json.dumps({"format": "factsheet-bundle", "version": version, "records": {}}))
    with pytest.raises(FactSheetError, match="version"):
        import_file(empty_db, path)


def test_a_bundle_without_a_version_is_refused(empty_db, tmp_path):
    path = _write(tmp_path, json.dumps({"format": "factsheet-bundle", "records": {}}))
    with pytest.raises(FactSheetError, match="does not say which version"):
        import_file(empty_db, path)


def test_nesting_deeper_than_a_bundle_is_refused(empty_db, tmp_path):
    deep = {"format": "factsheet-bundle", "version": 1,
            "records": {"sources": [{"ref": "s", "title": json.loads("[" * 50 + "]" * 50)}]}}
    path = _write(tmp_path, json.dumps(deep))
    with pytest.raises(FactSheetError, match="nested deeper than any Fact Sheet bundle"):
        import_file(empty_db, path)


def test_a_number_too_large_for_a_figure_is_a_problem_in_words(empty_db, tmp_path):
    path = _write(tmp_path, json.dumps({"format": "factsheet-bundle", "version": 1, "records": {
        "sources": [{"ref": "s", "title": "T"}], "parties": [{"ref": "p", "kind": "country", "name_en": "X"}],
        "indicators": [{"ref": "i", "subject_id": "p", "indicator": "exports", "period_start": "2024-01-01",
                        "period_end": "2024-12-31", "value": 10 ** 400, "unit": "USD", "sources": [{"ref": "s"}]}]}}))
    with pytest.raises(ImportRejected) as caught:
        import_file(empty_db, path)
    assert caught.value.problems == ["indicators “i”: value: 'a number of 401 digits' is too large a number."]


def _import(tmp_path, text: str) -> subprocess.CompletedProcess:
    path = _write(tmp_path, text)
    return subprocess.run([sys.executable, "-m", "desktop", "import", "--db", str(tmp_path / "x.factsheet"),
                           str(path)], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


@pytest.mark.slow
@pytest.mark.parametrize(("text", "sentence"), [
    ('{"format": "factsheet-bundle", "version": 1, "records": {"sources": [{"ref": "s", "title": '
     + "[" * 100_000 + "]" * 100_000 + "}]}}",
     "factsheet: “bundle.json” is not a Fact Sheet bundle: it is nested far deeper than any bundle is."),
    ('{"format": "factsheet-bundle", "version": 1, "records": {"sources": [{"ref": "s", "title": '
     + "9" * 5000 + "}]}}",
     "factsheet: “bundle.json” is not a Fact Sheet bundle: it holds a number with thousands of digits."),
])
def test_the_command_refuses_hostile_json_in_one_sentence(tmp_path, text, sentence):
    result = _import(tmp_path, text)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == sentence
    assert not (tmp_path / "x.factsheet").exists()
