"""Who and what an article names: its parties and people, found and told apart.

A ``Cast`` starts with every party and person the database holds and adds those the text
names for the first time. Each mention in the text points at one entity, however it is
written: "Асаином Байхановым" and "Асайын Байханов" are one person, "Омской области" and
"Omsk region" one party. Entities the database holds carry its id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from db.capture import names
from db.model.names import language_of, split_alternatives

# Display transliteration of Cyrillic (the key in ``names`` is for comparing, not showing).
_SHOWN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "g", "қ": "k",
    "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}
_DIRECTIONS = {"восточно": "East", "западно": "West", "северо": "North", "южно": "South",
               "шығыс": "East", "батыс": "West", "солтүстік": "North", "оңтүстік": "South"}
# Russian regions whose name keeps "-ск" (Омская область is the Omsk region, not "Om").
_SK_ROOTS = ("омск", "томск", "новосибирск", "красноярск", "челябинск", "иркутск", "мурманск", "курск",
             "смоленск", "уральск")


# Adjectives whose place is not their stem: "Кызылординская" is of Кызылорда, "Тюменская" of Тюмень.
_RU_ADJECTIVE_PLACES = {"кызылординск": "кызылорда", "карагандинск": "караганда", "акмолинск": "акмола",
                        "алматинск": "алматы", "актюбинск": "актобе", "тюменск": "тюмень", "пермск": "пермь"}


def transliterate(text: str) -> str:
    """Cyrillic shown in Latin letters, each word capitalised as written ("Асаин" → "Asain")."""
    out = []
    for char in text:
        shown = _SHOWN.get(char.lower())
        if shown is None:
            out.append(char)
        else:
            out.append(shown.capitalize() if char.isupper() else shown)
    return "".join(out)


def english_region(local_stem: str, word: str = "region") -> str:
    """"Павлодар" → "Pavlodar region", "Восточно-Казахстан" → "East Kazakhstan region", "Омбы" → "Omsk region"."""
    kazakh = names.kazakh_place(local_stem)
    if kazakh:
        return f"{english_place(kazakh[0])} {word}"
    parts = re.split(r"[-\s]+", local_stem)
    shown = [next((v for k, v in _DIRECTIONS.items() if p.lower().startswith(k[:-1])), None) or transliterate(p)
             for p in parts if p]
    return " ".join(shown) + f" {word}"


def english_place(name: str) -> str:
    """A place's name as English writes it: its Kazakh exonym ("Омбы" → "Omsk"), else its transliteration."""
    kazakh = names.kazakh_place(name)
    return transliterate(kazakh[0] if kazakh else name)


def russian_region_stem(adjective: str) -> str:
    """The place an adjective names: "Павлодарская" → "Павлодар", "Омской" → "Омск",
    "Кызылординской" → "Кызылорда"."""
    base = re.sub(r"(?:ая|ой|ий|ого|ую|ом|ое|ому|ей|ых|ие)$", "", adjective)
    lower = base.lower()
    for stem, place in _RU_ADJECTIVE_PLACES.items():
        if lower.endswith(stem):
            found = base[: len(base) - len(stem)] + place
            return found[:1].upper() + found[1:] if base[:1].isupper() else found

    if lower.endswith(("ск", "цк")) and not lower.endswith(_SK_ROOTS):
        base = base[:-2]
    return base


def region_nominative(adjective: str, noun: str) -> str:
    """"Павлодарской области" → "Павлодарская область", "Алтайского края" → "Алтайский край"."""
    base = re.sub(r"(?:ая|ой|ий|ого|ую|ом|ое|ому|ей)$", "", adjective)
    base = re.sub(r"^(Восточн|Западн|Северн|Южн)\w*-", lambda m: m.group(1).replace("Северн", "Северо")
                  .replace("Южн", "Южно").replace("Восточн", "Восточно").replace("Западн", "Западно") + "-", base)
    if noun.lower().startswith("кра"):
        return f"{base}ий край" if not base.endswith(("к", "г", "х")) else f"{base}ий край"
    return f"{base}ая область"


@dataclass
class Entity:
    """A party or a person the article names (or the database holds)."""

    kind: str  # "party" or "person"
    name_en: str
    name_local: str | None = None  # the Cyrillic form the article (or the database's Russian form) gives
    name_alt: str | None = None  # alternative spellings, separated by ";"
    name_other: str | None = None  # the database's Kazakh form, beside its Russian one
    party_kind: str | None = None  # country, region, city, body
    parent: Entity | None = None
    existing: int | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    ref: str = ""

    def all_names(self) -> list[str]:
        return [n for n in (self.name_en, self.name_local, self.name_other) if n] + split_alternatives(self.name_alt)

    def local_forms(self) -> dict[str, str | None]:
        """The record's Russian and Kazakh name fields: the local form goes where its script says."""
        kazakh = language_of(self.name_local) == "kk"
        return {"name_ru": None if kazakh else self.name_local, "name_kk": self.name_local if kazakh else None}

    def shown(self) -> str:
        return self.name_en or self.name_local or ""


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: Entity


def _word_pattern(word: str) -> str:
    """A word and its inflected forms: Cyrillic words of five letters or more end freely."""
    if re.search(r"[\u0400-\u04ff]", word) and len(word) >= 5:
        stem = word[:-2] if word[-1].lower() in "аяйьыоеиуюәі" or word.lower().endswith(("ая", "ий", "ой")) else word
        return re.escape(stem) + r"[\w]*"
    if re.search(r"[\u0400-\u04ff]", word):
        return re.escape(word) + r"\w{0,4}"
    return re.escape(word) + r"(?:'s|’s)?"


def name_pattern(name: str) -> re.Pattern[str] | None:
    """A pattern finding a known name in running text, inflected or not ("the" may come between)."""
    name = re.sub(r"\([^)]*\)", " ", name)
    words = [w for w in re.split(r"\s+", name.strip()) if w and w.lower() not in ("the",)]
    if not words:
        return None
    joined = r"\s+(?:the\s+)?".join(_word_pattern(w) for w in words)
    return re.compile(r"(?<![\w-])" + joined + r"(?![\w-])", re.I if len(words) > 1 else 0)


class Cast:
    """Every party and person known so far, and where the text names them."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._patterns: dict[int, list[re.Pattern[str]]] = {}

    # -- adding ----------------------------------------------------------------------------------
    def add(self, entity: Entity) -> Entity:
        self.entities.append(entity)
        self._patterns[id(entity)] = [p for p in (name_pattern(n) for n in entity.all_names()) if p]
        if entity.kind == "person":
            surname = entity.name_en.split()[-1] if entity.name_en else ""
            local = (entity.name_local or "").split()
            for word in filter(None, [surname, local[-1] if local else ""]):
                if len(word) >= 4:
                    self._patterns[id(entity)].append(re.compile(r"(?<![\w-])" + _word_pattern(word) + r"(?![\w-])"))
        return entity

    def party(self, name_en: str, name_local: str | None, kind: str, parent: Entity | None = None) -> Entity:
        """The party with one of these names, added when none matches."""
        for entity in self.entities:
            if entity.kind != "party":
                continue
            if kind == "body" and entity.party_kind != "body":
                continue
            if kind != "body" and entity.party_kind == "body":
                continue
            if any(names.same_place(a, b) for a in filter(None, (name_en, name_local)) for b in entity.all_names()):
                if entity.party_kind == "city" and kind == "region":
                    continue
                if entity.party_kind == "region" and kind == "city":
                    continue
                if entity.name_local is None and name_local:
                    entity.name_local = name_local
                return entity
        return self.add(Entity("party", name_en, name_local, party_kind=kind, parent=parent))

    def person(self, name: str, *, local: bool) -> Entity:
        """The person of this name (any script or spelling), added when none matches."""
        for entity in self.entities:
            if entity.kind == "person" and any(names.same_person(name, other) for other in entity.all_names()):
                if local and not entity.name_local:
                    entity.name_local = name
                return entity
        if local:
            return self.add(Entity("person", transliterate(name), name))
        return self.add(Entity("person", name))

    # -- finding -----------------------------------------------------------------------------------
    def known_mentions(self, text: str, start: int, end: int) -> list[Mention]:
        """Where the text between ``start`` and ``end`` names an entity already known."""
        found = []
        piece = text[start:end]
        for entity in self.entities:
            for pattern in self._patterns.get(id(entity), []):
                for match in pattern.finditer(piece):
                    found.append(Mention(start + match.start(), start + match.end(), entity))
        return found

    def mentioned(self) -> list[Entity]:
        return [e for e in self.entities if e.mentions]


def longest_first(mentions: list[Mention]) -> list[Mention]:
    """Mentions that do not overlap, the longer one winning, in text order."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
