"""How much each damage check costs when a large file is opened.

    python -m tests.bench.open_check /tmp/big.factsheet      (make it with tests.bench.bigdata)

Prints the best of a few runs for: opening with the full ``quick_check``, opening as the
app does for a large, cleanly closed file (header, schema and known-object checks only),
``quick_check`` and ``integrity_check`` on their own, and the cheap checks on their own —
each also as a ratio of the cheapest way to open the file, measured in the same run.
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from db.file import integrity, known_schema
from db.file.connection import open_database
from db.file.sqlite import connect_read_only
from tests.bench.timing import best


def _open(path: Path, full: bool) -> None:
    open_database(path, full_check=full).close()


def _pragma(path: Path, pragma: str) -> None:
    conn = connect_read_only(path)
    conn.execute(pragma).fetchall()
    conn.close()


def _cheap(path: Path) -> None:
    header = path.open("rb").read(integrity.HEADER_SIZE)
    integrity.header_damage(path, header, path.stat().st_size)
    conn = connect_read_only(path)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    known_schema.differences(conn, version)
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    path = args.path
    baseline = best(lambda: sqlite3.connect(f"file:{path}?mode=ro", uri=True).execute(
        "SELECT count(*) FROM sqlite_master").fetchone(), args.runs)
    rows = [
        ("open, as the app does for this file", lambda: _open(path, integrity.full_check_due(path))),
        ("open without the full check", lambda: _open(path, False)),
        ("open with the full quick_check", lambda: _open(path, True)),
        ("header + schema + known objects only", lambda: _cheap(path)),
        ("PRAGMA quick_check", lambda: _pragma(path, "PRAGMA quick_check")),
        ("PRAGMA integrity_check (factsheet check)", lambda: _pragma(path, "PRAGMA integrity_check")),
    ]
    size = path.stat().st_size / 1e6
    print(f"{path} — {size:,.0f} MB; full check on open is due: {integrity.full_check_due(path)}")
    print(f"{'connect and read the schema (baseline)':45s} {baseline * 1000:9.1f} ms")
    for label, fn in rows:
        runs = 1 if "integrity_check" in label else args.runs
        seconds = best(fn, runs)
        print(f"{label:45s} {seconds * 1000:9.1f} ms  ×{seconds / baseline:,.0f}")


if __name__ == "__main__":
    main()
