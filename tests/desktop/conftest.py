"""The main window over a real seeded database file."""

import pytest

from desktop.gui import create_application
from desktop.window.main_window import MainWindow


@pytest.fixture
def window(qtbot, seeded_db):
    create_application()
    main = MainWindow(seeded_db)
    qtbot.addWidget(main, before_close_func=_close_dialogs)
    main.show()
    qtbot.waitExposed(main)
    return main


def _close_dialogs(main):
    """Dialogs a test leaves open close with the window, while its database is still open."""
    from PySide6.QtWidgets import QDialog

    for dialog in main.findChildren(QDialog):
        if dialog.isVisible():
            dialog.done(0)


@pytest.fixture(autouse=True)
def _no_answers_left():
    """Handlers for dialogs that never appeared do not wait for the next test's dialogs."""
    from tests.desktop.modal import forget_answers

    yield
    forget_answers()
