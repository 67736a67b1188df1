"""Checks on dates and status: what was true once but no longer is, or was never checked.

Each reads its candidates in SQL (narrowed to a scope) and asks ``db.model.status`` — the
one place a status is decided — whether the record's status on the day is the problem, so
a check never disagrees with the status the lists and the sheet print.

``agreement_expired_in_force``
    An agreement marked in force whose validity ended before today.
``position_no_start``
    A current position (no end, or an end still ahead) with no start date.
``position_not_verified``
    A current position never verified, or last verified more than a year ago.
``planned_event_passed``
    An event still marked planned after the last day of its date (at its precision).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from db.model.dates import FuzzyDate
from db.model.formatting import format_day
from db.model.i18n import N_, _
from db.model.status import agreement_status, event_status, needs_verifying
from db.read.checks.framework import Finding, Scope, check, in_position_scope, in_scope
from db.read.checks.wording import quote

if TYPE_CHECKING:
    from sqlite_utils import Database


def _fuzzy_end(column: str) -> str:
    """SQL for the last day of a date stored with its precision (``Q4 2025`` -> 2025-12-31)."""
    return (f"(CASE {column}_precision WHEN 'year' THEN date({column}, '+1 year', '-1 day') "
            f"WHEN 'quarter' THEN date({column}, '+3 months', '-1 day') "
            f"WHEN 'month' THEN date({column}, '+1 month', '-1 day') ELSE {column} END)")


@check("agreement_expired_in_force", N_("Agreements past their validity marked in force"), "agreement")
def check_agreement_expired_in_force(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Agreements marked in force whose validity ended before today."""
    narrow, params = in_scope(scope, "a.id", "agreement")
    rows = db.execute(
        f"""SELECT a.id, shown_name(a.title, a.title_ru, a.title_kk), a.signed_date, a.signed_date_precision, a.valid_from, a.valid_from_precision,
                  a.valid_until, a.valid_until_precision FROM agreements a
           WHERE a.status = 'in_force' AND a.valid_until IS NOT NULL{narrow}
           ORDER BY a.valid_until, a.id""", params).fetchall()
    findings = []
    for rid, title, signed, signed_precision, start, start_precision, until, precision in rows:
        valid_until = FuzzyDate.from_db(until, precision)
        decided = agreement_status("in_force", FuzzyDate.from_db(signed, signed_precision),
                                   FuzzyDate.from_db(start, start_precision), valid_until, today)
        if decided.key != "expired":
            continue
        assert valid_until is not None
        findings.append(Finding("agreement_expired_in_force", _(
            "{title} is marked in force, but it was valid until {until}, which has passed. Mark it "
            "expired, or record its extension with the source that reports it.").format(
            title=quote(title), until=valid_until.label()), (("agreement", rid),)))
    return findings


_CURRENT_POSITION = (f"(p.end_date IS NULL OR {_fuzzy_end('p.end_date')} >= :today) "
                     "AND (p.start_date IS NULL OR p.start_date <= :today)")


def _positions(db: Database, today: dt.date, scope: Scope | None, condition: str) -> list[tuple]:
    """Current positions meeting ``condition``: (id, person id, person, title, body, verified_on)."""
    narrow, params = in_position_scope(scope, "p")
    params.update(today=today.isoformat())
    return db.execute(
        f"""SELECT p.id, p.person_id, shown_name(pe.name_en, pe.name_ru, pe.name_kk),
                  shown_name(p.title, p.title_ru, p.title_kk), shown_name(b.name_en, b.name_ru, b.name_kk),
                  p.verified_on
           FROM positions p JOIN people pe ON pe.id = p.person_id LEFT JOIN parties b ON b.id = p.body_id
           WHERE {_CURRENT_POSITION} AND {condition}{narrow}
           ORDER BY pe.name_en, p.id""", params).fetchall()


@check("position_no_start", N_("Current positions without a start date"), "position", "person")
def check_position_no_start(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Officials whose current position has no start date."""
    return [Finding("position_no_start", _(
        "{person} holds the position “{title}” with no start date recorded, so the fact sheet cannot say "
        "since when. Add the start date, at whatever precision is known.").format(person=person, title=title),
        (("person", person_id), ("position", rid)))
        for rid, person_id, person, title, _body, _verified in _positions(db, today, scope, "p.start_date IS NULL")]


@check("position_not_verified", N_("Positions not verified for over a year"), "position", "person")
def check_position_not_verified(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Officials whose current position was never verified, or not within the last year."""
    findings = []
    for rid, person_id, person, title, _body, verified in _positions(db, today, scope, "1"):
        day = dt.date.fromisoformat(verified) if verified else None
        if not needs_verifying(day, today):
            continue
        if day is None:
            message = _("{person}'s position “{title}” has never been verified. Check that it is still "
                        "held and record the date checked.").format(person=person, title=title)
        else:
            message = _("{person}'s position “{title}” was last verified on {day}, over a year ago. Check "
                        "that it is still held and record the date checked.").format(
                person=person, title=title, day=format_day(day))
        findings.append(Finding("position_not_verified", message, (("person", person_id), ("position", rid))))
    return findings


@check("planned_event_passed", N_("Planned events whose date has passed"), "event")
def check_planned_event_passed(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Events still marked planned after the last day of their date."""
    narrow, params = in_scope(scope, "e.id", "event")
    rows = db.execute(
        f"""SELECT e.id, shown_name(e.title, e.title_ru, e.title_kk), e.start_date, e.start_date_precision, e.end_date, e.end_date_precision
           FROM events e WHERE e.status = 'planned' AND e.start_date IS NOT NULL{narrow}
           ORDER BY e.start_date, e.id""", params).fetchall()
    findings = []
    for rid, title, start, start_precision, end, end_precision in rows:
        first, last = FuzzyDate.from_db(start, start_precision), FuzzyDate.from_db(end, end_precision)
        if event_status("planned", first, last, today).key != "date_passed":
            continue
        assert first is not None
        when = first.label() if last is None or last == first else f"{first.label()} – {last.label()}"
        findings.append(Finding("planned_event_passed", _(
            "{title} ({when}) is still marked planned, but that date has passed. Record whether it was "
            "held, postponed or cancelled.").format(title=quote(title), when=when), (("event", rid),)))
    return findings
