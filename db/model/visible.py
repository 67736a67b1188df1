"""Control characters made visible: the one rule for every place that shows text as it is.

Text from a file or a database may hold control characters: an escape sequence
(``\\x1b]0;…\\x07`` retitles a terminal, ``\\x1b[2J`` clears it), a bell, a carriage return
that writes over a line, DEL, the C1 controls, or the Unicode marks that reverse the
direction of what follows. Printed raw, they act instead of showing. ``visible`` writes
each as the escape a programmer would type (``\\x1b``, ``\\x07``, ``\\u202e``), so the
characters are shown, never obeyed. Tabs stay; line breaks stay unless the place holds one
line (``one_line``). The command line passes everything it prints through it, and the
window uses it for its plain-text places (status bar, window titles, message boxes).
The stored text is never changed.
"""

from __future__ import annotations

import re

# C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional embeddings,
# overrides and isolates.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROLS_AND_BREAKS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, one_line: bool = False) -> str:
    """``text`` with every control character written as its escape (``\\x1b``); line breaks
    too when ``one_line``."""
    return (_CONTROLS_AND_BREAKS if one_line else _CONTROLS).sub(_escape, text)
