"""View ▸ Language: the window's language is remembered for the next start, and Qt's own
words (standard buttons) follow the chosen language through PySide6's catalogues."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from db.model import i18n
from desktop.common import language, settings


def _menu_actions(window):
    return {action.text(): action for action in window.language_menu.actions() if action.text()}


def test_the_menu_offers_each_language_in_its_own_name(window):
    names = list(_menu_actions(window))
    assert names[:4] == ["System language (English)", "English", "Русский", "Қазақша"]
    assert _menu_actions(window)["System language (English)"].isChecked()


def test_a_choice_is_remembered_and_said_to_take_effect_at_the_next_start(qtbot, window):
    try:
        _menu_actions(window)["Қазақша"].trigger()
        assert settings.load_str(language.LANGUAGE_KEY) == "kk"
        assert language.window_language() == "kk"
        assert "next starts" in window.statusBar().currentMessage()
        assert i18n.current_language() == "en"  # this window keeps its labels until restarted
        _menu_actions(window)["System language (English)"].trigger()
        assert settings.load_str(language.LANGUAGE_KEY) == ""
        assert language.window_language() == i18n.system_language()
    finally:
        language.save_choice(None)


def test_qt_standard_buttons_follow_the_language(qapp):
    try:
        for code, cancel in (("ru", "Отмена"), ("kk", "Бас тарту")):
            language.save_choice(code)
            assert language.apply(qapp) == code
            box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
            assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == cancel
            assert i18n._("Trade") != "Trade"
    finally:
        language.save_choice(None)
        i18n.set_language("en")
        language.apply(qapp)
        i18n.set_language(None)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert i18n._("Trade") == "Trade"
