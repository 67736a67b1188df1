"""The two panes of the review: the article, with the passage of the chosen proposal
highlighted, and the proposals grouped by kind, each marked accepted, rejected or still to
decide, with what it does (new, already recorded, update) and what the text leaves open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from db.capture.apply import problems
from db.capture.describe import action, label, shown_value
from db.capture.proposals import KINDS, Capture, Proposal
from db.model.i18n import _
from db.model.records import KIND_NAMES
from db.model.validate import label as field_label
from desktop.common.theme import alert_style

ACCEPTED, REJECTED, UNDECIDED = "accepted", "rejected", "undecided"
MARKS = {ACCEPTED: "✓", REJECTED: "✗", UNDECIDED: "?"}
REF = Qt.ItemDataRole.UserRole


class ArticlePane(QPlainTextEdit):
    """The article as plain text (never markup), read-only once proposals are made from it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article")
        self.setAccessibleName(_("Article"))
        self.setPlaceholderText(_("Paste the article's text here."))

    def highlight(self, start: int, end: int) -> None:
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(QColor(255, 214, 102)))
        fmt.setForeground(QBrush(QColor(0, 0, 0)))
        selection.format = fmt
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        self.setExtraSelections([selection])
        visible = QTextCursor(self.document())
        visible.setPosition(start)
        self.setTextCursor(visible)
        self.ensureCursorVisible()

    def highlighted(self) -> str:
        selections = self.extraSelections()
        return selections[0].cursor.selectedText() if selections else ""


class ProposalTree(QTreeWidget):
    """Proposals under their kind; a row's mark says accepted, rejected or undecided."""

    chosen = Signal(object)  # the Proposal now current, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposals")
        self.setAccessibleName(_("Proposed records"))
        self.setColumnCount(3)
        self.setHeaderLabels(["", _("Proposal"), _("In the database")])
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.capture: Capture | None = None
        self.states: dict[str, str] = {}
        self.currentItemChanged.connect(lambda item, _old: self.chosen.emit(self.proposal(item)))

    def show_capture(self, capture: Capture) -> None:
        self.capture = capture
        self.states = {p.ref: (UNDECIDED if problems(p) else ACCEPTED) for p in capture.proposals}
        self.clear()
        for kind in KINDS:
            proposals = [p for p in capture.proposals if p.kind == kind]
            if not proposals:
                continue
            group = QTreeWidgetItem(self, ["", _("{kinds} ({n})").format(kinds=KIND_NAMES[kind][1], n=len(proposals)), ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setExpanded(True)
            for proposal in proposals:
                item = QTreeWidgetItem(group)
                item.setData(0, REF, proposal.ref)
                self.refresh(proposal, item)
        self.resizeColumnToContents(0)
        self.setColumnWidth(1, 430)
        first = self.item_of(capture.proposals[0].ref) if capture.proposals else None
        if first is not None:
            self.setCurrentItem(first)

    def item_of(self, ref: str) -> QTreeWidgetItem | None:
        for number in range(self.topLevelItemCount()):
            group = self.topLevelItem(number)
            for child in range(group.childCount()):
                if group.child(child).data(0, REF) == ref:
                    return group.child(child)
        return None

    def proposal(self, item: QTreeWidgetItem | None) -> Proposal | None:
        if item is None or self.capture is None:
            return None
        ref = item.data(0, REF)
        return self.capture.by_ref(ref) if ref else None

    def current(self) -> Proposal | None:
        return self.proposal(self.currentItem())

    def set_state(self, proposal: Proposal, state: str) -> None:
        self.states[proposal.ref] = state
        self.refresh(proposal)

    def refresh(self, proposal: Proposal, item: QTreeWidgetItem | None = None) -> None:
        item = item or self.item_of(proposal.ref)
        if item is None or self.capture is None:
            return
        state = self.states[proposal.ref]
        flagged = bool(proposal.flags) or bool(problems(proposal))
        item.setText(0, MARKS[state])
        item.setText(1, ("⚠ " if flagged else "") + label(self.capture, proposal))
        item.setText(2, action(proposal))
        item.setToolTip(1, "\n".join([proposal.evidence, *proposal.flags.values()]))
        state_names = {ACCEPTED: _("accepted"), REJECTED: _("rejected"), UNDECIDED: _("to decide")}
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, state_names[state])
        for column in range(3):
            item.setForeground(column, QBrush(QColor(128, 128, 128)) if state == REJECTED else QBrush())


def details_text(capture: Capture, proposal: Proposal) -> tuple[str, str]:
    """What to say under the list about a proposal: its passage and anything open, and a style."""
    lines = [_("From the text: “{passage}”").format(passage=" ".join(proposal.evidence.split()))]
    lines += [f"⚠ {why}" for why in proposal.flags.values()]
    blocking = problems(proposal)
    lines += [_("Edit it before accepting: {problem}").format(problem=p.message) for p in blocking]
    if proposal.action == "update" and proposal.before:
        lines.append(_("The record now says: {old}").format(old=", ".join(
            _("{field} {value}").format(field=field_label(k).lower(), value=shown_value(k, v))
            for k, v in proposal.before.items())))
    return "\n".join(lines), alert_style("warning") if blocking else ""
