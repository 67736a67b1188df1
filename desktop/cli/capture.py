"""``factsheet capture --db FILE ARTICLE.txt [--url U] [--published D] [--publisher P] [--json] [--apply]``.

Reads a news article and lists the records it states, each with the passage it came
from and whether the database already holds it. Without ``--apply`` the database is
opened read-only and nothing changes; with it, every complete proposal is written in one
transaction, as the window's *Accept all* does (a proposal with a field the text leaves
empty — a figure without its scale — is listed and left out). ``--json`` prints one
object: ``{"source": {…}, "proposals": [{"kind", "action", "existing", "record",
"evidence", …}]}``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from db.errors import FactSheetError
from db.model.i18n import _, ngettext
from desktop.cli import terminal


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "capture", help=_("propose the records a news article states (and write them with --apply)"),
        description=_("Read a news article (a UTF-8 text file) and list the source, parties, people, "
                      "positions, agreements, events, figures and statements it states, each with the passage "
                      "it came from. The database is only read unless --apply is given."))
    parser.add_argument("--db", metavar=_("FILE"), required=True, type=Path, help=_("the database to compare with"))
    parser.add_argument("article", metavar=_("ARTICLE.txt"), type=Path, help=_("the article's text"))
    parser.add_argument("--url", metavar="URL", help=_("the article's address"))
    parser.add_argument("--published", metavar=_("YYYY-MM-DD"), help=_("the day it was published"))
    parser.add_argument("--publisher", metavar=_("NAME"), help=_("who published it"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON object instead of a list"))
    parser.add_argument("--apply", action="store_true", help=_("write every complete proposal to the database"))
    parser.set_defaults(handler=run)


def _read_article(path: Path) -> str:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FactSheetError(_("“{name}” is not UTF-8 text; save the article as UTF-8 and try again.").format(
            name=path.name)) from None
    if not text.strip():
        raise FactSheetError(_("“{name}” is empty; there is nothing to capture.").format(name=path.name))
    if "\x00" in text:
        raise FactSheetError(_("“{name}” is not a text file.").format(name=path.name))
    return text


def run(args: argparse.Namespace) -> int:
    from db.capture.apply import apply, complete
    from db.capture.extract import capture
    from db.file.connection import open_database
    from db.model.dates import DateError, parse_iso_day
    from db.model.validate import url_problem
    from desktop.cli.reading import open_to_read

    try:
        published = parse_iso_day(args.published) if args.published else None
    except DateError as error:
        raise FactSheetError(_("--published: {reason}").format(reason=error)) from None
    if args.url and url_problem(args.url):
        raise FactSheetError(url_problem(args.url))
    text = _read_article(args.article)
    if args.apply:
        if not args.db.exists():
            raise FactSheetError(_("“{name}” does not exist; nothing was captured.").format(name=args.db.name))
        db = open_database(args.db)
    else:
        db = open_to_read(args.db)
    try:
        result = capture(db, text, url=args.url, published=published, publisher=args.publisher)
        applied = None
        if args.apply:
            db.ensure_writable() if hasattr(db, "ensure_writable") else None
            accepted = [p.ref for p in result.proposals if complete(p)]
            applied = apply(db, result, accepted)
    finally:
        db.close()
    if args.json:
        out = result.as_json()
        if applied is not None:
            out["applied"] = {"source": f"source-{applied.source_id}",
                              "records": {ref: f"{ref.split('-')[0]}-{i}" for ref, i in applied.ids.items()},
                              "left_out": sorted({p.ref for p in result.proposals} - set(applied.ids))}
        terminal.write_json(out)
        return 0
    _print_list(result, applied)
    return 0


def _print_list(result, applied) -> None:
    from db.capture.apply import problems
    from db.capture.describe import action, label
    from db.model.formatting import format_day
    from db.model.records import KIND_NAMES
    from db.model.validate import label as field_label

    source = result.source
    print(_("Source: {title}").format(title=source["title"]))
    for name in ("publisher", "published", "url"):
        if source.get(name):
            value = format_day(dt.date.fromisoformat(source[name])) if name == "published" else source[name]
            print("  " + _("{field}: {value}").format(field=field_label(name), value=value))
    for kind in ("party", "person", "position", "agreement", "event", "indicator", "statement"):
        proposals = [p for p in result.proposals if p.kind == kind]
        if not proposals:
            continue
        print()
        print(_("{kinds}:").format(kinds=KIND_NAMES[kind][1]))
        for proposal in proposals:
            print(f"  [{action(proposal)}] {label(result, proposal)}")
            print("      " + _("from: “{passage}”").format(passage=" ".join(proposal.evidence.split())))
            for field, why in proposal.flags.items():
                print("      " + _("{field}: {why}").format(field=field_label(field), why=why))
            for problem in problems(proposal):
                print("      " + _("cannot be written yet: {problem}").format(problem=problem.message))
    if applied is not None:
        print()
        left = len(result.proposals) - applied.written()
        written = applied.written()
        if left:
            print(ngettext("Wrote {n} record and its links in one step; {left} left out (see above).",
                           "Wrote {n} records and their links in one step; {left} left out (see above).",
                           written).format(n=written, left=left))
        else:
            print(ngettext("Wrote {n} record and its links in one step.",
                           "Wrote {n} records and their links in one step.", written).format(n=written))
