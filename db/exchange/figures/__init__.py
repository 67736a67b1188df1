"""Importing figures from tables of statistics: every row checked by the editor's rules, then
written all or nothing.

``importing`` is the entry (``preview``, ``import_figures``); ``cells`` turns each row's
cells into a checked figure or into problems; ``parties`` matches or creates the parties and
sources the rows name; ``writer`` writes the figures fast and recognises those already present.

May use ``db.exchange.tables`` (reading the file), ``db.exchange.report`` and
``db.exchange.matching``, ``db.read``, ``db.store``, ``db.file``, ``db.model`` and ``db.errors``.
"""
