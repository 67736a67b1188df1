"""``make bench``: every figure of the README's Performance table, measured in one run.

    python -m tests.bench.run_all [--data bench-data] [--runs N] [--quick] [--only MEASURE]

Each figure is a ratio against a baseline measured in the same run on the same machine
(or a time with its target), the median of several runs, because shared machines are
noisy. Nothing here is asserted: the figures are printed as a table, with the machine
they come from. The million-figure database and CSV file are made once and kept in
``--data`` (``bench-data/``, ignored by git); they are made again when the schema changes.

1. start-up to the first paint of the main window on the sample data, against an empty
   PySide6 ``QMainWindow`` started the same way (separate processes, same interpreter;
   ``tests.bench.first_paint`` says how the painted frame is caught), and for scale the
   same window built by Qt alone (its floor) and the empty window after importing what
   Fact Sheet imports before its first paint;
2. the Trade tab on a million figures: first page, sort by value, filter by party and
   the trade chart, each against the bare SQL for the same rows (``tests.bench.big_tabs``);
3. importing a million-row CSV file, against Python's ``csv`` + ``executemany`` of it into
   the same schema without validation (target ≤ 1.2×) and into a bare table (≤ 4×);
4. ``factsheet pdf`` for the sample pair, on the sample data and on the million figures, and
   for the densest pair of the million figures (``tests.bench.dense_sheet``), with Print
   Preview opening on it; ``factsheet check`` on the million figures (and once with
   ``--thorough``, for scale);
5. the window's peak memory on the million figures, against the sample data.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MILLION = 1_000_000
SHEET_PARTIES = ("Abai region", "Omsk region")
SHEET_DAY = "2025-07-02"


@dataclass(frozen=True)
class Row:
    """One line of the table: what was measured, against what, and the target."""

    measure: str
    value: str
    baseline: str
    result: str  # the ratio or time the target is about
    target: str
    met: bool


# -- the machine -------------------------------------------------------------------------------
def machine() -> str:
    """CPU model and cores, Python, Qt and SQLite versions: where the figures come from."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import PySide6
    from PySide6.QtCore import qVersion

    return (f"{model}, {os.cpu_count()} cores, {_memory_gb()} RAM; {_system()}; Python "
            f"{platform.python_version()}, Qt {qVersion()} (PySide6 {PySide6.__version__}), "
            f"SQLite {sqlite3.sqlite_version}")


def _memory_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 ** 2:.0f} GB"
    except (OSError, ValueError):
        pass
    return "unknown"


def _system() -> str:
    """The operating system as people name it ("Debian GNU/Linux 12 (bookworm), Linux 6.1")."""
    try:
        name = platform.freedesktop_os_release().get("PRETTY_NAME", "")
    except OSError:
        name = ""
    kernel = f"{platform.system()} {platform.release()}"
    return f"{name}, {kernel}" if name else kernel


# -- data, made once ---------------------------------------------------------------------------
def _schema_version(path: Path) -> int | None:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        return None


def prepare(folder: Path, *, big: bool = True) -> dict[str, Path]:
    """The sample database, the million-figure database and the million-row CSV file (the
    large two only when ``big``: start-up alone needs the sample)."""
    from db.file.connection import open_database
    from db.file.migrations import SCHEMA_VERSION
    from db.seed import load_seed
    from tests.bench.bench_import import write_figures_csv
    from tests.bench.bigdata import make_big_database

    folder.mkdir(parents=True, exist_ok=True)
    paths = {"seed": folder / "seed.factsheet", "big": folder / "big.factsheet", "csv": folder / "figures.csv"}
    def make_seed(path: Path):
        db = open_database(path)
        load_seed(db)
        return db

    for name, make in (("seed", make_seed), ("big", make_big_database))[:2 if big else 1]:
        path = paths[name]
        if path.exists() and _schema_version(path) == SCHEMA_VERSION:
            continue
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
        print(f"making {path} …", flush=True)
        make(path).close()
    if big and not paths["csv"].exists():
        print(f"making {paths['csv']} …", flush=True)
        write_figures_csv(paths["csv"], MILLION)
    return paths


# -- separate processes ------------------------------------------------------------------------
def _child_env(home: Path) -> dict[str, str]:
    """Qt offscreen and the app's settings and data in a folder of their own, so nothing a
    run remembers (window size, the last file) changes the next one or the user's own."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _until_line(args: list[str], env: dict[str, str], prefix: str) -> tuple[float, str]:
    """Seconds from spawning ``args`` until it prints a line starting with ``prefix``, and the line."""
    started = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True, cwd=ROOT)
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - started
    child.wait(timeout=120)
    if not line.startswith(prefix):
        raise RuntimeError(f"{' '.join(args)} printed {line!r} instead of {prefix!r}")
    return elapsed, line


def _alternating(runs: int, *actions: Callable[[], float]) -> list[float]:
    """The median of each action, run in turn ``runs`` times (so noise hits them alike)."""
    results: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for times, action in zip(results, actions, strict=True):
            times.append(action())
    return [statistics.median(times) for times in results]


def start_up(paths: dict[str, Path], home: Path, runs: int) -> list[Row]:
    from tests.bench.first_paint import shown

    env = _child_env(home)
    paint = [sys.executable, "-m", "tests.bench.first_paint"]
    texts = home / "shown.json"
    shown(paths["seed"], texts)
    empty, widgets, imports, seed = _alternating(
        runs, lambda: _until_line(paint + ["empty"], env, "painted")[0],
        lambda: _until_line(paint + ["widgets", "--shown", str(texts)], env, "painted")[0],
        lambda: _until_line(paint + ["imports"], env, "painted")[0],
        lambda: _until_line(paint + ["app", "--db", str(paths["seed"])], env, "painted")[0])
    ratio = seed / empty
    return [Row("Start-up to the painted window (sample data)", f"{seed * 1000:.0f} ms",
                f"empty QMainWindow {empty * 1000:.0f} ms", f"{ratio:.2f}×", "≤ 1.3×", ratio <= 1.3),
            Row("  (for scale: the same window and texts built by Qt alone, no Fact Sheet code)",
                f"{widgets * 1000:.0f} ms", f"empty QMainWindow {empty * 1000:.0f} ms",
                f"{widgets / empty:.2f}×", "", True),
            Row("  (for scale: the empty window after importing what Fact Sheet imports before its first paint)",
                f"{imports * 1000:.0f} ms", f"empty QMainWindow {empty * 1000:.0f} ms",
                f"{imports / empty:.2f}×", "", True)]


def memory(paths: dict[str, Path], home: Path, runs: int) -> list[Row]:
    env = _child_env(home)
    stay = [sys.executable, "-m", "tests.bench.first_paint", "app", "--stay", "3000", "--db"]

    def peak(path: Path) -> float:
        return int(_until_line(stay + [str(path)], env, "peak")[1].split()[1]) / 1024

    seed, big = _alternating(runs, lambda: peak(paths["seed"]), lambda: peak(paths["big"]))
    ratio = big / seed
    return [Row("Peak memory of the window, 1,000,000 figures", f"{big:.0f} MB", f"sample data {seed:.0f} MB",
                f"{ratio:.2f}×", "≤ 2×", ratio <= 2)]


def pdf(paths: dict[str, Path], home: Path, runs: int) -> list[Row]:
    env = _child_env(home)
    out = home / "sheet.pdf"

    def write(path: Path) -> float:
        return _until_line([sys.executable, "-m", "desktop", "pdf", "--db", str(path), "--parties", *SHEET_PARTIES,
                            "-o", str(out), "--as-of", SHEET_DAY], env, str(out))[0]

    seed, big = _alternating(runs, lambda: write(paths["seed"]), lambda: write(paths["big"]))
    from tests.bench.dense_sheet import dense_pair, preview_seconds

    first, second, count = dense_pair(paths["big"])
    dense = _alternating(runs, lambda: _until_line(
        [sys.executable, "-m", "desktop", "pdf", "--db", str(paths["big"]), "--parties", first, second,
         "-o", str(out), "--as-of", SHEET_DAY], env, str(out))[0])[0]
    preview = preview_seconds(paths["big"], runs)
    return [Row("factsheet pdf, sample data", f"{seed:.2f} s", "", f"{seed:.2f} s", "≤ 1 s", seed <= 1),
            Row("factsheet pdf, 1,000,000 figures", f"{big:.2f} s", "", f"{big:.2f} s", "≤ 2 s", big <= 2),
            Row(f"factsheet pdf, densest pair ({count:,} figures of 1,000,000)", f"{dense:.2f} s", "",
                f"{dense:.2f} s", "≤ 1 s", dense <= 1),
            Row("  Print Preview opening on it", f"{preview:.2f} s", "", f"{preview:.2f} s", "≤ 1 s", preview <= 1)]


def check(paths: dict[str, Path], home: Path, runs: int) -> list[Row]:
    """``factsheet check`` on the million figures, start to exit: the default (quick) check,
    and once the ``--thorough`` one for scale."""
    env = _child_env(home)

    def checked(*extra: str) -> float:
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "desktop", "check", "--db", str(paths["big"]), "--as-of",
                                 SHEET_DAY, *extra], env=env, cwd=ROOT, capture_output=True, timeout=600)
        elapsed = time.perf_counter() - started
        if result.returncode not in (0, 1):
            raise RuntimeError(f"factsheet check failed: {result.stderr.decode(errors='replace')}")
        return elapsed

    (quick,) = _alternating(runs, checked)
    (thorough,) = _alternating(1, lambda: checked("--thorough"))
    return [Row("factsheet check, 1,000,000 figures", f"{quick:.2f} s", "", f"{quick:.2f} s", "≤ 3 s", quick <= 3),
            Row("  (for scale: factsheet check --thorough, one run)", f"{thorough:.1f} s", "", "", "", True)]


# -- in this process ---------------------------------------------------------------------------
def big_tabs(paths: dict[str, Path], runs: int) -> list[Row]:
    from tests.bench.big_tabs import measure

    rows = []
    for timing in measure(paths["big"], runs):
        rows.append(Row(timing.name + " (1,000,000 figures)", f"{timing.seconds * 1000:.0f} ms",
                        f"bare SQL {timing.bare * 1000:.1f} ms ({timing.seconds / timing.bare:.0f}×)",
                        f"{timing.seconds * 1000:.0f} ms", f"≤ {timing.target * 1000:.0f} ms",
                        timing.seconds <= timing.target))
    return rows


def csv_import(paths: dict[str, Path], home: Path, runs: int) -> list[Row]:
    """The million-row import against a plain insert into the same schema (what validation
    costs) and against a bare table (what the schema costs besides), all in the same run."""
    from db.exchange.figures.importing import import_figures
    from db.file.connection import open_database
    from db.seed import load_seed
    from tests.bench.bench_import import _fresh, baseline, same_schema

    def imported() -> float:
        db = open_database(_fresh(home / "import.factsheet"))
        load_seed(db)
        started = time.perf_counter()
        import_figures(db, paths["csv"])
        elapsed = time.perf_counter() - started
        db.close()
        return elapsed

    base, plain, took = _alternating(runs, lambda: baseline(paths["csv"], home / "baseline.factsheet"),
                                     lambda: same_schema(paths["csv"], home / "plain.factsheet"), imported)
    validation, schema = took / plain, took / base
    return [Row("CSV import, 1,000,000 rows", f"{took:.1f} s", f"same-schema insert {plain:.1f} s",
                f"{validation:.2f}×", "≤ 1.2×", validation <= 1.2),
            Row("  the same import against a bare table", f"{took:.1f} s", f"csv + executemany {base:.1f} s",
                f"{schema:.2f}×", "≤ 4×", schema <= 4)]


# -- the table ---------------------------------------------------------------------------------
def table(rows: list[Row]) -> str:
    header = Row("measure", "Fact Sheet", "baseline", "result", "target", True)
    cells = [(r.measure, r.value, r.baseline, r.result, r.target,
              ("met" if r.met else "MISSED") if r.target else "") for r in [header, *rows]]
    cells[0] = (*cells[0][:5], "")
    widths = [max(len(c[i]) for c in cells) for i in range(6)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def capture_table() -> None:
    """Capture's recall on the news corpus: a table of its own (``tests.bench.bench_capture``)."""
    from tests.bench import bench_capture

    bench_capture.main()


STEPS = ("start-up", "Trade tab", "CSV import", "factsheet pdf", "factsheet check", "memory")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "bench-data", help="where the large files are kept")
    parser.add_argument("--runs", type=int, default=0, help="runs per measure (default: 9, imports 3)")
    parser.add_argument("--quick", action="store_true", help="fewer runs (3, imports 1)")
    parser.add_argument("--only", choices=STEPS, help="measure only this (e.g. start-up)")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 9)
    import_runs = args.runs or (1 if args.quick else 3)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    # Installed programs run from compiled bytecode; so do the timed processes.
    for package in ("db", "desktop", "resources", "tests"):
        compileall.compile_dir(ROOT / package, quiet=1)
    home = Path(tempfile.mkdtemp(prefix="factsheet-bench-"))
    started = time.perf_counter()
    try:
        paths = prepare(args.data, big=args.only != "start-up")
        print(f"Fact Sheet benchmarks, {dt.date.today().isoformat()}: {machine()}", flush=True)
        rows: list[Row] = []
        steps = {"start-up": lambda: start_up(paths, home, runs),
                 "Trade tab": lambda: big_tabs(paths, runs),
                 "CSV import": lambda: csv_import(paths, home, import_runs),
                 "factsheet pdf": lambda: pdf(paths, home, max(3, runs // 2)),
                 "factsheet check": lambda: check(paths, home, max(3, runs // 2)),
                 "memory": lambda: memory(paths, home, max(3, runs // 3))}
        for name, step in steps.items():
            if args.only and name != args.only:
                continue
            print(f"  {name} …", flush=True)
            rows.extend(step())
        print(f"\nMedians of {runs} runs ({import_runs} for imports), {time.perf_counter() - started:.0f} s in all:\n")
        print(table(rows))
        if not args.only:
            print()
            capture_table()
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
