"""Real damaged and foreign files for tests: cut short, garbled in place, or laced with triggers."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from db.file import migrations
from db.file.migrations import SCHEMA_VERSION
from tests.bench.bigdata import make_big_database


def fingerprint(path: Path) -> str:
    """A hash of a file's bytes, to prove a file was left exactly as it was."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_file_with_rows(path: Path, rows: int = 3000) -> Path:
    """A closed, checkpointed database with the seed data and ``rows`` generated figures."""
    make_big_database(path, rows).close()
    return path


def leaf_page_offset(path: Path, table: str = "indicators", nth: int = 3) -> tuple[int, int]:
    """(byte offset, page size) of one leaf page of ``table`` in the file."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", [table])]
    finally:
        conn.close()
    return (pages[nth] - 1) * page_size, page_size


def garble_record_contents(path: Path, nth: int = 3, table: str = "indicators") -> None:
    """Overwrite the records at the end of one page of ``table``: the header, the schema and
    the row count stay readable, and only a full check (or reading those rows) notices."""
    offset, page_size = leaf_page_offset(path, table, nth=nth)
    with path.open("r+b") as handle:
        handle.seek(offset + page_size - 300)
        handle.write(b"\x07" * 300)


def garble_cell_pointers(path: Path) -> None:
    """Point one page's cells outside the page."""
    offset, _page_size = leaf_page_offset(path)
    with path.open("r+b") as handle:
        handle.seek(offset + 8)
        handle.write(b"\xff" * 32)


def cut(path: Path, length: int) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:length])


def add_foreign_objects(path: Path, *statements: str) -> None:
    """Run a stranger's SQL on a file, as another program would."""
    conn = sqlite3.connect(path)
    try:
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


# Would wipe every statement the moment a figure is saved (plain SQL: trusted_schema=OFF
# does not stop it; only never writing through such a schema does).
WIPE_TRIGGER = ("CREATE TRIGGER wipe_statements AFTER INSERT ON indicators "
                "BEGIN DELETE FROM statements; END")


def with_a_search_migration(monkeypatch) -> None:
    """Our migrations plus a full-text step like the search migration: FTS5 table and triggers."""
    newer = Migrations("factsheet")
    for step in migrations.MIGRATIONS.pending(Database(memory=True)):
        newer(name=step.name)(step.fn)

    @newer(name="0099_search_like")
    def search(db):
        db.executescript("""
            CREATE VIRTUAL TABLE sources_fts USING fts5(title, content='sources', content_rowid='id');
            CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
              INSERT INTO sources_fts(rowid, title) VALUES (new.id, new.title); END;
        """)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")

    monkeypatch.setattr(migrations, "MIGRATIONS", newer)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
