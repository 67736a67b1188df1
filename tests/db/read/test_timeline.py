"""One timeline: every dated fact at its precision, narrowed to a pair and to kinds."""

from __future__ import annotations

import datetime as dt

from db import store
from db.model.dates import FuzzyDate, Precision
from db.model.records import Event, Link
from db.read import queries
from db.read.timeline import timeline

TODAY = dt.date(2026, 3, 12)


def _pair(db):
    return queries.find_parties(db, "Abai region")[0].id, queries.find_parties(db, "Omsk region")[0].id


def test_the_seed_on_one_scale_at_each_precision(seeded_db):
    items = timeline(seeded_db, pair=_pair(seeded_db), today=TODAY)
    assert [i.first_day for i in items] == sorted(i.first_day for i in items)
    forum = next(i for i in items if i.record[0] == "event" and "Irtysh" in i.title)
    assert (forum.start.precision, forum.first_day, forum.last_day) == (
        Precision.QUARTER, dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert forum.date_label == "Q4 2025" and forum.what == "Forum (date passed — not confirmed held)"
    plan = [i for i in items if i.title.startswith("Interaction Plan")]
    assert [(i.what, i.date_label) for i in plan] == [
        ("Plan in force from (in force today)", "2025"), ("Plan signed (in force today)", "Jul 2025"),
        ("Plan valid until (in force today)", "2028")]
    assert plan[0].last_day == dt.date(2025, 12, 31)  # "2025" spans the year
    published = [i for i in items if i.group == "figures"]
    assert [(i.what, i.date_label, i.record[0]) for i in published] == [("5 figures published", "2 Jul 2025", "source")]
    assert {i.group for i in items} == {"agreements", "events", "statements", "figures"}  # no dated positions


def test_kinds_and_pairs_narrow_it(seeded_db):
    source = seeded_db.execute("SELECT id FROM sources").fetchone()[0]
    astana = store.save(seeded_db, Event(title="Astana International Forum", kind="forum", status="held",
                                         start_date=FuzzyDate.parse("2025-05-29"), sources=[Link(source)]))
    everything = timeline(seeded_db, today=TODAY)
    assert ("event", astana) in [i.record for i in everything]
    of_pair = timeline(seeded_db, pair=_pair(seeded_db), today=TODAY)
    assert ("event", astana) not in [i.record for i in of_pair]
    events = timeline(seeded_db, pair=_pair(seeded_db), groups={"events"}, today=TODAY)
    assert {i.group for i in events} == {"events"} and len(events) == 2
