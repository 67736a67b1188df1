"""What a form tells the person about what they typed: problems and warnings under each row,
and a summary above the buttons.

Each problem ``db.model.validate`` finds is a sentence under the row that edits its field.
A field's problems are shown quietly (greyed) until it has been left once or Save was
attempted, so a half-typed date is not called wrong while it is being typed. Likely
duplicates are warnings: shown, but they never block saving. The summary names every field
that still has a problem, and says any problem no row shows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from db.errors import Problem
from db.model import validate
from db.model.i18n import _, ngettext
from desktop.common.theme import alert_style
from desktop.forms.rows import RowView


def show_problems(rows: list[RowView], problems: list[Problem], warnings: list[Problem], *,
                  show_all: bool) -> list[Problem]:
    """Under each row, its problems (or else its warnings); the problems no row shows are returned.

    ``show_all``: every problem is shown as an error, not only those of fields left once.
    """
    placed: set[int] = set()
    for view in rows:
        names = set(view.row.names)
        errors = [p for p in problems if p.field in names]
        notes = [p for p in warnings if p.field in names]
        placed.update(id(p) for p in errors)
        if errors:
            loud = show_all or view.field.touched
            view.message.setText(" ".join(dict.fromkeys(p.message for p in errors)))
            view.message.setStyleSheet(alert_style("error") if loud else "")
            view.message.setEnabled(loud)  # a quiet (greyed) sentence until the field is left
        elif notes:
            view.message.setText("⚠ " + " ".join(p.message for p in notes))
            view.message.setStyleSheet(alert_style("warning"))
            view.message.setEnabled(True)
        view.message.setVisible(bool(errors or notes))
        view.row.buddy.setAccessibleDescription(view.message.text() if errors or notes else "")
    return [p for p in problems if id(p) not in placed]


def show_summary(summary: QLabel, rows: list[RowView], problems: list[Problem], unplaced: list[Problem],
                 warnings: list[Problem], *, show_all: bool) -> None:
    """The line above the buttons: which fields to fix before saving, or that warnings remain."""
    if problems:
        order = [name for view in rows for name in view.row.names]
        fields = sorted(dict.fromkeys(p.field for p in problems),
                        key=lambda name: order.index(name) if name in order else len(order))
        labels = ", ".join(validate.label(name) for name in fields)
        text = ngettext("Fix {n} problem before saving ({fields}).", "Fix {n} problems before saving ({fields}).",
                        len(problems)).format(n=len(problems), fields=labels)
        text = " ".join([text] + [p.message for p in unplaced])
        summary.setStyleSheet(alert_style("error") if show_all else "")
    elif warnings:
        text = _("This can be saved; check the warnings above.")
        summary.setStyleSheet(alert_style("warning"))
    else:
        text = ""
    summary.setText(text)
    summary.setVisible(bool(text))


def show_failure(summary: QLabel, text: str) -> None:
    """Why the record could not be written, above the buttons."""
    summary.setText(text)
    summary.setStyleSheet(alert_style("error"))
    summary.show()


def first_error(rows: list[RowView]) -> RowView | None:
    """The first row showing a problem as an error: where the focus goes to say what blocks saving."""
    for view in rows:
        if view.message.isVisible() and view.message.styleSheet() == alert_style("error"):
            return view
    return None
