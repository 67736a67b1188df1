"""A separate process that writes to a database until it is killed, for crash-safety tests.

    python -m tests.db.crash_worker edits PATH START  save edits in a loop, printing each number
    python -m tests.db.crash_worker load PATH N       load a bundle of N figures, printing progress
    python -m tests.db.crash_worker bulk PATH N       insert N rows in one SQL transaction
    python -m tests.db.crash_worker writer PATH NAME N   save N sources while another writer runs
    python -m tests.db.crash_worker undo PATH START [PAUSE_MS]   save edits through the editor's
                                                      undo history, undoing and redoing some, in a loop
    python -m tests.db.crash_worker csv PATH FILE MODE   run ``factsheet import --db PATH FILE``;
                                                      MODE "pause" stops it just before its COMMIT
                                                      (with pages already spilled to the log),
                                                      "commit" says when the COMMIT starts

Every line is printed after the work it names is committed, so the test knows what must
survive a SIGKILL; each edit leaves marks ("edit 17") in every row it writes, so the test
can see whether any edit is only partly there.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

from db import store
from db.exchange.bundle import load_bundle
from db.file.connection import open_database
from db.model.records import Link, Source, Statement


def _ids(db, table: str) -> list[int]:
    return [row[0] for row in db.execute(f"SELECT id FROM {table} ORDER BY id")]


def edits(path: Path, number: int) -> None:
    """Alternate two kinds of edit, each one transaction touching several tables."""
    db = open_database(path)
    parties, sources = _ids(db, "parties"), _ids(db, "sources")
    agreement = store.get(db, "agreement", _ids(db, "agreements")[0])
    while True:
        mark = f"edit {number}"
        # A new record with a link: both rows or neither.
        store.save(db, Statement(text=mark, sources=[Link(sources[0], mark)]))
        # An edit of a record whose links are all replaced.
        agreement.title = f"Agreement {mark}"
        agreement.parties = [Link(p, mark) for p in parties[:number % 3 + 1]]
        agreement.sources = [Link(sources[0], mark)]
        store.save(db, agreement)
        print(number, flush=True)
        number += 1


def bundle_of(figures: int) -> dict:
    """A bundle with one source, two parties and ``figures`` indicators."""
    start = dt.date(1900, 1, 1)
    return {"format": "factsheet-bundle", "version": 1, "records": {
        "sources": [{"ref": "bulk", "title": "Bulk load source"}],
        "parties": [{"ref": "a", "kind": "region", "name_en": "Bulk region A"},
                    {"ref": "b", "kind": "region", "name_en": "Bulk region B"}],
        "indicators": [{"ref": f"f{n}", "subject_id": "a", "counterpart_id": "b", "indicator": "exports",
                        "period_start": (start + dt.timedelta(days=n)).isoformat(),
                        "period_end": (start + dt.timedelta(days=n)).isoformat(),
                        "value": n, "unit": "USD million", "sources": [{"ref": "bulk"}]}
                       for n in range(figures)]}}


def load(path: Path, figures: int) -> None:
    db = open_database(path)

    def progress(done: int, total: int) -> None:
        if done % 500 == 0:
            print(f"progress {done}", flush=True)

    load_bundle(db, bundle_of(figures), progress)
    print("done", flush=True)


def bulk(path: Path, rows: int) -> None:
    db = open_database(path)
    subject = _ids(db, "parties")[0]

    def generate():
        for n in range(rows):
            if n == 50_000:
                print("inserting", flush=True)
            yield (subject, "bulk_figure", "2024-01-01", "2024-12-31", n, "units")

    with db.atomic():
        db.conn.executemany("INSERT INTO indicators (subject_id, indicator, period_start, period_end, value, unit) "
                            "VALUES (?, ?, ?, ?, ?, ?)", generate())
    print("done", flush=True)


def writer(path: Path, name: str, count: int) -> None:
    """Save ``count`` sources, re-save one shared record and load small bundles (which read
    inside their transaction before writing), as a second window would."""
    db = open_database(path)
    shared = store.get(db, "source", _ids(db, "sources")[0])
    for number in range(count):
        store.save(db, Source(title=f"{name} {number}"))
        shared.notes = f"{name} {number}"
        store.save(db, shared)
        if number % 10 == 0:
            small = bundle_of(2)
            for item in small["records"]["sources"] + small["records"]["parties"]:
                item[next(k for k in ("title", "name_en") if k in item)] += f" {name} {number}"
            load_bundle(db, small)
    print("done", flush=True)


def undo(path: Path, number: int, pause: float = 0.0) -> None:
    """Edits as the window makes them: each Save one step on a real ``QUndoStack`` (offscreen),
    written by ``desktop.common.undo`` through ``db.store``; every third step undone and redone."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    from desktop.common.undo import History

    app = QGuiApplication([sys.argv[0]])  # noqa: F841 (Qt objects need an application)
    db = open_database(path)
    history = History(db)
    history.failed.connect(lambda message: print(f"ERROR step: {message}", flush=True))
    parties, sources = _ids(db, "parties"), _ids(db, "sources")
    agreement_id = _ids(db, "agreements")[0]

    def step(mark: str, n: int):
        def work(recorder) -> None:
            recorder.save(Statement(text=mark, sources=[Link(sources[0], mark)]))
            agreement = store.get(db, "agreement", agreement_id)
            agreement.title = f"Agreement {mark}"
            agreement.parties = [Link(p, mark) for p in parties[:n % 3 + 1]]
            agreement.sources = [Link(sources[0], mark)]
            recorder.save(agreement)
        return work

    while True:
        mark = f"edit {number}"
        history.session().run(f"Edit {mark}", step(mark, number))
        print(f"saved {number}", flush=True)
        if number % 3 == 0:
            history.stack.undo()
            print(f"undone {number}", flush=True)
            history.stack.redo()
            print(f"redone {number}", flush=True)
        number += 1
        time.sleep(pause)  # a person's pace between saves (SQLite's lock is not first come, first served)


def csv_import(path: Path, csv_path: Path, mode: str) -> int:
    """The real command, watched through SQLite's statement trace (a test's eyes only)."""
    from db.exchange.figures import writer as figure_writer
    from db.file import connection
    from desktop.app import main as factsheet

    if mode == "pause":
        figure_writer.IMPORT_CACHE_KIB = -2048  # a small cache: the transaction's pages spill into the log
    seen = {"begun": False}
    original = connection.connect_file

    def trace(statement: str) -> None:
        text = statement.strip().upper()
        if text.startswith("INSERT INTO INDICATORS_SOURCES"):
            seen["begun"] = True
        elif text == "COMMIT" and seen["begun"]:
            print("committing", flush=True)
            while mode == "pause":
                time.sleep(1)

    def connect_file(*args, **kwargs):
        conn = original(*args, **kwargs)
        conn.set_trace_callback(trace)
        return conn

    connection.connect_file = connect_file
    status = factsheet(["import", "--db", str(path), str(csv_path)])
    print("done", flush=True)
    return status


def main(argv: list[str]) -> int:
    command, path, *rest = argv
    try:
        if command == "edits":
            edits(Path(path), int(rest[0]))
        elif command == "load":
            load(Path(path), int(rest[0]))
        elif command == "bulk":
            bulk(Path(path), int(rest[0]))
        elif command == "writer":
            writer(Path(path), rest[0], int(rest[1]))
        elif command == "undo":
            undo(Path(path), int(rest[0]), float(rest[1]) / 1000 if len(rest) > 1 else 0.0)
        elif command == "csv":
            return csv_import(Path(path), Path(rest[0]), rest[1])
    except Exception as error:  # the test reads this line; it must name what reached the user
        print(f"ERROR {type(error).__name__}: {error}", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
