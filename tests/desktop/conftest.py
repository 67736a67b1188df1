"""The main window over a real seeded database file."""

import pytest

from desktop.gui import create_application
from desktop.main_window import MainWindow


@pytest.fixture
def window(qtbot, seeded_db):
    create_application()
    main = MainWindow(seeded_db)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main
