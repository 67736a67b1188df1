"""Names compared across scripts, spellings and inflections.

A name's *key* is its Latin skeleton: Cyrillic (Russian and Kazakh letters) transliterated,
the spellings that vary between agencies folded together ("kh"/"h", "y"/"i"/"j", doubled
letters), case and punctuation dropped. "Berik Uali", "Берик Уали" and "Берік Уәли" share
a key; so do "Vitaly Khotsenko" and "Виталий Хоценко". Place names also lose the word for
region ("область", "облысы", "region") and a Russian adjective's ending, so "Омской
области", "Омская область" and "Omsk region" all come to "omsk". A Kazakh place name that
is not a transliteration of the others ("Омбы" is Omsk, "Мәскеу" Moscow, "Орал" Uralsk)
is also met under those (``kazakh_place``).
"""

from __future__ import annotations

import re

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia", "ә": "a", "ғ": "g", "қ": "k",
    "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}
# Latin spellings that stand for one sound, folded to one form (order matters).
_FOLDS = (("kh", "h"), ("zh", "j"), ("dzh", "j"), ("x", "ks"), ("w", "v"), ("ph", "f"), ("y", "i"),
          ("ts", "c"), ("tz", "c"), ("ou", "u"), ("ie", "e"), ("ei", "e"), ("ia", "a"), ("iu", "u"))
# Words for a region and the like, in any case they take, stripped from place names.
REGION_WORDS = re.compile(
    r"\b(?:region|regions|oblast|province|territory|krai|kray|област[ьиеюя]|областям[иx]?|"
    r"кра[йяюе]|краем|облыс[ыiі]\w*|облыстар\w*|өлкес\w*|өңір\w*)\b", re.I)
# Kazakh names of places whose English and Russian names are not their transliteration, each
# word on its own ("Солтүстік Қазақстан" is North Kazakhstan): (English, Russian).
KAZAKH_PLACES = {
    "омбы": ("Omsk", "Омск"), "мәскеу": ("Moscow", "Москва"), "қорған": ("Kurgan", "Курган"),
    "түмен": ("Tyumen", "Тюмень"), "новосібір": ("Novosibirsk", "Новосибирск"), "барнауыл": ("Barnaul", "Барнаул"),
    "орынбор": ("Orenburg", "Оренбург"), "челябі": ("Chelyabinsk", "Челябинск"), "қазан": ("Kazan", "Казань"),
    "ресей": ("Russia", "Россия"), "орал": ("Oral", "Уральск"), "өскемен": ("Oskemen", "Усть-Каменогорск"),
    "петропавл": ("Petropavlovsk", "Петропавловск"), "қарағанды": ("Karaganda", "Караганда"),
    "қазақстан": ("Kazakhstan", "Казахстан"), "солтүстік": ("North", "Северо"), "оңтүстік": ("South", "Южно"),
    "шығыс": ("East", "Восточно"), "батыс": ("West", "Западно"),
}
_ADJECTIVE_END = re.compile(r"(ск|цк)(?:ая|ой|ий|ого|ую|ом|ое|ому|их|ие|им)$")
_KAZAKH_CASE = ("ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "на", "не", "ны",
                "ні", "ды", "ді", "ты", "ті", "мен", "бен", "пен", "да", "де", "та", "те", "дан", "ден",
                "тан", "тен", "нан", "нен", "ның", "ы", "і")


def latin(text: str) -> str:
    """The text in Latin letters, lower case (Cyrillic transliterated letter by letter)."""
    return "".join(_LETTERS.get(ch, ch) for ch in text.lower())


def key(text: str) -> str:
    """The skeleton names are compared by: "Берік Уәли" and "Berik Uali" give "berik uali"."""
    text = latin(text.replace("'s ", " ").replace("’s ", " "))
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    for old, new in _FOLDS:
        text = text.replace(old, new)
    text = re.sub(r"(.)\1+", r"\1", text)
    return " ".join(text.split())


def kazakh_stem(word: str) -> str:
    """A Kazakh word without its case ending ("Уәлидің" → "Уәли"), when it has one."""
    for ending in sorted(_KAZAKH_CASE, key=len, reverse=True):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def place_key(text: str) -> str:
    """The key of a place name without its word for region and its adjective ending."""
    text = REGION_WORDS.sub(" ", re.sub(r"\([^)]*\)", " ", text))
    text = re.sub(r"^(?:the|в|во)\s+", "", text.strip(), flags=re.I)
    words = [_ADJECTIVE_END.sub(r"\1", w) for w in text.split()]
    return key(" ".join(words))


def kazakh_place(text: str) -> tuple[str, str] | None:
    """A Kazakh place name in English and in Russian when a word of it is not transliterated
    ("Омбы" → ("Omsk", "Омск"), "Солтүстік Қазақстан" → ("North Kazakhstan", "Северо Казахстан")),
    else None. A word may carry its case ending ("Омбыға", "Мәскеуде")."""
    english, russian, known = [], [], False
    for word in REGION_WORDS.sub(" ", text).split():
        found = KAZAKH_PLACES.get(word.lower()) or KAZAKH_PLACES.get(kazakh_stem(word).lower())
        known = known or found is not None
        english.append(found[0] if found else word)
        russian.append(found[1] if found else word)
    return (" ".join(english), " ".join(russian)) if known else None


def place_keys(text: str) -> set[str]:
    """Keys a place name may be met under: "Павлодарская" is also "Pavlodar", "Omsk" also "Om",
    "Омбы облысы" also "Omsk"."""
    found = {place_key(text)}
    other = kazakh_place(text)
    if other:
        found |= {place_key(other[0]), place_key(other[1])}
    for base in list(found):
        if base.endswith("sk") and len(base) > 4:
            found.add(base[:-2])
    return {k for k in found if k}


def same_place(a: str, b: str) -> bool:
    return bool(place_keys(a) & place_keys(b))


def _near(a: str, b: str) -> bool:
    """Two name words that differ by at most one letter (when long enough to allow it)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def same_person(a: str, b: str) -> bool:
    """Two ways of writing a person's name: the same words in any order, spelling or script."""
    x, y = key(a).split(), key(b).split()
    if not x or not y:
        return False
    if len(x) == 1 or len(y) == 1:
        return False
    return _covers(x, y) or _covers(y, x)


def _covers(short: list[str], long_: list[str]) -> bool:
    """Every word of ``short`` (first name and surname) has its twin in ``long_``."""
    if len(short) > len(long_):
        return False
    return all(any(_near(word, other) for other in long_) for word in short)


def surname_matches(word: str, name: str) -> bool:
    """"Shpilenko" (or "Шпиленко", "Хоценконың") is the surname of ``name``."""
    parts = key(name).split()
    if len(parts) < 2:
        return False
    wanted = key(word)
    stem = key(kazakh_stem(word))
    return any(_near(wanted, p) or _near(stem, p) for p in parts[1:] + parts[:1] if len(p) >= 4)
