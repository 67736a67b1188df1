"""A process that starts a window and reports the moment it is first painted, then exits.

    python -m tests.bench.first_paint app [--db FILE]     Fact Sheet's own start (desktop.app.main)
    python -m tests.bench.first_paint empty               an empty PySide6 QMainWindow, started alike
    python -m tests.bench.first_paint imports             the same, after importing every module Fact
                                                          Sheet imports before its first paint (for scale)
    python -m tests.bench.first_paint widgets --shown F   Fact Sheet's first window built by Qt alone: the
                                                          same widgets and texts (``shown`` writes F), no
                                                          Fact Sheet code and no database (the floor)

Both print ``painted`` once the main window's first frame is complete, and leave at once
(``os._exit``: no clean-up is timed). ``tests.bench.run_all`` runs them as separate
processes of the same interpreter, timing each from before it is spawned until that line
arrives, and compares the two. With ``--stay MS`` the process instead keeps running that long
after the first paint (visiting every tab) and prints its peak memory: ``peak <KiB>``.
With ``--modules FILE`` it also writes the names of every module imported by then, and of
every PySide6 class made by then (``PySide6.QtCore.Qt``: PySide makes a class, with its enums,
when it is first named), one a line.

How the moment is caught, the same way in both processes: an event filter on the main window
alone (one on the whole application would run Python for every event of every widget, a cost
the program itself does not have, and it grows with the number of widgets) sees the window's
first paint event; Qt paints a window's children right after the window itself, in the same
pass, so a zero-time timer started then fires once the whole first frame — the Overview's
text included — is painted.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import sys
from pathlib import Path


def _peak_kib() -> int:
    """This process's peak resident memory in KiB.

    From ``VmHWM`` where Linux gives it: ``ru_maxrss`` keeps the peak of the process that
    spawned this one, which would count the benchmark's own memory.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _watch_first_paint(window, on_painted) -> None:
    """Call ``on_painted(window)`` once, when ``window``'s first frame has been painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watcher(QObject):
        done = False

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                QTimer.singleShot(0, lambda: on_painted(watched))  # after the children's paint
            return False

    watcher = Watcher(window)
    window.installEventFilter(watcher)


def _loaded() -> list[str]:
    """The modules imported so far, and the PySide6 classes made so far."""
    names = set(sys.modules)
    for module in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"):
        if module in sys.modules:
            names.update(f"{module}.{name}" for name in vars(sys.modules[module]) if name.startswith("Q"))
    return sorted(names)


def _report_and_exit(_window) -> None:
    if _MODULES_FILE is not None:
        Path(_MODULES_FILE).write_text("\n".join(_loaded()) + "\n", encoding="utf-8")
    sys.stdout.write("painted\n")
    sys.stdout.flush()
    os._exit(0)


_MODULES_FILE: str | None = None


def _stay(milliseconds: int):
    """After the first paint: show every tab in turn, then report peak memory and leave."""

    def painted(window) -> None:
        from PySide6.QtCore import QTimer

        tabs = getattr(window, "tabs", None)
        count = tabs.count() if tabs is not None else 0
        step = max(1, milliseconds // (count + 1))
        for n in range(count):
            QTimer.singleShot(step * (n + 1), lambda n=n: tabs.setCurrentIndex(n))
        if tabs is not None:
            trade = window.list_tabs.get("indicators")
            if trade is not None:  # scroll the biggest list through its middle and to its end
                for n, fraction in enumerate((0.5, 1.0)):
                    QTimer.singleShot(step * count + 50 * (n + 1), lambda f=fraction, t=trade: _scroll(t, f))

        def leave() -> None:
            sys.stdout.write(f"peak {_peak_kib()}\n")
            sys.stdout.flush()
            os._exit(0)

        QTimer.singleShot(milliseconds + 200, leave)

    return painted


def _scroll(tab, fraction: float) -> None:
    bar = tab.table.verticalScrollBar()
    bar.setValue(int(bar.maximum() * fraction))


class _WhenImported:
    """Calls ``then(module)`` once the module ``name`` has been imported, where the program
    imports it: importing it here first would load Qt before everything the program imports
    ahead of Qt, which then costs more (PySide6 inspects the source of every module imported
    after it). A finder of the import system's own kind (``find_spec``) without subclassing
    ``importlib.abc``, whose import would load ``importlib.resources`` the program does not."""

    def __init__(self, name: str, then) -> None:
        self.name, self.then = name, then

    def find_spec(self, fullname, path, target=None):
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        load, then = spec.loader.exec_module, self.then

        def exec_module(module) -> None:
            load(module)
            then(module)

        spec.loader.exec_module = exec_module
        return spec


def run_app(db: str | None, stay: int | None) -> None:
    on_painted = _stay(stay) if stay else _report_and_exit

    def watch(main_window) -> None:
        class WatchedWindow(main_window.MainWindow):  # the window desktop.gui builds, watched
            def __init__(self, *args, **kwargs) -> None:
                super().__init__(*args, **kwargs)
                _watch_first_paint(self, on_painted)

        main_window.MainWindow = WatchedWindow

    sys.meta_path.insert(0, _WhenImported("desktop.window.main_window", watch))
    from desktop.app import main

    sys.exit(main(["--db", db] if db else []))


def run_empty(stay: int | None, *, imports: bool = False) -> None:
    if imports:  # the code Fact Sheet loads before its first paint, without running it
        import desktop.app  # noqa: F401
        import desktop.cli  # noqa: F401
        import desktop.cli.terminal  # noqa: F401
        import desktop.gui  # noqa: F401
        import desktop.platform.paths  # noqa: F401
        import desktop.safety.crash_report  # noqa: F401
        import desktop.tabs.overview  # noqa: F401
        import desktop.window.main_window  # noqa: F401
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    _watch_first_paint(window, _stay(stay) if stay else _report_and_exit)
    window.resize(1200, 780)
    window.show()
    sys.exit(app.exec())


def shown(db_path: Path, target: Path) -> None:
    """Write what Fact Sheet's first window shows for ``db_path`` (the Overview's page, the
    parties in its pickers, the status bar) to ``target``, for ``widgets``."""
    import datetime as dt

    from db.file.connection import open_database
    from db.read import queries
    from desktop.common.party_combo import all_parties
    from desktop.tabs.overview import overview_html

    db = open_database(db_path, read_only=True)
    try:
        pair = queries.suggest_pair(db)
        page = overview_html(db, queries.pair_scope(db, *pair), dt.date.today())
        parties = [label for _id, label in all_parties(db)]
        counts = " · ".join(f"{n} {kind}" for kind, n in queries.counts(db).items())
    finally:
        db.close()
    target.write_text(json.dumps({"page": page, "parties": parties, "path": str(db_path), "counts": counts}),
                      encoding="utf-8")


def run_widgets(shown_file: str) -> None:
    """The window Fact Sheet paints first, made with Qt alone from texts read beforehand: the
    cost of its widgets, fonts and the Overview's text, without any of its own code. Built as
    the program builds its first frame: enum values set through Qt's property system (naming
    ``Qt`` or ``QStyle`` would make PySide build their enums, which the program does not do
    before its first paint) and the toolbar's icons left for later."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QApplication,
        QComboBox,
        QHBoxLayout,
        QLabel,
        QMainWindow,
        QTabWidget,
        QTextBrowser,
        QToolBar,
        QVBoxLayout,
        QWidget,
    )

    texts = json.loads(Path(shown_file).read_text(encoding="utf-8"))
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    _watch_first_paint(window, _report_and_exit)
    for title in ("&File", "&Edit", "&View", "&Help"):
        menu = window.menuBar().addMenu(title)
        menu.addActions([QAction(f"Action {n}", window) for n in range(8)])
    toolbar = QToolBar("Main toolbar", window)
    toolbar.setProperty("toolButtonStyle", 2)  # Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    for text in ("New…", "Edit…", "Delete", "Undo", "Redo"):
        toolbar.addAction(QAction(text, window))
    window.addToolBar(toolbar)
    tabs = QTabWidget(window)
    tabs.setDocumentMode(True)
    overview = QWidget()
    pickers = QHBoxLayout()
    pickers.addWidget(QLabel("&Pair:"))
    for n in range(2):
        combo = QComboBox()
        combo.setMinimumContentsLength(24)
        combo.addItems(texts["parties"])
        combo.setCurrentIndex(n)
        pickers.addWidget(combo, 1)
    page = QTextBrowser()
    page.setHtml(texts["page"])
    layout = QVBoxLayout(overview)
    layout.addLayout(pickers)
    layout.addWidget(page, 1)
    tabs.addTab(overview, "Overview")
    for title in ("Agreements", "Officials", "Events", "Trade", "Sources", "Timeline"):
        tabs.addTab(QWidget(), title)
    window.setCentralWidget(tabs)
    path = QLabel(texts["path"])
    path.setProperty("textFormat", 0)  # Qt.TextFormat.PlainText
    window.statusBar().addWidget(path, 1)
    window.statusBar().addPermanentWidget(QLabel(texts["counts"]))
    window.resize(1200, 780)
    window.show()
    sys.exit(app.exec())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", choices=("app", "empty", "imports", "widgets"))
    parser.add_argument("--db")
    parser.add_argument("--shown", help="for widgets: the texts to show (written by shown())")
    parser.add_argument("--stay", type=int, help="stay this many ms after the first paint, then print peak memory")
    parser.add_argument("--modules", help="write the modules imported by the first paint to this file")
    args = parser.parse_args()
    global _MODULES_FILE
    _MODULES_FILE = args.modules
    if args.which == "app":
        run_app(args.db, args.stay)
    elif args.which == "widgets":
        run_widgets(args.shown)
    else:
        run_empty(args.stay, imports=args.which == "imports")


if __name__ == "__main__":
    main()
