"""What every data-quality check is made of, and how it is narrowed to some records.

A check reads the database in SQL and returns ``Finding``s: a sentence naming the records
involved, with their kinds and ids. ``Check`` wraps a check's function with its name, a
heading for reports and the record kinds it can be narrowed to; given a ``Scope`` (record
kind -> ids) it skips itself when none of those kinds is asked about and keeps only the
findings that involve one of the records. The SQL pieces below narrow a check's query to
the scope, so a page of a million-row table is checked without reading the whole table.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from db.model.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

Scope = Mapping[str, Collection[int]]  # record kind -> ids


class Finding(NamedTuple):
    """One data-quality problem: what is wrong, in a sentence, and which records."""

    check: str  # the check's name, e.g. "turnover_sum"
    message: str
    records: tuple[tuple[str, int], ...]  # (kind, id) of every record involved

    def involves(self, kind: str, record_id: int) -> bool:
        return (kind, record_id) in self.records


# (findings, how many there are in all): the first findings of a check, and the count of all.
Head = tuple[list["Finding"], int]


class Check(NamedTuple):
    """A check: its name, a heading for reports, and the kinds it can narrow to.

    ``first(db, today, limit)`` gives the first ``limit`` findings of the whole database and
    how many there are in all, for reports that list a few and count the rest; a check
    with many findings may make that cheap (``head``), writing only the sentences shown.
    """

    name: str
    heading: str  # English, marked with N_: ``title`` gives it in the language in use
    kinds: tuple[str, ...]
    run: Callable[[Database, dt.date, Scope | None], list[Finding]]
    head: Callable[[Database, dt.date, int], Head] | None = None

    @property
    def title(self) -> str:
        """The heading in the language in use (a sheet in Kazakh while the window is in Russian)."""
        return _(self.heading)

    def __call__(self, db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
        if scope is not None and not any(scope.get(kind) for kind in self.kinds):
            return []
        found = self.run(db, today, scope)
        if scope is not None:
            found = [f for f in found if any(kind in scope and rid in scope[kind] for kind, rid in f.records)]
        return found

    def first(self, db: Database, today: dt.date, limit: int | None) -> Head:
        """The first ``limit`` findings over the whole database (all when None), and the count of all."""
        if limit is not None and self.head is not None:
            return self.head(db, today, limit)
        found = self.run(db, today, None)
        return (found if limit is None else found[:limit]), len(found)


def check(name: str, heading: str, *kinds: str,
          head: Callable[[Database, dt.date, int], Head] | None = None) -> Callable[[Callable], Check]:
    """Make a function ``(db, today, scope) -> findings`` into a ``Check`` (with ``head``, its
    cheap form for the first findings and the count of all)."""
    def wrap(fn: Callable[[Database, dt.date, Scope | None], list[Finding]]) -> Check:
        return Check(name, heading, kinds, fn, head)

    return wrap


# -- narrowing SQL to a scope -------------------------------------------------------------------

# The comma-separated ids of figure {a}'s sources: the first in its own row, any further ones
# in the link table (``db.model.links``).
SOURCE_IDS = ("(coalesce({a}.source_id || ',', '') || "
              "coalesce((SELECT group_concat(source_id) FROM indicators_sources WHERE indicator_id = {a}.id), ''))")
PAIR_IDS = "{a}.subject_id, {a}.counterpart_id"


def ids_json(ids: Iterable[int]) -> str:
    return json.dumps(sorted(set(ids)))


def in_scope(scope: Scope | None, column: str, kind: str) -> tuple[str, dict[str, str]]:
    """SQL narrowing ``column`` to the scope's ids of ``kind`` (nothing when unscoped)."""
    if scope is None:
        return "", {}
    return f" AND {column} IN (SELECT value FROM json_each(:{kind}_ids))", {f"{kind}_ids": ids_json(scope.get(kind, ()))}


def in_position_scope(scope: Scope | None, alias: str) -> tuple[str, dict[str, str]]:
    """SQL narrowing positions ``alias`` to the scope's positions and the positions of its people."""
    if scope is None:
        return "", {}
    return (f" AND ({alias}.id IN (SELECT value FROM json_each(:position_ids)) "
            f"OR {alias}.person_id IN (SELECT value FROM json_each(:person_ids)))",
            {"position_ids": ids_json(scope.get("position", ())), "person_ids": ids_json(scope.get("person", ()))})


def indicator_rows(scope: Scope | None, alias: str, *, same_indicator: bool = False,
                   indicator: str | None = None) -> tuple[str, dict[str, str]]:
    """The indicator rows a check starts from, aliased ``alias``.

    Unscoped: the whole table. Scoped: the rows sharing pair and period (and, if asked,
    the indicator) with one of the scope's indicators, found through the pair index.
    """
    if scope is None:
        where = f" WHERE {alias}.indicator = '{indicator}'" if indicator else ""
        return f"(SELECT * FROM indicators {alias}{where}) {alias}", {}
    match = ("x.indicator = k.indicator" if same_indicator
             else f"x.indicator = '{indicator}'" if indicator else "1")
    sql = (f"(SELECT DISTINCT x.* FROM json_each(:indicator_ids) j JOIN indicators k ON k.id = j.value "
           f"JOIN indicators x ON x.subject_id = k.subject_id AND x.counterpart_id IS k.counterpart_id "
           f"AND {match} AND x.period_start = k.period_start AND x.period_end = k.period_end) {alias}")
    return sql, {"indicator_ids": ids_json(scope.get("indicator", ()))}
