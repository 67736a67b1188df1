"""Pieces every part of the window uses: plain-text message boxes, status bar and titles
(``plain_text``: control characters shown, never passed on), safe rich text, colours
for the palette, remembered settings, work off the window's thread with progress, the undo
history every edit goes through, data-quality markers, the party picker and file choice.

May use ``desktop.platform`` and ``db``; nothing else in ``desktop``.
"""
