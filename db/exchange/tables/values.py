"""How a table writes its cells: decimal separator, thousands groups, guarded formulas, no-data marks.

The decimal separator is told by the values in the first rows (``guess_decimal``); when none
of them shows it, it is only the usual one for the cell separator, and a value such as
"1,001" (a thousand and one, or a little over one?) is refused rather than guessed
(``Numbers``). A text cell saved with a leading apostrophe against spreadsheet formulas
("'=x") is read without it, exactly as ``db.exchange.formula_guard`` added it (``clean``). Statistics tables mark a cell with no figure with
"-", "…" or "x"; such a cell of a wide table is no figure at all (``NO_DATA``).
"""

from __future__ import annotations

import re

from db.exchange.formula_guard import unguard
from db.model.i18n import _
from db.model.validate import NUMBER_SPACES, NumberError, parse_number

NO_DATA = frozenset(("", "-", "–", "—", "…", "...", "x", "х", "X", "Х", "н/д", "n/a", ".."))


def clean(text: str) -> str:
    """A cell's text without surrounding spaces or a formula-guarding apostrophe."""
    text = text.strip()
    return unguard(text) if text[:1] == "'" else text


def guess_decimal(values: list[str], delimiter: str) -> tuple[str, bool]:
    """"," or "." from how values in the first rows are written, and whether they told."""
    comma = point = 0
    for text in values:
        text = NUMBER_SPACES.sub("", text)
        if "," in text and "." in text:
            comma, point = (comma + 1, point) if text.rfind(",") > text.rfind(".") else (comma, point + 1)
        elif re.fullmatch(r"[+-]?\d*,\d+", text) and not re.fullmatch(r"[+-]?[1-9]\d{0,2}(,\d{3})+", text):
            comma += 1
        elif re.fullmatch(r"[+-]?\d*\.\d+", text) and not re.fullmatch(r"[+-]?[1-9]\d{0,2}(\.\d{3})+", text):
            point += 1
    if comma != point:
        return ("," if comma > point else "."), True
    return ("," if delimiter == ";" else "."), False


class Numbers:
    """Reads the value cells of one file, knowing its decimal separator.

    ``read`` returns the number, or a sentence saying why the text is not one. The common
    case (digits with at most the file's decimal separator) costs one ``float``.
    """

    def __init__(self, decimal: str, decimal_known: bool = True) -> None:
        self.decimal = decimal
        self.thousands = "," if decimal == "." else "."
        # A first group never starts with 0: "0,001" is not a thousand in any file.
        self.grouping = re.compile(
            rf"[+-]?[1-9]\d{{0,2}}(\{self.thousands}\d{{3}})+(\{decimal}\d*)?([eE][+-]?\d+)?")
        # With the decimal separator only assumed, "1,001" may be a thousand and one or a
        # little over one: such a value is refused rather than guessed.
        self.ambiguous = None if decimal_known else re.compile(rf"[+-]?[1-9]\d{{0,2}}\{self.thousands}\d{{3}}")

    def read(self, text: str) -> float | str:
        """The number ``text`` writes, or the sentence saying why it is not one."""
        try:  # "nan" and "inf" are read by float but are not finite: value - value is then not 0
            value = float(text) if self.decimal == "." else float(text.replace(",", ".")) if "." not in text \
                else None
            if value is not None and value - value == 0.0 and "_" not in text:
                return value + 0.0  # -0 is 0
        except ValueError:
            pass
        return self._slow(clean(text))

    def _slow(self, text: str) -> float | str:
        if not text:
            return ""
        bare = NUMBER_SPACES.sub("", text)
        if self.ambiguous is not None and self.ambiguous.fullmatch(bare):
            return _("'{text}' is ambiguous: nothing in the file's first rows says whether “{separator}” is a "
                     "decimal or a thousands separator; write the number without thousands separators").format(
                text=text, separator=self.thousands)
        if self.thousands in text and not self.grouping.fullmatch(bare):
            separator = _("a decimal comma") if self.thousands == "," else _("a decimal point")
            usual = _("a decimal point") if self.decimal == "." else _("a decimal comma")
            return _("'{text}' has {separator}, but this file writes numbers with {usual}").format(
                text=text, separator=separator, usual=usual)
        try:
            return parse_number(text, decimal=self.decimal)
        except NumberError as error:
            return str(error)
