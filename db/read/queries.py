"""Looking records up: their labels, what a picker offers, and parties and pairs.

A record's one-line label (``LABEL_SQL``, ``record_label``) and the records a picker lists
as someone types (``choices``) are defined once here, for the window, the checks and the
exports alike. Parties are found by name in any script, and walked up and down their
hierarchy (a body inside a region inside a country). A *pair* is two parties (the Abai
region and the Omsk region); ``PairScope`` says which parties count as each side, and
``db.read.pair_facts`` reads what the pair has done together.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from db.model.i18n import _
from db.model.records import KINDS, KNOWN_INDICATORS, Party
from db.read.listings import sql_label

# SQL giving a record's one-line label; the main table is aliased ``r``.
LABEL_SQL: dict[str, str] = {
    "source": "r.title",
    "party": "r.name_en || coalesce(' / ' || r.name_local, '')",
    "person": "r.name_en || coalesce(' / ' || r.name_local, '')",
    "position": "r.title || coalesce(' — ' || (SELECT name_en FROM people WHERE id = r.person_id), '')",
    "subject": "r.name_en",
    "agreement": "r.title",
    "event": "r.title",
    "indicator": sql_label("r.indicator", KNOWN_INDICATORS) + " || ': ' || "
                 "(SELECT name_en FROM parties WHERE id = r.subject_id) || "
                 "coalesce(' – ' || (SELECT name_en FROM parties WHERE id = r.counterpart_id), '') || "
                 "', ' || period_label(r.period_start, r.period_end)",
    "statement": "substr(r.text, 1, 80)",
}

# Columns matched when someone types into a record picker.
_PICK_MATCH: dict[str, tuple[str, ...]] = {
    "party": ("name_en", "name_local", "name_alt"),
    "person": ("name_en", "name_local"),
    "subject": ("name_en", "name_local"),
    "source": ("title", "publisher", "url"),
    "event": ("title", "place"),
    "agreement": ("title",),
    "position": ("title",),
    "indicator": ("indicator", "unit"),
    "statement": ("text",),
}


def record_label(db: Database, kind: str, record_id: int) -> str:
    """The one-line label of a record, or a placeholder when it no longer exists."""
    table = KINDS[kind].TABLE
    row = db.execute(f"SELECT {LABEL_SQL[kind]} FROM {table} r WHERE r.id = ?", [record_id]).fetchone()
    return row[0] if row else _("(deleted)")


def choices(db: Database, kind: str, text: str = "", *, limit: int = 50) -> list[tuple[int, str]]:
    """Records whose names contain ``text`` in any script, for a picker: (id, label)."""
    table = KINDS[kind].TABLE
    words = text.split()
    clauses, params = [], []
    for word in words:
        ors = " OR ".join(f"casefold(r.{col}) LIKE ?" for col in _PICK_MATCH[kind])
        clauses.append(f"({ors})")
        params.extend([f"%{word.casefold()}%"] * len(_PICK_MATCH[kind]))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    # A name that is the text typed, then one that starts with it, then the rest by label.
    whole = " ".join(words).casefold()
    ranks = ", ".join(f"CASE WHEN casefold(r.{col}) = ? THEN 0 WHEN casefold(r.{col}) LIKE ? THEN 1 ELSE 2 END"
                      for col in _PICK_MATCH[kind])
    rank = f"min({ranks}, 2), " if words else ""
    rank_params = [value for _col in _PICK_MATCH[kind] for value in (whole, whole + "%")] if words else []
    sql = (f"SELECT r.id, {LABEL_SQL[kind]} AS label FROM {table} r{where} "
           f"ORDER BY {rank}label COLLATE NOCASE LIMIT ?")
    return [(r[0], r[1]) for r in db.execute(sql, [*params, *rank_params, limit]).fetchall()]


def counts(db: Database) -> dict[str, int]:
    """How many records of each kind the database holds."""
    return {kind: db.execute(f"SELECT count(*) FROM {cls.TABLE}").fetchone()[0] for kind, cls in KINDS.items()}


def person_of_position(db: Database, position_id: int) -> int | None:
    """Whose position it is (a position is shown as part of its person)."""
    row = db.execute("SELECT person_id FROM positions WHERE id = ?", [position_id]).fetchone()
    return row[0] if row else None


def positions_of(db: Database, person_id: int) -> list[int]:
    """A person's positions, earliest first, those with no known start last."""
    return [r[0] for r in db.execute("SELECT id FROM positions WHERE person_id = ? ORDER BY start_date IS NULL, "
                                     "start_date, id", [person_id]).fetchall()]


def recent_values(db: Database, table: str, column: str, recent: int, *, limit: int = 200) -> list[str]:
    """The distinct values of ``column`` among the last ``recent`` rows of ``table``, in order,
    for a picker to offer (reading recent rows keeps it quick on a million)."""
    return [r[0] for r in db.execute(
        f"SELECT DISTINCT {column} FROM (SELECT {column} FROM {table} ORDER BY id DESC LIMIT ?) "
        f"WHERE {column} IS NOT NULL ORDER BY 1 LIMIT ?", [recent, limit]).fetchall()]


def frequent_units(db: Database, recent: int, *, limit: int = 50) -> list[str]:
    """The units of the last ``recent`` figures, the most used first."""
    return [r[0] for r in db.execute(
        "SELECT unit FROM (SELECT unit FROM indicators ORDER BY id DESC LIMIT ?) "
        "GROUP BY unit ORDER BY count(*) DESC LIMIT ?", [recent, limit]).fetchall()]


def find_parties(db: Database, name: str) -> list[Party]:
    """Parties whose English or local name is ``name``, ignoring case in any script."""
    wanted = name.strip().casefold()
    rows = db.execute(
        "SELECT id, kind, name_en, name_local, name_alt, parent_id, notes FROM parties "
        "WHERE casefold(name_en) = :n OR casefold(name_local) = :n OR casefold(name_alt) = :n ORDER BY id",
        {"n": wanted},
    ).fetchall()
    return [Party(*row) for row in rows]


def party_names(db: Database, party_id: int | None) -> tuple[str, str | None, str | None]:
    """(English, local, other local) names of a party."""
    if party_id is None:
        return ("", None, None)
    row = db.execute("SELECT name_en, name_local, name_alt FROM parties WHERE id = ?", [party_id]).fetchone()
    return tuple(row) if row else (_("(deleted)"), None, None)  # type: ignore[return-value]


def descendants(db: Database, party_id: int) -> set[int]:
    """The party and every body, city or region inside it."""
    rows = db.execute(
        "WITH RECURSIVE down(id) AS (SELECT ? UNION SELECT p.id FROM parties p JOIN down ON p.parent_id = down.id) "
        "SELECT id FROM down", [party_id]).fetchall()
    return {r[0] for r in rows}


def ancestors(db: Database, party_id: int) -> set[int]:
    """The party and every party it belongs to (region → country)."""
    rows = db.execute(
        "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT p.parent_id FROM parties p JOIN up ON p.id = up.id "
        "WHERE p.parent_id IS NOT NULL) SELECT id FROM up", [party_id]).fetchall()
    return {r[0] for r in rows}


def country_of(db: Database, party_id: int) -> int | None:
    """The country a party belongs to (itself when it is one)."""
    for pid in _chain_up(db, party_id):
        if db.execute("SELECT kind FROM parties WHERE id = ?", [pid]).fetchone()[0] == "country":
            return pid
    return None


def _chain_up(db: Database, party_id: int) -> list[int]:
    chain, current, seen = [], party_id, set()
    while current is not None and current not in seen:
        seen.add(current)
        chain.append(current)
        row = db.execute("SELECT parent_id FROM parties WHERE id = ?", [current]).fetchone()
        current = row[0] if row else None
    return chain


@dataclass(frozen=True)
class PairScope:
    """The parties that count as each side of a pair.

    ``a_down`` is side A and what is inside it; ``a_all`` adds what contains it.
    """

    a: int
    b: int
    a_down: frozenset[int]
    b_down: frozenset[int]
    a_all: frozenset[int]
    b_all: frozenset[int]


def pair_scope(db: Database, a: int, b: int) -> PairScope:
    a_down, b_down = descendants(db, a), descendants(db, b)
    return PairScope(a, b, frozenset(a_down), frozenset(b_down),
                     frozenset(a_down | ancestors(db, a)), frozenset(b_down | ancestors(db, b)))


def suggest_pair(db: Database) -> tuple[int, int] | None:
    """The two regions or countries that share the most agreements and events.

    Bodies count for the region or country they belong to. Used when no pair was chosen yet.
    """
    rows = db.execute(
        "SELECT 'a' || agreement_id, party_id FROM agreement_parties "
        "UNION ALL SELECT 'e' || event_id, party_id FROM event_parties").fetchall()
    sides: dict[str, set[int]] = {}
    for record, party in rows:
        sides.setdefault(record, set()).add(_territory(db, party))
    tally: dict[tuple[int, int], int] = {}
    for parties in sides.values():
        ordered = sorted(parties)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1:]:
                tally[(first, second)] = tally.get((first, second), 0) + 1
    if tally:
        return max(tally, key=lambda pair: (tally[pair], -pair[0], -pair[1]))
    first_two = db.execute(
        "SELECT id FROM parties WHERE kind IN ('region','country') ORDER BY id LIMIT 2").fetchall()
    return (first_two[0][0], first_two[1][0]) if len(first_two) == 2 else None


def _territory(db: Database, party_id: int) -> int:
    """The nearest region, city or country a party belongs to (bodies are not territories)."""
    for pid in _chain_up(db, party_id):
        kind = db.execute("SELECT kind FROM parties WHERE id = ?", [pid]).fetchone()[0]
        if kind != "body":
            return pid
    return party_id
