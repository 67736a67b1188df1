"""The window's language: the system locale unless *View ▸ Language* chose another, and Qt's
own strings (standard buttons, dialogs, shortcuts) in the same language.

The choice is remembered in the settings under ``language`` (empty: follow the system). It
is applied before the window's modules are imported (``apply``), so every label is looked
up in that language; a change in the menu takes effect when Fact Sheet next starts.

Qt's translations are the ``qtbase_<language>.qm`` files PySide6 ships in its translations
folder. Should a Qt build lack ``qtbase_kk.qm``, Qt's own strings are shown in Russian
(which Kazakh readers also read) rather than in English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from db.model import i18n
from desktop.common import settings

LANGUAGE_KEY = "language"
# The catalogue of Qt's own strings to use when a language has none of its own.
QT_FALLBACK = {"kk": "ru"}

_installed: list[QTranslator] = []


def chosen_language() -> str | None:
    """The language chosen under View ▸ Language; None to follow the system."""
    code = settings.load_str(LANGUAGE_KEY)
    return code if code in i18n.LANGUAGES else None


def window_language() -> str:
    """The language the window speaks: the one chosen, else the system's."""
    return chosen_language() or i18n.system_language()


def save_choice(code: str | None) -> None:
    """Remember ``code`` (None: follow the system) for the next start."""
    settings.save_value(LANGUAGE_KEY, code or "")


def qt_catalogue(code: str) -> tuple[str, str] | None:
    """(folder, file name) of the catalogue of Qt's own strings for ``code``, or None."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for candidate in (code, QT_FALLBACK.get(code)):
        if candidate and QTranslator().load(f"qtbase_{candidate}", folder):
            return folder, f"qtbase_{candidate}"
    return None


def apply(app: QCoreApplication | None = None) -> str:
    """Make the window's language the process's, with Qt's own strings to match; return it."""
    code = i18n.set_language(window_language())
    app = app or QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale({"en": QLocale.Language.English, "ru": QLocale.Language.Russian,
                                "kk": QLocale.Language.Kazakh}[code]))
    if code != "en" and app is not None:
        found = qt_catalogue(code)
        if found is not None:
            translator = QTranslator(app)
            if translator.load(found[1], found[0]):
                app.installTranslator(translator)
                _installed.append(translator)
    return code
