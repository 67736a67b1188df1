"""Reading the sheet's simple HTML into Word paragraphs and runs.

The blocks ``desktop.factsheet.content`` makes hold a small subset of HTML, its text escaped:
``<span class='…'>``, ``<b>``, ``<i>`` (a name borrowed from another language), ``<br>``,
``<div class='…'>`` and the headings ``<h2>`` and ``<h3>``. ``paragraphs`` reads a fragment into
paragraphs of runs, each run carrying the size, weight, slant and colour the sheet's stylesheet
(``resources/factsheet/sheet.css``) gives its tags and classes, so the Word document says the
PDF's words in the PDF's styles. A paragraph inside a heading or the title names the Word
paragraph style it takes (``PARAGRAPH_STYLES``): the style carries the heading's own size and
colour, so a person restyling the headings in Word restyles them all.

``add_runs`` writes the runs into a python-docx paragraph. Text is written as it is, except
what an XML file cannot hold: a control character (from a pasted terminal text, say) is
written as its Unicode picture (``␛``), and a line break or tab in a text as a space, as the
PDF's HTML does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph as WordParagraph

from desktop.factsheet.plain_text import Style

# The blocks' tags and classes that are Word paragraph styles of their own.
PARAGRAPH_STYLES = {"h2": "Heading 1", "h3": "Heading 2", ".title": "Title", ".subtitle": "Subtitle"}
_BLOCKS = {"div", "p", "h1", "h2", "h3", "h4"}
_SPACES = re.compile(r"[\t\n\r]+")
# Characters XML 1.0 cannot hold: C0 controls other than tab and line ends, DEL, surrogates, U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Look:
    """How a run is set: what its tags and classes say, and nothing where they say nothing."""

    points: float | None = None
    bold: bool = False
    italic: bool = False
    colour: str | None = None  # "#9b1c1c"

    def merged(self, style: Style | None) -> Look:
        if style is None:
            return self
        return Look(style.points or self.points, self.bold or style.bold, self.italic, style.colour or self.colour)


@dataclass
class Paragraph:
    runs: list[tuple[str, Look]] = field(default_factory=list)
    style: str | None = None  # a Word paragraph style ("Heading 1"), None for the body's own

    @property
    def text(self) -> str:
        return "".join(text for text, _look in self.runs)


class _Reader(HTMLParser):
    def __init__(self, styles: dict[str, Style]) -> None:
        super().__init__(convert_charrefs=True)
        self.styles = styles
        self.paragraphs = [Paragraph()]
        self.stack: list[tuple[str, Look, str | None]] = []  # (tag, look, paragraph style)

    def _break(self, style: str | None) -> None:
        if self.paragraphs[-1].runs:
            self.paragraphs.append(Paragraph(style=style))
        else:
            self.paragraphs[-1].style = style

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        look, style = self.stack[-1][1:] if self.stack else (Look(), None)
        if tag == "br":
            self.paragraphs.append(Paragraph(style=style))
            return
        names = [tag] + ["." + name for name in (dict(attrs).get("class") or "").split()]
        own = next((PARAGRAPH_STYLES[name] for name in names if name in PARAGRAPH_STYLES), None)
        if own is not None:
            style = own  # the Word style carries what the stylesheet says of it
        else:
            for name in names:
                look = look.merged(self.styles.get(name))
        if tag in ("b", "strong"):
            look = replace(look, bold=True)
        elif tag in ("i", "em"):
            look = replace(look, italic=True)
        if tag in _BLOCKS:
            self._break(style)
        self.stack.append((tag, look, style))

    def handle_endtag(self, tag: str) -> None:
        if not any(open_tag == tag for open_tag, _look, _style in self.stack):
            return
        while self.stack:
            open_tag, _look, _style = self.stack.pop()
            if open_tag == tag:
                break
        if tag in _BLOCKS:
            self._break(self.stack[-1][2] if self.stack else None)

    def handle_data(self, data: str) -> None:
        if data:
            look = self.stack[-1][1] if self.stack else Look()
            self.paragraphs[-1].runs.append((data, look))


def paragraphs(fragment: str, styles: dict[str, Style]) -> list[Paragraph]:
    """The fragment's paragraphs (at least one, perhaps empty), each a list of styled runs."""
    reader = _Reader(styles)
    reader.feed(fragment)
    reader.close()
    found = [p for p in reader.paragraphs if p.runs]
    return found or [Paragraph(style=reader.paragraphs[0].style)]


def word_text(text: str) -> str:
    """``text`` as a Word document can hold it: line breaks and tabs as spaces, controls as pictures."""
    text = _SPACES.sub(" ", text)
    return _NOT_XML.sub(_picture, text)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    return "\u2421" if code == 0x7F else "\ufffd"


def add_runs(paragraph: WordParagraph, runs: list[tuple[str, Look]]) -> None:
    """Write ``runs`` at the end of a python-docx paragraph, each with its look."""
    for text, look in runs:
        run = paragraph.add_run(word_text(text))
        if look.points is not None:
            run.font.size = Pt(look.points)
        if look.bold:
            run.font.bold = True
        if look.italic:
            run.font.italic = True
        if look.colour:
            run.font.color.rgb = RGBColor.from_string(look.colour.lstrip("#").upper())
