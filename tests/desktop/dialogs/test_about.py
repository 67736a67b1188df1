"""Help ▸ About Fact Sheet: versions, the open file, licences, and the window's icon."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.file.connection import open_database
from desktop import __version__
from desktop.dialogs.about import AboutDialog
from desktop.gui import create_application
from desktop.window.main_window import MainWindow
from resources.icons.render import SIZES


def _open_about(qtbot, window) -> AboutDialog:
    window.help_menu.setFocus()
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _plain(dialog: AboutDialog) -> str:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(dialog.text.text())
    return document.toPlainText()


def test_about_names_the_version_the_database_and_the_licences(qtbot, window):
    dialog = _open_about(qtbot, window)
    text = _plain(dialog)
    assert f"Fact Sheet {__version__}" in text
    assert str(window.db.path) in text
    for line in ("PySide6", "GNU LGPL version 3", "pyqtgraph", "MIT License", "sqlite-utils",
                 "Apache License 2.0", "Qt"):
        assert line in text
    assert dialog.windowModality() != Qt.WindowModality.NonModal


def test_about_lists_each_component_with_its_own_licence(qtbot, window):
    cells = _plain(_open_about(qtbot, window)).splitlines()  # a table reads cell by cell
    licence_of = {cells[i]: cells[i + 2] for i in range(cells.index("Component"), len(cells) - 2, 3)}
    assert licence_of["Fact Sheet"] == "MIT License"
    assert licence_of["PySide6"] == licence_of["Qt"] == "GNU LGPL version 3"
    assert licence_of["pyqtgraph"] == "MIT License"
    assert licence_of["sqlite-utils"] == "Apache License 2.0"


def test_a_database_path_with_markup_is_shown_as_typed(qtbot, tmp_path):
    create_application()
    path = tmp_path / "<b>Briefing</b> & notes.factsheet"
    db = open_database(path)
    main = MainWindow(db)
    qtbot.addWidget(main)
    main.show()
    dialog = _open_about(qtbot, main)
    assert "&lt;b&gt;Briefing&lt;/b&gt; &amp; notes.factsheet" in dialog.text.text()
    assert str(path) in _plain(dialog)
    dialog.close()
    db.close()


def test_copy_details_puts_the_facts_on_the_clipboard(qtbot, window):
    dialog = _open_about(qtbot, window)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert copied.splitlines()[0] == f"Fact Sheet {__version__}"
    assert f"Database: {window.db.path}" in copied
    assert "PySide6" in copied and "sqlite-utils" in copied
    assert dialog.copy_button.text() == "Copied"


def test_escape_closes_the_about_box(qtbot, window):
    dialog = _open_about(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is None)


def test_opening_about_does_not_load_pyqtgraph(seeded_path):
    """Run in a fresh process: other tests in this one may have loaded the charts already."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from desktop.gui import create_application, open_user_database\n"
        "from desktop.window.main_window import MainWindow\n"
        "from desktop.dialogs.about import AboutDialog\n"
        "app = create_application()\n"
        f"window = MainWindow(open_user_database(Path({str(seeded_path)!r})))\n"
        "window.show(); app.processEvents()\n"
        "window.about_action.trigger()\n"
        "app.processEvents()\n"
        "print(bool(window.findChildren(AboutDialog)), 'pyqtgraph' in sys.modules)\n"
        "for dialog in window.findChildren(AboutDialog): dialog.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["True", "False"], result.stderr


def test_the_window_carries_the_app_icon_in_every_size(window):
    icon = window.windowIcon()
    assert sorted(size.width() for size in icon.availableSizes()) == list(SIZES)
