"""Looking up a pair's figures by id and counting them per side, as the fact sheet does."""

import datetime as dt

from db.model.records import TRADE_INDICATORS
from db.read import pair_facts, queries


def _scope(db):
    (abai,), (omsk,) = queries.find_parties(db, "Abai region"), queries.find_parties(db, "Omsk region")
    return queries.pair_scope(db, abai.id, omsk.id)


def test_pair_figure_ids_keeps_only_the_pairs_figures(seeded_db):
    scope = _scope(seeded_db)
    everything = {f.id for f in pair_facts.pair_figures(seeded_db, scope)}
    assert pair_facts.pair_figure_ids(seeded_db, scope, everything | {999_999}) == everything
    (kz,), (ru,) = queries.find_parties(seeded_db, "Kazakhstan"), queries.find_parties(seeded_db, "Russian Federation")
    assert pair_facts.pair_figure_ids(seeded_db, queries.pair_scope(seeded_db, kz.id, ru.id), everything) == everything
    assert pair_facts.pair_figure_ids(seeded_db, scope, []) == set()


def test_pair_figure_counts_counts_trade_per_subject_and_counterpart_as_of_a_day(seeded_db):
    scope = _scope(seeded_db)
    (abai,), (ru,) = queries.find_parties(seeded_db, "Abai region"), queries.find_parties(seeded_db, "Russian Federation")
    counts = pair_facts.pair_figure_counts(seeded_db, scope, indicators=TRADE_INDICATORS, as_of=dt.date(2025, 7, 2))
    assert counts == {(abai.id, ru.id): 3}
    assert pair_facts.pair_figure_counts(seeded_db, scope, indicators=TRADE_INDICATORS, as_of=dt.date(2025, 5, 30)) == {}
