"""One module per tab of the main window; ``list_tab`` is the shared list-and-detail layout."""
