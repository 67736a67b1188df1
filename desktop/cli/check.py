"""``factsheet check --db FILE``: is the file sound, and what in it should not be trusted as is.

``factsheet check --db FILE --before-print --parties A B`` prints only the check before
printing for that pair's sheet (``db.sheet.preprint``; exit status 0 nothing found, 1 found),
the list Print…, Export PDF… and ``factsheet pdf`` show.

Two levels of SQLite's own checking:

- by default ``PRAGMA quick_check`` — every page of the file read and every record's
  format checked, which finds a file cut short, garbled pages and records — and
  ``PRAGMA foreign_key_check``; on a million figures the whole command takes about 2–3 s;
- ``--thorough``: ``PRAGMA integrity_check`` instead of ``quick_check``, which also
  compares every index with its table (an index out of step after a tool wrote the file
  without it) — 9–17 s on a million figures.

Then every data-quality check of ``db.read.checks``. The report lists under each check's
heading its first findings (``SHOWN``) and how many more there are; ``--all`` lists every
one. One finding per line (wrapped into a paragraph on a terminal). The work runs on two
threads (``desktop.cli.check_work``). Objects another program added to the file (``db.file.
known_schema``) are named; they are not damage. The file is opened read-only and never
changed.

Exit status: 0 when the file is sound and there are no findings, 1 when there are
findings (broken references and foreign objects count), 2 when the file cannot be opened
or fails the integrity check. No Qt is imported.

``check`` only reads: it never upgrades, repairs or copies the file. A damaged file is
reported with exit status 2 and left exactly as it is, without the copy the window keeps
when it refuses one — a report run over many files, from a script or on a read-only share,
must not leave files behind (``db.file.traces``). (Opening the file in the window keeps
that copy.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import sys
import textwrap
from pathlib import Path

from db.errors import FactSheetError
from db.model.dates import DateError, parse_iso_day
from db.model.formatting import format_day, format_number
from db.model.i18n import _, ngettext
from db.model.records import KIND_NAMES
from db.model.visible import visible
from db.read.checks import CHECKS
from db.read.checks.framework import Finding
from desktop import APP_ID
from desktop.cli import terminal

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
SHOWN = 10  # findings listed under each heading unless --all
SHOWN_DAMAGE = 20  # of SQLite's problems with a damaged file


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check", help=_("check a database's integrity and data quality"),
        description=_("Check that a database file is sound and report every data-quality finding: "
                      "figures that do not add up, sources that disagree, periods that overlap or are "
                      "partial without saying so, figures dated in the future, agreements and officials "
                      "whose records need checking. Exit status: 0 clean, 1 findings, 2 the file cannot "
                      "be opened or is damaged."))
    parser.add_argument("--db", metavar=_("FILE"), required=True, type=Path, help=_("the database to check"))
    parser.add_argument("--as-of", metavar=_("YYYY-MM-DD"), dest="as_of",
                        help=_("judge dates as of this day (default: today)"))
    parser.add_argument("--all", action="store_true", dest="all",
                        help=_("list every finding (default: the first {n} under each heading and how many "
                               "more)").format(n=SHOWN))
    parser.add_argument("--thorough", action="store_true",
                        help=_("also compare every index with its table (SQLite's full integrity check; "
                               "slow on large files)"))
    parser.add_argument("--before-print", action="store_true", dest="before_print",
                        help=_("only the check before printing the fact sheet for the pair given with --parties"))
    parser.add_argument("--parties", nargs=2, metavar=("A", "B"),
                        help=_("the two parties of the sheet, by English or local name (with --before-print)"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        today = parse_iso_day(args.as_of) if args.as_of else dt.date.today()
    except DateError as error:
        return _fail(str(error))
    if args.before_print or args.parties:
        return _before_print(args, today)
    from desktop.cli import check_work
    from desktop.cli.reading import open_to_read

    try:
        # The pages are read by the check below, not on opening; a damaged file is reported,
        # not copied (see the module docstring); foreign objects are named in the report.
        db = open_to_read(args.db, full_check=False, keep_copy=False, name_foreign=False)
    except FactSheetError as error:
        return _fail(str(error))
    report = _Report()
    try:
        report.line(_("Checking {path}, as of {day}.").format(path=db.path, day=format_day(today)))
        if db.newer_schema:
            report.line(db.read_only_reason or "")
        if db.foreign_objects:
            report.line(db.foreign_objects.notice(args.db.name))
        results = check_work.run_all(db, today, thorough=args.thorough, limit=None if args.all else SHOWN,
                                     progress=lambda done, total: report.progress(
                                         _("Checking… {done} of {total}").format(done=done, total=total)))
        report.progress("")
    except sqlite3.DatabaseError as error:  # a page too garbled for SQLite to read at all
        report.progress("")
        return _fail(_("“{name}” is damaged ({detail}).").format(name=args.db.name, detail=error), EXIT_UNUSABLE)
    finally:
        db.close()
    if results.damage:
        report.line(_("The file is damaged: it fails SQLite's integrity check."))
        for problem in results.damage[:SHOWN_DAMAGE]:
            report.item(problem)
        return _fail(_("“{name}” is damaged: it fails SQLite's integrity check.").format(name=args.db.name),
                     EXIT_UNUSABLE)
    count = sum(total for _found, total in results.checks.values())
    _print_report(report, results, count, thorough=args.thorough)
    findings = count or results.references[1] or db.foreign_objects or results.notes
    return EXIT_FINDINGS if findings else EXIT_CLEAN


def _before_print(args: argparse.Namespace, today: dt.date) -> int:
    """Only the check before printing, for one pair: 0 nothing found, 1 found, 2 unusable file."""
    if not args.before_print or not args.parties:
        return _fail(_("--before-print and --parties go together: name the two parties of the sheet to check."))
    from db.sheet.compose import compose
    from db.sheet.options import ALL_SECTIONS
    from db.sheet.preprint import before_print
    from desktop.cli.pdf import resolve_party
    from desktop.cli.preprint import nothing_to_check, print_items
    from desktop.cli.reading import open_to_read

    try:
        db = open_to_read(args.db)
    except FactSheetError as error:
        return _fail(str(error))
    try:
        a, b = (resolve_party(db, name) for name in args.parties)
        if a == b:
            return _fail(_("“{a}” and “{b}” are the same party; name two different ones.").format(
                a=args.parties[0], b=args.parties[1]), EXIT_FINDINGS)
        items = before_print(compose(db, a, b, as_of=today, sections=ALL_SECTIONS))
    except FactSheetError as error:
        return _fail(str(error), EXIT_FINDINGS)
    finally:
        db.close()
    if not items:
        print(nothing_to_check())
        return EXIT_CLEAN
    print_items(items, sys.stdout)
    return EXIT_FINDINGS


def _print_report(report: _Report, results, count: int, *, thorough: bool) -> None:
    broken, broken_total = results.references
    if broken_total:
        report.line(ngettext("The file is sound, but {n} row refers to a record that does not exist:",
                             "The file is sound, but {n} rows refer to records that do not exist:",
                             broken_total).format(n=format_number(broken_total)))
        report.blank()
        for sentence in broken:
            report.item(sentence)
        report.more(broken_total - len(broken))
    elif thorough:
        report.line(_("The file is sound: it passes SQLite's full integrity check and every reference "
                      "points at an existing record."))
    else:
        report.line(_("The file is sound: every page passes SQLite's quick check and every reference points "
                      "at an existing record (“--thorough” also compares every index with its table)."))
    for note in results.notes:
        report.line(note)
    report.blank()
    if not count:
        report.line(_("No data-quality findings."))
        return
    report.line(ngettext("{n} data-quality finding:", "{n} data-quality findings:", count).format(
        n=format_number(count)))
    for name, (found, total) in results.checks.items():
        if not total:
            continue
        report.blank()
        report.line(f"{CHECKS[name].title} ({format_number(total)})")
        for finding in found:
            report.item(f"{finding.message} {_records(finding)}")
        report.more(total - len(found))


def _records(finding: Finding) -> str:
    """"[indicators 3, 4, 5; person 1]": where to find the records in the file."""
    by_kind: dict[str, list[int]] = {}
    for kind, record_id in finding.records:
        by_kind.setdefault(kind, []).append(record_id)
    parts = [f"{KIND_NAMES[kind][1 if len(ids) > 1 else 0].lower()} {', '.join(map(str, ids))}"
             for kind, ids in by_kind.items()]
    return f"[{'; '.join(parts)}]"


class _Report:
    """Prints the report: paragraphs wrapped to a terminal, one line per finding otherwise."""

    def __init__(self) -> None:
        self.wrap = sys.stdout.isatty()
        self.width = min(shutil.get_terminal_size((100, 24)).columns, 100)
        self.show_progress = sys.stderr.isatty()

    def line(self, text: str) -> None:
        print(textwrap.fill(text, self.width) if self.wrap else text)

    def item(self, text: str) -> None:
        text = visible(text, one_line=True)  # one finding, one line: data cannot break it
        if self.wrap:
            print(textwrap.fill(text, self.width, initial_indent="  • ", subsequent_indent="    "))
        else:
            print(f"  • {text}")

    def blank(self) -> None:
        print()

    def more(self, left_out: int) -> None:
        if left_out > 0:
            print("  " + _("… and {n} more (“--all” lists every one)").format(n=format_number(left_out)))

    def progress(self, text: str) -> None:
        if self.show_progress:  # drawn on the terminal on purpose: past the filter
            stream = terminal.raw(sys.stderr)
            stream.write("\r\033[K" + visible(text, one_line=True))
            stream.flush()


def _fail(sentence: str, status: int = EXIT_UNUSABLE) -> int:
    sys.stderr.write(f"{APP_ID}: {sentence}\n")
    return status
