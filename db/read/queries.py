"""Looking records up: their labels, what a picker offers, and parties and pairs.

A record's one-line label (``LABEL_SQL``, ``record_label``) and the records a picker lists
as someone types (``choices``) are defined once here, for the window, the checks and the
exports alike. Parties are found by name in any script, and walked up and down their
hierarchy (a body inside a region inside a country). A *pair* is two parties (the Abai
region and the Omsk region); ``PairScope`` says which parties count as each side, and
``db.read.pair_facts`` reads what the pair has done together.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from db.model.i18n import _, current_language
from db.model.kinds import KNOWN_INDICATORS, TABLES
from db.model.names import ShownName, fold, key, shown, split_alternatives

if TYPE_CHECKING:
    from sqlite_utils import Database

    from db.model.records import Party

# SQL giving a record's one-line label; the main table is aliased ``r``.
NAME_FORMS = "name_en, name_ru, name_kk"
TITLE_FORMS = "title, title_ru, title_kk"


def sql_label(expr: str, labels: dict[str, str]) -> str:
    """SQL that turns a stored code into its visible label (unknown codes pass through)."""
    whens = " ".join(f"WHEN '{k}' THEN '{v.replace(chr(39), chr(39) * 2)}'" for k, v in labels.items())
    return f"(CASE {expr} {whens} ELSE {expr} END)"


def shown_name_sql(alias: str) -> str:
    """SQL of a party's, person's or subject area's name in the language in use."""
    return f"shown_name({alias}.name_en, {alias}.name_ru, {alias}.name_kk)"


def shown_title_sql(alias: str) -> str:
    """SQL of a position's, agreement's or event's title in the language in use."""
    return f"shown_name({alias}.title, {alias}.title_ru, {alias}.title_kk)"


_LABEL_SQL: dict[str, str] = {
    "source": "r.title",
    "party": "name_label(r.name_en, r.name_ru, r.name_kk)",
    "person": "name_label(r.name_en, r.name_ru, r.name_kk)",
    "position": shown_title_sql("r") + " || coalesce(' — ' || (SELECT " + shown_name_sql("p")
                + " FROM people p WHERE p.id = r.person_id), '')",
    "subject": shown_name_sql("r"),
    "agreement": shown_title_sql("r"),
    "event": shown_title_sql("r"),
    "statement": "substr(r.text, 1, 80)",
}


@cache
def _indicator_label_sql(_language: str) -> str:
    """An indicator's label: its name in ``_language`` (written into the SQL), the parties
    and the period."""
    return (sql_label("r.indicator", KNOWN_INDICATORS) + " || ': ' || "
            "(SELECT " + shown_name_sql("p") + " FROM parties p WHERE p.id = r.subject_id) || "
            "coalesce(' – ' || (SELECT " + shown_name_sql("p") + " FROM parties p WHERE p.id = r.counterpart_id), "
            "'') || ', ' || period_label(r.period_start, r.period_end)")


class _LabelSql(Mapping[str, str]):
    """Each kind's label SQL, read in the language in use: an indicator's name is written
    into its SQL, so it is made for the language asked for, not the one at import."""

    def __getitem__(self, kind: str) -> str:
        return _indicator_label_sql(current_language()) if kind == "indicator" else _LABEL_SQL[kind]

    def __iter__(self) -> Iterator[str]:
        return iter([*_LABEL_SQL, "indicator"])

    def __len__(self) -> int:
        return len(_LABEL_SQL) + 1


LABEL_SQL: Mapping[str, str] = _LabelSql()

# Columns matched when someone types into a record picker. Names and titles are matched
# across scripts and spellings (db.model.names.key); the rest by their text in any case.
_PICK_MATCH: dict[str, tuple[str, ...]] = {
    "party": ("name_en", "name_ru", "name_kk", "name_alt"),
    "person": ("name_en", "name_ru", "name_kk", "name_alt"),
    "subject": ("name_en", "name_ru", "name_kk", "name_alt"),
    "source": ("title", "publisher", "url"),
    "event": ("title", "title_ru", "title_kk", "place"),
    "agreement": ("title", "title_ru", "title_kk"),
    "position": ("title", "title_ru", "title_kk"),
    "indicator": ("indicator", "unit"),
    "statement": ("text",),
}
_LOOSE_KINDS = ("party", "person", "subject", "event", "agreement", "position")


def record_label(db: Database, kind: str, record_id: int) -> str:
    """The one-line label of a record, or a placeholder when it no longer exists."""
    table = TABLES[kind]
    row = db.execute(f"SELECT {LABEL_SQL[kind]} FROM {table} r WHERE r.id = ?", [record_id]).fetchone()
    return row[0] if row else _("(deleted)")


def choices(db: Database, kind: str, text: str = "", *, limit: int = 50) -> list[tuple[int, str]]:
    """Records whose names contain ``text`` for a picker: (id, label), best match first.

    Names and titles match in any script and spelling ("уали", "Uali" and "Уәли" find
    Berik Uali); a name that is exactly the text comes first, then one starting with it.
    """
    if kind in _LOOSE_KINDS:
        return _loose_choices(db, kind, text, limit)
    table = TABLES[kind]
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


def _loose_choices(db: Database, kind: str, text: str, limit: int) -> list[tuple[int, str]]:
    """``choices`` for names and titles: every word of ``text`` starts a word of a form."""
    columns = _PICK_MATCH[kind]
    joined = " || ' ' || ".join(f"coalesce(r.{c}, '')" for c in columns)
    wanted = key(text).split()
    clauses = [f"(' ' || name_key({joined})) LIKE :w{n}" for n in range(len(wanted))]
    params: dict[str, object] = {f"w{n}": f"% {word}%" for n, word in enumerate(wanted)}
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rank = ""
    if wanted:
        exact = " OR ".join(f"name_fold(r.{c}) = :fold" for c in columns)
        starts = " OR ".join(f"name_key(r.{c}) LIKE :start" for c in columns)
        rank = f"CASE WHEN {exact} THEN 0 WHEN {starts} THEN 1 ELSE 2 END, "
    sql = (f"SELECT r.id, {LABEL_SQL[kind]} AS label FROM {TABLES[kind]} r{where} "
           f"ORDER BY {rank}label COLLATE NOCASE LIMIT :limit")
    rows = db.execute(sql, {**params, "fold": fold(text), "start": " ".join(wanted) + "%", "limit": limit})
    return [(r[0], r[1]) for r in rows.fetchall()]


def counts(db: Database) -> dict[str, int]:
    """How many records of each kind the database holds."""
    return {kind: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for kind, table in TABLES.items()}


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


_PARTY_COLUMNS = "id, kind, name_en, name_alt, parent_id, notes, name_ru, name_kk"


def find_parties(db: Database, name: str) -> list[Party]:
    """Parties called ``name``: first those with a name or alternative spelling that is
    ``name`` ignoring case, spaces and ё/е; only when none is, those whose name matches
    across scripts and spellings (``db.model.names.key``: "abay region" finds the Abai
    region). More than one party found is for the caller to treat as a question."""
    from db.model.records import Party

    rows = db.execute(f"SELECT {_PARTY_COLUMNS} FROM parties ORDER BY id").fetchall()
    parties = [Party(id=r[0], kind=r[1], name_en=r[2], name_alt=r[3], parent_id=r[4], notes=r[5],
                     name_ru=r[6], name_kk=r[7]) for r in rows]

    def forms(party: Party) -> list[str]:
        return [n for n in (party.name_en, party.name_ru, party.name_kk) if n] + split_alternatives(party.name_alt)

    wanted = fold(name)
    exact = [p for p in parties if any(fold(f) == wanted for f in forms(p))]
    if exact or not key(name):
        return exact
    loose = key(name)
    return [p for p in parties if any(key(f) == loose for f in forms(p))]


def party_forms(db: Database, party_id: int | None) -> tuple[str, str | None, str | None, str | None]:
    """(English, Russian, Kazakh, alternative spellings) of a party's name."""
    if party_id is None:
        return ("", None, None, None)
    row = db.execute("SELECT name_en, name_ru, name_kk, name_alt FROM parties WHERE id = ?", [party_id]).fetchone()
    return tuple(row) if row else (_("(deleted)"), None, None, None)  # type: ignore[return-value]


def party_name(db: Database, party_id: int | None) -> ShownName:
    """A party's name in the language in use (else its best other form, marked borrowed)."""
    en, ru, kk, _alt = party_forms(db, party_id)
    return shown(en, ru, kk)


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


class PairScope(NamedTuple):
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
