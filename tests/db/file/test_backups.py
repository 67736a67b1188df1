"""Backups made by the rule (with a fake clock), listed, compared and restored."""

from __future__ import annotations

import datetime as dt

import pytest

from db import store
from db.errors import FactSheetError
from db.file import backups
from db.file.connection import open_database
from db.model.records import Source
from db.read import backup_compare, queries

START = dt.datetime(2026, 1, 1, 9, 0, 0)


def test_the_rule_keeps_a_week_of_everything_then_weeks_then_months():
    now = START + dt.timedelta(days=180)
    made = [START + dt.timedelta(days=n, hours=h) for n in range(181) for h in (0, 6)]
    kept = sorted(made[i] for i in backups.kept_by_rule(made, now))
    recent = [m for m in made if now - m <= dt.timedelta(days=7)]
    assert set(recent) <= set(kept)
    weekly = [m for m in kept if dt.timedelta(days=7) < now - m <= dt.timedelta(days=61)]
    assert len(weekly) == len({m.isocalendar()[:2] for m in weekly}) >= 7  # one a calendar week
    monthly = [m for m in kept if now - m > dt.timedelta(days=61)]
    assert len(monthly) == len({(m.year, m.month) for m in monthly})  # one a month
    assert {(m.year, m.month) for m in monthly} == {(m.year, m.month) for m in made if now - m > dt.timedelta(days=61)}
    assert len(kept) < 40


def test_daily_backups_over_months_are_pruned_by_the_rule(seeded_db):
    for day in range(120):
        moment = START + dt.timedelta(days=day, hours=10)
        assert backups.daily_backup(seeded_db, now=moment) is not None
        assert backups.daily_backup(seeded_db, now=moment + dt.timedelta(hours=3)) is None  # one a day
    listed = backups.list_backups(seeded_db.path)
    now = START + dt.timedelta(days=119, hours=10)
    assert [b.made for b in listed] == sorted(b.made for b in listed)[::-1]  # newest first
    days = {b.made.date() for b in listed}
    assert {(now - dt.timedelta(days=n)).date() for n in range(8)} <= days
    assert 14 <= len(listed) <= 22  # 8 days, about 9 weeks, then January
    assert min(days) < dt.date(2026, 2, 1)
    assert all(b.reason == "daily" and b.reason_label == "the day's first change" for b in listed)


def test_backups_of_two_files_with_one_name_never_mix(tmp_path):
    a = open_database(tmp_path / "one" / "facts.factsheet")
    b = open_database(tmp_path / "two" / "facts.factsheet")
    made = backups.make_backup(a, now=START)
    assert backups.list_backups(b.path) == [] and [x.path for x in backups.list_backups(a.path)] == [made]
    a.close()
    b.close()


def test_a_restore_brings_back_the_backup_and_keeps_the_state_before(seeded_db):
    backup = backups.make_backup(seeded_db, reason="before-import", now=START)
    added = store.save(seeded_db, Source(title="Customs bulletin"))
    counts = queries.counts(seeded_db)
    differences = backup_compare.compare(seeded_db.path, backup)
    assert [(d.kind, d.only_now, d.only_backup, d.examples_now) for d in differences] == [
        ("source", 1, 0, ["Customs bulletin"])]
    assert backup_compare.record_counts(backup)["source"] == counts["source"] - 1

    kept = backups.restore_backup(seeded_db, backup, now=START + dt.timedelta(hours=1))
    assert seeded_db.execute("SELECT 1 FROM sources WHERE id = ?", [added]).fetchone() is None
    assert backup_compare.record_counts(kept) == counts  # the state before the restore, kept
    assert [b.reason for b in backups.list_backups(seeded_db.path)][:2] == ["before-restore", "before-import"]
    backups.restore_backup(seeded_db, kept, keep_current=False)  # and back again
    assert queries.counts(seeded_db) == counts


def test_a_changed_record_is_told_from_added_and_removed_ones(seeded_db):
    backup = backups.make_backup(seeded_db, now=START)
    forum = store.get(seeded_db, "event", seeded_db.execute("SELECT id FROM events WHERE kind = 'forum'").fetchone()[0])
    forum.status = "held"
    store.save(seeded_db, forum)
    [event] = backup_compare.compare(seeded_db.path, backup)
    assert (event.kind, event.only_now, event.only_backup, event.changed) == ("event", 0, 0, 1)
    assert "Irtysh" in event.examples_changed[0]


def test_a_file_that_is_not_a_good_backup_is_refused_and_nothing_changes(seeded_db, tmp_path):
    bad = tmp_path / "bad.factsheet"
    bad.write_bytes(b"not a database at all" * 100)
    counts = queries.counts(seeded_db)
    with pytest.raises(FactSheetError, match="The backup cannot be used"):
        backups.restore_backup(seeded_db, bad)
    assert queries.counts(seeded_db) == counts


def test_the_copy_made_before_an_upgrade_is_listed_and_restores_up_to_date(tmp_path, seeded_db):
    from db.file import connection
    from db.file.database import FactSheetDatabase
    from db.file.migrations import MIGRATIONS, SCHEMA_VERSION
    from tests.db.read.test_search import _copy_records

    path = tmp_path / "old.factsheet"
    old = FactSheetDatabase(connection.connect_file(path, "rwc"), path)
    MIGRATIONS.apply(old, stop_before="0005_record_identities")
    _copy_records(seeded_db, old)
    old.close()
    db = open_database(path)  # upgraded, after keeping a copy beside it
    [before_upgrade] = backups.list_backups(path)
    assert before_upgrade.reason == "before-upgrade" and before_upgrade.reason_label == "before an upgrade"
    store.save(db, Source(title="Written after the upgrade"))
    backups.restore_backup(db, before_upgrade.path, now=START)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert queries.counts(db) == queries.counts(seeded_db)
    assert db.execute("SELECT count(*) FROM sources WHERE uuid IS NULL").fetchone()[0] == 0
    db.close()
