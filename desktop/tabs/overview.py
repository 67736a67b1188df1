"""The Overview tab: the chosen pair of parties and what is known about them at a glance.

Both parties with their names in both scripts, the key figures (each with period, unit
and source), agreements with their status as of today, officials on both sides, recent
and planned events and statements. Every record is a link that opens it in its tab.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from db.model.formatting import format_day, format_quantity
from db.model.i18n import _
from db.model.records import EVENT_STATUSES
from db.read import queries
from db.read.queries import PairScope
from desktop.common import quality, settings
from desktop.common.party_combo import PartyCombo, all_parties
from desktop.common.rich_text import esc, parse_record_href, record_link
from desktop.common.theme import secondary_text

PAIR_KEY = "overview/pair"


def _party_heading(db, party_id: int) -> str:
    name_en, local, alt = queries.party_names(db, party_id)
    country = queries.country_of(db, party_id)
    locals_ = " / ".join(esc(n) for n in (local, alt) if n)
    country_text = ""
    if country is not None and country != party_id:
        country_text = f" <span style='color:{secondary_text()}'>({esc(queries.party_names(db, country)[0])})</span>"
    return (f"{record_link('party', party_id, name_en)}{country_text}"
            + (f"<br><span style='font-size:small'>{locals_}</span>" if locals_ else ""))


class SourceNotes:
    """Numbers sources in order of first use, so every fact carries a short note mark."""

    def __init__(self) -> None:
        self.numbers: dict[int, int] = {}
        self.titles: dict[int, str] = {}

    def marks(self, sources) -> str:
        found = []
        for source in sources:
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


# Trade flows first, in the order people read them, then every other figure.
FIGURE_ORDER = {"turnover": 0, "exports": 1, "imports": 2}


def overview_html(db, scope: PairScope, today: dt.date) -> str:
    """The Overview's content for a pair as of ``today``; all record text escaped."""
    parts = ["<table width='100%' cellpadding='6'><tr>",
             f"<td width='50%'><h2>{_party_heading(db, scope.a)}</h2></td>",
             f"<td width='50%'><h2>{_party_heading(db, scope.b)}</h2></td></tr></table>"]

    findings = quality.overview_findings(db, scope, today)
    parts.append(quality.summary_html(findings))
    notes = SourceNotes()
    figures = sorted(queries.key_figures(db, scope, today),
                     key=lambda f: (FIGURE_ORDER.get(f.indicator, 9), f.indicator, f.period))
    parts.append(f"<h3>{esc(_('Key figures'))}</h3>")
    if figures:
        parts.append("<table cellspacing='0' cellpadding='4' border='0' width='100%'>")
        parts.append("<tr>" + "".join(f"<th align='left'>{esc(h)}</th>" for h in (
            _("Figure"), _("Value"), _("Period"), _("Between"), _("Source"))) + "</tr>")
        for f in figures:
            between = esc(f.subject) + (f" – {esc(f.counterpart)}" if f.counterpart else "")
            partial = f" <i>({esc(_('part of the year'))})</i>" if f.period.is_partial else ""
            parts.append(
                f"<tr><td>{record_link('indicator', f.id, f.indicator_label)}</td>"
                f"<td align='right'><b>{esc(format_quantity(f.value, f.unit))}</b></td>"
                f"<td>{esc(f.period.label())}{partial}</td><td>{between}</td>"
                f"<td>{notes.marks(f.sources)}</td></tr>")
        parts.append("</table>")
    else:
        parts.append(f"<p>{esc(_('No figures recorded for this pair yet.'))}</p>")

    agreements = queries.pair_agreements(db, scope)
    parts.append(f"<h3>{esc(_('Agreements'))}</h3>")
    if agreements:
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
        parts.append("</ul>")
    else:
        parts.append(f"<p>{esc(_('No agreements between these parties are recorded.'))}</p>")

    parts.append(f"<h3>{esc(_('Officials'))}</h3><table cellpadding='3'>")
    for side_id, side in ((scope.a, scope.a_down), (scope.b, scope.b_down)):
        parts.append(f"<tr><td colspan='4'><b>{esc(queries.party_names(db, side_id)[0])}</b></td></tr>")
        found = queries.officials(db, side, today)
        if not found:
            parts.append(f"<tr><td colspan='4'><i>{esc(_('No current officials recorded.'))}</i></td></tr>")
        for o in found:
            local = f" / {esc(o.name_local)}" if o.name_local else ""
            since = _("since {date}").format(date=o.since.label()) if o.since else _("start date unknown")
            parts.append(f"<tr><td>{record_link('person', o.person_id, o.name_en)}{local}</td>"
                         f"<td>{esc(o.title)}</td><td style='color:{secondary_text()}'>{esc(since)}</td>"
                         f"<td>{notes.marks(o.sources)}</td></tr>")
    parts.append("</table>")

    events = queries.pair_events(db, scope)
    parts.append(f"<h3>{esc(_('Events'))}</h3>")
    if events:
        parts.append("<ul>")
        for e in events:
            place = f", {esc(e.place)}" if e.place else ""
            parts.append(f"<li>{esc(e.date_label)} — {record_link('event', e.id, e.title)}{place} "
                         f"<i>({esc(EVENT_STATUSES.get(e.status, e.status).lower())})</i> "
                         f"{notes.marks(e.sources)}</li>")
        parts.append("</ul>")

    statements = queries.pair_statements(db, scope)
    if statements:
        parts.append(f"<h3>{esc(_('Statements'))}</h3>")
        for s in statements:
            who = record_link("person", s.person_id, s.speaker) if s.person_id else esc(_("Unknown speaker"))
            when = f", {esc(s.said.label())}" if s.said else ""
            parts.append(f"<blockquote>“{esc(s.text)}”<br>— {who}{when} "
                         f"{notes.marks(s.sources)}</blockquote>")
    parts.append(quality.findings_html(db, findings))
    parts.append(notes.html())
    parts.append(f"<p style='color:{secondary_text()}'>{esc(_('As of {day}.').format(day=format_day(today)))}</p>")
    return "\n".join(parts)


class OverviewTab(QWidget):
    """The pair pickers above a read-only page about the pair."""

    link_activated = Signal(str, int)
    pair_changed = Signal(int, int)

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        parties = all_parties(db)
        self.first = PartyCombo(db, self, parties=parties)
        self.second = PartyCombo(db, self, parties=parties)
        self.first.setAccessibleName(_("First party"))
        self.second.setAccessibleName(_("Second party"))
        pair_label = QLabel(_("&Pair:"), self)
        pair_label.setBuddy(self.first)
        bar = QHBoxLayout()
        bar.addWidget(pair_label)
        bar.addWidget(self.first, 1)
        bar.addWidget(QLabel(_("and"), self))
        bar.addWidget(self.second, 1)
        bar.addStretch()
        self.page = QTextBrowser(self)
        self.page.setOpenLinks(False)
        self.page.anchorClicked.connect(self._follow)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.page, 1)
        self._choose_initial_pair()
        self.first.currentIndexChanged.connect(self._pair_edited)
        self.second.currentIndexChanged.connect(self._pair_edited)
        self.refresh()

    def pair(self) -> tuple[int, int] | None:
        a, b = self.first.party_id(), self.second.party_id()
        return (a, b) if a is not None and b is not None else None

    def set_pair(self, a: int, b: int) -> None:
        self.first.set_party(a)
        self.second.set_party(b)

    def set_database(self, db) -> None:
        self._db = db
        self.reload_parties()
        self._choose_initial_pair()
        self.refresh()

    def reload_parties(self) -> None:
        """Read the parties again into both pickers (a party was added, renamed or deleted)."""
        parties = all_parties(self._db)
        for combo in (self.first, self.second):
            combo.set_parties(parties)

    def refresh(self) -> None:
        """Re-read everything shown (after any change to the data)."""
        pair = self.pair()
        if pair is None:
            self.page.setHtml(f"<p>{esc(_('Add at least two parties to see an overview of their cooperation.'))}</p>")
            return
        scroll = self.page.verticalScrollBar().value()
        scope = queries.pair_scope(self._db, *pair)
        self.page.setHtml(overview_html(self._db, scope, dt.date.today()))
        self.page.verticalScrollBar().setValue(scroll)

    def _choose_initial_pair(self) -> None:
        remembered = settings.load_int_list(PAIR_KEY)
        valid = len(remembered) == 2 and all(self.first.findData(p) >= 0 for p in remembered)
        pair = tuple(remembered) if valid else queries.suggest_pair(self._db)
        if pair:
            for combo, party in zip((self.first, self.second), pair, strict=True):
                combo.blockSignals(True)
                combo.set_party(party)
                combo.blockSignals(False)

    def _pair_edited(self) -> None:
        pair = self.pair()
        if pair:
            settings.save_value(PAIR_KEY, list(pair))
            self.pair_changed.emit(*pair)
        self.refresh()

    def _follow(self, url: QUrl) -> None:
        target = parse_record_href(url.toString())
        if target:
            self.link_activated.emit(*target)


def create(db) -> OverviewTab:
    return OverviewTab(db)
