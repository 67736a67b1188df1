"""Writing the fact sheet as a Word document: ``write_docx``, for File ▸ Export Word Document…
and ``factsheet docx``.

One compose step, two renderers: the ``FactSheet`` given is the one the PDF prints, and the
Word document is made from the very blocks the PDF lays out (``desktop.factsheet.content``),
so the two hold the same facts, in the same order, in the same words — only the chart's
lettering is inside its picture.

**Which rows a briefing keeps.** Fitting a briefing to two pages is a property of the PDF's
layout: when the PDF shortens the sheet further to fit (``desktop.factsheet.render.fit``),
the Word document is shortened to the same step, found by laying the PDF's pages out once for
the same paper (``render.printed_sheet``). Word then breaks pages its own way, in its own
fonts, so the document may run a little over or under two pages; it is there to be edited.
The long version is written in full.

The document is made in memory and written through ``db.file.output``: a name that cannot be
written is refused before any work, a regular file is replaced only once the new one is
complete (keeping its permissions), a link writes the file it points at, and a device or pipe
is written through.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import docx

from db.file import output
from db.model.i18n import using_language
from db.sheet.sheet import FactSheet
from desktop.factsheet import content
from desktop.factsheet.plain_text import parse_styles
from desktop.factsheet.render import printed_sheet, stylesheet
from desktop.factsheet.word import page, picture
from desktop.factsheet.word.body import Body


def docx_bytes(sheet: FactSheet, page_size: str = "A4",
               progress: Callable[[int, int], None] | None = None) -> bytes:
    """The Word document of ``sheet`` on ``page_size`` paper ("A4" or "Letter").

    ``progress(done, total)`` is called before each part of the sheet is written and after the
    last; it may raise ``Cancelled`` to stop.
    """
    printed = printed_sheet(sheet, page_size)
    with using_language(printed.language):  # the sheet's words, whatever the window's language
        blocks = content.blocks(printed, picture.typesetter())
        document = docx.Document()
        width = page.set_up(document, printed, page_size)
        body = Body(document, width, parse_styles(stylesheet()))
        for done, block in enumerate(blocks):
            if progress is not None:
                progress(done, len(blocks))
            body.add(block)
    if progress is not None:
        progress(len(blocks), len(blocks))
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def write_docx(sheet: FactSheet, path: str | os.PathLike[str], page_size: str = "A4",
               progress: Callable[[int, int], None] | None = None) -> Path:
    """Save ``sheet`` as a Word document at ``path`` (by the rules of ``db.file.output``);
    return the path written."""
    output.ready(path)
    return output.write_bytes(path, docx_bytes(sheet, page_size, progress))
