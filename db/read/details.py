"""Everything about one record, resolved for display: fields, linked records, sources.

The window's detail pane renders a ``RecordDetail``; it needs no SQL of its own and every
linked record comes with its kind and id so the pane can offer it as a link.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db import store
from db.model.dates import FuzzyDate, Period
from db.model.formatting import format_day, format_number, format_quantity
from db.model.i18n import _
from db.model.records import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    EVENT_KINDS,
    EVENT_STATUSES,
    KIND_NAMES,
    PARTY_KINDS,
    REFERENCE_KINDS,
    Indicator,
    Person,
    indicator_label,
)
from db.model.validate import label as field_label
from db.read.queries import record_label

if TYPE_CHECKING:
    from sqlite_utils import Database

_CHOICE_LABELS = {
    ("party", "kind"): PARTY_KINDS, ("agreement", "kind"): AGREEMENT_KINDS,
    ("agreement", "status"): AGREEMENT_STATUSES, ("event", "kind"): EVENT_KINDS,
    ("event", "status"): EVENT_STATUSES,
}
# Fields not shown as plain text (shown another way, or too long for the pane).
_HIDDEN = {"text"}
# Fields already shown in a combined line ("Figure: USD 128.6 million", "Period: Jan–May 2025").
_COMBINED = {"indicator": {"value", "unit", "period_start", "period_end"}}


@dataclass(frozen=True)
class LinkedRecord:
    kind: str
    id: int
    label: str
    note: str | None = None


@dataclass
class RecordDetail:
    kind: str
    id: int
    title: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    references: list[tuple[str, LinkedRecord]] = field(default_factory=list)
    links: list[tuple[str, list[LinkedRecord]]] = field(default_factory=list)
    sources: list[LinkedRecord] = field(default_factory=list)
    body_text: str | None = None  # a quote, or a source's full text


def _format(kind: str, name: str, value: object) -> str:
    if value is None or value == "":
        return ""
    if (kind, name) in _CHOICE_LABELS:
        return _CHOICE_LABELS[(kind, name)].get(str(value), str(value))
    if isinstance(value, FuzzyDate):
        return value.label()
    if isinstance(value, dt.date):
        return format_day(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value)
    return str(value)


def describe(db: Database, kind: str, record_id: int) -> RecordDetail:
    """The record with every field formatted and every link resolved to a label."""
    record = store.get(db, kind, record_id)
    detail = RecordDetail(kind, record_id, record_label(db, kind, record_id))
    if isinstance(record, Indicator):
        detail.fields.append((_("Figure"), format_quantity(record.value, record.unit)))
        if record.period_start and record.period_end:
            detail.fields.append((_("Period"), Period(record.period_start, record.period_end).label()))
    for name, _type in record.column_fields():
        if name in _COMBINED.get(kind, ()):
            continue
        value = getattr(record, name)
        if name in REFERENCE_KINDS:
            if value is not None:
                target = REFERENCE_KINDS[name]
                detail.references.append(
                    (field_label(name), LinkedRecord(target, value, record_label(db, target, value))))
            continue
        if name in _HIDDEN:
            detail.body_text = value
            continue
        if name == "indicator":
            value = indicator_label(str(value))
        text = _format(kind, name, value)
        if text:
            detail.fields.append((field_label(name), text))
    for attr, spec in type(record).LINKS.items():
        linked = [LinkedRecord(spec.other_kind, link.id, record_label(db, spec.other_kind, link.id), link.note)
                  for link in getattr(record, attr)]
        if attr == "sources":
            detail.sources = linked
        elif linked:
            detail.links.append((field_label(attr), linked))
    if isinstance(record, Person):
        positions = db.execute("SELECT id FROM positions WHERE person_id = ? ORDER BY start_date", [record_id])
        items = [LinkedRecord("position", r[0], record_label(db, "position", r[0])) for r in positions]
        if items:
            detail.links.append((KIND_NAMES["position"][1], items))
    for ref_kind, ids in _used_by(db, kind, record_id).items():
        items = [LinkedRecord(ref_kind, i, record_label(db, ref_kind, i)) for i in ids[:USED_BY_SHOWN]]
        if kind == "person" and ref_kind == "position":
            continue
        heading = _("Used by: {kinds}").format(kinds=KIND_NAMES[ref_kind][1].lower())
        if len(ids) > USED_BY_SHOWN:
            heading = _("{heading} (the first {n})").format(heading=heading, n=USED_BY_SHOWN)
        detail.links.append((heading, items))
    return detail


# How many records pointing at this one the pane lists per kind (a source may carry a million).
USED_BY_SHOWN = 50


def _used_by(db: Database, kind: str, record_id: int) -> dict[str, list[int]]:
    found: dict[str, dict[int, None]] = {}
    for ref in store.references(db, kind, record_id, limit=USED_BY_SHOWN + 1):
        found.setdefault(ref.kind, {})[ref.id] = None
    return {ref_kind: list(ids) for ref_kind, ids in found.items()}
