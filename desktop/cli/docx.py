"""``factsheet docx``: write the fact sheet for two parties as an editable Word document.

    factsheet docx --db FILE --parties A B -o OUT.docx [--as-of YYYY-MM-DD] [--page-size A4|Letter]
                   [--language en|ru|kk] [--since last|YYYY-MM-DD] [--long] [--strict]

The same sheet ``factsheet pdf`` writes, from the same composed sheet and the same blocks
(``desktop.factsheet.word``): the two-page briefing, shortened to the step its PDF ends at, or
with ``--long`` every section in full. The options, the party names, the check before
printing (listed on stderr once the document is written; ``--strict`` writes nothing when it
finds something) and the failures — one sentence and exit status 1, no file left behind —
are ``pdf``'s.

The command only reads the database. Unlike ``pdf`` it does not remember the sheet as a
briefing: a Word document is a draft to be edited before it is handed over, so what the
reader finally gets is not known; printing it or saving its PDF remembers it. Qt (for the
chart's picture and the PDF's layout) and python-docx are imported inside ``run``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from db.errors import FactSheetError
from db.model.i18n import LANGUAGES, _
from db.sheet.options import PAGE_SIZES, page_size_named
from desktop import APP_ID

NAME = "docx"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        NAME, help=_("write the fact sheet for two parties to a Word document"),
        description=_("Write the fact sheet for two parties to an editable Word document (.docx). Party names "
                      "match an English or local name, in any case."))
    parser.add_argument("--db", required=True, metavar=_("FILE"), help=_("the database to read"))
    parser.add_argument("--parties", required=True, nargs=2, metavar=("A", "B"),
                        help=_("the two parties, by English or local name"))
    parser.add_argument("-o", "--output", required=True, metavar=_("OUT.docx"),
                        help=_("the Word document to write"))
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
                               "something (default: list it on stderr and write the document)"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.cli import pdf

    try:
        page_size = page_size_named(args.page_size)
    except ValueError as error:
        raise FactSheetError(str(error)) from None
    as_of = pdf._as_of(args.as_of)
    language = pdf._language(args.language)
    output = Path(args.output).absolute()
    if output.is_dir():
        raise FactSheetError(_("{path} is a folder; give a file name for the Word document.").format(path=output))
    sheet, _a, _b = pdf.read_sheet(args, as_of, language)
    from db.sheet.preprint import before_print
    from desktop.cli.preprint import print_items, strict_refusal

    items = before_print(sheet)
    if items and args.strict:
        print_items(items, sys.stderr, prefix=f"{APP_ID}: ")
        raise FactSheetError(strict_refusal(items, document="docx"))
    pdf._start_qt()
    from desktop.factsheet.word.document import write_docx

    write_docx(sheet, output, page_size)
    if items:  # listed once the document is written, so a failure stays one sentence
        print_items(items, sys.stderr, prefix=f"{APP_ID}: ")
    print(output)
    return 0
