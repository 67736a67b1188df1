"""How a list of records is read in SQL: its columns, sort keys and filter, a page at a time.

A ``Listing`` describes one table view (the Agreements tab, the Trade table …; the lists
themselves are defined in ``db.read.record_lists``). ``page`` and ``count`` run it with
``LIMIT/OFFSET``, ``ORDER BY`` and the filter all in SQL, so a view never loads a whole
table into Python, however many rows there are.

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

from db.model.names import key

if TYPE_CHECKING:
    from sqlite_utils import Database


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
    search: tuple[str, ...]  # conditions with ``{w}`` standing for one filter word (``{k}``: its key)
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
        # The word as names are compared across scripts and spellings, at a word's start.
        params[f"k{i}"] = f"% {_escape_like(key(word) or word.casefold())}%"
        pattern = f":{name} ESCAPE '\\'"
        loose = f":k{i} ESCAPE '\\'"
        options = [s.replace("{w}", pattern).replace("{k}", loose) for s in listing.search]
        for j, lookup in enumerate(listing.lookups):
            values_sql = lookup.values.replace("{w}", pattern).replace("{k}", loose)
            values = [r[0] for r in db.execute(values_sql, {name: params[name], f"k{i}": params[f"k{i}"]}
                                               ).fetchall() if r]
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
