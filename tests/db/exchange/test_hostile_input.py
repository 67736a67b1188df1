"""Whatever people type is stored exactly, or refused with a sentence; never stored wrong.

Every text field of every kind of record gets markup, ``javascript:`` links, control
characters, emoji, Cyrillic and Kazakh letters and 10 MB of text. Odd numbers and
impossible dates are refused by validation and, where the schema can say so, by SQL.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from db import store
from db.errors import DatabaseDamaged, ValidationError
from db.exchange.bundle import load_bundle
from db.file.connection import open_database
from db.model.dates import DateError, FuzzyDate
from db.model.records import KINDS, Indicator, Link, Position, Source
from tests.db.odd_files import garble_record_contents, make_file_with_rows
from tests.db.sample_records import HOSTILE, first_id, meaning, record_of

EVERYTHING = "".join(HOSTILE)
TEN_MB = ("Абай облысы — Омская область. <b>10 MB</b> 😀\n" * 250_000)[:10 * 1024 * 1024]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_text_field_keeps_what_was_typed(seeded_db, kind):
    for sample in [*HOSTILE, EVERYTHING]:
        record = record_of(seeded_db, kind, lambda name, sample=sample: f"{sample} {name}")
        record_id = store.save(seeded_db, record)
        assert meaning(store.get(seeded_db, kind, record_id)) == meaning(record), sample


@pytest.mark.parametrize("kind", ["source", "statement", "agreement"])
def test_ten_megabytes_of_text_are_kept_exactly(seeded_db, kind):
    record = record_of(seeded_db, kind, lambda name: TEN_MB if name in ("text", "summary", "notes") else name)
    record_id = store.save(seeded_db, record)
    assert meaning(store.get(seeded_db, kind, record_id)) == meaning(record)


@pytest.mark.parametrize(("typed", "words"), [
    ("before\x00after", "NUL character"),
    ("\x00", "NUL character"),
    ("broken \ud800 pair", "broken character"),
])
def test_characters_that_cannot_be_stored_exactly_are_refused_with_a_sentence(seeded_db, typed, words):
    with pytest.raises(ValidationError, match=f"Title contains a {words}"):
        store.save(seeded_db, Source(title=typed))
    with pytest.raises(ValidationError, match=f"Sources contains a {words}"):
        store.save(seeded_db, record_of(seeded_db, "statement", lambda name: typed if name == "sources" else "x"))


def _figure(db, value: float) -> Indicator:
    return Indicator(subject_id=first_id(db, "parties"), indicator="exports", period_start=dt.date(2024, 1, 1),
                     period_end=dt.date(2024, 12, 31), value=value, unit="USD million",
                     sources=[Link(first_id(db, "sources"))])


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan"), 1e309])
def test_figures_that_are_not_finite_are_refused(seeded_db, value):
    with pytest.raises(ValidationError, match="Value must be a finite number"):
        store.save(seeded_db, _figure(seeded_db, value))


def test_minus_zero_is_stored_as_zero(seeded_db):
    record_id = store.save(seeded_db, _figure(seeded_db, -0.0))
    assert store.get(seeded_db, "indicator", record_id).value == 0


@pytest.mark.parametrize("typed", ["2025-02-30", "0000-00-00", "2025-13-01", "0000", "Q1 0000", "2025-00"])
def test_impossible_dates_are_refused_with_a_sentence(typed):
    with pytest.raises(DateError, match=f"'{typed}' is not a real"):
        FuzzyDate.parse(typed)


def test_a_bundle_with_an_impossible_date_is_refused_and_nothing_is_added(seeded_db):
    before = seeded_db.execute("SELECT count(*) FROM sources").fetchone()[0]
    bundle = {"format": "factsheet-bundle", "version": 1, "records": {"sources": [
        {"ref": "a", "title": "Fine"}, {"ref": "b", "title": "Bad date", "published": "2025-02-30"}]}}
    with pytest.raises(ValidationError, match="published"):
        load_bundle(seeded_db, bundle)
    assert seeded_db.execute("SELECT count(*) FROM sources").fetchone()[0] == before


@pytest.mark.parametrize(("column", "value"), [
    ("period_start", "2025-02-30"), ("period_start", "0000-00-00"), ("period_end", "2025-1-5"),
    ("value", "NaN"), ("value", float("nan")), ("value", "1 234,5"), ("value", "1e309x"), ("unit", "   "),
])
def test_the_schema_itself_refuses_values_that_would_be_stored_wrong(seeded_db, column, value):
    """Even a write that bypassed validation (a bug, another tool) cannot store these."""
    row = {"subject_id": 1, "indicator": "exports", "period_start": "2024-01-01",
           "period_end": "2024-12-31", "value": 1.0, "unit": "USD million", column: value}
    with pytest.raises(sqlite3.IntegrityError):
        seeded_db.execute(f"INSERT INTO indicators ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                          list(row.values()))
    seeded_db.rollback()


def test_an_end_before_the_start_is_refused_with_a_sentence_not_a_schema_error(seeded_db):
    position = record_of(seeded_db, "position", lambda name: name)
    position.start_date = FuzzyDate(dt.date(2025, 7, 15))
    position.end_date = FuzzyDate.parse("2025-07")  # stored as 1 July: before the start
    with pytest.raises(ValidationError, match="End cannot (be|begin) before start"):
        store.save(seeded_db, position)
    assert isinstance(position, Position)


def test_damage_met_while_writing_is_reported_as_a_sentence(tmp_path):
    path = make_file_with_rows(tmp_path / "figures.factsheet")
    garble_record_contents(path)
    db = open_database(path, full_check=False)
    with (pytest.raises(DatabaseDamaged, match="damaged, so the change was not saved"),
          store.sqlite_errors_as_sentences(), db.atomic()):
        db.execute("UPDATE indicators SET notes = 'checked'")
    db.close()
