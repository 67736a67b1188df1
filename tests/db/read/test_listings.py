"""Lists page, sort and filter in SQL: only the rows asked for ever reach Python."""

import pytest

from db import store
from db.model.records import Party
from db.read import listings, record_lists


@pytest.fixture
def many_figures(empty_db):
    """3,000 figures for two parties, written straight in SQL like an import would."""
    abai = store.save(empty_db, Party(kind="region", name_en="Abai region", name_kk="Абай облысы"))
    omsk = store.save(empty_db, Party(kind="region", name_en="Omsk region", name_ru="Омская область"))
    rows = [(abai if n % 3 else omsk, omsk, "exports", f"{2000 + n % 25}-01-01", f"{2000 + n % 25}-12-31",
             float(n), "USD million") for n in range(3000)]
    with empty_db.atomic():
        empty_db.conn.executemany(
            "INSERT INTO indicators (subject_id, counterpart_id, indicator, period_start, period_end, value, unit) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    return empty_db


def test_a_page_holds_only_the_rows_asked_for(many_figures):
    page = listings.page(many_figures, record_lists.INDICATORS, offset=100, limit=50)
    assert len(page) == 50
    assert listings.count(many_figures, record_lists.INDICATORS) == 3000


def test_sorting_by_value_runs_in_sql(many_figures):
    top = listings.page(many_figures, record_lists.INDICATORS, sort="value", descending=True, limit=3)
    assert [row[5] for row in top] == [2999.0, 2998.0, 2997.0]
    last = listings.page(many_figures, record_lists.INDICATORS, sort="value", offset=2998, limit=5)
    assert [row[5] for row in last] == [2998.0, 2999.0]


def test_filtering_by_a_party_name_in_cyrillic_ignores_case(many_figures):
    assert listings.count(many_figures, record_lists.INDICATORS, filter_text="АБАЙ") == 2000
    rows = listings.page(many_figures, record_lists.INDICATORS, filter_text="омская", limit=5000)
    assert len(rows) == 3000  # the Omsk region is the counterpart of every figure


def test_filter_words_must_all_match_and_wildcards_are_literal(many_figures):
    assert listings.count(many_figures, record_lists.INDICATORS, filter_text="abai exports") == 2000
    assert listings.count(many_figures, record_lists.INDICATORS, filter_text="%") == 0


def test_position_of_a_record_follows_sort_and_filter(many_figures):
    record_id = many_figures.execute("SELECT id FROM indicators WHERE value = 2999").fetchone()[0]
    assert listings.position_of(many_figures, record_lists.INDICATORS, record_id, sort="value", descending=True) == 0


def test_every_tab_listing_runs_on_the_seed(seeded_db):
    for listing in record_lists.LISTINGS.values():
        rows = listings.page(seeded_db, listing)
        assert rows, listing.name
        assert all(len(row) == len(listing.columns) + 1 for row in rows)


def test_the_unit_column_names_the_unit_in_the_language_in_use_and_filters_by_that_name(many_figures):
    from db.model.i18n import using_language

    unit = [c.key for c in record_lists.INDICATORS.columns].index("unit") + 1
    with using_language("ru"):
        assert listings.page(many_figures, record_lists.INDICATORS, limit=1)[0][unit] == "млн долл. США"
        assert listings.count(many_figures, record_lists.INDICATORS, filter_text="долл") == 3000
    with using_language("en"):
        assert listings.page(many_figures, record_lists.INDICATORS, limit=1)[0][unit] == "USD million"
