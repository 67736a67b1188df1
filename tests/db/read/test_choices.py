"""What a record picker lists as a person types: any script, any case, the best match first."""

from db.read import queries


def test_the_name_typed_comes_first_then_names_starting_with_it(seeded_db):
    labels = [label for _id, label in queries.choices(seeded_db, "party", "омск")]
    assert labels == ["Omsk / Омск", "Omsk region / Омская область",
                      "Government of the Omsk region / Правительство Омской области"]


def test_every_word_must_match_some_name(seeded_db):
    labels = [label for _id, label in queries.choices(seeded_db, "party", "OMSK reg")]
    assert labels == ["Omsk region / Омская область", "Government of the Omsk region / Правительство Омской области"]
    assert queries.choices(seeded_db, "person", "Уәли")[0][1] == "Berik Uali / Берик Уали"


def test_with_nothing_typed_records_are_listed_by_name(seeded_db):
    labels = [label for _id, label in queries.choices(seeded_db, "subject")]
    assert labels == sorted(labels, key=str.casefold)
