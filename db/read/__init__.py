"""Reading what a database knows: record labels, parties and pairs (``queries``), what a
pair has to show (``pair_facts``, with ``sources``), the lists the window pages through
(``listings``, defined in ``record_lists``), one record in detail, search, trade series and
the Trade tab's other figures (``other_figures``), the key figures a briefing shows
(``key_figures``), mirror statistics (``mirror``), figures of one measure published in
several scales read into one unit (``scales``), a record's history (``history``; where it
stands, ``last_change``), the timeline and the data-quality checks (``checks/``).

Only reads (the search index may catch up first). May use ``db.store`` (to read whole
records), ``db.file``, ``db.model`` and ``db.errors``.
"""
