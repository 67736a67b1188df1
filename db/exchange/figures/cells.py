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

Written for a million rows: each cell's text is resolved and checked the first time it is
seen in its column (a party's id, a day, a unit, a source) and then found with one dictionary
look-up; a row is checked by comparing those, and only a row with a problem (or with notes,
or a negative value) is checked again in full as an ``Indicator`` record to say what is wrong.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING

from db.exchange.figures.parties import Parties, Sources
from db.exchange.figures.writer import BATCH, Writer
from db.exchange.report import ImportReport
from db.exchange.tables.opening import Layout
from db.exchange.tables.values import Numbers, clean
from db.model import validate
from db.model.dates import DateError, parse_iso_day
from db.model.i18n import _, using_language
from db.model.indicator_names import known_indicator, split_unit
from db.model.period_words import parse_day, parse_period
from db.model.records import KNOWN_INDICATORS, Indicator, Link
from db.model.units import parse_unit

if TYPE_CHECKING:
    from sqlite_utils import Database

# The fields that make a row's context, in the order of the context tuple's texts.
CONTEXT = ("subject", "counterpart", "reporter", "indicator", "period_start", "period_end", "unit",
           "source_title", "source_url", "source_published")
_FIELD_COLUMNS = {"subject_id": "subject", "counterpart_id": "counterpart", "reporter_id": "reporter",
                  "indicator": "indicator", "period_start": "period_start", "period_end": "period_end",
                  "value": "value", "unit": "unit", "notes": "notes", "sources": "source_title"}
MAX_LISTED = 200


@cache
def _indicator_names() -> dict[str, str]:
    """Known indicators by stored name and by their English label ("Trade turnover"); names in
    Russian and Kazakh are read by ``db.model.indicator_names``."""
    names = {k.casefold(): k for k in KNOWN_INDICATORS}
    with using_language("en"):
        names.update({label.casefold(): k for k, label in KNOWN_INDICATORS.items()})
    return names


def problem_text(row: int, column: str, message: str) -> str:
    """"row 17, column value: 'abc' is not a number"."""
    message = message.strip().rstrip(".")
    if len(message) > 1 and message[0].isupper() and message[1].islower():
        message = message[0].lower() + message[1:]
    return _("row {row}, column {column}: {message}").format(row=row, column=column, message=message)


class _Bad(str):
    """A cell's text that cannot be used: the sentence saying why."""


_BLANK = object()  # an empty cell


class Cells:
    """Turns the cells of each row into a checked figure handed to the writer, or records its problems."""

    def __init__(self, db: Database, layout: Layout, report: ImportReport, writer: Writer,
                 names: dict[str, dict[str, str]] | None = None) -> None:
        self.db, self.layout, self.report, self.writer = db, layout, report, writer
        self.names = names or {}
        self.parties, self.sources = Parties(db, report), Sources(db, report)
        self.width = len(layout.header)
        self.problems: list[str] = []
        self.places: list[tuple[int, str]] = []
        self.problem_count = 0
        self.figures = 0
        # A row is its cells, then the values given for every row, then "" for absent fields;
        # a wide table's figure adds its period's ends and its value cell after those.
        fixed = [f for f in layout.values if f not in layout.fields]
        self.tail = [layout.values[f] for f in fixed] + [""]
        at = {f: layout.fields[f] for f in layout.fields}
        for i, name in enumerate(fixed):
            for target in (("period_start", "period_end") if name == "period" else (name,)):
                at[target] = self.width + i
        blank = self.width + len(fixed)
        if layout.wide:
            at.update(period_start=blank + 1, period_end=blank + 2, value=blank + 3)
        at = self.at = {f: at.get(f, blank) for f in CONTEXT + ("value", "notes")}
        # cell text -> what it means in its column (a _Bad sentence when nothing)
        self.seen: dict[str, dict] = {f: {} for f in CONTEXT if not f.startswith("source")}
        self.seen["source"] = {}
        self.numbers = Numbers(layout.decimal, layout.decimal_known)
        self.point = layout.decimal == "."
        self.rules = validate.FigureRules()
        self.links: dict[int, list[Link]] = {}
        self.column_names = {f: layout.column_name(f) for f in CONTEXT + ("value", "notes")}
        self.value_name = self.column_names["value"]
        self._noted: set[tuple[str, str]] = set()
        seen = self.seen
        self.plan = (at["subject"], seen["subject"], at["counterpart"], seen["counterpart"], at["reporter"],
                     seen["reporter"], at["indicator"], seen["indicator"], at["period_start"], seen["period_start"],
                     at["period_end"], seen["period_end"], at["unit"], seen["unit"], at["source_title"],
                     at["source_url"], at["source_published"], seen["source"], at["value"], at["notes"])

    # -- problems ------------------------------------------------------------------------------------
    def add(self, row: int, column: str, message: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_LISTED:
            self.problems.append(problem_text(row, column, message))
            self.places.append((row, column))

    # -- rows ---------------------------------------------------------------------------------------
    def read(self, row: int, cells: list[str], value_column: str | None = None) -> None:
        """Check a row and hand its figure to the writer. A row of a long table (one figure per
        row) comes as written; a wide table's figure comes built by ``read_cell`` with the
        header of its value's column. Written out, not looped over: this runs a million times."""
        if value_column is None:
            if len(cells) != self.width and not self._width_ok(row, cells):
                return
            cells.extend(self.tail)
            value_column = self.value_name
        (s_at, subjects, c_at, counterparts, r_at, reporters, i_at, indicators, b_at, starts, e_at, ends,
         u_at, units, t_at, w_at, p_at, sources, v_at, n_at) = self.plan
        self.figures += 1
        subject = subjects.get(cells[s_at]) or self._first("subject", cells[s_at])
        counterpart = counterparts.get(cells[c_at], _BLANK)
        if counterpart is _BLANK:
            counterpart = self._first("counterpart", cells[c_at])
        reporter = reporters.get(cells[r_at], _BLANK)
        if reporter is _BLANK:
            reporter = self._first("reporter", cells[r_at])
        indicator = indicators.get(cells[i_at]) or self._first("indicator", cells[i_at])
        start = starts.get(cells[b_at]) or self._first("period_start", cells[b_at])
        end = ends.get(cells[e_at]) or self._first("period_end", cells[e_at])
        unit = units.get(cells[u_at])
        if unit is None:
            unit = self._first("unit", cells[u_at])
        key = (cells[t_at], cells[w_at], cells[p_at])
        source = sources.get(key) or self._first_source(key)
        text = cells[v_at]
        try:  # the common case of ``Numbers.read``, written out
            value = float(text) if self.point else None
        except ValueError:
            value = None
        if value is None or value - value != 0.0 or "_" in text:  # not finite, or "1_000"
            value = self.numbers.read(text)
        else:
            value += 0.0  # -0 is 0
        notes = cells[n_at]
        if unit == "" and indicator.__class__ is tuple:
            unit = indicator[1]  # a unit written into the indicator's name, if any
        if (subject.__class__ is int and counterpart.__class__ is not _Bad and reporter.__class__ is not _Bad
                and indicator.__class__ is tuple and start.__class__ is str and end.__class__ is str
                and unit.__class__ is str and unit and source.__class__ is int and value.__class__ is float
                and start <= end and not notes and (value >= 0 or indicator[2]) and not self.problem_count):
            writer = self.writer
            if source not in writer.holding:  # the writer's own fast path, written out here
                hashes = writer.hashes
                known = len(hashes)
                hashes.add(hash((subject, counterpart, reporter, indicator[0], start, end, value, unit, source)))
                if len(hashes) != known:  # a figure new to the database and to the file
                    writer.rows += 1
                    if reporter is None and counterpart is not None:  # ``writer.new``, written out
                        plain = writer.plain
                        plain.append((writer.base + self.figures, subject, counterpart, indicator[0], start, end,
                                      value, unit, source))
                        if len(plain) + writer.waiting >= BATCH:
                            writer.flush()
                    else:
                        writer.new(writer.base + self.figures, subject, counterpart, reporter, indicator[0], start,
                                   end, value, unit, None, source)
                    return
            writer.add(self.figures, subject, counterpart, reporter, indicator[0], start, end, value, unit,
                       None, source)
            return
        self._checked(row, (subject, counterpart, reporter, indicator, start, end, unit, source), value,
                      (clean(notes) or None) if notes else None, value_column)

    def read_cell(self, row: int, cells: list[str], start: str, end: str, text: str, column: str) -> None:
        """Check one cell of a wide table: ``text`` under the header ``column`` naming the
        period from ``start`` to ``end``."""
        self.read(row, [*cells[: self.width], *[""] * (self.width - len(cells)), *self.tail, start, end, text],
                  column)

    def _checked(self, row: int, parts: tuple, value: object, notes: str | None, value_column: str) -> None:
        """The slow path: a row with a problem, notes or a negative value, checked in full."""
        subject, counterpart, reporter, indicator, start, end, unit, source = parts
        failed: set[str] = set()
        for name, part in zip(("subject", "counterpart", "reporter", "indicator", "period_start", "period_end",
                               "unit", "source_title"), parts, strict=True):
            if part.__class__ is _Bad:
                column = "source_title" if name == "source_title" else name
                for line in part.split("\n"):
                    field, tab, message = line.partition("\t")
                    field, message = (field, message) if tab else (column, line)
                    self.add(row, self.column_names.get(field, field), message)
                    failed.add(field)
        if any(f.startswith("source") for f in failed):
            failed.add("source_title")  # the rules' "needs a source" would only repeat the source's problem
        if value.__class__ is str:
            self.add(row, value_column, value or _("Value is required."))  # type: ignore[arg-type]
            failed.add("value")
        name = indicator[0] if indicator.__class__ is tuple else ""
        record = Indicator(
            subject_id=subject if subject.__class__ is int else None,
            counterpart_id=counterpart if counterpart.__class__ is int else None,
            reporter_id=reporter if reporter.__class__ is int else None, indicator=name,
            period_start=dt.date.fromisoformat(start) if start.__class__ is str else None,
            period_end=dt.date.fromisoformat(end) if end.__class__ is str else None,
            value=value if value.__class__ is float else 1.0, unit=unit if unit.__class__ is str else "x",
            notes=notes, sources=self.links.get(source, []) if source.__class__ is int else [])
        found = [p for p in validate.problems(None, record)
                 if _FIELD_COLUMNS.get(p.field, p.field) not in failed
                 and not (p.field in ("period_start", "period_end") and failed & {"period_start", "period_end"})]
        for problem in found:
            column = _FIELD_COLUMNS.get(problem.field, problem.field)
            self.add(row, value_column if column == "value" else self.column_names.get(column, column),
                     problem.message)
        if failed or found or self.problem_count:
            return
        self.writer.add(self.figures, subject, counterpart, reporter, name, start, end, value,  # type: ignore[arg-type]
                        unit, notes, source)

    def _width_ok(self, row: int, cells: list[str]) -> bool:
        if len(cells) < self.width:
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

    # -- a cell's text, the first time it is seen in its column --------------------------------------
    def _first(self, name: str, text: str) -> object:
        cleaned = clean(text)
        if name in ("subject", "counterpart", "reporter"):
            found: object = self.parties.resolve(cleaned, name) if cleaned else None
            if isinstance(found, str):
                found = _Bad(found)
            elif found is None and name == "subject":
                found = _Bad(_("Subject is required."))
        elif name == "indicator":
            found = self._indicator(cleaned)
        elif name == "unit":
            found = self._unit(cleaned)
        else:
            found = self._day(cleaned, name)
        self.seen[name][text] = found
        return found

    def _indicator(self, text: str) -> object:
        """(stored name, a unit written into the name or "", negative values allowed), or a _Bad."""
        text = self.names.get("indicator", {}).get(text, text)
        if not text or validate.text_problem(text):
            return _Bad(validate.text_problem(text) or _("Indicator is required."))
        found = _indicator_names().get(text.casefold()) or known_indicator(text)
        named = ""
        if not found:
            name, unit = split_unit(text)
            if unit is not None:
                found, named = _indicator_names().get(name.casefold()) or known_indicator(name) or name, unit.name
        name = found or text
        self._note_new("indicator", name)
        return (name, named, "balance" in name.lower())

    def _unit(self, text: str) -> object:
        text = self.names.get("unit", {}).get(text, text)
        if not text:
            return ""  # the indicator's name may carry it; otherwise the rules say it is required
        problem = validate.text_problem(text)
        if problem:
            return _Bad(problem)
        unit = parse_unit(text)
        stored = unit.name if unit is not None else text
        self._note_new("unit", stored)
        return stored

    def _note_new(self, column: str, text: str) -> None:
        """Name in the report an indicator or unit Fact Sheet does not know and the database
        does not hold already."""
        known = text in KNOWN_INDICATORS if column == "indicator" else parse_unit(text) is not None
        if known or (column, text) in self._noted:
            return
        self._noted.add((column, text))
        if self.db.execute(f"SELECT 1 FROM indicators WHERE {column} = ? LIMIT 1", [text]).fetchone() is None:
            (self.report.new_indicators if column == "indicator" else self.report.new_units).append(text)

    def _day(self, text: str, name: str) -> object:
        if not text:
            return None
        try:
            if len(text) == 10 and text[4] == "-":
                return parse_iso_day(text).isoformat()
            period = parse_period(text)
        except DateError as error:
            if "not a period" in str(error) or "form YYYY-MM-DD" in str(error):
                return _Bad(_("'{text}' is not a date (write it as 2024-12-31, 31.12.2024 or 12/2024)").format(
                    text=text))
            return _Bad(str(error))
        return (period.start if name == "period_start" else period.end).isoformat()

    def _first_source(self, key: tuple[str, str, str]) -> object:
        found = self.seen["source"][key] = self._source(*key)
        return found

    def _source(self, title: str, url: str, published: str) -> object:
        """The source's id, None without a title, or a _Bad holding "field\tsentence" lines."""
        title, url, published = clean(title), clean(url), clean(published)
        if not title:
            return None  # "Every fact needs at least one source." comes from the rules
        day = None
        if published:
            try:
                day = parse_day(published).isoformat()
            except DateError as error:
                return _Bad(f"source_published\t{error}")
        found = self.sources.resolve(title, url or None, day)
        if isinstance(found, list):
            columns = {"url": "source_url", "published": "source_published"}
            return _Bad("\n".join(f"{columns.get(p.field, 'source_title')}\t{p.message}" for p in found))
        self.links.setdefault(found, [Link(found)])
        return found
