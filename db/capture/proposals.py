"""What capture proposes: one record of a kind, the passage it came from, and how it
stands against the database.

A proposal's ``record`` uses the bundle's field names (``db.exchange.bundle``); a field
that points at another record holds that proposal's ``ref`` ("person-2"), and the source
is "source". ``action`` is "new", "same" (the database holds it already: the source is
linked to it) or "update" (it holds it with a field the article now changes — ``before``
keeps the recorded values). ``flags`` name the fields the text leaves empty or uncertain,
each with a sentence; such a field is never filled by a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from db.capture.cast import Cast, Entity, Mention
from db.capture.text import Sentence

KINDS = ("party", "person", "position", "agreement", "event", "indicator", "statement")


@dataclass
class Proposal:
    kind: str
    ref: str
    record: dict[str, Any]
    evidence: str
    start: int
    language: str = "en"
    action: str = "new"
    existing: str | None = None
    before: dict[str, Any] | None = None
    flags: dict[str, str] = field(default_factory=dict)
    entity: Entity | None = field(default=None, repr=False, compare=False)

    @property
    def end(self) -> int:
        return self.start + len(self.evidence)

    def as_json(self) -> dict[str, Any]:
        item: dict[str, Any] = {"kind": self.kind, "ref": self.ref, "action": self.action,
                                "existing": self.existing, "record": self.record, "evidence": self.evidence,
                                "flags": self.flags}
        if self.before is not None:
            item["before"] = self.before
        return item


@dataclass
class Capture:
    """The source an article becomes and the records it proposes."""

    source: dict[str, Any]
    proposals: list[Proposal]
    text: str
    source_existing: int | None = None
    source_flags: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        source = dict(self.source)
        source.pop("text", None)
        source["existing"] = f"source-{self.source_existing}" if self.source_existing else None
        source["flags"] = self.source_flags
        return {"source": source, "proposals": [p.as_json() for p in self.proposals]}

    def by_ref(self, ref: str) -> Proposal | None:
        return next((p for p in self.proposals if p.ref == ref), None)


@dataclass
class Reading:
    """The article as the finders share it: sentences, who each one names, and the date."""

    text: str
    sentences: list[Sentence]
    mentions: dict[int, list[Mention]]
    cast: Cast
    published: Any  # datetime.date | None
    proposals: list[Proposal] = field(default_factory=list)
    _counts: dict[str, int] = field(default_factory=dict)

    def new_ref(self, kind: str) -> str:
        self._counts[kind] = self._counts.get(kind, 0) + 1
        return f"{kind}-{self._counts[kind]}"

    def propose(self, kind: str, record: dict[str, Any], start: int, end: int, language: str,
                flags: dict[str, str] | None = None, entity: Entity | None = None) -> Proposal:
        proposal = Proposal(kind, self.new_ref(kind), record, self.text[start:end], start, language,
                            flags=dict(flags or {}), entity=entity)
        self.proposals.append(proposal)
        return proposal

    def propose_entity(self, entity: Entity, start: int, end: int, language: str) -> Proposal:
        """The party or person proposal for ``entity`` (its parent's ref is filled in by ``link_parents``)."""
        if entity.kind == "party":
            record = {"kind": entity.party_kind, "name_en": entity.name_en, **entity.local_forms(),
                      "name_alt": entity.name_alt, "parent_id": None, "notes": None, "sources": [{"ref": "source"}]}
        else:
            record = {"name_en": entity.name_en, **entity.local_forms(), "notes": None,
                      "sources": [{"ref": "source"}]}
        proposal = self.propose(entity.kind, record, start, end, language, entity=entity)
        entity.ref = proposal.ref
        return proposal

    def link_parents(self) -> None:
        for proposal in self.proposals:
            entity = proposal.entity
            if proposal.kind == "party" and entity is not None and entity.parent is not None and entity.parent.ref:
                proposal.record["parent_id"] = entity.parent.ref

    def people_in(self, number: int) -> list[Mention]:
        return [m for m in self.mentions.get(number, []) if m.entity.kind == "person"]

    def parties_in(self, number: int) -> list[Mention]:
        return [m for m in self.mentions.get(number, []) if m.entity.kind == "party"]

    def ref_of(self, entity: Entity) -> str:
        """The ref of the party or person proposal for ``entity`` (made by ``extract``)."""
        return entity.ref
