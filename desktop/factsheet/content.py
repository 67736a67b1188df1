"""What the printed sheet shows, section by section, as layout blocks of escaped HTML.

This is where a ``FactSheet`` becomes headings, tables and the chart. Every string that
came from the database passes through ``esc`` here, so a party called ``<b>x</b>`` prints
as those characters, and a text longer than ``PRINT_LIMIT`` characters prints its first
part and says how long it is. Note numbers point at the numbered sources at the end; a figure
that a data-quality note is about says so in red under its value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from db.model.formatting import format_number, format_unit
from db.model.i18n import _, ngettext, pgettext
from db.sheet.compose import EventRow, FactSheet, OfficialsSide, PartyInfo
from desktop.common.rich_text import esc as _escape
from desktop.factsheet import chart as trade_chart
from desktop.factsheet.blocks import Block, Drawing, Gap, Heading, Row, Table, paragraph
from desktop.factsheet.typesetter import Typesetter

CHART_HEIGHT_POINTS = 170.0
# A text longer than this prints its beginning and how long it is (a pasted article as a
# quote, a title another program stored): the sheet stays one or two pages and renders at once.
PRINT_LIMIT = 1_000


def esc(value: object) -> str:
    """Any text escaped for the page; beyond ``PRINT_LIMIT`` characters, its first part and
    “… [shortened; 10,485,760 characters in all]”. A name the sheet's language has no form
    of (``db.model.names.ShownName.borrowed``) is printed in another form, in italics."""
    text = "" if value is None else str(value)
    if getattr(value, "borrowed", False):  # a name in another language than the sheet's
        return f"<i>{esc(text)}</i>"
    if len(text) <= PRINT_LIMIT:
        return _escape(text)
    note = _("shortened; {n} characters in all").format(n=format_number(len(text)))
    return f"{_escape(text[:PRINT_LIMIT])}<span class='muted'> … [{_escape(note)}]</span>"


def marks(numbers: Iterable[int]) -> str:
    """Note marks for sources: "[1]", "[1, 3]"; nothing when a fact has no source."""
    numbers = list(numbers)
    return esc("[" + ", ".join(str(n) for n in numbers) + "]") if numbers else ""


def _muted(text: str) -> str:
    return f"<span class='muted'>{esc(text)}</span>"


def _cell(*lines: str) -> str:
    """Lines of a table cell (already HTML), one below the other."""
    return "<br>".join(line for line in lines if line)


def blocks(sheet: FactSheet, setter: Typesetter) -> list[Block]:
    """The sheet's blocks in print order: title, the chosen sections, the sources."""
    result = _title(sheet)
    builders: dict[str, Callable[[], list[Block]]] = {
        "figures": lambda: _figures(sheet),
        "agreements": lambda: _agreements(sheet),
        "officials": lambda: _officials(sheet),
        "events": lambda: _events(sheet),
        "chart": lambda: _chart(sheet, setter),
        "statements": lambda: _statements(sheet),
        "quality": lambda: _quality(sheet),
    }
    for name, build in builders.items():
        if sheet.shows(name):
            result.extend(build())
    result.extend(_sources(sheet))
    return result


def _SOURCES() -> str:  # noqa: N802 (reads as the heading it is)
    """The heading of the narrow column of source numbers."""
    return pgettext("column", "Sources")


def _heading(text: str) -> Heading:
    return Heading(f"<h2>{esc(text)}</h2>")


def _continued(text: str) -> str:
    return "<div class='continued'>" + esc(_("{section} (continued)").format(section=text)) + "</div>"


def _header(*labels: str) -> tuple[str, ...]:
    return tuple(f"<span class='th'>{esc(label)}</span>" for label in labels)


def _none(text: str) -> Table:
    return paragraph(_muted(text))


def _party(party: PartyInfo) -> str:
    country = ""
    if party.country:
        country = " · ".join(esc(n) for n in (party.country, party.country_local) if n)
    return _cell(f"<span class='party'>{esc(party.name)}</span>",
                 " · ".join(esc(n) for n in party.local_names), f"<span class='muted'>{country}</span>" if country else "")


def _title(sheet: FactSheet) -> list[Block]:
    subtitle = _("Cooperation fact sheet as of {day}").format(day=sheet.as_of_label)
    heading = f"<div class='title'>{esc(sheet.title)}</div><div class='subtitle'>{esc(subtitle)}</div>"
    return [paragraph(heading), Gap(4),
            Table((1.0, 1.0), (Row((_party(sheet.a), _party(sheet.b))),), rules=False)]


def _section(title: str, rows: list[Row], empty: str, widths: tuple[float, ...],
             headers: tuple[str, ...]) -> list[Block]:
    """A heading and a table that repeats its header on every page, or a line saying it is empty."""
    if not rows:
        return [_heading(title), _none(empty)]
    return [_heading(title), Table(widths, tuple(rows), header=_header(*headers), continued=_continued(title))]


def _quality_marks(numbers: tuple[int, ...]) -> str:
    if not numbers:
        return ""
    text = ngettext("see data-quality note {n}", "see data-quality notes {n}", len(numbers)).format(
        n=", ".join(str(n) for n in numbers))
    return f"<span class='warn small'>{esc(text)}</span>"


def _figures(sheet: FactSheet) -> list[Block]:
    # A figure a data-quality note is about says so right under its value.
    rows = [Row((esc(f.indicator), _cell(f"<span class='value'>{esc(f.value)}</span>", _quality_marks(f.quality)),
                 _cell(esc(f.period), _muted(_("part of a year")) if f.partial else ""),
                 esc(f.between), marks(f.notes)))
            for f in sheet.figures]
    return _section(_("Key figures"), rows, _("No figures about this pair are recorded."), (19, 24, 16, 31, 10),
                    (_("Figure"), _("Value"), _("Period"), _("Between"), _SOURCES()))


def _agreements(sheet: FactSheet) -> list[Block]:
    rows = [Row((_cell(f"<b>{esc(a.title)}</b>", _muted(" · ".join([a.kind, "; ".join(a.parties)]))),
                 esc(a.signed), esc(a.validity) or _muted("—"), f"<span class='status'>{esc(a.status)}</span>",
                 marks(a.notes)))
            for a in sheet.agreements]
    return _section(_("Agreements"), rows, _("No agreements between these parties are recorded."),
                    (44, 10, 14, 20, 12),
                    (_("Agreement"), pgettext("column", "Signed"), _("Valid"),
                     _("Status on {day}").format(day=sheet.as_of_label), _SOURCES()))


def _official_rows(side: OfficialsSide) -> tuple[Row, ...]:
    rows = []
    for person in side.officials:
        name = _cell(f"<b>{esc(person.name)}</b>", esc(person.name_local))
        for index, position in enumerate(person.positions):
            first = index == 0
            rows.append(Row((name if first else "", esc(position.title), esc(position.since),
                             marks(person.notes) if first else ""), joined=not first))
    return tuple(rows)


def _officials(sheet: FactSheet) -> list[Block]:
    title = _("Officials")
    result: list[Block] = [_heading(title)]
    for side in sheet.officials:
        result.append(Heading(f"<h3>{esc(side.party)}</h3>"))
        if not side.officials:
            result.append(_none(_("No current officials are recorded.")))
            continue
        result.append(Table((30, 48, 11, 11), _official_rows(side),
                            header=_header(pgettext("person", "Name"), _("Position"), _("Since"), _SOURCES()),
                            continued=_continued(_("{section}: {part}").format(section=title, part=side.party))))
    return result


def _event_table(events: tuple[EventRow, ...], continued: str) -> Table:
    rows = tuple(Row((esc(e.date), _cell(esc(e.title), _muted(e.kind)), esc(e.place) or _muted("—"),
                      esc(e.status), marks(e.notes))) for e in events)
    return Table((13, 49, 15, 12, 11), rows,
                 header=_header(_("Date"), _("Event"), _("Place"), _("Status"), _SOURCES()),
                 continued=_continued(continued))


def _events(sheet: FactSheet) -> list[Block]:
    title = _("Events")
    result: list[Block] = [_heading(title)]
    for label, events, empty in (
            (_("Recent events"), sheet.recent_events, _("No recent events are recorded.")),
            (_("Planned events"), sheet.planned_events, _("No planned events are recorded."))):
        result.append(Heading(f"<h3>{esc(label)}</h3>"))
        result.append(_event_table(events, label) if events else _none(empty))
    if sheet.earlier_events:
        result += [Gap(3), paragraph(_muted(ngettext(
            "{n} earlier event is recorded but not listed here.",
            "{n} earlier events are recorded but not listed here.", sheet.earlier_events).format(
            n=sheet.earlier_events)))]
    return result


def _chart(sheet: FactSheet, setter: Typesetter) -> list[Block]:
    chart = sheet.chart
    if chart is None:
        return [_heading(_("Trade")), _none(_("No trade figures between these parties are recorded."))]
    title = _("Trade: {subject} – {counterpart}").format(subject=chart.subject, counterpart=chart.counterpart)

    def draw(painter: QPainter, rect: QRectF) -> None:
        trade_chart.draw_trade_chart(painter, rect, chart, family=setter.family, px=setter.px)

    lines = [_("Trade of {subject} with {counterpart}, in {unit}. Bars: exports and imports; "
               "diamond: turnover as published.").format(
        subject=chart.subject, counterpart=chart.counterpart, unit=format_unit(chart.unit))]
    if any(p.partial for p in chart.periods):
        lines.append(_("Hatched bars cover part of a year and are not comparable with whole years."))
    if any(p.disputed for p in chart.periods):
        lines.append(_("* Sources give different values; the first recorded value is drawn."))
    if chart.earlier_periods:
        lines.append(ngettext("{n} earlier period is not drawn.", "{n} earlier periods are not drawn.",
                              chart.earlier_periods).format(n=chart.earlier_periods))
    if chart.other_units:
        lines.append(_("Also recorded in {units}; not drawn.").format(units=", ".join(format_unit(u) for u in chart.other_units)))
    caption = " ".join(esc(line) for line in lines)
    if chart.notes:
        caption += " " + esc(_("Sources:")) + " " + marks(chart.notes)
    return [_heading(title), Drawing(CHART_HEIGHT_POINTS, draw), Gap(2),
            paragraph(f"<span class='small muted'>{caption}</span>")]


def _statements(sheet: FactSheet) -> list[Block]:
    title = _("Key statements")
    if not sheet.statements:
        return [_heading(title), _none(_("No statements are recorded."))]
    rows = []
    for s in sheet.statements:
        speaker = s.speaker or _("Unknown speaker")
        if s.speaker_local:
            speaker = _("{name} ({local})").format(name=speaker, local=s.speaker_local)
        said = ", ".join(x for x in (speaker, s.date, _("at {event}").format(event=s.event) if s.event else "") if x)
        rows.append(Row((_cell(f"<span class='quote'>“{esc(s.text)}”</span>",
                               _muted(_("— {said}").format(said=said)) + f" {marks(s.notes)}"),)))
    return [_heading(title), Table((1.0,), tuple(rows), continued=_continued(title))]


def _numbered(items: Iterable[tuple[int, str]], title: str) -> Table:
    rows = tuple(Row((f"<span class='num'>{n}.</span>", html)) for n, html in items)
    return Table((5, 95), rows, continued=_continued(title))


def _quality(sheet: FactSheet) -> list[Block]:
    title = _("Data-quality notes")
    if not sheet.quality_notes:
        return [_heading(title), _none(_("The checks found nothing to note about these records."))]
    return [_heading(title), _numbered(((q.number, f"<span class='warn'>{esc(q.message)}</span>")
                                        for q in sheet.quality_notes), title)]


def _sources(sheet: FactSheet) -> list[Block]:
    title = _("Sources")
    if not sheet.sources:
        return []
    items = []
    for s in sheet.sources:
        parts = [esc(s.publisher) if s.publisher else "", f"<b>{esc(s.title)}</b>",
                 esc(_("published {day}").format(day=s.published)) if s.published else ""]
        text = ". ".join(p for p in parts if p) + "."
        items.append((s.number, f"{text} {esc(s.url)}" if s.url else text))
    return [_heading(title), _numbered(items, title)]
