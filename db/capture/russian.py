"""Russian through natasha: people and places in the nominative, dates and sums of money.

natasha ships its models inside the package (news embeddings, morphology, NER), so it
works offline; loading them takes about a second, so it happens the first time a Russian
sentence is read, never when the application starts (``tests/db/capture`` proves it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class Span:
    """A name natasha found: where it is, as written, in the nominative, and what it is."""

    start: int
    end: int
    text: str
    normal: str
    type: str  # PER, LOC or ORG


@dataclass(frozen=True)
class Found:
    """A date or a sum natasha found: where it is and its fields (year/month/day or amount/currency)."""

    start: int
    end: int
    fact: dict[str, Any]


@cache
def _tools() -> dict[str, Any]:
    from natasha import (
        DatesExtractor,
        MoneyExtractor,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        Segmenter,
    )

    embedding = NewsEmbedding()
    vocab = MorphVocab()
    return {"segmenter": Segmenter(), "vocab": vocab, "morph": NewsMorphTagger(embedding),
            "ner": NewsNERTagger(embedding), "dates": DatesExtractor(vocab), "money": MoneyExtractor(vocab)}


def loaded() -> bool:
    """True once natasha's models are in memory."""
    return _tools.cache_info().currsize > 0


def names(text: str, offset: int = 0) -> list[Span]:
    """People, places and organisations in a Russian text, each also in the nominative."""
    from natasha import Doc

    tools = _tools()
    doc = Doc(text)
    doc.segment(tools["segmenter"])
    doc.tag_morph(tools["morph"])
    doc.tag_ner(tools["ner"])
    found = []
    for span in doc.spans:
        span.normalize(tools["vocab"])
        found.append(Span(offset + span.start, offset + span.stop, span.text, span.normal or span.text, span.type))
    return found


def dates(text: str, offset: int = 0) -> list[Found]:
    """Dates in a Russian text ("15 июня 2025 года", "в июле"), with the parts it gives."""
    return [Found(offset + m.start, offset + m.stop, _fields(m.fact)) for m in _tools()["dates"](text)]


def money(text: str, offset: int = 0) -> list[Found]:
    """Sums of money in a Russian text ("170 млн долларов")."""
    return [Found(offset + m.start, offset + m.stop, _fields(m.fact)) for m in _tools()["money"](text)]


def _fields(fact: Any) -> dict[str, Any]:
    return {k: v for k, v in fact.as_json.items() if v is not None} if hasattr(fact, "as_json") else dict(fact)
