"""Data in and out: importing indicator CSV files and JSON bundles all or nothing,
recognising records already present, and exporting bundles and CSV tables.

May use ``db.read``, ``db.store``, ``db.file``, ``db.model`` and ``db.errors``; every write
goes through ``db.store``.
"""
