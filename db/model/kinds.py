"""The kinds of record by name: their tables, the words for them, and closed vocabularies.

What a view needs to name and count records without the record classes themselves
(``db.model.records``, whose dataclasses take a while to make): the window's first paint,
the checks and the Overview read these alone. ``db.model.records`` offers the same names.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from db.model.formatting import format_number
from db.model.i18n import N_, Labels, _, ngettext
from db.model.links import LinkSpec

# Each kind of record and the table that holds it.
TABLES: dict[str, str] = {
    "source": "sources", "party": "parties", "person": "people", "position": "positions",
    "subject": "subjects", "agreement": "agreements", "event": "events", "indicator": "indicators",
    "statement": "statements",
}


def _sources_link(table: str, own: str) -> LinkSpec:
    return LinkSpec(f"{table}_sources", own, "source_id", "source", "passage")


# Each kind's lists of links to other records, by the record's attribute holding them.
LINKS: dict[str, dict[str, LinkSpec]] = {
    "source": {},
    "party": {"sources": _sources_link("parties", "party_id")},
    "person": {"sources": _sources_link("people", "person_id")},
    "position": {"sources": _sources_link("positions", "position_id")},
    "subject": {},
    "agreement": {
        "parties": LinkSpec("agreement_parties", "agreement_id", "party_id", "party", "role"),
        "signatories": LinkSpec("agreement_signatories", "agreement_id", "person_id", "person", "role"),
        "subjects": LinkSpec("agreement_subjects", "agreement_id", "subject_id", "subject"),
        "sources": _sources_link("agreements", "agreement_id"),
    },
    "event": {
        "parties": LinkSpec("event_parties", "event_id", "party_id", "party", "role"),
        "people": LinkSpec("event_people", "event_id", "person_id", "person", "role"),
        "subjects": LinkSpec("event_subjects", "event_id", "subject_id", "subject"),
        "sources": _sources_link("events", "event_id"),
    },
    # A figure's first source and its passage are columns of its own row (``db.model.links``).
    "indicator": {"sources": LinkSpec("indicators_sources", "indicator_id", "source_id", "source", "passage",
                                      owner="indicators", row_columns=("source_id", "source_passage"))},
    "statement": {"sources": _sources_link("statements", "statement_id")},
}


class _KindNames(Mapping[str, tuple[str, str]]):
    """Each kind's visible name, singular and plural, in the language in use when read."""

    _NAMES = {
        "source": (N_("Source"), N_("Sources")),
        "party": (N_("Party"), N_("Parties")),
        "person": (N_("Person"), N_("People")),
        "position": (N_("Position"), N_("Positions")),
        "subject": (N_("Subject area"), N_("Subject areas")),
        "agreement": (N_("Agreement"), N_("Agreements")),
        "event": (N_("Event"), N_("Events")),
        "indicator": (N_("Indicator"), N_("Indicators")),
        "statement": (N_("Statement"), N_("Statements")),
    }

    def __getitem__(self, kind: str) -> tuple[str, str]:
        singular, plural = self._NAMES[kind]
        return _(singular), _(plural)

    def __iter__(self) -> Iterator[str]:
        return iter(self._NAMES)

    def __len__(self) -> int:
        return len(self._NAMES)


KIND_NAMES: Mapping[str, tuple[str, str]] = _KindNames()


def format_count(n: int, kind: str) -> str:
    """How many records of a kind: "1 agreement", "1,234 indicators", "5 соглашений"."""
    if kind == "source":
        text = ngettext("{n} source", "{n} sources", n)
    elif kind == "party":
        text = ngettext("{n} party", "{n} parties", n)
    elif kind == "person":
        text = ngettext("{n} person", "{n} people", n)
    elif kind == "position":
        text = ngettext("{n} position", "{n} positions", n)
    elif kind == "subject":
        text = ngettext("{n} subject area", "{n} subject areas", n)
    elif kind == "agreement":
        text = ngettext("{n} agreement", "{n} agreements", n)
    elif kind == "event":
        text = ngettext("{n} event", "{n} events", n)
    elif kind == "indicator":
        text = ngettext("{n} indicator", "{n} indicators", n)
    elif kind == "statement":
        text = ngettext("{n} statement", "{n} statements", n)
    else:
        text = ngettext("{n} record", "{n} records", n)
    return text.format(n=format_number(n))


# Closed vocabularies enforced by CHECK constraints, with their visible labels.
PARTY_KINDS = Labels({
    "country": N_("Country"), "region": N_("Region"), "city": N_("City"),
    "body": N_("Body (administration, government)"), "organisation": N_("Organisation"),
})
AGREEMENT_KINDS = Labels({
    "agreement": N_("Agreement"), "protocol": N_("Protocol"), "plan": N_("Plan"),
    "memorandum": N_("Memorandum"), "roadmap": N_("Roadmap"), "treaty": N_("Treaty"),
    "programme": N_("Programme"), "other": N_("Other"),
})
AGREEMENT_STATUSES = Labels({
    "draft": N_("Draft"), "signed": N_("Signed"), "in_force": N_("In force"),
    "expired": N_("Expired"), "terminated": N_("Terminated"),
})
EVENT_KINDS = Labels({
    "visit": N_("Visit"), "meeting": N_("Meeting"), "forum": N_("Forum"),
    "conference": N_("Conference"), "exhibition": N_("Exhibition"), "other": N_("Other"),
})
EVENT_STATUSES = Labels({
    "planned": N_("Planned"), "held": N_("Held"), "postponed": N_("Postponed"), "cancelled": N_("Cancelled"),
})
# Indicator names the trade chart knows; any other name is kept and shown, not plotted as trade.
TRADE_INDICATORS = ("exports", "imports", "turnover")
KNOWN_INDICATORS = Labels({
    "exports": N_("Exports"), "imports": N_("Imports"), "turnover": N_("Trade turnover"),
    "investment_inflow": N_("Investment inflow"), "enterprise_count": N_("Enterprises"),
})

# Fields that point at another record, and the kind of record they point at.
REFERENCE_KINDS = {
    "parent_id": "party", "body_id": "party", "subject_id": "party", "counterpart_id": "party",
    "reporter_id": "party", "person_id": "person", "event_id": "event",
}


def indicator_label(name: str) -> str:
    """Visible name of an indicator: "Exports", or the stored name for unknown ones."""
    return KNOWN_INDICATORS.get(name, name.replace("_", " "))
