"""The Trade tab's upper half: the pyqtgraph chart, its controls, and the key-figure cards.

pyqtgraph is imported here and only here, when the Trade tab is first shown. May use
``desktop.common``, ``desktop.platform`` and ``db``.
"""
