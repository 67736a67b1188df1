"""Proposals in words: the one-line label the review dialog and ``factsheet capture`` show.

"Akim (governor) of the Abai region — Berik Uali", "Trade turnover: USD 128.6 million,
Jan–May 2025 (Abai region → Russian Federation)". What a proposal does is said as
"new", "already recorded" or "update: planned → held".
"""

from __future__ import annotations

from typing import Any

from db.capture.proposals import Capture, Proposal
from db.model import names
from db.model.dates import FuzzyDate, Period
from db.model.formatting import format_number, format_quantity, format_unit
from db.model.i18n import N_, Labels, _, current_language
from db.model.records import (
    AGREEMENT_KINDS,
    EVENT_KINDS,
    EVENT_STATUSES,
    PARTY_KINDS,
    indicator_label,
)
from db.model.validate import label as field_label

ACTIONS = Labels({"new": N_("new"), "same": N_("already recorded"), "update": N_("update")})


def _name(capture: Capture, ref: str | None) -> str:
    """A party's or person's name in the language in use (else its best other form)."""
    if not ref:
        return _("unknown")
    found = capture.by_ref(ref)
    if found is None:
        return ref
    r = found.record
    return names.shown(r.get("name_en"), r.get("name_ru"), r.get("name_kk")) or r.get("title") or ref


def _every_name(r: dict[str, Any]) -> str:
    """Every form of a name the proposal holds, the language in use first: "Abai region /
    Абайская область / Абай облысы"."""
    order = names.FALLBACK.get(current_language(), names.NAME_LANGUAGES)
    return " / ".join(dict.fromkeys(r[f"name_{code}"] for code in order if r.get(f"name_{code}")))


def _date(text: Any) -> str:
    date = FuzzyDate.parse(str(text)) if text else None
    return date.label() if date else _("date unknown")


def label(capture: Capture, proposal: Proposal) -> str:
    """The proposal in one line."""
    r = proposal.record
    if proposal.kind == "party":
        return _("{name} ({kind})").format(name=_every_name(r),
                                           kind=PARTY_KINDS.get(r.get("kind"), r.get("kind")).lower())
    if proposal.kind == "person":
        return _every_name(r)
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
    value = r.get("value")
    if r.get("unit") and value is not None:
        quantity = format_quantity(value, r["unit"])
    else:
        quantity = _("{number} {unit}").format(number=format_number(value) if value is not None else "?",
                                               unit=format_unit(r["unit"]) if r.get("unit") else _("unit unknown"))
    pair = _name(capture, r.get("subject_id"))
    if r.get("counterpart_id"):
        pair = _("{subject} → {counterpart}").format(subject=pair, counterpart=_name(capture, r["counterpart_id"]))
    return _("{indicator}: {quantity}, {period} ({pair})").format(
        indicator=indicator_label(r.get("indicator") or ""), quantity=quantity, period=period, pair=pair)


def shown_value(name: str, value: Any) -> str:
    """A field's value as the review shows it: a status by its label, a date as a date."""
    if value in (None, ""):
        return _("unknown")
    if name == "status":
        return EVENT_STATUSES.get(value, str(value)).lower()
    if name.endswith("_date"):
        return _date(value)
    return str(value)


def changes(proposal: Proposal) -> list[str]:
    """What an update changes, field by field: "status planned → held"."""
    return [_("{field} {old} → {new}").format(field=field_label(name).lower(), old=shown_value(name, old),
                                               new=shown_value(name, proposal.record.get(name)))
            for name, old in (proposal.before or {}).items() if old != proposal.record.get(name)]


def action(proposal: Proposal) -> str:
    """"new", "already recorded" or "update: status planned → held"."""
    if proposal.action == "update" and proposal.before:
        return _("update: {changes}").format(changes=", ".join(changes(proposal)))
    return ACTIONS[proposal.action]
