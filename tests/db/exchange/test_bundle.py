"""JSON bundles: export → import gives the same content; importing twice adds nothing."""

import io
import json

import pytest

from db import store
from db.errors import Cancelled, DatabaseReadOnly, FactSheetError
from db.exchange import bundle, bundle_write
from db.exchange.imports import ImportRejected, import_file
from db.file.connection import open_database
from db.model.dates import FuzzyDate, Precision
from db.model.records import Indicator, Link, Party, Person, Position, Source, Statement
from db.read import queries
from tests.db.content import content


def _enrich(db):
    """Records the seed does not have: several sources per figure, notes, odd text, no counterpart."""
    first = db.execute("SELECT id FROM sources").fetchone()[0]
    second = store.save(db, Source(title="Bureau of National Statistics", url="https://stat.gov.kz/x",
                                   published=None, notes='Quotes "and" <tags> & ünïcödé'))
    region = store.save(db, Party(kind="region", name_en="East Kazakhstan region", name_ru="ВКО"))
    store.save(db, Indicator(subject_id=region, indicator="tourist_arrivals", period_start=_d("2024-01-01"),
                             period_end=_d("2024-03-31"), value=1234.5, unit="people",
                             notes="first quarter", sources=[Link(second, "table 4"), Link(first)]))
    person = store.save(db, Person(name_en="Nobody Known"))
    store.save(db, Position(person_id=person, title="Adviser", start_date=FuzzyDate(_d("2025-01-01"),
                            Precision.QUARTER), sources=[Link(second)]))
    store.save(db, Statement(person_id=None, text="Unattributed\nmulti-line quote", sources=[Link(first)]))


def _d(text):
    import datetime as dt

    return dt.date.fromisoformat(text)


def _round_trip(db, tmp_path):
    out = io.StringIO()
    bundle_write.write_bundle(db, out)
    target = open_database(tmp_path / "copy.factsheet")
    report = bundle.import_bundle(target, json.loads(out.getvalue()))
    return target, report, out.getvalue()


def test_export_then_import_into_an_empty_database_gives_the_same_content(seeded_db, tmp_path):
    _enrich(seeded_db)
    copy, report, _text = _round_trip(seeded_db, tmp_path)
    assert content(copy) == content(seeded_db)
    assert report.total_present == 0
    assert report.total_added == sum(queries.counts(seeded_db).values())


def test_the_streamed_export_equals_the_bundle_in_memory(seeded_db):
    out = io.StringIO()
    written = bundle_write.write_bundle(seeded_db, out)
    assert json.loads(out.getvalue()) == bundle_write.export_bundle(seeded_db)
    assert written == sum(queries.counts(seeded_db).values())


def test_importing_the_same_bundle_twice_adds_nothing(seeded_db, tmp_path):
    path = tmp_path / "all.json"
    path.write_text(json.dumps(bundle_write.export_bundle(seeded_db)), encoding="utf-8")
    before = content(seeded_db)
    report = import_file(seeded_db, path)
    assert report.total_added == 0
    assert report.summary() == f"0 new, {sum(queries.counts(seeded_db).values())} already present"
    assert content(seeded_db) == before


def test_a_partly_known_bundle_links_new_records_to_the_ones_present(seeded_db):
    data = bundle_write.export_bundle(seeded_db)
    omsk = next(p for p in data["records"]["parties"] if p["name_en"] == "Omsk region")
    source = data["records"]["sources"][0]
    data["records"]["parties"].append({"ref": "tara", "kind": "city", "name_en": "Tara", "parent_id": omsk["ref"]})
    data["records"]["indicators"].append({
        "ref": "new", "subject_id": "tara", "indicator": "exports", "period_start": "2024-01-01",
        "period_end": "2024-12-31", "value": 3.5, "unit": "USD million", "sources": [{"ref": source["ref"]}]})
    report = bundle.import_bundle(seeded_db, data)
    assert report.added == {"party": 1, "indicator": 1}
    (tara,) = queries.find_parties(seeded_db, "tara")
    assert tara.parent_id == queries.find_parties(seeded_db, "Omsk region")[0].id


def test_every_problem_is_listed_and_nothing_is_written(seeded_db):
    data = bundle_write.export_bundle(seeded_db)
    data["records"]["parties"].append({"ref": "bad", "kind": "planet", "name_en": ""})
    data["records"]["indicators"].append({"ref": "i", "subject_id": "missing", "indicator": "exports",
                                          "period_start": "2024-13-01", "period_end": "2024-12-31",
                                          "value": "lots", "unit": "USD", "sources": []})
    before = content(seeded_db)
    with pytest.raises(ImportRejected) as caught:
        bundle.import_bundle(seeded_db, data, name="mine.json")
    problems = "\n".join(caught.value.problems)
    assert "parties “bad”: English name is required." in problems
    assert "parties “bad”: Kind must be one of" in problems
    assert "indicators “i”: subject_id refers to unknown party “missing”." in problems
    assert "'2024-13-01' is not a real calendar date." in problems
    assert "'lots' is not a number." in problems
    assert str(caught.value).startswith("“mine.json” was not imported: ")
    assert content(seeded_db) == before


def test_a_dry_run_reports_and_rolls_back(seeded_db, tmp_path):
    target = open_database(tmp_path / "empty.factsheet")
    report = bundle.import_bundle(target, bundle_write.export_bundle(seeded_db), dry_run=True)
    assert report.added["indicator"] == 5
    assert all(n == 0 for n in queries.counts(target).values())


def test_stopping_rolls_back(seeded_db, tmp_path):
    target = open_database(tmp_path / "empty.factsheet")

    class StopAfterTen:
        calls = 0

        def report(self, done, total):
            pass

        def check_cancelled(self):
            self.calls += 1
            if self.calls > 10:
                raise Cancelled("stopped")

    with pytest.raises(Cancelled):
        bundle.import_bundle(target, bundle_write.export_bundle(seeded_db), steps=StopAfterTen())
    assert all(n == 0 for n in queries.counts(target).values())


@pytest.mark.parametrize("text, sentence", [
    ("{", "is not a Fact Sheet bundle: line 1, column 2:"),
    ('{"format": "something-else"}', "is not a Fact Sheet bundle."),
    ('{"format": "factsheet-bundle", "version": 99, "records": {}}', "was written by a newer version"),
    ("[1, 2]", "is not a Fact Sheet bundle."),
])
def test_files_that_are_not_bundles_are_refused_with_a_sentence(empty_db, tmp_path, text, sentence):
    path = tmp_path / "x.json"
    path.write_text(text)
    with pytest.raises(FactSheetError, match=sentence.replace("(", r"\(")):
        import_file(empty_db, path)


def test_a_read_only_database_is_not_written(seeded_path, tmp_path):
    db = open_database(seeded_path, read_only=True)
    with pytest.raises(DatabaseReadOnly):
        bundle.import_bundle(db, {"format": "factsheet-bundle", "version": 1, "records": {}})
    db.close()


def _bundle_file(tmp_path, records, name="hand.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"format": "factsheet-bundle", "version": 1, "records": records}), encoding="utf-8")
    return path


SOURCE = {"ref": "s", "title": "Customs bulletin"}


def _figure(subject: str) -> dict:
    return {"ref": "f", "subject_id": subject, "indicator": "exports", "period_start": "2024-01-01",
            "period_end": "2024-12-31", "value": 5, "unit": "USD million", "sources": [{"ref": "s"}]}


def test_a_ref_given_to_two_records_is_refused_naming_it_and_nothing_is_linked(empty_db, tmp_path):
    path = _bundle_file(tmp_path, {
        "sources": [SOURCE],
        "parties": [{"ref": "kz", "kind": "country", "name_en": "Kazakhstan"},
                    {"ref": "kz", "kind": "country", "name_en": "Kyrgyzstan"}],
        "indicators": [_figure("kz")]})
    with pytest.raises(ImportRejected) as caught:
        import_file(empty_db, path)
    assert caught.value.problems == ["parties: the ref “kz” is given to 2 records; each record needs a ref of its "
                                     "own, or links to it would reach the wrong one."]
    assert all(n == 0 for n in queries.counts(empty_db).values())


def test_a_party_that_belongs_to_itself_is_refused_as_such(empty_db, tmp_path):
    path = _bundle_file(tmp_path, {"parties": [{"ref": "x", "kind": "region", "name_en": "Loop", "parent_id": "x"}]})
    with pytest.raises(ImportRejected) as caught:
        import_file(empty_db, path)
    assert caught.value.problems == ["parties “x”: parent_id names the party itself; a party cannot belong to itself."]


def test_parties_in_a_circle_are_refused_as_a_circle_and_records_naming_them_are_not_unknown(empty_db, tmp_path):
    path = _bundle_file(tmp_path, {
        "sources": [SOURCE],
        "parties": [{"ref": "a", "kind": "region", "name_en": "A", "parent_id": "b"},
                    {"ref": "b", "kind": "region", "name_en": "B", "parent_id": "a"}],
        "indicators": [_figure("a")]})
    with pytest.raises(ImportRejected) as caught:
        import_file(empty_db, path)
    assert caught.value.problems == ["parties “a” → “b” → “a”: each belongs to the next, in a circle; a party "
                                     "cannot belong to itself through others."]


def test_a_party_listed_before_the_party_it_belongs_to_loads(empty_db, tmp_path):
    path = _bundle_file(tmp_path, {"parties": [
        {"ref": "omsk", "kind": "region", "name_en": "Omsk region", "parent_id": "ru"},
        {"ref": "ru", "kind": "country", "name_en": "Russian Federation"}]})
    import_file(empty_db, path)
    omsk = queries.find_parties(empty_db, "Omsk region")[0]
    assert omsk.parent_id == queries.find_parties(empty_db, "Russian Federation")[0].id
