"""What points at a record, and every row deleting it would take: read before any delete.

``references`` lists the records that use one (a delete is refused while one of them would
block it); ``capture`` reads every row a delete removes or changes — the record's own row,
its link rows, the rows ``ON DELETE CASCADE`` takes with it, and the references
``ON DELETE SET NULL`` clears — so that ``db.store.writes.restore`` can put them all back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from db.errors import RecordNotFound
from db.model.i18n import _
from db.model.records import KIND_NAMES, KINDS, REFERENCE_KINDS, format_count
from db.store.identities import identity_columns

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Reference:
    """A record that points at another one, and what deleting the target does to it."""

    kind: str
    id: int
    cascade: bool  # True: deleted with the target; False: blocks the delete


def foreign_keys(db: Database) -> list[tuple[str, str, str, str]]:
    """(table, column, referenced table, on_delete) for every foreign key in our schema."""
    result = []
    for table in db.table_names():
        if table.startswith(("_", "sqlite_")):
            continue
        for fk in db.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            result.append((table, fk[3], fk[2], fk[6]))
    return result


# Which kind owns the rows of each table (link tables belong to the record they hang off).
def owner(table: str) -> tuple[str, str] | None:
    for cls in KINDS.values():
        if table == cls.TABLE:
            return cls.KIND, "id"
        for spec in cls.LINKS.values():
            if spec.table == table:
                return cls.KIND, spec.own_column
    return None


def references(db: Database, kind: str, record_id: int, *, limit: int | None = None) -> list[Reference]:
    """Every other record that points at this one (links included).

    ``limit`` caps how many are read from each table that points here (a source may carry
    a million figures; the detail pane shows a few).
    """
    target = KINDS[kind].TABLE
    found: list[Reference] = []
    for table, column, parent, on_delete in foreign_keys(db):
        owned = owner(table)
        if parent != target or owned is None:
            continue
        owner_kind, owner_column = owned
        if owner_kind == kind and owner_column == column:
            continue  # the record's own link rows
        rows = db.execute(f"SELECT DISTINCT {owner_column} FROM {table} WHERE {column} = ? LIMIT ?",
                          [record_id, -1 if limit is None else limit]).fetchall()
        cascade = on_delete in ("CASCADE", "SET NULL")
        found.extend(Reference(owner_kind, r[0], cascade) for r in rows)
    return found


def describe_references(refs: list[Reference]) -> str:
    """"3 indicators and 1 agreement" for a delete confirmation."""
    counts: dict[str, int] = {}
    for ref in refs:
        counts[ref.kind] = counts.get(ref.kind, 0) + 1
    parts = [format_count(n, k) for k, n in counts.items()]
    if len(parts) <= 1:
        return "".join(parts)
    return _("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])


@dataclass(frozen=True)
class Captured:
    """Every row a delete removes or changes, so that undo can put them all back.

    ``rows`` holds the record's own row, its link rows and every row that ``ON DELETE
    CASCADE`` takes with it (a person's positions and their source links), parents
    before children. ``nulled`` holds the references ``ON DELETE SET NULL`` clears (a
    statement made at a deleted event) as ``(table, column, rowid, value)``.
    """

    kind: str
    id: int
    rows: tuple[tuple[str, dict[str, object]], ...]
    nulled: tuple[tuple[str, str, int, object], ...] = ()

    def dependents(self) -> dict[str, int]:
        """How many records of each other kind go with it (not counting link rows)."""
        return _records_by_kind(table for table, _row in self.rows[1:])

    def unlinked(self) -> dict[str, int]:
        """How many records of each kind lose their reference to it (and keep the rest)."""
        return _records_by_kind(table for table, _column, _rowid, _value in self.nulled)

    def to_json(self) -> dict[str, object]:
        """The rows as plain JSON (for the history of a delete)."""
        return {"rows": [[table, row] for table, row in self.rows],
                "nulled": [list(item) for item in self.nulled]}

    @classmethod
    def from_json(cls, kind: str, record_id: int, data: dict) -> Captured:
        return cls(kind, record_id, tuple((table, dict(row)) for table, row in data.get("rows", [])),
                   tuple((t, c, int(r), v) for t, c, r, v in data.get("nulled", [])))


def _records_by_kind(tables: Iterable[str]) -> dict[str, int]:
    """How many of these rows are records, by kind (rows of link tables are not counted)."""
    kinds = {cls.TABLE: cls.KIND for cls in KINDS.values()}
    counts: dict[str, int] = {}
    for table in tables:
        kind = kinds.get(table)
        if kind is not None:
            counts[kind] = counts.get(kind, 0) + 1
    return counts


def capture(db: Database, kind: str, record_id: int) -> Captured:
    """Read every row deleting this record would remove or change (see ``Captured``)."""
    keys = foreign_keys(db)
    rows: list[tuple[str, dict[str, object]]] = []
    nulled: list[tuple[str, str, int, object]] = []
    seen: set[tuple[str, int]] = set()

    def visit(table: str, column: str, value: object) -> None:
        # A figure's identity may be its import batch's: it leaves the table written out in its row.
        cursor = db.execute(f"SELECT rowid AS _rowid_, {identity_columns(db, table, table)} FROM {table} "
                            f"WHERE {column} = ? ORDER BY rowid", [value])
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            rowid = row.pop("_rowid_")
            if (table, rowid) in seen:
                continue
            seen.add((table, rowid))
            rows.append((table, row))
            if "id" not in row:
                continue  # a link row: nothing refers to it
            for child, child_column, parent, on_delete in keys:
                if parent != table:
                    continue
                if on_delete == "CASCADE":
                    visit(child, child_column, row["id"])
                elif on_delete == "SET NULL":
                    for (child_rowid,) in db.execute(
                            f"SELECT rowid FROM {child} WHERE {child_column} = ?", [row["id"]]).fetchall():
                        nulled.append((child, child_column, child_rowid, row["id"]))

    visit(KINDS[kind].TABLE, "id", record_id)
    if not rows:
        raise RecordNotFound(_("That {kind} no longer exists; it may have been deleted.").format(
            kind=KIND_NAMES[kind][0].lower()))
    return Captured(kind, record_id, tuple(rows), tuple(nulled))


def with_new_id(captured: Captured, new_id: int) -> Captured:
    """The same rows with the record's own id replaced by ``new_id`` (its old one was taken):
    in its row, its link rows, the rows that point at it and the references to put back."""
    table = KINDS[captured.kind].TABLE
    pointing = {(t, c) for t, c, parent, _on_delete in _keys_in(captured) if parent == table}
    rows = []
    for name, row in captured.rows:
        row = dict(row)
        if name == table and row.get("id") == captured.id:
            row["id"] = new_id
        for column, value in row.items():
            if (name, column) in pointing and value == captured.id:
                row[column] = new_id
        rows.append((name, row))
    nulled = tuple((t, c, r, new_id if v == captured.id and (t, c) in pointing else v)
                   for t, c, r, v in captured.nulled)
    return Captured(captured.kind, new_id, tuple(rows), nulled)


def _keys_in(captured: Captured) -> list[tuple[str, str, str, str]]:
    """The columns that hold the record's id: its link tables' own column, and every field
    of another kind that refers to its kind (a position's person, a statement's event)."""
    cls = KINDS[captured.kind]
    keys = [(spec.table, spec.own_column, cls.TABLE, "") for spec in cls.LINKS.values()]
    for other in KINDS.values():
        keys += [(other.TABLE, name, cls.TABLE, "") for name, _type in other.column_fields()
                 if REFERENCE_KINDS.get(name) == captured.kind]
    return keys
