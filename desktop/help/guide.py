"""The guide's file in the user's language, and its sections as a contents list to search.

The guide is one HTML file per language, ``resources/help/<language>/index.html`` with
its pictures beside it; the language is the one the window's strings are shown in
(``db.model.i18n``: View ▸ Language, else the system's), falling back to English where the
guide is not translated.
Its sections are read from the document itself: every ``<h2>`` and ``<h3>`` with an ``id``
is an entry of the contents, and that id is the topic context help asks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QTextDocument

from db.model import i18n
from resources import resource_path

GUIDE = "index.html"
FALLBACK = "en"
_WORD = re.compile(r"\w+")


def ui_language() -> str:
    """The language the window's strings are shown in: View ▸ Language, else the system's."""
    return i18n.current_language()


def guide_path(language: str | None = None) -> Path:
    """The guide in ``language`` (default: the window's), its base language (``ru`` for ``ru_RU``) or English."""
    language = language or ui_language()
    for candidate in (language, language.split("_")[0].split("-")[0], FALLBACK):
        path = resource_path("help", candidate, GUIDE)
        if path.is_file():
            return path
    return resource_path("help", FALLBACK, GUIDE)


def fold(text: str) -> str:
    """Text as search compares it: any case, ё as е."""
    return text.casefold().replace("ё", "е")


@dataclass
class Section:
    """One entry of the contents: a heading with an id, and the text down to the next heading."""

    topic: str
    title: str
    level: int
    position: int
    words: set[str] = field(default_factory=set)

    def matches(self, query: list[str]) -> bool:
        """True when every word of the query starts a word of this section."""
        return all(any(word.startswith(q) for word in self.words) for q in query)


def query_words(text: str) -> list[str]:
    return [fold(word) for word in _WORD.findall(text)]


def sections(document: QTextDocument) -> list[Section]:
    """The guide's sections, in order; text before the first heading belongs to none."""
    found: list[Section] = []
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        topic = _anchor(block) if level in (2, 3) else None
        if topic:
            found.append(Section(topic, block.text().strip(), level, block.position()))
        if found:
            found[-1].words.update(query_words(block.text()))
        block = block.next()
    return found


def _anchor(block) -> str | None:
    iterator = block.begin()
    while not iterator.atEnd():
        names = iterator.fragment().charFormat().anchorNames()
        if names:
            return names[0]
        iterator += 1
    return None


def anchors(document: QTextDocument) -> set[str]:
    """Every anchor in the guide: section ids and the finer ones inside sections."""
    names: set[str] = set()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            names.update(iterator.fragment().charFormat().anchorNames())
            iterator += 1
        block = block.next()
    return names
