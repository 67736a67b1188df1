"""Paging large lists: every order read page by page (forwards or from the end) is the same
order, sorted by what the column shows, and ``position_of`` agrees with it."""

import random

import pytest

from db import store
from db.model.records import Party
from db.read import listings, record_lists

SORTS = [None] + [c.key for c in record_lists.INDICATORS.columns]


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    """1,200 figures over a few parties (some without a counterpart), with ties everywhere."""
    from db.file.connection import open_database

    db = open_database(tmp_path_factory.mktemp("paging") / "paging.factsheet")
    names = ["Omsk region", "Abai region", "China", "abai city", "Zhetysu region", "Region 05"]
    parties = [store.save(db, Party(kind="region", name_en=n, name_ru=f"Регион {i}"))
               for i, n in enumerate(names)]
    rng = random.Random(3)
    rows = []
    for _ in range(1200):
        year = rng.choice([2023, 2024, 2025])
        rows.append((rng.choice(parties), rng.choice(parties + [None, None]), rng.choice(["exports", "imports", "x"]),
                     f"{year}-01-01", rng.choice([f"{year}-05-31", f"{year}-12-31"]),
                     float(rng.randint(0, 40)), rng.choice(["USD million", "tonnes"])))
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO indicators (subject_id, counterpart_id, indicator, period_start, period_end, value, unit) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    yield db
    db.close()


def _all(db, **options):
    return [row[0] for row in listings.rows(db, record_lists.INDICATORS, **options)]


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("filter_text", ["", "region", "омск 2024", "nothing-matches"])
def test_pages_read_forwards_or_backwards_give_one_order(figures, sort, descending, filter_text):
    options = {"sort": sort, "descending": descending, "filter_text": filter_text}
    expected = _all(figures, **options)
    total = listings.count(figures, record_lists.INDICATORS, filter_text=filter_text)
    assert total == len(expected)
    forwards, backwards = [], []
    for offset in range(0, total, 170):
        forwards += [r[0] for r in listings.page(figures, record_lists.INDICATORS, offset=offset, limit=170, **options)]
        backwards += [r[0] for r in listings.page(figures, record_lists.INDICATORS, offset=offset, limit=170,
                                                      total=total, **options)]
    assert forwards == expected
    assert backwards == expected


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("descending", [False, True])
def test_position_of_agrees_with_the_order(figures, sort, descending):
    order = _all(figures, sort=sort, descending=descending, filter_text="region")
    for position in list(range(0, len(order), 37)) + [len(order) - 1]:
        assert listings.position_of(figures, record_lists.INDICATORS, order[position], sort=sort,
                                    descending=descending, filter_text="region") == position
    outside = figures.execute("SELECT max(id) + 1 FROM indicators").fetchone()[0]
    assert listings.position_of(figures, record_lists.INDICATORS, outside, sort=sort) is None


@pytest.mark.parametrize("key", ["subject", "counterpart", "value", "unit", "period"])
def test_sorting_follows_what_the_column_shows(figures, key):
    column = [c.key for c in record_lists.INDICATORS.columns].index(key) + 1
    shown = [row[column] for row in listings.rows(figures, record_lists.INDICATORS, sort=key)]
    keys = [(value is not None, value) for value in shown]
    if key == "period":  # sorted by the first day, shown as a label
        return
    assert keys == sorted(keys, key=lambda k: (k[0], k[1] if k[1] is not None else ""))


def test_a_filter_word_naming_no_party_indicator_or_unit_matches_nothing_at_once(figures):
    assert listings.count(figures, record_lists.INDICATORS, filter_text="qqq") == 0
    assert listings.page(figures, record_lists.INDICATORS, filter_text="qqq") == []


def test_a_visible_indicator_label_filters_too(figures):
    from db.read.record_lists import INDICATORS

    exports = listings.count(figures, INDICATORS, filter_text="Exports")
    assert exports == figures.execute("SELECT count(*) FROM indicators WHERE indicator = 'exports'").fetchone()[0]
