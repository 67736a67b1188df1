"""File ▸ Restore from Backup…: the backups with their counts and what differs, one click back,
the state before kept, and the restore itself undoable."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from db import store
from db.file import backups
from db.model.records import Source
from db.read import queries
from desktop.safety import backup_action
from desktop.safety.restore_dialog import RestoreDialog
from tests.desktop.form_helpers import back_to, modal


def test_a_backup_is_restored_in_one_click_and_undone(qtbot, window, seeded_db):
    backups.make_backup(seeded_db, reason="before-import", now=dt.datetime(2026, 3, 12, 9, 30))
    added = store.save(seeded_db, Source(title="Customs bulletin 2025"))
    counts = queries.counts(seeded_db)

    window.restore_backup_action.trigger()
    dialog = modal(qtbot)
    assert isinstance(dialog, RestoreDialog)
    assert dialog.table.item(0, 0).text() == "2026-03-12 09:30" and dialog.table.item(0, 1).text() == "before an import"
    assert "1 source," in dialog.table.item(0, 2).text()
    assert "remove 1 source added since: “Customs bulletin 2025”" in dialog.differences.toPlainText()

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    back_to(qtbot, window)
    assert seeded_db.execute("SELECT 1 FROM sources WHERE id = ?", [added]).fetchone() is None
    assert "4 sources" not in window.counts_label.text() and "1 source" in window.counts_label.text()
    kept = [b for b in backups.list_backups(seeded_db.path) if b.reason == "before-restore"]
    assert len(kept) == 1
    assert window.editing.undo_action.text() == "Undo Restore from Backup of 2026-03-12 09:30"

    window.editing.undo_action.trigger()
    assert queries.counts(seeded_db) == counts
    assert "2 sources" in window.counts_label.text()
    window.editing.redo_action.trigger()
    assert queries.counts(seeded_db)["source"] == counts["source"] - 1


def test_the_first_change_of_a_day_is_preceded_by_the_days_backup(qtbot, window, seeded_db, monkeypatch):
    assert backups.list_backups(seeded_db.path) == []
    forum = store.get(seeded_db, "event", seeded_db.execute("SELECT id FROM events WHERE kind = 'forum'").fetchone()[0])
    forum.status = "held"
    window.editing.history.session().run("Mark held", lambda recorder: recorder.save(forum))
    [daily] = backups.list_backups(seeded_db.path)
    assert daily.reason == "daily"
    window.editing.undo_action.trigger()  # a second write the same day: no second backup
    assert len(backups.list_backups(seeded_db.path)) == 1
    assert backup_action.daily_backup(window) is None
