"""Work off the window's thread ends whatever happens in it: a fault in the program is said
in a sentence, handed to the error report, and never leaves the window waiting."""

from __future__ import annotations

import sys

import pytest

from db.errors import FactSheetError
from desktop.common.progress import run_with_progress


def test_a_fault_in_background_work_ends_the_wait_and_reaches_the_error_report(qtbot, seeded_db, monkeypatch):
    reported = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, tb: reported.append(error))

    def broken(_db, _job):
        raise AttributeError("'Official' object has no attribute 'name_en'")

    with pytest.raises(FactSheetError, match="unexpected error"):
        run_with_progress(None, seeded_db, broken, label="Reading…")
    qtbot.waitUntil(lambda: len(reported) == 1, timeout=5000)
    assert isinstance(reported[0], AttributeError)
