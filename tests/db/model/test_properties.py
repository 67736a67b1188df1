"""Properties of reading what people type: any input gives the value it means, or a sentence.

Numbers, dates with a precision, periods, every text field of every kind of record, and
whole bundles. "A sentence" means the errors the app shows as they are (``NumberError``,
``DateError``, a ``FactSheetError``); any other exception is a bug. Example counts are
kept modest so the suite stays fast.
"""

from __future__ import annotations

import datetime as dt
import math
from contextlib import contextmanager
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from db import store
from db.errors import FactSheetError
from db.exchange.bundle import load_bundle
from db.exchange.bundle_write import export_bundle
from db.file.connection import open_database
from db.model import validate
from db.model.dates import DateError, FuzzyDate, Period, Precision, parse_iso_day
from db.model.records import KINDS
from db.model.validate import NumberError, parse_number
from db.seed import load_seed
from tests.db.sample_records import HOSTILE, append_to_every_text, meaning, record_of

FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOME = settings(max_examples=150, deadline=None)

text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40),
                 st.lists(st.sampled_from(HOSTILE), min_size=2, max_size=4).map("".join))


# -- numbers ---------------------------------------------------------------------------

@SOME
@given(st.text(max_size=30))
@example("1e309")
@example("NaN")
@example("-inf")
@example("1 234,5")
@example("-0")
@example("1,234")
@example("١٢٣")
def test_any_text_is_a_finite_number_or_a_sentence(raw):
    try:
        value = parse_number(raw)
    except NumberError as error:
        assert raw in str(error) or str(error).endswith(".")
        return
    assert isinstance(value, float) and math.isfinite(value)
    assert not (value == 0 and math.copysign(1, value) < 0)  # "-0" is stored as 0


@SOME
@given(st.decimals(min_value=-10**12, max_value=10**12, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from([("", "."), (" ", ","), ("\u00a0", ","), (",", "."), ("\u202f", ","), ("'", ".")]))
def test_numbers_as_statistics_offices_write_them_are_read_exactly(number: Decimal, style):
    group, point = style
    sign = "-" if number < 0 else ""
    whole, _dot, fraction = f"{abs(number):.2f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", group)
    written = f"{sign}{grouped}{point}{fraction}"
    assert parse_number(written, decimal=point) == float(number)


def test_the_table_of_odd_numbers():
    assert parse_number("1 234,5") == 1234.5
    assert parse_number("0,001") == 0.001 and parse_number("-0,250") == -0.25  # never a thousands group
    assert parse_number("-0") == 0.0 and math.copysign(1, parse_number("-0")) == 1
    for refused in ("1e309", "NaN", "nan", "inf", "-Infinity", "1,234", "", "12 abc", "1.2.3"):
        try:
            parse_number(refused)
        except NumberError:
            continue
        raise AssertionError(f"{refused!r} was accepted")


# -- dates and periods -------------------------------------------------------------------

days = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
fuzzy = st.builds(FuzzyDate, days, st.sampled_from(list(Precision)))


@SOME
@given(st.text(max_size=20))
@example("2025-02-30")
@example("0000-00-00")
@example("0000")
@example("Q1 0000")
@example("2025-13")
@example("２０２５-０１-０１")
def test_any_text_is_a_date_with_a_precision_or_a_sentence(raw):
    try:
        parsed = FuzzyDate.parse(raw)
    except DateError as error:
        assert str(error).endswith(".")
        return
    if parsed is None:
        assert raw.strip() == ""
        return
    assert FuzzyDate.parse(parsed.to_text()) == parsed
    assert parsed.label()


@SOME
@given(fuzzy)
def test_a_date_with_a_precision_reads_back_as_itself(date):
    assert FuzzyDate.parse(date.to_text()) == date
    assert FuzzyDate.from_db(*date.to_db()) == date
    assert date.start <= date.end


@SOME
@given(st.one_of(days.map(dt.date.isoformat), st.text(max_size=12)),
       st.one_of(days.map(dt.date.isoformat), st.text(max_size=12)))
@example("2025-01-01", "2025-05-31")
@example("2025-02-30", "2025-03-31")
@example("0000-00-00", "2025-01-01")
def test_any_pair_of_days_is_a_period_or_a_sentence(start_text, end_text):
    try:
        period = Period(parse_iso_day(start_text), parse_iso_day(end_text))
    except DateError as error:
        assert str(error).endswith(".")
        return
    assert period.start.isoformat() == start_text.strip()
    assert period.end.isoformat() == end_text.strip()
    assert period.label()
    assert not (period.is_partial and period.is_full_year)


def test_impossible_days_are_refused_with_a_sentence():
    for refused in ("2025-02-30", "0000-00-00", "2025-13-01", "2025-1-1", "30.02.2025"):
        try:
            parse_iso_day(refused)
        except DateError as error:
            assert refused in str(error)
            continue
        raise AssertionError(refused)


# -- records: every text field of every kind ---------------------------------------------

_seeded = []


@contextmanager
def _scratch():
    """The seed data set in memory, inside a transaction rolled back after each example
    (building a fresh database for every example would make these tests slow)."""
    if not _seeded:
        db = open_database(None)
        load_seed(db)
        _seeded.append(db)
    db = _seeded[0]
    db.conn.execute("BEGIN")
    try:
        yield db
    finally:
        db.rollback()


def _ids(db, table: str) -> list[int]:
    return [row[0] for row in db.execute(f"SELECT id FROM {table} ORDER BY id")]


def _drawn(data: st.DataObject):
    def other(name: str, typ: type) -> object:
        if typ is float:
            return data.draw(st.floats(min_value=0, max_value=1e15))
        if typ is dt.date:
            return data.draw(days)
        return data.draw(st.one_of(st.none(), fuzzy))
    return other


@FEW
@given(st.sampled_from(sorted(KINDS)), st.data())
def test_every_text_field_of_every_kind_is_stored_exactly_or_refused_with_a_sentence(kind, data):
    with _scratch() as db:
        record = record_of(db, kind, lambda _name: data.draw(text), _drawn(data))
        found = validate.problems(db, record)
        if found:
            assert all(p.message.endswith(".") for p in found)
            return
        record_id = store.save(db, record)
        assert meaning(store.get(db, kind, record_id)) == meaning(record)


# -- bundles -----------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=12)
field_values = st.one_of(text, st.integers(min_value=-10**400, max_value=10**400), st.floats(),
                         days.map(dt.date.isoformat), fuzzy.map(FuzzyDate.to_text), st.none(),
                         st.lists(json_values, max_size=2), json_values)


def _bundle_strategy():
    item = st.fixed_dictionaries({"ref": st.one_of(text, st.integers(), json_values)},
                                 optional={name: field_values for name in (
                                     "title", "name_en", "kind", "status", "indicator", "unit", "value",
                                     "period_start", "period_end", "signed_date", "published", "url",
                                     "subject_id", "person_id", "sources", "parties", "text")})
    records = st.dictionaries(st.sampled_from([cls.TABLE for cls in KINDS.values()] + ["nonsense"]),
                              st.one_of(st.lists(st.one_of(item, json_values), max_size=3), json_values),
                              max_size=3)
    return st.one_of(
        json_values,
        st.fixed_dictionaries({"format": st.just("factsheet-bundle"), "version": st.one_of(st.just(1), json_values),
                               "records": st.one_of(records, json_values)}))


def _counts(db) -> dict[str, int]:
    return {cls.TABLE: db.execute(f"SELECT count(*) FROM {cls.TABLE}").fetchone()[0] for cls in KINDS.values()}


@FEW
@given(_bundle_strategy())
@example({"format": "factsheet-bundle", "version": 1, "records": {
    "sources": [{"ref": "s", "title": "A source"}],
    "parties": [{"ref": "p", "kind": "region", "name_en": "X", "sources": [{"ref": "s", "passage": ["x"]}]}]}})
@example({"format": "factsheet-bundle", "version": 1, "records": {
    "sources": [{"ref": "s", "title": "A source", "published": 20250101}]}})
@example({"format": "factsheet-bundle", "version": 1, "records": {"sources": [{"ref": "s", "title": "\ud800"}]}})
def test_any_bundle_loads_completely_or_is_refused_with_a_sentence_and_no_change(bundle):
    with _scratch() as db:
        before = _counts(db)
        try:
            added = load_bundle(db, bundle)
        except FactSheetError as error:
            assert str(error)
            assert _counts(db) == before
            return
        after = _counts(db)
        assert sum(after.values()) - sum(before.values()) == sum(added.values())


def test_hostile_text_in_every_text_field_survives_export_and_loading_again():
    with _scratch() as db:
        append_to_every_text(db, "".join(HOSTILE))
        exported = export_bundle(db)
    fresh = open_database(None)
    load_bundle(fresh, exported)
    assert export_bundle(fresh) == exported
    fresh.close()
