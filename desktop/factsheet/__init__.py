"""The printed fact sheet: what a user takes into a meeting about a pair of parties.

``db.sheet.compose`` reads the database into a plain ``FactSheet``; ``content`` turns it
into ``blocks`` of escaped HTML; ``typesetter`` measures them on the device and ``layout``
places them on pages; ``render`` paints those pages on any paged device (the printer, the
print preview, a PDF file) so that preview, print and PDF are always the same pages;
``chart`` draws the trade chart straight onto that device; ``fonts`` embeds the sheet's
typeface and ``glyphs`` writes the emoji it cannot draw as words; ``window`` puts Print Preview…, Print… and Export PDF… into the main window; and
``desktop.cli.pdf`` writes the same PDF from the command line.

May use ``desktop.common``, ``desktop.platform`` and ``db``.
"""
