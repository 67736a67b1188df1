"""Emoji the sheet's font cannot draw are printed as words, never as empty boxes.

The sheet embeds DejaVu Sans (``desktop.factsheet.fonts``) so it prints the same on every
machine. DejaVu draws some single emoji (☺, 😀) but no emoji sequence: a flag (two
regional-indicator letters), a skin tone (a person followed by a modifier) or a family
(people joined by zero-width joiners) would print as empty boxes, or in whatever font a
machine happens to have. So every emoji sequence, and every emoji the font lacks, is
written as its name in brackets — "[emoji: flag KZ]", "[emoji: thumbs up, medium skin
tone]", "[emoji: man, woman, girl]" — in the PDF, the printout and the preview alike.
The stored text is unchanged; the window shows it with the system's emoji.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from PySide6.QtGui import QRawFont

from db.model.i18n import N_, _
from desktop.factsheet.fonts import printing_font

_REGIONAL = "\U0001f1e6-\U0001f1ff"
_MODIFIERS = "\U0001f3fb-\U0001f3ff"
_EMOJI = ("\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u25fe\u2600-\u27bf\u2934\u2935"
          "\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff")
# One emoji as people see it: a flag, a tag sequence (England's flag), a keycap, or emoji
# with their variation selector, skin tone and zero-width-joined companions.
_SEQUENCE = re.compile(
    f"[{_REGIONAL}]{{2}}"
    "|\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f"
    "|[0-9#*]\ufe0f?\u20e3"
    f"|[{_EMOJI}][\ufe0e\ufe0f]?[{_MODIFIERS}]?(?:\u200d[{_EMOJI}][\ufe0e\ufe0f]?[{_MODIFIERS}]?)*")
_SKIN = {0x1F3FB: N_("light skin tone"), 0x1F3FC: N_("medium-light skin tone"), 0x1F3FD: N_("medium skin tone"),
         0x1F3FE: N_("medium-dark skin tone"), 0x1F3FF: N_("dark skin tone")}
_JOINERS = {0x200D, 0xFE0E, 0xFE0F, 0x20E3}


@cache
def _font_has(family: str, code: int) -> bool:
    return QRawFont.fromFont(printing_font(family, 10)).supportsCharacter(code)


def _name(sequence: str) -> str:
    codes = [ord(c) for c in sequence]
    if len(codes) == 2 and all(0x1F1E6 <= c <= 0x1F1FF for c in codes):
        return _("flag {code}").format(code="".join(chr(c - 0x1F1E6 + ord("A")) for c in codes))
    if codes[0] == 0x1F3F4 and len(codes) > 2:
        return _("flag {code}").format(code="".join(chr(c - 0xE0000) for c in codes[1:-1]).upper())
    words = []
    for code in codes:
        if code in _SKIN:
            words.append(_(_SKIN[code]))  # in the sheet's language, read when printed
        elif code not in _JOINERS:
            words.append(unicodedata.name(chr(code), f"U+{code:04X}").lower())
    return ", ".join(words)


def printable(text: str, family: str) -> str:
    """``text`` with each emoji sequence, and each emoji ``family`` cannot draw, as its name."""
    if not text or text.isascii():
        return text

    def replace(match: re.Match[str]) -> str:
        sequence = match.group()
        bare = sequence.rstrip("\ufe0e\ufe0f")
        if len(bare) == 1 and _font_has(family, ord(bare)):
            return sequence  # one emoji the font draws itself
        return _("[emoji: {name}]").format(name=_name(sequence))

    return _SEQUENCE.sub(replace, text)
