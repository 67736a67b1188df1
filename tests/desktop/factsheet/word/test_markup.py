"""Reading the sheet's simple HTML into Word runs: the stylesheet's looks, Word's own styles for
headings, and text written exactly as it reads."""

from __future__ import annotations

import docx

from desktop.factsheet.plain_text import parse_styles
from desktop.factsheet.render import stylesheet
from desktop.factsheet.word.markup import Look, add_runs, paragraphs, word_text

STYLES = parse_styles(stylesheet())


def test_classes_and_tags_give_runs_the_stylesheets_look():
    (line,) = paragraphs("<b>Berik Uali</b> <span class='small muted'>· since 2024</span> <i>Абай облысы</i>",
                         STYLES)
    assert line.runs == [("Berik Uali", Look(bold=True)), (" ", Look()),
                         ("· since 2024", Look(points=7.0, colour="#555555")), (" ", Look()),
                         ("Абай облысы", Look(italic=True))]
    assert line.style is None


def test_a_line_break_starts_a_new_paragraph_and_escaped_text_reads_as_typed():
    found = paragraphs("<span class='value'>USD &lt;b&gt;1&lt;/b&gt; &amp; more</span><br>"
                       "<span class='warn small'>see data-quality note 1</span>", STYLES)
    assert [p.text for p in found] == ["USD <b>1</b> & more", "see data-quality note 1"]
    assert found[1].runs[0][1] == Look(points=7.0, colour="#9b1c1c")


def test_headings_and_the_title_take_words_own_styles():
    assert [(p.style, p.text) for p in paragraphs("<h2>Key figures</h2>", STYLES)] == [("Heading 1", "Key figures")]
    assert [(p.style, p.text) for p in paragraphs("<h3>Planned events</h3>", STYLES)] == [
        ("Heading 2", "Planned events")]
    found = paragraphs("<div class='title'>A – B</div><div class='subtitle'>as of 2 Jul 2025</div>", STYLES)
    assert [(p.style, p.text, p.runs[0][1]) for p in found] == [("Title", "A – B", Look()),
                                                               ("Subtitle", "as of 2 Jul 2025", Look())]


def test_an_empty_cell_is_one_empty_paragraph():
    assert [p.runs for p in paragraphs("", STYLES)] == [[]]


def test_characters_a_word_file_cannot_hold_are_shown_not_dropped():
    assert word_text("red\x1b[31m bell\x07 end\x7f") == "red␛[31m bell␇ end␡"
    assert word_text("two\nlines\tand a tab") == "two lines and a tab"
    paragraph = docx.Document().add_paragraph()
    add_runs(paragraph, [("\x1b[2J cleared? \ufffe", Look(bold=True, colour="#9b1c1c"))])
    assert paragraph.text == "␛[2J cleared? \ufffd"
    assert paragraph.runs[0].bold and str(paragraph.runs[0].font.color.rgb) == "9B1C1C"
