"""The open database: a standard ``sqlite3`` connection that runs SQL the way sqlite-utils does.

Everything the window reads and ``db.store`` writes goes through a few calls —
``execute``, ``query``, ``executescript``, ``atomic`` — so ``FactSheetDatabase`` does
those itself, on Python's own ``sqlite3`` module, with sqlite-utils' rules (a write outside
a transaction is committed at once, a failed statement leaves no transaction open, nested
``atomic`` blocks are savepoints; see ``execute``). Importing sqlite-utils costs about as much
as building the whole window, so it is not imported until something needs its table API or
its migrations: ``db[name]``, ``db.table(…)`` and the rest of sqlite-utils' ``Database`` are
still there, served by a sqlite-utils ``Database`` on the same connection made on first use
(``table_api``) — a file that needs no upgrade is opened and shown without it.

Differences from sqlite-utils' ``Database``: ``atomic`` takes the write lock at once
(``BEGIN IMMEDIATE``, see its docstring) and copies the write-ahead log into the file after
each commit (``checkpoint``); the functions registered for SQL are ``db.file.sql_functions``;
plugins are never run.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
import sys
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.errors import DatabaseReadOnly
from db.file import sql_functions

if TYPE_CHECKING:
    from sqlite_utils import Database

Parameters = Sequence[Any] | dict[str, Any] | None

# Statements that control transactions themselves, and those query() refuses (as sqlite-utils).
_TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}
_NOT_QUERIES = _TRANSACTION_CONTROL | {"VACUUM", "ATTACH", "DETACH"}


def first_keyword(sql: str) -> str:
    """The first keyword of a statement, upper case, after spaces, comments and stray ``;``."""
    i, n = 0, len(sql)
    while i < n:
        if sql[i].isspace() or sql[i] in (";", "\ufeff"):
            i += 1
        elif sql.startswith("--", i):
            newline = sql.find("\n", i)
            if newline == -1:
                return ""
            i = newline + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            if end == -1:
                return ""
            i = end + 2
        else:
            break
    j = i
    while j < n and (sql[j].isalpha() or sql[j] == "_"):
        j += 1
    return sql[i:j].upper()


def _keys(cursor: sqlite3.Cursor) -> list[str]:
    """Column names of a result, made unique as sqlite-utils does ("id", "id_2")."""
    keys: list[str] = []
    for column in cursor.description:
        name, number = column[0], 2
        unique = name
        while unique in keys:
            unique = f"{name}_{number}"
            number += 1
        keys.append(unique)
    return keys


def load_sqlite_utils() -> Any:
    """The sqlite_utils module, imported while numpy and pandas are hidden from it.

    sqlite-utils imports both when present only to map their scalar types to column types;
    Fact Sheet never stores such values, and numpy alone costs about 0.2 s (it is installed
    for the charts, which load it when first drawn). The two are hidden for this one import
    and are importable normally afterwards.
    """
    if "sqlite_utils" not in sys.modules:
        hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # makes "import name" fail
        try:
            import sqlite_utils  # noqa: F401
        finally:
            for name in hidden:
                del sys.modules[name]
    return sys.modules["sqlite_utils"]


class FactSheetDatabase:
    """An open Fact Sheet file (or one in memory): its connection, whether it may be written,
    and sqlite-utils' ``Database`` API."""

    path: Path | None = None
    read_only_reason: str | None = None
    # True when opening skipped the full damage check (a large, cleanly closed file);
    # the window then runs it in the background.
    damage_check_pending: bool = False
    # True when the file holds schema objects Fact Sheet did not create (see db.file.known_schema),
    # which ``foreign_objects`` lists (a ``known_schema.SchemaDifferences``: not imported here,
    # as that module makes databases of this class to build our schema in).
    foreign_schema: bool = False
    foreign_objects: Any = None
    # True when a newer version of Fact Sheet wrote the file (it is then never changed).
    newer_schema: bool = False
    # Who the history names for writes here (None: the system user) and which program run made them.
    author: str | None = None
    session: str | None = None
    # The network file system the file is on ("cifs", "nfs4"), written with a rollback journal.
    network_filesystem: str | None = None
    # True when the last checkpoint could not copy every change into the file (a reader held an
    # older snapshot); ``checkpoint`` is then tried again when idle.
    checkpoint_pending: bool = False

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self.conn = conn
        self.path = path
        self._table_api: Database | None = None
        conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it
        sql_functions.register_on(conn)

    def __repr__(self) -> str:
        return f"<FactSheetDatabase {self.path or '(in memory)'}>"

    # -- what may be done ------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def ensure_writable(self) -> None:
        """Raise a sentence instead of letting SQLite fail deep inside a write."""
        if self.read_only_reason:
            raise DatabaseReadOnly(self.read_only_reason)

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to this file."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def checkpoint(self) -> bool:
        """Copy every committed change from the write-ahead log into the database file, so the
        file alone is complete — copied to a stick while the window is open, it holds every
        saved edit. Never fails: True when done, False when a reader still needs an older
        snapshot or another program is checkpointing (``checkpoint_pending``: try again later).
        """
        if self.read_only or self.path is None:
            return True
        try:
            busy, log, copied = self.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error:
            self.checkpoint_pending = True
            return False
        self.checkpoint_pending = bool(busy) or copied < log
        return not self.checkpoint_pending

    # -- running SQL -------------------------------------------------------------------------------
    def execute(self, sql: str, parameters: Parameters = None) -> sqlite3.Cursor:
        """Run one statement; a write outside a transaction is committed at once.

        A statement that fails outside a transaction leaves none open (the driver may have
        begun one that nothing would ever commit), as in sqlite-utils.
        """
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql) if parameters is None else conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if (not was_in_transaction and conn.in_transaction and cursor.description is None
                and first_keyword(sql) not in _TRANSACTION_CONTROL):
            conn.execute("COMMIT")
        return cursor

    def executescript(self, sql: str) -> sqlite3.Cursor:
        """Run several statements; inside a transaction they become part of it."""
        if not self.conn.in_transaction:
            return self.conn.executescript(sql)
        cursor = self.conn.cursor()
        pending = ""
        for piece in sql.split(";"):  # the driver's executescript would commit first
            pending += piece + ";"
            if sqlite3.complete_statement(pending):
                if pending.strip(" \t\r\n;"):
                    cursor.execute(pending)
                pending = ""
        if pending.strip(" \t\r\n;"):
            cursor.execute(pending)
        return cursor

    def query(self, sql: str, params: Parameters = None) -> Iterator[dict[str, Any]]:
        """Rows of a statement that returns rows, as dictionaries.

        As in sqlite-utils, a statement that returns no rows is refused with ``ValueError``
        and undone.
        """
        message = "query() can only be used with SQL that returns rows - use execute() for other statements"
        keyword = first_keyword(sql)
        if keyword in _NOT_QUERIES:
            raise ValueError(message)
        args: tuple = (params,) if params is not None else ()
        conn = self.conn
        if keyword == "PRAGMA":  # some refuse to run inside a transaction: no savepoint
            if conn.in_transaction:
                cursor = conn.execute(sql, *args)
            else:
                with self.ensure_autocommit_on():
                    cursor = conn.execute(sql, *args)
            if cursor.description is None:
                raise ValueError(message)
            keys = _keys(cursor)
            return (dict(zip(keys, row, strict=True)) for row in cursor)
        conn.execute('SAVEPOINT "factsheet_query"')
        released = False
        try:
            cursor = conn.execute(sql, *args)
            if cursor.description is None:
                raise ValueError(message)
            keys = _keys(cursor)
            try:
                conn.execute('RELEASE "factsheet_query"')
                released = True
            except sqlite3.OperationalError:  # a write returning rows, not all fetched yet
                fetched = cursor.fetchall()
                conn.execute('RELEASE "factsheet_query"')
                released = True
                return (dict(zip(keys, row, strict=True)) for row in fetched)
            return (dict(zip(keys, row, strict=True)) for row in cursor)
        finally:
            if not released and conn.in_transaction:
                conn.execute('ROLLBACK TO "factsheet_query"')
                conn.execute('RELEASE "factsheet_query"')

    def table_names(self) -> list[str]:
        """Every table in the file (as sqlite-utils' ``table_names()``)."""
        return [row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def register_function(self, fn: Callable, deterministic: bool = False, name: str | None = None) -> None:
        """Make ``fn`` callable from SQL under its own name (or ``name``)."""
        arity = fn.__code__.co_argcount
        try:
            self.conn.create_function(name or fn.__name__, arity, fn, deterministic=deterministic)
        except sqlite3.NotSupportedError:  # an SQLite too old to mark functions deterministic
            self.conn.create_function(name or fn.__name__, arity, fn)

    # -- transactions --------------------------------------------------------------------------------
    @contextlib.contextmanager
    def atomic(self) -> Generator[FactSheetDatabase, None, None]:
        """A transaction that takes the write lock at once (``BEGIN IMMEDIATE``).

        A deferred transaction that reads before it writes fails at once with "database
        is locked" if another process committed in between; an immediate one waits its
        turn under the busy timeout. Nested blocks use savepoints, as in sqlite-utils; a
        read-only file, which takes no write lock, gets a plain ``BEGIN``. After the commit
        the log is copied into the file (``checkpoint``).
        """
        conn = self.conn
        if conn.in_transaction:
            with self._savepoint():
                yield self
            return
        conn.execute("BEGIN" if self.read_only else "BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise
        self.checkpoint()  # after the commit: it can only make the file more complete, never fail it

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"factsheet_{next(_SAVEPOINT_NUMBERS)}"
        self.conn.execute(f'SAVEPOINT "{name}"')
        try:
            yield
        except BaseException:
            # An error such as RAISE(ROLLBACK) may have ended the whole transaction already.
            if self.conn.in_transaction:
                self.conn.execute(f'ROLLBACK TO SAVEPOINT "{name}"')
                self.conn.execute(f'RELEASE SAVEPOINT "{name}"')
            raise
        self.conn.execute(f'RELEASE SAVEPOINT "{name}"')

    def begin(self) -> None:
        """Start a transaction by hand (``atomic`` is nearly always what is wanted)."""
        self.execute("BEGIN")

    def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def ensure_autocommit_on(self) -> Iterator[None]:
        """The driver opens no transaction of its own inside this block (for ``PRAGMA
        journal_mode`` and the like, which refuse to run inside one)."""
        if self.conn.in_transaction:
            raise sqlite3.OperationalError("autocommit cannot be switched on inside a transaction")
        previous = self.conn.isolation_level
        try:
            self.conn.isolation_level = None
            yield
        finally:
            self.conn.isolation_level = previous

    def close(self) -> None:
        self.conn.close()

    # -- sqlite-utils' table API, loaded when first used --------------------------------------------------
    @property
    def table_api(self) -> Database:
        """A sqlite-utils ``Database`` on this connection, whose ``atomic`` is this one's."""
        if self._table_api is None:
            self._table_api = _table_api_class()(self)
        return self._table_api

    def __getitem__(self, table_name: str) -> Any:
        return self.table_api[table_name]

    def __getattr__(self, name: str) -> Any:
        """The rest of sqlite-utils' ``Database`` API (``table``, ``tables``, ``view_names`` …)."""
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.table_api, name)


_SAVEPOINT_NUMBERS = itertools.count(1)  # names unique within the process, as savepoints nest


_TABLE_API_CLASS: type | None = None


def _table_api_class() -> type:
    """sqlite-utils' ``Database``, told to use its ``FactSheetDatabase``'s transactions."""
    global _TABLE_API_CLASS
    if _TABLE_API_CLASS is None:
        base = load_sqlite_utils().Database

        class TableAPI(base):  # type: ignore[misc, valid-type]
            def __init__(self, owner: FactSheetDatabase) -> None:
                super().__init__(owner.conn, recursive_triggers=False, execute_plugins=False)
                self.owner = owner

            def atomic(self):  # the table API's writes lock as the rest do
                return self.owner.atomic()

        _TABLE_API_CLASS = TableAPI
    return _TABLE_API_CLASS
