"""The Fact Sheet data layer: everything about the database file, and nothing about Qt.

The desktop application and the command line both call into this package; it never
calls back. Importing it must stay cheap and must never import Qt or pyqtgraph.
"""
