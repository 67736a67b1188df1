"""Opening a database file: safe connections, the open database (``database``: Python's
``sqlite3``, with sqlite-utils loaded only when its table API is used), damage checks, the
schema and its migrations, telling our schema from anyone else's (against a description
generated per version, ``known_objects``), clean copies, backups and the search index's
upkeep; reading without leaving traces (``traces``), and writing the files people choose
(``output``: PDFs, exports, copies) without replacing what is not a regular file.

May use ``db.model`` and ``db.errors``; never reads or writes records for the window.
"""
