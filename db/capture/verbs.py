"""Events a sentence states by its verb: "X met with Y", "встретился с", "кездесті", and a
delegation that "побывала", "посетила", "visited" or "келген еді".

A meeting is proposed when the sentence names who met whom: a person before the verb and
one after it ("Erik Sultanov has met with … Mikhail Bocharnikov"), or two people joined by
"and", "и", "мен"/"пен"/"бен" beside the word for a meeting ("Кездесу Тайыр Мансұров пен
Юрий Лужковтың … қол қоюымен аяқталды"). A visit is proposed when a delegation is the
subject of a verb of coming or visiting; its title says only what the sentence gives: where
the delegation came from, who led it and where it went ("Visit of the delegation of the
Omsk region led by Viktor Nazarov to the Pavlodar region"). One visit per article, as for
the events named by a noun (``db.capture.events``, which run first): the sentence that says
most about it.
"""

from __future__ import annotations

import re

from db.capture.cast import Entity, Mention, english_place
from db.capture.events import propose
from db.capture.names import kazakh_stem
from db.capture.proposals import Reading
from db.capture.text import quote_spans
from db.capture.vocabulary import EVENT_WORDS

_MET = re.compile(r"\b(?:met|meets|meet|had\s+a\s+meeting|held\s+talks|встретил\w*|встретит\w*|встретятся|"
                  r"провел\w*\s+(?:\w+\s+)?(?:встреч\w*|переговор\w*)|кездесті|кездесіп|кездесу\s+өткізді)\b", re.I)
_MEETING_NOUN = re.compile(rf"\b(?:{EVENT_WORDS['meeting']})", re.I)
_AND = re.compile(r"^\s*(?:and|и|мен|пен|бен|және)\s", re.I)
_DELEGATION = re.compile(r"\b(?:delegation|делегаци\w*)", re.I)
_CAME = re.compile(r"\b(?:visited|arrived|побывал\w*|посетил\w*|прибыл\w*|приехал\w*|келді|келген|келіп|болды|"
                   r"болған|барды|сапарлады|сапармен)\b", re.I)
# "во главе с Губернатором Виктором Назаровым": up to three words of a title between.
_LED_BY = re.compile(r"\b(?:led\s+by|headed\s+by|во\s+главе\s+с|возглавляем\w+)\s+(?:[\w-]+\s+){0,3}$|"
                     r"^\s*(?:бастаған|басқарған)\b", re.I)
_KK_TO = re.compile(r"(?:ға|ге|қа|ке|на|не|да|де|та|те)$")  # "Абай облысына", "Абай облысында"
_KK_TOWN = re.compile(r"([А-ЯӘҒҚҢӨҰҮҺІ][\w-]+(?:ға|ге|қа|ке|на|не|да|де|та|те))\s+(?:арнайы\s+|ресми\s+)?$")
_WAS = re.compile(r"^(?:болды|болған)$", re.I)  # "was": a visit only with where the delegation was


def find(reading: Reading) -> None:
    quotes = quote_spans(reading.text)
    visits: list[tuple[int, int, str]] = []
    for number, sentence in enumerate(reading.sentences):
        people = [m for m in reading.people_in(number) if not any(a <= m.start < b for a, b in quotes)]
        pair = _who_met(reading, sentence, people)
        if pair and not _meeting_of(reading, *pair):
            propose(reading, number, "meeting", f"Meeting of {pair[0].shown()} and {pair[1].shown()}")
        title = _visit(reading, number, people)
        if title:
            visits.append((-title.count(" of ") - title.count(" by ") - title.count(" to "), number, title))
    if visits and not any(p.kind == "event" and p.record["kind"] == "visit" for p in reading.proposals):
        _fullest, number, title = min(visits)  # a headline's "делегация побывала" says less than the article
        propose(reading, number, "visit", title)


def _who_met(reading: Reading, sentence, people: list[Mention]) -> tuple[Entity, Entity] | None:
    verb = _MET.search(sentence.text)
    if verb:
        at, end = sentence.start + verb.start(), sentence.start + verb.end()
        before = [m for m in people if m.end <= at]
        after = [m for m in people if m.start >= end and all(m.entity is not b.entity for b in before)]
        if before and after:
            return before[-1].entity, after[0].entity
    if verb or _MEETING_NOUN.search(sentence.text):
        for first, second in zip(people, people[1:], strict=False):
            if first.entity is not second.entity and _AND.match(reading.text[first.end:second.start]):
                return first.entity, second.entity
    return None


def _meeting_of(reading: Reading, a: Entity, b: Entity) -> bool:
    refs = {a.ref, b.ref}
    return any(p.kind == "event" and p.record["kind"] == "meeting"
               and refs <= {link["ref"] for link in p.record["people"]} for p in reading.proposals)


def _visit(reading: Reading, number: int, people: list[Mention]) -> str | None:
    """The title of the visit a delegation makes in this sentence, or None."""
    sentence = reading.sentences[number]
    delegation = _DELEGATION.search(sentence.text)
    came = _CAME.search(sentence.text, delegation.end()) if delegation else None
    if came is None:
        return None
    text, at = reading.text, sentence.start + delegation.start()
    language = sentence.language
    leader = next((m.entity for m in people if _LED_BY.search(text[sentence.start:m.start])
                   or _LED_BY.search(text[m.end:m.end + 12])), None)
    origin = destination = None
    for mention in reading.parties_in(number):
        entity = mention.entity.parent if mention.entity.party_kind == "body" and mention.entity.parent else mention.entity
        if entity.party_kind == "country":
            continue
        written = text[mention.start:mention.end]
        if language == "kk":
            if mention.end <= at and (text[mention.end:at].strip() in ("", "барған", "келген")):
                origin = entity  # "Абай облысының делегациясы", "Абай облысынан барған делегация"
            elif entity is not origin and _KK_TO.search(written) and mention.end <= sentence.start + came.start():
                destination = entity
        elif 0 <= mention.start - (at + len(delegation.group())) <= 2:
            origin = entity  # "делегация Омской области", "delegation of …"
        elif mention.start > at and entity is not origin and destination is None and _inside_leader(text, mention, people):
            destination = entity
    town = _KK_TOWN.search(text, sentence.start, sentence.start + came.start()) if language == "kk" else None
    if destination is None and town:  # "Семейге келді": a town the text names only here
        destination_name = english_place(kazakh_stem(town.group(1)))
    else:
        destination_name = _named(destination) if destination is not None and destination is not origin else None
    if destination_name is None and (language == "kk" or _WAS.match(came.group())):
        return None  # "келді", "болды" say a visit only with where to ("Абай облысына келген")
    title = "Visit of the delegation"
    if origin is not None:
        title += f" of {_named(origin)}"
    if leader is not None:
        title += f" led by {leader.shown()}"
    if destination_name:
        title += f" to {destination_name}"
    return title


def _inside_leader(text: str, mention: Mention, people: list[Mention]) -> bool:
    """False for a party named in the leader's title ("во главе с Губернатором … области")."""
    return not any(0 < person.start - mention.end <= 3 for person in people)


def _named(entity: Entity) -> str:
    name = entity.shown()
    return f"the {name}" if entity.party_kind in ("region", "body") and not name.startswith("the ") else name
