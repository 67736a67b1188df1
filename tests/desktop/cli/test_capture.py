"""``factsheet capture``: read-only without --apply, one JSON object with --json, one sentence on failure."""

import json

from db.file.connection import open_database
from desktop.app import main
from tests.db.content import content

ARTICLE = """date 2025-11-13 Павлодарская и Омская области подписали меморандум

Документ, который должен сблизить соседей, подписан акимом Павлодарской области Асаином Байхановым и \
губернатором Омской области Виталием Хоценко. В первые шесть месяцев текущего года товарооборот \
достиг почти 360 млн долларов.
"""


def _content(path):
    db = open_database(path)
    try:
        return content(db)
    finally:
        db.close()


def test_capture_prints_one_json_object_and_changes_nothing(seeded_path, tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    before = seeded_path.read_bytes()
    assert main(["capture", "--db", str(seeded_path), str(article), "--json",
                 "--url", "https://example.kz/news/1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert seeded_path.read_bytes() == before
    assert out["source"]["url"] == "https://example.kz/news/1"
    assert out["source"]["published"] == "2025-11-13"
    kinds = {p["kind"] for p in out["proposals"]}
    assert {"party", "person", "position", "indicator"} <= kinds
    for proposal in out["proposals"]:
        assert proposal["action"] in ("new", "same", "update")
        assert proposal["evidence"] in ARTICLE
    omsk = next(p for p in out["proposals"] if p["kind"] == "party" and p["record"]["name_en"] == "Omsk region")
    assert (omsk["action"], omsk["existing"]) == ("same", "party-4")
    figure = next(p for p in out["proposals"] if p["kind"] == "indicator")
    assert figure["record"]["period_start"] == "2025-01-01" and figure["record"]["period_end"] == "2025-06-30"


def test_capture_lists_proposals_with_their_passages(seeded_path, tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["capture", "--db", str(seeded_path), str(article)]) == 0
    out = capsys.readouterr().out
    assert "[new] аким Павлодарской области — Asain Baykhanov" in out
    assert "[already recorded] Vitaly Khotsenko / Виталий Хоценко" in out
    assert "from: “Асаином Байхановым”" in out


def test_apply_writes_every_complete_proposal_in_one_step(seeded_path, tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["capture", "--db", str(seeded_path), str(article), "--apply"]) == 0
    assert "Wrote" in capsys.readouterr().out
    db = open_database(seeded_path)
    try:
        assert db.execute("SELECT count(*) FROM people WHERE name_ru = 'Асаин Байханов'").fetchone()[0] == 1
        source = db.execute("SELECT id FROM sources WHERE published = '2025-11-13'").fetchone()[0]
        linked = db.execute("SELECT count(*) FROM people_sources WHERE source_id = ?", [source]).fetchone()[0]
        assert linked == 2  # the new akim, and Khotsenko already recorded
    finally:
        db.close()
    after = _content(seeded_path)
    assert main(["capture", "--db", str(seeded_path), str(article), "--apply"]) == 0
    assert _content(seeded_path) == after


def test_a_file_that_is_not_text_is_one_sentence_and_changes_nothing(seeded_path, tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_bytes(b"\xff\xfe\x00\x00binary")
    before = seeded_path.read_bytes()
    assert main(["capture", "--db", str(seeded_path), str(article), "--apply"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("factsheet: “article.txt” is not UTF-8 text") and "Traceback" not in err
    assert err.count("\n") == 1
    assert seeded_path.read_bytes() == before


def test_a_bad_date_or_address_is_one_sentence(seeded_path, tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["capture", "--db", str(seeded_path), str(article), "--published", "2025-02-30"]) == 1
    assert capsys.readouterr().err.startswith("factsheet: --published: '2025-02-30' is not a real calendar date.")
    assert main(["capture", "--db", str(seeded_path), str(article), "--url", "javascript:alert(1)"]) == 1
    assert "is not a web address" in capsys.readouterr().err
