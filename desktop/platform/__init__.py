"""Where the app meets the operating system: its folders, the system libraries Qt needs,
the Linux menu entry and file type, and files the system asks the app to open.

The ground floor of ``desktop``: may use ``db`` and the package's names only.
"""
