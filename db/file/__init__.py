"""Opening a database file: safe connections, damage checks, the schema and its migrations,
telling our schema from anyone else's, clean copies, backups and the search index's upkeep.

May use ``db.model`` and ``db.errors``; never reads or writes records for the window.
"""
