"""Capture on the seed article's own text proposes every fact the seed holds, each with its passage."""

import pytest

from db.capture import names
from db.capture.apply import apply, complete
from db.capture.extract import capture
from db.seed import seed_bundle


@pytest.fixture(scope="module")
def seed():
    return seed_bundle()["records"]


def _article(seed) -> str:
    return seed["sources"][0]["text"]


def _records(result, kind):
    return [p.record for p in result.proposals if p.kind == kind]


def _name(result, ref):
    found = result.by_ref(ref)
    return found.record["name_en"] if found else None


def _same_words(a, b):
    x, y = names.key(a.replace("–", " ")), names.key(b.replace("–", " "))
    return x == y


def test_every_seed_fact_is_proposed_from_the_article_alone(empty_db, seed):
    text = _article(seed)
    result = capture(empty_db, text)
    assert result.source["published"] == "2025-07-02"
    assert result.source["publisher"] == "Trend"
    for proposal in result.proposals:
        assert text[proposal.start:proposal.end] == proposal.evidence
    people = {r["name_en"] for r in _records(result, "person")}
    assert people == {p["name_en"] for p in seed["people"]}
    parties = {(r["kind"], r["name_en"]) for r in _records(result, "party")}
    for party in seed["parties"]:
        assert any(kind == party["kind"] and names.same_place(name, party["name_en"]) for kind, name in parties), party
    titles = {(_name(result, r["person_id"]), r["title"]) for r in _records(result, "position")}
    people_refs = {p["ref"]: p["name_en"] for p in seed["people"]}
    assert titles == {(people_refs[p["person_id"]], p["title"]) for p in seed["positions"]}
    agreements = _records(result, "agreement")
    for expected in seed["agreements"]:
        found = [r for r in agreements if _same_words(r["title"], expected["title"])]
        assert found, expected["title"]
        assert (found[0]["kind"], found[0]["signed_date"], found[0]["valid_from"], found[0]["valid_until"]) == (
            expected["kind"], expected["signed_date"], expected["valid_from"], expected["valid_until"])
    events = {(r["kind"], r["start_date"], r["status"], r["place"]) for r in _records(result, "event")}
    assert events == {(e["kind"], e["start_date"], e["status"], e["place"]) for e in seed["events"]}
    figures = {(r["indicator"], r["value"], r["unit"], r["period_start"], r["period_end"],
                _name(result, r["subject_id"]), _name(result, r["counterpart_id"]))
               for r in _records(result, "indicator")}
    parties_by_ref = {p["ref"]: p["name_en"] for p in seed["parties"]}
    assert figures == {(i["indicator"], i["value"], i["unit"], i["period_start"], i["period_end"],
                        parties_by_ref[i["subject_id"]], parties_by_ref[i["counterpart_id"]])
                       for i in seed["indicators"]}
    statements = {(_name(result, r["person_id"]), r["text"]) for r in _records(result, "statement")}
    assert statements == {(people_refs[s["person_id"]], s["text"]) for s in seed["statements"]}


def test_on_the_seeded_database_every_proposal_is_already_recorded(seeded_db, seed):
    result = capture(seeded_db, _article(seed))
    assert result.source_existing is not None
    assert {p.action for p in result.proposals} == {"same"}
    pointed = {p.existing for p in result.proposals}
    for kind, table in (("person", "people"), ("position", "positions"), ("agreement", "agreements"),
                        ("event", "events"), ("indicator", "indicators"), ("statement", "statements")):
        ids = {f"{kind}-{row[0]}" for row in seeded_db.execute(f"SELECT id FROM {table}")}
        assert ids <= pointed, kind


def test_applying_the_seed_article_twice_adds_nothing_the_second_time(empty_db, seed):
    text = _article(seed)
    first = capture(empty_db, text)
    applied = apply(empty_db, first, [p.ref for p in first.proposals if complete(p)])
    assert applied.written() == len(first.proposals)
    counts = {t: empty_db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("parties", "indicators")}
    again = capture(empty_db, text)
    assert {p.action for p in again.proposals} == {"same"}
    apply(empty_db, again, [p.ref for p in again.proposals])
    assert counts == {t: empty_db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("parties", "indicators")}
