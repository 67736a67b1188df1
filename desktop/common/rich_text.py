"""Turning user text into HTML safely: the only way text reaches a rich-text widget.

Everything a person typed (names, titles, quotes, URLs) is escaped here, so a party
called ``<b>x</b>`` shows those characters, and a ``javascript:`` URL is never a link.

Text is also kept to a size a rich-text widget lays out at once: a name or title longer
than ``INLINE_LIMIT`` characters is cut with "…", and a long text (a note, an article, a
quote) shows its first ``LONG_TEXT_LIMIT`` characters and a sentence saying how long it
is. Laying out 10 MB of text takes a QTextBrowser many seconds; the stored text is never
changed, only what one view shows of it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from db.model.formatting import format_number
from db.model.i18n import _

RECORD_SCHEME = "record"
INLINE_LIMIT = 1_000
LONG_TEXT_LIMIT = 20_000


def esc(text: object) -> str:
    """Escape any value for HTML text or attribute content; None becomes empty.

    Text longer than ``INLINE_LIMIT`` characters is cut there and ends with "…" (``shown``).
    """
    return _escape(shown(text))


def _escape(text: str) -> str:
    """What ``html.escape(text, quote=True)`` does, without loading the html module (and its
    table of every named entity) at start-up."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#x27;")


def shown(text: object, limit: int = INLINE_LIMIT) -> str:
    """Any value as plain text for a label or a cell, cut at ``limit`` characters with "…".

    The plain-text counterpart of ``esc``: a label laid out with megabytes of text (a
    title another program stored) would stall the window; the stored text is unchanged.
    """
    if text is None:
        return ""
    text = str(text)
    return text if len(text) <= limit else text[:limit] + "…"


def record_href(kind: str, record_id: int) -> str:
    """An internal link that opens a record: ``record:agreement/2``."""
    return f"{RECORD_SCHEME}:{kind}/{int(record_id)}"


def parse_record_href(href: str) -> tuple[str, int] | None:
    """(kind, id) from ``record:kind/id``; None for anything else."""
    if not href.startswith(RECORD_SCHEME + ":"):
        return None
    kind, _sep, number = href[len(RECORD_SCHEME) + 1:].partition("/")
    return (kind, int(number)) if number.isdigit() else None


def tooltip_html(text: str) -> str:
    """Plain text as a tooltip that Qt cannot mistake for markup (a title with "<b>" in it)."""
    return f"<qt>{multiline(text)}</qt>"


def record_link(kind: str, record_id: int, label: str) -> str:
    return f'<a href="{record_href(kind, record_id)}">{esc(label)}</a>'


def web_link(url: str | None, label: str | None = None) -> str:
    """A link to a web page, only for http(s) addresses; other text is shown escaped."""
    if not url:
        return ""
    if len(url) <= INLINE_LIMIT and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return f'<a href="{esc(url.strip())}">{esc(label or url)}</a>'
    return esc(label or url)


def multiline(text: str | None, limit: int = LONG_TEXT_LIMIT) -> str:
    """Escaped text with its line breaks kept; a long text shows its beginning and says so."""
    if text is None:
        return ""
    start = _escape(text[:limit]).replace("\n", "<br>")
    if len(text) <= limit:
        return start
    note = _("The text is {length} characters long; the first {shown} are shown.").format(
        length=format_number(len(text)), shown=format_number(limit))
    return f"{start}…<br><i>{_escape(note)}</i>"
