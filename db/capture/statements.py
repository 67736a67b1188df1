"""Statements: a quotation and who said it.

A quotation of six words or more in «…», “…” or "…" is a statement when a verb of saying
stands beside it ("said Berik Uali", "— сказал Ермек Кошербаев", "деді облыс әкімі") or a
person is named right before it ("X noted: «…»"). The speaker is the person named in that
attribution, or — for "he noted", "the head of the region stressed" — the person the text
named last before the quote. The quote is kept as printed; its closing comma becomes a
full stop, as when it is read on its own.
"""

from __future__ import annotations

import re

from db.capture.proposals import Reading
from db.capture.text import language_of, quote_spans

_SAID_AFTER = re.compile(
    r"^[,.]?\s*[-–—]?\s*(?:,\s*)?(?:(?:said|noted|stressed|added|told|emphasized|underlined|wrote|says|"
    r"сказал\w*|отметил\w*|подчеркнул\w*|заявил\w*|добавил\w*|сообщил\w*|рассказал\w*|деді|атап\s+өтт\w*|"
    r"мәлімдеді|жазды)\b|(?:he|she|the\s+\w+(?:\s+of\s+the\s+\w+)?)\s+(?:said|noted|stressed|added|emphasized|wrote)\b|"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+(?:said|noted|stressed|added|wrote))", re.I)
_SAID_BEFORE = re.compile(r"(?:said|noted|stressed|told|сказал\w*|отметил\w*|заявил\w*|деді)\s*[:,]?\s*$", re.I)


def find(reading: Reading) -> None:
    text = reading.text
    for start, end in quote_spans(text):
        inner = text[start + 1:end - 1].strip()
        if len(inner.split()) < 6:
            continue
        after = text[end:end + 120]
        said = _SAID_AFTER.match(after)
        before = text[max(0, start - 120):start]
        if said is None and not _SAID_BEFORE.search(before):
            continue
        evidence_end = end
        if said:
            line_end = re.search(r"[.!?\n]", after[said.end():])
            evidence_end = end + said.end() + (line_end.end() if line_end else 0)
            evidence_end = min(evidence_end, len(text))
            if text[evidence_end - 1] == "\n":
                evidence_end -= 1
        speaker = _speaker(reading, start, end, evidence_end)
        quote = inner.rstrip()
        if quote.endswith(","):
            quote = quote[:-1] + "."
        elif quote[-1:] not in ".!?…":
            quote += "."
        flags = {}
        if speaker is None:
            flags["person_id"] = "The text does not say who said it."
        said_date = reading.published.strftime("%Y-%m") if reading.published else None
        if said_date:
            flags["said_date"] = "The text gives no date; this is the month it was published."
        event = _event_before(reading, start)
        record = {"person_id": speaker.ref if speaker else None, "text": quote, "said_date": said_date,
                  "event_id": event, "language": language_of(quote), "notes": None, "sources": [{"ref": "source"}]}
        evidence_start = start if not _SAID_BEFORE.search(before) else max(0, start - 120) + _line_start(before)
        reading.propose("statement", record, evidence_start, evidence_end, language_of(quote), flags)


def _line_start(before: str) -> int:
    cut = max(before.rfind("\n"), before.rfind(". "))
    return cut + 1 if cut >= 0 else 0


def _speaker(reading: Reading, start: int, end: int, evidence_end: int):
    """The person named in the attribution after the quote, else the last one named before it."""
    people = [m for ms in reading.mentions.values() for m in ms if m.entity.kind == "person"]
    after = [m for m in people if end <= m.start < evidence_end]
    if after:
        return after[0].entity
    before = [m for m in people if m.end <= start]
    if not before:
        return None
    # "he noted": the person the sentence before named first (its subject), not last.
    last_sentence = next((s for s in reversed(reading.sentences) if s.start <= before[-1].start < s.end), None)
    if last_sentence is None:
        return before[-1].entity
    in_it = [m for m in before if last_sentence.start <= m.start < last_sentence.end]
    return in_it[0].entity


def _event_before(reading: Reading, start: int) -> str | None:
    events = [p for p in reading.proposals if p.kind == "event" and p.start < start and p.record["status"] == "held"]
    return events[-1].ref if events else None
