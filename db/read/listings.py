"""What each list in the window shows, as SQL: columns, sort keys and the filter.

A ``Listing`` describes one table view (the Agreements tab, the Trade table …). ``page``
and ``count`` run it with ``LIMIT/OFFSET``, ``ORDER BY`` and the filter all in SQL, so a
view never loads a whole table into Python, however many rows there are.

Built for a million rows:
- a page is read in two steps: first the ids of the page in order (only the sort keys
  are read, walking an index), then the shown values of those ids alone; labels, party
  names and source titles are never computed for the rows skipped by ``OFFSET``;
- every sortable column of a large list sorts by indexed terms that end in ``r.id`` (its
  ``sort`` and ``then``), all in one direction, so SQLite walks an index instead of
  sorting; a page in the second half of a list is read from the other end;
- a filter word is first resolved against the small tables (which parties, indicator
  names and units contain it, see ``Lookup``) and then matched on indexed ids and values;
- ``position_of`` counts the rows sorted before a record instead of numbering them all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db.model.i18n import _
from db.model.records import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    EVENT_KINDS,
    EVENT_STATUSES,
    KNOWN_INDICATORS,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


def sql_label(expr: str, labels: dict[str, str]) -> str:
    """SQL that turns a stored code into its visible label (unknown codes pass through)."""
    whens = " ".join(f"WHEN '{k}' THEN '{v.replace(chr(39), chr(39) * 2)}'" for k, v in labels.items())
    return f"(CASE {expr} {whens} ELSE {expr} END)"


def _party_name(column: str) -> str:
    return f"(SELECT name_en FROM parties WHERE id = {column})"


# The parties with a name containing the filter word ``{w}``, in any script.
_PARTIES_NAMED = ("SELECT id FROM parties WHERE casefold(name_en) LIKE {w} "
                  "OR casefold(name_local) LIKE {w} OR casefold(name_alt) LIKE {w}")


def _party_match(column: str) -> str:
    """Filter condition: the party in ``column`` has a name containing the word."""
    return f"{column} IN ({_PARTIES_NAMED})"


@dataclass(frozen=True)
class Column:
    """One column: its header, the SQL of its value, and what it sorts by."""

    key: str
    title: str
    sql: str
    sort: str | None = None  # an indexed expression to sort by; defaults to ``sql``
    numeric: bool = False
    then: tuple[str, ...] = ()  # further terms breaking ties in index order (before ``r.id``)
    join: str = ""  # a JOIN the sort terms need (``JOIN parties sp ON sp.id = r.subject_id``)
    nulls: str = ""  # the rows ``join`` finds nothing for (they sort first, as NULL keys do)
    sortable: bool = True  # False when no index can order it in a large list

    @property
    def sort_sql(self) -> str:
        return self.sort or self.sql


@dataclass(frozen=True)
class Lookup:
    """A filter matched through a small table: ``column IN (values the word finds)``.

    ``values`` is SQL selecting candidate values with ``{w}`` standing for the word's
    ``LIKE`` pattern. It runs first; the list of values it returns is then matched on the
    (indexed) column, so a word naming no party costs nothing and one naming a single
    party reads only that party's rows.
    """

    column: str
    values: str


@dataclass(frozen=True)
class Listing:
    """A list of records as a tab shows it. The main table is aliased ``r``."""

    name: str
    kind: str
    source: str
    columns: tuple[Column, ...]
    search: tuple[str, ...]  # conditions with ``{w}`` standing for one filter word
    where: str = ""  # a fixed condition (may be switched off by the view, see ``narrow``)
    narrow_label: str = ""  # what the fixed condition means, for a checkbox
    default_sort: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    lookups: tuple[Lookup, ...] = ()  # filter conditions resolved through small tables first

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


# More values than this and a lookup is left to SQLite as a subquery.
_MAX_LOOKUP_VALUES = 500


def _where(db: Database, listing: Listing, filter_text: str, narrow: bool,
           *, use_indexes: bool = True) -> tuple[str, dict[str, object]]:
    """The WHERE clause and its parameters; ``use_indexes=False`` keeps SQLite from reading
    the filter's matches through their indexes (to walk the sort order instead)."""
    clauses: list[str] = []
    params: dict[str, object] = {}
    if listing.where and narrow:
        clauses.append(f"({listing.where})")
    for i, word in enumerate(filter_text.split()):
        name = f"w{i}"
        params[name] = f"%{_escape_like(word.casefold())}%"
        pattern = f":{name} ESCAPE '\\'"
        options = [s.replace("{w}", pattern) for s in listing.search]
        for j, lookup in enumerate(listing.lookups):
            values_sql = lookup.values.replace("{w}", pattern)
            values = [r[0] for r in db.execute(values_sql, {name: params[name]}).fetchall()]
            column = lookup.column if use_indexes else f"+{lookup.column}"
            if len(values) > _MAX_LOOKUP_VALUES:
                options.append(f"{column} IN ({values_sql})")
            elif values:
                marks = []
                for k, value in enumerate(values):
                    params[f"{name}_{j}_{k}"] = value
                    marks.append(f":{name}_{j}_{k}")
                options.append(f"{column} IN ({', '.join(marks)})")
        clauses.append(f"({' OR '.join(options)})" if options else "0")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_TERM = re.compile(r"^(?P<expr>.*?)(?:\s+COLLATE\s+(?P<collate>\w+))?(?:\s+(?P<dir>ASC|DESC))?$", re.I)


@dataclass(frozen=True)
class _Order:
    """How rows are ordered: the JOIN the terms need and (expression, collation, descending) terms."""

    join: str
    terms: tuple[tuple[str, str, bool], ...]
    nulls: str = ""  # rows ``join`` misses; they come first, with NULL keys

    @property
    def outer_join(self) -> str:
        """The join keeping every row (NULL keys where it finds nothing)."""
        return f"LEFT {self.join}" if self.nulls else self.join

    def sql(self, *, reverse: bool = False, names: list[str] | None = None) -> str:
        exprs = names or [expr for expr, _collate, _desc in self.terms]
        return ", ".join(f"{expr}{f' COLLATE {collate}' if collate else ''} {'ASC' if desc == reverse else 'DESC'}"
                         for expr, (_e, collate, desc) in zip(exprs, self.terms, strict=True))

    @property
    def one_direction(self) -> bool:
        return len({desc for _expr, _collate, desc in self.terms}) == 1


def _order(listing: Listing, sort: str | None, descending: bool) -> _Order:
    column = listing.column(sort) if sort else None
    if column is not None and column.sortable:
        exprs = (column.sort_sql, *column.then, "r.id")
        return _Order(column.join, tuple((e, "", descending) for e in exprs), column.nulls)
    terms = []
    for part in (listing.default_sort or "r.id").split(","):
        match = _TERM.match(part.strip())
        assert match is not None
        terms.append((match["expr"], match["collate"] or "", (match["dir"] or "").upper() == "DESC"))
    return _Order("", tuple(terms))


def page(
    db: Database,
    listing: Listing,
    *,
    filter_text: str = "",
    sort: str | None = None,
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
    narrow: bool = True,
    total: int | None = None,
) -> list[tuple]:
    """One page of rows: ``(id, value of each column…)``, sorted and filtered in SQL.

    ``total`` (the row count, when known) lets a page near the end be read backwards from
    the last row, so SQLite skips at most half the list.
    """
    where, params = _filter_for_paging(db, listing, filter_text, narrow)
    order = _order(listing, sort, descending)
    offset, limit = max(0, offset), max(0, limit)
    reverse = total is not None and offset > total // 2
    if reverse:
        assert total is not None
        end = min(offset + limit, total)
        offset, limit = max(0, total - end), max(0, end - offset)
    ids = [r[0] for r in db.execute(f"{_ordered_ids(listing, order, where, reverse)} LIMIT :limit OFFSET :offset",
                                    {**params, "limit": limit, "offset": offset})]
    if reverse:
        ids.reverse()
    return _rows_of(db, listing, ids)


def _ordered_ids(listing: Listing, order: _Order, where: str, reverse: bool) -> str:
    """SQL selecting the ids in order (first column), walking indexes where it can."""
    if not order.nulls:
        return f"SELECT r.id FROM {listing.source} {order.join}{where} ORDER BY {order.sql(reverse=reverse)}"
    # A nullable join: rows it misses and rows it finds, each read in index order and merged,
    # instead of sorting the whole table after a LEFT JOIN.
    keys = ", ".join(expr for expr, _collate, _desc in order.terms)
    numbers = [str(n + 2) for n in range(len(order.terms))]
    missing = f"{' AND ' if where else ' WHERE '}{order.nulls}"
    return (f"SELECT r.id, {keys} FROM {listing.source} {order.outer_join}{where}{missing} UNION ALL "
            f"SELECT r.id, {keys} FROM {listing.source} {order.join}{where} "
            f"ORDER BY {order.sql(reverse=reverse, names=numbers)}")


# A filter matching at least this many rows is left to the sort order's index: walking it
# finds a page of matches within a few thousand rows, where reading every match through the
# filter's own index and sorting them would take far longer.
_BROAD_FILTER = 20_000


# Whether a filter is broad, per database state: every page of a filtered list asks again.
_broad: dict[tuple, bool] = {}


def _filter_for_paging(db: Database, listing: Listing, filter_text: str,
                       narrow: bool) -> tuple[str, dict[str, object]]:
    where, params = _where(db, listing, filter_text, narrow)
    if not listing.lookups or not filter_text.strip():
        return where, params
    # The same data (no write here, none committed elsewhere) gives the same answer.
    state = (id(db), db.conn.total_changes, db.execute("PRAGMA data_version").fetchone()[0],
             listing.name, filter_text, narrow)
    broad = _broad.get(state)
    if broad is None:
        matches = db.execute(f"SELECT count(*) FROM (SELECT 1 FROM {listing.source}{where} "
                             f"LIMIT {_BROAD_FILTER})", params).fetchone()[0]
        if len(_broad) > 64:
            _broad.clear()
        broad = _broad[state] = matches >= _BROAD_FILTER
    return _where(db, listing, filter_text, narrow, use_indexes=False) if broad else (where, params)


def _rows_of(db: Database, listing: Listing, ids: list[int]) -> list[tuple]:
    """The shown values of these records, in the order given."""
    if not ids:
        return []
    values = ", ".join(c.sql for c in listing.columns)
    found = {row[0]: tuple(row) for row in db.execute(
        f"SELECT r.id, {values} FROM {listing.source} WHERE r.id IN (SELECT value FROM json_each(?))",
        [json.dumps(ids)])}
    return [found[i] for i in ids if i in found]


def rows(db: Database, listing: Listing, *, filter_text: str = "", sort: str | None = None,
         descending: bool = False, narrow: bool = True) -> Iterator[tuple]:
    """Every row of the listing as shown, in order, read as it is consumed (for exports)."""
    where, params = _where(db, listing, filter_text, narrow)
    order = _order(listing, sort, descending)
    values = ", ".join(c.sql for c in listing.columns)
    yield from db.execute(f"SELECT r.id, {values} FROM {listing.source} {order.outer_join}{where} "
                          f"ORDER BY {order.sql()}", params)


def count(db: Database, listing: Listing, *, filter_text: str = "", narrow: bool = True) -> int:
    """How many rows the listing has with this filter."""
    where, params = _where(db, listing, filter_text, narrow)
    return db.execute(f"SELECT count(*) FROM {listing.source}{where}", params).fetchone()[0]


# Sorts before every value SQLite stores (NULL excepted): stands in for NULL, which sorts first.
_BEFORE_ALL = "-9e999"


def position_of(db: Database, listing: Listing, record_id: int, **options: object) -> int | None:
    """Row number of a record in the listing as sorted and filtered, or None if absent.

    Counts the rows whose sort key comes before the record's (a row-value comparison, NULLs
    standing in as the smallest value), rather than numbering every row.
    """
    where, params = _where(db, listing, str(options.get("filter_text", "")), bool(options.get("narrow", True)))
    sort = options.get("sort")
    order = _order(listing, str(sort) if sort else None, bool(options.get("descending")))
    params = {**params, "id": record_id}
    target = f"{' AND ' if where else ' WHERE '}r.id = :id"
    if not db.execute(f"SELECT 1 FROM {listing.source}{where}{target}", params).fetchone():
        return None
    if not order.one_direction:
        sql = (f"SELECT n FROM (SELECT r.id AS id, row_number() OVER (ORDER BY {order.sql()}) - 1 AS n "
               f"FROM {listing.source} {order.outer_join}{where}) WHERE id = :id")
        return db.execute(sql, params).fetchone()[0]
    keys = ", ".join(f"ifnull({expr}, {_BEFORE_ALL}){f' COLLATE {collate}' if collate else ''}"
                     for expr, collate, _desc in order.terms)
    before = ">" if order.terms[0][2] else "<"
    mine = f"SELECT {keys} FROM {listing.source} {order.outer_join} WHERE r.id = :id"
    condition = f"({keys}) {before} ({mine})"
    sql = (f"SELECT count(*) FROM {listing.source} {order.outer_join}{where}"
           f"{' AND ' if where else ' WHERE '}{condition}")
    return db.execute(sql, params).fetchone()[0]


_SOURCE_TITLES = (
    "(SELECT group_concat(title, '; ') FROM (SELECT s.title FROM {table}_sources l "
    "JOIN sources s ON s.id = l.source_id WHERE l.{own} = r.id ORDER BY s.id))"
)

_CURRENT = "(p.end_date IS NULL OR date(p.end_date, '+0 days') >= date('now'))"

AGREEMENTS = Listing(
    name="agreements",
    kind="agreement",
    source="agreements r",
    columns=(
        Column("title", _("Title"), "r.title"),
        Column("kind", _("Kind"), sql_label("r.kind", AGREEMENT_KINDS)),
        Column("signed", _("Signed"), "fuzzy_label(r.signed_date, r.signed_date_precision)",
               sort="r.signed_date"),
        Column("valid", _("Valid"),
               "CASE WHEN r.valid_from IS NULL AND r.valid_until IS NULL THEN '' ELSE "
               "fuzzy_label(r.valid_from, r.valid_from_precision) || ' – ' || "
               "fuzzy_label(r.valid_until, r.valid_until_precision) END",
               sort="r.valid_from"),
        Column("status", _("Status"), sql_label("r.status", AGREEMENT_STATUSES)),
        Column("parties", _("Parties"),
               "(SELECT group_concat(p.name_en, '; ') FROM agreement_parties ap "
               "JOIN parties p ON p.id = ap.party_id WHERE ap.agreement_id = r.id)"),
    ),
    search=(
        "casefold(r.title) LIKE {w}", "casefold(r.summary) LIKE {w}",
        "r.id IN (SELECT agreement_id FROM agreement_parties WHERE " + _party_match("party_id") + ")",
    ),
    default_sort="r.signed_date DESC, r.id DESC",
)

OFFICIALS = Listing(
    name="officials",
    kind="person",
    source="people r",
    columns=(
        Column("name", _("Name"), "r.name_en"),
        Column("local", _("Local name"), "r.name_local"),
        Column("position", _("Current position"),
               f"(SELECT group_concat(p.title, '; ') FROM positions p WHERE p.person_id = r.id AND {_CURRENT})"),
        Column("body", _("Body"),
               "(SELECT group_concat(DISTINCT b.name_en) FROM positions p JOIN parties b ON b.id = p.body_id "
               f"WHERE p.person_id = r.id AND {_CURRENT})"),
        Column("since", _("Since"),
               "(SELECT fuzzy_label(p.start_date, p.start_date_precision) FROM positions p "
               f"WHERE p.person_id = r.id AND {_CURRENT} ORDER BY p.start_date IS NULL, p.start_date LIMIT 1)"),
    ),
    search=(
        "casefold(r.name_en) LIKE {w}", "casefold(r.name_local) LIKE {w}",
        "r.id IN (SELECT person_id FROM positions WHERE casefold(title) LIKE {w} OR "
        + _party_match("body_id") + ")",
    ),
    where=f"EXISTS (SELECT 1 FROM positions p WHERE p.person_id = r.id AND {_CURRENT})",
    narrow_label=_("Only people holding a position now"),
    default_sort="r.name_en COLLATE NOCASE, r.id",
)

EVENTS = Listing(
    name="events",
    kind="event",
    source="events r",
    columns=(
        Column("title", _("Title"), "r.title"),
        Column("kind", _("Kind"), sql_label("r.kind", EVENT_KINDS)),
        Column("date", _("Date"),
               "fuzzy_label(r.start_date, r.start_date_precision) || CASE WHEN r.end_date IS NULL THEN '' "
               "ELSE ' – ' || fuzzy_label(r.end_date, r.end_date_precision) END",
               sort="r.start_date"),
        Column("place", _("Place"), "r.place"),
        Column("status", _("Status"), sql_label("r.status", EVENT_STATUSES)),
        Column("participants", _("Participants"),
               "(SELECT group_concat(name, '; ') FROM (SELECT pe.name_en AS name FROM event_people ep "
               "JOIN people pe ON pe.id = ep.person_id WHERE ep.event_id = r.id UNION ALL "
               "SELECT pa.name_en FROM event_parties ea JOIN parties pa ON pa.id = ea.party_id "
               "WHERE ea.event_id = r.id))"),
    ),
    search=(
        "casefold(r.title) LIKE {w}", "casefold(r.place) LIKE {w}", "casefold(r.summary) LIKE {w}",
        "r.id IN (SELECT event_id FROM event_parties WHERE " + _party_match("party_id") + ")",
    ),
    default_sort="r.start_date DESC, r.id DESC",
)

def _distinct_values(column: str, label: str | None = None) -> str:
    """SQL listing the distinct values of an indexed column of ``indicators`` that contain
    the word (or whose visible ``label`` does): one index seek per distinct value."""
    match = "casefold(v) LIKE {w}" + (f" OR casefold({label}) LIKE {{w}}" if label else "")
    return (f"WITH RECURSIVE d(v) AS (SELECT min({column}) FROM indicators UNION ALL "
            f"SELECT (SELECT min({column}) FROM indicators WHERE {column} > d.v) FROM d WHERE d.v IS NOT NULL) "
            f"SELECT v FROM d WHERE v IS NOT NULL AND ({match})")


# The Trade tab may hold a million figures: every sort walks an index (see the module notes).
INDICATORS = Listing(
    name="indicators",
    kind="indicator",
    source="indicators r",
    columns=(
        Column("subject", _("Subject"), _party_name("r.subject_id"), sort="sp.name_en",
               then=("sp.id", "r.counterpart_id", "r.indicator", "r.period_start"),
               join="JOIN parties sp ON sp.id = r.subject_id"),
        Column("counterpart", _("Counterpart"), _party_name("r.counterpart_id"), sort="cp.name_en",
               then=("cp.id",), join="JOIN parties cp ON cp.id = r.counterpart_id",
               nulls="r.counterpart_id IS NULL"),
        Column("indicator", _("Indicator"), sql_label("r.indicator", KNOWN_INDICATORS), sort="r.indicator",
               then=("r.period_start",)),
        Column("period", _("Period"), "period_label(r.period_start, r.period_end)", sort="r.period_start",
               then=("r.period_end",)),
        Column("value", _("Value"), "r.value", numeric=True),
        Column("unit", _("Unit"), "r.unit"),
        # A figure may rest on several sources: no index can order figures by them.
        Column("source", _("Source"), _SOURCE_TITLES.format(table="indicators", own="indicator_id"),
               sortable=False),
    ),
    search=(),
    lookups=(
        Lookup("r.subject_id", _PARTIES_NAMED), Lookup("r.counterpart_id", _PARTIES_NAMED),
        Lookup("r.indicator", _distinct_values("indicator", sql_label("v", KNOWN_INDICATORS))),
        Lookup("r.unit", _distinct_values("unit")),
    ),
    default_sort="r.period_start DESC, r.period_end DESC, r.id DESC",
)

_FACT_COUNT = " + ".join(
    f"(SELECT count(*) FROM {t}_sources WHERE source_id = r.id)"
    for t in ("parties", "people", "positions", "agreements", "events", "indicators", "statements")
)

SOURCES = Listing(
    name="sources",
    kind="source",
    source="sources r",
    columns=(
        Column("title", _("Title"), "r.title"),
        Column("publisher", _("Publisher"), "r.publisher"),
        Column("published", _("Published"), "r.published"),
        Column("url", _("URL"), "r.url"),
        Column("facts", _("Facts"), f"({_FACT_COUNT})", numeric=True),
    ),
    search=("casefold(r.title) LIKE {w}", "casefold(r.publisher) LIKE {w}", "casefold(r.url) LIKE {w}"),
    default_sort="r.published DESC, r.id DESC",
)

LISTINGS = {listing.name: listing for listing in (AGREEMENTS, OFFICIALS, EVENTS, INDICATORS, SOURCES)}
