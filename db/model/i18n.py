"""The one place visible text is looked up for translation.

Every sentence and label shown to a person is wrapped in ``_()`` so that Russian and
Kazakh translations can later be added as gettext catalogues without touching callers.
Qt widgets use the same function, so there is a single string table for the product.
"""

from __future__ import annotations

import gettext

from resources import resource_path

_LOCALE_DIR = resource_path("locale")
_translation = gettext.translation("factsheet", localedir=_LOCALE_DIR, fallback=True)


def _(text: str) -> str:
    """Return ``text`` in the user's language (English until catalogues exist)."""
    return _translation.gettext(text)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Return the singular or plural form of a sentence for ``n``."""
    return _translation.ngettext(singular, plural, n)
