"""The window's safety net: the read-only banner, Back Up Now, changes made by another
program, the background damage check, and unhandled errors reported in a dialog and a log.

May use ``desktop.common``, ``desktop.platform`` and ``db``.
"""
