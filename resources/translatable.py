"""Finding the visible strings in the code for the catalogues, f-strings included.

Babel's own Python extractor reads the code as tokens; before Python 3.12 an f-string is one
token, so a ``_("…")`` written inside one (``f"<h3>{esc(_('Sources'))}</h3>"``) was never
extracted, and the window showed it in English whatever the language. This extractor reads
the code's syntax tree instead, which holds every call wherever it is written. ``babel.cfg``
names it for ``make translations``, and ``tests/resources/test_locale.py`` uses it too.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any


def extract(fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str],
            options: Mapping[str, Any]) -> Iterator[tuple[int, str, str | tuple[str | None, ...], list[str]]]:
    """Babel's extraction interface: each call of a translation function with literal text,
    as (line, function, its text arguments, comments), in the order the calls appear."""
    tree = ast.parse(fileobj.read().decode(options.get("encoding", "utf-8")))
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in keywords:
            texts = tuple(arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None
                          for arg in node.args)
            if texts and any(text is not None for text in texts):
                calls.append((node.lineno, node.col_offset, node.func.id, texts))
    for lineno, _column, function, texts in sorted(calls):
        yield lineno, function, texts if len(texts) > 1 else texts[0], []
