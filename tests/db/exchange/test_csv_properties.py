"""Properties of the indicator CSV import: any file gives the figures it means, or one sentence
and nothing written.

Three kinds of input: bytes of any kind; text of any kind in each encoding; and files in
the indicator CSV shape written every way spreadsheets write them (comma, semicolon or
tab; decimal point or comma, with or without grouping; UTF-8 with or without a byte-order
mark, Windows-1251, UTF-16; any column order; CRLF or LF) with cells drawn from names in
both scripts, markup, quotes, separators and line breaks inside cells, odd numbers and odd
dates. An import either stores exactly the figures the file means — the intended number,
not another reading of it — or raises a ``FactSheetError`` and leaves the database as it
was. Any other exception is a bug. Example counts are modest to keep the suite fast.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from db.errors import FactSheetError
from db.exchange.tables.header import COLUMNS
from db.exchange.tables.header import REQUIRED as REQUIRED_COLUMNS
from db.model.dates import DateError
from db.model.indicator_names import known_indicator, split_unit
from db.model.period_words import parse_period
from db.model.records import KNOWN_INDICATORS
from db.model.units import canonical_unit
from tests.db.model.test_properties import _scratch
from tests.db.sample_records import HOSTILE

SETTINGS = settings(max_examples=70, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
TABLES = ("parties", "sources", "indicators", "indicators_sources")

def _counts(db) -> dict[str, int]:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("csv-properties")


def _import(db, folder: Path, data: bytes):
    """Import ``data`` as a CSV file: the report, or None after a refusal that changed nothing."""
    from db.exchange.figures.importing import import_figures as import_csv

    path = folder / "figures.csv"
    path.write_bytes(data)
    before = _counts(db)
    try:
        return import_csv(db, path)
    except FactSheetError as error:
        assert str(error).strip(), "a refusal without a sentence"
        assert _counts(db) == before, "a refused file changed the database"
        return None


# -- anything at all -------------------------------------------------------------------------------

@SETTINGS
@given(st.binary(max_size=400))
@example(b"")
@example(b"\xef\xbb\xbf")
@example(b"PK\x03\x04 a workbook")
@example(b"subject,indicator\n\x00")
@example(("subject,indicator,period_start,period_end,value,unit,source_title\n" + "x" * 300).encode())
def test_any_bytes_are_imported_or_refused_with_a_sentence(folder, data):
    with _scratch() as db:
        _import(db, folder, data)


@SETTINGS
@given(st.text(max_size=300), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251"]))
@example(",".join(COLUMNS) + "\n\"unclosed", "utf-8")
@example(",".join(COLUMNS) + "\n" + ",".join(["x"] * 30), "utf-8")
@example(",".join(COLUMNS) + ",subject\n", "utf-8")
def test_any_text_in_any_encoding_is_imported_or_refused_with_a_sentence(folder, text, encoding):
    with _scratch() as db:
        _import(db, folder, text.encode(encoding, errors="replace"))


# -- the indicator CSV shape, written every way -------------------------------------------------------

LETTERS = "abcxyzABCXYZ абвгдӘәҒғҚқҢңӨөҰұҮүҺһІі-'"
names = st.one_of(
    st.sampled_from(["Abai region", "абайская область", "OMSK REGION", "Russian Federation", "China",
                     "Город Семей", "Akimat of Ulytau", "Region 7"]),
    st.text(LETTERS, min_size=1, max_size=16).filter(lambda t: t.strip()),
    st.sampled_from(HOSTILE))
texts = st.one_of(st.text(LETTERS + "<>&\";,\t\n\r=+@", max_size=20), st.sampled_from(HOSTILE))
indicators = st.one_of(st.sampled_from(sorted(KNOWN_INDICATORS)),
                       st.sampled_from(["Exports", "TRADE TURNOVER", "Imports ", "investment inflow"]), texts)
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
amounts = st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False)


@st.composite
def _period(draw):
    if draw(st.integers(0, 9)) == 0:  # sometimes not a period at all
        return draw(st.sampled_from(["2025-02-30", "0000-00-00", "2025-1-1", "", "31.12.2024", "2025"])), \
            draw(st.sampled_from(["2024-12-31", "", "x"]))
    start, end = sorted([draw(days), draw(days)]) if draw(st.booleans()) else (draw(days), draw(days))
    return start.isoformat(), end.isoformat()


@st.composite
def _value(draw, decimal: str):
    """(the cell as written, the number it means or None for a cell that is not one)."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(["abc", "NaN", "1e309", "-5", "", "1.2.3", "inf"])), None
    amount = draw(amounts)
    whole, _dot, fraction = f"{amount:f}".partition(".")
    fraction = fraction.rstrip("0")
    group = draw(st.sampled_from(["", " ", "\u00a0"] + ([","] if decimal == "." else ["."])))
    grouped = f"{int(whole):,}".replace(",", group) if group else whole
    return (grouped + (decimal + fraction if fraction else "")), amount


@st.composite
def indicator_files(draw):
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    decimal = draw(st.sampled_from([".", ","]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "utf-16"]))
    optional = [c for c in COLUMNS if c not in REQUIRED_COLUMNS] + ["reporter", "notes"]
    columns = list(REQUIRED_COLUMNS) + draw(st.lists(st.sampled_from(optional), unique=True))
    columns = draw(st.permutations(columns))
    rows, meant = [], []
    for _n in range(draw(st.integers(1, 5))):
        start, end = draw(_period())
        written, amount = draw(_value(decimal))
        row = {"subject": draw(names), "counterpart": draw(st.one_of(st.just(""), names)),
               "reporter": draw(st.one_of(st.just(""), names)), "indicator": draw(indicators),
               "period_start": start, "period_end": end, "value": written,
               "unit": draw(st.one_of(st.sampled_from(["USD million", "тыс. долл. США", "enterprises"]), texts)),
               "source_title": draw(st.one_of(st.sampled_from(["Customs bulletin", "Бюллетень"]), texts)),
               "source_url": draw(st.sampled_from(["", "https://stat.example/b", "javascript:alert(1)"])),
               "source_published": draw(st.sampled_from(["", "2025-02-01", "2025-02-30"])),
               "notes": draw(st.one_of(st.just(""), texts))}
        rows.append([row[c] for c in columns])
        meant.append({**{c: "" for c in row}, **{c: row[c] for c in columns}, "value": amount})
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))).writerows(
        [columns, *rows])
    text = out.getvalue()
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # emoji and Kazakh letters have no Windows-1251 form
        encoding, data = "utf-8", text.encode("utf-8")
    return data, meant


def _clean(text: str) -> str:
    """A cell as the import reads it: without outer spaces or a formula-guarding apostrophe."""
    text = text.strip()
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@", "\t", "\r") else text


_INDICATORS = {**{k.casefold(): k for k in KNOWN_INDICATORS},
               **{label.casefold(): k for k, label in KNOWN_INDICATORS.items()}}


def _period_meant(row: dict) -> tuple[str, str]:
    """The days a row's period cells mean: ISO days as written, other forms as read in words."""
    ends = []
    for name, end in (("period_start", False), ("period_end", True)):
        text = _clean(row[name])
        try:
            found = parse_period(text)
        except DateError:
            return ("?", "?")
        ends.append((found.end if end else found.start).isoformat())
    return ends[0], ends[1]


def _names(db, party_id) -> set[str]:
    if party_id is None:
        return {""}
    row = db.execute("SELECT name_en, name_ru, name_kk FROM parties WHERE id = ?", [party_id]).fetchone()
    return {n.casefold() for n in row if n}


def _stored(db, known: int) -> list[dict]:
    """The figures the import added (ids above ``known``), with their source."""
    rows = db.execute(
        "SELECT i.subject_id, i.counterpart_id, i.reporter_id, i.indicator, i.period_start, i.period_end, "
        "i.value, i.unit, i.notes, s.title, s.url, s.published FROM indicators i "
        "JOIN indicators_sources l ON l.indicator_id = i.id JOIN sources s ON s.id = l.source_id "
        "WHERE i.id > ? ORDER BY i.id", [known]).fetchall()
    keys = ("subject", "counterpart", "reporter", "indicator", "period_start", "period_end", "value", "unit",
            "notes", "source_title", "source_url", "source_published")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def _means(db, stored: dict, row: dict) -> bool:
    """Whether a stored figure is the one ``row`` of the file means."""
    for role in ("subject", "counterpart", "reporter"):
        if _clean(row[role]).casefold() not in _names(db, stored[role]):
            return False
    indicator = _clean(row["indicator"])
    name, named_unit = split_unit(indicator)
    # Names in three languages, units with their scale and written periods are read as they mean.
    indicators = {_INDICATORS.get(indicator.casefold(), indicator), known_indicator(indicator),
                  known_indicator(name), _INDICATORS.get(name.casefold(), name)}
    units = {_clean(row["unit"]), canonical_unit(_clean(row["unit"])), named_unit.name if named_unit else None}
    return (stored["indicator"] in indicators
            and (stored["period_start"], stored["period_end"]) == _period_meant(row)
            and row["value"] is not None and Decimal(str(stored["value"])) == row["value"].normalize()
            and stored["unit"] in units
            and (stored["notes"] or "") == _clean(row["notes"])
            and stored["source_title"].casefold() == _clean(row["source_title"]).casefold()
            and (stored["source_url"] or "") == row["source_url"]
            and (stored["source_published"] or "") == row["source_published"])


@SETTINGS
@given(indicator_files())
def test_a_file_in_the_indicator_shape_gives_exactly_its_figures_or_a_sentence(folder, drawn):
    data, meant = drawn
    with _scratch() as db:
        known = db.execute("SELECT coalesce(max(id), 0) FROM indicators").fetchone()[0]
        report = _import(db, folder, data)
        if report is None:
            return
        stored = _stored(db, known)
        assert report.total_added == len(stored)
        # Every figure added is one a row of the file means, and every row is stored (once).
        for figure in stored:
            assert any(_means(db, figure, row) for row in meant), (figure, meant)
        for row in meant:
            assert any(_means(db, figure, row) for figure in stored) or report.total_present, row

