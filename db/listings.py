"""What each list in the window shows, as SQL: columns, sort keys and the filter.

A ``Listing`` describes one table view (the Agreements tab, the Trade table …). ``page``
and ``count`` run it with ``LIMIT/OFFSET``, ``ORDER BY`` and the filter all in SQL, so a
view never loads a whole table into Python, however many rows there are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from db.i18n import _
from db.records import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    EVENT_KINDS,
    EVENT_STATUSES,
    KNOWN_INDICATORS,
)


def sql_label(expr: str, labels: dict[str, str]) -> str:
    """SQL that turns a stored code into its visible label (unknown codes pass through)."""
    whens = " ".join(f"WHEN '{k}' THEN '{v.replace(chr(39), chr(39) * 2)}'" for k, v in labels.items())
    return f"(CASE {expr} {whens} ELSE {expr} END)"


def _party_name(column: str) -> str:
    return f"(SELECT name_en FROM parties WHERE id = {column})"


def _party_match(column: str) -> str:
    """Filter condition: the party in ``column`` has a name containing the word."""
    return (f"{column} IN (SELECT id FROM parties WHERE casefold(name_en) LIKE {{w}} "
            f"OR casefold(name_local) LIKE {{w}} OR casefold(name_alt) LIKE {{w}})")


@dataclass(frozen=True)
class Column:
    """One column: its header, the SQL of its value, and what it sorts by."""

    key: str
    title: str
    sql: str
    sort: str | None = None  # an indexed expression to sort by; defaults to ``sql``
    numeric: bool = False

    @property
    def sort_sql(self) -> str:
        return self.sort or self.sql


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

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _where(listing: Listing, filter_text: str, narrow: bool) -> tuple[str, dict[str, str]]:
    clauses, params = [], {}
    if listing.where and narrow:
        clauses.append(f"({listing.where})")
    for i, word in enumerate(filter_text.split()):
        name = f"w{i}"
        params[name] = f"%{_escape_like(word.casefold())}%"
        options = " OR ".join(s.replace("{w}", f":{name} ESCAPE '\\'") for s in listing.search)
        clauses.append(f"({options})")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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
) -> list[tuple]:
    """One page of rows: ``(id, value of each column…)``, sorted and filtered in SQL."""
    where, params = _where(listing, filter_text, narrow)
    values = ", ".join(c.sql for c in listing.columns)
    if sort:
        direction = "DESC" if descending else "ASC"
        order = f"{listing.column(sort).sort_sql} {direction}, r.id {direction}"
    else:
        order = listing.default_sort or "r.id"
    sql = (f"SELECT r.id, {values} FROM {listing.source}{where} "
           f"ORDER BY {order} LIMIT :limit OFFSET :offset")
    return db.execute(sql, {**params, "limit": limit, "offset": offset}).fetchall()


def count(db: Database, listing: Listing, *, filter_text: str = "", narrow: bool = True) -> int:
    """How many rows the listing has with this filter."""
    where, params = _where(listing, filter_text, narrow)
    return db.execute(f"SELECT count(*) FROM {listing.source}{where}", params).fetchone()[0]


def position_of(db: Database, listing: Listing, record_id: int, **options: object) -> int | None:
    """Row number of a record in the listing as sorted and filtered, or None if absent."""
    where, params = _where(listing, str(options.get("filter_text", "")), bool(options.get("narrow", True)))
    sort = options.get("sort")
    descending = bool(options.get("descending"))
    if sort:
        direction = "DESC" if descending else "ASC"
        order = f"{listing.column(str(sort)).sort_sql} {direction}, r.id {direction}"
    else:
        order = listing.default_sort or "r.id"
    sql = (f"SELECT n FROM (SELECT r.id AS id, row_number() OVER (ORDER BY {order}) - 1 AS n "
           f"FROM {listing.source}{where}) WHERE id = :id")
    row = db.execute(sql, {**params, "id": record_id}).fetchone()
    return row[0] if row else None


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

INDICATORS = Listing(
    name="indicators",
    kind="indicator",
    source="indicators r",
    columns=(
        Column("subject", _("Subject"), _party_name("r.subject_id"), sort="r.subject_id"),
        Column("counterpart", _("Counterpart"), _party_name("r.counterpart_id"), sort="r.counterpart_id"),
        Column("indicator", _("Indicator"), sql_label("r.indicator", KNOWN_INDICATORS), sort="r.indicator"),
        Column("period", _("Period"), "period_label(r.period_start, r.period_end)", sort="r.period_start"),
        Column("value", _("Value"), "r.value", numeric=True),
        Column("unit", _("Unit"), "r.unit"),
        Column("source", _("Source"), _SOURCE_TITLES.format(table="indicators", own="indicator_id")),
    ),
    search=(
        _party_match("r.subject_id"), _party_match("r.counterpart_id"),
        "r.indicator LIKE {w}", "casefold(r.unit) LIKE {w}",
    ),
    default_sort="r.period_start DESC, r.id",
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
