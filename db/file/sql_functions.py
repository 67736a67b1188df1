"""The Python functions every connection offers to SQL: labels of dates and periods,
names as the language in use shows them and as they are compared (``db.model.names``), and
units compared across scales (``unit_measure``, ``unit_amount``: ``db.model.units``) and
named as the language in use names them (``unit_label``: "USD million" → "млн долл. США").

SQLite's own ``lower()`` folds only ASCII, so Cyrillic needs ``casefold``; labels are
computed per fetched row, so a million-row list pays only for the rows it shows.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from db.model import formatting, names, status, units
from db.model.dates import fuzzy_label, period_label

if TYPE_CHECKING:
    from sqlite_utils import Database


def register(db: Database) -> None:
    """Make the functions callable from SQL on ``db``'s connection."""
    register_on(db.conn)


def register_on(conn: sqlite3.Connection) -> None:
    """Make the functions callable from SQL on a plain connection."""
    # Labels and names follow the language in use, so SQLite must not reuse a result.
    for function, arguments, name in ((period_label, 2, "period_label"), (fuzzy_label, 2, "fuzzy_label"),
                                      (_shown_name, 3, "shown_name"), (_name_label, 3, "name_label"),
                                      (_other_name, 3, "other_name"), (_unit_label, 1, "unit_label")):
        conn.create_function(name, arguments, function)
    for function, name in ((_casefold, "casefold"), (_name_key, "name_key"), (_name_fold, "name_fold")):
        conn.create_function(name, 1, function, deterministic=True)
    # What a unit measures, and a value in that measure's own scale: the data-quality checks
    # compare 128.6 USD million with 128 600 USD thousand through them.
    conn.create_function("unit_measure", 1, units.measure_of, deterministic=True)
    conn.create_function("unit_amount", 2, units.amount, deterministic=True)
    for name, function in status.SQL_FUNCTIONS.items():  # status words follow the language too
        conn.create_function(name, function.__code__.co_argcount, function)


def _casefold(text: str | None) -> str | None:
    """Unicode-aware lower case (SQLite's own lower() only folds ASCII, not Cyrillic)."""
    return text.casefold() if text is not None else None


def _shown_name(en: str | None, ru: str | None, kk: str | None) -> str:
    """A name in the language in use, else its best other form."""
    return str(names.shown(en, ru, kk))


def _name_label(en: str | None, ru: str | None, kk: str | None) -> str:
    """"Abai region / Абайская область": the form in the language in use and a second one."""
    return names.label(en, ru, kk)


def _other_name(en: str | None, ru: str | None, kk: str | None) -> str | None:
    """The second form ``name_label`` shows, or NULL."""
    return names.other_form(en, ru, kk)


def _unit_label(unit: str | None) -> str | None:
    """A stored unit as the language in use names it (``format_unit``); NULL stays NULL."""
    return formatting.format_unit(unit) if unit is not None else None


def _name_key(text: str | None) -> str:
    return names.key(text)


def _name_fold(text: str | None) -> str:
    return names.fold(text)
