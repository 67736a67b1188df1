"""Figures of one measure published in different scales, read into one unit per series.

A statistics office writes its tables in "USD thousand" and a news item the same trade in
"USD million": the figures are stored as published (``db.model.units``) and are one series
all the same. Whatever reads them to compare or draw them — the Trade chart, key figures,
mirror statistics, the data-quality checks — chooses one *display unit* per series
(``display_units``: the unit most of its figures use, on a tie the larger scale), rewrites
each value in it on read, and keeps the value as published beside it (``Published``) so that
wherever a converted value is shown it says so: "published as USD 128,600 thousand".
Figures measuring different things (dollars and tenge, dollars and tonnes) are never
converted and stay in series of their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from typing import NamedTuple, TypeVar

from db.model.formatting import format_quantity
from db.model.i18n import _
from db.model.units import display_unit, measure_of, rescale

K = TypeVar("K", bound=Hashable)


class Published(NamedTuple):
    """A figure's value and unit as its source published them, kept beside a converted value."""

    value: float
    unit: str

    @property
    def note(self) -> str:
        """"published as USD 128,600 thousand"."""
        return _("published as {quantity}").format(quantity=format_quantity(self.value, self.unit))

    def converted(self, unit: str) -> tuple[float, Published | None]:
        """The value written in ``unit`` (a scale of the same measure), and this record of it
        when that is a conversion."""
        if unit == self.unit:
            return self.value, None
        return rescale(self.value, self.unit, unit), self


def shown_quantity(value: float, unit: str, published: Published | None) -> str:
    """A value with its unit, and how it was published when it is a conversion:
    "USD 66,500 thousand (published as USD 66.5 million)"."""
    quantity = format_quantity(value, unit)
    if published is None:
        return quantity
    return _("{quantity} ({published})").format(quantity=quantity, published=published.note)


def display_units(figures: Iterable[tuple[K, str, int]]) -> dict[tuple[K, str], str]:
    """For figures given as (series, unit, how many), the unit each series shows each measure in.

    ``series`` is whatever makes figures one series apart from their unit (who trades with
    whom, who reports it, which indicator); the result is keyed by (series, measure)."""
    counts: dict[tuple[K, str], Counter[str]] = {}
    for series, unit, number in figures:
        counts.setdefault((series, measure_of(unit)), Counter())[unit] += number
    return {key: display_unit(found) for key, found in counts.items()}
