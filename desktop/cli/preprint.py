"""The check before printing on the command line: the list ``factsheet pdf`` prints on stderr and
``factsheet check --before-print`` prints on stdout (``db.sheet.preprint``).

Items are grouped under their headings, most urgent first, each with the record it is about
("[event 2]") so it can be found in the window; wrapped into paragraphs on a terminal, one
line per item otherwise. No Qt is imported.
"""

from __future__ import annotations

import shutil
import textwrap
from typing import TextIO

from db.model.formatting import format_number
from db.model.i18n import _, ngettext
from db.model.records import KIND_NAMES
from db.sheet.preprint import Item


def heading(items: list[Item]) -> str:
    return ngettext("Before printing, check {n} thing that would make this sheet misleading:",
                    "Before printing, check {n} things that would make this sheet misleading:",
                    len(items)).format(n=format_number(len(items)))


def print_items(items: list[Item], stream: TextIO, *, prefix: str = "") -> None:
    """``items`` under their headings on ``stream``; ``prefix`` starts the first line ("factsheet: ")."""
    wrap = stream.isatty()
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)

    def line(text: str, indent: str = "", rest: str = "") -> None:
        stream.write((textwrap.fill(text, width, initial_indent=indent, subsequent_indent=rest) if wrap
                      else indent + text) + "\n")

    line(prefix + heading(items))
    title = None
    for item in items:
        if item.title != title:
            title = item.title
            line(title)
        kind, record_id = item.record
        line(f"{item.message} [{KIND_NAMES[kind][0].lower()} {record_id}]", "  • ", "    ")


def strict_refusal(items: list[Item], *, document: str = "pdf") -> str:
    """The sentence ``factsheet pdf --strict`` (or ``docx --strict``) ends with when there is
    something to check."""
    if document == "docx":
        return ngettext("The Word document was not written: {n} thing to check before printing is listed above; "
                        "run without --strict to write it anyway.",
                        "The Word document was not written: {n} things to check before printing are listed "
                        "above; run without --strict to write it anyway.", len(items)).format(
            n=format_number(len(items)))
    return ngettext("The PDF was not written: {n} thing to check before printing is listed above; run without "
                    "--strict to write it anyway.",
                    "The PDF was not written: {n} things to check before printing are listed above; run without "
                    "--strict to write it anyway.", len(items)).format(n=format_number(len(items)))


def nothing_to_check() -> str:
    """What ``factsheet check --before-print`` says when the sheet is ready to print."""
    return _("Nothing to check before printing: every fact has a source, no date has passed unnoticed and "
             "every part of a year has its comparison.")
