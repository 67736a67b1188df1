"""``capture(db, text, …)``: read an article and propose every record it states.

The steps: the source (title, publisher and date, pre-filled from the text where it
states them), the sentences and their languages, the parties and people each one names,
then positions, events, agreements, figures and statements, and last how each proposal
stands against the database (``db.capture.existing``). Nothing is written.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from db.capture import agreements, events, existing, figures, finders, positions, statements, verbs
from db.capture.cast import Cast, Entity
from db.capture.proposals import Capture, Proposal, Reading
from db.capture.text import sentences
from db.model import period_phrases as dates
from db.model.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

_PUBLISHERS = (
    (re.compile(r"\b(Trend)\s+reports\b"), None), (re.compile(r"\b(KAZINFORM|Kazinform)\b"), "Kazinform"),
    (re.compile(r"/(ТАСС|TASS)/"), None), (re.compile(r"хабарлайды\s+([\w.]+?)\.?(?=\s|$)"), None),
    (re.compile(r"[–—-]\s+(Sputnik)\b"), None), (re.compile(r"(?:передает|сообщает)\s+(?:корреспондент\s+)?([\w.]+\.kz)"), None),
    (re.compile(r"\b(pavlodarnews\.kz|primeminister\.kz)\s+reports\b"), None),
)
_DATELINE = re.compile(r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+)?(?:[A-ZА-ЯЁ][A-ZА-ЯЁ -]{2,}(?:,\s*[A-Z][a-z]+)?[,.]\s*"
                       r"(?:[A-Z][a-z]+\s+\d{1,2}\.|KAZINFORM\s*[-–]?)?\s*)?")


def capture(db: Database, text: str, *, url: str | None = None, published: dt.date | None = None,
            publisher: str | None = None, title: str | None = None) -> Capture:
    """The source and the records ``text`` states, each with its passage and how it stands
    against ``db``. Reads ``db`` only."""
    found = dates.published_in(text)
    source_flags: dict[str, str] = {}
    if published is None and found is not None:
        published = found[0]
    if published is None:
        source_flags["published"] = _("The text does not say when it was published.")
    source = {"title": title or _title(text, source_flags), "publisher": publisher or _publisher(text),
              "url": url, "published": published.isoformat() if published else None,
              "accessed": dt.date.today().isoformat(), "notes": None, "text": text}
    if not source["publisher"]:
        source_flags["publisher"] = _("The text does not name its publisher.")
    cast = existing.cast_of(db)
    cut = sentences(text)
    reading = Reading(text, cut, finders.scan(text, cut, cast), cast, published)
    _propose_names(reading, cast)
    for finder in (positions, events, verbs, agreements, figures, statements):
        finder.find(reading)
    reading.link_parents()
    _drop_unused_countries(reading)
    result = Capture(source, reading.proposals, text, source_flags=source_flags)
    existing.compare(db, result)
    return result


def _title(text: str, flags: dict[str, str]) -> str:
    """The headline (a short first line without a full stop), else the opening words, flagged."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    first = lines[0] if lines else ""
    if first and len(first) <= 160 and not first.endswith((".", "»", "”")) and not first.startswith("date "):
        return first
    body = _DATELINE.sub("", text.strip(), count=1).strip()
    words = body.split()
    flags["title"] = _("The article has no headline; this is its opening words.")
    return " ".join(words[:12]).rstrip(",.;:") + ("…" if len(words) > 12 else "")


def _publisher(text: str) -> str | None:
    for pattern, name in _PUBLISHERS:
        match = pattern.search(text)
        if match:
            return name or match.group(1)
    return None


def _propose_names(reading: Reading, cast: Cast) -> None:
    """A party or person proposal for every entity the text names (a body's region too)."""
    wanted: list[Entity] = []
    for entity in cast.mentioned():
        chain = []
        while entity is not None and entity not in wanted:
            if entity.existing is not None and not entity.mentions and chain:
                break  # recorded already, with its own parent: nothing to propose
            chain.insert(0, entity)
            entity = entity.parent
        wanted.extend(chain)
    for entity in sorted(wanted, key=lambda e: (e.kind != "party", _first(e, wanted))):
        start, end = _evidence(reading, entity, wanted)
        sentence = next((s for s in reading.sentences if s.start <= start < s.end), reading.sentences[0])
        reading.propose_entity(entity, start, end, sentence.language)


def _first(entity: Entity, wanted: list[Entity]) -> int:
    if entity.mentions:
        return min(entity.mentions)[0]
    children = [e for e in wanted if e.parent is entity and e.mentions]
    return min((min(c.mentions)[0] for c in children), default=0)


def _evidence(reading: Reading, entity: Entity, wanted: list[Entity]) -> tuple[int, int]:
    """The first mention of an entity (for a region named only inside its body's name, the body's)."""
    found = list(entity.mentions)
    children = [e for e in wanted if e.parent is entity]
    while not found and children:
        found = [m for child in children for m in child.mentions]
        children = [e for e in wanted if e.parent in children]
    return min(found)


def _drop_unused_countries(reading: Reading) -> None:
    """A country named only as an adjective ("Russian citizens") is kept only when a fact points at it."""
    used = {ref for p in reading.proposals if p.kind != "party" for ref in _refs(p.record)}
    used |= {p.record.get("parent_id") for p in reading.proposals if p.kind == "party"}
    reading.proposals[:] = [p for p in reading.proposals
                            if not (p.kind == "party" and p.ref not in used and p.evidence in _ADJECTIVES)]


_ADJECTIVES = {"Russian", "Kazakh", "Kazakhstani"}


def _refs(record: dict) -> list[str]:
    refs = []
    for value in record.values():
        if isinstance(value, str) and "-" in value:
            refs.append(value)
        elif isinstance(value, list):
            refs.extend(item["ref"] for item in value if isinstance(item, dict) and "ref" in item)
    return refs


def proposal_for(result: Capture, ref: str) -> Proposal | None:
    return result.by_ref(ref)
