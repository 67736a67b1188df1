"""The form engine: one dialog for every kind of record, built from field descriptions.

``kinds`` says which fields each kind has; ``fields`` and ``pickers`` are the field
widgets (text, names in both scripts, dates with precision, periods, numbers with units,
choices, linked records and sources); ``engine.RecordDialog`` lays them out, checks them
with ``db.model.validate`` as the person types, and saves through an ``undo.Session``.

May use ``desktop.common``, ``desktop.platform`` and ``db``.
"""
