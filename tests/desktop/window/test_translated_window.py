"""The window speaks Russian and Kazakh when the system does: every action, menu, form label,
placeholder, tip and dialog checked for English words, in a process started with LANG set as
on a Russian or Kazakh desktop (``window_words`` gathers what a person would read)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_'’.]*(?:[-&][A-Za-z0-9_]+)*")
_TAG = re.compile(r"<[^>]*>")
# Words that stay as they are in every language: the product's and its components' names,
# file formats, keys, codes typed as they are, and the columns of the CSV format (a contract).
ALLOWED = {
    "Fact", "Sheet", "PDF", "P&DF", "Word", "CSV", "JSON", "PNG", "UTF-8", "UTF-16", "Windows-1251", "URL", "Ctrl", "Shift",
    "Z", "Y", "N", "F", "Del", "Return", "Enter", "Esc", "Q4", "Q1", "A4", "Letter", "SQLite", "Qt", "PySide6",
    "UTF-32", "Windows-1252", "KOI8-R", "ISO-8859-5", "CP866", "DOS", "F1", "V",
    "Apache", "MIT", "PSF", "GNU", "LGPL", "Python", "pyqtgraph", "sqlite-utils", "Babel", "BSD", "https", "Trend",
    "Abay", "English", "factsheet", "USD", "million",
    "subject", "counterpart", "indicator", "period_start", "period_end", "value", "unit", "source_title",
    "source_url", "source_published",
}


def _words(language: str, tmp_path: Path) -> dict[str, list[list[str]]]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG=language, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-m", "tests.desktop.window.window_words", str(tmp_path / "t.factsheet")],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def _english(text: str, database: str) -> list[str]:
    plain = _TAG.sub(" ", text.replace(database, " ").replace(Path(database).name, " "))
    return [w for w in _LATIN_WORD.findall(plain) if w.strip(".") not in ALLOWED and not w.endswith(".csv")]


@pytest.mark.slow
@pytest.mark.parametrize("language", ["ru_RU.UTF-8", "kk_KZ.UTF-8"])
def test_no_english_is_left_in_the_window_its_forms_and_dialogs(language, tmp_path):
    words = _words(language, tmp_path)
    assert {"window", "form agreement", "import", "preview", "capture", "help", "import mapping", "before printing",
            "briefings", "deleted records", "restore"} <= set(words)
    database = str(tmp_path / "t.factsheet")
    untranslated = sorted({f"{place} ({where}): {text!r}" for place, found in words.items()
                           for where, text in found if _english(text, database)})
    assert not untranslated, f"English left under {language}:\n" + "\n".join(untranslated)


@pytest.mark.slow
def test_the_walk_sees_english_where_the_system_is_english(tmp_path):
    words = _words("en_GB.UTF-8", tmp_path)
    menus = [text for where, text in words["window"] if where == "menu"]
    assert "&File" in menus and "&Language" in menus  # the check above can fail
