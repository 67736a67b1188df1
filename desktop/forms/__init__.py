"""The form engine: one dialog for every kind of record, built from field descriptions.

``kinds`` says which fields each kind has; ``base`` what every field is; ``fields``,
``dates``, ``links`` (one or many linked records, sources) and ``positions`` (a person's
positions) are the field widgets, the link fields built on the searchable ``pickers``.
``engine.RecordDialog`` lays them out in ``rows``, checks them with ``db.model.validate``
as the person types, shows what it found through ``feedback``, and saves through an
``undo.Session``.

May use ``desktop.common``, ``desktop.platform`` and ``db``.
"""
