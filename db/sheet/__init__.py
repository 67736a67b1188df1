"""The fact sheet as plain data: what one sheet about a pair says, as of a day (``sheet``, read
by ``reading`` and built by ``compose``), the options a user chooses for it and the rules that
keep it to two pages (``options``), and the check before printing (``preprint``). Every
renderer (preview, printer, PDF, any other) lays out what ``compose`` returns; nothing here
draws.

May use ``db.read``, ``db.model`` and ``db.errors``.
"""
