"""The Russian and Kazakh catalogues: complete, compiled from their .po files, and well formed.

The strings are taken from the code itself (as ``make translations`` extracts them), so a
string added anywhere without a translation fails here with its text named.
"""

from __future__ import annotations

import gettext
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from db.model import i18n

ROOT = Path(__file__).resolve().parents[2]
LANGUAGE_NAMES = {"ru": "Russian", "kk": "Kazakh"}
PLURAL_FORMS = {"ru": 3, "kk": 2}
_PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


@cache
def source_strings() -> dict[tuple[str | tuple[str, str], str | None], str]:
    """Every (msgid, context) the code holds (a plural msgid as (singular, plural)), with where it is."""
    found: dict[tuple[str | tuple[str, str], str | None], str] = {}
    method_map = [("**.py", "resources.translatable:extract")]
    for package in ("db", "desktop"):
        for filename, lineno, message, _comments, context in extract_from_dir(
                ROOT / package, method_map):
            found.setdefault((message, context), f"{package}/{filename}:{lineno}")
    return found


@cache
def catalogue(language: str):
    path = ROOT / "resources" / "locale" / language / "LC_MESSAGES" / "factsheet.po"
    with path.open("rb") as po:
        return read_po(po, locale=language)


def _translated(message) -> bool:
    if message.fuzzy:
        return False
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(s.strip() for s in strings)


@pytest.mark.parametrize("language", sorted(LANGUAGE_NAMES))
def test_every_string_of_the_code_has_a_translation(language):
    po = catalogue(language)
    missing = []
    for (msgid, context), where in source_strings().items():
        key = msgid[0] if isinstance(msgid, tuple) else msgid
        message = po.get(key, context=context)
        if message is None or not _translated(message):
            missing.append(f"  {where}: {key!r}" + (f" (as {context})" if context else ""))
    assert not missing, (
        f"{len(missing)} strings have no {LANGUAGE_NAMES[language]} ({language}) translation:\n"
        + "\n".join(sorted(missing))
        + f"\nRun `make translations`, translate them in resources/locale/{language}/LC_MESSAGES/"
          "factsheet.po and run `make translations` again.")


@pytest.mark.parametrize("language", sorted(LANGUAGE_NAMES))
def test_compiled_catalogue_is_the_po_file(language):
    mo = ROOT / "resources" / "locale" / language / "LC_MESSAGES" / "factsheet.mo"
    assert mo.exists(), f"{mo} is missing: run `make translations` (or make test / make run)"
    with mo.open("rb") as compiled:
        in_mo = dict(gettext.GNUTranslations(compiled)._catalog)  # type: ignore[attr-defined]
    in_po = {}
    for message in catalogue(language):
        if not message.id or not _translated(message):
            continue
        context = f"{message.context}\x04" if message.context else ""  # how gettext stores a context
        if isinstance(message.id, tuple):
            for n, form in enumerate(message.string):
                in_po[(context + message.id[0], n)] = form
        else:
            in_po[context + message.id] = message.string
    stale = sorted(str(k) for k in set(in_po) ^ {k for k in in_mo if k != ""}
                   | {k for k in in_po if in_mo.get(k) != in_po[k]})
    assert not stale, f"{mo} is older than its .po ({stale[:5]} …): run `make translations`"


@pytest.mark.parametrize("language", sorted(LANGUAGE_NAMES))
def test_translations_keep_every_placeholder_and_plural_form(language):
    wrong = []
    for message in catalogue(language):
        if not message.id or not _translated(message):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if isinstance(message.id, tuple) and len(strings) != PLURAL_FORMS[language]:
            wrong.append(f"{ids[0]!r}: {len(strings)} plural forms")
        wanted = set(_PLACEHOLDER.findall(ids[-1])) | set(_PLACEHOLDER.findall(ids[0]))
        for text in strings:
            if set(_PLACEHOLDER.findall(text)) - wanted or (
                    not isinstance(message.id, tuple) and set(_PLACEHOLDER.findall(text)) != wanted):
                wrong.append(f"{ids[0]!r} → {text!r}")
    assert not wrong, "Translations that lose or invent a {placeholder}:\n" + "\n".join(wrong)


def test_russian_counts_take_three_forms():
    with i18n.using_language("ru"):
        words = [i18n.ngettext("{n} record", "{n} records", n).format(n=n) for n in (1, 2, 5, 21, 11)]
    assert words == ["1 запись", "2 записи", "5 записей", "21 запись", "11 записей"]


def test_kazakh_counts_take_two_forms():
    with i18n.using_language("kk"):
        words = [i18n.ngettext("{n} record", "{n} records", n).format(n=n) for n in (1, 5)]
    assert words == ["1 жазба", "5 жазба"]
