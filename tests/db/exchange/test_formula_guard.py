"""Text cells guarded against spreadsheet formulas come back exactly as they were."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from db.exchange.formula_guard import guard, unguard


def test_text_a_spreadsheet_would_run_is_guarded_also_after_spaces_and_line_breaks():
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", " =1+1", "\n=cmd|' /C calc'!A0", "\t=x", "\r=x", "\u00a0=x"):
        assert guard(text) == "'" + text, text
    for text in ("plain", " plain", "1+1", "a=b"):
        assert guard(text) == text, text


def test_a_value_that_starts_with_an_apostrophe_keeps_it():
    assert guard("'=x") == "''=x" and unguard("''=x") == "'=x"
    assert guard("'quoted'") == "''quoted'" and unguard("''quoted'") == "'quoted'"
    assert unguard("'hello") == "'hello"  # an apostrophe the export did not add stays


@given(st.text())
def test_unguard_undoes_guard_for_any_text(text):
    assert unguard(guard(text)) == text
