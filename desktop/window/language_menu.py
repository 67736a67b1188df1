"""View ▸ Language: the window's language, remembered for the next start.

The choices are the system's language and each language Fact Sheet speaks, each named in
itself so anyone can find their own. Labels are looked up once, when the window is built,
so a new choice takes effect when Fact Sheet next starts; the menu and the status bar say so.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from db.model.i18n import LANGUAGES, _, system_language
from desktop.common import language


def install(window: QMainWindow, view_menu: QMenu) -> QMenu:
    """Add the Language submenu to ``view_menu``; return it."""
    menu = view_menu.addMenu(_("&Language"))
    menu.setToolTipsVisible(True)
    group = QActionGroup(menu)
    chosen = language.chosen_language()
    choices: list[tuple[str | None, str]] = [(None, _("System language ({name})").format(
        name=LANGUAGES[system_language()]))]
    choices += [(code, name) for code, name in LANGUAGES.items()]
    for code, name in choices:
        action = QAction(name, menu)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        action.setStatusTip(_("Show Fact Sheet in this language from its next start."))
        action.triggered.connect(lambda _checked=False, c=code: _choose(window, c))
        group.addAction(action)
        menu.addAction(action)
    menu.addSeparator()
    note = menu.addAction(_("Takes effect when Fact Sheet next starts"))
    note.setEnabled(False)
    return menu


def _choose(window: QMainWindow, code: str | None) -> None:
    if code == language.chosen_language():
        return
    language.save_choice(code)
    window.statusBar().showMessage(
        _("Fact Sheet will be shown in the language you chose when it next starts."), 10000)
