"""Capture's promises: matches across scripts and inflections, updates, flags instead of guesses,
one transaction, and natasha loaded only when a Russian text is read."""

import datetime as dt
import subprocess
import sys

import pytest

from db.capture.apply import apply, complete, problems
from db.capture.extract import capture
from db.capture.names import same_person, same_place
from db.capture.text import sentences
from db.errors import ValidationError
from db.model.records import Person


def _by_kind(result, kind):
    return [p for p in result.proposals if p.kind == kind]


def test_names_match_across_scripts_spellings_and_inflections():
    assert same_person("Berik Uali", "Берік Уәли")
    assert same_person("Берик Уали", "Berik Uali")
    assert same_person("Асаин Байханов", "Асайын Байханов")
    assert same_person("Aleksandr Uss", "Alexander Uss")
    assert not same_person("Berik Uali", "Bulat Bakauov")
    assert same_place("Омской области", "Omsk region")
    assert same_place("Павлодарская область", "Pavlodar region")
    assert not same_place("Omsk region", "Tomsk region")


def test_a_russian_article_matches_inflected_names_to_the_records_held(seeded_db):
    text = "Аким области Абай Берик Уали встретился с губернатором Омской области Виталием Хоценко."
    result = capture(seeded_db, text)
    people = {p.record["name_en"]: p for p in _by_kind(result, "person")}
    assert people["Berik Uali"].action == "same"
    assert people["Vitaly Khotsenko"].action == "same"
    omsk = [p for p in _by_kind(result, "party") if p.record["name_en"] == "Omsk region"]
    assert omsk and omsk[0].action == "same"
    assert [p.record["title"] for p in _by_kind(result, "position")] == ["Аким области Абай",
                                                                           "губернатор Омской области"]


def test_a_planned_forum_reported_held_is_proposed_as_an_update_showing_old_and_new(seeded_db):
    text = ('OMSK, December 12. The international cross-border forum "Irtysh – River of Friendship and '
            'Development" was held in Omsk on 12 December 2025, with a delegation of the Abai region.')
    result = capture(seeded_db, text)
    forum = next(p for p in _by_kind(result, "event") if p.record["kind"] == "forum")
    assert forum.action == "update"
    assert forum.before == {"status": "planned", "start_date": "Q4 2025"}
    assert forum.record["status"] == "held"
    assert forum.record["start_date"] == "2025-12-12"
    applied = apply(seeded_db, result, [forum.ref])
    row = seeded_db.execute("SELECT status, start_date FROM events WHERE id = ?", [applied.ids[forum.ref]]).fetchone()
    assert row == ("held", "2025-12-12")


def test_a_figure_without_its_scale_is_flagged_and_not_guessed(empty_db):
    text = ("Foreign trade turnover between Kazakhstan and Krasnoyarsk region came to $75 217.7 in the "
            "first half of 2022, up 77.7% on the same months of 2020.")
    result = capture(empty_db, text, published=dt.date(2022, 11, 9))
    [figure] = _by_kind(result, "indicator")
    assert figure.record["value"] == 75217.7
    assert figure.record["unit"] == ""
    assert "no scale" in figure.flags["unit"]
    assert (figure.record["period_start"], figure.record["period_end"]) == ("2022-01-01", "2022-06-30")
    assert not complete(figure)
    assert [p.field for p in problems(figure)] == ["unit"]


def test_an_approximate_figure_keeps_its_qualifier_and_a_relative_period_is_read_from_the_date(empty_db):
    text = ("Товарооборот Павлодарской области с Омской областью в первые шесть месяцев текущего года "
            "достиг почти 360 млн долларов.")
    result = capture(empty_db, text, published=dt.date(2025, 8, 1))
    [figure] = _by_kind(result, "indicator")
    assert (figure.record["value"], figure.record["unit"]) == (360, "USD million")
    assert (figure.record["period_start"], figure.record["period_end"]) == ("2025-01-01", "2025-06-30")
    assert "почти" in figure.record["notes"]


def test_an_event_this_autumn_is_planned_with_its_season(empty_db):
    text = "Форум межрегионального сотрудничества пройдет в Омске осенью этого года."
    result = capture(empty_db, text, published=dt.date(2025, 7, 2))
    [event] = _by_kind(result, "event")
    assert (event.record["status"], event.record["start_date"], event.record["end_date"]) == (
        "planned", "2025-09", "2025-11")
    assert event.record["place"] == "Омск"


def test_mixed_texts_are_read_sentence_by_sentence():
    found = sentences("Governor Aleksandr Uss met the akim. Аким встретился с губернатором. "
                      "Облыс әкімі губернатормен кездесті.")
    assert [s.language for s in found] == ["en", "ru", "kk"]


def test_nothing_is_written_when_one_record_breaks_a_rule(empty_db, monkeypatch):
    from db.capture.proposals import Capture, Proposal

    result = Capture({"title": "T", "text": "Berik Uali said."}, [
        Proposal("person", "person-1", {"name_en": "Berik Uali", "name_ru": None, "name_kk": None, "notes": None,
                                        "sources": [{"ref": "source"}]}, "Berik Uali", 0),
        Proposal("person", "person-2", {"name_en": "", "name_ru": None, "name_kk": None, "notes": None,
                                        "sources": [{"ref": "source"}]}, "said", 11),
    ], "Berik Uali said.")
    with pytest.raises(ValidationError):
        apply(empty_db, result)
    assert empty_db.execute("SELECT count(*) FROM sources").fetchone()[0] == 0
    assert empty_db.execute("SELECT count(*) FROM people").fetchone()[0] == 0
    assert Person  # the kind that was refused


def test_a_proposal_whose_person_was_rejected_is_left_out_with_a_reason(empty_db):
    text = "Chairman of the Government of the Omsk region, Vitaly Khotsenko, arrived."
    result = capture(empty_db, text, published=dt.date(2025, 7, 2))
    position = _by_kind(result, "position")[0]
    accepted = [p.ref for p in result.proposals if p.kind != "person"]
    applied = apply(empty_db, result, accepted)
    assert position.ref in applied.skipped
    assert empty_db.execute("SELECT count(*) FROM positions").fetchone()[0] == 0


def test_natasha_is_loaded_only_when_a_russian_text_is_read(tmp_path):
    script = f"""
import sys
from db.file.connection import open_database
from desktop.gui import create_application
from desktop.window.main_window import MainWindow
from db.capture.extract import capture
create_application()
db = open_database({str(tmp_path / 'x.factsheet')!r})
window = MainWindow(db)
assert "natasha" not in sys.modules, "natasha was loaded at start-up"
capture(db, "Governor Aleksandr Uss met the akim.")
assert "natasha" not in sys.modules, "natasha was loaded for an English text"
capture(db, "Губернатор Омской области Виталий Хоценко встретился с акимом.")
assert "natasha" in sys.modules
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
