"""What the command line prints goes through ``db.model.visible``: data never drives the terminal.

A party's name, a source's title, a file name or an argument may hold escape sequences;
printed raw, they would retitle or clear the terminal, ring its bell or write over a line.
``safe_streams`` puts a filter in front of standard output and standard error for the
duration of a command, so every sentence, report line and problem list shows such
characters as ``\\x1b`` whatever code printed it. Progress lines that draw on a terminal
on purpose write to ``raw(stream)``. Exported data written to standard output (``export
-o -``) is the exact data unless it goes to a terminal.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
from collections.abc import Iterator
from typing import TextIO

from db.model.visible import visible

# What json.dumps leaves as it is but a terminal would obey: DEL, C1 controls, direction marks.
_JSON_CONTROLS = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


class _Visible(io.TextIOBase):
    """A text stream writing what it is given with control characters made visible."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", "utf-8")


def write_json(value: object) -> None:
    """Print ``value`` as JSON for a program to read: exact data, valid JSON, and still safe
    on a terminal, because every control character is written as a JSON escape (``\\u001b``)."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    raw(sys.stdout).write(_JSON_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def visible_stream(stream: TextIO) -> TextIO:
    """``stream`` behind the filter."""
    return stream if isinstance(stream, _Visible) else _Visible(stream)  # type: ignore[return-value]


def raw(stream: TextIO) -> TextIO:
    """The stream under the filter, for output drawn on a terminal on purpose (progress)."""
    return stream.stream if isinstance(stream, _Visible) else stream  # type: ignore[return-value]


@contextlib.contextmanager
def safe_streams() -> Iterator[None]:
    """Standard output and standard error show control characters as escapes, until the end."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (visible_stream(stream) for stream in saved)
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        sys.stdout, sys.stderr = saved
