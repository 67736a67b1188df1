"""The check before printing: what would make this sheet misleading, each with the record to open.

Print…, Print Preview…, Export PDF…, ``factsheet pdf`` and ``factsheet check --before-print``
run it on the composed sheet's facts (``FactSheet.facts``, read once by ``db.sheet.reading``),
so it sees exactly the pair, day and sections being printed and reads nothing again. It looks
at everything the sheet could print, shortened or not, and finds, most urgent first:

- ``unsourced``: a fact without a source (a figure, agreement, official's position, event or
  statement) — the sheet would print it without a note;
- ``date_passed``: a planned event whose date has passed without being recorded as held;
- ``expiring``: an agreement whose validity ends within ``db.model.status.EXPIRING_DAYS`` days;
- ``stale_official``: an official whose position was never verified, or not for over a year;
- ``gap``: a missing period between two recorded ones in the charted series (the chart
  leaves it empty; a reader may take it for zero);
- ``no_comparison``: a figure for part of a year with no figure for the same span a year
  earlier, so the sheet prints it without a change.

Each ``Item`` is a sentence and the (kind, id) of the record that would fix it. Plain data,
no Qt: the window shows the list with *Fix…* and *Print anyway*, the command line prints it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from db.model.dates import Period
from db.model.i18n import N_, Labels, _
from db.read.checks.wording import quote
from db.read.trade import slot_label, time_span
from db.sheet.reading import PairFacts
from db.sheet.sheet import FactSheet

# Kinds of item, most urgent first, with the heading each is listed under.
KINDS = Labels({
    "unsourced": N_("Facts without a source"),
    "date_passed": N_("Planned events whose date has passed"),
    "expiring": N_("Agreements expiring soon"),
    "stale_official": N_("Officials not verified for over a year"),
    "gap": N_("Missing periods in the chart"),
    "no_comparison": N_("Parts of a year with nothing to compare with"),
})


@dataclass(frozen=True)
class Item:
    kind: str  # a key of ``KINDS``
    message: str
    record: tuple[str, int]  # (kind, id) of the record to open

    @property
    def title(self) -> str:
        return KINDS[self.kind]


def before_print(sheet: FactSheet) -> list[Item]:
    """What would make ``sheet`` misleading, most urgent first (see the module's list)."""
    facts = sheet.facts
    if not isinstance(facts, PairFacts):
        return []
    items = (_unsourced(facts) + _events(facts) + _agreements(facts) + _officials(facts) + _gaps(facts)
             + _no_comparison(facts))
    return sorted(items, key=lambda item: list(KINDS).index(item.kind))


def _unsourced(facts: PairFacts) -> list[Item]:
    def item(kind: str, record_id: int, what: str) -> Item:
        return Item("unsourced", _("{what} has no source, so the sheet would print it without a note. Add "
                                   "the article or release it comes from.").format(what=what), (kind, record_id))

    items = []
    for row in facts.key_figures.rows:
        for f in row.records():
            if not f.sources:
                items.append(item("indicator", f.id, _("{figure}, {period}").format(
                    figure=f.indicator_label, period=f.period.label())))
    items += [item("agreement", x.id, quote(x.title)) for x in facts.agreements if not x.sources]
    items += [item("position", o.position_id, _("{person}'s position “{title}”").format(person=o.name, title=o.title))
              for _party, found in facts.officials for o in found if not o.sources]
    items += [item("event", e.id, quote(e.title)) for e in facts.events if not e.sources]
    items += [item("statement", s.id, _("The statement “{text}”").format(text=s.text[:60]))
              for s in facts.statements if not s.sources]
    return list({i.record: i for i in items}.values())


def _events(facts: PairFacts) -> list[Item]:
    return [Item("date_passed", _("{title} ({date}) is still recorded as planned, but its date has passed; "
                                  "the sheet says “date passed — not confirmed held”. Record whether it was held, "
                                  "postponed or cancelled.").format(title=quote(e.title), date=e.date_label),
                 ("event", e.id))
            for e in facts.events if e.status_as_of(facts.as_of).key == "date_passed"]


def _agreements(facts: PairFacts) -> list[Item]:
    items = []
    for x in facts.agreements:
        status = x.status_as_of(facts.as_of)
        if status.key == "expiring":
            items.append(Item("expiring", _("{title} is {status}. Check whether it was extended, and record "
                                            "the extension with its source.").format(title=quote(x.title),
                                                                                     status=status.label),
                              ("agreement", x.id)))
    return items


def _officials(facts: PairFacts) -> list[Item]:
    items = []
    for _party, found in facts.officials:
        for o in found:
            checked = o.verification(facts.as_of)
            if checked.key != "verified":
                items.append(Item("stale_official", _("{person}, {title}: {status}. Check that the position is "
                                                      "still held and record the date checked.").format(
                    person=o.name, title=o.title, status=checked.label), ("position", o.position_id)))
    return items


def _gaps(facts: PairFacts) -> list[Item]:
    chart = facts.chart
    if chart is None or chart.chart.group not in ("years", "quarters", "months") or not chart.figure_ids:
        return []
    group = chart.chart.group
    present: dict[int, int] = {}  # slot -> the index of the period starting in it
    for index, period in enumerate(chart.chart.periods):
        if period.start is not None and period.end is not None:
            present.setdefault(math.floor(time_span(Period(period.start, period.end), group)[0] + 1e-9), index)
    items, slots = [], sorted(present)
    for before, after in zip(slots, slots[1:], strict=False):
        if after - before > 1:
            missing = [slot_label(s, group) for s in range(before + 1, after)]
            span = missing[0] if len(missing) == 1 else _("{first} to {last}").format(first=missing[0], last=missing[-1])
            items.append(Item("gap", _("The trade of {subject} with {counterpart} has no figures for {missing}, between "
                                       "{before} and {after}; the chart leaves the gap empty. Add the missing figures, "
                                       "or know that the source gives none.").format(
                subject=chart.chart.subject, counterpart=chart.chart.counterpart, missing=span,
                before=chart.chart.periods[present[before]].label, after=chart.chart.periods[present[after]].label),
                ("indicator", chart.figure_ids[present[after]])))
    return items


def _no_comparison(facts: PairFacts) -> list[Item]:
    items = []
    for row in facts.key_figures.rows:
        if row.period.is_partial and not row.earlier:
            f = row.figure
            items.append(Item("no_comparison", _("{figure} {between}, {period}, covers part of a year and nothing is "
                                                 "recorded for {earlier} to compare it with, so the sheet prints it "
                                                 "without a change.").format(
                figure=row.indicator_label, between=_("{a} – {b}").format(a=f.subject, b=f.counterpart)
                if f.counterpart else f.subject, period=row.period.label(),
                earlier=row.period.shifted_years(-1).label()), ("indicator", f.id)))
    return items
