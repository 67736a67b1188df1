"""Keyboard shortcuts: the standard ones, no two actions on the same keys, and named in tooltips."""

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QToolBar

from desktop.window.shortcuts import window_actions, window_shortcuts


def _with_every_tab_shown(qtbot, window):
    for index in range(window.tabs.count()):  # the Trade chart's actions exist once its tab was shown
        window.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: window.list_tabs["indicators"].panel is not None)
    return window


def test_no_two_actions_in_the_window_share_a_shortcut(qtbot, window):
    claimed = window_shortcuts(_with_every_tab_shown(qtbot, window))
    assert len(claimed) > 20
    shared = {keys: [a.text() for a in actions] for keys, actions in claimed.items() if len(actions) > 1}
    assert shared == {}


def test_the_standard_shortcuts_are_the_ones_people_expect(qtbot, window):
    claimed = window_shortcuts(_with_every_tab_shown(qtbot, window))

    def action_for(keys: str) -> str:
        (action,) = claimed[QKeySequence(keys).toString(QKeySequence.SequenceFormat.PortableText)]
        return action.text().replace("&", "")

    assert action_for("Ctrl+N") == "New…"
    assert action_for("Ctrl+Z") == "Undo" and action_for("Ctrl+Shift+Z") == action_for("Ctrl+Y") == "Redo"
    assert action_for("Ctrl+F") == "Find…"
    assert action_for("Ctrl+P") == "Print…"
    assert action_for("Ctrl+Shift+P") == "Print Preview…"
    assert action_for("Ctrl+O") == "Open…"
    assert action_for("Ctrl+C") == "Copy"
    assert action_for("Ctrl+Q") == "Quit"
    assert [action_for(f"Ctrl+{n}") for n in range(1, 7)] == [
        "Overview", "Agreements", "Officials", "Events", "Trade", "Sources"]


def test_every_toolbar_action_has_a_tooltip_naming_its_shortcut(window):
    toolbars = window.findChildren(QToolBar)
    assert toolbars
    for toolbar in toolbars:
        for action in toolbar.actions():
            if action.isSeparator():
                continue
            tip = action.toolTip()
            assert tip and tip != action.text(), action.text()
            shortcut = action.shortcut()
            if not shortcut.isEmpty():
                assert shortcut.toString(QKeySequence.SequenceFormat.NativeText) in tip


def test_every_menu_action_says_what_it_does_in_the_status_bar(qtbot, window):
    for menu in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu):
        assert "&" in menu.title()  # Alt and the letter opens it
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            assert action.statusTip(), action.text()


def test_the_window_actions_include_those_of_its_menus_and_tables(window):
    actions = window_actions(window)
    assert window.editing.delete_action in actions and window.find_action in actions
