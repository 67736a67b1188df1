"""Emoji sequences print as words, never as empty boxes: flags, skin tones, families, and
emoji the embedded font lacks; those it draws itself stay."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from pypdf import PdfReader

from desktop.factsheet.fonts import sheet_family
from desktop.factsheet.glyphs import printable
from tests.desktop.factsheet.conftest import pdf_pages

FLAG, THUMBS, FAMILY, SMILE = "🇰🇿", "👍🏽", "👨\u200d👩\u200d👧", "😀"


def test_sequences_and_missing_emoji_are_named_and_drawn_ones_kept(qapp):
    family = sheet_family()
    assert printable(f"Kazakhstan {FLAG}", family) == "Kazakhstan [emoji: flag KZ]"
    assert printable(THUMBS, family) == "[emoji: thumbs up sign, medium skin tone]"
    assert printable(FAMILY, family) == "[emoji: man, woman, girl]"
    assert printable("🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", family) == "[emoji: flag GBENG]"
    assert printable(f"{SMILE} ☺ Абай облысы ★", family) == f"{SMILE} ☺ Абай облысы ★"  # the font draws these
    assert printable("<b>1 #</b>", family) == "<b>1 #</b>"


@pytest.mark.slow
def test_the_command_prints_emoji_sequences_as_words_in_the_embedded_font_only(seeded_path, tmp_path):
    conn = sqlite3.connect(seeded_path)
    conn.execute("UPDATE sources SET title = ?", [f"Trend {FLAG} {THUMBS} {FAMILY} {SMILE}"])
    conn.commit()
    conn.close()
    out = tmp_path / "sheet.pdf"
    result = subprocess.run([sys.executable, "-m", "desktop", "pdf", "--db", str(seeded_path), "--parties",
                             "Abai region", "Omsk region", "-o", str(out), "--as-of", "2025-07-02"],
                            capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr
    text = " ".join(pdf_pages(out))
    assert "Trend [emoji: flag KZ] [emoji: thumbs up sign, medium skin tone] [emoji: man, woman, girl]" in text
    fonts = {str(font["/BaseFont"]) for page in PdfReader(out).pages
             for font in page["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVu" in name for name in fonts), fonts
