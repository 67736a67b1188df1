"""The main window and what it does as a whole: the tabs, menus and toolbar, New…/Edit…/
Delete with undo, several database files, the keyboard, shortcuts and status messages.

The top floor of the window: may use every other part of ``desktop`` (except the command
line) and ``db``.
"""
