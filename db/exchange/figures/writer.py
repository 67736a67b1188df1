"""Writing checked figures fast, and recognising those already present.

A figure is already present when the database holds one with the same subject,
counterpart, reporter, indicator, period, value and unit, linked to the same source; a row
repeating an earlier row of the file counts as already present too.

Rows are written as they are read, inside the import's one transaction. Only a row that may
repeat a figure — its subject already had figures from its source, or an earlier row of the
file had the same figure — waits in a temporary table and is compared with set-based SQL at
the end. A large import builds the table's indexes once afterwards instead of growing them
row by row.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from db import store
from db.exchange.report import Steps
from db.model import identity

if TYPE_CHECKING:
    from sqlite_utils import Database

BATCH = 20_000
_FEW_STAGED = 2_000  # fewer staged rows than this are compared one by one
IMPORT_CACHE_KIB = -256 * 1024  # SQLite's page cache while importing (negative: KiB), taken as needed

STAGE = """
CREATE TEMP TABLE import_rows (
  line INTEGER PRIMARY KEY, subject_id INTEGER, counterpart_id INTEGER, reporter_id INTEGER,
  indicator TEXT, period_start TEXT, period_end TEXT, value REAL, unit TEXT, notes TEXT, source_id INTEGER,
  figure_hash INTEGER);
CREATE TEMP TABLE import_skip (line INTEGER PRIMARY KEY)
"""
# Figure {a} rests on the source of staged row {b}: as its first source, or a further one.
_FROM_SOURCE = ("({a}.source_id = {b}.source_id OR EXISTS (SELECT 1 FROM indicators_sources l "
                "WHERE l.indicator_id = {a}.id AND l.source_id = {b}.source_id))")
_SAME_FIGURE = ("{a}.subject_id = {b}.subject_id AND {a}.counterpart_id IS {b}.counterpart_id AND "
                "{a}.reporter_id IS {b}.reporter_id AND {a}.indicator = {b}.indicator AND "
                "{a}.period_start = {b}.period_start AND {a}.period_end = {b}.period_end AND "
                "{a}.value = {b}.value AND {a}.unit = {b}.unit")
# No uuid nor updated_at: an imported figure has its batch's (``db.store.identities``).
_FIGURE_COLUMNS = ("id", "subject_id", "counterpart_id", "reporter_id", "indicator", "period_start", "period_end",
                   "value", "unit", "notes", "source_id")
_OPTIONAL = ("counterpart_id", "reporter_id", "notes")  # the columns a figure may leave empty


def _insert_figure(shape: tuple[bool, bool, bool]) -> str:
    """The INSERT for figures with the optional columns ``shape`` says they have: an empty one
    is left out rather than bound as NULL, which costs Python's sqlite3 a look-up for an
    adapter per value (a third of the insert's time for two such columns)."""
    absent = {name for name, has in zip(_OPTIONAL, shape, strict=True) if not has}
    columns = [c for c in _FIGURE_COLUMNS if c not in absent]
    return f"INSERT INTO indicators ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


# The common shape: a counterpart, no reporter, no notes (``Cells.read`` writes it out).
PLAIN_SHAPE = (True, False, False)
_INSERT_STAGED = "INSERT INTO temp.import_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
# Adding at least this many figures (and no fewer than the table holds) rebuilds the indexes
# of ``indicators`` afterwards instead of growing six of them row by row: a sort per index
# instead of a million scattered writes (measured: 14 s instead of 25 s for a million).
REBUILD_INDEXES_AT = 50_000


class Writer:
    """Writes each good row as it is read, or stages it when it may repeat a figure.

    A figure is new unless the database already held a figure of its subject from its
    source, or the file had an earlier row with the same figure (its hash, taken from every
    field but the notes, came up before). Such rows wait in ``temp.import_rows`` and are
    compared in full at the end (``finish``); all others go straight into ``indicators``
    with their source. New ids follow the row numbers (base + line), so a staged row keeps
    its place in the file's order.

    A large import (at least ``REBUILD_INDEXES_AT`` rows and no fewer than the table holds)
    drops the table's indexes before its first write and builds them again at the end.

    Each figure's UUID is the import's random prefix and its row number
    (``db.model.identity``), all stamped with the import's time; both are kept once for the
    whole batch rather than in every row (``db.store.identities``), and the whole import is
    one entry of the change history (``db.store.figure_batch``): a million figures cost no
    more identity and history than one.
    """

    def __init__(self, db: Database, lines: int, name: str | None = None) -> None:
        self.db, self.name = db, name
        self.prefix, self.stamp = identity.uuid_prefix(), identity.now()
        self.base = db.execute("SELECT coalesce(max(id), 0) FROM indicators").fetchone()[0]
        existing = db.execute("SELECT count(*) FROM indicators").fetchone()[0]
        self.bulk = lines >= max(existing, REBUILD_INDEXES_AT)
        self.rows = self.written = 0
        self.hashes: set[int] = set()
        self.repeated: set[int] = set()  # hashes that came up more than once
        self.staged: list[tuple] = []
        # figures waiting to be written, by the optional columns they have (``PLAIN_SHAPE`` …)
        self.shaped: dict[tuple[bool, bool, bool], list[tuple]] = {PLAIN_SHAPE: []}
        self.plain = self.shaped[PLAIN_SHAPE]
        self.waiting = 0  # figures in ``shaped`` besides ``plain``
        self.dropped: list[tuple[str, str]] = []
        # (subject, source) -> the database held figures of that subject from that source
        self.held: dict[tuple[int, int], bool] = {}
        if self.bulk:  # one pass now instead of a query per pair after the indexes are gone
            self.held = dict.fromkeys(db.execute(
                "SELECT DISTINCT subject_id, source_id FROM indicators WHERE source_id IS NOT NULL UNION "
                "SELECT i.subject_id, l.source_id FROM indicators_sources l "
                "JOIN indicators i ON i.id = l.indicator_id").fetchall(), True)
        # Sources any figure already rests on; a figure from another source cannot be present.
        self.holding = {r[0] for r in db.execute(
            "SELECT id FROM sources s WHERE EXISTS (SELECT 1 FROM indicators WHERE source_id = s.id) "
            "OR EXISTS (SELECT 1 FROM indicators_sources WHERE source_id = s.id)")}

    def add(self, line: int, subject: int, counterpart: int | None, reporter: int | None, indicator: str,
            start: str, end: str, value: float, unit: str, notes: str | None, source: int) -> None:
        """Write or stage one checked figure, the ``line``-th of the file (its place in the order).

        ``db.exchange.figures.cells`` writes out the common case (a new figure from a source no
        stored figure rests on) itself, a million times, and calls this for the rest."""
        self.rows += 1
        key = hash((subject, counterpart, reporter, indicator, start, end, value, unit, source))
        held = False
        if source in self.holding:  # the database holds figures from this source: of this subject?
            held = self.held.get((subject, source))
            if held is None:
                held = self.held[(subject, source)] = not self.bulk and self._held(subject, source)
        hashes = self.hashes
        repeated = key in hashes
        if held or repeated:
            if repeated:
                self.repeated.add(key)
            self.staged.append((line, subject, counterpart, reporter, indicator, start, end, value, unit, notes,
                                source, key))
            if len(self.staged) >= BATCH:
                self.flush()
        else:
            self.new(self.base + line, subject, counterpart, reporter, indicator, start, end, value, unit, notes,
                     source)
        hashes.add(key)

    def new(self, figure_id: int, subject: int, counterpart: int | None, reporter: int | None, indicator: str,
            start: str, end: str, value: float, unit: str, notes: str | None, source: int) -> None:
        """Queue a figure known to be new, without the optional columns it leaves empty."""
        shape = (counterpart is not None, reporter is not None, notes is not None)
        row = (figure_id, subject, counterpart, reporter, indicator, start, end, value, unit, notes, source)
        if shape != (True, True, True):
            row = tuple(v for v in row if v is not None)  # only those optional columns can be None
        self.shaped.setdefault(shape, []).append(row)
        if shape != PLAIN_SHAPE:
            self.waiting += 1
        if self.waiting + len(self.plain) >= BATCH:
            self.flush()

    def _held(self, subject: int, source: int) -> bool:
        return self.db.execute(
            "SELECT EXISTS (SELECT 1 FROM indicators WHERE subject_id = :subject AND source_id = :source) "
            "OR EXISTS (SELECT 1 FROM indicators i JOIN indicators_sources l ON l.indicator_id = i.id "
            "WHERE i.subject_id = :subject AND l.source_id = :source)",
            {"subject": subject, "source": source}).fetchone()[0] == 1

    def flush(self) -> None:
        conn = self.db.conn
        for shape, figures in self.shaped.items():
            if not figures:
                continue
            if self.bulk and not self.dropped:
                self._drop_indexes()
            conn.executemany(_insert_figure(shape), figures)
            self.written += len(figures)
            figures.clear()
        self.waiting = 0
        if self.staged:
            conn.executemany(_INSERT_STAGED, self.staged)
            self.staged.clear()

    def _drop_indexes(self) -> None:
        self.dropped = self.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'indicators' "
            "AND sql IS NOT NULL").fetchall()
        for name, _sql in self.dropped:
            self.db.execute(f'DROP INDEX "{name}"')

    def _rebuild_indexes(self) -> None:
        for _name, sql in self.dropped:
            self.db.execute(sql)
        self.dropped = []

    def finish(self, steps: Steps) -> int:
        """Build the indexes again, add the staged rows that are new; return how many were added."""
        self.flush()
        steps.report(850, 1000)
        steps.check_cancelled()
        self._rebuild_indexes()
        steps.report(900, 1000)
        steps.check_cancelled()
        added = self.written + self._add_staged(steps)
        if added:
            last = self.db.execute("SELECT max(id) FROM indicators").fetchone()[0]
            store.figure_batch(self.db, self.base + 1, last, added, uuid_prefix=self.prefix, stamp=self.stamp,
                               note=self.name)
        steps.report(950, 1000)
        steps.check_cancelled()
        return added

    def _add_staged(self, steps: Steps) -> int:
        """Skip the staged rows repeating a figure already written or an earlier staged row;
        add the others."""
        db = self.db
        staged = db.execute("SELECT count(*) FROM temp.import_rows").fetchone()[0]
        if not staged:
            return 0
        if self.repeated:  # staged rows repeating each other (a row repeating a row written is found below)
            first: dict[tuple, int] = {}
            repeats = []
            for line, *figure in db.execute(
                    "SELECT line, subject_id, counterpart_id, reporter_id, indicator, period_start, period_end, "
                    "value, unit, source_id FROM temp.import_rows WHERE figure_hash IN "
                    "(SELECT value FROM json_each(?)) ORDER BY line", [json.dumps(sorted(self.repeated))]):
                if first.setdefault(tuple(figure), line) != line:
                    repeats.append((line,))
            db.conn.executemany("INSERT INTO temp.import_skip VALUES (?)", repeats)
        if staged < _FEW_STAGED:  # each staged row looks among its pair's figures
            db.execute("INSERT OR IGNORE INTO temp.import_skip SELECT s.line FROM temp.import_rows s WHERE EXISTS ("
                       "SELECT 1 FROM indicators i WHERE " + _SAME_FIGURE.format(a="i", b="s") + " AND "
                       + _FROM_SOURCE.format(a="i", b="s") + ")")
        else:  # many: each figure of their subjects looks for itself among them, through an index
            db.execute("CREATE INDEX temp.import_rows_figure ON import_rows(subject_id, period_start, indicator, value)")
            db.execute("INSERT OR IGNORE INTO temp.import_skip SELECT s.line FROM indicators i "
                       "CROSS JOIN temp.import_rows s WHERE i.subject_id IN (SELECT subject_id FROM temp.import_rows) "
                       "AND " + _SAME_FIGURE.format(a="s", b="i") + " AND " + _FROM_SOURCE.format(a="i", b="s"))
        adding = staged - db.execute("SELECT count(*) FROM temp.import_skip").fetchone()[0]
        existing = db.execute("SELECT count(*) FROM indicators").fetchone()[0]
        if adding >= max(existing, REBUILD_INDEXES_AT):
            self._drop_indexes()
        new_rows = "FROM temp.import_rows s WHERE s.line NOT IN (SELECT line FROM temp.import_skip) ORDER BY s.line"
        db.execute("INSERT INTO indicators (id, subject_id, counterpart_id, reporter_id, indicator, period_start, "
                   "period_end, value, unit, notes, source_id) SELECT :base + s.line, s.subject_id, "
                   "s.counterpart_id, s.reporter_id, s.indicator, s.period_start, s.period_end, s.value, s.unit, "
                   "s.notes, s.source_id " + new_rows, {"base": self.base})
        steps.check_cancelled()
        self._rebuild_indexes()
        return adding
