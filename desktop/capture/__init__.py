"""Capture from an article in the window: File ▸ Capture…, the toolbar, Ctrl+Shift+V, and
text pasted on the window open the review dialog.

``action`` installs the action and ``capture_text(window, text, path)`` (also for a dropped
``.txt`` file); ``dialog`` is the review (loaded when first opened); ``review`` the article
pane and the list of proposals; ``forms`` hands a proposal to the normal form and back.

Between the main window and the dialogs: may use ``desktop.forms``, ``desktop.dialogs``,
``desktop.tabs``, ``desktop.common``, ``desktop.platform`` and ``db`` (``db.capture`` above all).
"""
