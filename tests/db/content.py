"""A database's content independent of row ids, to compare two databases record by record."""

from __future__ import annotations

from functools import cache

from sqlite_utils import Database

# Tables that are bookkeeping, not content: migrations, the search index and its queue, the
# change history (each database writes its own) and the briefings printed from it.
_NOT_CONTENT = ("sqlite_", "_sqlite_", "search_", "history", "briefings")


def content(db: Database) -> dict[str, list[str]]:
    """Every content table's rows, each with ids replaced by what they point at, sorted."""
    tables = [t for t in db.table_names() if not t.startswith(_NOT_CONTENT)]
    keys = {t: {fk[3]: fk[2] for fk in db.execute(f"PRAGMA foreign_key_list({t})")} for t in tables}

    @cache
    def row(table: str, row_id: int) -> tuple:
        cursor = db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id])
        names = [d[0] for d in cursor.description]
        return resolve(table, names, cursor.fetchone())

    def resolve(table: str, names: list[str], values: tuple) -> tuple:
        out = []
        for name, value in zip(names, values, strict=True):
            if name == "id":
                continue
            if name in keys[table] and value is not None:
                value = (keys[table][name], row(keys[table][name], value))
            out.append((name, value))
        return tuple(out)

    result = {}
    for table in tables:
        cursor = db.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        result[table] = sorted(repr(resolve(table, names, values)) for values in cursor.fetchall())
    return result
