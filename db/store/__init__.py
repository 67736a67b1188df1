"""The one write path: every record written goes through here, with its history entry.

``save``, ``delete`` and ``restore`` (``writes``) change one record and its links in one
transaction after ``db.model.validate`` has passed, and add an entry to the change history
(``journal``: who, when, what, the record before and after) in that same transaction.
``references`` and ``capture`` (``graph``) read what a delete would touch; ``bulk`` writes
what is not one record at a time (an imported table's figures, a remembered briefing);
``rows`` turns records into rows and SQLite's failures into sentences.

May use ``db.model`` and ``db.errors``; never reads a record for display (that is ``db.read``).
"""

from db.store.bulk import (
    add_briefing,
    figure_batch,
    forget_kept,
    note_restored_file,
    put_back_figures,
    remove_figures,
)
from db.store.graph import Captured, Reference, capture, describe_references, references
from db.store.journal import writing
from db.store.rows import ensure_writable, from_row, sqlite_errors_as_sentences, to_row
from db.store.writes import delete, get, identity_of, restore, save

__all__ = [
    "Captured", "Reference", "add_briefing", "capture", "delete", "describe_references", "ensure_writable",
    "figure_batch", "forget_kept", "from_row", "get", "identity_of", "note_restored_file", "put_back_figures",
    "references", "remove_figures", "restore", "save", "sqlite_errors_as_sentences", "to_row", "writing",
]
