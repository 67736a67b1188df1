"""Finding the parties and people each sentence names, in its own language.

Names the ``Cast`` already knows (from the database, or earlier in the text) are found
in any inflection first. New ones come from natasha for Russian (people and places in
the nominative) and from rules for English and Kazakh: a capitalised name before the
word for region, a body ("the government of …", "акимат …", "… әкімдігі"), the two
countries in any of their forms, and a person's first name and surname (a Kazakh surname
named without the case ending it carries: "Юрий Лужковтың" is Юрий Лужков). A Kazakh place
whose name is not a transliteration ("Омбы облысы") is named in English as English writes
it (the Omsk region).
"""

from __future__ import annotations

import re

from db.capture import names, russian
from db.capture.cast import (
    Cast,
    Entity,
    Mention,
    english_region,
    longest_first,
    region_nominative,
    russian_region_stem,
)
from db.capture.text import Sentence
from db.capture.vocabulary import COUNTRIES, COUNTRY_LOCAL

_CAP_EN = r"[A-Z][a-zA-Z-]+"
_REGION_EN = re.compile(rf"((?:{_CAP_EN}\s+){{0,2}}{_CAP_EN})(?:'s|’s)?\s+(region|Region|oblast|Oblast|Territory|"
                        rf"territory|Krai|krai)s?\b")
_NOT_PLACE = {"The", "In", "Of", "Governor", "Akim", "Deputy", "Head", "Chairman", "Minister", "According",
              "During", "Since", "Both", "This", "That", "A", "An", "And", "For", "As", "Mr", "Border",
              "Kazinform", "KAZINFORM", "Trend"}
_REGION_RU = re.compile(r"((?:[А-ЯЁ][а-яё]+-)?[А-ЯЁ][а-яё]+(?:ск|цк)(?:ая|ой|ую|ий|ого|ом|ому|ей))\s+"
                        r"(област[ьиеюя]\w*|кра[йяюе]\w*)")
_REGION_RU_AFTER = re.compile(r"(област[ьиеюя]\w*)\s+(Абай|Жетісу|Жетысу|Улытау|Ұлытау)\b")
_CAP_KK = r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі-]+"
_REGION_KK = re.compile(rf"((?:{_CAP_KK}\s+)?{_CAP_KK})\s+(облыс(?:ы|тар)\w*)")
_KAZAKH_CASE_END = re.compile(r"(?:ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|ды|ді|ны|ні|да|де|та|те|мен|пен|бен)$")
# "Ресейдегі", "Қазақстандағы": a word saying where the place named next lies, not part of its name.
_KAZAKH_WHERE = re.compile(r"(?:дегі|дағы|тегі|тағы)$")
_ABBREVIATIONS_RU = {"ВКО": ("East Kazakhstan region", "Восточно-Казахстанская область"),
                     "СКО": ("North Kazakhstan region", "Северо-Казахстанская область"),
                     "ЗКО": ("West Kazakhstan region", "Западно-Казахстанская область")}
_BODY_BEFORE_EN = re.compile(r"(?:the\s+)?(administration|akimat|government)\s+of\s+(?:the\s+)?$", re.I)
_BODY_BEFORE_RU = re.compile(r"(правительств\w*|акимат\w*|администраци\w*)\s+$", re.I)
_BODY_AFTER_KK = re.compile(r"^\s*(әкімдіг\w*|үкімет\w*)")
_BODY_NAMES = {"administration": "Administration of the {region}", "akimat": "Administration (akimat) of the {region}",
               "government": "Government of the {region}"}
_BODY_RU = {"прав": "Правительство", "аким": "Акимат", "адми": "Администрация"}

_RUN_EN = re.compile(r"(?<![\w.])[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)+")
_RUN_KK = re.compile(rf"(?<![\w.]){_CAP_KK}(?:\s+{_CAP_KK})+")
_NOT_NAME = {
    "The", "In", "On", "At", "As", "Of", "For", "By", "And", "But", "With", "From", "To", "During", "According",
    "Governor", "Akim", "Deputy", "President", "Minister", "Chairman", "Prime", "Head", "Mr", "Mrs", "Russia",
    "Kazakhstan", "Russian", "Kazakh", "Federation", "Republic", "Region", "River", "Forum", "Interaction",
    "Plan", "Protocol", "Memorandum", "Agreement", "Government", "Administration", "Council", "Assembly",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Irtysh", "Friendship", "Development", "Eurasian", "Economic", "Union", "Extraordinary",
    "Plenipotentiary", "Ambassador", "Senate", "Speaker", "Kazinform", "KAZINFORM", "Trend", "ASTANA", "Astana",
    "East", "West", "North", "South", "Altai", "Omsk", "Pavlodar", "Abai", "Krasnoyarsk", "Territory",
    "Облыс", "Облыстың", "Мемлекет", "Президент", "Ресей", "Қазақстан", "Республикасы", "Федерациясы",
    "Ертіс", "Омбы", "Павлодар", "Абай", "Батыс", "Шығыс", "Солтүстік", "Оңтүстік", "Құжатқа", "Келісім",
    "Меморандум", "Кездесу", "Кездесуге", "Өздеріңіз", "Мәскеу", "Орал", "Advisor", "Tourism", "Trade",
    "Integration", "Affairs", "Foreign", "Interregional", "Cooperation", "Facebook", "Биыл", "Тараптар",
}


def scan(text: str, sentences: list[Sentence], cast: Cast) -> dict[int, list[Mention]]:
    """Every sentence's mentions of parties and people (index of the sentence → mentions)."""
    found: dict[int, list[Mention]] = {}
    for number, sentence in enumerate(sentences):
        new = _new_mentions(text, sentence, cast)
        known = cast.known_mentions(text, sentence.start, sentence.end)
        mentions = longest_first(new + known)
        for mention in mentions:
            mention.entity.mentions.append((mention.start, mention.end))
        found[number] = mentions
    return found


def _new_mentions(text: str, sentence: Sentence, cast: Cast) -> list[Mention]:
    mentions = _countries(sentence, cast)
    if sentence.language == "ru":
        mentions += _russian(text, sentence, cast)
    elif sentence.language == "kk":
        mentions += _kazakh(text, sentence, cast)
    else:
        mentions += _english(text, sentence, cast)
    return mentions


def _countries(sentence: Sentence, cast: Cast) -> list[Mention]:
    found = []
    for name, pattern in COUNTRIES.items():
        for match in re.finditer(r"(?<![\w-])(?:" + pattern + r")", sentence.text):
            entity = cast.party(name, COUNTRY_LOCAL[name] if sentence.language != "en" else None, "country")
            found.append(Mention(sentence.start + match.start(), sentence.start + match.end(), entity))
    return found


_COUNTRY_AROUND = (
    (re.compile(r"^\s+of\s+(?:the\s+)?(Kazakhstan|Russia|Russian Federation)\b"), None),
    (re.compile(r"\b(Kazakhstan|Russia)['’]s\s+$"), None),
    (re.compile(r"\b(Ресей)\w*\s+(?:Федерация\w*\s+)?$"), None),
    (re.compile(r"\b(Қазақстан)\w*\s+$"), None),
)
_COUNTRY_NAMES = {"Kazakhstan": "Kazakhstan", "Russia": "Russian Federation", "Russian Federation": "Russian Federation",
                  "Ресей": "Russian Federation", "Қазақстан": "Kazakhstan"}


def _with_body(text: str, start: int, end: int, region: Entity, cast: Cast, language: str) -> list[Mention]:
    """The region's mention, and the body's when the words around it name one; the country it
    belongs to when they say ("the Abai region of Kazakhstan", "Russia's Krasnoyarsk region")."""
    found = [Mention(start, end, region)]
    if region.parent is None and region.party_kind == "region":
        for pattern, _unused in _COUNTRY_AROUND:
            match = pattern.search(text[end:end + 40]) if pattern.pattern.startswith("^") else \
                pattern.search(text[max(0, start - 40):start])
            if match:
                name = _COUNTRY_NAMES[match.group(1)]
                local = COUNTRY_LOCAL[name] if language != "en" else None
                region.parent = cast.party(name, local, "country")
                break
    before = text[max(0, start - 40):start]
    if language == "en" and (match := _BODY_BEFORE_EN.search(before)):
        word = match.group(1).lower()
        body = cast.party(_BODY_NAMES[word].format(region=region.name_en), None, "body", region)
        found.append(Mention(start - len(match.group(0)), end, body))
    elif language == "ru" and (match := _BODY_BEFORE_RU.search(before)):
        local = f"{_BODY_RU[match.group(1).lower()[:4]]} {text[start:end]}"
        english = ("Government of the {region}" if match.group(1).lower().startswith("прав")
                   else "Administration of the {region}").format(region=region.name_en)
        body = cast.party(english, local, "body", region)
        found.append(Mention(start - len(match.group(0)), end, body))
    elif language == "kk" and (match := _BODY_AFTER_KK.match(text[end:end + 30])):
        word = match.group(1)
        english = ("Government of the {region}" if word.startswith("үкімет")
                   else "Administration (akimat) of the {region}").format(region=region.name_en)
        local = text[start:end] + " " + word
        body = cast.party(english, local, "body", region)
        found.append(Mention(start, end + match.end(), body))
    return found


def _english(text: str, sentence: Sentence, cast: Cast) -> list[Mention]:
    found: list[Mention] = []
    for match in _REGION_EN.finditer(sentence.text):
        words = match.group(1).split()
        while words and words[0] in _NOT_PLACE:
            words.pop(0)
        if not words:
            continue
        place = " ".join(words)
        word = "region" if match.group(2).lower() in ("region", "oblast") else match.group(2).lower()
        region = cast.party(f"{place} {'Territory' if word == 'territory' else 'region'}", None, "region")
        start = sentence.start + match.end(1) - len(place)
        found += _with_body(text, start, sentence.start + match.end(), region, cast, "en")
    for start, first, last in _name_pairs(sentence.text, _RUN_EN):
        if not _looks_like_person(sentence.text, start, start + len(first) + 1 + len(last), last):
            continue
        person = cast.person(f"{first} {last}", local=False)
        found.append(Mention(sentence.start + start, sentence.start + start + len(first) + 1 + len(last), person))
    return found


def _name_pairs(text: str, run: re.Pattern[str]) -> list[tuple[int, str, str]]:
    """(offset, first name, surname): the last two words of each run of capitalised words that
    are not titles, places or months ("Minister of Trade and Integration Serik Zhumangarin")."""
    pairs = []
    for match in run.finditer(text):
        words = list(re.finditer(r"\S+", match.group()))
        while len(words) >= 2:
            first, last = words[-2].group(), words[-1].group()
            if first in _NOT_NAME or last in _NOT_NAME or _is_place_word(last):
                words.pop()
                continue
            pairs.append((match.start() + words[-2].start(), first, last))
            break
    return pairs


def _is_place_word(word: str) -> bool:
    return word.lower() in ("region", "oblast", "river", "city", "territory")


_SURNAME_END = re.compile(r"(?:ov|ev|in|ova|eva|ina|enko|uly|kyzy|yev|iev|sky|skiy|ko|yan|ali|ова|ева|ина|ов|ев|ин|"
                          r"енко|ұлы|қызы|ский|ко|ян|али|әли|ли)$")
_PERSON_CONTEXT = re.compile(r"(?:said|noted|stressed|told|added|emphasized|Governor|governor|Akim|akim|Minister|"
                             r"Chairman|President|Ambassador|Mayor|Speaker|head|деді|атап|әкімі|губернаторы|төраға|"
                             r"министрі|елшісі)", re.I)


def _looks_like_person(sentence: str, start: int, end: int, surname: str) -> bool:
    """A capitalised pair is a person's name when the surname looks like one or a title or a
    verb of saying stands beside it."""
    if _SURNAME_END.search(surname):
        return True
    partner = re.search(r"[A-Z][a-z]+\s+([A-Z][a-z]+)\s+and\s+$", sentence[max(0, start - 40):start])
    if partner and _SURNAME_END.search(partner.group(1)):
        return True  # "Bulat Bakauov and Alexander Moor": named as a pair with a person
    around = sentence[max(0, start - 60):start] + " " + sentence[end:end + 30]
    return bool(_PERSON_CONTEXT.search(around))


def _kazakh(text: str, sentence: Sentence, cast: Cast) -> list[Mention]:
    found: list[Mention] = []
    for match in _REGION_KK.finditer(sentence.text):
        words = match.group(1).split()
        while words and (words[0] in ("Облыс", "Мен", "Бұл", "Осы", "Биыл") or _KAZAKH_CASE_END.search(words[0])
                         or _KAZAKH_WHERE.search(words[0]) or words[0].startswith(("Ресей", "Қазақстан"))):
            words.pop(0)
        if not words:
            continue
        place = " ".join(words)
        start = sentence.start + match.end(1) - len(place)
        end = sentence.start + match.end()
        region = cast.party(english_region(place), f"{place} облысы", "region")
        found += _with_body(text, start, end, region, cast, "kk")
    for start, first, last in _name_pairs(sentence.text, _RUN_KK):
        # "Юрий Лужковтың": the surname with its case ending, named without it.
        surname = names.kazakh_stem(last) if _KAZAKH_CASE_END.search(last) else last
        if not _SURNAME_END.search(surname):
            surname = last
        if "облыс" in last.lower() or not _looks_like_person(sentence.text, start, start + len(first) + 1 + len(last), surname):
            continue
        person = cast.person(f"{first} {surname}", local=True)
        found.append(Mention(sentence.start + start, sentence.start + start + len(first) + 1 + len(last), person))
    return found


def _russian(text: str, sentence: Sentence, cast: Cast) -> list[Mention]:
    found: list[Mention] = []
    for match in _REGION_RU.finditer(sentence.text):
        adjective, noun = match.group(1), match.group(2)
        local = region_nominative(adjective, noun)
        word = "Territory" if noun.lower().startswith("кра") else "region"
        region = cast.party(english_region(russian_region_stem(adjective), word), local, "region")
        found += _with_body(text, sentence.start + match.start(), sentence.start + match.end(), region, cast, "ru")
    for match in _REGION_RU_AFTER.finditer(sentence.text):
        place = match.group(2)
        region = cast.party(english_region(place), f"Область {place}", "region")
        found += _with_body(text, sentence.start + match.start(), sentence.start + match.end(), region, cast, "ru")
    for match in re.finditer(r"\b(ВКО|СКО|ЗКО)\b", sentence.text):
        english, local = _ABBREVIATIONS_RU[match.group(1)]
        region = cast.party(english, local, "region")
        region.name_alt = region.name_alt or match.group(1)
        found += _with_body(text, sentence.start + match.start(), sentence.start + match.end(), region, cast, "ru")
    for span in russian.names(sentence.text, sentence.start):
        if span.type != "PER":
            continue
        words = span.normal.split()
        start = span.start
        if len(words) >= 3 and re.search(r"(?:област\w*|кра[йяюе]\w*)\s+$", text[max(0, start - 12):start]):
            start += len(span.text.split()[0]) + 1  # "области Абай Берик Уали": the region's name, then the person
            words = words[1:]
        if len(words) < 2 or any(not w[:1].isupper() for w in words):
            continue
        if words[-1].endswith(".") or len(words[-1]) < 3:
            continue
        found.append(Mention(start, span.end, cast.person(" ".join(words[:3]), local=True)))
    return found
