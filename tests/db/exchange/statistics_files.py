"""Statistics files as offices really publish them, built byte by byte for the import tests.

Each builder writes a file into a folder and returns its path; ``EXPECTED`` says what every
one of them must import as (indicator, period start, period end, value, unit), so the
command-line and the window's tests check the same figures.
"""

from __future__ import annotations

import codecs
from pathlib import Path

SOURCE = "Бюро национальной статистики"

# A Russian header, day-first dates, a decimal comma with a thousands space, a scale in the unit.
RUSSIAN_CSV = (
    "Регион;Страна-партнёр;Показатель;Начало периода;Конец периода;Значение;Единица измерения;Источник\r\n"
    f"Абайская область;Российская Федерация;Экспорт;01.01.2024;31.12.2024;1 067,8;млн долл. США;{SOURCE}\r\n"
    f"Абайская область;Российская Федерация;Импорт;01.01.2024;31.12.2024;70,4;млн долл. США;{SOURCE}\r\n"
    f"Абайская область;Российская Федерация;Товарооборот;01.01.2025;31.05.2025;138 200;тыс. долл. США;{SOURCE}\r\n"
)
RUSSIAN_EXPECTED = [
    ("exports", "2024-01-01", "2024-12-31", 1067.8, "USD million"),
    ("imports", "2024-01-01", "2024-12-31", 70.4, "USD million"),
    ("turnover", "2025-01-01", "2025-05-31", 138200.0, "USD thousand"),
]

# Periods across, partners down, the unit in the title row above the header.
WIDE_CSV = (
    "Экспорт Абайской области по странам, млн долл. США\r\n"
    "\r\n"
    "Страна;2022;2023;2024 год\r\n"
    "Российская Федерация;50,5;60;67,8\r\n"
    "Китай;10;-;3,25\r\n"
)
WIDE_EXPECTED = [
    ("exports", "2022-01-01", "2022-12-31", 50.5, "USD million"),
    ("exports", "2023-01-01", "2023-12-31", 60.0, "USD million"),
    ("exports", "2024-01-01", "2024-12-31", 67.8, "USD million"),
    ("exports", "2022-01-01", "2022-12-31", 10.0, "USD million"),
    ("exports", "2024-01-01", "2024-12-31", 3.25, "USD million"),
]
WIDE_SETTINGS = {"subject": "Абайская область", "indicator": "exports", "source_title": SOURCE}

# Kazakh names and written periods: a single period column.
KAZAKH_CSV = (
    "Облыс,Серіктес ел,Көрсеткіш,Кезең,Мәні,Өлшем бірлігі,Дереккөз\n"
    f"Абайская область,Российская Федерация,Экспорт,қаңтар–мамыр 2025,67.8,млн долл. США,{SOURCE}\n"
    f"Абайская область,Российская Федерация,Импорт,I квартал 2025,30.1,млн долл. США,{SOURCE}\n"
)
KAZAKH_EXPECTED = [
    ("exports", "2025-01-01", "2025-05-31", 67.8, "USD million"),
    ("imports", "2025-01-01", "2025-03-31", 30.1, "USD million"),
]


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def russian_csv(folder: Path, encoding: str = "utf-8", name: str = "ru.csv") -> Path:
    """The Russian-header file in an encoding: "koi8_r", "cp866", "utf-16-le" (no BOM) …"""
    return write(folder, name, RUSSIAN_CSV, encoding)


def bad_byte_csv(folder: Path) -> Path:
    """The Russian file in UTF-8 with one byte that is not UTF-8, in row 3's partner cell."""
    lines = RUSSIAN_CSV.encode("utf-8").split(b"\r\n")
    lines[2] = lines[2].replace("Российская".encode(), "Росс".encode() + b"\xff" + "ийская".encode(), 1)
    path = folder / "bad-byte.csv"
    path.write_bytes(b"\r\n".join(lines))
    return path


def utf16_without_bom(folder: Path) -> Path:
    path = folder / "utf16.csv"
    path.write_bytes(RUSSIAN_CSV.encode("utf-16-le"))
    assert not path.read_bytes().startswith(codecs.BOM_UTF16_LE)
    return path


def workbook(folder: Path, name: str = "export.xlsx") -> Path:
    """An .xlsx with a merged title row, a header cell merged over two rows and a group heading
    merged over the period columns, a second sheet, and numbers and text as Excel keeps them."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Титул"
    sheet["A1"] = "Пояснения к таблицам"
    table = book.create_sheet("Экспорт")
    table["A1"] = "Экспорт Абайской области по странам, млн долл. США"
    table.merge_cells("A1:D1")
    table["A2"] = "Страна"
    table.merge_cells("A2:A3")
    table["B2"] = "Период"
    table.merge_cells("B2:D2")
    for column, period in enumerate((2022, 2023, "2024 год"), start=2):
        table.cell(row=3, column=column, value=period)
    table.append(["Российская Федерация", 50.5, 60, 67.8])
    table.append(["Китай", 10, "-", 3.25])
    path = folder / name
    book.save(path)
    return path


def ods(folder: Path, name: str = "export.ods", cells: str | None = None) -> Path:
    """An OpenDocument spreadsheet with the Russian table (or the rows ``cells``), written as
    LibreOffice writes one (a zip of a few XML parts), so no writer library is needed."""
    import zipfile
    from xml.sax.saxutils import escape

    rows = [line.split(";") for line in RUSSIAN_CSV.strip().split("\r\n")]
    cells = cells if cells is not None else "".join(
        "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(c)}</text:p></table:table-cell>'
            for c in row) + "</table:table-row>" for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Лист1">{cells}</table:table>'
        '</office:spreadsheet></office:body></office:document-content>')
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '</manifest:manifest>')
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


def with_sheet_xml(book: Path, target: Path, sheet_data: str) -> Path:
    """A copy of the .xlsx ``book`` whose first sheet holds ``sheet_data`` (its ``<row>`` elements)."""
    import zipfile

    with zipfile.ZipFile(book) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                        f'spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>').encode()
            copy.writestr(item, data)
    return target
