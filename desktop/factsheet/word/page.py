"""The Word document's paper, styles, language, header and footer, and its properties.

- **Paper and margins**: A4 or Letter, portrait, with the PDF's side margins
  (``desktop.factsheet.render.MARGINS_MM``); the header and footer sit where the PDF prints
  them, the body between.
- **Styles**: the body text, Heading 1 and 2 (the sheet's sections and their parts), Title
  and Subtitle are set from the sheet's stylesheet — the PDF's sizes, weights and colours —
  in ``FONT``. Arial holds every Cyrillic and Kazakh letter (ә ғ қ ң ө ұ ү һ і) on Windows and
  macOS, and LibreOffice sets it in a metric-compatible font (Liberation Sans) or the
  system's own; the theme fonts of python-docx's template (Calibri, Cambria) are dropped so
  that every style uses it.
- **Language**: the document's default language (``w:lang``) and its properties say the
  sheet's language, so Word checks the spelling of a Russian sheet in Russian.
- **Header and footer** as on every PDF page: the title and the "as of" day; the day it was
  made and "Page X of Y", X and Y being Word fields that Word and LibreOffice keep up to date
  while the document is edited.
"""

from __future__ import annotations

import datetime as dt

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from db.model.i18n import _
from db.sheet.sheet import FactSheet
from desktop import APP_NAME, __version__
from desktop.factsheet.plain_text import Style, parse_styles
from desktop.factsheet.render import FRAME_GAP_POINTS, FRAME_POINTS, MARGINS_MM, stylesheet
from desktop.factsheet.typesetter import BODY_POINT_SIZE, HEADING_SPACE_AFTER, HEADING_SPACE_BEFORE
from desktop.factsheet.word import xml
from desktop.factsheet.word.markup import word_text

FONT = "Arial"
LANGUAGE_TAGS = {"en": "en-GB", "ru": "ru-RU", "kk": "kk-KZ"}
PAPER_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
FRAME_COLOUR = "555555"
RULE_COLOUR = "555555"
# The paragraph styles the sheet uses, and the stylesheet rule each takes its look from.
STYLE_RULES = {"Heading 1": "h2", "Heading 2": "h3", "Title": ".title", "Subtitle": ".subtitle"}


def set_up(document: Document, sheet: FactSheet, page_size: str) -> int:
    """Paper, styles, language, header, footer and properties for ``sheet``; returns the width
    of the text between the margins, in EMU. Call in the sheet's language."""
    width = _paper(document, page_size)
    language = LANGUAGE_TAGS.get(sheet.language, sheet.language)
    _styles(document, language)
    _frame(document, sheet, width)
    _properties(document, sheet, language)
    return width


def _paper(document: Document, page_size: str) -> int:
    section = document.sections[0]
    paper_width, paper_height = PAPER_MM[page_size]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(paper_width), Mm(paper_height)
    frame = Pt(FRAME_POINTS * 1.5 + FRAME_GAP_POINTS)  # the PDF's header line and the gap below it
    section.left_margin, section.right_margin = Mm(MARGINS_MM.left()), Mm(MARGINS_MM.right())
    section.header_distance, section.footer_distance = Mm(MARGINS_MM.top()), Mm(MARGINS_MM.bottom())
    section.top_margin = Emu(Mm(MARGINS_MM.top()) + frame)
    section.bottom_margin = Emu(Mm(MARGINS_MM.bottom()) + frame)
    return int(section.page_width - section.left_margin - section.right_margin)


def _fonts(rpr) -> None:
    """``FONT`` for every script of a run's properties, in place of any theme font."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), FONT)


def _styles(document: Document, language: str) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY_POINT_SIZE)
    _tight(normal)
    rules = parse_styles(stylesheet())
    for name, rule in STYLE_RULES.items():
        _look(document.styles[name], rules.get(rule, Style()))


def _tight(style: ParagraphStyle) -> None:
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = 1.0


def _look(style: ParagraphStyle, rule: Style) -> None:
    """A heading or title style as the stylesheet sets it, in ``FONT``, without the template's
    theme colours, rule lines, numbering or slant."""
    ppr, rpr = style.element.get_or_add_pPr(), style.element.get_or_add_rPr()
    for tag in ("w:pBdr", "w:numPr", "w:contextualSpacing"):  # the template's rule, numbering, spacing
        for found in ppr.findall(qn(tag)):
            ppr.remove(found)
    for tag in ("w:color", "w:i", "w:iCs", "w:spacing", "w:kern"):
        for found in rpr.findall(qn(tag)):
            rpr.remove(found)
    _fonts(rpr)
    _tight(style)
    if style.name.startswith("Heading"):
        style.paragraph_format.space_before = Pt(HEADING_SPACE_BEFORE)
        style.paragraph_format.space_after = Pt(HEADING_SPACE_AFTER)
    style.font.size = Pt(rule.points or BODY_POINT_SIZE)
    style.font.bold = rule.bold
    style.font.color.rgb = RGBColor.from_string((rule.colour or "#000000").lstrip("#").upper())


def _frame(document: Document, sheet: FactSheet, width: int) -> None:
    section = document.sections[0]
    top = section.header.paragraphs[0]
    _frame_line(top, width, "bottom")
    _frame_text(top, _("Fact sheet: {title}").format(title=sheet.title))
    top.add_run("\t")
    _frame_text(top, _("As of {day}").format(day=sheet.as_of_label))
    bottom = section.footer.paragraphs[0]
    _frame_line(bottom, width, "top")
    _frame_text(bottom, _("Generated {day} with {app}").format(day=sheet.generated_label, app=APP_NAME))
    bottom.add_run("\t")
    # The sentence is translated whole; the two numbers in it become Word's page fields.
    marked = _("Page {number} of {count}").format(number="\0PAGE\0", count="\0NUMPAGES\0")
    for part in marked.split("\0"):
        if part in ("PAGE", "NUMPAGES"):
            xml.field(lambda text: _frame_text(bottom, text), part, "1")
        elif part:
            _frame_text(bottom, part)


def _frame_line(paragraph: Paragraph, width: int, side: str) -> None:
    """A header or footer line: small grey text, the second part flush right, a rule on ``side``."""
    style = paragraph.style.element.get_or_add_pPr()
    for tabs in style.findall(qn("w:tabs")):  # the template's, for a page of another width
        style.remove(tabs)
    paragraph.paragraph_format.tab_stops.add_tab_stop(Emu(width), WD_TAB_ALIGNMENT.RIGHT)
    xml.borders(paragraph._p.get_or_add_pPr(), "w:pBdr", {side: {**xml.line(4, RULE_COLOUR), "space": "4"}})


def _frame_text(paragraph: Paragraph, text: str) -> Run:
    run = paragraph.add_run(word_text(text))
    run.font.size = Pt(FRAME_POINTS)
    run.font.color.rgb = RGBColor.from_string(FRAME_COLOUR)
    return run


def _properties(document: Document, sheet: FactSheet, language: str) -> None:
    """The document's title and language, made now by Fact Sheet (not python-docx's template's)."""
    properties = document.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    properties.title = word_text(_("Fact sheet: {title}").format(title=sheet.title))
    properties.subject = word_text(sheet.title)
    properties.author = properties.last_modified_by = ""
    properties.comments = f"{APP_NAME} {__version__}"
    properties.keywords = properties.category = ""
    properties.language = language
    properties.created = properties.modified = now
    properties.revision = 1
    # python-docx's template also carries a thumbnail of another document and application
    # properties that name another program and count no words; Word writes its own on saving.
    relationships = document.part.package.rels
    for key, relationship in list(relationships.items()):
        if relationship.reltype.endswith(("/metadata/thumbnail", "/extended-properties")):
            relationships.pop(key)
