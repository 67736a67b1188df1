"""Records' identities as stored: each record's own, or for an imported figure, its batch's.

A record's ``uuid`` and ``updated_at`` are columns of its row (``db.model.identity``), except
for the figures an import writes: the import records its batch once in ``figure_batches``
(``record_batch``) and leaves both columns empty, and each figure of the batch is given
the batch's identity wherever one is read — by id (``identity_of``, ``identities``), by
UUID (``holding``) or for a whole table at once (``batches``). A figure edited later gets
its own stamp and keeps its batch's UUID. A figure deleted alone takes its identity along
written out (``identity_columns``); an undone import takes its batch along and puts it back
with its figures (``set_batches_aside``, ``bring_batches_back``), so figures come back with
their identity whatever batches come and go meanwhile.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlite_utils import Database

from db.model import identity
from db.model.kinds import TABLES

Identity = tuple[str | None, str | None]  # (uuid, updated_at)


def identities(db: Database, kind: str, ids: Iterable[int]) -> dict[int, Identity]:
    """id -> (uuid, updated_at) of the records of ``kind`` with these ids (absent ones left out)."""
    table = TABLES[kind]
    uuid, stamp = identity.identity_sql(table, "r")
    return {r[0]: (r[1], r[2]) for r in db.execute(
        f"SELECT r.id, {uuid}, {stamp} FROM {table} r WHERE r.id IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(set(ids)))])}


def identity_of(db: Database, kind: str, record_id: int) -> Identity | None:
    """(uuid, updated_at) of one record, or None when there is no such record."""
    return identities(db, kind, [record_id]).get(record_id)


def batches(db: Database) -> identity.Batches:
    """Every batch of imported figures, to give a whole table's figures their identity."""
    return identity.Batches(db.execute(
        f"SELECT first_id, last_id, uuid_prefix, updated_at FROM {identity.BATCHES_TABLE}").fetchall())


def holding(db: Database, kind: str, uuids: Iterable[str]) -> dict[str, tuple[int, str | None]]:
    """uuid -> (id, updated_at) of the records of ``kind`` holding these UUIDs: in their rows
    (one pass over the table: there is no index on UUIDs) or, for figures, through their batch."""
    wanted = sorted(set(uuids))
    if not wanted:
        return {}
    table = TABLES[kind]
    found = {r[0]: (r[1], r[2]) for r in db.execute(
        f"SELECT uuid, id, updated_at FROM {table} WHERE uuid IN (SELECT value FROM json_each(?))",
        [json.dumps(wanted)])}
    if table == identity.BATCHED_TABLE:
        of_batch = batches(db)
        by_id = {n: u for u in wanted if u not in found and (n := of_batch.record_id(u)) is not None}
        for record_id, stamp in db.execute(f"SELECT id, updated_at FROM {table} WHERE uuid IS NULL "
                                           "AND id IN (SELECT value FROM json_each(?))", [json.dumps(list(by_id))]):
            found[by_id[record_id]] = (record_id, of_batch.identity(record_id, None, stamp)[1])
    return found


def record_batch(db: Database, first_id: int, last_id: int, uuid_prefix: str, stamp: str) -> None:
    """Note that figures ``first_id``–``last_id`` were written with no identity of their own:
    theirs is ``uuid_prefix`` and their number in the batch, stamped ``stamp``.

    A batch starts after every figure the table holds, so an earlier batch reaching its
    ids covers only figures gone since (an undone import): it is cut short, and the ranges
    never overlap."""
    db.execute(f"DELETE FROM {identity.BATCHES_TABLE} WHERE first_id >= ?", [first_id])
    db.execute(f"UPDATE {identity.BATCHES_TABLE} SET last_id = ? WHERE last_id >= ?", [first_id - 1, first_id])
    db.execute(f"INSERT INTO {identity.BATCHES_TABLE} (first_id, last_id, uuid_prefix, updated_at) "
               "VALUES (?, ?, ?, ?)", [first_id, last_id, uuid_prefix, stamp])


def set_batches_aside(db: Database, kept: str, ranges: list[tuple[int, int]]) -> None:
    """For figures leaving the table into ``temp.{kept}_figures`` (an undone import): move the
    batches wholly among them into ``temp.{kept}_batches``, and write out the identity of
    those whose batch stays, for only part of it leaves."""
    db.execute(f"CREATE TEMP TABLE {kept}_batches AS SELECT * FROM {identity.BATCHES_TABLE} WHERE 0")
    for lo, hi in ranges:
        wholly = "first_id >= :lo AND last_id <= :hi"
        db.execute(f"INSERT INTO temp.{kept}_batches SELECT * FROM {identity.BATCHES_TABLE} WHERE {wholly}",
                   {"lo": lo, "hi": hi})
        db.execute(f"DELETE FROM {identity.BATCHES_TABLE} WHERE {wholly}", {"lo": lo, "hi": hi})
    figures = f"{kept}_figures"
    uuid, stamp = identity.identity_sql(identity.BATCHED_TABLE, figures)
    db.execute(f"UPDATE temp.{figures} SET uuid = {uuid}, updated_at = {stamp} "
               f"WHERE (uuid IS NULL OR updated_at IS NULL) AND NOT EXISTS (SELECT 1 FROM temp.{kept}_batches k "
               f"WHERE {figures}.id BETWEEN k.first_id AND k.last_id)")


def bring_batches_back(db: Database, kept: str) -> None:
    """Put back the batches ``set_batches_aside`` kept, before their figures come back; a batch
    whose ids another batch has taken meanwhile stays out, its figures' identity written out."""
    figures, batches = f"{kept}_figures", f"temp.{kept}_batches"
    taken = (f"EXISTS (SELECT 1 FROM {identity.BATCHES_TABLE} b "
             "WHERE b.first_id <= k.last_id AND b.last_id >= k.first_id)")
    of_kept = f"FROM {batches} k WHERE {figures}.id BETWEEN k.first_id AND k.last_id AND {taken}"
    db.execute(f"UPDATE temp.{figures} SET "
               f"uuid = coalesce(uuid, (SELECT k.uuid_prefix || printf('%012x', {figures}.id - k.first_id + 1) "
               f"{of_kept})), updated_at = coalesce(updated_at, (SELECT k.updated_at {of_kept})) "
               f"WHERE EXISTS (SELECT 1 {of_kept})")
    db.execute(f"INSERT INTO {identity.BATCHES_TABLE} SELECT * FROM {batches} k WHERE NOT {taken}")


def identity_columns(db: Database, table: str, alias: str) -> str:
    """The columns of ``table`` as a SELECT list over ``alias``, its identity written out
    (``uuid`` and ``updated_at`` from the batch when the row has none): to copy rows that
    leave the table and may come back."""
    uuid, stamp = identity.identity_sql(table, alias)
    computed = {"uuid": uuid, "updated_at": stamp}
    names = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
    return ", ".join(f"{computed[n]} AS {n}" if n in computed else f"{alias}.{n}" for n in names)
