"""The user guide in each language: its pictures exist and are made by the project's own
script, and it names every command the program has."""

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from desktop.cli import commands
from resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["en", "ru", "kk"]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.images: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "img":
            self.images.append(attrs["src"])
        if tag == "a" and attrs.get("href", "").startswith("#"):
            self.links.append(attrs["href"][1:])


def _guide(language: str = "en") -> Path:
    return resource_path("help", language, "index.html")


def _read(language: str = "en") -> _Reader:
    reader = _Reader()
    reader.feed(_guide(language).read_text(encoding="utf-8"))
    return reader


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_picture_the_guide_shows_is_there_and_every_picture_there_is_shown(language):
    reader = _read(language)
    folder = _guide(language).parent
    assert reader.images
    for src in reader.images:
        assert (folder / src).read_bytes().startswith(b"\x89PNG"), src
    assert {p.name for p in (folder / "images").glob("*.png")} == {Path(src).name for src in reader.images}


@pytest.mark.parametrize("language", LANGUAGES)
def test_sections_have_unique_ids_and_links_inside_the_guide_land_somewhere(language):
    reader = _read(language)
    assert len(reader.ids) == len(set(reader.ids))
    assert set(reader.links) <= set(reader.ids)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_names_every_command_of_the_program(language):
    text = _guide(language).read_text(encoding="utf-8")
    for name in commands.names():
        assert re.search(rf"factsheet\b[^<]*\b{re.escape(name)}\b|<code>{re.escape(name)}</code>", text), name


@pytest.mark.slow
def test_the_screenshot_script_makes_the_guides_pictures(tmp_path):
    result = subprocess.run([sys.executable, "-m", "resources.help.screenshots", "--out", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    made = sorted(p.name for p in tmp_path.glob("*.png"))
    assert made == sorted(Path(src).name for src in _read().images)
    for picture in tmp_path.glob("*.png"):
        assert picture.stat().st_size > 5000, picture.name
