"""Opening a database file: safe connections, damage checks, the schema and its migrations,
telling our schema from anyone else's, clean copies, backups and the search index's upkeep;
reading without leaving traces (``traces``), and writing the files people choose
(``output``: PDFs, exports, copies) without replacing what is not a regular file.

May use ``db.model`` and ``db.errors``; never reads or writes records for the window.
"""
