"""What the published copy says about itself: the Datasette ``metadata.json``.

Datasette shows a database's tables as they are; this metadata makes them readable for
colleagues who never saw the schema: a title, licence and source for the whole copy, a
sentence for each table and its less obvious columns, the column that names each kind of
record (so a figure's ``subject_id`` shows "Abai region" rather than 3), facets for the
columns people filter by, the internal tables hidden, and three canned queries — officials
in office, agreements in force and the latest figure of each series.

The queries are plain SQL (Datasette has none of the app's SQL functions), and they judge
dates as the app does: a date kept to a month, quarter or year counts until the last day
of that span, so a position ending "2025" is held until 31 December 2025.
"""

from __future__ import annotations

from collections.abc import Iterable

from db.model.i18n import _
from db.read.sources import titles_sql

# The column that names a record of each table, for links and foreign keys.
LABEL_COLUMNS = {
    "sources": "title", "parties": "name_en", "people": "name_en", "positions": "title",
    "subjects": "name_en", "agreements": "title", "events": "title", "statements": "text",
}

# Full-text search of the published copy (``<table>_fts``): the columns Datasette's search box reads.
SEARCHED_COLUMNS = {
    "sources": ("title", "publisher", "url", "notes", "text"),
    "parties": ("name_en", "name_ru", "name_kk", "name_alt", "notes"),
    "people": ("name_en", "name_ru", "name_kk", "name_alt", "notes"),
    "positions": ("title", "title_ru", "title_kk", "notes"),
    "subjects": ("name_en", "name_ru", "name_kk", "name_alt"),
    "agreements": ("title", "title_ru", "title_kk", "summary", "notes"),
    "events": ("title", "title_ru", "title_kk", "place", "summary", "notes"),
    "indicators": ("indicator", "unit", "notes"),
    "statements": ("text", "notes"),
}

FACETS = {
    "parties": ["kind"], "agreements": ["status", "kind"], "events": ["status", "kind"],
    "indicators": ["indicator", "unit"],
}

NEWEST_FIRST = {"sources": "published", "agreements": "signed_date", "events": "start_date",
                "indicators": "period_end", "statements": "said_date"}

# Tables the app keeps for itself: the schema's history, its own search index, and the
# imports' batches (the copy's figures carry their identity in their rows).
HIDDEN = ("_sqlite_migrations", "search_index", "search_changes", "figure_batches")


def _table_descriptions() -> dict[str, str]:
    return {
        "sources": _("Where each fact comes from: articles, statistics releases and reports, with the "
                     "text kept where it was recorded."),
        "parties": _("Countries, regions, cities and the bodies in them (an administration, a "
                     "government), with English and local names. A region belongs to its country."),
        "people": _("People named in the sources, with English and local names; the offices they hold "
                    "are in positions."),
        "positions": _("Offices people hold or held: title, body, and start and end where known. An "
                       "official is a person with a current position."),
        "subjects": _("Subject areas of agreements and events (trade, transport, water…)."),
        "agreements": _("Agreements, protocols, plans and memoranda: kind, dates, validity and status "
                        "as recorded."),
        "agreement_parties": _("The parties to each agreement."),
        "agreement_signatories": _("Who signed each agreement, where known."),
        "agreement_subjects": _("The subject areas of each agreement."),
        "events": _("Visits, meetings, forums and conferences, held or planned, with dates known to a "
                    "day, month, quarter or year."),
        "event_parties": _("The parties taking part in each event."),
        "event_people": _("The people taking part in each event."),
        "event_subjects": _("The subject areas of each event."),
        "indicators": _("Figures about a party, optionally against a counterpart, for an exact period "
                        "(partial periods such as January–May are kept as such), with value, unit and "
                        "source. Trade flows are the indicators exports, imports and turnover; figures "
                        "are kept exactly as their sources published them."),
        "statements": _("Quotes: who said what, when, and at which event."),
    }


def _link_description(table: str) -> str:
    kind = table.removesuffix("_sources")
    if kind == "indicators":  # a figure's first source is in its own row (source_id, source_passage)
        return _("The sources of each figure after the first, which is in indicators.source_id, with the "
                 "passage quoted.")
    return _("Which sources each record of {table} rests on, with the passage quoted.").format(table=kind)


def _column_descriptions() -> dict[str, str]:
    """Columns whose meaning is not plain from their name, the same in every table."""
    precision = _("How exactly the date before it is known: day, month, quarter or year (a date of "
                  "2025-10-01 to a quarter means Q4 2025).")
    return {
        "name_en": _("The name in English."),
        "name_ru": _("The name in Russian."),
        "name_kk": _("The name in Kazakh."),
        "title_ru": _("The title in Russian."),
        "title_kk": _("The title in Kazakh."),
        "name_alt": _("Other names and spellings."),
        "parent_id": _("The party this one belongs to (a region's country)."),
        "kind": _("What sort of record this is."),
        "body_id": _("The body (a party) the position is in."),
        "start_date": _("The first day of the span the start is known to."),
        "end_date": _("The first day of the span the end is known to; empty while it continues."),
        "signed_date": _("When it was signed, as the first day of the span known."),
        "valid_from": _("Start of validity, as the first day of the span known."),
        "valid_until": _("End of validity, as the first day of the span known."),
        "said_date": _("When it was said, as the first day of the span known."),
        "start_date_precision": precision, "end_date_precision": precision,
        "signed_date_precision": precision, "valid_from_precision": precision,
        "valid_until_precision": precision, "said_date_precision": precision,
        "verified_on": _("The day someone last checked that the position is still held."),
        "status": _("The status as recorded by the curator."),
        "subject_id": _("The party the figure is about (for trade, the one exporting or importing)."),
        "counterpart_id": _("The party on the other side (for trade, the partner); empty for a figure "
                            "about the subject alone."),
        "reporter_id": _("Who published the figure, where it matters (mirror statistics)."),
        "indicator": _("exports, imports, turnover, investment_inflow, enterprise_count or another name."),
        "period_start": _("The first day of the period the figure covers."),
        "period_end": _("The last day of the period the figure covers."),
        "value": _("The figure as published."),
        "unit": _("The unit of the value, such as USD million."),
        "source_id": _("The source."),
        "passage": _("The passage of the source that says it."),
        "source_passage": _("The passage of the source that says it."),
        "published": _("When the source was published."),
        "accessed": _("When the source was read."),
        "text": _("The text itself."),
    }


def _span_end(column: str) -> str:
    """SQL for the last day of a date kept with its precision (``Q4 2025`` -> 2025-12-31)."""
    return (f"(CASE {column}_precision WHEN 'year' THEN date({column}, '+1 year', '-1 day') "
            f"WHEN 'quarter' THEN date({column}, '+3 months', '-1 day') "
            f"WHEN 'month' THEN date({column}, '+1 month', '-1 day') ELSE {column} END)")


OFFICIALS_IN_OFFICE = f"""
SELECT pe.name_en AS person, pe.name_ru AS person_ru, pe.name_kk AS person_kk, po.title AS position,
       b.name_en AS body, country.name_en AS body_of,
       po.start_date AS since, po.start_date_precision AS since_precision,
       po.verified_on, pe.id AS person_id, po.id AS position_id
FROM positions po
JOIN people pe ON pe.id = po.person_id
LEFT JOIN parties b ON b.id = po.body_id
LEFT JOIN parties country ON country.id = b.parent_id
WHERE (po.start_date IS NULL OR po.start_date <= date('now'))
  AND (po.end_date IS NULL OR {_span_end('po.end_date')} >= date('now'))
ORDER BY body_of, body, person
""".strip()

AGREEMENTS_IN_FORCE = f"""
SELECT a.title, a.kind, a.signed_date, a.signed_date_precision,
       a.valid_from, a.valid_from_precision, a.valid_until, a.valid_until_precision,
       (SELECT group_concat(name_en, '; ') FROM (SELECT p.name_en FROM agreement_parties ap
          JOIN parties p ON p.id = ap.party_id WHERE ap.agreement_id = a.id ORDER BY ap.rowid)) AS parties,
       a.summary, a.id AS agreement_id
FROM agreements a
WHERE a.status NOT IN ('draft', 'terminated', 'expired')
  AND (a.signed_date IS NULL OR a.signed_date <= date('now'))
  AND (a.valid_from IS NULL OR a.valid_from <= date('now'))
  AND (a.valid_until IS NULL OR {_span_end('a.valid_until')} >= date('now'))
ORDER BY a.signed_date DESC, a.id DESC
""".strip()

LATEST_FIGURES = f"""
SELECT s.name_en AS subject, c.name_en AS counterpart, i.indicator,
       i.period_start, i.period_end, i.value, i.unit,
       {titles_sql("indicator", "i.id")} AS source,
       i.notes, i.id AS indicator_id
FROM (SELECT *, row_number() OVER (
        PARTITION BY subject_id, counterpart_id, indicator, unit
        ORDER BY period_end DESC, period_start ASC, id DESC) AS newest
      FROM indicators) i
JOIN parties s ON s.id = i.subject_id
LEFT JOIN parties c ON c.id = i.counterpart_id
WHERE i.newest = 1
ORDER BY subject, counterpart, i.indicator, i.unit
""".strip()


def canned_queries() -> dict[str, dict[str, str]]:
    return {
        "officials_in_office": {
            "title": _("Officials in office"),
            "description": _("People holding a position today, by body, with since when."),
            "sql": OFFICIALS_IN_OFFICE,
        },
        "agreements_in_force": {
            "title": _("Agreements in force"),
            "description": _("Agreements signed and valid today (not drafts, terminated or expired "
                             "ones), newest first, with their parties."),
            "sql": AGREEMENTS_IN_FORCE,
        },
        "latest_figures": {
            "title": _("Latest figures per pair"),
            "description": _("For each subject and counterpart, indicator and unit, the figure for the "
                             "latest period (the longest, where two end on the same day), with its "
                             "period and source."),
            "sql": LATEST_FIGURES,
        },
    }


def build(*, database: str, tables: Iterable[str], columns: dict[str, list[str]], title: str, description: str,
          licence: str, licence_url: str | None, source: str, searched: Iterable[str]) -> dict:
    """The metadata for the database ``database`` holding ``tables`` (with their ``columns``)."""
    described, by_column = _table_descriptions(), _column_descriptions()
    searched = set(searched)
    tables_meta: dict[str, dict] = {}
    for table in tables:
        meta: dict[str, object] = {}
        text = described.get(table) or (_link_description(table) if table.endswith("_sources") else None)
        if text:
            meta["description"] = text
        column_text = {c: by_column[c] for c in columns.get(table, []) if c in by_column}
        if column_text:
            meta["columns"] = column_text
        if table in LABEL_COLUMNS:
            meta["label_column"] = LABEL_COLUMNS[table]
        if table in FACETS:
            meta["facets"] = FACETS[table]
        if table in NEWEST_FIRST:
            meta["sort_desc"] = NEWEST_FIRST[table]
        if table in searched:
            meta["fts_table"] = f"{table}_fts"
            meta["fts_pk"] = "id"
        if table in HIDDEN:
            meta = {"hidden": True}
        if meta:
            tables_meta[table] = meta
    metadata: dict[str, object] = {
        "title": title,
        "description": description,
        "license": licence,
        "source": source,
        "databases": {database: {"tables": tables_meta, "queries": canned_queries()}},
    }
    if licence_url:
        metadata["license_url"] = licence_url
    return metadata
