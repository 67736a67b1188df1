"""The Fact Sheet data layer: everything about the database file, and nothing about Qt.

The desktop application and the command line both call into this package; it never
calls back. Importing it must stay cheap and must never import Qt or pyqtgraph: a window
that shows a file needs only Python's ``sqlite3`` (``db.file.database``), and sqlite-utils
is loaded when its table API or the migrations are first needed.
"""
