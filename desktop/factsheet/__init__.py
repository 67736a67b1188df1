"""The printed fact sheet: what a user takes into a meeting about a pair of parties.

``db.sheet.compose`` reads the database into a plain ``FactSheet``; ``content`` turns it
into ``blocks`` of escaped HTML; ``typesetter`` measures them on the device (simple cells as
styled runs, ``plain_text``) and ``layout`` places them on pages; ``render`` fits the sheet to
its pages and paints them on any paged device (the printer, the print preview, a PDF file) so
that preview, print and PDF are always the same pages; ``chart`` draws the trade chart
straight onto that device, its numbers placed by ``chart_marks``; ``fonts`` embeds the
sheet's typeface and ``glyphs`` writes the emoji it cannot draw as words; ``word`` writes the
same sheet, from the same blocks, as an editable Word document; ``window`` puts Print
Preview…, Print…, Export PDF… and Export Word Document… into the main window, with the check
before printing (``preprint_dialog``); and ``desktop.cli.pdf`` and ``desktop.cli.docx`` write
the same PDF and Word document from the command line.

May use ``desktop.common``, ``desktop.platform`` and ``db``.
"""
