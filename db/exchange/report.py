"""What an import tells: the report of what was added, the refusal, progress, one transaction.

Every reader (``db.exchange.figures``, ``db.exchange.bundle``) works the same way:
- all or nothing, in one transaction (``in_transaction``): any problem rejects the whole file
  with a list of problems (``ImportRejected``: the first ``SHOWN_PROBLEMS`` and a count) and
  the database is left exactly as it was;
- ``dry_run`` does everything, reports what would happen, and rolls back: the window
  shows that report before anything is written;
- long work reports progress and may be stopped (``Steps``); stopping rolls back;
- what it wrote is recorded in the change history as ``import`` with the file's name, and
  the report carries it (``ImportReport.written``) so the window can undo it in one step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypeVar

from db import store
from db.errors import FactSheetError
from db.file import search_index
from db.model.formatting import format_number
from db.model.i18n import _, ngettext
from db.model.records import KIND_NAMES
from db.store import journal

if TYPE_CHECKING:
    from sqlite_utils import Database

SHOWN_PROBLEMS = 20
T = TypeVar("T")


class Steps(Protocol):
    """What long work is given to report progress and to notice it should stop."""

    def report(self, done: int, total: int) -> None: ...

    def check_cancelled(self) -> None: ...


class NoSteps:
    """Progress nobody watches (the command line, tests)."""

    def report(self, done: int, total: int) -> None:
        pass

    def check_cancelled(self) -> None:
        pass


@dataclass
class ImportReport:
    """What an import added and what it found already present, by kind of record."""

    added: dict[str, int] = field(default_factory=dict)
    present: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)  # newer versions taken from a bundle
    conflicts: list = field(default_factory=list)  # db.exchange.bundle_sync.Conflict, for the person to decide
    written: journal.Written | None = None  # what the import wrote (not after a dry run)
    new_parties: list[str] = field(default_factory=list)  # "China (country)": created, to check later
    new_sources: list[str] = field(default_factory=list)
    # Names the file uses that Fact Sheet does not know, kept as written: a question for the person.
    new_indicators: list[str] = field(default_factory=list)
    new_units: list[str] = field(default_factory=list)
    dry_run: bool = False

    def count(self, kind: str, *, new: bool = True) -> int:
        return (self.added if new else self.present).get(kind, 0)

    @property
    def total_updated(self) -> int:
        return sum(self.updated.values())

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_present(self) -> int:
        return sum(self.present.values())

    def summary(self) -> str:
        """"1,234 new, 0 already present" (", 2 updated, 1 conflict" when a bundle brings them)."""
        text = _("{new} new, {present} already present").format(
            new=format_number(self.total_added), present=format_number(self.total_present))
        if self.total_updated:
            text += ", " + _("{n} updated").format(n=format_number(self.total_updated))
        if self.conflicts:
            text += ", " + ngettext("{n} conflict", "{n} conflicts", len(self.conflicts)).format(
                n=format_number(len(self.conflicts)))
        return text

    def details(self) -> list[str]:
        """One line per kind that changed, then the parties and sources created."""
        lines = []
        for kind in KIND_NAMES:
            new, present, updated = self.count(kind), self.count(kind, new=False), self.updated.get(kind, 0)
            if new or present or updated:
                line = _("{kinds}: {new} new, {present} already present").format(
                    kinds=KIND_NAMES[kind][1], new=format_number(new), present=format_number(present))
                if updated:
                    line += ", " + _("{n} updated").format(n=format_number(updated))
                lines.append(line)
        if self.new_parties:
            lines.append(_("New parties: {names}").format(names=", ".join(self.new_parties)))
        if self.new_sources:
            lines.append(_("New sources: {titles}").format(titles="; ".join(self.new_sources)))
        if self.new_indicators:
            lines.append(_("Indicators Fact Sheet does not know, kept as written: {names}").format(
                names="; ".join(self.new_indicators)))
        if self.new_units:
            lines.append(_("Units Fact Sheet does not recognise, kept as written: {names}").format(
                names="; ".join(self.new_units)))
        return lines


class ImportRejected(FactSheetError):
    """The file breaks a rule somewhere; nothing was written. ``problems`` lists the first
    ``SHOWN_PROBLEMS`` as "row 17, column value: 'abc' is not a number"; ``total`` counts all."""

    def __init__(self, name: str, problems: list[str], total: int | None = None, *, whole_file: bool = False,
                 places: list[tuple[int, str]] | None = None):
        self.problems = problems[:SHOWN_PROBLEMS]
        self.total = len(problems) if total is None else total
        self.whole_file = whole_file
        # (row, column) of each problem listed, where a file has rows and columns (a preview marks them)
        self.places = list(zip(places or [], problems, strict=False))
        if whole_file:  # one problem with the file itself: it is the sentence
            super().__init__(_("“{name}” was not imported: {problem}; nothing was changed.").format(
                name=name, problem=problems[0]))
            return
        found = ngettext("{n} problem was found", "{n} problems were found", self.total).format(
            n=format_number(self.total))
        super().__init__(_("“{name}” was not imported: {found}, so nothing was changed.").format(
            name=name, found=found))

    @classmethod
    def file(cls, name: str, problem: str) -> ImportRejected:
        """A file refused as a whole: empty, binary, not a table, a header without a column…"""
        return cls(name, [problem], whole_file=True)

    def lines(self) -> list[str]:
        """The problems to show below the sentence, with "… and 37 more" when some are left out."""
        if self.whole_file:
            return []
        more = self.total - len(self.problems)
        extra = [_("… and {n} more").format(n=format_number(more))] if more > 0 else []
        return self.problems + extra


class _RolledBack(Exception):
    def __init__(self, result: object):
        self.result = result


def in_transaction(db: Database, work: Callable[[], T], *, dry_run: bool = False, note: str | None = None) -> T:
    """Run ``work`` in one transaction; commit it, or roll it back after a dry run.

    Its writes are recorded in the change history as ``import`` with ``note`` (the file's
    name); a report it returns learns what was written (``ImportReport.written``). The search
    index catches up inside the same transaction, so the records and their index entries
    are committed together: once the commit succeeds nothing is left to do that could fail
    and make a committed import look like a refused one.
    """
    store.ensure_writable(db)
    try:
        with db.atomic(), journal.writing(db, action="import", note=note):
            since = journal.mark(db)
            result = work()
            if dry_run:
                raise _RolledBack(result)
            if isinstance(result, ImportReport):
                result.written = journal.written_since(db, since)
            search_index.catch_up(db)
    except _RolledBack as rolled_back:
        return rolled_back.result  # type: ignore[return-value]
    return result
