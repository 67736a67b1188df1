"""A proposal in the normal form, and the form's record back into the proposal.

The form is opened *unsaved*: it hands its record back and writes nothing (nothing is
written before the whole review is accepted). Fields that point at other proposals not
recorded yet — the new person of a new position, the new source of every fact — are kept
by the proposal and hidden from the form.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from db.capture.apply import to_record
from db.capture.proposals import Capture, Proposal
from db.model.dates import FuzzyDate
from db.model.records import KINDS, REFERENCE_KINDS, Record


def existing_ids(capture: Capture) -> dict[str, int]:
    """Each proposal already recorded, by ref, with its record's id."""
    return {p.ref: int(p.existing.split("-")[1]) for p in capture.proposals if p.existing}


def form_record(capture: Capture, proposal: Proposal) -> tuple[Record, dict[str, Any]]:
    """The record to show in the form, and the fields the form must not show (``fixed``)."""
    ids = existing_ids(capture)
    record = to_record(proposal, ids, 0)
    fixed: dict[str, Any] = {"sources": []}
    record.sources = []  # type: ignore[attr-defined]
    for name, value in proposal.record.items():
        if name in REFERENCE_KINDS and isinstance(value, str) and value not in ids:
            fixed[name] = None
    for attr in type(record).LINKS:
        if attr != "sources" and any(isinstance(item, dict) and item.get("ref") not in ids
                                     for item in proposal.record.get(attr) or []):
            fixed[attr] = getattr(record, attr)
    return record, fixed


def take_back(capture: Capture, proposal: Proposal, record: Record, fixed: dict[str, Any]) -> None:
    """Copy what was typed in the form into the proposal (fields it hid stay as they were)."""
    refs = {v: k for k, v in existing_ids(capture).items()}
    cls = KINDS[proposal.kind]
    for name, typ in cls.column_fields():
        if name in fixed:
            continue
        value = getattr(record, name)
        if name in REFERENCE_KINDS:
            proposal.record[name] = refs.get(value, value)
        elif isinstance(value, FuzzyDate):
            proposal.record[name] = value.to_text()
        elif isinstance(value, dt.date):
            proposal.record[name] = value.isoformat()
        else:
            proposal.record[name] = value if value != "" or typ is not str else ""
        proposal.flags.pop(name, None)
    for attr, spec in cls.LINKS.items():
        if attr in fixed or attr == "sources":
            continue
        items = []
        for link in getattr(record, attr):
            item: dict[str, Any] = {"ref": refs.get(link.id, link.id)}
            if spec.note_column and link.note:
                item[spec.note_column] = link.note
            items.append(item)
        proposal.record[attr] = items
