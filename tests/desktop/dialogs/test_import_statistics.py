"""Import… on statistics files as offices publish them: the mapping step with its live preview,
the encoding named with a box to change it, the sheet of a workbook, questions about unknown
names, and a bad byte refused with its row and column. Every value lands where it should."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from desktop.dialogs.import_dialog import ImportDialog
from tests.db.content import content
from tests.db.exchange import statistics_files as files
from tests.desktop.modal import answer, choose_file


def _open(qtbot, window, path) -> ImportDialog:
    answer(choose_file(path))
    window.import_action.trigger()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ImportDialog)
    return dialog


def _figures(db, since):
    return db.execute("SELECT indicator, period_start, period_end, value, unit FROM indicators WHERE id > ? "
                      "ORDER BY id", [since]).fetchall()


def _last(db):
    return db.execute("SELECT coalesce(max(id), 0) FROM indicators").fetchone()[0]


def _import(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20_000)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.imported, timeout=20_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)


def _choose(qtbot, box: QComboBox, data) -> None:
    """Pick an entry of a box with the keyboard, as a person would."""
    box.setFocus()
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)
    box.activated.emit(index)
    qtbot.wait(50)  # the file is read again once the box's signal has returned


def _type(qtbot, box, text):
    """Put text in a box and press Enter (pasted: Qt's test keyboard types ASCII only)."""
    box.setFocus()
    box.insert(text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.wait(50)


def test_a_russian_file_in_koi8_r_shows_its_encoding_and_fields(qtbot, window, tmp_path):
    since = _last(window.db)
    dialog = _open(qtbot, window, files.russian_csv(tmp_path, "koi8_r"))
    step = dialog.step
    assert step.encoding.isVisible() and step.encoding.currentText() == "KOI8-R"
    assert "KOI8-R, semicolon-separated, decimal comma" in dialog.about.text()
    fields = [step.columns.cellWidget(0, c).currentData() for c in range(step.columns.columnCount())]
    assert fields == ["subject", "counterpart", "indicator", "period_start", "period_end", "value", "unit",
                      "source_title"]
    assert dialog.preview.item(0, 2).text() == "Экспорт"
    _import(qtbot, dialog)
    assert _figures(window.db, since) == files.RUSSIAN_EXPECTED


@pytest.mark.parametrize("make", [lambda folder: files.russian_csv(folder, "cp866"), files.utf16_without_bom],
                         ids=["CP866", "UTF-16 without BOM"])
def test_cp866_and_utf16_without_bom_are_read(qtbot, window, tmp_path, make):
    since = _last(window.db)
    dialog = _open(qtbot, window, make(tmp_path))
    assert dialog.preview.item(0, 1).text() == "Российская Федерация"
    _import(qtbot, dialog)
    assert _figures(window.db, since) == files.RUSSIAN_EXPECTED


def test_choosing_another_encoding_reads_the_file_again(qtbot, window, tmp_path):
    dialog = _open(qtbot, window, files.russian_csv(tmp_path, "koi8_r"))
    _choose(qtbot, dialog.step.encoding, "iso8859_5")
    assert "ISO-8859-5" in dialog.about.text()
    assert dialog.preview.item(0, 2).text() != "Экспорт"  # the letters are wrong: the person sees it
    _choose(qtbot, dialog.step.encoding, "koi8_r")
    assert dialog.preview.item(0, 2).text() == "Экспорт"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)


def test_an_unrecognised_column_is_mapped_in_the_mapping_step_and_remembered(qtbot, window, tmp_path):
    text = files.RUSSIAN_CSV.replace("Значение", "Млн")
    dialog = _open(qtbot, window, files.write(tmp_path, "mapped.csv", text))
    assert "Value" in dialog.status.text() and not dialog.import_button.isEnabled()
    since = _last(window.db)
    _choose(qtbot, dialog.step.columns.cellWidget(0, 5), "value")
    _import(qtbot, dialog)
    assert _figures(window.db, since) == files.RUSSIAN_EXPECTED
    # The same layout again: the mapping is offered at once.
    again = _open(qtbot, window, files.write(tmp_path, "mapped-again.csv", text))
    assert again.step.columns.cellWidget(0, 5).currentData() == "value"
    qtbot.waitUntil(lambda: again.status.text().startswith("Nothing to import"), timeout=20_000)
    qtbot.mouseClick(again.cancel_button, Qt.MouseButton.LeftButton)


def test_a_wide_table_with_years_across_takes_its_values_for_every_row(qtbot, window, tmp_path):
    dialog = _open(qtbot, window, files.write(tmp_path, "wide.csv", files.WIDE_CSV, "cp1251"))
    step = dialog.step
    assert set(step.value_boxes) >= {"subject", "indicator", "source_title"}
    assert step.value_boxes["unit"].text() == "USD million"  # from the title row
    since = _last(window.db)
    for name, value in files.WIDE_SETTINGS.items():
        _type(qtbot, dialog.step.value_boxes[name], value)
    _import(qtbot, dialog)
    assert _figures(window.db, since) == files.WIDE_EXPECTED


def test_a_workbook_sheet_is_chosen_and_its_merged_header_read(qtbot, window, tmp_path):
    dialog = _open(qtbot, window, files.workbook(tmp_path))
    step = dialog.step
    assert step.sheet.isVisible() and step.sheet.currentText() == "Титул"
    step.sheet.setFocus()
    step.sheet.setCurrentText("Экспорт")
    step.sheet.activated.emit(step.sheet.currentIndex())
    qtbot.wait(50)
    assert "Excel workbook, sheet “Экспорт”" in dialog.about.text()
    assert step.columns.horizontalHeaderItem(0).text() == "Страна"  # merged over two rows
    since = _last(window.db)
    for name, value in files.WIDE_SETTINGS.items():
        _type(qtbot, step.value_boxes[name], value)
    _import(qtbot, dialog)
    assert _figures(window.db, since) == files.WIDE_EXPECTED


def test_a_file_with_every_field_asks_for_no_value_for_every_row(qtbot, window, tmp_path):
    dialog = _open(qtbot, window, files.write(tmp_path, "whole.csv", files.RUSSIAN_CSV))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20_000)
    assert dialog.step.isVisible() and not dialog.step.value_boxes
    assert not dialog.step.fixed.isVisible()  # no empty "Same for every row" box
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)


def test_an_unknown_indicator_is_a_question_in_the_preview(qtbot, window, tmp_path):
    text = files.RUSSIAN_CSV.replace("Импорт", "Ввоз товаров")
    dialog = _open(qtbot, window, files.write(tmp_path, "odd.csv", text))
    qtbot.waitUntil(lambda: dialog.step.questions.isVisible(), timeout=20_000)
    box = dialog.step.questions.findChild(QComboBox)
    assert box.currentText() == "A new indicator “Ввоз товаров”"
    since = _last(window.db)
    _choose(qtbot, box, "imports")
    _import(qtbot, dialog)
    assert _figures(window.db, since) == files.RUSSIAN_EXPECTED


def test_a_bad_byte_is_refused_with_its_row_and_column_marked(qtbot, window, tmp_path):
    before = content(window.db)
    dialog = _open(qtbot, window, files.bad_byte_csv(tmp_path))
    qtbot.waitUntil(lambda: "not imported" in dialog.status.text(), timeout=20_000)
    assert dialog.details.toPlainText().startswith("row 3, column Страна-партнёр: the byte 0xFF is not UTF-8")
    assert dialog.preview.item(1, 1).text() == "Росс\\xffийская Федерация"
    assert dialog.preview.item(1, 1).background().color().red() == 255
    assert not dialog.import_button.isEnabled()
    assert content(window.db) == before
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)


def test_an_uncertain_encoding_is_a_question_answered_in_the_box(qtbot, window, tmp_path):
    text = "subject;indicator;period;value;unit;source_title\r\nAbai region;exports;2024;1,5;USD million;Bulletin №1\r\n"
    dialog = _open(qtbot, window, files.write(tmp_path, "few.csv", text, "cp1251"))
    assert dialog.status.text().startswith("The encoding cannot be told for sure")
    assert not dialog.import_button.isEnabled() and not dialog.working()
    _choose(qtbot, dialog.step.encoding, "cp1251")
    since = _last(window.db)
    _import(qtbot, dialog)
    assert window.db.execute("SELECT s.title FROM indicators i JOIN sources s ON s.id = i.source_id "
                             "WHERE i.id > ?", [since]).fetchone() == (
        "Bulletin №1",)


def test_each_box_of_the_mapping_step_shows_the_whole_field_it_names(qtbot, window, tmp_path):
    dialog = _open(qtbot, window, files.write(tmp_path, "wide.csv", files.WIDE_CSV, "cp1251"))
    columns = dialog.step.columns
    for column in range(columns.columnCount()):
        box = columns.cellWidget(0, column)
        needed = box.fontMetrics().horizontalAdvance(box.currentText())
        assert columns.columnWidth(column) > needed, box.currentText()  # "Figures for 2022", not "Fi"
        assert dialog.preview.columnWidth(column) == columns.columnWidth(column)  # over the column it names
    dialog.reject()


def test_a_workbook_naming_a_far_cell_is_refused_in_a_sentence(qtbot, window, tmp_path):
    far = files.with_sheet_xml(files.workbook(tmp_path), tmp_path / "far.xlsx",
                               '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v>'
                               '</c></row>')
    before = _last(window.db)
    dialog = _open(qtbot, window, far)
    qtbot.waitUntil(lambda: "reaches row 1,048,576 and column 16,384" in dialog.status.text(), timeout=20_000)
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert _last(window.db) == before
