"""One function decides each status word, as of a day."""

import datetime as dt

import pytest

from db.model.dates import FuzzyDate
from db.model.status import (
    agreement_status,
    agreement_status_of_columns,
    event_status,
    is_upcoming,
    months_between,
    verification_status,
)

D = dt.date
F = FuzzyDate.parse


@pytest.mark.parametrize(("recorded", "signed", "valid_from", "valid_until", "day", "key", "label"), [
    ("signed", "2025-07", None, None, D(2026, 12, 7), "validity_not_stated", "signed, validity not stated"),
    ("in_force", "2025-07", None, None, D(2026, 12, 7), "validity_not_stated", "in force, validity not stated"),
    ("signed", "2025-07", "2025", "2028", D(2026, 12, 7), "in_force", "in force"),
    ("signed", "2025-07", "2025", "2028", D(2028, 7, 5), "expiring", "expiring 31 Dec 2028"),
    ("signed", "2025-07", "2025", "2028", D(2028, 7, 3), "in_force", "in force"),  # 181 days before its end
    ("signed", "2025-07", "2025", "2028", D(2029, 1, 1), "expired", "expired"),
    ("signed", "2025-07", "2026", "2028", D(2025, 9, 1), "not_yet_in_force", "not yet in force"),
    ("signed", "2025-07", "2025", "2028", D(2025, 6, 1), "not_yet_signed", "not yet signed"),
    ("expired", "2020", None, None, D(2026, 1, 1), "expired", "expired"),
    ("draft", None, "2025", "2028", D(2026, 1, 1), "draft", "draft"),
    ("terminated", "2020", "2020", "2030", D(2026, 1, 1), "terminated", "terminated"),
])
def test_an_agreements_status_comes_from_its_dates_as_of_the_day(recorded, signed, valid_from, valid_until, day,
                                                                 key, label):
    status = agreement_status(recorded, signed and F(signed), valid_from and F(valid_from),
                              valid_until and F(valid_until), day)
    assert (status.key, status.label, str(status)) == (key, label, label)


def test_the_list_tabs_sql_function_says_the_same_words():
    assert agreement_status_of_columns("signed", "2025-07-01", "month", None, None, None, None,
                                       "2026-12-07") == "signed, validity not stated"
    assert agreement_status_of_columns("signed", "2025-07-01", "month", "2025-01-01", "year", "2028-01-01", "year",
                                       "2028-08-01") == "expiring 31 Dec 2028"


@pytest.mark.parametrize(("recorded", "start", "day", "key", "label"), [
    ("planned", "Q4 2025", D(2025, 12, 31), "planned", "planned"),  # its last day is not over yet
    ("planned", "Q4 2025", D(2026, 1, 1), "date_passed", "date passed — not confirmed held"),
    ("planned", "Q4 2025", D(2025, 7, 2), "planned", "planned"),
    ("held", "2025-07", D(2026, 1, 1), "held", "held"),
    ("held", "2025-07", D(2025, 6, 1), "planned", "planned"),  # on a day before it, it was still ahead
    ("postponed", "Q4 2025", D(2026, 1, 1), "postponed", "postponed"),
    ("cancelled", "Q4 2025", D(2025, 7, 1), "cancelled", "cancelled"),
    ("planned", None, D(2026, 1, 1), "planned", "planned"),
])
def test_an_events_status_says_when_a_planned_date_passed_without_confirmation(recorded, start, day, key, label):
    status = event_status(recorded, start and F(start), None, day)
    assert (status.key, status.label) == (key, label)


def test_an_event_whose_planned_date_passed_is_no_longer_upcoming():
    assert is_upcoming("planned", F("Q4 2025"), None, D(2025, 7, 2))
    assert not is_upcoming("planned", F("Q4 2025"), None, D(2026, 12, 7))
    assert not is_upcoming("held", F("2025-07"), None, D(2025, 8, 1))
    assert is_upcoming("postponed", None, None, D(2026, 1, 1))


@pytest.mark.parametrize(("verified", "day", "key", "label"), [
    (None, D(2026, 12, 7), "never_verified", "never verified"),
    (D(2025, 7, 2), D(2026, 12, 7), "stale", "last verified 17 months ago"),
    (D(2025, 12, 7), D(2026, 12, 7), "verified", "verified 7 Dec 2025"),  # exactly a year: still fine
    (D(2025, 12, 6), D(2026, 12, 7), "stale", "last verified 12 months ago"),
    (D(2026, 11, 1), D(2026, 12, 7), "verified", "verified 1 Nov 2026"),
])
def test_an_officials_check_is_old_after_a_year(verified, day, key, label):
    status = verification_status(verified, day)
    assert (status.key, status.label) == (key, label)


def test_months_between_counts_whole_months():
    assert months_between(D(2025, 7, 2), D(2026, 12, 7)) == 17
    assert months_between(D(2025, 7, 8), D(2026, 12, 7)) == 16
    assert months_between(D(2026, 1, 31), D(2026, 2, 28)) == 0
