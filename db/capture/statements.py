"""Statements: a quotation and who said it.

A quotation of six words or more in «…», “…” or "…" is a statement when a verb of saying
stands beside it ("said Berik Uali", "— сказал Ермек Кошербаев", "деді облыс әкімі") or a
person is named right before it ("X noted: «…»"). A quotation whose opening mark the text
left out (`… keeps growing," the head of state said.`) runs from the start of its
paragraph to its closing mark.

The speaker is the person named in the attribution. One named by office instead ("the head
of the region stressed", "— подчеркнул глава региона", "the head of state said") is the
person the text gives that office: a head of a region is the akim or governor, a head of
state the President; of two, the one the article names first. "He noted" is the person the
text named last before the quote. The quote is kept as printed; its closing comma becomes a
full stop, as when it is read on its own.
"""

from __future__ import annotations

import re

from db.capture.cast import Entity
from db.capture.proposals import Reading
from db.capture.text import QUOTES, language_of, quote_spans
from db.model.i18n import _

_SAID_AFTER = re.compile(
    r"^[,.]?\s*[-–—]?\s*(?:,\s*)?(?:(?:said|noted|stressed|added|told|emphasized|underlined|wrote|says|"
    r"сказал\w*|отметил\w*|подчеркнул\w*|заявил\w*|добавил\w*|сообщил\w*|рассказал\w*|деді|атап\s+өтт\w*|"
    r"мәлімдеді|жазды)\b|(?:he|she|the\s+\w+(?:\s+of\s+(?:the\s+)?\w+)?)\s+(?:said|noted|stressed|added|emphasized|wrote)\b|"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+(?:said|noted|stressed|added|wrote))", re.I)
_SAID_BEFORE = re.compile(r"(?:said|noted|stressed|told|сказал\w*|отметил\w*|заявил\w*|деді)\s*[:,]?\s*$", re.I)
_CLOSING = re.compile(r"[\"”»]")
# An office named instead of the speaker, and the words of the titles that hold it.
_REGION_HEADS = r"akim|governor|head\s+of\s+the\s+region|аким\w*|губернатор\w*|глав\w+\s+(?:региона|области)|әкім\w*"
_ROLES = (
    (re.compile(r"\bhead\s+of\s+(?:the\s+)?region\b|\b(?:глав|руководител)\w*\s+(?:региона|области)\b|"
                r"\b(?:облыс|өңір)\s+(?:басшысы|әкімі)\b", re.I), _REGION_HEADS),
    (re.compile(r"\bhead\s+of\s+state\b|\bглав\w+\s+государства\b|\bмемлекет\s+басшысы\b", re.I),
     r"president|президент\w*|head\s+of\s+state"),
    (re.compile(r"\b(?:the\s+)?(governor|akim|president|minister|ambassador|mayor|губернатор|аким|президент|"
                r"министр|посол|мэр|әкім|елші)\w*", re.I), None),
)


def find(reading: Reading) -> None:
    text = reading.text
    for start, end, opened in _quotes(text):
        inner = text[start + (1 if opened else 0):end - 1].strip()
        if len(inner.split()) < 6:
            continue
        after = text[end:end + 120]
        said = _SAID_AFTER.match(after)
        before = text[max(0, start - 120):start]
        if said is None and not (opened and _SAID_BEFORE.search(before)):
            continue
        evidence_end = end
        if said:
            line_end = re.search(r"[.!?\n]", after[said.end():])
            evidence_end = end + said.end() + (line_end.end() if line_end else 0)
            evidence_end = min(evidence_end, len(text))
            if text[evidence_end - 1] == "\n":
                evidence_end -= 1
        attribution = text[end:evidence_end] if said else before[_line_start(before):]
        if said is None and not opened:
            continue
        speaker = _speaker(reading, start, end, evidence_end, attribution)
        quote = inner.rstrip()
        if quote.endswith(","):
            quote = quote[:-1] + "."
        elif quote[-1:] not in ".!?…":
            quote += "."
        flags = {}
        if speaker is None:
            flags["person_id"] = _("The text does not say who said it.")
        said_date = reading.published.strftime("%Y-%m") if reading.published else None
        if said_date:
            flags["said_date"] = _("The text gives no date; this is the month it was published.")
        event = _event_before(reading, start)
        record = {"person_id": speaker.ref if speaker else None, "text": quote, "said_date": said_date,
                  "event_id": event, "language": language_of(quote), "notes": None, "sources": [{"ref": "source"}]}
        named_before = opened and _SAID_BEFORE.search(before)
        evidence_start = max(0, start - 120) + _line_start(before) if named_before else start
        reading.propose("statement", record, evidence_start, evidence_end, language_of(quote), flags)


def _quotes(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, opened) of every quotation: those in marks, then those whose closing mark
    has no opening one, which start where their paragraph does."""
    spans = quote_spans(text)
    found = [(a, b, True) for a, b in spans]
    closings = set(QUOTES.values())
    for match in _CLOSING.finditer(text):
        at = match.start()
        if match.group() not in closings or any(a <= at < b for a, b in spans):
            continue
        if not _SAID_AFTER.match(text[at + 1:at + 121]):
            continue
        line = text.rfind("\n", 0, at) + 1
        while line < at and text[line].isspace():
            line += 1
        if any(line <= a < at for a, _b, _o in found):
            continue  # the paragraph holds an opened quote: this mark is not a quote's end
        found.append((line, at + 1, False))
    return sorted(found)


def _line_start(before: str) -> int:
    cut = max(before.rfind("\n"), before.rfind(". "))
    return cut + 1 if cut >= 0 else 0


def _speaker(reading: Reading, start: int, end: int, evidence_end: int, attribution: str) -> Entity | None:
    """The person named in the attribution after the quote, else the one holding the office it
    names, else the last one named before it."""
    people = [m for ms in reading.mentions.values() for m in ms if m.entity.kind == "person"]
    after = [m for m in people if end <= m.start < evidence_end]
    if after:
        return after[0].entity
    by_office = _holder(reading, people, attribution)
    if by_office is not None:
        return by_office
    before = [m for m in people if m.end <= start]
    if not before:
        return None
    # "he noted": the person the sentence before named first (its subject), not last.
    last_sentence = next((s for s in reversed(reading.sentences) if s.start <= before[-1].start < s.end), None)
    if last_sentence is None:
        return before[-1].entity
    in_it = [m for m in before if last_sentence.start <= m.start < last_sentence.end]
    return in_it[0].entity


def _holder(reading: Reading, people, attribution: str) -> Entity | None:
    """The person the article gives the office the attribution names ("the head of the region")."""
    for role, heads in _ROLES:
        match = role.search(attribution)
        if match is None:
            continue
        wanted = re.compile(rf"\b(?:{heads or re.escape(match.group(1))})", re.I)
        for mention in sorted(people, key=lambda m: m.start):  # the first the article names
            if wanted.search(_titles_of(reading, mention)):
                return mention.entity
        return None
    return None


def _titles_of(reading: Reading, mention) -> str:
    """The words that give a person an office: the positions proposed for them, and the words
    just before where the text names them ("President Kassym-Jomart Tokayev")."""
    titles = [p.record["title"] for p in reading.proposals
              if p.kind == "position" and p.record["person_id"] == mention.entity.ref]
    sentence = next((s for s in reading.sentences if s.start <= mention.start < s.end), None)
    lead = reading.text[max(sentence.start if sentence else 0, mention.start - 40):mention.start]
    return " ".join([*titles, lead])


def _event_before(reading: Reading, start: int) -> str | None:
    events = [p for p in reading.proposals if p.kind == "event" and p.start < start and p.record["status"] == "held"]
    return events[-1].ref if events else None
