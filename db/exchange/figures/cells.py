"""From a row's cells to a checked figure, or to problems naming the row and the column.

Rules, the same as the editor's: every figure is an ``Indicator`` record checked by
``db.model.validate``; a cell that cannot be read is reported as "row 17, column value:
'abc' is not a number" (the column named as the file's header names it).

Values as published: dates ``2024-12-31`` or ``31.12.2024`` and written periods ("12/2024",
"2024 год", "I квартал 2025", "январь–май 2025" …, ``db.model.period_words``); indicator
names in three languages become the known indicators (``db.model.indicator_names``), and
units with their scale are stored in one spelling ("млн долл. США" → "USD million",
``db.model.units``) with the value as written. A name or unit Fact Sheet does not know is
kept as written and named in the report, so the person can say what it is; their answers
(``names``) are applied before anything is looked up.

Written for a million rows: everything in a row but its value and notes (the parties, the
indicator, the period, the unit and the source) is its *context*, resolved and checked once
per distinct context and then found with one dictionary look-up; each row then costs one
number read.
"""

from __future__ import annotations

import datetime as dt
from operator import itemgetter

from sqlite_utils import Database

from db.exchange.figures.parties import Parties, Sources
from db.exchange.report import ImportReport
from db.exchange.tables.opening import Layout
from db.exchange.tables.values import Numbers, clean
from db.model import validate
from db.model.dates import DateError, parse_iso_day
from db.model.i18n import _
from db.model.indicator_names import known_indicator, split_unit
from db.model.period_words import parse_day, parse_period
from db.model.records import KNOWN_INDICATORS, Indicator, Link
from db.model.units import parse_unit

# The fields that make a row's context, in the order of the context tuple's texts.
CONTEXT = ("subject", "counterpart", "reporter", "indicator", "period_start", "period_end", "unit",
           "source_title", "source_url", "source_published")
_FIELD_COLUMNS = {"subject_id": "subject", "counterpart_id": "counterpart", "reporter_id": "reporter",
                  "indicator": "indicator", "period_start": "period_start", "period_end": "period_end",
                  "value": "value", "unit": "unit", "notes": "notes", "sources": "source_title"}
_INDICATOR_NAMES = {**{k.casefold(): k for k in KNOWN_INDICATORS},
                    **{label.casefold(): k for k, label in KNOWN_INDICATORS.items()}}
MAX_LISTED = 200


def problem_text(row: int, column: str, message: str) -> str:
    """"row 17, column value: 'abc' is not a number"."""
    message = message.strip().rstrip(".")
    if len(message) > 1 and message[0].isupper() and message[1].islower():
        message = message[0].lower() + message[1:]
    return _("row {row}, column {column}: {message}").format(row=row, column=column, message=message)


class Cells:
    """Turns the cells of each row into a figure tuple ``(subject, counterpart, reporter,
    indicator, start, end, value, unit, notes, source)``, or records its problems."""

    def __init__(self, db: Database, layout: Layout, report: ImportReport,
                 names: dict[str, dict[str, str]] | None = None) -> None:
        self.db, self.layout, self.report = db, layout, report
        self.names = names or {}
        self.parties, self.sources = Parties(db, report), Sources(db, report)
        self.width = len(layout.header)
        self.problems: list[str] = []
        self.places: list[tuple[int, str]] = []
        self.problem_count = 0
        # A row is its cells, then the values given for every row, then "" for absent fields;
        # a wide table's figure adds its period's ends and its value cell after those.
        fixed = [f for f in layout.values if f not in layout.fields]
        self.tail = [layout.values[f] for f in fixed] + [""]
        at = {f: layout.fields[f] for f in layout.fields}
        for i, name in enumerate(fixed):
            targets = ("period_start", "period_end") if name == "period" else (name,)
            for target in targets:
                at[target] = self.width + i
        blank = self.width + len(fixed)
        if layout.wide:
            at.update(period_start=blank + 1, period_end=blank + 2, value=blank + 3)
        self.at = {f: at.get(f, blank) for f in CONTEXT + ("value", "notes")}
        self.context_of = itemgetter(*(self.at[f] for f in CONTEXT))
        self.value_at, self.notes_at = self.at["value"], self.at["notes"]
        self.contexts: dict[tuple, tuple | list[tuple[str, str]]] = {}
        self.numbers = Numbers(layout.decimal, layout.decimal_known)
        self.rules = validate.FigureRules()
        self.links: dict[int, list[Link]] = {}
        self.column_names = {f: layout.column_name(f) for f in CONTEXT + ("value", "notes")}
        self._known_names: dict[tuple[str, str], bool] = {}

    # -- problems ------------------------------------------------------------------------------------
    def add(self, row: int, column: str, message: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_LISTED:
            self.problems.append(problem_text(row, column, message))
            self.places.append((row, column))

    # -- rows ---------------------------------------------------------------------------------------
    def read(self, row: int, cells: list[str]) -> tuple | None:
        """The figure of a row of a long table (one figure per row), or None after noting its problems."""
        if len(cells) != self.width and not self._width_ok(row, cells):
            return None
        cells.extend(self.tail)
        return self._figure(row, cells, self.column_names["value"])

    def read_cell(self, row: int, cells: list[str], start: str, end: str, text: str, column: str) -> tuple | None:
        """The figure in one cell of a wide table: ``text`` under the header ``column`` naming
        the period from ``start`` to ``end``."""
        return self._figure(row, [*cells[: self.width], *[""] * (self.width - len(cells)), *self.tail,
                                  start, end, text], column)

    def _figure(self, row: int, cells: list[str], value_column: str) -> tuple | None:
        key = self.context_of(cells)
        context = self.contexts.get(key)
        if context is None:
            context = self.contexts[key] = self._resolve(key)
        text = cells[self.value_at]
        value = self.numbers.read(text)
        notes = cells[self.notes_at]
        notes = (clean(notes) or None) if notes else None
        if context.__class__ is tuple and value.__class__ is float and notes is None and (
                value >= 0 or context[8]):  # type: ignore[index, operator]
            subject, counterpart, reporter, indicator, start, end, unit, source, _balance = context  # type: ignore[misc]
            return (subject, counterpart, reporter, indicator, start, end, value, unit, None, source)
        return self._checked(row, context, value, notes, value_column)

    def _checked(self, row: int, context: object, value: object, notes: str | None, value_column: str) -> tuple | None:
        """The slow path: a row with a problem, notes, or a negative value, checked in full."""
        failed = False
        if context.__class__ is list:
            for column, message in context:  # type: ignore[attr-defined]
                self.add(row, self.column_names.get(column, column), message)
            failed = True
        if value.__class__ is str:
            if value:
                self.add(row, value_column, value)  # type: ignore[arg-type]
            else:
                self.add(row, value_column, _("Value is required."))
            return None
        if failed:
            return None
        subject, counterpart, reporter, indicator, start, end, unit, source, _balance = context  # type: ignore[misc]
        record = Indicator(subject_id=subject, counterpart_id=counterpart, reporter_id=reporter,
                           indicator=indicator, period_start=dt.date.fromisoformat(start),
                           period_end=dt.date.fromisoformat(end), value=value, unit=unit,  # type: ignore[arg-type]
                           notes=notes, sources=self.links[source])
        found = validate.problems(None, record)
        for problem in found:
            column = _FIELD_COLUMNS.get(problem.field, problem.field)
            self.add(row, value_column if column == "value" else self.column_names.get(column, column),
                     problem.message)
        if found:
            return None
        return (subject, counterpart, reporter, indicator, start, end, value, unit, notes, source)

    def _width_ok(self, row: int, cells: list[str]) -> bool:
        if len(cells) < self.width:
            if self.layout.wide and len(cells) > min(self.layout.periods, default=0):
                cells.extend([""] * (self.width - len(cells)))  # a short row of a wide table: empty cells
                return True
            name = self.layout.header[len(cells)].strip() or str(len(cells) + 1)
            self.add(row, name, _("the cell is missing (the row has {n} cells, the header {width})").format(
                n=len(cells), width=self.width))
            return False
        if any(c.strip() for c in cells[self.width:]):
            self.add(row, str(self.width + 1), _("the row has {n} cells, the header only {width}").format(
                n=len(cells), width=self.width))
            return False
        del cells[self.width:]
        return True

    # -- contexts -----------------------------------------------------------------------------------
    def _resolve(self, key: tuple) -> tuple | list[tuple[str, str]]:
        """The context's parts as stored, with a flag allowing negative values, or its problems
        as (field, sentence)."""
        texts = dict(zip(CONTEXT, key, strict=True))
        problems: list[tuple[str, str]] = []
        ids: dict[str, int | None] = {}
        for role in ("subject", "counterpart", "reporter"):
            name = clean(texts[role])
            found = self.parties.resolve(name, role) if name else None
            if isinstance(found, str):
                problems.append((role, found))
                found = None
            ids[role] = found
        indicator, named_unit = self._indicator(texts["indicator"])
        start = self._day(texts["period_start"], "period_start", problems)
        end = self._day(texts["period_end"], "period_end", problems)
        unit = self._unit(texts["unit"]) or named_unit or ""
        source = self._source(texts["source_title"], texts["source_url"], texts["source_published"], problems)
        sources = self.links.get(source, []) if source is not None else []
        if not self.rules.ok(ids["subject"], indicator, start, end, 1.0, unit, None, sources):
            record = Indicator(subject_id=ids["subject"], indicator=indicator, period_start=start,
                               period_end=end, value=1.0, unit=unit, sources=sources)
            failed = {column for column, _message in problems}
            if any(column.startswith("source") for column in failed):
                failed.add("source_title")  # the rules' "needs a source" would only repeat the source's problem
            for problem in validate.problems(None, record):
                column = _FIELD_COLUMNS.get(problem.field, problem.field)
                if column not in failed:
                    problems.append((column, problem.message))
                    failed.add(column)
        if problems:
            return problems
        assert start is not None and end is not None and source is not None
        self._note_new(indicator, unit)
        return (ids["subject"], ids["counterpart"], ids["reporter"], indicator, start.isoformat(),
                end.isoformat(), unit, source, "balance" in indicator.lower())

    def _indicator(self, text: str) -> tuple[str, object]:
        """The stored name of an indicator, and a unit written into its name (or None)."""
        text = clean(text)
        text = self.names.get("indicator", {}).get(text, text)
        found = _INDICATOR_NAMES.get(text.casefold()) or known_indicator(text)
        if found:
            return found, None
        name, unit = split_unit(text)
        found = _INDICATOR_NAMES.get(name.casefold()) or known_indicator(name)
        if unit is not None:
            return found or name, unit.name
        return text, None

    def _unit(self, text: str) -> str:
        text = clean(text)
        text = self.names.get("unit", {}).get(text, text)
        unit = parse_unit(text)
        return unit.name if unit is not None else text

    def _note_new(self, indicator: str, unit: str) -> None:
        """Name in the report an indicator or unit Fact Sheet does not know and the file does not
        share with figures already stored."""
        if indicator not in KNOWN_INDICATORS and self._new("indicator", indicator):
            self.report.new_indicators.append(indicator)
        if parse_unit(unit) is None and self._new("unit", unit):
            self.report.new_units.append(unit)

    def _new(self, column: str, text: str) -> bool:
        key = (column, text)
        if key not in self._known_names:
            held = self.db.execute(f"SELECT 1 FROM indicators WHERE {column} = ? LIMIT 1", [text]).fetchone()
            self._known_names[key] = held is None
            return held is None
        return False

    def _day(self, text: str, name: str, problems: list[tuple[str, str]]) -> dt.date | None:
        text = clean(text)
        if not text:
            return None
        try:
            if len(text) == 10 and text[4] == "-":
                return parse_iso_day(text)
            period = parse_period(text)
        except DateError as error:
            if "not a period" in str(error) or "form YYYY-MM-DD" in str(error):
                problems.append((name, _("'{text}' is not a date (write it as 2024-12-31, 31.12.2024 or "
                                         "12/2024)").format(text=text)))
            else:
                problems.append((name, str(error)))
            return None
        return period.start if name == "period_start" else period.end

    def _source(self, title: str, url: str, published: str, problems: list[tuple[str, str]]) -> int | None:
        title, url, published = clean(title), clean(url), clean(published)
        if not title:
            return None  # "Every fact needs at least one source." comes from the rules
        day = None
        if published:
            try:
                day = parse_day(published).isoformat()
            except DateError as error:
                problems.append(("source_published", str(error)))
                return None
        found = self.sources.resolve(title, url or None, day)
        if isinstance(found, list):
            columns = {"url": "source_url", "published": "source_published"}
            problems.extend((columns.get(p.field, "source_title"), p.message) for p in found)
            return None
        self.links.setdefault(found, [Link(found)])
        return found
