"""The capture corpus: news items with keys written by hand, and how capture scores on them.

Each ``articles/NAME.txt`` reports the facts of a published news item in words written for
these tests (``articles/README.md`` says how); ``NAME.json`` cites the item's address and
date and holds the key: the people, positions, agreements, events, figures and statements a
careful reader records from the text. ``score`` runs capture on every article
against an empty database, as an analyst starting a new file would, giving the address
and date as they would, and counts per kind: proposed, right, missed and wrong.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from db.capture import names
from db.capture.extract import capture
from db.capture.proposals import Capture, Proposal

ARTICLES = Path(__file__).resolve().parent / "articles"
KINDS = ("people", "positions", "agreements", "events", "figures", "statements")
_PROPOSAL_KIND = {"people": "person", "positions": "position", "agreements": "agreement", "events": "event",
                  "figures": "indicator", "statements": "statement"}


@dataclass
class Tally:
    proposed: int = 0
    right: int = 0
    missed: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def wrong(self) -> int:
        return self.proposed - self.right

    @property
    def recall(self) -> float:
        total = self.right + self.missed
        return self.right / total if total else 1.0


def articles() -> list[tuple[str, str, dict]]:
    """(name, text, key) of every article in the corpus."""
    found = []
    for path in sorted(ARTICLES.glob("*.txt")):
        key = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        found.append((path.stem, path.read_text(encoding="utf-8"), key))
    return found


def run(db, text: str, key: dict) -> Capture:
    published = dt.date.fromisoformat(key["published"]) if key.get("published") else None
    return capture(db, text, url=key.get("url"), published=published)


def _person_names(result: Capture, ref: str | None) -> list[str]:
    found = result.by_ref(ref) if ref else None
    return [n for n in (found.record.get("name_en"), found.record.get("name_ru"), found.record.get("name_kk")) if n] if found else []


def _same_person(name: str, candidates: list[str]) -> bool:
    return any(names.same_person(name, c) for c in candidates)


def _same_words(a: str, b: str) -> bool:
    x, y = names.key(a.replace("–", " ")), names.key(b.replace("–", " "))
    return bool(x and y) and (x in y or y in x)


def _matches(kind: str, expected, proposal: Proposal, result: Capture) -> bool:
    r = proposal.record
    if kind == "people":
        return _same_person(expected, [n for n in (r.get("name_en"), r.get("name_ru"), r.get("name_kk")) if n])
    if kind == "positions":
        person, title = expected
        return _same_person(person, _person_names(result, r["person_id"])) and _same_words(title, r["title"])
    if kind == "agreements":
        kind_, title, status = expected
        return r["kind"] == kind_ and r["status"] == status and _same_words(title, r["title"])
    if kind == "events":
        kind_, status = expected
        return r["kind"] == kind_ and r["status"] == status
    if kind == "figures":
        indicator, value, unit, start, end = expected
        return (r["indicator"] == indicator and r["value"] is not None and abs(r["value"] - value) < 1e-6
                and r["unit"] == unit and (start is None or r["period_start"] == start)
                and (end is None or r["period_end"] == end))
    person, opening = expected
    return _same_person(person, _person_names(result, r["person_id"])) and r["text"].startswith(opening)


def score_one(result: Capture, key: dict, tallies: dict[str, Tally], name: str = "") -> None:
    for kind in KINDS:
        proposals = [p for p in result.proposals if p.kind == _PROPOSAL_KIND[kind]]
        tally = tallies.setdefault(kind, Tally())
        tally.proposed += len(proposals)
        unused = list(proposals)
        for expected in key.get(kind, []):
            hit = next((p for p in unused if _matches(kind, expected, p, result)), None)
            if hit is None:
                tally.missed += 1
                tally.misses.append(f"{name}: {expected}")
            else:
                tally.right += 1
                unused.remove(hit)


def score(db) -> tuple[dict[str, Tally], list[Capture]]:
    """Every article captured against ``db`` (keep it empty) and scored against its key."""
    tallies: dict[str, Tally] = {}
    results = []
    for name, text, key in articles():
        result = run(db, text, key)
        results.append(result)
        score_one(result, key, tallies, name)
    return tallies, results


def table(tallies: dict[str, Tally]) -> str:
    lines = [f"{'kind':<12}{'proposed':>10}{'right':>8}{'missed':>8}{'wrong':>8}{'recall':>9}"]
    for kind in KINDS:
        t = tallies.get(kind, Tally())
        lines.append(f"{kind:<12}{t.proposed:>10}{t.right:>8}{t.missed:>8}{t.wrong:>8}{t.recall:>9.0%}")
    return "\n".join(lines)
