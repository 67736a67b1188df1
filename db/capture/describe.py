"""Proposals in words: the one-line label the review dialog and ``factsheet capture`` show.

"Akim (governor) of the Abai region — Berik Uali", "Trade turnover: 128.6 USD million,
Jan–May 2025 (Abai region → Russian Federation)". What a proposal does is said as
"new", "already recorded" or "update: planned → held".
"""

from __future__ import annotations

from typing import Any

from db.capture.proposals import Capture, Proposal
from db.model.dates import FuzzyDate, Period
from db.model.formatting import format_number
from db.model.i18n import _
from db.model.records import (
    AGREEMENT_KINDS,
    EVENT_KINDS,
    EVENT_STATUSES,
    PARTY_KINDS,
    indicator_label,
)

ACTIONS = {"new": _("new"), "same": _("already recorded"), "update": _("update")}


def _name(capture: Capture, ref: str | None) -> str:
    if not ref:
        return _("unknown")
    found = capture.by_ref(ref)
    if found is None:
        return ref
    return found.record.get("name_en") or found.record.get("name_ru") or found.record.get("name_kk") or found.record.get("title") or ref


def _date(text: Any) -> str:
    date = FuzzyDate.parse(str(text)) if text else None
    return date.label() if date else _("date unknown")


def label(capture: Capture, proposal: Proposal) -> str:
    """The proposal in one line."""
    r = proposal.record
    if proposal.kind == "party":
        names = " / ".join(n for n in (r.get("name_en"), r.get("name_ru"), r.get("name_kk")) if n)
        return _("{name} ({kind})").format(name=names, kind=PARTY_KINDS.get(r.get("kind"), r.get("kind")).lower())
    if proposal.kind == "person":
        return " / ".join(n for n in (r.get("name_en"), r.get("name_ru"), r.get("name_kk")) if n)
    if proposal.kind == "position":
        return _("{title} — {person}").format(title=r.get("title"), person=_name(capture, r.get("person_id")))
    if proposal.kind == "agreement":
        return _("{title} ({kind}, {status} {date})").format(
            title=r.get("title"), kind=AGREEMENT_KINDS.get(r.get("kind"), "").lower(),
            status=_("signed") if r.get("status") == "signed" else _("draft"), date=_date(r.get("signed_date")))
    if proposal.kind == "event":
        return _("{title} ({kind}, {status}, {date})").format(
            title=r.get("title"), kind=EVENT_KINDS.get(r.get("kind"), "").lower(),
            status=EVENT_STATUSES.get(r.get("status"), "").lower(), date=_date(r.get("start_date")))
    if proposal.kind == "indicator":
        return _indicator(capture, r)
    if proposal.kind == "statement":
        text = r.get("text") or ""
        short = text if len(text) <= 90 else text[:89].rstrip() + "…"
        return _("{person}: “{text}”").format(person=_name(capture, r.get("person_id")), text=short)
    return proposal.ref


def _indicator(capture: Capture, r: dict[str, Any]) -> str:
    if r.get("period_start") and r.get("period_end"):
        period = Period.from_db(r["period_start"], r["period_end"]).label()
    else:
        period = _("period unknown")
    value = format_number(r["value"]) if r.get("value") is not None else "?"
    unit = r.get("unit") or _("unit unknown")
    pair = _name(capture, r.get("subject_id"))
    if r.get("counterpart_id"):
        pair = _("{subject} → {counterpart}").format(subject=pair, counterpart=_name(capture, r["counterpart_id"]))
    return _("{indicator}: {value} {unit}, {period} ({pair})").format(
        indicator=indicator_label(r.get("indicator") or ""), value=value, unit=unit, period=period, pair=pair)


def action(proposal: Proposal) -> str:
    """"new", "already recorded" or "update: status planned → held"."""
    if proposal.action == "update" and proposal.before:
        changes = ", ".join(_("{field} {old} → {new}").format(field=name.replace("_", " "), old=old,
                                                               new=proposal.record.get(name))
                            for name, old in proposal.before.items() if old != proposal.record.get(name))
        return _("update: {changes}").format(changes=changes)
    return ACTIONS[proposal.action]
