"""Capture from an article: read a news text and propose the records it states.

``extract.capture(db, text, …)`` finds the source, parties, people and their positions,
agreements, events, figures and statements in a Russian, Kazakh or English text (sentence
by sentence: mixed texts work), each with the exact passage it came from; ``existing``
matches each proposal to what the database already holds across scripts, spellings and
inflections; ``apply`` writes the accepted ones through ``db.store`` in one transaction.

Russian is read with natasha (loaded on first use, never at start-up); English and
Kazakh with rules over the text and the names the database already holds. Nothing here
invents a value: a field the text does not give is left empty and flagged.

The top floor of ``db`` beside ``db.seed`` and ``db.sheet``: may use ``db.exchange``,
``db.read``, ``db.store``, ``db.file``, ``db.model`` and ``db.errors``.
"""
