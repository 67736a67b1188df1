"""Relative changes as people read them: a sign, one decimal, a real minus."""

import pytest

from db.model.formatting import format_change


@pytest.mark.parametrize(("ratio", "text"), [
    (0.2, "+20.0%"), (-0.04, "−4.0%"), (0.0, "0.0%"), (-0.0004, "0.0%"), (12.345, "+1,234.5%"),
])
def test_change_has_a_sign_and_one_decimal(ratio, text):
    assert format_change(ratio) == text
