"""The seed data set: every fact of the article, exactly as printed, linked to its source."""

import datetime as dt

import pytest

from db import store
from db.model.dates import FuzzyDate, Precision
from db.model.records import KINDS
from db.read import pair_facts, queries
from db.seed import load_seed


def _party(db, name):
    (party,) = queries.find_parties(db, name)
    return party


def test_seed_loads_into_an_empty_database_in_one_go(empty_db):
    added = load_seed(empty_db)
    assert added == {"source": 1, "party": 7, "subject": 5, "person": 3, "position": 4, "event": 2,
                     "agreement": 2, "indicator": 5, "statement": 2}


def test_a_failing_seed_leaves_the_database_empty(empty_db, monkeypatch):
    from db.exchange import bundle

    original = store.save
    calls = {"n": 0}

    def failing_save(db, record, **kw):
        calls["n"] += 1
        if calls["n"] == 10:
            raise RuntimeError("disk trouble")
        return original(db, record, **kw)

    monkeypatch.setattr(bundle.store, "save", failing_save)
    with pytest.raises(RuntimeError):
        load_seed(empty_db)
    assert all(n == 0 for n in queries.counts(empty_db).values())


def test_countries_regions_and_bodies_with_both_name_forms(seeded_db):
    kz, ru = _party(seeded_db, "Kazakhstan"), _party(seeded_db, "Russian Federation")
    abai = _party(seeded_db, "абайская область")  # a local name, any case
    omsk = _party(seeded_db, "Омская область")
    assert (abai.kind, abai.parent_id, abai.name_kk) == ("region", kz.id, "Абай облысы")
    assert (omsk.kind, omsk.parent_id) == ("region", ru.id)
    akimat = _party(seeded_db, "Administration (akimat) of the Abai region")
    government = _party(seeded_db, "Government of the Omsk region")
    assert (akimat.kind, akimat.parent_id) == ("body", abai.id)
    assert (government.kind, government.parent_id) == ("body", omsk.id)


def test_people_and_every_position_the_article_names(seeded_db):
    rows = seeded_db.execute(
        "SELECT p.name_en, p.name_kk, po.title, b.name_en FROM positions po "
        "JOIN people p ON p.id = po.person_id JOIN parties b ON b.id = po.body_id ORDER BY po.id").fetchall()
    assert rows == [
        ("Berik Uali", "Берік Уәли", "Akim (governor) of the Abai region",
         "Administration (akimat) of the Abai region"),
        ("Andrei Shpilenko", "Андрей Шпиленко", "Deputy Chairman of the Government of the Omsk region",
         "Government of the Omsk region"),
        ("Andrei Shpilenko", "Андрей Шпиленко",
         "Official representative of the Omsk region to the Government of the Russian Federation",
         "Government of the Omsk region"),
        ("Vitaly Khotsenko", "Виталий Хоценко", "Chairman of the Government of the Omsk region",
         "Government of the Omsk region"),
    ]
    head = seeded_db.execute(
        "SELECT p.name_en FROM event_people ep JOIN people p ON p.id = ep.person_id "
        "WHERE ep.role = 'head of the delegation'").fetchall()
    assert head == [("Andrei Shpilenko",)]


def test_both_agreements_with_parties_date_and_validity(seeded_db):
    scope = queries.pair_scope(seeded_db, _party(seeded_db, "Abai region").id, _party(seeded_db, "Omsk region").id)
    agreements = {a.title: a for a in pair_facts.pair_agreements(seeded_db, scope)}
    protocol = agreements["Protocol on the joint use and development of the Irtysh River"]
    plan = agreements["Interaction Plan on international and foreign economic relations for 2025–2028"]
    for agreement in (protocol, plan):
        assert agreement.parties == ("Administration (akimat) of the Abai region", "Government of the Omsk region")
        assert agreement.signed == FuzzyDate(dt.date(2025, 7, 1), Precision.MONTH)
    assert protocol.kind == "protocol" and plan.kind == "plan"
    assert (plan.valid_from.label(), plan.valid_until.label()) == ("2025", "2028")
    assert protocol.subjects == ("Irtysh River",)
    assert plan.status_on(dt.date(2026, 1, 1)) == "in force"
    assert plan.status_on(dt.date(2029, 1, 1)) == "expired"


def test_events_with_dates_at_their_precision(seeded_db):
    rows = seeded_db.execute("SELECT title, kind, place, start_date, start_date_precision, status FROM events "
                             "ORDER BY start_date").fetchall()
    assert rows[0][1:] == ("visit", None, "2025-07-01", "month", "held")
    assert rows[1][0] == "International cross-border forum “Irtysh – River of Friendship and Development”"
    assert rows[1][1:] == ("forum", "Omsk", "2025-10-01", "quarter", "planned")
    assert FuzzyDate.from_db(rows[1][3], rows[1][4]).label() == "Q4 2025"


@pytest.mark.parametrize(("indicator", "start", "end", "value", "unit"), [
    ("turnover", "2025-01-01", "2025-05-31", 128.6, "USD million"),
    ("exports", "2025-01-01", "2025-05-31", 67.8, "USD million"),
    ("imports", "2025-01-01", "2025-05-31", 70.4, "USD million"),
    ("investment_inflow", "2024-01-01", "2024-12-31", 507, "USD million"),
    ("enterprise_count", "2025-07-02", "2025-07-02", 178, "enterprises"),
])
def test_every_figure_exactly_as_printed_against_the_russian_federation(seeded_db, indicator, start, end, value, unit):
    row = seeded_db.execute(
        "SELECT s.name_en, c.name_en, i.period_start, i.period_end, i.value, i.unit FROM indicators i "
        "JOIN parties s ON s.id = i.subject_id JOIN parties c ON c.id = i.counterpart_id WHERE i.indicator = ?",
        [indicator]).fetchone()
    assert row == ("Abai region", "Russian Federation", start, end, value, unit)


def test_both_quotes_with_their_speakers_at_the_visit(seeded_db):
    rows = seeded_db.execute(
        "SELECT p.name_en, s.text, e.kind FROM statements s JOIN people p ON p.id = s.person_id "
        "JOIN events e ON e.id = s.event_id ORDER BY s.id").fetchall()
    assert [r[0] for r in rows] == ["Berik Uali", "Andrei Shpilenko"]
    assert rows[0][1].startswith("Omsk region is a region closely connected with Kazakhstan")
    assert "open tourist routes" in rows[1][1]
    assert {r[2] for r in rows} == {"visit"}


def test_subject_areas_of_the_visit(seeded_db):
    names = {r[0] for r in seeded_db.execute(
        "SELECT s.name_en FROM event_subjects x JOIN subjects s ON s.id = x.subject_id")}
    assert names == {"Irtysh River", "Tourism routes", "Culture and humanitarian ties", "Economy"}


@pytest.mark.parametrize("kind", ["position", "agreement", "event", "indicator", "statement", "person", "party"])
def test_every_fact_links_to_the_article_with_a_passage_from_it(seeded_db, kind):
    table = KINDS[kind].TABLE
    (source,) = seeded_db.execute("SELECT id, text FROM sources").fetchall()
    for (record_id,) in seeded_db.execute(f"SELECT id FROM {table}").fetchall():
        if kind == "party" and seeded_db.execute(
                "SELECT kind FROM parties WHERE id = ?", [record_id]).fetchone()[0] == "country":
            continue
        record = store.get(seeded_db, kind, record_id)
        assert [link.id for link in record.sources] == [source[0]], (kind, record_id)
        passage = record.sources[0].note
        assert passage and passage.replace("“", "\"").replace("”", "\"")[:40] in source[1].replace(
            "“", "\"").replace("”", "\""), (kind, passage)
