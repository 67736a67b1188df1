"""Events: visits, forums, meetings and exhibitions, held or planned, with place and date.

A forum keeps its quoted name ('forum "Irtysh – River of Friendship and Development"');
other events take the text's own phrase ("working visit of the delegation from the Omsk
region"). An event the text says will happen ("will be held", "пройдет", "өтеді") is
planned, any other held. The date is the one the sentence gives, to its precision
("in the fourth quarter of 2025" is Q4 2025); a held event without one is dated to the
month the article appeared, and flagged. A meeting is proposed only when the sentence says
who met whom. Events the text states by a verb alone ("met with", "встретился", "кездесті",
a delegation that "побывала") are found by ``db.capture.verbs``, which uses ``propose``.
"""

from __future__ import annotations

import re

from db.capture import russian
from db.capture.cast import english_place
from db.capture.proposals import Proposal, Reading
from db.capture.text import QUOTES
from db.capture.vocabulary import EVENT_PATTERN, FUTURE, TITLE_HEADS_EN, TITLE_HEADS_RU
from db.model import period_phrases as dates
from db.model.i18n import _

_MET = re.compile(r"\b(?:met|meet|had\s+a\s+meeting|held\s+talks|встретил\w*|провел\w*\s+(?:\w+\s+)?встреч\w*|"
                  r"кездесті|кездесу\s+өткізді)", re.I)
_STOP_EN = re.compile(r",|\s+(?:which|that|was|were|will|is|are|has|held|took|headed|where|during|at the|in|on)\b|[.;:]")
_STOP_RU = re.compile(r",|\s+(?:в|во|на|который|которая|которое|прош\w+|состоял\w+|пройд\w+|с|со|по)\s|[.;:]|"
                      r"\s+[а-яё]+(?:ет|ит|ют|ят|ал|ала|ало|али|ался|лась|ется|ится|ут|ел|ела|ело|ели)(?=[\s,.]|$)")
_VISIT_NOUN = re.compile(r"\b(?:a|an|the|his|her|their|its|working|official|state|business|first|return)\s+visits?\b|"
                         r"\bvisits?\s+(?:of|to|by)\b", re.I)
_PLACE_EN = re.compile(r"\b(?:held|take place|takes place|took place|hosted)\s+in\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)|"
                       r"\b(?:forum|visit|conference|exhibition|fair)\b[^.]*?\bin\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)")
_PLACE_KK = re.compile(r"([А-ЯӘҒҚҢӨҰҮҺІ][\w-]+)\s+қаласында")
_IN_CITY = re.compile(r"\s+((?:в|во)\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?=[,.;:]|$|\s+(?!област|кра[йяюе]|район|округ))")
_TITLE_HEAD = {"ru": re.compile(rf"\s(?={TITLE_HEADS_RU}\b)", re.I), "en": re.compile(rf"\s(?={TITLE_HEADS_EN}\b)")}
_RU_HEADS = ((r"^форум\w*", "Форум"), (r"^визит\w*", "Визит"), (r"^встреч\w*", "Встреча"),
             (r"^выставк\w*", "Выставка"), (r"^конференци\w*", "Конференция"))
_NOT_PLACE = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "Kazakhstan", "Russia", "The", "Q1", "Q2", "Q3", "Q4"}


def find(reading: Reading) -> None:
    for number, sentence in enumerate(reading.sentences):
        seen_kinds: set[str] = set()
        for match in EVENT_PATTERN.finditer(sentence.text):
            kind = match.lastgroup or "meeting"
            if kind in seen_kinds:
                continue
            if kind == "meeting" and not _MET.search(sentence.text):
                continue
            if kind == "visit" and sentence.language == "en" and not _VISIT_NOUN.search(sentence.text):
                continue
            if kind != "meeting" and any(p.kind == "event" and p.record["kind"] == kind for p in reading.proposals):
                continue  # a news item's second "the forum" is the same forum
            start = sentence.start + match.start()
            title = _title(reading, sentence, start, match, kind, number)
            if not title or _known(reading, title):
                continue
            seen_kinds.add(kind)
            propose(reading, number, kind, title)


def _known(reading: Reading, title: str) -> bool:
    return any(p.kind == "event" and p.record["title"].casefold() == title.casefold() for p in reading.proposals)


def _title(reading: Reading, sentence, start: int, match: re.Match[str], kind: str, number: int) -> str | None:
    text = reading.text
    after = start + len(match.group())
    quoted = re.match(r"\s*([«“\"„])", text[after:sentence.end])
    if quoted:
        opening = quoted.group(1)
        close = text.find(QUOTES[opening], after + quoted.end())
        if close > 0:
            name = text[after + quoted.end():close].strip().rstrip(",")
            head = _modifiers(text, sentence.start, start) + match.group()
            return _capital(f"{head} “{name}”")
    if kind == "meeting":
        people = [m.entity.shown() for m in reading.people_in(number)]
        return f"Meeting of {people[0]} and {people[1]}" if len(people) >= 2 else None
    language = sentence.language
    if language == "kk":
        return None if kind != "forum" else _capital(_kazakh_phrase(text, sentence.start, after))
    stop = (_STOP_RU if language == "ru" else _STOP_EN).search(text, after, sentence.end)
    end = stop.start() if stop else sentence.end
    named = [m.start for m in reading.people_in(number) if after < m.start < end]
    head = _TITLE_HEAD[language].search(text, after, end)
    end = min([end, *named, *([head.start()] if head else [])])  # "… России аким … Кошербаев": a name ends it
    phrase = _modifiers(text, sentence.start, start) + text[start:end]
    phrase = " ".join(phrase.split())
    if language == "ru":
        words = phrase.split(" ")
        for position, word in enumerate(words[:3]):
            head = next((n for p, n in _RU_HEADS if re.match(p, word, re.I)), None)
            if head:
                words[position] = head
                break
        phrase = " ".join(words)
        where = _IN_CITY.match(text, end, sentence.end)
        if len(words) == 1 and where and kind in ("forum", "conference", "exhibition"):
            phrase = f"{phrase} {where.group(1)}"  # "на международном форуме в Уральске": "Форум в Уральске"
    if len(phrase.split()) < 2:
        return None
    return _capital(phrase)


def _modifiers(text: str, sentence_start: int, start: int) -> str:
    """Words before the kind word that belong to its name ("international cross-border",
    "14th Russia-Kazakhstan Interregional Cooperation", "ХХІ"); Russian adjectives are left out,
    since they would stay in the case the sentence put them in."""
    before = text[sentence_start:start]
    match = re.search(r"((?:(?:[\w-]+)\s+){0,5})$", before)
    words = match.group(1).split() if match else []
    keep: list[str] = []
    for word in reversed(words):
        if not re.fullmatch(r"(?:[a-z-]+al|[a-z-]+ing|cross-border|working|official|business|[IVXLХІ]+|\d+(?:st|nd|rd|"
                            r"th|-?го|-й)?|[A-Z][\w-]*)", word):
            break
        if word in ("The", "At", "In", "On", "During", "A", "An"):
            break
        keep.insert(0, word)
    return (" ".join(keep) + " ") if keep else ""


def _kazakh_phrase(text: str, sentence_start: int, end: int) -> str:
    """A Kazakh forum's name: the words before "форумы" back to the participle or quote that opens it."""
    before = text[sentence_start:end]
    quote = max(before.rfind("\""), before.rfind("»"), before.rfind("”"))
    start = before.rfind("\"", 0, quote) if quote > 0 else -1
    if start < 0:
        opener = list(re.finditer(r"(?:өткен|өтетін|жатқан|,)\s+", before))
        start = opener[-1].end() if opener else max(0, len(before) - 60)
    phrase = before[start:]
    return re.sub(r"(форум)\w*$", r"\1ы", " ".join(phrase.split()))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _place(reading: Reading, sentence) -> str | None:
    text = sentence.text
    if sentence.language == "en":
        for match in _PLACE_EN.finditer(text):
            name = match.group(1) or match.group(2)
            if name and name not in _NOT_PLACE:
                return name
        return None
    if sentence.language == "kk":
        match = _PLACE_KK.search(text)
        return match.group(1) if match else None
    for span in russian.names(text, sentence.start):
        if span.type == "LOC" and reading.text[max(0, span.start - 3):span.start].strip() in ("в", "во") \
                and not re.search(r"област|кра[йя]|Казахстан|Росси", span.normal):
            return span.normal
    return None


def _propose_city(reading: Reading, sentence, place: str) -> None:
    """The city an event is held in, as a party (found again by its name when recorded)."""
    local = place if sentence.language != "en" else None
    english = english_place(place) if local else place
    city = reading.cast.party(english, local, "city")
    if city.ref:
        return
    written = re.search(re.escape(place[:4]) + r"\w*", sentence.text)
    start = sentence.start + (written.start() if written else 0)
    end = sentence.start + (written.end() if written else len(sentence.text))
    city.mentions.append((start, end))
    reading.propose_entity(city, start, end, sentence.language)


def propose(reading: Reading, number: int, kind: str, title: str) -> Proposal:
    """The event sentence ``number`` states: its status, date, place, parties and people."""
    sentence = reading.sentences[number]
    planned = bool(FUTURE.search(sentence.text))
    flags: dict[str, str] = {}
    start_date = end_date = None
    for when in dates.find(reading.text, sentence.start, sentence.end, reading.published):
        first, last = when.fuzzy()
        start_date, end_date = first.to_text(), last.to_text() if last else None
        if when.precision == "year" and planned is False and when.relative:
            continue
        break
    if start_date is None and not planned and reading.published:
        start_date = reading.published.strftime("%Y-%m")
        flags["start_date"] = _("The text gives no date; this is the month it was published.")
    elif start_date is None:
        flags["start_date"] = _("The text does not say when.")
    place = _place(reading, sentence)
    if place is None:
        flags["place"] = _("The text does not say where.")
    else:
        _propose_city(reading, sentence, place)
    record = {"kind": kind, "title": title, "place": place, "start_date": start_date, "end_date": end_date,
              "status": "planned" if planned else "held", "summary": None, "notes": None,
              "parties": [], "people": [], "subjects": [], "sources": [{"ref": "source"}]}
    for mention in reading.parties_in(number):
        if mention.entity.party_kind != "country" and {"ref": mention.entity.ref} not in record["parties"]:
            record["parties"].append({"ref": mention.entity.ref})
    for mention in reading.people_in(number):
        if {"ref": mention.entity.ref} not in record["people"]:
            record["people"].append({"ref": mention.entity.ref})
    return reading.propose("event", record, sentence.start, sentence.end, sentence.language, flags)
