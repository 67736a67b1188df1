"""Who the change history names: the system user, or the name set in Edit ▸ Name in the History…"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit

from db import store
from db.model.records import Source
from tests.desktop.modal import answer


def _type_name(name: str):
    def handler(dialog) -> None:
        assert isinstance(dialog, QInputDialog), dialog
        dialog.findChild(QLineEdit).setText(name)
        dialog.accept()

    return handler


def test_the_name_set_is_given_to_every_change_made_after(qtbot, window, seeded_db):
    assert window.db.session  # this window's own, so its writes are told from others'
    answer(_type_name("  Aigerim   Sarsenova "))
    window.author_action.trigger()
    qtbot.waitUntil(lambda: window.db.author == "Aigerim Sarsenova", timeout=3000)
    window.editing.history.session().run("Add", lambda recorder: recorder.save(Source(title="Bulletin")))
    assert seeded_db.execute("SELECT author FROM history ORDER BY id DESC LIMIT 1").fetchone()[0] == \
        "Aigerim Sarsenova"
    answer(_type_name(""))  # empty: the system user again
    window.author_action.trigger()
    qtbot.waitUntil(lambda: window.db.author is None, timeout=3000)
    assert store.journal.author(window.db) == store.journal.default_author()
