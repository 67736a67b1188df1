"""What a file must look like to be read as a bundle, checked before anything is loaded.

A bundle comes from anywhere (written by hand, by another program, by a hostile one), so
it is refused with one sentence, before a record is read, when it is not JSON, when it is
nested deeper than a bundle is, when it names a format version this program does not
know (only the versions Fact Sheet wrote are read: not 0, not -1, not a future one) or
when its records are not laid out as lists of objects. Values are then turned into a
record's fields by ``value_from_json``, which refuses the wrong type or a number too
large with a short sentence that never quotes a huge value whole.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from db.errors import FactSheetError
from db.model.dates import FuzzyDate, parse_iso_day
from db.model.i18n import _
from db.model.records import KINDS

FORMAT = "factsheet-bundle"
# 2: names and titles in English, Russian and Kazakh (``name_ru``, ``name_kk``, ``title_ru``…);
# a version 1 bundle's ``name_local`` is read into them (``db.exchange.bundle._upgraded``).
VERSION = 2
VERSIONS = (1, 2)  # the format versions this program reads
# A bundle is {records: {kind: [{field: [{ref, note}]}]}}: five levels. Anything much deeper
# is not a bundle, and is refused before code that walks values could recurse into it.
MAX_DEPTH = 12
# Loading and writing order: every kind comes after the kinds it refers to.
ORDER = ("source", "party", "subject", "person", "position", "event", "agreement", "indicator", "statement")


def records_key(kind: str) -> str:
    """The bundle's name for a kind's list of records: its table's name ("parties")."""
    return KINDS[kind].TABLE


def read_json(path: Path) -> Any:
    """The JSON a file holds; a sentence when it is not JSON a bundle could be."""
    try:
        with Path(path).open("rb") as handle:
            data = json.loads(handle.read().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FactSheetError(_("“{name}” is not a Fact Sheet bundle (it is not UTF-8 text).").format(
            name=path.name)) from None
    except json.JSONDecodeError as error:
        raise FactSheetError(_("“{name}” is not a Fact Sheet bundle: line {line}, column {column}: "
                               "{reason}.").format(name=path.name, line=error.lineno, column=error.colno,
                                                   reason=error.msg)) from None
    except RecursionError:
        raise FactSheetError(_("“{name}” is not a Fact Sheet bundle: it is nested far deeper than any "
                               "bundle is.").format(name=path.name)) from None
    except ValueError:  # a number with thousands of digits
        raise FactSheetError(_("“{name}” is not a Fact Sheet bundle: it holds a number with thousands of "
                               "digits.").format(name=path.name)) from None
    return data


def shape_problem(data: Any) -> str | None:
    """A sentence when ``data`` is not laid out as a bundle (whatever JSON a file holds)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return _("This file is not a Fact Sheet bundle.")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        return _("This bundle does not say which version of the format it uses.")
    if version > VERSION:
        return _("This bundle was written by a newer version of Fact Sheet.")
    if version not in VERSIONS:
        return _("This bundle says it is version {version} of the format, which no version of Fact Sheet "
                 "wrote; this one reads version {known}.").format(version=version, known=VERSION)
    if deeper_than(data, MAX_DEPTH):
        return _("This bundle is nested deeper than any Fact Sheet bundle is.")
    records = data.get("records") or {}
    if not isinstance(records, dict):
        return _("This bundle's records are not laid out as a Fact Sheet bundle.")
    known = {cls.TABLE: kind for kind, cls in KINDS.items()}
    for key, items in records.items():
        if key not in known:
            return _("This bundle holds records of an unknown kind, “{key}”.").format(key=key)
        if items is not None and not isinstance(items, list):
            return _("The {key} in this bundle are not a list of records.").format(key=key)
        for position, item in enumerate(items or [], start=1):
            if not isinstance(item, dict):
                return _("Record {n} of the {key} in this bundle is not a record.").format(n=position, key=key)
            for attr in KINDS[known[key]].LINKS:
                if item.get(attr) is not None and not isinstance(item[attr], list):
                    return _("The {attr} of record {n} of the {key} are not a list.").format(
                        attr=attr, n=position, key=key)
    return None


def deeper_than(data: Any, limit: int) -> bool:
    """True when lists and objects in ``data`` nest more than ``limit`` levels (walked without
    recursion, so any depth JSON can hold is measured safely)."""
    pending = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def brief(value: Any) -> str:
    """A value as a problem quotes it: short, whatever it holds."""
    if isinstance(value, dict):
        return _("an object")
    if isinstance(value, list):
        return _("a list")
    text = str(value) if not isinstance(value, int) or abs(value) < 10 ** 30 else _("a number of {n} digits").format(
        n=len(str(abs(value))))
    return text if len(text) <= 60 else text[:59] + "…"


def value_from_json(kind: str, name: str, typ: type, value: Any) -> Any:
    if value is None:
        return None
    if typ in (FuzzyDate, dt.date) and not isinstance(value, str | int):
        raise ValueError(_("'{value}' is not a date.").format(value=brief(value)))
    if typ is FuzzyDate:
        return FuzzyDate.parse(str(value))
    if typ is dt.date:
        return parse_iso_day(str(value))
    if typ is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(_("'{value}' is not a number.").format(value=brief(value)))
        try:
            return float(value)
        except OverflowError:
            raise ValueError(_("'{value}' is too large a number.").format(value=brief(value))) from None
    if typ is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValueError(_("'{value}' is not a whole number.").format(value=brief(value)))
    if typ is int and not -(2 ** 63) <= value < 2 ** 63:
        raise ValueError(_("'{value}' is too large a number.").format(value=brief(value)))
    if typ is str and not isinstance(value, str):
        raise ValueError(_("'{value}' is not text.").format(value=brief(value)))
    return value


