"""Which file system holds a database, read from a made-up mount table, and what a network
drive changes: the rollback journal instead of the write-ahead log."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db import store
from db.file import filesystems
from db.file.connection import open_database
from db.model.records import Source

MOUNTS = textwrap.dedent("""\
    22 1 253:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw
    25 22 0:21 / /proc rw,nosuid shared:12 - proc proc rw
    40 22 0:40 / /mnt/office rw,relatime shared:20 - cifs //server/share rw,vers=3.0
    41 40 0:41 / /mnt/office/local\\040copy rw shared:21 - ext4 /dev/vdb1 rw
    42 22 0:42 / /home/me/nfs rw shared:22 - nfs4 server:/export rw
    43 22 0:43 / /media/stick rw shared:23 - vfat /dev/sdb1 rw
    44 22 0:44 / /media/stick rw shared:24 - fuse.sshfs me@host:/ rw
""")


@pytest.mark.parametrize(("path", "expected"), [
    ("/home/me/facts.factsheet", None),
    ("/mnt/office/facts.factsheet", "cifs"),
    ("/mnt/office/deep/er/facts.factsheet", "cifs"),
    ("/mnt/office/local copy/facts.factsheet", None),  # a local disk mounted inside the share
    ("/mnt/officer/facts.factsheet", None),  # a name that only starts like the share's
    ("/home/me/nfs/facts.factsheet", "nfs4"),
    ("/media/stick/facts.factsheet", "fuse.sshfs"),  # the later mount hides the earlier one
])
def test_the_network_drive_is_told_from_the_mount_table(path, expected):
    assert filesystems.network_filesystem(path, MOUNTS) == expected


def test_a_mount_table_line_that_cannot_be_read_is_skipped():
    assert filesystems.mounts("garbage\n40 22 0:40 / /mnt/x rw - nfs s:/ rw\n") == [("/mnt/x", "nfs")]


def _pretend_network(monkeypatch, tmp_path: Path, kind: str = "cifs") -> None:
    table = tmp_path / "mountinfo"
    table.write_text(f"22 1 253:1 / / rw - ext4 /dev/vda1 rw\n"
                     f"40 22 0:40 / {os.path.realpath(tmp_path)} rw - {kind} //server/share rw\n")
    monkeypatch.setattr(filesystems, "MOUNTINFO", table)


def test_this_computers_mount_table_is_read(monkeypatch, tmp_path):
    _pretend_network(monkeypatch, tmp_path)
    assert filesystems.network_filesystem(tmp_path / "facts.factsheet") == "cifs"
    monkeypatch.setattr(filesystems, "MOUNTINFO", tmp_path / "no-such-table")
    assert filesystems.network_filesystem(tmp_path / "facts.factsheet") is None


def _journal(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


def test_a_database_on_a_network_drive_uses_the_rollback_journal(monkeypatch, tmp_path, seeded_path):
    _pretend_network(monkeypatch, tmp_path)
    assert _journal(seeded_path) == "wal"  # as Fact Sheet made it on a local disk
    db = open_database(seeded_path)
    try:
        assert not db.read_only and db.network_filesystem == "cifs"
        store.save(db, Source(title="Saved on the share"))
        assert not seeded_path.with_name(seeded_path.name + "-wal").exists()
        assert not seeded_path.with_name(seeded_path.name + "-shm").exists()
    finally:
        db.close()
    assert _journal(seeded_path) == "delete"
    new = open_database(tmp_path / "new.factsheet")
    assert _journal(tmp_path / "new.factsheet") == "delete"
    new.close()


_HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT count(*) FROM sources").fetchone()  # opened in WAL mode, as another window would
print("open", flush=True)
sys.stdin.readline()
conn.close()
"""


def test_a_wal_file_on_a_network_drive_held_by_another_program_opens_read_only_with_a_sentence(
        monkeypatch, tmp_path, seeded_path):
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(seeded_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        _pretend_network(monkeypatch, tmp_path, "nfs4")
        db = open_database(seeded_path)
        try:
            assert db.read_only
            assert db.read_only_reason == (
                "“seed.factsheet” is on a network drive (nfs4), where SQLite's write-ahead log cannot be shared "
                "safely, and another program has it open that way, so it is shown read-only. Close the other "
                "program (or copy the file to this computer) and open it again.")
            assert db.execute("SELECT count(*) FROM sources").fetchone()[0] == 1
        finally:
            db.close()
    finally:
        holder.communicate("\n", timeout=10)
    assert _journal(seeded_path) == "wal"
