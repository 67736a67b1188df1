"""The article as sentences with their places in the text, and the language of each.

Every passage a proposal quotes is cut from the text by these offsets, so evidence is
always an exact substring. Sentences never end inside a quotation (a quote of three
sentences stays one statement), after an initial ("E. Sultanov", "U.S.") or after an
abbreviation such as "млн." or "Mr.".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Letters Kazakh has and Russian lacks; a capital І alone is not counted (Roman numerals: "ХХІ").
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺ")
# Quotation marks that open and close a quote, as news agencies print them.
QUOTES = {"«": "»", "“": "”", "„": "“", '"': '"'}
_ABBREVIATIONS = {
    "млн", "млрд", "тыс", "трлн", "г", "гг", "т", "ул", "им", "т.е", "др", "пр", "руб", "долл",
    "mr", "mrs", "ms", "dr", "st", "mln", "bln", "no", "vs", "etc", "jan", "feb", "aug", "sept", "sep",
    "oct", "nov", "dec", "u.s", "корр",
}
_END = re.compile(r"[.!?…]+[\"»”’)]*(?=\s)|\n\s*\n|\n")


@dataclass(frozen=True)
class Sentence:
    """One sentence: where it is in the text, its words, and its language (en, ru or kk)."""

    start: int
    end: int
    text: str
    language: str


def language_of(text: str) -> str:
    """"kk" for Cyrillic with Kazakh letters, "ru" for other Cyrillic, "en" for Latin script."""
    cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if cyrillic <= latin:
        return "en"
    return "kk" if any(ch in KAZAKH_LETTERS for ch in text) else "ru"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation, marks included; an unclosed quote ends its paragraph."""
    spans = []
    position = 0
    while position < len(text):
        char = text[position]
        closing = QUOTES.get(char)
        if closing is None or (char == '"' and position and text[position - 1].isalnum()):
            position += 1
            continue
        paragraph_end = text.find("\n\n", position)
        limit = len(text) if paragraph_end < 0 else paragraph_end
        close = _closing(text, position + 1, char, closing, limit)
        if close < 0:
            position += 1
            continue
        spans.append((position, close + 1))
        position = close + 1
    return spans


def _closing(text: str, start: int, opening: str, closing: str, limit: int) -> int:
    """Where the quote opened just before ``start`` closes (nested «…„…“…» allowed), or -1."""
    depth = 0
    for position in range(start, limit):
        char = text[position]
        if char == closing and depth == 0:
            return position
        if char == closing:
            depth -= 1
        elif char == opening and opening != closing:
            depth += 1
    return -1


def _keeps_going(text: str, dot: int, after: int) -> bool:
    """True when the full stop at ``dot`` ends an initial or an abbreviation, not a sentence."""
    word = re.search(r"([\w.]+)$", text[:dot])
    if word is None:
        return False
    token = word.group(1).lower().rstrip(".")
    following = text[after:after + 3].lstrip()[:1]
    if len(token) == 1 and token.isalpha():
        return True  # an initial: "E. Sultanov", "U.S."
    if token in _ABBREVIATIONS or re.fullmatch(r"(\w\.)+\w", token):
        return not following.isupper()  # "83 млн. долларов" goes on; "… 83 млн. Экспорт" does not
    return False


def sentences(text: str) -> list[Sentence]:
    """The text cut into sentences (paragraph breaks end one too), each with its language."""
    inside = quote_spans(text)
    found: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if any(a < match.start() < b - 1 for a, b in inside) and "\n" not in match.group():
            continue
        if match.group() == "." and _keeps_going(text, match.start(), end):
            continue
        _add(found, text, start, end)
        start = end
    _add(found, text, start, len(text))
    return found


def _add(found: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        piece = text[start:end]
        found.append(Sentence(start, end, piece, language_of(piece)))


def sentence_at(sentences_: list[Sentence], offset: int) -> Sentence | None:
    """The sentence holding ``offset``."""
    for sentence in sentences_:
        if sentence.start <= offset < sentence.end:
            return sentence
    return None
