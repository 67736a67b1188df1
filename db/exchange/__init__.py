"""Data in and out: importing tables of figures and JSON bundles all or nothing, recognising
records already present, and exporting bundles and CSV tables.

``imports`` chooses the reader a file needs; ``tables/`` reads tables as statistics offices
publish them (CSV and spreadsheet workbooks, any encoding, headers in three languages, wide
tables) without the database; ``figures/`` checks their rows and writes the figures;
``bundle`` reads and writes Fact Sheet's JSON bundle, ``export`` its CSV tables; ``report``
says what an import did; ``matching`` what counts as already present.

May use ``db.read``, ``db.store``, ``db.file``, ``db.model`` and ``db.errors``; every write
goes through ``db.store`` (the figure import writes its rows inside the import's one
transaction, opened by ``report.in_transaction``).
"""
