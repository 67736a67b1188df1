"""How each proposal stands against the database: new, already recorded, or an update.

Parties and people are matched by name across scripts, spellings and inflections (the
``Cast`` is built from every party and person recorded); a position by its person and
title; an agreement or event by its title, or by its kind, place and date (the forum
planned for Q4 2025 and reported held in December is the same forum — an *update* of its
status); a figure by subject, counterpart, indicator, period, value and unit; a statement
by its speaker and words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from db.capture import names
from db.capture.cast import Cast, Entity
from db.capture.proposals import Capture, Proposal
from db.model.dates import FuzzyDate

if TYPE_CHECKING:
    from sqlite_utils import Database


def cast_of(db: Database) -> Cast:
    """A cast holding every party and person the database has recorded."""
    cast = Cast()
    parties: dict[int, Entity] = {}
    parents: dict[int, int] = {}
    for party_id, kind, name_en, ru, kk, alt, parent in db.execute(
            "SELECT id, kind, name_en, name_ru, name_kk, name_alt, parent_id FROM parties ORDER BY id"):
        parties[party_id] = cast.add(Entity("party", name_en, ru or kk, alt, kk if ru else None,
                                            party_kind=kind, existing=party_id))
        if parent is not None:
            parents[party_id] = parent
    for child, parent in parents.items():
        parties[child].parent = parties.get(parent)
    for person_id, name_en, ru, kk, alt in db.execute(
            "SELECT id, name_en, name_ru, name_kk, name_alt FROM people ORDER BY id"):
        cast.add(Entity("person", name_en, ru or kk, alt, kk if ru else None, existing=person_id))
    return cast


def compare(db: Database, capture: Capture) -> None:
    """Set each proposal's ``action`` and ``existing`` (and ``before`` for an update)."""
    capture.source_existing = _source(db, capture.source)
    ids: dict[str, int] = {}
    for proposal in capture.proposals:
        found = _find(db, proposal, ids)
        if found is None:
            continue
        proposal.existing = f"{proposal.kind}-{found}"
        ids[proposal.ref] = found
        proposal.action = "same"
        if proposal.kind == "event":
            _status_change(db, proposal, found)


def _source(db: Database, source: dict) -> int | None:
    text = source.get("text") or ""
    for column, value in (("url", source.get("url")), ("text", text)):
        if value and value.strip():
            row = db.execute(f"SELECT id FROM sources WHERE {column} IN (?, ?) ORDER BY id LIMIT 1",
                             [value, value.strip()]).fetchone()
            if row:
                return row[0]
    return None


def _find(db: Database, proposal: Proposal, ids: dict[str, int]) -> int | None:
    record = proposal.record
    if proposal.kind in ("party", "person"):
        return proposal.entity.existing if proposal.entity else None
    if proposal.kind == "position":
        person = ids.get(record["person_id"] or "")
        if person is None:
            return None
        for position_id, title in db.execute("SELECT id, title FROM positions WHERE person_id = ?", [person]):
            if _same_title(title, record["title"]):
                return position_id
        return None
    if proposal.kind in ("agreement", "event"):
        return _same_happening(db, proposal)
    if proposal.kind == "indicator":
        return _same_figure(db, record, ids)
    if proposal.kind == "statement":
        person = ids.get(record["person_id"] or "")
        for statement_id, text in db.execute("SELECT id, text FROM statements WHERE person_id IS ?", [person]):
            if _words(text) == _words(record["text"]):
                return statement_id
    return None


def _words(text: str | None) -> str:
    return names.key(re.sub(r"[–—-]", " ", text or ""))


def _same_title(a: str | None, b: str | None) -> bool:
    x, y = _words(re.sub(r"\([^)]*\)", " ", a or "")), _words(re.sub(r"\([^)]*\)", " ", b or ""))
    return bool(x and y) and (x == y or x in y or y in x)


def _same_happening(db: Database, proposal: Proposal) -> int | None:
    record = proposal.record
    table = "agreements" if proposal.kind == "agreement" else "events"
    date_column = "signed_date" if proposal.kind == "agreement" else "start_date"
    rows = db.execute(f"SELECT id, title, kind, {date_column}, {date_column}_precision"
                      + (", place" if proposal.kind == "event" else ", NULL") + f" FROM {table}").fetchall()
    for row_id, title, *_rest in rows:
        if _same_title(title, record["title"]):
            return row_id
    wanted = FuzzyDate.parse(record[date_column]) if record.get(date_column) else None
    for row_id, _title, kind, day, precision, place in rows:
        recorded = FuzzyDate.from_db(day, precision)
        if kind != record["kind"] or recorded is None or wanted is None:
            continue
        inside = recorded.start <= wanted.start <= recorded.end or wanted.start <= recorded.start <= wanted.end
        if not inside:
            continue
        if proposal.kind == "event" and place and record.get("place") and not names.same_place(place, record["place"]):
            continue
        return row_id
    return None


def _status_change(db: Database, proposal: Proposal, event_id: int) -> None:
    """A planned event the article reports held: propose the status change, old and new."""
    row = db.execute("SELECT status, start_date, start_date_precision FROM events WHERE id = ?", [event_id]).fetchone()
    if row is None or row[0] == proposal.record["status"]:
        return
    if row[0] == "planned" and proposal.record["status"] == "held":
        proposal.action = "update"
        before_date = FuzzyDate.from_db(row[1], row[2])
        proposal.before = {"status": row[0], "start_date": before_date.to_text() if before_date else None}


def _same_figure(db: Database, record: dict, ids: dict[str, int]) -> int | None:
    subject = ids.get(record["subject_id"] or "")
    counterpart = ids.get(record["counterpart_id"] or "") if record["counterpart_id"] else None
    if subject is None or (record["counterpart_id"] and counterpart is None) or record["value"] is None:
        return None
    row = db.execute(
        "SELECT id FROM indicators WHERE subject_id = ? AND counterpart_id IS ? AND indicator = ? AND period_start IS ?"
        " AND period_end IS ? AND value = ? AND unit = ? ORDER BY id LIMIT 1",
        [subject, counterpart, record["indicator"], record["period_start"], record["period_end"], record["value"],
         record["unit"]]).fetchone()
    return row[0] if row else None
