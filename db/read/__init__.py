"""Reading what a database knows: record labels and pairs, the lists the window pages
through, one record in detail, search, trade series and the data-quality checks.

Only reads (the search index may catch up first). May use ``db.store`` (to read whole
records), ``db.file``, ``db.model`` and ``db.errors``.
"""
