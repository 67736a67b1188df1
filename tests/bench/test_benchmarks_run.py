"""The benchmark scripts run (on small data): ``make bench`` must not be the first to find them broken.

Nothing here measures or asserts a time; it only checks that each measure produces its figure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench import big_tabs, first_paint, run_all
from tests.bench.bigdata import make_big_database

ROOT = Path(__file__).resolve().parents[2]


def _child_env(tmp_path: Path) -> dict[str, str]:
    return run_all._child_env(tmp_path / "home")


@pytest.mark.slow
@pytest.mark.parametrize("which", ["empty", "imports", "app"])
def test_the_first_paint_process_reports_its_paint(tmp_path, seeded_path, which):
    args = [sys.executable, "-m", "tests.bench.first_paint", which]
    if which == "app":
        args += ["--db", str(seeded_path)]
    seconds, line = run_all._until_line(args, _child_env(tmp_path), "painted")
    assert line.strip() == "painted" and seconds > 0


@pytest.mark.slow
def test_the_imports_measure_loads_exactly_what_the_program_loads_before_its_first_paint(tmp_path, seeded_path):
    loaded = {}
    for which, extra in (("app", ["--db", str(seeded_path)]), ("imports", [])):
        listed = tmp_path / f"{which}.txt"
        args = [sys.executable, "-m", "tests.bench.first_paint", which, *extra, "--modules", str(listed)]
        run_all._until_line(args, _child_env(tmp_path), "painted")
        loaded[which] = {name for name in listed.read_text(encoding="utf-8").split() if not _is_qt_class(name)}
    assert loaded["imports"] == loaded["app"]


def _is_qt_class(name: str) -> bool:
    """``PySide6.QtWidgets.QMenuBar``: a class the program made by running, not a module it imported."""
    parts = name.split(".")
    return len(parts) == 3 and parts[0] == "PySide6" and parts[2].startswith("Q")


@pytest.mark.slow
def test_the_window_built_by_qt_alone_shows_the_same_texts_and_reports_its_paint(tmp_path, seeded_path):
    texts = tmp_path / "shown.json"
    first_paint.shown(seeded_path, texts)
    assert "Abai region" in json.loads(texts.read_text(encoding="utf-8"))["page"]
    args = [sys.executable, "-m", "tests.bench.first_paint", "widgets", "--shown", str(texts)]
    _seconds, line = run_all._until_line(args, _child_env(tmp_path), "painted")
    assert line.strip() == "painted"


@pytest.mark.slow
def test_the_window_reports_its_peak_memory_after_visiting_every_tab(tmp_path, seeded_path):
    args = [sys.executable, "-m", "tests.bench.first_paint", "app", "--stay", "700", "--db", str(seeded_path)]
    _seconds, line = run_all._until_line(args, _child_env(tmp_path), "peak")
    assert int(line.split()[1]) > 10_000  # KiB: a Qt window takes tens of megabytes


@pytest.mark.slow
def test_the_trade_tab_measures_give_each_action_and_its_bare_query(qapp, tmp_path):
    make_big_database(tmp_path / "big.factsheet", rows=3000).close()
    timings = big_tabs.measure(tmp_path / "big.factsheet", runs=1)
    assert [t.name.split(":")[0] for t in timings] == ["Trade table"] * 3 + ["Trade chart"]
    assert all(t.seconds > 0 and t.bare > 0 for t in timings)


@pytest.mark.slow
def test_the_check_measure_gives_the_default_and_the_thorough_time(tmp_path):
    big = make_big_database(tmp_path / "big.factsheet", rows=3000)
    big.close()
    rows = run_all.check({"big": tmp_path / "big.factsheet"}, tmp_path / "home", runs=1)
    assert [row.measure.split(",")[0].strip() for row in rows] == [
        "factsheet check", "(for scale: factsheet check --thorough"]
    assert rows[0].target == "≤ 3 s" and float(rows[0].value.split()[0]) > 0


def test_the_table_lines_up_its_columns_and_says_which_targets_were_missed():
    rows = [run_all.Row("Start-up", "500 ms", "empty 200 ms", "2.50×", "≤ 1.3×", False),
            run_all.Row("PDF", "0.4 s", "", "0.40 s", "≤ 1 s", True)]
    lines = run_all.table(rows).splitlines()
    assert lines[0].startswith("measure") and set(lines[1]) <= {"-", " "}
    assert lines[2].endswith("MISSED") and lines[3].endswith("met")
    assert len({line.index("≤") for line in lines[2:]}) == 1


def test_the_machine_line_names_the_cpu_python_and_qt():
    line = run_all.machine()
    assert "cores" in line and "Python" in line and "Qt" in line
    assert os.cpu_count() is None or str(os.cpu_count()) in line


def test_make_bench_runs_the_benchmark_table():
    makefile = (ROOT / "Makefile").read_text()
    assert "bench:" in makefile and "tests.bench.run_all" in makefile
    assert subprocess.run(["git", "check-ignore", "-q", "bench-data/"], cwd=ROOT).returncode == 0


def test_the_capture_table_gives_each_kind_its_counts():
    from tests.bench import bench_capture

    text, took, count = bench_capture.measure()
    lines = text.splitlines()
    assert lines[0].split()[:5] == ["kind", "proposed", "right", "missed", "wrong"]
    assert [line.split()[0] for line in lines[1:]] == ["people", "positions", "agreements", "events", "figures",
                                                       "statements"]
    assert count >= 10 and took > 0


@pytest.mark.slow
def test_the_densest_pair_is_found_and_its_print_preview_timed(qapp, tmp_path):
    from tests.bench import dense_sheet

    make_big_database(tmp_path / "big.factsheet", rows=3000).close()
    first, second, count = dense_sheet.dense_pair(tmp_path / "big.factsheet")
    assert first.startswith("Region ") and second.startswith("Region ") and first != second and count > 0
    assert dense_sheet.preview_seconds(tmp_path / "big.factsheet", runs=1) > 0
