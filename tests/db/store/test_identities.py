"""The figures an import writes keep their identity in their batch, not in their rows: each
still has its own UUID and stamp wherever one is read, keeps them when edited, deleted and
brought back, undone and redone, exported, compared with a backup and loaded again."""

from __future__ import annotations

import re

from db import store
from db.exchange import bundle, bundle_write
from db.exchange.figures.importing import import_figures
from db.file import backups, clean_copy, snapshot
from db.file.connection import open_database
from db.model import identity
from db.read import backup_compare, history
from db.seed import load_seed
from db.store import identities
from tests.db.exchange.test_indicator_csv import HEADER, _write

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def _import(db, tmp_path, years=range(2000, 2010), name="customs.csv") -> list[int]:
    """Import one export figure a year; return the new figures' ids."""
    before = db.execute("SELECT coalesce(max(id), 0) FROM indicators").fetchone()[0]
    rows = "\n".join(f"Abai region,Russian Federation,exports,{y}-01-01,{y}-12-31,{y - 1900},USD million,"
                     "Customs bulletin,," for y in years)
    import_figures(db, _write(tmp_path, HEADER + "\n" + rows + "\n", name=name))
    return [r[0] for r in db.execute("SELECT id FROM indicators WHERE id > ? ORDER BY id", [before])]


def _identities(db, ids) -> dict[int, tuple[str | None, str | None]]:
    return identities.identities(db, "indicator", ids)


def test_imported_figures_have_their_batchs_identity_with_none_written_in_their_rows(seeded_db, tmp_path):
    ids = _import(seeded_db, tmp_path)
    assert seeded_db.execute("SELECT count(*) FROM indicators WHERE id >= ? AND uuid IS NULL AND updated_at IS NULL",
                             [ids[0]]).fetchone()[0] == len(ids)
    first, last, prefix, stamp = seeded_db.execute("SELECT * FROM figure_batches").fetchone()
    assert (first, last) == (ids[0], ids[-1])
    found = _identities(seeded_db, ids)
    assert [found[i] for i in ids] == [(identity.batch_uuid(prefix, n), stamp) for n in range(1, len(ids) + 1)]
    assert all(UUID.match(uuid) for uuid, _stamp in found.values())
    # The history's entry for the import names the same prefix.
    assert seeded_db.execute("SELECT record_uuid FROM history WHERE action = 'import' AND first_id = ?",
                             [first]).fetchone() == (prefix,)
    # Read one at a time, for a whole table, or looked up by UUID: the same identity.
    assert store.identity_of(seeded_db, "indicator", ids[3]) == found[ids[3]]
    every = {r.id: (u, s) for r, u, s in bundle_write.records_with_identity(seeded_db, "indicator")}
    assert all(every[i] == found[i] for i in ids)
    assert identities.holding(seeded_db, "indicator", [found[ids[5]][0]]) == {found[ids[5]][0]: (ids[5], stamp)}


def test_an_edited_imported_figure_keeps_its_uuid_and_takes_a_stamp_of_its_own(seeded_db, tmp_path):
    ids = _import(seeded_db, tmp_path)
    uuid, stamp = store.identity_of(seeded_db, "indicator", ids[0])
    figure = store.get(seeded_db, "indicator", ids[0])
    figure.value = 123.0
    store.save(seeded_db, figure)
    now_uuid, now_stamp = store.identity_of(seeded_db, "indicator", ids[0])
    assert now_uuid == uuid and now_stamp > stamp
    assert [v.action for v in history.record_history(seeded_db, "indicator", ids[0])] == ["edit", "import"]
    assert store.identity_of(seeded_db, "indicator", ids[1]) == _identities(seeded_db, [ids[1]])[ids[1]]


def test_a_deleted_imported_figure_comes_back_with_its_identity(seeded_db, tmp_path):
    ids = _import(seeded_db, tmp_path)
    before = store.identity_of(seeded_db, "indicator", ids[-1])
    captured = store.delete(seeded_db, "indicator", ids[-1])
    assert [d.uuid for d in history.deleted_records(seeded_db)][:1] == [before[0]]
    # Another import takes the free id and cuts the first batch short.
    later = _import(seeded_db, tmp_path, years=[2020], name="later.csv")
    assert later == [ids[-1]]
    assert store.identity_of(seeded_db, "indicator", later[0])[0] != before[0]
    store.delete(seeded_db, "indicator", later[0])
    store.restore(seeded_db, captured)
    assert store.identity_of(seeded_db, "indicator", ids[-1]) == before
    assert before[0] not in [d.uuid for d in history.deleted_records(seeded_db)]


def test_an_undone_import_redone_after_another_import_keeps_every_identity(seeded_db, tmp_path):
    ids = _import(seeded_db, tmp_path)
    before = _identities(seeded_db, ids)
    kept = store.remove_figures(seeded_db, [(ids[0], ids[-1])])
    other = _import(seeded_db, tmp_path, years=[2030, 2031], name="other.csv")  # the same ids, its own batch
    assert other == ids[:2]
    store.remove_figures(seeded_db, [(other[0], other[-1])])
    store.put_back_figures(seeded_db, kept)
    assert _identities(seeded_db, ids) == before


def test_an_undone_import_redone_where_another_batch_holds_its_ids_keeps_every_identity(seeded_db, tmp_path):
    ids = _import(seeded_db, tmp_path)
    before = _identities(seeded_db, ids)
    kept = store.remove_figures(seeded_db, [(ids[0], ids[-1])])
    other = _import(seeded_db, tmp_path, years=[2030], name="other.csv")
    store.delete(seeded_db, "indicator", other[0])  # its batch stays, holding the first id
    store.put_back_figures(seeded_db, kept)
    assert _identities(seeded_db, ids) == before


def test_a_bundle_carries_the_batch_identities_and_loading_it_again_adds_nothing(seeded_db, tmp_path):
    ids = _import(seeded_db, tmp_path)
    found = _identities(seeded_db, ids)
    data = bundle_write.export_bundle(seeded_db)
    items = {i["uuid"]: i["updated_at"] for i in data["records"]["indicators"]}
    assert all(items[uuid] == stamp for uuid, stamp in found.values())
    assert bundle.import_bundle(seeded_db, data).total_added == 0
    other = open_database(tmp_path / "other.factsheet")
    load_seed(other)
    bundle.import_bundle(other, data)
    there = dict(other.execute("SELECT uuid, updated_at FROM indicators WHERE uuid IS NOT NULL").fetchall())
    assert all(there[uuid] == stamp for uuid, stamp in found.values())
    other.close()


def test_a_backup_tells_an_edited_imported_figure_from_added_and_removed_ones(seeded_db, tmp_path):
    ids = _import(seeded_db, tmp_path)
    backup = backups.make_backup(seeded_db)
    figure = store.get(seeded_db, "indicator", ids[2])
    figure.value = 5.0
    store.save(seeded_db, figure)
    store.delete(seeded_db, "indicator", ids[4])
    [figures] = backup_compare.compare(seeded_db.path, backup)
    assert (figures.kind, figures.only_now, figures.only_backup, figures.changed) == ("indicator", 0, 1, 1)


def test_a_copy_a_clean_copy_and_a_restored_backup_keep_every_imported_figures_identity(seeded_db, tmp_path):
    ids = _import(seeded_db, tmp_path)
    store.save(seeded_db, store.get(seeded_db, "indicator", ids[1]))  # one edited: a stamp of its own
    found = _identities(seeded_db, ids)
    copies = [snapshot.backup_to(seeded_db, tmp_path / "copy.factsheet"),  # Save a Copy…
              clean_copy.save_clean_copy(seeded_db.path, tmp_path / "clean.factsheet")]
    for path in copies:
        other = open_database(path)
        assert _identities(other, ids) == found, path.name
        other.close()
    backup = backups.make_backup(seeded_db)
    store.remove_figures(seeded_db, [(ids[0], ids[-1])])
    _import(seeded_db, tmp_path, years=[2040, 2041], name="other.csv")  # its own batch on the same ids
    backups.restore_backup(seeded_db, backup)
    assert _identities(seeded_db, ids) == found
