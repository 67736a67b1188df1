"""Events stated by a verb alone: who met whom, and a delegation's visit, in three languages."""

import datetime as dt

from db.capture.extract import capture

PUBLISHED = dt.date(2025, 6, 20)


def _events(db, text):
    result = capture(db, text, published=PUBLISHED)
    return [p for p in result.proposals if p.kind == "event"], result


def _names(result, event):
    return [result.by_ref(link["ref"]).record["name_en"] for link in event.record["people"]]


def test_met_with_proposes_a_held_meeting_of_the_two_people_it_names(empty_db):
    text = ("PAVLODAR. Akim of Pavlodar region Asain Baikhanov met with Governor of the Omsk region "
            "Vitaly Khotsenko on Tuesday to talk about river transport.")
    [meeting], result = _events(empty_db, text)
    assert (meeting.record["kind"], meeting.record["status"]) == ("meeting", "held")
    assert meeting.record["title"] == "Meeting of Asain Baikhanov and Vitaly Khotsenko"
    assert _names(result, meeting) == ["Asain Baikhanov", "Vitaly Khotsenko"]
    assert meeting.evidence.startswith("Akim of Pavlodar region") and meeting.evidence in text


def test_a_russian_meeting_in_the_future_tense_is_planned(empty_db):
    text = "Губернатор Омской области Виталий Хоценко встретится с акимом Абайской области Бериком Уали осенью."
    [meeting], _result = _events(empty_db, text)
    assert (meeting.record["kind"], meeting.record["status"]) == ("meeting", "planned")


def test_a_kazakh_meeting_names_its_pair_with_their_case_endings(empty_db):
    text = "Кездесу Берік Уәли мен Виталий Хоценконың жол картасына қол қоюымен аяқталды."
    [meeting], result = _events(empty_db, text)
    assert meeting.record["kind"] == "meeting"
    people = [result.by_ref(link["ref"]).record for link in meeting.record["people"]]
    assert [(person["name_kk"], person["name_ru"]) for person in people] == [
        ("Берік Уәли", None), (None, "Виталий Хоценко")]


def test_one_person_and_a_verb_of_meeting_are_not_a_meeting(empty_db):
    events, _result = _events(empty_db, "Governor of the Omsk region Vitaly Khotsenko met the press in Omsk.")
    assert events == []


def test_a_delegation_visit_says_where_from_who_led_it_and_where_to(empty_db):
    text = ("Делегация Омской области во главе с губернатором Виталием Хоценко 10–11 июня побывала "
            "в Абайской области.")
    [visit], result = _events(empty_db, text)
    assert (visit.record["kind"], visit.record["status"]) == ("visit", "held")
    assert visit.record["title"] == "Visit of the delegation of the Omsk region led by Vitaliy Khotsenko to the Abay region"
    assert visit.record["start_date"] == "2025-06-10"


def test_the_article_sentence_that_says_most_about_a_visit_is_the_one_proposed(empty_db):
    text = ("Омская делегация побывала в Абайской области\n"
            "Делегация Омской области побывала в Абайской области, сообщает пресс-служба.")
    [visit], _result = _events(empty_db, text)
    assert visit.record["title"] == "Visit of the delegation of the Omsk region to the Abay region"


def test_a_kazakh_visit_needs_where_the_delegation_went(empty_db):
    [visit], _result = _events(empty_db, "Омбы облысының делегациясы Семейге арнайы келді.")
    assert visit.record["title"] == "Visit of the delegation of the Omsk region to Semey"
    events, _result = _events(empty_db, "Тараптар келісімге келді, делегация риза болды.")
    assert events == []
