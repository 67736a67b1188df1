"""Warnings that a record probably repeats one already recorded: same name, figure, source or title.

Asked by the editor as a record is typed; unlike the rules in ``db.model.validate`` they
never block a save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.errors import Problem
from db.model.formatting import format_quantity
from db.model.i18n import _
from db.model.names import fold
from db.model.records import (
    KIND_NAMES,
    Agreement,
    Event,
    Indicator,
    Party,
    Person,
    Record,
    Source,
    Subject,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


def duplicates(db: Database, record: Record) -> list[Problem]:
    """Records already present that ``record`` probably repeats, as warnings.

    Warnings never block a save (two people may share a name; two sources may give the
    same figure): the editor shows them beside the field, an import may report them.
    Names match in either script and any case: a person typed as "Берік Уәли" finds
    "Berik Uali" when that record carries the Cyrillic form too.
    """
    if isinstance(record, Person | Party | Subject):
        return _same_name(db, record)
    if isinstance(record, Indicator):
        return _same_figure(db, record)
    if isinstance(record, Source):
        return _same_source(db, record)
    if isinstance(record, Agreement | Event):
        return _same_title(db, record)
    return []



def _folded(*texts: str | None) -> list[str]:
    return [" ".join(t.split()).casefold() for t in texts if t and t.strip()]


_NAME_COLUMNS: dict[type[Record], tuple[str, ...]] = {
    Person: ("name_en", "name_ru", "name_kk"),
    Party: ("name_en", "name_ru", "name_kk"),
    Subject: ("name_en", "name_ru", "name_kk"),
}


def _same_name(db: Database, record: Record) -> list[Problem]:
    columns = _NAME_COLUMNS[type(record)]
    found = []
    for name in columns:
        wanted = _folded(getattr(record, name))
        if not wanted:
            continue
        matches = " OR ".join(f"name_fold({c}) = :name" for c in columns)
        row = db.execute(
            f"SELECT name_label(name_en, name_ru, name_kk) FROM {record.TABLE} WHERE ({matches}) "
            "AND id IS NOT :id LIMIT 1", {"name": fold(wanted[0]), "id": record.id}).fetchone()
        if row is not None:
            shown = row[0]
            found.append(Problem(name, _("A {kind} named “{name}” is already recorded; is this the "
                                         "same one?").format(kind=KIND_NAMES[record.KIND][0].lower(),
                                                             name=shown)))
    return found


def _same_figure(db: Database, record: Indicator) -> list[Problem]:
    if record.subject_id is None or not record.indicator or not record.period_start or not record.period_end:
        return []
    source_ids = [link.id for link in record.sources]
    if not source_ids:
        return []
    marks = ", ".join("?" for _ in source_ids)
    row = db.execute(
        f"""SELECT i.value, i.unit FROM indicators i
            WHERE i.subject_id = ? AND i.counterpart_id IS ? AND i.indicator = ?
              AND i.period_start = ? AND i.period_end = ? AND i.id IS NOT ?
              AND (i.source_id IN ({marks}) OR EXISTS (SELECT 1 FROM indicators_sources l
                                                       WHERE l.indicator_id = i.id AND l.source_id IN ({marks})))
            LIMIT 1""",
        [record.subject_id, record.counterpart_id, record.indicator, record.period_start.isoformat(),
         record.period_end.isoformat(), record.id, *source_ids, *source_ids]).fetchone()
    if row is None:
        return []
    return [Problem("indicator", _("This source's figure for the same pair and period is already "
                                   "recorded ({value}); is this the same figure?").format(
        value=format_quantity(row[0], row[1])))]


def _same_source(db: Database, record: Source) -> list[Problem]:
    found = []
    for name in ("url", "title"):
        wanted = _folded(getattr(record, name))
        if not wanted:
            continue
        row = db.execute(f"SELECT title FROM sources WHERE casefold(trim({name})) = ? AND id IS NOT ? LIMIT 1",
                         [wanted[0], record.id]).fetchone()
        if row is not None:
            message = (_("A source with this address is already recorded: “{title}”.") if name == "url"
                       else _("A source with this title is already recorded."))
            found.append(Problem(name, message.format(title=row[0])))
    return found


def _same_title(db: Database, record: Agreement | Event) -> list[Problem]:
    wanted = _folded(record.title)
    if not wanted:
        return []
    row = db.execute(f"SELECT 1 FROM {record.TABLE} WHERE casefold(trim(title)) = ? AND id IS NOT ? LIMIT 1",
                     [wanted[0], record.id]).fetchone()
    if row is None:
        return []
    return [Problem("title", _("An {kind} with this title is already recorded; is this the same "
                               "one?").format(kind=KIND_NAMES[record.KIND][0].lower()))]
