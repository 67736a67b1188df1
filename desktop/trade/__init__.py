"""The Trade tab's upper half: the pyqtgraph chart, its controls, and the key-figure cards.

``chart`` is the widget (view, hover, click, picture), ``marks`` what a series draws on it,
``plot_items`` its axes, colours and legend samples; ``panel`` holds the controls,
``cards`` the figures that are not drawn on the chart's axis and ``mirrors`` the mirror
statistics under it.

pyqtgraph is imported here and only here, when the Trade tab is first shown. May use
``desktop.common``, ``desktop.platform`` and ``db``.
"""
