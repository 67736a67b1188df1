"""Keeping a CSV text cell from running as a spreadsheet formula, and reading it back exactly.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and some
first drop the spaces, tabs or line breaks before it (`` =1+1``, a line break then
``=cmd``). The CSV export writes such text with a leading apostrophe, which spreadsheets
show as text, and the importer removes exactly that apostrophe. Text that itself starts
with an apostrophe gets one more, so a value that genuinely reads ``'=x`` comes back as
``'=x``, not ``=x``: ``unguard(guard(text)) == text`` for every text.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@")
_GUARDED_STARTS = (*FORMULA_STARTS, "\t", "\r", "'")


def guard(text: str) -> str:
    """``text`` as written to a CSV cell: with a leading apostrophe when a spreadsheet could
    run it as a formula (or when it starts with an apostrophe itself)."""
    if text.startswith(_GUARDED_STARTS) or text.lstrip().startswith(FORMULA_STARTS):
        return "'" + text
    return text


def unguard(text: str) -> str:
    """A cell's text without the apostrophe ``guard`` added; other apostrophes are kept."""
    if text[:1] == "'" and guard(text[1:]) == text:
        return text[1:]
    return text
