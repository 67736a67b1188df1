"""A record's one-line label (db.read.queries.record_label) in the language in use."""

from db.model.i18n import using_language
from db.read import queries


def _turnover_id(db) -> int:
    return db.execute("SELECT id FROM indicators WHERE indicator = 'turnover' ORDER BY id LIMIT 1").fetchone()[0]


def test_an_indicators_label_names_it_in_the_language_in_use_not_the_one_at_import(seeded_db):
    turnover = _turnover_id(seeded_db)
    with using_language("en"):
        english = queries.record_label(seeded_db, "indicator", turnover)
    with using_language("ru"):
        russian = queries.record_label(seeded_db, "indicator", turnover)
    with using_language("kk"):
        kazakh = queries.record_label(seeded_db, "indicator", turnover)
    assert english.startswith("Trade turnover: ")
    assert russian.startswith("Товарооборот: ")
    assert kazakh.split(":")[0] not in ("Trade turnover", "Товарооборот")
