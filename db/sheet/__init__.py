"""The fact sheet as plain data: what one sheet about a pair says, as of a day, and the
options a user chooses for it. Every renderer (preview, printer, PDF) lays out what
``compose`` returns; nothing here draws.

May use ``db.read``, ``db.model`` and ``db.errors``.
"""
