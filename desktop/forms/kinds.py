"""The field descriptions of every kind of record: what each form shows, in order.

One list per kind; the form engine builds the dialog from it. Labels come from
``db.model.validate.FIELD_LABELS`` (so a problem's sentence names the field as its label
does) unless a description gives its own. Order follows how a source is read: what it
is, when, who, then the text and the sources.
"""

from __future__ import annotations

from db.model.dates import Period
from db.model.i18n import _, pgettext
from db.model.records import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    EVENT_KINDS,
    EVENT_STATUSES,
    KNOWN_INDICATORS,
    PARTY_KINDS,
    Indicator,
    Record,
    indicator_label,
)
from desktop.forms.base import FieldSpec
from desktop.forms.dates import Date, Day, PeriodSpan
from desktop.forms.fields import Choice, LongText, Number, OpenChoice, Text
from desktop.forms.links import RecordLink, RecordLinks, Sources
from desktop.forms.names import Names, Titles, prefill_form
from desktop.forms.positions import Positions

LANGUAGES = {"en": _("English"), "ru": _("Russian"), "kk": _("Kazakh")}

FORMS: dict[str, tuple[FieldSpec, ...]] = {
    "source": (
        Text("title", placeholder=_("The headline, or a title describing the document")),
        Text("publisher", placeholder=_("e.g. Trend News Agency, Bureau of National Statistics")),
        Text("url", placeholder="https://…"),
        Day("published"),
        Day("accessed", today_button=True),
        LongText("notes"),
        LongText("text", label=_("Article text"), lines=6,
                 placeholder=_("Paste the article or release, so facts can quote it")),
    ),
    "party": (
        Choice("kind", choices=PARTY_KINDS),
        Names(example="Abai region"),
        RecordLink("parent_id", kind="party", placeholder=_("The country or region it belongs to")),
        LongText("notes"),
        Sources(),
    ),
    "person": (
        Names(example="Berik Uali", row_label=pgettext("person", "Name")),
        Positions(),
        LongText("notes"),
        Sources(),
    ),
    "position": (
        RecordLink("person_id", kind="person"),
        Titles(placeholder=_("e.g. Akim (governor) of the Abai region")),
        RecordLink("body_id", kind="party", placeholder=_("The administration, government or body")),
        Date("start_date"),
        Date("end_date"),
        Day("verified_on", today_button=True),
        LongText("notes"),
        Sources(),
    ),
    "subject": (
        Names(example="Economy"),
    ),
    "agreement": (
        Titles(),
        Choice("kind", choices=AGREEMENT_KINDS),
        Choice("status", choices=AGREEMENT_STATUSES),
        Date("signed_date"),
        Date("valid_from"),
        Date("valid_until"),
        RecordLinks("parties", kind="party", note=_("Role"), note_placeholder=_("Role, if the source says")),
        RecordLinks("signatories", kind="person", note=_("Role"), note_placeholder=_("Signed as…")),
        RecordLinks("subjects", kind="subject"),
        LongText("summary"),
        LongText("notes"),
        Sources(),
    ),
    "event": (
        Titles(),
        Choice("kind", choices=EVENT_KINDS),
        Choice("status", choices=EVENT_STATUSES),
        Date("start_date"),
        Date("end_date"),
        Text("place"),
        RecordLinks("parties", kind="party", note=_("Role"), note_placeholder=_("e.g. host, inviting party")),
        RecordLinks("people", kind="person", note=_("Role"), note_placeholder=_("e.g. head of the delegation")),
        RecordLinks("subjects", kind="subject"),
        LongText("summary"),
        LongText("notes"),
        Sources(),
    ),
    "indicator": (
        OpenChoice("indicator", choices={k: indicator_label(k) for k in KNOWN_INDICATORS}, table="indicators",
                   placeholder=_("Choose, or type another name")),
        RecordLink("subject_id", kind="party", placeholder=_("Whose figure it is")),
        RecordLink("counterpart_id", kind="party", placeholder=_("Trade or investment partner, if any")),
        PeriodSpan(),
        Number(),
        RecordLink("reporter_id", kind="party", placeholder=_("Who published the figure, if known")),
        LongText("notes"),
        Sources(),
    ),
    "statement": (
        LongText("text", label=_("Quote"), lines=4),
        RecordLink("person_id", kind="person", label=_("Said by")),
        Date("said_date"),
        RecordLink("event_id", kind="event", label=_("At event")),
        OpenChoice("language", choices=LANGUAGES, table="statements", placeholder=_("Language of the quote")),
        LongText("notes"),
        Sources(),
    ),
}

# The field a name typed in a picker goes to before “Create new …”.
_TEXT_FIELD = {"source": "title", "position": "title", "agreement": "title", "event": "title",
               "indicator": "indicator", "statement": "text"}


def prefill_field(kind: str, text: str) -> str:
    """Which attribute receives ``text`` typed before “Create new …” (the Russian or Kazakh
    name or title when its script says so)."""
    if kind in ("position", "agreement", "event"):
        return prefill_form(("title", "title_ru", "title_kk"), text)
    if kind in _TEXT_FIELD:
        return _TEXT_FIELD[kind]
    return prefill_form(("name_en", "name_ru", "name_kk"), text)


def caption(record: Record) -> str:
    """A short name for a record not yet saved, for the undo step and the window title."""
    if isinstance(record, Indicator):
        return _indicator_caption(record)
    for name in ("title", "name_en", "title_ru", "name_ru", "title_kk", "name_kk", "text"):
        value = getattr(record, name, None)
        if value:
            return str(value)
    return ""


def _indicator_caption(record: Indicator) -> str:
    """"Exports, Jan–May 2025"."""
    text = indicator_label(record.indicator) if record.indicator else ""
    if record.period_start and record.period_end and record.period_start <= record.period_end:
        text = f"{text}, {Period(record.period_start, record.period_end).label()}"
    return text
