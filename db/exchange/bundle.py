"""The JSON bundle: every record and link in a file that another database can load.

A bundle names records by ``ref`` (any string unique within its kind) instead of row ids,
so it can be written by hand (the seed data set is one) and loaded into any database.
Loading happens in one transaction through ``db.store``: all of it or none of it. What a
file must look like before loading starts (JSON, the format and its version, how deep it
nests) is ``db.exchange.bundle_shape``.

A ref given to two records of a kind is refused (links to it would be ambiguous), and
parties are loaded parents first wherever the file lists them; parties that belong to
themselves, directly or round a circle, are refused as such.

    {"format": "factsheet-bundle", "version": 2,
     "records": {"sources": [{"ref": "trend", "title": "…"}],
                 "parties": [{"ref": "kz", "kind": "country", "name_en": "Kazakhstan",
                              "name_ru": "Казахстан", "name_kk": "Қазақстан"}],
                 "positions": [{"ref": "…", "person_id": "uali", "body_id": "akimat",
                                "start_date": "Q4 2025", "sources": [{"ref": "trend", "passage": "…"}]}]}}

Dates with a precision are written as people type them ("2025-07-02", "2025-07", "Q4 2025",
"2025"); links are lists of ``{"ref": …}`` with the link's note (``role`` or ``passage``).

Each record carries its ``uuid``, the stamp of its version (``updated_at``) and the stamps of
its earlier versions (``previous``). A record whose UUID the database holds is compared
with the version there (``db.exchange.bundle_sync``): a newer version updates it, an older
one is left, and one changed on both sides is listed as a conflict for the person to
decide. Other records are looked up by their natural key (``db.exchange.matching``) and,
when found, used as they are, so links from new records point at them; the rest are added
with the bundle's UUID and stamp. Writing bundles is ``db.exchange.bundle_write``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db import store
from db.errors import FactSheetError, Problem, ValidationError
from db.exchange import bundle_sync, matching
from db.exchange.bundle_shape import (
    ORDER,
    brief,
    read_json,
    records_key,
    shape_problem,
    value_from_json,
)
from db.exchange.report import ImportRejected, ImportReport, NoSteps, Steps, in_transaction
from db.model import validate
from db.model.dates import DateError
from db.model.i18n import _
from db.model.names import sort_local_names
from db.model.records import KINDS, REFERENCE_KINDS, Link, Record

if TYPE_CHECKING:
    from sqlite_utils import Database

# Stands for a record that could not be read, so records pointing at it are still checked.
_UNREADABLE = -1


def load_bundle(db: Database, data: dict[str, Any],
                progress: Callable[[int, int], None] | None = None, *, name: str = "bundle") -> dict[str, int]:
    """Add every record of a bundle in one transaction; return how many of each kind were new.

    Raises ``ValidationError`` naming the record and field of every problem found, and
    leaves the database unchanged.
    """
    class _Progress(NoSteps):
        def report(self, done: int, total: int) -> None:
            if progress:
                progress(done, total)

    try:
        report = import_bundle(db, data, steps=_Progress(), name=name)
    except ImportRejected as rejected:
        raise ValidationError([Problem("", p) for p in rejected.problems]) from None
    return report.added


def import_bundle_file(db: Database, path: Path, *, steps: Steps | None = None,
                       dry_run: bool = False, take_theirs: frozenset[str] = frozenset()) -> ImportReport:
    """Load a bundle file (see ``import_bundle``); a file that is not one is refused with a sentence."""
    data = read_json(Path(path))
    return import_bundle(db, data, steps=steps, dry_run=dry_run, name=path.name, take_theirs=take_theirs)


def import_bundle(db: Database, data: Any, *, steps: Steps | None = None, dry_run: bool = False,
                  name: str = "bundle", take_theirs: frozenset[str] = frozenset()) -> ImportReport:
    """Add the records of a bundle that the database does not hold yet, and take the newer
    versions of those it shares, all or nothing. Conflicts are listed in the report and keep
    the version here, unless their UUID is in ``take_theirs``.

    Raises ``ImportRejected`` listing every problem (record and field) and changes nothing.
    """
    problem = shape_problem(data)
    if problem:
        raise FactSheetError(problem)
    loader = _Loader(db, data.get("records") or {}, steps or NoSteps(), name, take_theirs)
    return in_transaction(db, loader.run, dry_run=dry_run, note=name)


class _Loader:
    """One bundle being loaded: refs seen so far and the problems found.

    ``records`` has passed ``shape_problem``: each kind holds a list of dicts whose
    links are lists.
    """

    def __init__(self, db: Database, records: dict[str, Any], steps: Steps, name: str,
                 take_theirs: frozenset[str] = frozenset()) -> None:
        self.db, self.records, self.steps, self.name = db, records, steps, name
        self.take_theirs = take_theirs
        self.ids: dict[tuple[str, str], int] = {}
        self.problems: list[str] = []
        self.report = ImportReport()
        self.known: dict[str, dict[str, tuple[int, str | None]]] = {}  # kind -> uuid -> (id, stamp)

    def _items(self, kind: str) -> list[dict[str, Any]]:
        return self.records.get(records_key(kind)) or []

    def run(self) -> ImportReport:
        total = sum(len(self._items(k)) for k in ORDER)
        done = 0
        for kind in ORDER:
            self._refs_once(kind)
            self.known[kind] = bundle_sync.known_identities(
                self.db, kind, (i["uuid"] for i in self._items(kind) if isinstance(i.get("uuid"), str)))
            items = list(enumerate(self._items(kind), start=1))
            if kind == "party":
                items = self._parents_first(items)
            for position, item in items:
                self.steps.check_cancelled()
                self._load(kind, item, position)
                done += 1
                if done % 100 == 0 or done == total:
                    self.steps.report(done, total)
        if self.problems:
            raise ImportRejected(self.name, self.problems)
        return self.report

    def _refs_once(self, kind: str) -> None:
        """A ref used by two records of a kind is a problem: links to it would be ambiguous."""
        seen: dict[str, int] = {}
        for item in self._items(kind):
            if "ref" in item:
                ref = str(item["ref"])
                seen[ref] = seen.get(ref, 0) + 1
        for ref, count in seen.items():
            if count > 1:
                self.problems.append(_("{kind}: the ref “{ref}” is given to {n} records; each record needs a ref "
                                       "of its own, or links to it would reach the wrong one.").format(
                    kind=records_key(kind), ref=brief(ref), n=count))

    def _parents_first(self, items: list[tuple[int, dict[str, Any]]]) -> list[tuple[int, dict[str, Any]]]:
        """Parties ordered so that each comes after the party it belongs to, wherever the file
        lists it; parties whose parents lead round in a circle are problems and left out."""
        first: dict[str, int] = {}
        for index, (_position, item) in enumerate(items):
            if "ref" in item:
                first.setdefault(str(item["ref"]), index)
        parent = [first.get(str(item["parent_id"])) if item.get("parent_id") is not None else None
                  for _position, item in items]
        placed = [False] * len(items)
        ordered: list[tuple[int, dict[str, Any]]] = []
        for start in range(len(items)):
            path: list[int] = []
            on_path: dict[int, int] = {}
            index: int | None = start
            while index is not None and not placed[index] and index not in on_path:
                on_path[index] = len(path)
                path.append(index)
                index = parent[index]
            circle = path[on_path[index]:] if index is not None and index in on_path else []
            if circle:
                self._circle([items[i] for i in circle])
            for i in reversed(path):
                placed[i] = True
                if i not in circle:
                    ordered.append(items[i])
        return ordered

    def _circle(self, members: list[tuple[int, dict[str, Any]]]) -> None:
        refs = [str(item.get("ref", f"#{position}")) for position, item in members]
        for ref in refs:
            self.ids[("party", ref)] = _UNREADABLE  # known, so records naming them are still checked
        if len(refs) == 1:
            self.problems.append(_("parties “{ref}”: parent_id names the party itself; a party cannot belong "
                                   "to itself.").format(ref=brief(refs[0])))
            return
        chain = " → ".join(f"“{brief(ref)}”" for ref in [*refs, refs[0]])
        self.problems.append(_("parties {chain}: each belongs to the next, in a circle; a party cannot belong "
                               "to itself through others.").format(chain=chain))

    def _load(self, kind: str, item: dict[str, Any], position: int) -> None:
        ref = str(item.get("ref", f"#{position}"))
        found = _record_from_json(kind, item, self.ids, position)
        if isinstance(found, list):
            self.problems.extend(found)
            self.ids[(kind, ref)] = _UNREADABLE
            return
        if self.problems:
            self.ids[(kind, ref)] = _UNREADABLE  # checking only: nothing will be kept
            return
        uuid, stamp = item.get("uuid"), item.get("updated_at")
        if uuid in self.known[kind]:
            self.ids[(kind, ref)] = self._shared(found, uuid, stamp, item.get("previous") or [])
            return
        existing = matching.existing_id(self.db, found)
        if existing is not None:
            self.ids[(kind, ref)] = existing
            self._count(self.report.present, kind)
            return
        self.ids[(kind, ref)] = store.save(self.db, found, uuid=uuid, updated_at=stamp)
        if uuid is not None:  # the same record twice in one bundle is then compared, not added twice
            self.known[kind][uuid] = (self.ids[(kind, ref)], stamp)
        self._count(self.report.added, kind)

    @staticmethod
    def _count(counts: dict[str, int], kind: str) -> None:
        counts[kind] = counts.get(kind, 0) + 1

    def _shared(self, theirs: Record, uuid: str, stamp: str | None, previous: list[str]) -> int:
        """A record this database holds too: take the bundle's version when it is newer, or
        when the person chose it over a conflicting one; return its id here."""
        record_id, ours_stamp = self.known[theirs.KIND][uuid]
        ours = store.get(self.db, theirs.KIND, record_id)
        theirs.id = record_id
        decision = "ours" if ours == theirs else bundle_sync.decide(self.db, uuid, ours_stamp, stamp, previous)
        if decision == "conflict":
            self.report.conflicts.append(bundle_sync.conflict(self.db, ours, theirs, uuid, ours_stamp, stamp))
            decision = "theirs" if uuid in self.take_theirs else "ours"
        if decision == "theirs":
            store.save(self.db, theirs, updated_at=stamp)
            self._count(self.report.updated, theirs.KIND)
        else:
            self._count(self.report.present, theirs.KIND)
        return record_id


def _upgraded(item: dict[str, Any]) -> dict[str, Any]:
    """An item of a version 1 bundle, whose names had a "local" and an "other local" form,
    with those moved whole into the Russian, Kazakh and alternative forms as the
    database's own migration does (``db.model.names.sort_local_names``)."""
    if "name_local" not in item:
        return item
    upgraded = dict(item)
    local, alt = upgraded.pop("name_local"), item.get("name_alt")
    if not all(v is None or isinstance(v, str) for v in (local, alt)):
        upgraded["name_local"] = local  # left for the reader to refuse with a sentence
        return upgraded
    ru, kk, rest = sort_local_names(local, alt)
    upgraded.setdefault("name_ru", ru)
    upgraded.setdefault("name_kk", kk)
    upgraded["name_alt"] = rest
    return upgraded


def _record_from_json(kind: str, item: dict[str, Any], ids: dict[tuple[str, str], int],
                      position: int) -> Record | list[str]:
    """The record a bundle item describes, or the problems that keep it from being read."""
    cls = KINDS[kind]
    item = _upgraded(item)
    where = _("{kind} “{ref}”").format(kind=records_key(kind), ref=item.get("ref", f"#{position}"))
    values: dict[str, Any] = {}
    problems: list[str] = []

    def resolve(target: str, ref: Any, field: str) -> int | None:
        if (target, str(ref)) not in ids:
            problems.append(_("{where}: {field} refers to unknown {target} “{ref}”.").format(
                where=where, field=field, target=target, ref=ref))
            return None
        return ids[(target, str(ref))]

    for name, typ in cls.column_fields():
        raw = item.get(name)
        if name in REFERENCE_KINDS and raw is not None:
            values[name] = resolve(REFERENCE_KINDS[name], raw, name)
            continue
        try:
            values[name] = value_from_json(kind, name, typ, raw)
        except (ValueError, DateError, OverflowError) as error:
            problems.append(f"{where}: {name}: {error}")
    for attr, spec in cls.LINKS.items():
        links = []
        for entry in item.get(attr) or []:  # a list: ``shape_problem`` refused anything else
            ref = entry.get("ref") if isinstance(entry, dict) else entry
            note = entry.get(spec.note_column) if isinstance(entry, dict) and spec.note_column else None
            if note is not None and not isinstance(note, str):
                problems.append(f"{where}: {attr}: " + _("'{value}' is not text.").format(value=note))
                note = None
            target_id = resolve(spec.other_kind, ref, attr)
            if target_id is not None:
                links.append(Link(target_id, note))
        values[attr] = links
    problems += [f"{where}: {problem}" for problem in bundle_sync.identity_problems(item)]
    if problems:
        return problems
    record = cls(**values)
    return [f"{where}: {p.message}" for p in validate.problems(None, record)] or record
