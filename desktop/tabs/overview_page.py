"""What the Overview shows about a pair, as escaped rich text with links to the records.

Both parties with their names in both scripts; the key figures by the rule the sheet uses
(``db.read.key_figures``: the latest whole year and the latest part of a year, each beside
the same span a year earlier), with a link to the Trade tab for the rest; mirror figures from
two reporters side by side with the gap; agreements, events and officials with the status
words ``db.model.status`` decides (the same words as the list tabs and the sheet);
statements; the data-quality findings; the numbered sources. Every record is a link
(``record:kind/id``); ``TRADE_HREF`` asks for the Trade tab.
"""

from __future__ import annotations

import datetime as dt

from db.model.formatting import format_change, format_day, format_quantity
from db.model.i18n import _, ngettext
from db.model.names import shown
from db.read import pair_facts, queries
from db.read.key_figures import KeyFigure, key_figures
from db.read.mirror import flow_description, gap_label, mirror_note, reporter_label
from db.read.queries import PairScope
from desktop.common import quality
from desktop.common.rich_text import esc, record_link
from desktop.common.theme import secondary_text

TRADE_HREF = "tab:trade"


def _party_heading(db, party_id: int) -> str:
    en, ru, kk, _alt = queries.party_forms(db, party_id)
    name = shown(en, ru, kk)
    country = queries.country_of(db, party_id)
    locals_ = " / ".join(esc(n) for n in dict.fromkeys((ru, kk, en)) if n and n != name)
    country_text = ""
    if country is not None and country != party_id:
        country_text = f" <span style='color:{secondary_text()}'>({esc(queries.party_name(db, country))})</span>"
    return (f"{record_link('party', party_id, name)}{country_text}"
            + (f"<br><span style='font-size:small'>{locals_}</span>" if locals_ else ""))


class SourceNotes:
    """Numbers sources in order of first use, so every fact carries a short note mark."""

    def __init__(self) -> None:
        self.numbers: dict[int, int] = {}
        self.titles: dict[int, str] = {}

    def marks(self, sources) -> str:
        found = []
        for source in dict.fromkeys(sources):
            number = self.numbers.setdefault(source.id, len(self.numbers) + 1)
            self.titles[source.id] = source.title
            found.append(record_link("source", source.id, f"[{number}]"))
        return " ".join(found) or f"<i>{esc(_('no source'))}</i>"

    def html(self) -> str:
        if not self.numbers:
            return ""
        items = "".join(f"<li>{record_link('source', sid, self.titles[sid])}</li>"
                        for sid in sorted(self.numbers, key=self.numbers.get))
        return f"<h3>{esc(_('Sources'))}</h3><ol>{items}</ol>"


def _muted(text: str) -> str:
    return f"<span style='color:{secondary_text()}'>{esc(text)}</span>"


def _table(headers: tuple[str, ...], rows: list[str]) -> str:
    head = "".join(f"<th align='left'>{esc(h)}</th>" for h in headers)
    return f"<table cellspacing='0' cellpadding='4' border='0' width='100%'><tr>{head}</tr>{''.join(rows)}</table>"


def _figure_row(row: KeyFigure, notes: SourceNotes) -> str:
    f = row.figure
    value = " / ".join(format_quantity(x.value, x.unit) for x in row.figures)
    published = _published(row.figures)
    partial = f" <i>({esc(_('part of the year'))})</i>" if row.period.is_partial else ""
    earlier = row.period.shifted_years(-1).label()
    if row.change is not None:
        change = esc(_("{change} on {period}").format(change=format_change(row.change), period=earlier))
    elif row.disputed or len(row.earlier) > 1:
        change = _muted(_("records disagree"))
    elif row.period.is_point:
        change = _muted(_("nothing a year earlier"))
    else:
        change = _muted(_("nothing for {period}").format(period=earlier))
    between = esc(f.subject) + (f" – {esc(f.counterpart)}" if f.counterpart else "")
    if f.reporter_id is not None:
        between += "<br>" + _muted(reporter_label(f.reporter))
    qualifier = f"<br><small>{esc(f.notes)}</small>" if f.notes else ""
    return (f"<tr><td>{record_link('indicator', f.id, row.indicator_label)}{qualifier}</td>"
            f"<td align='right'><b>{esc(value)}</b>{published}</td><td>{esc(row.period.label())}{partial}</td>"
            f"<td>{change}</td><td>{between}</td>"
            f"<td>{notes.marks(s for x in row.figures + row.earlier for s in x.sources)}</td></tr>")


def _published(figures) -> str:
    """Under a value converted from another scale, how it was published (in small type)."""
    notes = [f.published.note for f in figures if f.published is not None]
    return "".join(f"<br><small>{_muted(note)}</small>" for note in notes)


def _mirror_row(row: KeyFigure, notes: SourceNotes) -> str:
    assert row.mirror is not None
    cells = []
    for figures in (row.figures, row.mirror.figures):
        f = figures[0]
        value = " / ".join(format_quantity(x.value, x.unit) for x in figures)
        cells.append(f"<td>{record_link('indicator', f.id, flow_description(f.indicator, f.subject, f.counterpart))}"
                     f"<br>{_muted(reporter_label(f.reporter))}</td><td align='right'><b>{esc(value)}</b>"
                     f"{_published(figures)} "
                     f"{notes.marks(s for x in figures for s in x.sources)}</td>")
    return (f"<tr><td>{esc(row.period.label())}</td>{''.join(cells)}"
            f"<td align='right'>{esc(gap_label(row.gap))}</td></tr>")


def _key_figures(db, scope: PairScope, today: dt.date, notes: SourceNotes) -> list[str]:
    found = key_figures(db, scope, today)
    parts = [f"<h3>{esc(_('Key figures'))}</h3>"]
    if not found.rows:
        return parts + [f"<p>{esc(_('No figures recorded for this pair yet.'))}</p>"]
    parts.append(_table((_("Figure"), _("Value"), _("Period"), _("Change"), _("Between"), _("Source")),
                        [_figure_row(row, notes) for row in found.rows]))
    if found.left_out:
        more = ngettext("{n} more figure is in the Trade tab.", "{n} more figures are in the Trade tab.",
                        found.left_out).format(n=found.left_out)
        parts.append(f"<p><a href='{TRADE_HREF}'>{esc(more)}</a></p>")
    if found.mirrored:
        parts.append(f"<h3>{esc(_('Mirror statistics'))}</h3>")
        parts.append(_table((_("Period"), _("Reported"), _("Value"), _("Mirror"), _("Value"), _("Gap")),
                            [_mirror_row(row, notes) for row in found.mirrored]))
        parts.append(f"<p>{_muted(mirror_note())}</p>")
    return parts


def _agreements(db, scope: PairScope, today: dt.date, notes: SourceNotes) -> list[str]:
    agreements = pair_facts.pair_agreements(db, scope)
    parts = [f"<h3>{esc(_('Agreements'))}</h3>"]
    if not agreements:
        return parts + [f"<p>{esc(_('No agreements between these parties are recorded.'))}</p>"]
    parts.append("<ul>")
    for a in agreements:
        signed = a.signed.label() if a.signed else _("date unknown")
        validity = ""
        if a.valid_from or a.valid_until:
            validity = "; " + _("valid {start} – {end}").format(
                start=a.valid_from.label() if a.valid_from else "…",
                end=a.valid_until.label() if a.valid_until else "…")
        parts.append(f"<li>{record_link('agreement', a.id, a.title)} — {esc(a.kind_label)}, "
                     f"{esc(_('signed'))} {esc(signed)}{esc(validity)}; "
                     f"<b>{esc(a.status_on(today))}</b> {notes.marks(a.sources)}</li>")
    return parts + ["</ul>"]


def _officials(db, scope: PairScope, today: dt.date, notes: SourceNotes) -> list[str]:
    parts = [f"<h3>{esc(_('Officials'))}</h3><table cellpadding='3'>"]
    for side_id, side in ((scope.a, scope.a_down), (scope.b, scope.b_down)):
        parts.append(f"<tr><td colspan='4'><b>{esc(queries.party_name(db, side_id))}</b></td></tr>")
        found = pair_facts.officials(db, side, today)
        if not found:
            parts.append(f"<tr><td colspan='4'><i>{esc(_('No current officials recorded.'))}</i></td></tr>")
        for o in found:
            local = f" / {esc(o.other_name)}" if o.other_name else ""
            since = _("since {date}").format(date=o.since.label()) if o.since else _("start date unknown")
            verified = o.verification(today)
            if verified.key != "verified":
                since = f"{since}; {verified.label}"
            parts.append(f"<tr><td>{record_link('person', o.person_id, o.name)}{local}</td>"
                         f"<td>{esc(o.title)}</td><td>{_muted(since)}</td>"
                         f"<td>{notes.marks(o.sources)}</td></tr>")
    return parts + ["</table>"]


def _events(db, scope: PairScope, today: dt.date, notes: SourceNotes) -> list[str]:
    events = pair_facts.pair_events(db, scope)
    if not events:
        return []
    parts = [f"<h3>{esc(_('Events'))}</h3><ul>"]
    for e in events:
        place = f", {esc(e.place)}" if e.place else ""
        parts.append(f"<li>{esc(e.date_label)} — {record_link('event', e.id, e.title)}{place} "
                     f"<i>({esc(e.status_as_of(today).label)})</i> {notes.marks(e.sources)}</li>")
    return parts + ["</ul>"]


def _statements(db, scope: PairScope, notes: SourceNotes) -> list[str]:
    statements = pair_facts.pair_statements(db, scope)
    if not statements:
        return []
    parts = [f"<h3>{esc(_('Statements'))}</h3>"]
    for s in statements:
        who = record_link("person", s.person_id, s.speaker) if s.person_id else esc(_("Unknown speaker"))
        when = f", {esc(s.said.label())}" if s.said else ""
        parts.append(f"<blockquote>“{esc(s.text)}”<br>— {who}{when} {notes.marks(s.sources)}</blockquote>")
    return parts


def overview_html(db, scope: PairScope, today: dt.date) -> str:
    """The Overview's content for a pair as of ``today``; all record text escaped."""
    parts = ["<table width='100%' cellpadding='6'><tr>",
             f"<td width='50%'><h2>{_party_heading(db, scope.a)}</h2></td>",
             f"<td width='50%'><h2>{_party_heading(db, scope.b)}</h2></td></tr></table>"]
    findings = quality.overview_findings(db, scope, today)
    parts.append(quality.summary_html(findings))
    notes = SourceNotes()
    parts += _key_figures(db, scope, today, notes)
    parts += _agreements(db, scope, today, notes)
    parts += _officials(db, scope, today, notes)
    parts += _events(db, scope, today, notes)
    parts += _statements(db, scope, notes)
    parts.append(quality.findings_html(db, findings))
    parts.append(notes.html())
    parts.append(f"<p style='color:{secondary_text()}'>{esc(_('As of {day}.').format(day=format_day(today)))}</p>")
    return "\n".join(parts)
