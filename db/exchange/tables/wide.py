"""Wide tables: periods across, partners or indicators down, one figure per cell.

Statistics releases put years, quarters or months across the header ("2022 | 2023 | 2024",
"I кв. 2025", "январь–май 2025") and partners or indicators down the first column. Each
non-empty cell under a period header is one figure for that period; a cell marked as having
no figure ("-", "…", "x") is skipped. A first column whose header names no field holds
indicators when most of its names are known indicators, else partner countries.
"""

from __future__ import annotations

from db.exchange.tables.values import NO_DATA
from db.model.indicator_names import known_indicator, split_unit
from db.model.period_words import PeriodWords


def label_field(sample: list[list[str]], column: int) -> str:
    """"indicator" or "counterpart": what the names down ``column`` are."""
    names = [row[column].strip() for row in sample if column < len(row) and row[column].strip()]
    known = sum(1 for name in names if known_indicator(split_unit(name)[0]) is not None)
    return "indicator" if names and known * 2 >= len(names) else "counterpart"


def figure_cells(cells: list[str], periods: dict[int, PeriodWords]) -> list[tuple[int, str, str, str]]:
    """(column, period start, period end, value text) of each figure in a row of a wide table."""
    found = []
    for column, period in periods.items():
        text = cells[column].strip() if column < len(cells) else ""
        if text not in NO_DATA:
            start, end = period.iso
            found.append((column, start, end, text))
    return found
