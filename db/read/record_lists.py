"""The lists the window shows: agreements, officials, events, the Trade table and sources.

Each is a ``Listing`` (``db.read.listings``): its columns with what they sort by, the
conditions a filter word is matched against, and, for the officials, a fixed condition
the view may switch off. ``LISTINGS`` holds them all by name.
"""

from __future__ import annotations

from db.model.i18n import _, pgettext
from db.model.kinds import LINKS
from db.model.records import AGREEMENT_KINDS, EVENT_KINDS, KNOWN_INDICATORS
from db.read.listings import Column, Listing, Lookup
from db.read.queries import sql_label
from db.read.sources import titles_sql


def _party_name(column: str) -> str:
    return f"(SELECT shown_name(p.name_en, p.name_ru, p.name_kk) FROM parties p WHERE p.id = {column})"


def _named(*columns: str) -> str:
    """Filter condition: a word of the names in ``columns`` starts with the filter word
    ``{k}``, across scripts and spellings (``db.model.names.key``)."""
    joined = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
    return f"(' ' || name_key({joined})) LIKE {{k}}"


_NAMES = ("name_en", "name_ru", "name_kk", "name_alt")
_TITLES = ("r.title", "r.title_ru", "r.title_kk")
_SHOWN_TITLE = "shown_name(r.title, r.title_ru, r.title_kk)"

# The parties with a name matching the filter word, in any script or spelling.
_PARTIES_NAMED = "SELECT id FROM parties WHERE " + _named(*_NAMES)


def _party_match(column: str) -> str:
    """Filter condition: the party in ``column`` has a name containing the word."""
    return f"{column} IN ({_PARTIES_NAMED})"



_CURRENT = "(p.end_date IS NULL OR date(p.end_date, '+0 days') >= date('now'))"
# Status words are decided as of today by ``db.model.status`` (SQL functions registered on
# every connection), so a list says what the Overview and the sheet say.
_TODAY = "date('now', 'localtime')"

AGREEMENTS = Listing(
    name="agreements",
    kind="agreement",
    source="agreements r",
    columns=(
        Column("title", _("Title"), _SHOWN_TITLE, sort="r.title"),
        Column("kind", _("Kind"), sql_label("r.kind", AGREEMENT_KINDS)),
        Column("signed", _("Signed"), "fuzzy_label(r.signed_date, r.signed_date_precision)",
               sort="r.signed_date"),
        Column("valid", _("Valid"),
               "CASE WHEN r.valid_from IS NULL AND r.valid_until IS NULL THEN '' ELSE "
               "fuzzy_label(r.valid_from, r.valid_from_precision) || ' – ' || "
               "fuzzy_label(r.valid_until, r.valid_until_precision) END",
               sort="r.valid_from"),
        Column("status", _("Status"),
               "agreement_status(r.status, r.signed_date, r.signed_date_precision, r.valid_from, "
               f"r.valid_from_precision, r.valid_until, r.valid_until_precision, {_TODAY})"),
        Column("parties", _("Parties"),
               "(SELECT group_concat(shown_name(p.name_en, p.name_ru, p.name_kk), '; ') FROM agreement_parties ap "
               "JOIN parties p ON p.id = ap.party_id WHERE ap.agreement_id = r.id)"),
    ),
    search=(
        _named(*_TITLES), "casefold(r.summary) LIKE {w}",
        "r.id IN (SELECT agreement_id FROM agreement_parties WHERE " + _party_match("party_id") + ")",
    ),
    default_sort="r.signed_date DESC, r.id DESC",
)

OFFICIALS = Listing(
    name="officials",
    kind="person",
    source="people r",
    columns=(
        Column("name", pgettext("person", "Name"), "shown_name(r.name_en, r.name_ru, r.name_kk)", sort="r.name_en"),
        Column("other", _("Other form"), "other_name(r.name_en, r.name_ru, r.name_kk)", sortable=False),
        Column("position", _("Current position"),
               "(SELECT group_concat(shown_name(p.title, p.title_ru, p.title_kk), '; ') FROM positions p "
               f"WHERE p.person_id = r.id AND {_CURRENT})"),
        Column("body", _("Body"),
               "(SELECT group_concat(DISTINCT shown_name(b.name_en, b.name_ru, b.name_kk)) FROM positions p "
               "JOIN parties b ON b.id = p.body_id "
               f"WHERE p.person_id = r.id AND {_CURRENT})"),
        Column("since", _("Since"),
               "(SELECT fuzzy_label(p.start_date, p.start_date_precision) FROM positions p "
               f"WHERE p.person_id = r.id AND {_CURRENT} ORDER BY p.start_date IS NULL, p.start_date LIMIT 1)"),
        # The oldest check of the current positions ('' stands for one never verified).
        Column("verified", _("Verified"),
               "(SELECT CASE WHEN count(*) THEN verification_status(min(coalesce(p.verified_on, '')), "
               f"{_TODAY}) END FROM positions p WHERE p.person_id = r.id AND {_CURRENT})"),
    ),
    search=(
        _named(*(f"r.{c}" for c in _NAMES)),
        "r.id IN (SELECT person_id FROM positions WHERE " + _named("title", "title_ru", "title_kk") + " OR "
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
        Column("title", _("Title"), _SHOWN_TITLE, sort="r.title"),
        Column("kind", _("Kind"), sql_label("r.kind", EVENT_KINDS)),
        Column("date", _("Date"),
               "fuzzy_label(r.start_date, r.start_date_precision) || CASE WHEN r.end_date IS NULL THEN '' "
               "ELSE ' – ' || fuzzy_label(r.end_date, r.end_date_precision) END",
               sort="r.start_date"),
        Column("place", _("Place"), "r.place"),
        Column("status", _("Status"),
               "event_status(r.status, r.start_date, r.start_date_precision, r.end_date, r.end_date_precision, "
               f"{_TODAY})"),
        Column("participants", _("Participants"),
               "(SELECT group_concat(name, '; ') FROM (SELECT shown_name(pe.name_en, pe.name_ru, pe.name_kk) "
               "AS name FROM event_people ep "
               "JOIN people pe ON pe.id = ep.person_id WHERE ep.event_id = r.id UNION ALL "
               "SELECT shown_name(pa.name_en, pa.name_ru, pa.name_kk) FROM event_parties ea JOIN parties pa ON pa.id = ea.party_id "
               "WHERE ea.event_id = r.id))"),
    ),
    search=(
        _named(*_TITLES, "r.place"), "casefold(r.summary) LIKE {w}",
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


# The Trade tab may hold a million figures: every sort walks an index (see ``db.read.listings``).
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
        Column("indicator", _("Indicator"), sql_label("r.indicator", KNOWN_INDICATORS), sort="r.indicator"),
        Column("period", _("Period"), "period_label(r.period_start, r.period_end)", sort="r.period_start",
               then=("r.period_end",)),
        Column("value", _("Value"), "r.value", numeric=True),
        Column("unit", _("Unit"), "unit_label(r.unit)", sort="r.unit"),
        # A figure may rest on several sources: no index can order figures by them.
        Column("source", _("Source"), titles_sql("indicator", "r.id"),
               sortable=False),
    ),
    search=(),
    lookups=(
        Lookup("r.subject_id", _PARTIES_NAMED), Lookup("r.counterpart_id", _PARTIES_NAMED),
        Lookup("r.indicator", _distinct_values("indicator", sql_label("v", KNOWN_INDICATORS))),
        Lookup("r.unit", _distinct_values("unit", "unit_label(v)")),
    ),
    default_sort="r.period_start DESC, r.period_end DESC, r.id DESC",
)

_FACT_COUNT = " + ".join(links["sources"].count_of("r.id") for links in LINKS.values() if "sources" in links)

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
