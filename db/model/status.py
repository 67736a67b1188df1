"""The one place a status word is decided: agreements, events and officials, as of a day.

Every view that prints a status asks these functions — the list tabs (through the SQL
functions ``db.file.connection`` registers), the Overview, the fact sheet
(``db.sheet.compose``), the data-quality checks and the check before printing — so the
Agreements tab, the Overview and the sheet never disagree about one record. Each answer is
a ``Status``: a stable ``key`` for code to test (and a timeline to colour) and a ``label``
through the one string table.

The rules, as of a day:

Agreements (``agreement_status``)
    A draft or terminated agreement is that. Otherwise: *not yet signed* before its
    signing date; *expired* after the last day of its validity (or when recorded expired);
    *not yet in force* before its validity starts; *expiring <day>* within
    ``EXPIRING_DAYS`` days of the last day of its validity; *in force* while a validity
    period that was stated runs. When the source states no validity at all, the sheet says
    so rather than guess: *signed, validity not stated* (or *in force, validity not stated*
    when the source called it in force).
Events (``event_status``)
    *cancelled* and *postponed* as recorded; *planned* while its date is still ahead;
    *held* when recorded held; and for an event still recorded as planned once the last
    day of its date (at its precision: "Q4 2025" ends on 31 December) has passed, *date
    passed — not confirmed held*: the record does not say whether it took place.
Officials (``verification_status``)
    *never verified*; *last verified N months ago* once the check is more than
    ``STALE_AFTER_MONTHS`` months old (the same year the data-quality check uses);
    otherwise *verified <day>*.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.model.dates import FuzzyDate, last_day_of_month
from db.model.formatting import format_day
from db.model.i18n import _, ngettext

# An agreement whose validity ends within this many days is "expiring".
EXPIRING_DAYS = 180
# A position last verified longer ago than this needs checking again.
STALE_AFTER_MONTHS = 12


@dataclass(frozen=True)
class Status:
    """A status as decided on one day: ``key`` for code, ``label`` for people."""

    key: str
    label: str

    def __str__(self) -> str:
        return self.label


# -- agreements ----------------------------------------------------------------------------------

AGREEMENT_KEYS = ("draft", "terminated", "not_yet_signed", "not_yet_in_force", "in_force", "expiring",
                  "expired", "validity_not_stated")


def agreement_status(recorded: str, signed: FuzzyDate | None, valid_from: FuzzyDate | None,
                     valid_until: FuzzyDate | None, day: dt.date) -> Status:
    """The status of an agreement on ``day`` from its recorded status and its dates."""
    if recorded == "draft":
        return Status("draft", _("draft"))
    if recorded == "terminated":
        return Status("terminated", _("terminated"))
    if signed is not None and signed.start > day:
        return Status("not_yet_signed", _("not yet signed"))
    if valid_until is not None and valid_until.end < day:
        return Status("expired", _("expired"))
    if valid_from is not None and valid_from.start > day:
        return Status("not_yet_in_force", _("not yet in force"))
    if recorded == "expired":
        return Status("expired", _("expired"))
    if valid_until is not None and (valid_until.end - day).days <= EXPIRING_DAYS:
        return Status("expiring", _("expiring {day}").format(day=format_day(valid_until.end)))
    if valid_from is not None or valid_until is not None:
        return Status("in_force", _("in force"))
    if recorded == "in_force":
        return Status("validity_not_stated", _("in force, validity not stated"))
    return Status("validity_not_stated", _("signed, validity not stated"))


def agreement_status_of_columns(recorded: str, signed: str | None, signed_precision: str | None,
                                valid_from: str | None, from_precision: str | None, valid_until: str | None,
                                until_precision: str | None, day: str) -> str:
    """``agreement_status`` of the columns as stored (ISO dates with precisions), as its label.

    Registered as the SQL function ``agreement_status`` so the Agreements tab's column says
    exactly what the sheet says.
    """
    return agreement_status(recorded, FuzzyDate.from_db(signed, signed_precision),
                            FuzzyDate.from_db(valid_from, from_precision),
                            FuzzyDate.from_db(valid_until, until_precision), dt.date.fromisoformat(day)).label


# -- events --------------------------------------------------------------------------------------

EVENT_KEYS = ("cancelled", "postponed", "planned", "held", "date_passed")


def event_status(recorded: str, start: FuzzyDate | None, end: FuzzyDate | None, day: dt.date) -> Status:
    """The status of an event on ``day`` from its recorded status and its date."""
    if recorded == "cancelled":
        return Status("cancelled", _("cancelled"))
    if recorded == "postponed":
        return Status("postponed", _("postponed"))
    if start is not None and start.start > day:
        return Status("planned", _("planned"))
    if recorded == "held":
        return Status("held", _("held"))
    if start is not None and (end or start).end < day:
        return Status("date_passed", _("date passed — not confirmed held"))
    return Status("planned", _("planned"))


def event_status_of_columns(recorded: str, start: str | None, start_precision: str | None, end: str | None,
                            end_precision: str | None, day: str) -> str:
    """``event_status`` of the columns as stored, as its label (the SQL function ``event_status``)."""
    return event_status(recorded, FuzzyDate.from_db(start, start_precision), FuzzyDate.from_db(end, end_precision),
                        dt.date.fromisoformat(day)).label


def is_upcoming(recorded: str, start: FuzzyDate | None, end: FuzzyDate | None, day: dt.date) -> bool:
    """Whether an event belongs under "planned" on ``day``: it has not happened and its date
    (if known) has not passed. A planned event whose date has passed is not upcoming: it
    is listed with the past ones, saying its date passed without confirmation."""
    key = event_status(recorded, start, end, day).key
    if key == "postponed":
        return start is None or (end or start).end >= day
    return key == "planned"


# -- officials -----------------------------------------------------------------------------------

def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (2 Jul 2025 → 1 Dec 2026: 16)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def verification_status(verified_on: dt.date | None, day: dt.date) -> Status:
    """Whether a position's check is recent enough on ``day``: "verified", "stale" or "never_verified"."""
    if verified_on is None:
        return Status("never_verified", _("never verified"))
    if verified_on < _months_before(day, STALE_AFTER_MONTHS):
        months = months_between(verified_on, day)
        return Status("stale", ngettext("last verified {n} month ago", "last verified {n} months ago",
                                        months).format(n=months))
    return Status("verified", _("verified {day}").format(day=format_day(verified_on)))


def needs_verifying(verified_on: dt.date | None, day: dt.date) -> bool:
    return verification_status(verified_on, day).key != "verified"


def verification_status_of_column(verified_on: str | None, day: str) -> str:
    """``verification_status`` of a stored day (empty: never), as its label (the SQL function
    ``verification_status``)."""
    verified = dt.date.fromisoformat(verified_on) if verified_on else None
    return verification_status(verified, dt.date.fromisoformat(day)).label


def _months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the month's last day when it has no such day)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, last_day_of_month(year, month + 1).day))


# The functions the list tabs call in SQL (registered on every connection by ``db.file.connection``).
SQL_FUNCTIONS = {"agreement_status": agreement_status_of_columns, "event_status": event_status_of_columns,
                 "verification_status": verification_status_of_column}
