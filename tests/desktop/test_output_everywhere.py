"""Every file the window saves follows a link, keeps a file's permissions, refuses a read-only
file and says when the disk is full: Export PDF…, Save a Copy…, Export…, a tab's CSV and the
chart's PNG, chosen in the file dialog as a person does."""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db.file.connection import open_database
from desktop.dialogs.export_dialog import ExportDialog
from tests.db.content import content
from tests.desktop.modal import answer, choose_file, read_message


def _replace(box) -> None:
    """Answer the file dialog's "already exists; replace it?" with Yes."""
    assert isinstance(box, QMessageBox), box
    box.button(QMessageBox.StandardButton.Yes).click()


def _everything(dialog) -> None:
    assert isinstance(dialog, ExportDialog)
    dialog.accept()


def _save(window, qtbot, place: str, target, *, refused: bool) -> list[str]:
    """Save to ``target`` (a name that exists) from ``place`` as a person does; the sentence
    shown when it is ``refused``."""
    messages: list[str] = []
    if place == "pdf":
        answer(lambda dialog: dialog.print_button.click())  # the check before printing: Print anyway
    if place == "export":
        answer(_everything)
    answer(choose_file(target))
    answer(_replace)
    if refused:
        answer(read_message(messages))
    if place == "pdf":
        window.factsheet_actions.export_action.trigger()
    elif place == "copy":
        window.save_copy_action.trigger()
    elif place == "export":
        window.export_action.trigger()
    elif place == "tab":
        tab = window.list_tabs["agreements"]
        window.tabs.setCurrentWidget(tab)
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    if refused:
        qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    return messages


PLACES = {"pdf": b"%PDF", "copy": b"SQLite format 3\x00", "export": b'{"format"', "tab": b"\xef\xbb\xbf"}


@pytest.mark.parametrize("place", PLACES)
def test_a_link_is_followed_and_the_file_keeps_its_permissions(qtbot, window, tmp_path, place):
    real = tmp_path / "shared" / "real.out"
    real.parent.mkdir()
    real.write_bytes(b"earlier")
    real.chmod(0o640)
    link = tmp_path / "link.out"
    link.symlink_to(real)
    _save(window, qtbot, place, link, refused=False)
    assert link.is_symlink()
    assert real.read_bytes().startswith(PLACES[place])
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    if place == "copy":
        copy = open_database(real, read_only=True)
        assert content(copy) == content(window.db)
        copy.close()


@pytest.mark.parametrize("place", PLACES)
def test_a_read_only_file_is_refused_with_a_sentence_and_left_alone(qtbot, window, tmp_path, place):
    target = tmp_path / "final.out"
    target.write_bytes(b"the signed version")
    target.chmod(0o444)
    messages = _save(window, qtbot, place, target, refused=True)
    assert len(messages) == 1 and "“final.out” is read-only, so it was not replaced." in messages[0]
    assert target.read_bytes() == b"the signed version"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


@pytest.mark.parametrize("place", PLACES)
def test_a_full_disk_is_a_sentence_naming_the_file(qtbot, window, tmp_path, place):
    link = tmp_path / "out.file"
    link.symlink_to("/dev/full")
    messages = _save(window, qtbot, place, link, refused=True)
    assert len(messages) == 1
    assert "“out.file” was not saved: the disk is full." in messages[0] or "the disk is full" in messages[0]
    assert ".part" not in messages[0]
    assert link.is_symlink() and os.readlink(link) == "/dev/full"


def test_the_chart_picture_follows_a_link_and_keeps_permissions(qtbot, window, tmp_path):
    tab = window.list_tabs["indicators"]
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.panel is not None and bool(tab.panel.chart.bars), timeout=10_000)
    real = tmp_path / "real.png"
    real.write_bytes(b"earlier")
    real.chmod(0o600)
    link = tmp_path / "chart.png"
    link.symlink_to(real)
    assert tab.panel.export_png(str(link))
    assert link.is_symlink() and real.read_bytes().startswith(b"\x89PNG")
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    locked = tmp_path / "locked.png"
    locked.write_bytes(b"kept")
    locked.chmod(0o444)
    messages: list[str] = []
    answer(read_message(messages))
    assert not tab.panel.export_png(str(locked))
    assert messages == ["“locked.png” is read-only, so it was not replaced. Choose another name, or allow "
                        "changes to that file first."]
    assert locked.read_bytes() == b"kept"
