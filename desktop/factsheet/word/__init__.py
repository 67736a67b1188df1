"""The fact sheet as an editable Word document (.docx), written with python-docx.

``document`` writes the sheet the PDF prints, from the blocks the PDF lays out
(``desktop.factsheet.content``); ``body`` turns those blocks into Word headings, paragraphs,
tables and the chart's picture, reading their simple HTML with ``markup``; ``picture`` paints
the trade chart at print resolution; ``page`` sets the paper, styles, language, header and
footer; ``xml`` holds the few pieces of WordprocessingML python-docx has no words for.

python-docx is imported by these modules only, and they are imported only when a Word
document is written (the window's Export Word Document…, ``factsheet docx``).

May use the rest of ``desktop.factsheet``, ``desktop.common`` and ``db``.
"""
