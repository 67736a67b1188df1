"""Dates with precision and indicator periods: parsing, labels, same-span comparison."""

import datetime as dt

import pytest

from db.model.dates import DateError, FuzzyDate, Period, Precision

D = dt.date


@pytest.mark.parametrize(("text", "start", "precision", "label"), [
    ("2025-07-02", D(2025, 7, 2), Precision.DAY, "2 Jul 2025"),
    ("2025-07", D(2025, 7, 1), Precision.MONTH, "Jul 2025"),
    ("Q4 2025", D(2025, 10, 1), Precision.QUARTER, "Q4 2025"),
    ("2025-Q4", D(2025, 10, 1), Precision.QUARTER, "Q4 2025"),
    ("q1 2024", D(2024, 1, 1), Precision.QUARTER, "Q1 2024"),
    ("2025", D(2025, 1, 1), Precision.YEAR, "2025"),
])
def test_fuzzy_date_reads_what_people_type(text, start, precision, label):
    date = FuzzyDate.parse(text)
    assert (date.start, date.precision, date.label()) == (start, precision, label)
    assert FuzzyDate.parse(date.to_text()) == date


def test_fuzzy_date_span_ends_on_the_last_day_of_its_precision():
    assert FuzzyDate.parse("Q4 2025").end == D(2025, 12, 31)
    assert FuzzyDate.parse("2024-02").end == D(2024, 2, 29)
    assert FuzzyDate.parse("2028").end == D(2028, 12, 31)


@pytest.mark.parametrize("text", ["2025-02-30", "0000-00-00", "2025-13", "31.12.2025", "Q5 2025"])
def test_impossible_dates_are_refused_with_a_sentence(text):
    with pytest.raises(DateError) as error:
        FuzzyDate.parse(text)
    assert text in str(error.value)


def test_empty_text_means_unknown():
    assert FuzzyDate.parse("  ") is None


@pytest.mark.parametrize(("start", "end", "label", "partial"), [
    (D(2025, 1, 1), D(2025, 5, 31), "Jan–May 2025", True),
    (D(2024, 1, 1), D(2024, 12, 31), "2024", False),
    (D(2023, 1, 1), D(2024, 12, 31), "2023–2024", False),
    (D(2025, 1, 1), D(2025, 3, 31), "Q1 2025", True),
    (D(2025, 5, 1), D(2025, 5, 31), "May 2025", True),
    (D(2024, 11, 1), D(2025, 2, 28), "Nov 2024–Feb 2025", True),
    (D(2025, 7, 2), D(2025, 7, 2), "as of 2 Jul 2025", False),
    (D(2025, 1, 15), D(2025, 3, 10), "15 Jan–10 Mar 2025", True),
])
def test_period_labels_name_the_months_covered(start, end, label, partial):
    period = Period(start, end)
    assert period.label() == label
    assert period.is_partial is partial


def test_partial_period_compares_only_with_the_same_span_of_another_year():
    jan_may_2025 = Period(D(2025, 1, 1), D(2025, 5, 31))
    assert jan_may_2025.same_span_as(Period(D(2024, 1, 1), D(2024, 5, 31)))
    assert not jan_may_2025.same_span_as(Period.year(2024))
    assert not jan_may_2025.same_span_as(Period(D(2024, 1, 1), D(2024, 6, 30)))
    assert Period(D(2024, 2, 1), D(2024, 2, 29)).same_span_as(Period(D(2023, 2, 1), D(2023, 2, 28)))


def test_period_cannot_end_before_it_starts():
    with pytest.raises(DateError):
        Period(D(2025, 5, 31), D(2025, 1, 1))
