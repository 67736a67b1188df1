"""Writing accepted proposals: every record and link in one transaction, through ``db.store``.

``apply(db, capture, accepted)`` writes the source (or uses the one already recorded), then
each accepted proposal in the order records refer to each other: a *new* one is saved with
the source and its passage; one *already recorded* gets the source linked (with the
passage); an *update* is saved with the changed fields. A proposal that refers to a
rejected one loses that reference (a link is dropped; a required one — a position's
person — keeps it from being written, and ``skipped`` says why). The same rules as the
forms check every record (``db.store.save`` validates); one problem writes nothing.

``save`` is how a record is written: ``store.save`` by default, the window's undo
``Recorder.save`` so that Accept all is one undo step.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from db import store
from db.capture.proposals import Capture, Proposal
from db.errors import Problem
from db.model import validate
from db.model.dates import FuzzyDate, parse_iso_day
from db.model.records import KINDS, REFERENCE_KINDS, Link, Record, Source

if TYPE_CHECKING:
    from sqlite_utils import Database

# Kinds in the order they can be written: each after the kinds it refers to.
ORDER = ("party", "person", "event", "agreement", "position", "indicator", "statement")
REQUIRED_REFERENCES = {"position": ("person_id",), "indicator": ("subject_id",)}


@dataclass
class Applied:
    """What ``apply`` wrote: the id of each proposal's record, and the proposals left out."""

    source_id: int
    ids: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    def written(self) -> int:
        return len(self.ids)


def complete(proposal: Proposal) -> bool:
    """True when nothing the record needs is missing (flagged empty fields may be optional)."""
    return not [p for p in validate.problems(None, to_record(proposal, {}, 0)) if p.field != "sources"
                and p.field not in _reference_fields(proposal)]


def _reference_fields(proposal: Proposal) -> set[str]:
    return {name for name, value in proposal.record.items() if name in REFERENCE_KINDS and value}


def problems(proposal: Proposal) -> list[Problem]:
    """What keeps the proposal from being written as it stands (the forms' rules)."""
    return [p for p in validate.problems(None, to_record(proposal, {}, 0))
            if p.field != "sources" and p.field not in _reference_fields(proposal)]


def apply(db: Database, capture: Capture, accepted: Iterable[str] | None = None,
          save: Callable[[Record], int] | None = None) -> Applied:
    """Write the accepted proposals (all when ``accepted`` is None) in one transaction, each
    recorded in the change history as captured from the article."""
    wanted = set(accepted) if accepted is not None else {p.ref for p in capture.proposals}
    write = save or (lambda record: store.save(db, record))
    store.ensure_writable(db)
    note = capture.source.get("title") if isinstance(capture.source, dict) else None
    with store.sqlite_errors_as_sentences(), db.atomic(), store.writing(db, action="capture", note=note):
        source_id = capture.source_existing or write(_source(capture.source))
        applied = Applied(source_id)
        for kind in ORDER:
            for proposal in _in_order(capture, kind):
                if proposal.ref in wanted:
                    _write(db, proposal, applied, write)
    return applied


def _in_order(capture: Capture, kind: str) -> list[Proposal]:
    """The proposals of a kind, a party after the party it belongs to."""
    proposals = [p for p in capture.proposals if p.kind == kind]
    if kind != "party":
        return proposals

    def depth(proposal: Proposal) -> int:
        steps, parent = 0, proposal.record.get("parent_id")
        while parent and steps < 10:
            steps += 1
            found = capture.by_ref(parent)
            parent = found.record.get("parent_id") if found else None
        return steps

    return sorted(proposals, key=depth)


def _source(values: dict[str, Any]) -> Source:
    return Source(title=values["title"], publisher=values.get("publisher"), url=values.get("url"),
                  published=parse_iso_day(values["published"]) if values.get("published") else None,
                  accessed=parse_iso_day(values["accessed"]) if values.get("accessed") else None,
                  notes=values.get("notes"), text=values.get("text"))


def _write(db: Database, proposal: Proposal, applied: Applied, write: Callable[[Record], int]) -> None:
    for name in REQUIRED_REFERENCES.get(proposal.kind, ()):
        ref = proposal.record.get(name)
        if ref and ref not in applied.ids:
            applied.skipped[proposal.ref] = f"{name} refers to a proposal that was not accepted"
            return
    passage = Link(applied.source_id, proposal.evidence)
    if proposal.action in ("same", "update") and proposal.existing:
        record = store.get(db, proposal.kind, int(proposal.existing.split("-")[1]))
        if proposal.action == "update" and proposal.before:
            fresh = to_record(proposal, applied.ids, applied.source_id)
            for name in proposal.before:
                setattr(record, name, getattr(fresh, name))
        if "sources" in type(record).LINKS and all(link.id != applied.source_id for link in record.sources):
            record.sources.append(passage)
        applied.ids[proposal.ref] = write(record) if _changed(db, record) else record.id  # type: ignore[assignment]
        return
    record = to_record(proposal, applied.ids, applied.source_id)
    applied.ids[proposal.ref] = write(record)


def _changed(db: Database, record: Record) -> bool:
    return store.get(db, record.KIND, record.id) != record  # type: ignore[arg-type]


def to_record(proposal: Proposal, ids: dict[str, int], source_id: int) -> Record:
    """The record a proposal describes, its references resolved through ``ids`` (dropped when absent)."""
    cls = KINDS[proposal.kind]
    values: dict[str, Any] = {}
    record = proposal.record
    for name, typ in cls.column_fields():
        raw = record.get(name)
        if name in REFERENCE_KINDS:
            values[name] = ids.get(raw) if isinstance(raw, str) else raw
        elif raw is None:
            values[name] = "" if typ is str and name in ("title", "name_en", "unit", "indicator", "text") else None
        elif typ is FuzzyDate:
            values[name] = FuzzyDate.parse(str(raw))
        elif typ is dt.date:
            values[name] = parse_iso_day(str(raw))
        elif typ is float:
            values[name] = float(raw)
        else:
            values[name] = raw
    for attr, spec in cls.LINKS.items():
        links = []
        for item in record.get(attr) or []:
            if spec.other_kind == "source":
                links.append(Link(source_id, proposal.evidence))
            elif item["ref"] in ids or isinstance(item["ref"], int):  # a ref, or a record picked in the form
                target = ids.get(item["ref"], item["ref"])
                links.append(Link(target, item.get(spec.note_column) if spec.note_column else None))
        values[attr] = links
    return cls(**copy.deepcopy(values))
