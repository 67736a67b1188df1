"""The Python functions every connection offers to SQL: labels of dates and periods, and
names as the language in use shows them and as they are compared (``db.model.names``).

SQLite's own ``lower()`` folds only ASCII, so Cyrillic needs ``casefold``; labels are
computed per fetched row, so a million-row list pays only for the rows it shows.
"""

from __future__ import annotations

from sqlite_utils import Database

from db.model import names
from db.model.dates import fuzzy_label, period_label


def register(db: Database) -> None:
    """Make the functions callable from SQL on ``db``'s connection."""
    # Labels and names follow the language in use, so SQLite must not reuse a result.
    db.register_function(period_label, name="period_label")
    db.register_function(fuzzy_label, name="fuzzy_label")
    db.register_function(_shown_name, name="shown_name")
    db.register_function(_name_label, name="name_label")
    db.register_function(_other_name, name="other_name")
    db.register_function(_casefold, deterministic=True, name="casefold")
    db.register_function(_name_key, deterministic=True, name="name_key")
    db.register_function(_name_fold, deterministic=True, name="name_fold")


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


def _name_key(text: str | None) -> str:
    return names.key(text)


def _name_fold(text: str | None) -> str:
    return names.fold(text)
