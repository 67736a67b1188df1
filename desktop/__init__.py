"""The Fact Sheet desktop application: the Qt window, the fact sheet and the command line.

Widgets call ``db``; ``db`` never calls back. ``pyqtgraph`` is imported only when a
chart is first needed, so that start-up stays close to an empty Qt window.
"""

__version__ = "0.1.0"
APP_NAME = "Fact Sheet"
APP_ID = "factsheet"
