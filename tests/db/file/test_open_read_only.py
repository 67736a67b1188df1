"""Files that may not be changed open read-only, say why, and stay exactly as they were."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import stat

import pytest

from db import store
from db.errors import DatabaseReadOnly, FactSheetError
from db.file import connection, migrations
from db.file.connection import open_database
from db.file.migrations import SCHEMA_VERSION
from db.model.records import Source
from tests.db.odd_files import fingerprint, with_a_search_migration
from tests.small_fs import remount_read_only, small_filesystem


@pytest.fixture
def restore_permissions(seeded_path):
    yield
    for path in (seeded_path, seeded_path.parent):
        os.chmod(path, os.stat(path).st_mode | stat.S_IWUSR)


def _assert_viewable_not_changeable(path, reason_words: str):
    before = fingerprint(path)
    db = open_database(path)
    assert db.read_only
    assert reason_words in db.read_only_reason
    assert db.execute("SELECT count(*) FROM indicators").fetchone()[0] == 5
    with pytest.raises(DatabaseReadOnly) as caught:
        store.save(db, Source(title="A new source", published=dt.date(2025, 7, 3)))
    assert str(caught.value) == db.read_only_reason
    db.close()
    assert fingerprint(path) == before


def test_a_file_marked_read_only_opens_read_only(seeded_path, restore_permissions):
    os.chmod(seeded_path, 0o444)
    _assert_viewable_not_changeable(seeded_path, "is read-only (its file permissions do not allow changes)")


def test_a_file_in_a_read_only_folder_opens_read_only(seeded_path, restore_permissions):
    os.chmod(seeded_path.parent, 0o555)
    _assert_viewable_not_changeable(seeded_path, "folder holding “seed.factsheet” is read-only")


def test_a_file_on_a_read_only_filesystem_opens_read_only(seeded_path, tmp_path):
    with small_filesystem(tmp_path / "disk", 4096) as disk:
        path = disk / "seed.factsheet"
        shutil.copyfile(seeded_path, path)
        remount_read_only(disk)
        _assert_viewable_not_changeable(path, "read-only")


def test_a_file_on_a_nearly_full_disk_opens_read_only(seeded_path, monkeypatch):
    monkeypatch.setattr(connection, "LOW_SPACE_BYTES", shutil.disk_usage(seeded_path.parent).free + 1)
    _assert_viewable_not_changeable(seeded_path, "disk holding “seed.factsheet” is full")


def test_asking_for_read_only_is_honoured(seeded_path):
    db = open_database(seeded_path, read_only=True)
    assert db.read_only_reason == "This database was opened read-only."
    db.close()


def test_an_old_file_that_cannot_be_changed_is_not_upgraded(seeded_path, restore_permissions, monkeypatch):
    with_a_search_migration(monkeypatch)
    os.chmod(seeded_path, 0o444)
    before = fingerprint(seeded_path)
    with pytest.raises(DatabaseReadOnly, match="needs upgrading .* but it cannot be changed"):
        open_database(seeded_path)
    assert fingerprint(seeded_path) == before
    assert not list(seeded_path.parent.glob("*.bak-*"))


def test_a_new_file_cannot_be_made_in_a_read_only_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    os.chmod(folder, 0o555)
    try:
        with pytest.raises(DatabaseReadOnly, match="cannot be created because the folder"):
            open_database(folder / "new.factsheet")
        assert not (folder / "new.factsheet").exists()
    finally:
        os.chmod(folder, 0o755)


def test_an_upgrade_that_fails_says_where_the_copy_from_before_it_is(seeded_path, monkeypatch):
    with_a_search_migration(monkeypatch)
    failing = migrations.MIGRATIONS

    @failing(name="0100_breaks")
    def breaks(db):
        db.execute("INSERT INTO subjects (name_en) VALUES (NULL)")

    with pytest.raises(FactSheetError, match=r"could not be upgraded .*the copy made before the upgrade is at"):
        open_database(seeded_path)
    backup = seeded_path.with_name(f"{seeded_path.name}.bak-{SCHEMA_VERSION}")
    assert sqlite3.connect(backup).execute("SELECT count(*) FROM indicators").fetchone()[0] == 5
