"""Which encoding a text file is written in, decided by evidence and never by habit.

In order: a byte-order mark (UTF-8, UTF-16, UTF-32); then the whole file as strict UTF-8;
then UTF-16 or UTF-32 without a byte-order mark, told by which reading gives text in Latin
or Cyrillic letters; then a file that is mostly UTF-8 with a few bad bytes (more valid
multi-byte letters than bad bytes), which is *not* read in another encoding: its bad bytes
are reported with their rows and columns (``Encoding.bad_bytes``). Only then does a real
detector (``charset-normalizer``, loaded here alone) choose among the single-byte encodings
of the region: Windows-1251, KOI8-R, CP866, ISO-8859-5 and Windows-1252. When another of
them reads the file about as well and no language is recognised, the choice is uncertain
(``Encoding.certain`` is False) and the person is asked.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from db.model.i18n import N_, Labels, _

SCAN_CHUNK = 1 << 20
SINGLE_BYTE = ("cp1251", "koi8_r", "cp866", "iso8859_5", "cp1252")
# Every encoding a person may choose, with its visible name.
ENCODING_NAMES = Labels({
    "utf-8": N_("UTF-8"), "utf-8-sig": N_("UTF-8 with byte-order mark"),
    "utf-16": N_("UTF-16"), "utf-16-le": N_("UTF-16 little-endian"), "utf-16-be": N_("UTF-16 big-endian"),
    "utf-32": N_("UTF-32"), "utf-32-le": N_("UTF-32 little-endian"), "utf-32-be": N_("UTF-32 big-endian"),
    "cp1251": N_("Windows-1251"), "koi8_r": N_("KOI8-R"), "cp866": N_("CP866 (DOS Cyrillic)"),
    "iso8859_5": N_("ISO-8859-5"), "cp1252": N_("Windows-1252"),
})
_WIDE = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")


class NotText(ValueError):
    """The file is not text in any encoding Fact Sheet reads; the message says why."""


@dataclass(frozen=True)
class Encoding:
    """The encoding chosen for a file, and how sure the choice is."""

    codec: str  # a Python codec name, a key of ``ENCODING_NAMES``
    certain: bool = True
    others: tuple[str, ...] = ()  # other encodings that read the file about as well
    bad_bytes: bool = False  # UTF-8 but for a few bytes, which are problems to report

    @property
    def name(self) -> str:
        return ENCODING_NAMES.get(self.codec, self.codec)


def _text_share(text: str) -> float:
    """How much of ``text`` is what tables are written in: ASCII, Latin and Cyrillic letters,
    punctuation and spaces (a wrong reading of UTF-16 gives CJK or control characters)."""
    if not text:
        return 0.0
    good = 0
    for char in text:
        code = ord(char)
        if (32 <= code < 127 or char in "\t\r\n" or 0xA0 <= code < 0x250 or 0x400 <= code < 0x530
                or 0x2000 <= code < 0x2070 or 0x20A0 <= code < 0x20C0 or char == "\ufeff"):
            good += 1
    return good / len(text)


def _wide_codec(head: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, when one reading gives plain text."""
    best, share = None, 0.95
    for codec in _WIDE:
        size = 4 if "32" in codec else 2
        sample = head[: len(head) // size * size]
        text = codecs.decode(sample, codec, errors="replace")
        found = _text_share(text[:-1] if len(head) == SCAN_CHUNK else text)
        if found > share:
            best, share = codec, found
    return best


def _decodes(path: Path, codec: str) -> bool:
    """Whether the whole file is text in ``codec``."""
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(SCAN_CHUNK):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _utf8_counts(path: Path) -> tuple[bool, int, int]:
    """(whole file is strict UTF-8, valid non-ASCII characters, bad bytes)."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
    good = bad = 0
    with path.open("rb") as handle:
        while chunk := handle.read(SCAN_CHUNK):
            text = decoder.decode(chunk)
            if text.isascii():
                continue
            for char in text:
                if char > "\x7f":
                    if "\udc80" <= char <= "\udcff":
                        bad += 1
                    else:
                        good += 1
        bad += sum(1 for char in decoder.decode(b"", final=True) if "\udc80" <= char <= "\udcff")
    return bad == 0, good, bad


def detect(path: Path) -> Encoding:
    """The encoding of a text file; raises ``NotText`` for empty and binary files."""
    with path.open("rb") as handle:
        head = handle.read(SCAN_CHUNK)
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and _decodes(path, "utf-32"):
        return Encoding("utf-32")  # (a UTF-16 byte-order mark followed by a NUL character starts alike)
    if head.startswith(codecs.BOM_UTF8):
        if not head[3:].strip(b" \t\r\n"):
            raise NotText(_("the file is empty"))
        encoding = Encoding("utf-8-sig")
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if not _decodes(path, "utf-16"):
            raise NotText(_("it is not text in {encoding}").format(encoding=ENCODING_NAMES["utf-16"]))
        return Encoding("utf-16")
    else:
        if not head.strip(b" \t\r\n"):
            raise NotText(_("the file is empty"))
        encoding = Encoding("utf-8")
    if b"\x00" in head:
        wide = _wide_codec(head)
        if wide is None or not _decodes(path, wide):
            raise NotText(_("it is not a text file (it holds binary data)"))
        return Encoding(wide)
    strict, good, bad = _utf8_counts(path)
    if strict:
        return encoding
    if good > bad * 4:
        return Encoding(encoding.codec, bad_bytes=True)
    return _single_byte(path, head)


def _single_byte(path: Path, head: bytes) -> Encoding:
    from charset_normalizer import from_bytes  # loaded for the few files that need it

    # The evidence is in the lines with letters outside ASCII; English column names around
    # them would make any Western reading look coherent.
    sample = b"\n".join(line for line in head.splitlines() if max(line, default=0) >= 0x80)
    results = list(from_bytes(sample, cp_isolation=list(SINGLE_BYTE)))
    results = [m for m in results if m.encoding in SINGLE_BYTE]
    if not results:
        raise NotText(_("it is not text in UTF-8, UTF-16 or a Cyrillic or Western encoding"))
    best = min(results, key=lambda m: (m.chaos, -m.coherence, SINGLE_BYTE.index(m.encoding)))
    text = str(best)
    close = tuple(m.encoding for m in results if m is not best and m.chaos <= best.chaos + 0.1
                  and str(m) != text)
    codec = best.encoding
    if not _decodes(path, codec):  # the choice must read the whole file, not only its start
        raise NotText(_("it is not text in UTF-8, UTF-16 or a Cyrillic or Western encoding"))
    # A handful of bytes outside ASCII is too little evidence to choose among encodings.
    few = sum(1 for byte in sample if byte >= 0x80) < 6
    if few:
        close = tuple(m.encoding for m in results if m is not best) or tuple(c for c in SINGLE_BYTE if c != codec)
    certain = not few and (not close or best.coherence >= 0.2)
    return Encoding(codec, certain=certain, others=close)


def is_bad_byte(char: str) -> bool:
    """A character standing for a byte that was not UTF-8 (read with ``surrogateescape``)."""
    return "\udc80" <= char <= "\udcff"


def bad_bytes_in(text: str) -> list[str]:
    """The bytes, as "0x98", that a cell read with ``surrogateescape`` could not decode."""
    return [f"0x{ord(c) - 0xDC00:02X}" for c in text if is_bad_byte(c)]


def printable(text: str) -> str:
    """A cell with its undecodable bytes shown as "\\x98" (for previews and sentences)."""
    return "".join(f"\\x{ord(c) - 0xDC00:02x}" if is_bad_byte(c) else c for c in text
                   if unicodedata.category(c) != "Cc" or c in "\t")
