"""``factsheet pdf``: write the fact sheet for two parties to a PDF, with no display needed.

    factsheet pdf --db FILE --parties A B -o OUT.pdf [--as-of YYYY-MM-DD] [--page-size A4|Letter]
                  [--language en|ru|kk] [--since last|YYYY-MM-DD] [--long] [--strict]

The sheet is the two-page briefing (sections shortened by the documented rules, each saying
what it left out); ``--long`` writes every section in full. Before writing, the check before
printing (``db.sheet.preprint``) runs: what it finds is listed on stderr once the PDF is
written — with ``--strict`` nothing is written, the list is followed by a sentence saying so,
and the exit status is 1.

Party names match an English or local name in any case ("abai region", "Абай облысы").
The command selects Qt's offscreen platform itself, renders with the same renderer as
the window's Print… and Export PDF…, prints the path it wrote and exits 0. An unknown or
ambiguous party, a database that cannot be read, a bad date or a path that cannot be
written gives one sentence and exit status 1, and leaves no PDF behind. ``--since`` adds
"Changes since the briefing of …" (the last briefing of the pair, or the last one made by
a day). Once the PDF is written, the briefing is remembered in the database
(``db.sheet.briefings``) — the one write this command makes; a database that cannot be
changed keeps the PDF and says the briefing was not remembered. Everything heavy (the
database layer, Qt) is imported inside ``run`` so that listing the commands stays instant.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from db.errors import FactSheetError
from db.model.i18n import LANGUAGES, _
from db.sheet.options import ALL_SECTIONS, PAGE_SIZES, one_of, page_size_named
from desktop import APP_ID

NAME = "pdf"
_app = None  # the QGuiApplication, kept alive until the process ends


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        NAME, help=_("write the fact sheet for two parties to a PDF file"),
        description=_("Write the fact sheet for two parties to a PDF file. Party names match an "
                      "English or local name, in any case."))
    parser.add_argument("--db", required=True, metavar=_("FILE"), help=_("the database to read"))
    parser.add_argument("--parties", required=True, nargs=2, metavar=("A", "B"),
                        help=_("the two parties, by English or local name"))
    parser.add_argument("-o", "--output", required=True, metavar=_("OUT.pdf"), help=_("the PDF file to write"))
    parser.add_argument("--as-of", metavar=_("YYYY-MM-DD"), help=_("the day the sheet describes (default: today)"))
    parser.add_argument("--page-size", default="A4", metavar="|".join(PAGE_SIZES),
                        help=_("the paper size (default: A4)"))
    parser.add_argument("--language", metavar="|".join(LANGUAGES), help=_(
        "the language of the sheet (default: the window's language, else the system's)"))
    parser.add_argument("--since", metavar="last|YYYY-MM-DD", help=_(
        "add what changed since the last briefing of the pair, or the last one made by a day"))
    parser.add_argument("--long", action="store_true",
                        help=_("every section in full, on as many pages as it takes (default: a two-page briefing)"))
    parser.add_argument("--strict", action="store_true",
                        help=_("write nothing, and exit with status 1, when the check before printing finds "
                               "something (default: list it on stderr and write the PDF)"))
    parser.set_defaults(handler=run)


def resolve_party(db, name: str) -> int:
    """The one party called ``name``; a sentence when there is none or more than one."""
    from db.model.records import PARTY_KINDS
    from db.read import queries

    found = queries.find_parties(db, name)
    if len(found) == 1:
        return found[0].id
    if found:
        labels = "; ".join(f"{p.name_en} ({PARTY_KINDS.get(p.kind, p.kind).lower()})" for p in found)
        raise FactSheetError(_("“{name}” could mean {count} parties ({labels}); use a name only one of "
                               "them has.").format(name=name, count=len(found), labels=labels))
    close = queries.choices(db, "party", name, limit=3)
    if close:
        raise FactSheetError(_("No party called “{name}” is in the database. Did you mean {names}?").format(
            name=name, names=one_of(f"“{label}”" for _id, label in close)))
    raise FactSheetError(_("No party called “{name}” is in the database.").format(name=name))


def _as_of(text: str | None) -> dt.date:
    from db.model.dates import DateError, parse_iso_day

    if text is None:
        return dt.date.today()
    try:
        return parse_iso_day(text)
    except DateError as error:
        raise FactSheetError(_("The --as-of date {problem}").format(problem=error)) from None


def _language(text: str | None) -> str:
    """The sheet's language: the one asked for, else the window's choice, else the system's."""
    if text is None:
        from desktop.common.language import window_language

        return window_language()
    code = text.strip().lower()
    if code not in LANGUAGES:
        raise FactSheetError(_("“{text}” is not a language of the sheet; use {codes}.").format(
            text=text, codes=", ".join(LANGUAGES)))
    return code


def _start_qt() -> None:
    """A QGuiApplication on the offscreen platform: no display, no windows, quiet."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    def quiet(kind: QtMsgType, _context, message: str) -> None:
        # Qt's own notices (fonts, runtime folders) are not the user's business on the
        # command line; only real failures, which raise, reach them as a sentence.
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            sys.stderr.write(message + "\n")

    global _app
    qInstallMessageHandler(quiet)
    if QGuiApplication.instance() is None:
        _app = QGuiApplication([sys.argv[0] if sys.argv else "factsheet"])


def read_sheet(args: argparse.Namespace, as_of: dt.date, language: str):
    """(the composed sheet, party a, party b) for the command's ``--db``, ``--parties``,
    ``--since`` and ``--long``, the database opened read-only and closed again."""
    from desktop.cli.reading import open_to_read

    db = open_to_read(Path(args.db))
    try:
        a, b = (resolve_party(db, name) for name in args.parties)
        if a == b:
            raise FactSheetError(_("“{a}” and “{b}” are the same party; name two different ones.").format(
                a=args.parties[0], b=args.parties[1]))
        from db.sheet.briefing_sections import compose_sheet
        from db.sheet.briefings import briefing_since

        since = briefing_since(db, a, b, args.since) if args.since else None
        sheet = compose_sheet(db, a, b, as_of=as_of, sections=ALL_SECTIONS, since=since, language=language,
                              long=args.long)
    finally:
        db.close()
    return sheet, a, b


def run(args: argparse.Namespace) -> int:
    try:
        page_size = page_size_named(args.page_size)
    except ValueError as error:
        raise FactSheetError(str(error)) from None
    as_of = _as_of(args.as_of)
    language = _language(args.language)
    output = Path(args.output).absolute()
    if output.is_dir():
        raise FactSheetError(_("{path} is a folder; give a file name for the PDF.").format(path=output))
    sheet, a, b = read_sheet(args, as_of, language)
    from db.sheet.preprint import before_print
    from desktop.cli.preprint import print_items, strict_refusal

    items = before_print(sheet)
    if items and args.strict:
        print_items(items, sys.stderr, prefix=f"{APP_ID}: ")
        raise FactSheetError(strict_refusal(items))
    _start_qt()
    from desktop.factsheet.render import write_pdf

    write_pdf(sheet, output, page_size)
    if items:  # listed once the PDF is written, so a failure stays one sentence
        print_items(items, sys.stderr, prefix=f"{APP_ID}: ")
    print(output)
    _remember(Path(args.db), a, b, sheet, page_size)
    return 0


def _remember(path: Path, a: int, b: int, sheet, page_size: str) -> None:
    """Remember the briefing in the database; a file that cannot be changed keeps the PDF and
    says so on stderr (the PDF was made: the command still succeeds)."""
    from db.file.connection import open_database
    from db.sheet.briefings import remember

    try:
        db = open_database(path, create=False)
        try:
            remember(db, a, b, as_of=sheet.as_of, how="pdf", pair=sheet.title, language=sheet.language,
                     options={"sections": sorted(sheet.sections), "page_size": page_size})
        finally:
            db.close()
    except FactSheetError as error:
        sys.stderr.write(_("{prog}: the briefing was not remembered: {reason}\n").format(prog="factsheet",
                                                                                       reason=error))
