"""Turning user text into HTML safely: the only way text reaches a rich-text widget.

Everything a person typed (names, titles, quotes, URLs) is escaped here, so a party
called ``<b>x</b>`` shows those characters, and a ``javascript:`` URL is never a link.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

RECORD_SCHEME = "record"


def esc(text: object) -> str:
    """Escape any value for HTML text or attribute content; None becomes empty."""
    if text is None:
        return ""
    return html.escape(str(text), quote=True)


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
    if urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return f'<a href="{esc(url.strip())}">{esc(label or url)}</a>'
    return esc(label or url)


def multiline(text: str | None) -> str:
    """Escaped text with its line breaks kept."""
    return esc(text).replace("\n", "<br>")
