"""``factsheet backups`` lists a database's backups; ``factsheet restore`` goes back to one,
keeping what it replaces; ``factsheet import`` backs up first."""

from __future__ import annotations

from db import store
from db.file import backups
from db.file.connection import open_database
from db.model.records import Source
from db.read import queries
from desktop.app import main


def _run(capsys, *args) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def test_an_import_backs_up_first_and_restore_goes_back_to_that_backup(capsys, seeded_path, tmp_path):
    csv = tmp_path / "figures.csv"
    csv.write_text("subject,indicator,period_start,period_end,value,unit,source_title\n"
                   "Abai region,exports,2024-01-01,2024-12-31,301.2,USD million,Customs bulletin\n")
    assert _run(capsys, "import", "--db", seeded_path, csv)[0] == 0
    status, out, err = _run(capsys, "backups", "--db", seeded_path)
    assert (status, err) == (0, "")
    [made] = backups.list_backups(seeded_path)
    assert made.reason == "before-import"
    assert "before an import" in out and "5 indicators" in out and str(made.path) in out

    status, out, err = _run(capsys, "restore", "--db", seeded_path, made.path.name)
    assert (status, err) == (0, ""), err
    assert f"Restored {seeded_path} from {made.path}." in out
    db = open_database(seeded_path)
    assert queries.counts(db)["indicator"] == 5  # the imported figure is gone
    entry = db.execute("SELECT action, note FROM history ORDER BY id DESC LIMIT 1").fetchone()
    assert entry == ("restore", f"Restored from the backup {made.path.name}")
    db.close()
    kept = [b for b in backups.list_backups(seeded_path) if b.reason == "before-restore"]
    assert len(kept) == 1 and str(kept[0].path) in out  # where to undo it from


def test_restoring_a_backup_that_is_not_there_is_one_sentence(capsys, seeded_path):
    db = open_database(seeded_path)
    store.save(db, Source(title="Kept"))
    db.close()
    status, out, err = _run(capsys, "restore", "--db", seeded_path, "yesterday")
    assert status == 1 and out == "" and err.count("\n") == 1
    assert "There is no backup “yesterday”" in err
    db = open_database(seeded_path)
    assert queries.counts(db)["source"] == 2
    db.close()


def test_a_database_without_backups_says_so(capsys, seeded_path):
    assert _run(capsys, "backups", "--db", seeded_path) == (0, "seed.factsheet has no backups yet.\n", "")


def test_import_lists_the_conflicts_it_did_not_decide(capsys, seeded_path, tmp_path):
    import json

    from db.exchange import bundle_write

    db = open_database(seeded_path)
    data = bundle_write.export_bundle(db)
    plan = next(i for i in data["records"]["agreements"] if i["kind"] == "plan")
    plan["previous"], plan["updated_at"], plan["summary"] = ["2001-01-01T00:00:00.000000Z"], \
        "2026-03-01T09:00:00.000000Z", "Their summary."
    record = store.get(db, "agreement", int(plan["ref"].split("-")[1]))
    record.summary = "My summary."
    store.save(db, record)
    db.close()
    path = tmp_path / "colleague.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    status, out, err = _run(capsys, "import", "--db", seeded_path, path)
    assert (status, err) == (0, "")
    assert "0 new, 31 already present, 1 conflict" in out.splitlines()[0]
    assert "“My summary.” here, “Their summary.” in the bundle" in out


def test_a_damaged_database_is_restored_from_its_backup_and_its_bytes_kept(capsys, seeded_path):
    from tests.db.odd_files import cut

    db = open_database(seeded_path)
    backups.make_backup(db)
    db.close()
    [made] = backups.list_backups(seeded_path)
    cut(seeded_path, seeded_path.stat().st_size // 2)  # cut short: it no longer opens
    status, out, err = _run(capsys, "restore", "--db", seeded_path, made.path)
    assert (status, err) == (0, ""), err
    assert "The damaged file was kept as" in out
    db = open_database(seeded_path)
    assert queries.counts(db)["indicator"] == 5
    db.close()
