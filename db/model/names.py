"""Names in three languages, and the one way names are compared across scripts and spellings.

A party, person or subject area has an English, a Russian and a Kazakh form of its name
(and alternative spellings); a position, agreement or event a title in each. ``shown``
picks the form for a language, or the best other one marked as borrowed, never a blank.

``fold`` is how names compare strictly (case, spaces and ё/е ignored): imports match a
party by it. ``key`` is how they compare loosely, for finding: Kazakh letters count as their
Russian look-alikes (ә/а, ғ/г, қ/к, ң/н, ө/о, ұ/у, ү/у, һ/х, і/и), Cyrillic is transliterated
to Latin and usual spelling variants are merged (y/i, kh/h, doubled letters), so "Uali",
"Уали" and "Уәли" share the key "uali", and "abay" and "Абай" the key "abai". The search
index, the pickers, the list filters, the CSV import's party matching and the command
line's ``--parties`` all use these two functions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from db.model.i18n import current_language

NAME_LANGUAGES = ("en", "ru", "kk")
# Which other form stands in when a language's own is missing: Russian and Kazakh readers
# read each other's Cyrillic before an English name.
FALLBACK = {"en": ("en", "ru", "kk"), "ru": ("ru", "kk", "en"), "kk": ("kk", "ru", "en")}

KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
# Kazakh endings spelt with letters Russian has too ("Омбы облысы", "Ресей Федерациясы").
_KAZAKH_WORD = re.compile(r"(?:ысы|ясы|дың|тың)\b", re.IGNORECASE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")

_KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһі", "агкноууhи")
_CYRILLIC_TO_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ё": "e",
})
# Latin spellings of the same sound, merged (longest first).
_SPELLINGS = (("shch", "sh"), ("sch", "sh"), ("kh", "h"), ("zh", "z"), ("ts", "c"), ("tz", "c"),
              ("ye", "e"), ("yo", "e"), ("w", "v"), ("x", "ks"), ("q", "k"), ("y", "i"), ("j", "i"))
_WORD = re.compile(r"\w+", re.UNICODE)


class ShownName(str):
    """A name as shown in a language; ``borrowed`` when it is another language's form
    (the sheet prints such a name in italics)."""

    borrowed: bool = False
    language: str = "en"

    def __new__(cls, text: str, language: str = "en", borrowed: bool = False) -> ShownName:
        shown = super().__new__(cls, text)
        shown.language, shown.borrowed = language, borrowed
        return shown


def _clean(text: str | None) -> str:
    """The text as recorded, or "" when there is none (a blank form counts as missing)."""
    return text if text and text.strip() else ""


def shown(en: str | None, ru: str | None = None, kk: str | None = None, *,
          language: str | None = None) -> ShownName:
    """The form of a name for ``language`` (default: the language in use), else the best
    other form, marked borrowed; "" only when the record has no name at all."""
    forms = {"en": _clean(en), "ru": _clean(ru), "kk": _clean(kk)}
    wanted = language or current_language()
    order = FALLBACK.get(wanted, NAME_LANGUAGES)
    for code in order:
        if forms[code]:
            return ShownName(forms[code], code, borrowed=code != wanted)
    return ShownName("", wanted)


def label(en: str | None, ru: str | None = None, kk: str | None = None, *,
          language: str | None = None) -> str:
    """A one-line label with a second form beside the first: "Abai region / Абайская
    область" in English, "Абайская область / Абай облысы" in Russian."""
    forms = {"en": _clean(en), "ru": _clean(ru), "kk": _clean(kk)}
    order = FALLBACK.get(language or current_language(), NAME_LANGUAGES)
    present = [forms[code] for code in order if forms[code]]
    distinct = list(dict.fromkeys(present))
    return " / ".join(distinct[:2])


def other_form(en: str | None, ru: str | None = None, kk: str | None = None, *,
               language: str | None = None) -> str | None:
    """The second form ``label`` shows beside the first, or None when there is none."""
    parts = label(en, ru, kk, language=language).split(" / ", 1)
    return parts[1] if len(parts) == 2 else None


def is_kazakh(text: str | None) -> bool:
    """True when ``text`` is written in Kazakh: it has a letter only Kazakh uses, or a Kazakh
    ending ("Омбы облысы")."""
    if not text:
        return False
    return any(ch in KAZAKH_LETTERS for ch in text) or bool(_KAZAKH_WORD.search(text))


def language_of(text: str | None) -> str | None:
    """Which form a name is: "kk" (Kazakh), "ru" (other Cyrillic), "en" (Latin) or None."""
    if not text or not text.strip():
        return None
    if is_kazakh(text):
        return "kk"
    if _CYRILLIC.search(text):
        return "ru"
    if _LATIN.search(text):
        return "en"
    return None


def split_alternatives(text: str | None) -> list[str]:
    """The alternative spellings kept in one field, one per line or separated by ";"."""
    if not text:
        return []
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


def join_alternatives(names: Iterable[str]) -> str | None:
    kept = list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
    return "; ".join(kept) or None


def sort_local_names(local: str | None, alt: str | None) -> tuple[str | None, str | None, str | None]:
    """(Russian, Kazakh, alternatives) from a record's former "local" and "other local"
    names: each text lands whole, character for character, in the slot its script says
    (a Kazakh letter or ending: Kazakh; other Cyrillic: Russian); what fits no free slot,
    such as a Latin spelling or a second Russian form, stays an alternative."""
    forms: dict[str, str] = {}
    rest: list[str] = []
    for text in (local, alt):
        if text is None or not text.strip():
            continue
        language = language_of(text)
        if language in ("ru", "kk") and language not in forms:
            forms[language] = text
        else:
            rest.append(text)
    return forms.get("ru"), forms.get("kk"), "; ".join(rest) if rest else None


def fold(text: str | None) -> str:
    """A name as compared strictly: case, surrounding and repeated spaces, and ё/е ignored."""
    if not text:
        return ""
    return " ".join(text.casefold().replace("ё", "е").split())


def key(text: str | None) -> str:
    """A name as compared loosely, across scripts and spellings: "Уәли" → "uali"."""
    if not text:
        return ""
    words = []
    for word in _WORD.findall(fold(text)):
        word = word.translate(_KAZAKH_TO_RUSSIAN).translate(_CYRILLIC_TO_LATIN)
        word = word.replace("ş", "sh").replace("ç", "ch").replace("ı", "i").replace("ə", "a")
        word = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
        for spelling, common in _SPELLINGS:
            word = word.replace(spelling, common)
        word = re.sub(r"(.)\1+", r"\1", word)
        if word:
            words.append(word)
    return " ".join(words)


def matches(query: str, *names: str | None) -> bool:
    """True when every word of ``query`` starts a word of one of ``names``, loosely (``key``)."""
    wanted = key(query).split()
    if not wanted:
        return True
    words = key(" ".join(n for n in names if n)).split()
    return all(any(w.startswith(q) for w in words) for q in wanted)
