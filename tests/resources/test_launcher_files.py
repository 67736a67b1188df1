"""The packaged desktop entry and MIME type: valid, and agreeing with each other and the app."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from db.file.migrations import APPLICATION_ID
from desktop import APP_ID, APP_NAME
from desktop.platform.paths import DATABASE_SUFFIX
from resources import resource_path

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(resource_path("factsheet.desktop"), encoding="utf-8")
    return parser["Desktop Entry"]


def _mime_type() -> ET.Element:
    root = ET.parse(resource_path("mime", "factsheet.xml")).getroot()
    assert root.tag == MIME_NS + "mime-info"
    (mime_type,) = root.findall(MIME_NS + "mime-type")
    return mime_type


def test_the_entry_starts_fact_sheet_with_the_file_double_clicked():
    entry = _entry()
    assert entry["Type"] == "Application" and entry["Name"] == APP_NAME
    assert entry["Exec"] == f"{APP_ID} %f" and entry["TryExec"] == APP_ID
    assert entry["Icon"] == APP_ID and entry["Terminal"] == "false"
    assert entry["Categories"].split(";")[0] == "Office"


def test_the_entry_opens_the_file_type_the_mime_package_defines():
    assert _entry()["MimeType"] == _mime_type().get("type") + ";"


def test_the_file_type_is_known_by_suffix_and_by_the_application_id_in_the_header():
    mime_type = _mime_type()
    assert [glob.get("pattern") for glob in mime_type.findall(MIME_NS + "glob")] == ["*" + DATABASE_SUFFIX]
    (sqlite_header,) = mime_type.findall(f"{MIME_NS}magic/{MIME_NS}match")
    assert (sqlite_header.get("offset"), sqlite_header.get("value")) == ("0", "SQLite format 3\\0")
    (application_id,) = sqlite_header.findall(MIME_NS + "match")
    assert application_id.get("type") == "big32" and application_id.get("offset") == "68"
    assert int(application_id.get("value"), 16) == APPLICATION_ID


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (Debian package desktop-file-utils; "
                           "make test installs it when run as root)")
def test_the_packaged_entry_passes_desktop_file_validate():
    result = subprocess.run(["desktop-file-validate", str(resource_path("factsheet.desktop"))],
                            capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


@pytest.mark.skipif(shutil.which("update-mime-database") is None,
                    reason="update-mime-database is not installed (Debian package shared-mime-info)")
def test_update_mime_database_reads_the_package_without_complaint(tmp_path):
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(resource_path("mime", "factsheet.xml"), packages)
    result = subprocess.run(["update-mime-database", str(tmp_path / "mime")], capture_output=True, text=True,
                            timeout=60)
    # It always exits 0 and writes problems as text; the only expected text is the note that
    # a temporary folder is not on the XDG search path.
    problems = [line for line in (result.stdout + result.stderr).splitlines()
                if "error" in line.lower() or "warning" in line.lower() or "unknown" in line.lower()]
    assert result.returncode == 0 and problems == []
    assert (tmp_path / "mime" / "application" / "x-factsheet-database.xml").is_file()
