"""The main window's tabs: one module per tab, the shared list-and-detail layout
(``list_tab``), the one table model every list pages through SQL (``table_model``), the
detail pane, and the small window for records without a tab of their own.

May use ``desktop.trade``, ``desktop.common``, ``desktop.platform`` and ``db``.
"""
