"""What the printed sheet shows, section by section, as layout blocks of escaped HTML.

This is where a ``FactSheet`` becomes headings, tables and the chart. Every string that
came from the database passes through ``esc`` here, so a party called ``<b>x</b>`` prints
as those characters, and a text longer than ``PRINT_LIMIT`` characters prints its first
part and says how long it is. Note numbers point at the numbered sources at the end; a figure
that a data-quality note is about says so in red under its value, and its qualifier (what it
counts) follows it in small type. A section the shortening rules cut says how many rows it
left out, and where to find them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from db.model.formatting import format_number, format_unit
from db.model.i18n import _, ngettext, pgettext
from db.sheet.sheet import EventRow, FactSheet, FigureRow, MirrorSide, OfficialRow, PartyInfo
from desktop.common.rich_text import esc as _escape
from desktop.factsheet import briefing_blocks
from desktop.factsheet import chart as trade_chart
from desktop.factsheet.blocks import Block, Drawing, Gap, Heading, Row, Table, paragraph
from desktop.factsheet.typesetter import Typesetter

CHART_HEIGHT_POINTS = 150.0
CHART_MIN_POINTS = 110.0  # drawn this short rather than leave the rest of a page empty
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
        "changes": lambda: briefing_blocks.changes(sheet, esc),
        "figures": lambda: _figures(sheet),
        "agreements": lambda: _agreements(sheet),
        "officials": lambda: _officials(sheet),
        "events": lambda: _events(sheet),
        "timeline": lambda: briefing_blocks.timeline(sheet, esc),
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


def _left_out(text: str) -> list[Block]:
    return [Gap(2), paragraph(f"<span class='small muted'>{esc(text)}</span>")]


def _figure_rows(f: FigureRow) -> list[Row]:
    """The figure's row, and under it in small type the two sides as recorded, who reported it
    and its qualifier (what it counts)."""
    value = _cell(f"<span class='value'>{esc(f.value)}</span>", _muted_small(f.published), _quality_marks(f.quality))
    when = esc(f.period) + (" " + _muted_small(_("part of a year")) if f.partial else "")
    compared = f"<span class='small'>{esc(f.change)}</span>" if f.change else _muted_small(f.no_comparison or "")
    period = f"{when} <span class='small muted'>·</span> {compared}" if compared else when
    about = " · ".join(x for x in (f.between, f.reporter, f.qualifier) if x)
    return [Row((esc(f.indicator), value, period, marks(f.notes))),
            Row((_muted_small(about),), joined=True, span=True)]


def _muted_small(text: str) -> str:
    return f"<span class='small muted'>{esc(text)}</span>" if text else ""


def _figures(sheet: FactSheet) -> list[Block]:
    title = _("Key figures")
    rows = [row for f in sheet.figures for row in _figure_rows(f)]
    result = _section(title, rows, _("No figures about this pair are recorded."), (17, 21, 52, 10),
                      (_("Figure"), _("Value"), _("Period and change"), _SOURCES()))
    if sheet.figures_left_out:
        result += _left_out(ngettext(
            "{n} more key figure is recorded; the Trade tab lists it, and the long version prints it.",
            "{n} more key figures are recorded; the Trade tab lists them, and the long version prints them.",
            sheet.figures_left_out).format(n=sheet.figures_left_out))
    if sheet.mirrors:
        result += _mirrors(sheet)
    return result


def _mirror_side(side: MirrorSide) -> str:
    published = f" {_muted_small(side.published)}" if side.published else ""
    return f"<span class='value'>{esc(side.value)}</span>{published} {_muted_small(side.reporter)} {marks(side.notes)}"


def _mirrors(sheet: FactSheet) -> list[Block]:
    """Each flow named once (as one reporter counts it, against the partner's count), then a row
    per period with both values side by side and the gap."""
    title = _("Mirror statistics")
    rows, flow = [], None
    for m in sheet.mirrors:
        if (m.first.description, m.second.description) != flow:
            flow = (m.first.description, m.second.description)
            against = _("{flow}; as the partner counts it: {mirror}").format(
                flow=m.first.description, mirror=m.second.description)
            rows.append(Row((f"<span class='small'>{esc(against)}</span>",), span=True))
        rows.append(Row((esc(m.period), _mirror_side(m.first), _mirror_side(m.second), esc(m.gap)), joined=True))
    return [Heading(f"<h3>{esc(title)}</h3>"),
            Table((14, 38, 38, 10), tuple(rows),
                  header=_header(_("Period"), _("As reported"), _("As its partner reports it"), _("Gap")),
                  continued=_continued(title)),
            Gap(2), paragraph(_muted_small(sheet.mirror_note))]


def _agreements(sheet: FactSheet) -> list[Block]:
    def described(a) -> str:
        # The parties most agreements share are named once, under the heading.
        parties = [] if a.parties == sheet.agreement_parties else ["; ".join(a.parties)]
        return f"<b>{esc(a.title)}</b> {_muted_small(' · '.join(['', a.kind, *parties]).strip())}"

    rows = [Row((described(a), esc(a.signed), esc(a.validity) or _muted("—"),
                 _status(a.status, a.status_key), marks(a.notes)))
            for a in sheet.agreements]
    result = _section(_("Agreements"), rows, _("No agreements between these parties are recorded."),
                      (44, 10, 13, 23, 10),
                      (_("Agreement"), pgettext("column", "Signed"), _("Valid"),
                       _("Status on {day}").format(day=sheet.as_of_label), _SOURCES()))
    if rows and sheet.agreement_parties:
        between = _("Between {parties} unless stated.").format(parties=_(" and ").join(sheet.agreement_parties))
        result.insert(1, paragraph(_muted_small(between)))
    if sheet.agreements_left_out:
        result += _left_out(ngettext(
            "{n} more agreement is recorded; the long version lists it.",
            "{n} more agreements are recorded; the long version lists them.",
            sheet.agreements_left_out).format(n=sheet.agreements_left_out))
    return result


# Statuses a reader should not miss: printed in the warning colour.
_WARN_STATUSES = ("expiring", "expired", "date_passed", "validity_not_stated", "not_yet_in_force")


def _status(label: str, key: str) -> str:
    style = "status warn" if key in _WARN_STATUSES else "status"
    return f"<span class='{style}'>{esc(label)}</span>"


def _person(person: OfficialRow) -> str:
    """One official in a cell: the names, then each position held with since when and its sources."""
    lines = [f"<b>{esc(person.name)}</b> {esc(person.other_name or '')}".rstrip()]
    for position in person.positions:
        # "since unknown" whole: a language cannot put "unknown" where a date goes.
        since = _("since {date}").format(date=position.since) if position.since_known else _("since unknown")
        lines.append(f"{esc(position.title)} <span class='muted'>· {esc(since)}</span> {marks(position.notes)}".rstrip())
        if position.verified:
            lines.append(f"<span class='small warn'>{esc(position.verified)}</span>")
    return "<br>".join(lines)


def _officials(sheet: FactSheet) -> list[Block]:
    """Both sides side by side, one official per cell, so a long list takes half the room."""
    title = _("Officials")
    sides = sheet.officials
    if not sides:
        return [_heading(title)]
    depth = max(len(side.officials) for side in sides)
    rows = [Row(tuple(_person(side.officials[i]) if i < len(side.officials) else "" for side in sides))
            for i in range(depth)]
    if not depth:
        rows = [Row(tuple(_muted(_("No current officials are recorded.")) for _side in sides))]
    else:
        for index, side in enumerate(sides):
            if not side.officials:
                cells = list(rows[0].cells)
                cells[index] = _muted(_("No current officials are recorded."))
                rows[0] = Row(tuple(cells))
    result: list[Block] = [_heading(title), Table(tuple(1.0 for _side in sides), tuple(rows),
                                                  header=_header(*(side.party for side in sides)),
                                                  continued=_continued(title))]
    more = [ngettext("{n} more official of {party}", "{n} more officials of {party}", side.left_out).format(
        n=side.left_out, party=side.party) for side in sides if side.left_out]
    if more:
        result += _left_out(_("{officials} are recorded; the long version lists them all.").format(
            officials=_(" and ").join(more)))
    return result


def _event_table(events: tuple[EventRow, ...], continued: str) -> Table:
    rows = tuple(Row((esc(e.date), f"{esc(e.title)} {_muted_small('· ' + e.kind)}", esc(e.place) or _muted("—"),
                      _status(e.status, e.status_key), marks(e.notes))) for e in events)
    return Table((12, 43, 13, 21, 11), rows,
                 header=_header(_("Date"), _("Event"), _("Place"), _("Status"), _SOURCES()),
                 continued=_continued(continued))


def _events(sheet: FactSheet) -> list[Block]:
    title = _("Events")
    result: list[Block] = [_heading(title)]
    for label, events, empty, more in (
            (_("Recent events"), sheet.recent_events, _("No recent events are recorded."), sheet.recent_left_out),
            (_("Planned events"), sheet.planned_events, _("No planned events are recorded."),
             sheet.planned_left_out)):
        result.append(Heading(f"<h3>{esc(label)}</h3>"))
        result.append(_event_table(events, label) if events else _none(empty))
        if more:
            result += _left_out(ngettext("{n} more event is recorded here; the long version lists it.",
                                         "{n} more events are recorded here; the long version lists them.",
                                         more).format(n=more))
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
    if chart.reporter:
        lines.append(_("Figures {reporter}.").format(reporter=chart.reporter))
    lines.append(_("On a time axis: an empty slot is a period with no figure recorded."))
    if any(p.partial for p in chart.periods):
        lines.append(_("Hatched bars cover part of a year and are not comparable with whole years."))
    if any(p.disputed for p in chart.periods):
        lines.append(_("* Sources give different values; the first recorded value is drawn."))
    if chart.earlier_periods:
        lines.append(ngettext("{n} earlier period is not drawn.", "{n} earlier periods are not drawn.",
                              chart.earlier_periods).format(n=chart.earlier_periods))
    if chart.published_note:
        lines.append(chart.published_note)
    if chart.other_units:
        lines.append(_("Also recorded in {units}; not drawn.").format(units=", ".join(format_unit(u) for u in chart.other_units)))
    if chart.other_groups:
        lines.append(_("Also recorded: {kinds} (in the Trade tab).").format(
            kinds=", ".join(k.lower() for k in chart.other_groups)))
    caption = " ".join(esc(line) for line in lines)
    if chart.notes:
        caption += " " + esc(_("Sources:")) + " " + marks(chart.notes)
    return [_heading(title), Drawing(CHART_HEIGHT_POINTS, draw, CHART_MIN_POINTS), Gap(2),
            paragraph(f"<span class='small muted'>{caption}</span>")]


def _statements(sheet: FactSheet) -> list[Block]:
    title = _("Key statements")
    if not sheet.statements:
        if sheet.statements_left_out:
            return [_heading(title), _none(ngettext(
                "{n} statement is recorded; the long version prints it.",
                "{n} statements are recorded; the long version prints them.",
                sheet.statements_left_out).format(n=sheet.statements_left_out))]
        return [_heading(title), _none(_("No statements are recorded."))]
    rows = []
    for s in sheet.statements:
        speaker = s.speaker or _("Unknown speaker")
        if s.speaker_local:
            speaker = _("{name} ({local})").format(name=speaker, local=s.speaker_local)
        said = ", ".join(x for x in (speaker, s.date, _("at {event}").format(event=s.event) if s.event else "") if x)
        rows.append(Row((_cell(f"<span class='quote'>“{esc(s.text)}”</span>",
                               _muted(_("— {said}").format(said=said)) + f" {marks(s.notes)}"),)))
    result: list[Block] = [_heading(title), Table((1.0,), tuple(rows), continued=_continued(title))]
    if sheet.statements_left_out:
        result += _left_out(ngettext("{n} earlier statement is recorded; the long version prints it.",
                                     "{n} earlier statements are recorded; the long version prints them.",
                                     sheet.statements_left_out).format(n=sheet.statements_left_out))
    return result


def _numbered(items: Iterable[tuple[int, str]], title: str) -> Table:
    rows = tuple(Row((f"<span class='num'>{n}.</span>", html)) for n, html in items)
    return Table((5, 95), rows, continued=_continued(title))


def _quality(sheet: FactSheet) -> list[Block]:
    title = _("Data-quality notes")
    if not sheet.quality_notes:
        if sheet.quality_left_out:
            return [_heading(title)] + _left_out(_quality_more(sheet.quality_left_out))
        return [_heading(title), _none(_("The checks found nothing to note about these records."))]
    result: list[Block] = [_heading(title)]
    for group in sheet.quality_groups:
        if group.title:
            result.append(Heading(f"<h3>{esc(group.title)}</h3>"))
        result.append(_numbered(((q.number, f"<span class='warn small'>{esc(q.message)}</span>")
                                 for q in group.notes), title))
    if sheet.quality_left_out:
        result += _left_out(_quality_more(sheet.quality_left_out))
    return result


def _quality_more(count: int) -> str:
    return ngettext("and {n} more — run “factsheet check” for the full list.",
                    "and {n} more — run “factsheet check” for the full list.", count).format(n=format_number(count))


def _sources(sheet: FactSheet) -> list[Block]:
    title = _("Sources")
    if not sheet.sources:
        return []
    items = []
    for s in sheet.sources:
        parts = [esc(s.publisher) if s.publisher else "", f"<b>{esc(s.title)}</b>",
                 esc(_("published {day}").format(day=s.published)) if s.published else ""]
        text = ". ".join(p for p in parts if p)
        text += "" if text.endswith((".", "!", "?")) else "."  # "2 июл. 2025 г." ends a sentence already
        items.append((s.number, f"{text} {esc(s.url)}" if s.url else text))
    return [_heading(title), _numbered(items, title)]
