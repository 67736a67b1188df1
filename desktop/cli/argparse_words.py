"""The words Python's ``argparse`` prints itself ("usage:", "options", its error sentences),
put through Fact Sheet's string table so ``factsheet --help`` and a mistyped command read
entirely in the user's language.

``argparse`` looks its words up with ``gettext`` under its own names; ``install`` points
those names at ``db.model.i18n``. The strings below are listed only so that they are
extracted into the catalogues (``make translations``) and translated there.
"""

from __future__ import annotations

import argparse

from db.model.i18n import N_, _, ngettext

ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("expected one argument"), N_("expected at least one argument"), N_("expected at most one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("argument %(argument_name)s: %(message)s"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("not allowed with argument %s"),
    N_("invalid %(type)s value: %(value)r"), N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"), N_("%(prog)s: error: %(message)s\n"),
)


def _plural_words_for_extraction(n: int) -> str:
    """Never called: marks argparse's counted sentence for extraction."""
    return ngettext("expected %s argument", "expected %s arguments", n)


def install() -> None:
    """Make ``argparse`` look its words up in Fact Sheet's catalogues."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
