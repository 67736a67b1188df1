"""Nothing the command line prints from data drives the terminal: escape sequences, bells and
DEL in a file, a database or an argument are printed as ``\\x1b``, run as real processes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from tests.db.exchange.test_indicator_csv import GOOD, HEADER

HOSTILE = "Evil \x1b]0;pwned\x07 \x1b[2J region\x7f"
SHOWN = "Evil \\x1b]0;pwned\\x07 \\x1b[2J region\\x7f"
RAW = (b"\x1b", b"\x07", b"\x7f")


def _factsheet(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, timeout=120,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


def _assert_safe(data: bytes) -> None:
    assert not any(raw in data for raw in RAW), data


@pytest.mark.slow
def test_the_import_report_shows_control_characters_in_names(seeded_path, tmp_path):
    figures = tmp_path / "figures.csv"
    figures.write_text(HEADER + "\n" + GOOD.replace("Abai region", HOSTILE) + "\n", encoding="utf-8")
    result = _factsheet("import", "--db", str(seeded_path), str(figures))
    assert result.returncode == 0, result.stderr
    _assert_safe(result.stdout + result.stderr)
    assert f"New parties: {SHOWN} (region)" in result.stdout.decode()


@pytest.mark.slow
def test_the_import_problems_show_control_characters(seeded_path, tmp_path):
    figures = tmp_path / "figures.csv"
    figures.write_text(HEADER + "\n" + GOOD.replace("67.8", "6\x1b[2J7") + "\n", encoding="utf-8")
    result = _factsheet("import", "--db", str(seeded_path), str(figures))
    assert result.returncode == 1
    _assert_safe(result.stdout + result.stderr)
    assert "'6\\x1b[2J7' is not a number" in result.stderr.decode()


@pytest.mark.slow
def test_the_check_report_shows_control_characters_in_a_finding(seeded_path):
    conn = sqlite3.connect(seeded_path)
    conn.execute("UPDATE sources SET title = ?", ["Trend \x1b]0;pwned\x07\x1b[2J\nforged line\x7f"])
    conn.commit()
    conn.close()
    result = _factsheet("check", "--db", str(seeded_path), "--as-of", "2025-07-02")
    assert result.returncode == 1, result.stderr
    _assert_safe(result.stdout + result.stderr)
    out = result.stdout.decode()
    assert "Trend \\x1b]0;pwned\\x07\\x1b[2J\\x0aforged line\\x7f" in out
    assert not any(line.startswith("forged line") for line in out.splitlines())


@pytest.mark.slow
def test_an_error_sentence_shows_control_characters_from_an_argument(seeded_path, tmp_path):
    result = _factsheet("pdf", "--db", str(seeded_path), "--parties", "\x1b[2J\x07", "Omsk region",
                        "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    _assert_safe(result.stdout + result.stderr)
    assert "No party called “\\x1b[2J\\x07”" in result.stderr.decode()


@pytest.mark.slow
def test_capture_json_keeps_the_exact_text_as_valid_json_without_raw_controls(seeded_path, tmp_path):
    import json
    from pathlib import Path

    from db.seed import __file__ as seed_module

    article = Path(seed_module).with_name("irtysh-cooperation-2025-07-02.txt").read_text(encoding="utf-8")
    hostile = tmp_path / "article.txt"
    hostile.write_text(article.replace("Omsk", "Om\x1b[2Jsk\x7f", 3), encoding="utf-8")
    result = _factsheet("capture", "--db", str(seeded_path), str(hostile), "--json")
    assert result.returncode == 0, result.stderr
    _assert_safe(result.stdout)
    proposals = json.loads(result.stdout)["proposals"]
    assert any("Om\x1b[2Jsk\x7f" in p["evidence"] for p in proposals)
