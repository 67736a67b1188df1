"""The fast forms of the rules a million-row import uses agree with the rules themselves.

``FigureRules.ok`` must say yes exactly when ``problems`` finds nothing wrong with an
``Indicator``, and ``parse_number``'s shortcut for plainly written numbers must read them
exactly as its general path does (or refuse what it refuses).
"""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from db.model import validate
from db.model.dates import FuzzyDate, Precision
from db.model.records import Indicator, Link
from db.model.validate import FigureRules, NumberError, parse_number
from tests.db.sample_records import HOSTILE

MANY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
fuzzy = st.builds(FuzzyDate, days, st.sampled_from(list(Precision)))
texts = st.one_of(st.sampled_from(["exports", "USD million", "trade_balance", "", "  ", "x\x00y", "\ud800",
                                   "Balance of trade", "tonnes"]),
                  st.sampled_from(HOSTILE), st.text(max_size=12))
values = st.one_of(st.none(), st.booleans(), st.integers(-10, 10**6),
                   st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(["", " ", "5"]))
links = st.lists(st.builds(Link, st.integers(1, 5), st.one_of(st.none(), texts)), max_size=2)


def _answers(rules: FigureRules, figure: Indicator) -> tuple[bool, bool]:
    fast = rules.ok(figure.subject_id, figure.indicator, figure.period_start, figure.period_end,
                    figure.value, figure.unit, figure.notes, figure.sources)
    return fast, validate.problems(None, figure) == []


@MANY
@given(subject=st.one_of(st.none(), st.integers(1, 9), st.sampled_from(["", " ", "3"])),
       indicator=texts, unit=texts, notes=st.one_of(st.none(), texts),
       start=st.one_of(st.none(), days, fuzzy), end=st.one_of(st.none(), days, fuzzy),
       value=values, sources=links)
@example(subject=1, indicator="trade_balance", unit="USD million", notes=None, start=dt.date(2024, 1, 1),
         end=dt.date(2024, 12, 31), value=-5.0, sources=[Link(1)])
@example(subject=1, indicator="Balance of trade", unit="USD million", notes=None, start=dt.date(2024, 1, 1),
         end=dt.date(2024, 12, 31), value=-5, sources=[Link(1, "")])
@example(subject=1, indicator="exports", unit="USD million", notes=None, start=dt.date(2024, 1, 1),
         end=dt.date(2023, 12, 31), value=5.0, sources=[Link(1)])
def test_the_fast_figure_rules_accept_exactly_what_the_rules_accept(subject, indicator, unit, notes, start, end,
                                                                    value, sources):
    figure = Indicator(subject_id=subject, counterpart_id=2, indicator=indicator, period_start=start,
                       period_end=end, value=value, unit=unit, notes=notes, sources=sources)
    rules = FigureRules()
    fast, full = _answers(rules, figure)
    assert fast == full
    assert _answers(rules, figure) == (fast, full)  # and again, from what it remembers of the texts


def test_a_good_figure_passes_and_each_broken_rule_fails_it():
    good = dict(subject_id=1, indicator="exports", period_start=dt.date(2024, 1, 1),
                period_end=dt.date(2024, 12, 31), value=67.8, unit="USD million", notes=None, sources=[Link(1)])
    rules = FigureRules()
    assert rules.ok(**good)
    for change in ({"subject_id": None}, {"indicator": " "}, {"unit": ""}, {"value": math.nan},
                   {"value": -1.0}, {"period_end": dt.date(2023, 1, 1)}, {"sources": []},
                   {"notes": "a\x00b"}, {"sources": [Link(1, "\ud800")]}, {"value": True}):
        assert not rules.ok(**{**good, **change}), change
    assert rules.ok(**{**good, "indicator": "trade_balance", "value": -1.0})
    assert rules.ok(**{**good, "indicator": "Trade Balance", "value": -1.0})


written = st.from_regex(r"[ +\-]?[0-9\u0661]{0,17}([.,][0-9]{0,17})?[eE]?[0-9 ]{0,2}", fullmatch=True)


@MANY
@given(written, st.sampled_from([None, ".", ","]))
@example("128.6", None)
@example("-0", ".")
@example("1,234", None)
@example("1.234", ",")
@example("12,5", ",")
@example("999999999999999.999999999999999", ".")
def test_plain_numbers_read_the_same_by_the_shortcut_and_the_general_path(text, decimal):
    def read(parse):
        try:
            return parse()
        except NumberError as error:
            return str(error)

    assert read(lambda: parse_number(text, decimal=decimal)) == read(lambda: validate._parse_number(text, decimal))
