"""The one place visible text is looked up for translation, and which language is in use.

Every sentence and label shown to a person is wrapped in ``_()`` (or ``ngettext()`` when
it counts something) and looked up in the gettext catalogues under
``resources/locale/<language>/LC_MESSAGES/factsheet.mo``. English is the source language;
Russian (``ru``) and Kazakh (``kk``, Cyrillic) have catalogues.

The language is chosen in this order:

1. ``using_language(code)`` for a stretch of work (a fact sheet printed in Kazakh while the
   window is in Russian): a context variable, so other threads are unaffected;
2. ``set_language(code)``, the process's language (the window's choice under
   *View ▸ Language*, set before the window's modules are imported);
3. the system locale: ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as gettext reads them.

Tables of labels built when a module is imported use ``N_()`` to mark their strings for
the catalogues and ``Labels`` to translate each one when it is read, so they follow the
language in use at that moment rather than the one at import time.
"""

from __future__ import annotations

import contextlib
import gettext
import os
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from functools import cache

from resources import resource_path

# The languages Fact Sheet speaks, each named in itself (a menu lists them this way so that
# anyone can find their own whatever the window's language).
LANGUAGES: dict[str, str] = {"en": "English", "ru": "Русский", "kk": "Қазақша"}
DEFAULT_LANGUAGE = "en"
DOMAIN = "factsheet"
LOCALE_DIR = resource_path("locale")

_process_language: str | None = None
_scoped_language: ContextVar[str | None] = ContextVar("factsheet_language", default=None)


def language_code(text: str | None) -> str | None:
    """The supported language a locale name means: "ru_RU.UTF-8" → "ru", "kk" → "kk",
    "en_GB" → "en"; None for anything else ("C", "de_DE", empty)."""
    if not text:
        return None
    code = text.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the system locale asks for, as gettext reads the environment.

    The first of ``LANGUAGE`` (a colon-separated list), ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG`` that is set decides; within ``LANGUAGE`` the first supported entry wins.
    English when none names a language Fact Sheet speaks.
    """
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable)
        if not value:
            continue
        if variable == "LANGUAGE":  # a list of preferences: the first one Fact Sheet speaks
            found = next((language_code(entry) for entry in value.split(":") if language_code(entry)), None)
            if found:
                return found
            continue
        return language_code(value) or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def set_language(code: str | None) -> str:
    """Make ``code`` the process's language (None: follow the system locale again).

    Returns the language now in use. An unknown code falls back to the system's language.
    """
    global _process_language
    _process_language = language_code(code)
    return current_language()


def current_language() -> str:
    """The language text is looked up in right now."""
    return _scoped_language.get() or _process_language or system_language()


@contextlib.contextmanager
def using_language(code: str | None) -> Iterator[str]:
    """Look text up in ``code`` inside the ``with`` block (None: the language in use)."""
    chosen = language_code(code) or current_language()
    token = _scoped_language.set(chosen)
    try:
        yield chosen
    finally:
        _scoped_language.reset(token)


@cache
def translation(code: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language (English: the source strings themselves)."""
    if code == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[code], fallback=True)


def _(text: str) -> str:
    """Return ``text`` in the language in use."""
    return translation(current_language()).gettext(text)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Return the form of a counted sentence for ``n`` (Russian has three, Kazakh two)."""
    return translation(current_language()).ngettext(singular, plural, n)


def pgettext(context: str, text: str) -> str:
    """Return ``text`` as meant in ``context`` ("person": a person's name, not a thing's;
    "column": a narrow column's heading), which a language may word differently."""
    return translation(current_language()).pgettext(context, text)


def N_(text: str) -> str:  # noqa: N802 (the conventional gettext name)
    """Mark ``text`` for the catalogues without translating it now (see ``Labels``)."""
    return text


class Labels(Mapping[str, str]):
    """A table of visible labels (stored value → English text marked with ``N_``), each
    translated into the language in use when it is read."""

    def __init__(self, source: Mapping[str, str]) -> None:
        self._source = dict(source)

    def __getitem__(self, key: str) -> str:
        return _(self._source[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._source)

    def __len__(self) -> int:
        return len(self._source)

    def __repr__(self) -> str:
        return f"Labels({self._source!r})"
