"""Writing records: validation first, one transaction, links kept, deletes refused while in use."""

import datetime as dt

import pytest

from db import store
from db.errors import RecordInUse, ValidationError
from db.model.dates import FuzzyDate
from db.model.records import Agreement, Indicator, Link, Party, Source
from db.read import queries


def _source(db):
    return store.save(db, Source(title="Statistics bulletin"))


def test_a_record_and_its_links_round_trip(empty_db):
    source = _source(empty_db)
    a = store.save(empty_db, Party(kind="region", name_en="Abai region", name_kk="Абай облысы"))
    b = store.save(empty_db, Party(kind="region", name_en="Omsk region"))
    agreement = Agreement(title="Protocol", kind="protocol", signed_date=FuzzyDate.parse("Q3 2025"),
                          status="signed", parties=[Link(a), Link(b, "host")], sources=[Link(source, "p. 2")])
    new_id = store.save(empty_db, agreement)
    again = store.get(empty_db, "agreement", new_id)
    assert again.signed_date.label() == "Q3 2025"
    assert [(link.id, link.note) for link in again.parties] == [(a, None), (b, "host")]
    assert again.sources == [Link(source, "p. 2")]


def test_text_is_stored_exactly_as_typed(empty_db):
    odd = "  <b>x</b> & \"quotes\" javascript:alert(1) Қазақстан ә ғ қ ң ө ұ ү һ і 🙂\x07  "
    party_id = store.save(empty_db, Party(kind="city", name_en=odd))
    assert store.get(empty_db, "party", party_id).name_en == odd


def test_an_invalid_record_writes_nothing_and_says_why(empty_db):
    party = store.save(empty_db, Party(kind="region", name_en="Abai region"))
    bad = Indicator(subject_id=party, indicator="exports", period_start=dt.date(2025, 5, 31),
                    period_end=dt.date(2025, 1, 1), value=float("nan"), unit="")
    with pytest.raises(ValidationError) as error:
        store.save(empty_db, bad)
    fields = {p.field for p in error.value.problems}
    assert fields == {"period_end", "value", "unit", "sources"}
    assert "cannot be before" in str(error.value)
    assert queries.counts(empty_db)["indicator"] == 0


def test_a_source_in_use_cannot_be_deleted(empty_db):
    source = _source(empty_db)
    party = store.save(empty_db, Party(kind="region", name_en="Abai region"))
    store.save(empty_db, Indicator(subject_id=party, indicator="exports", period_start=dt.date(2025, 1, 1),
                                   period_end=dt.date(2025, 5, 31), value=67.8, unit="USD million",
                                   sources=[Link(source)]))
    with pytest.raises(RecordInUse, match="1 indicator"):
        store.delete(empty_db, "source", source)
    assert queries.counts(empty_db)["source"] == 1


def test_deleting_a_record_removes_its_own_links(seeded_db):
    agreement_id = seeded_db.execute("SELECT id FROM agreements WHERE kind = 'protocol'").fetchone()[0]
    store.delete(seeded_db, "agreement", agreement_id)
    assert seeded_db.execute("SELECT count(*) FROM agreement_parties WHERE agreement_id = ?",
                             [agreement_id]).fetchone()[0] == 0
    assert seeded_db.execute("SELECT count(*) FROM agreements_sources WHERE agreement_id = ?",
                             [agreement_id]).fetchone()[0] == 0
