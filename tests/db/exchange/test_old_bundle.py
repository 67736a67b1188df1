"""A bundle written by release 0.1.0 (format version 1, names as "local" and "other local")
imports into the names in English, Russian and Kazakh, and adds nothing to a database that
already holds the same records."""

import json
from pathlib import Path

from db.exchange.bundle import import_bundle, import_bundle_file

OLD_BUNDLE = Path(__file__).parent / "bundle-version-1.json"


def test_a_version_1_bundle_imports_its_local_names_into_the_right_forms(empty_db):
    report = import_bundle_file(empty_db, OLD_BUNDLE)
    assert report.count("party") == 7 and report.count("person") == 3
    parties = {r[0]: r[1:] for r in empty_db.execute("SELECT name_en, name_ru, name_kk, name_alt FROM parties")}
    assert parties["Kazakhstan"] == ("Казахстан", "Қазақстан", None)
    assert parties["Russian Federation"] == ("Российская Федерация", "Ресей Федерациясы", None)
    assert parties["Administration (akimat) of the Abai region"] == (
        "Акимат Абайской области", "Абай облысының әкімдігі", None)
    people = {r[0]: r[1:] for r in empty_db.execute("SELECT name_en, name_ru, name_kk FROM people")}
    assert people["Berik Uali"] == (None, "Берік Уәли")
    subjects = {r[0]: r[1] for r in empty_db.execute("SELECT name_en, name_ru FROM subjects")}
    assert subjects["Economy"] == "Экономика"


def test_a_version_1_bundle_adds_nothing_to_the_same_records_in_the_new_form(seeded_db):
    report = import_bundle(seeded_db, json.loads(OLD_BUNDLE.read_text(encoding="utf-8")))
    assert report.total_added == 0
