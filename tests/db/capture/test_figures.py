"""Figures whose unit running text inflects: "360 мың тоннасын"."""

import datetime as dt

from db.capture.extract import capture


def test_a_kazakh_tonnage_with_its_case_ending_is_read(empty_db):
    text = "Өткен жылы Солтүстік Қазақстан облысы Мәскеуге бидайдың 250 мың тоннасын шығарды."
    result = capture(empty_db, text, published=dt.date(2024, 3, 1))
    [figure] = [p for p in result.proposals if p.kind == "indicator"]
    assert (figure.record["indicator"], figure.record["value"], figure.record["unit"]) == (
        "exports", 250, "thousand tonnes")
