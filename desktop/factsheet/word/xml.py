"""The few pieces of WordprocessingML python-docx has no words for: rules, shading, repeated
header rows, rows kept whole, cell margins and fields.

Word refuses a file ("unreadable content") whose elements are out of the schema's order, so
every element is put before the ones the schema (ECMA-376) places after it (``put``).
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# The schema's order of the children that are set here, per parent.
_PARAGRAPH = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
              "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
              "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_CELL = ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap",
         "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers", "w:cellIns",
         "w:cellDel", "w:cellMerge", "w:tcPrChange")
_TABLE = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
          "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
          "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_SIDES = ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV")
_ORDERS = {qn("w:pPr"): _PARAGRAPH, qn("w:tcPr"): _CELL, qn("w:tblPr"): _TABLE, qn("w:tblBorders"): _SIDES,
           qn("w:tcBorders"): _SIDES, qn("w:pBdr"): _SIDES, qn("w:tblCellMar"): _SIDES}


def put(parent, tag: str, **attributes: str):
    """A new ``tag`` element in ``parent`` (replacing one there), where the schema orders it."""
    order = _ORDERS.get(parent.tag, ())
    for found in parent.findall(qn(tag)):
        parent.remove(found)
    element = OxmlElement(tag)
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    later = {qn(name) for name in order[order.index(tag) + 1:]} if tag in order else set()
    for index, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(index, element)
            break
    else:
        parent.append(element)
    return element


def line(size_eighths: int = 4, colour: str = "auto") -> dict[str, str]:
    """The attributes of a single rule ``size_eighths`` eighths of a point thick."""
    return {"val": "single", "sz": str(size_eighths), "space": "0", "color": colour}


NONE = {"val": "nil"}


def borders(parent, tag: str, sides: dict[str, dict[str, str]]) -> None:
    """A rule (or none) on each of ``sides`` in ``tag`` (``w:tblBorders``, ``w:tcBorders``,
    ``w:pBdr``); the other sides stay as they were."""
    holder = parent.find(qn(tag))
    if holder is None:
        holder = put(parent, tag)
    for side in _SIDES:
        if side[2:] in sides:
            put(holder, side, **sides[side[2:]])


def shade(cell_properties, colour: str) -> None:
    put(cell_properties, "w:shd", val="clear", color="auto", fill=colour)


def row_flag(row, tag: str) -> None:
    """A row property that is on or off (``w:tblHeader``, ``w:cantSplit``), switched on."""
    properties = row.get_or_add_trPr()
    if properties.find(qn(tag)) is None:
        properties.append(OxmlElement(tag))


def cell_margins(table_properties, *, side_twips: int, top_twips: int) -> None:
    holder = put(table_properties, "w:tblCellMar")
    for side, twips in (("w:top", top_twips), ("w:left", side_twips), ("w:bottom", top_twips),
                        ("w:right", side_twips)):
        put(holder, side, w=str(twips), type="dxa")


def field(run_for, instruction: str, shown: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) showing ``shown`` until Word works it out;
    ``run_for(text)`` adds a formatted run to the paragraph."""
    for kind in ("begin", "instruction", "separate", "shown", "end"):
        run = run_for(shown if kind == "shown" else "")
        if kind == "instruction":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {instruction} "
            run._r.append(code)
        elif kind != "shown":
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run._r.append(mark)
