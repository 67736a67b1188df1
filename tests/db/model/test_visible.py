"""Control characters are shown as escapes, never passed on; everything else is kept."""

from hypothesis import given
from hypothesis import strategies as st

from db.model.visible import visible


def test_escape_sequences_bell_and_delete_are_shown_as_escapes():
    assert visible("A\x1b]0;pwned\x07B\x1b[2JC\x7fD\x9bE") == "A\\x1b]0;pwned\\x07B\\x1b[2JC\\x7fD\\x9bE"
    assert visible("over\rwrite") == "over\\x0dwrite"
    assert visible("right\u202eto left") == "right\\u202eto left"


def test_letters_emoji_tabs_and_line_breaks_are_kept():
    text = "Абай облысы Қазақстан 😀 👨‍👩‍👧\tcolumn\nnext line \\x1b"
    assert visible(text) == text
    assert visible("one\ntwo", one_line=True) == "one\\x0atwo"


@given(st.text())
def test_nothing_shown_is_a_control_character(text):
    shown = visible(text, one_line=True)
    assert not any(ord(c) < 0x20 and c != "\t" or 0x7f <= ord(c) <= 0x9f for c in shown)
