"""Where a record's links are stored, and the SQL text that reads them in the order linked.

A link (``db.model.records.Link``) joins a record to another: an agreement to its parties,
a fact to its sources. Most kinds keep every link as a row of a link table
(``agreement_parties``, ``events_sources``). A figure keeps its first source, with that
source's passage, in its own row (``indicators.source_id`` and ``source_passage``) and
only any further sources in ``indicators_sources``: a million imported figures, each with
one source, are then a million rows instead of two million rows and their indexes.

Whatever reads a kind's links reads both places through ``LinkSpec.of`` (one record's
links, correlated or not), ``among`` (the links of a list of records) or ``count_of`` (how
many records link to one), so that a figure's sources are the same list everywhere. Each
reads every place through its own index; a union of all links joined to another table
would instead be copied whole by SQLite first. Nothing here runs SQL: these are texts
for ``db.store`` and ``db.read`` to run.
"""

from __future__ import annotations

from typing import NamedTuple


class LinkSpec(NamedTuple):
    """Where a list of links is stored: ``table(own_column, other_column, note_column)``,
    and for a kind whose own row holds the first link, that row's two ``row_columns``
    (the linked record and the note) in ``owner``'s table."""

    table: str
    own_column: str
    other_column: str
    other_kind: str
    note_column: str | None = None
    owner: str | None = None
    row_columns: tuple[str, str] = ("", "")

    def of(self, own: str) -> str:
        """SQL selecting ``linked_id``, ``note`` and ``place`` of the links of the record whose
        id is the SQL expression ``own`` (a column of an outer query, or a parameter);
        ``ORDER BY place`` gives the order they were linked in."""
        return self._links(f"= {own}", with_owner=False)

    def among(self, ids: str) -> str:
        """SQL selecting ``owner_id``, ``linked_id``, ``note`` and ``place`` of the links of the
        records whose ids the SQL ``ids`` selects (``SELECT value FROM json_each(?)``), each place
        read through its index."""
        return self._links(f"IN ({ids})", with_owner=True)

    def _links(self, test: str, *, with_owner: bool) -> str:
        """The links of the records whose id passes ``test`` (SQL after the id: ``= x``, ``IN (…)``),
        from the link table and, for a kind that keeps its first link in its row, from there."""
        note = self.note_column or "NULL"
        owner_id = f"{self.own_column} AS owner_id, " if with_owner else ""
        rows = (f"SELECT {owner_id}{self.other_column} AS linked_id, {note} AS note, rowid AS place "
                f"FROM {self.table} WHERE {self.own_column} {test}")
        if self.owner is None:
            return rows
        other, row_note = self.row_columns
        owner_id = "id AS owner_id, " if with_owner else ""
        return (f"SELECT {owner_id}{other} AS linked_id, {row_note} AS note, 0 AS place FROM {self.owner} "
                f"WHERE id {test} AND {other} IS NOT NULL UNION ALL {rows}")

    def count_of(self, linked: str) -> str:
        """SQL counting the links to the record whose id is the SQL expression ``linked``,
        each place through its own index (a source of a million figures is counted there)."""
        rows = f"(SELECT count(*) FROM {self.table} WHERE {self.other_column} = {linked})"
        if self.owner is None:
            return rows
        return f"((SELECT count(*) FROM {self.owner} WHERE {self.row_columns[0]} = {linked}) + {rows})"
