"""The Trade tab's cards: the latest figure of each indicator that is not a trade flow."""

import datetime as dt

from db import store
from db.model.records import Indicator, Link, Source
from db.read import queries
from db.read.other_figures import latest_other_figures
from db.read.scales import Published


def _ids(db):
    return queries.find_parties(db, "Abai region")[0].id, queries.find_parties(db, "Russian Federation")[0].id


def _save(db, a, b, source, name, start, end, value, unit="USD million"):
    return store.save(db, Indicator(subject_id=a, counterpart_id=b, indicator=name, period_start=start,
                                    period_end=end, value=value, unit=unit, sources=[Link(source)]))


def test_seed_other_figures_are_the_latest_investment_and_enterprise_count(seeded_db):
    abai, russia = _ids(seeded_db)
    figures = latest_other_figures(seeded_db, abai, russia)
    assert [(f.label, f.unit, f.period.label(), [v.value for v in f.values]) for f in figures] == [
        ("Investment inflow", "USD million", "2024", [507.0]),
        ("Enterprises", "enterprises", "as of 2 Jul 2025", [178.0])]
    assert figures[0].values[0].sources.startswith("Abai region and Omsk region sign protocol")
    assert not figures[0].disputed


def test_latest_other_figure_shows_every_disagreeing_value_of_the_longest_latest_period(seeded_db):
    abai, russia = _ids(seeded_db)
    other = store.save(seeded_db, Source(title="Bureau"))
    _save(seeded_db, abai, russia, other, "investment_inflow", dt.date(2024, 1, 1), dt.date(2024, 12, 31), 520.0)
    _save(seeded_db, abai, russia, other, "investment_inflow", dt.date(2024, 10, 1), dt.date(2024, 12, 31), 90.0)
    _save(seeded_db, abai, russia, other, "investment_inflow", dt.date(2023, 1, 1), dt.date(2023, 12, 31), 400.0)
    _save(seeded_db, abai, russia, other, "tourist_arrivals", dt.date(2024, 1, 1), dt.date(2024, 12, 31), 12000.0,
          unit="people")
    investment = latest_other_figures(seeded_db, abai, russia)[0]
    assert investment.period.label() == "2024" and investment.disputed
    assert [(v.value, v.sources) for v in investment.values][1] == (520.0, "Bureau")
    assert latest_other_figures(seeded_db, abai, russia)[-1].label == "tourist arrivals"


def test_one_amount_published_in_two_scales_is_one_value_in_the_unit_most_figures_use(scales_db):
    abai, russia = _ids(scales_db)
    investment, enterprises = latest_other_figures(scales_db, abai, russia)
    # The akimat's table gives 2023 and 2024 in USD thousand; the seed's article 2024 in USD million.
    assert (investment.unit, investment.period.label(), investment.disputed) == ("USD thousand", "2024", False)
    (value,) = investment.values
    assert (value.value, value.published) == (507000.0, Published(507.0, "USD million"))
    assert value.sources.startswith("Abai region and Omsk region sign protocol")
    assert "Bureau of National Statistics" in value.sources
    assert enterprises.unit == "enterprises" and enterprises.values[0].published is None


def test_latest_figures_in_two_currencies_are_two_cards(seeded_db):
    abai, russia = _ids(seeded_db)
    other = store.save(seeded_db, Source(title="Bureau"))
    _save(seeded_db, abai, russia, other, "investment_inflow", dt.date(2025, 1, 1), dt.date(2025, 12, 31), 250.0,
          unit="KZT billion")
    cards = [(f.label, f.unit, f.period.label()) for f in latest_other_figures(seeded_db, abai, russia)]
    assert cards[:2] == [("Investment inflow", "KZT billion", "2025"), ("Investment inflow", "USD million", "2024")]
