"""A data set long enough for a three-page fact sheet, built through the write path.

The seed plus dozens of agreements (titles that wrap, marked ``beginNN`` … ``endNN`` so a
split row would show), events on both sides of the as-of day, officials with Kazakh names,
statements, three years of quarterly trade, and a person and an agreement whose names are
HTML (``<b>x</b>``) to prove it is escaped. The ``long_path`` and ``long_db`` fixtures
(``tests/conftest.py``) hand it to tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from db import store
from db.file.connection import open_database
from db.model.dates import FuzzyDate
from db.model.records import Agreement, Event, Indicator, Link, Person, Position, Source, Statement
from db.read import queries
from db.seed import load_seed

LONG_AS_OF = dt.date(2026, 6, 30)
AGREEMENTS = 40
KAZAKH_NAMES = ("Ұлан Әсетұлы Ғалымжанов", "Қуаныш Өмірбекұлы Үсенов", "Һарун Іңкәрұлы Сейітов")
HTML_NAME = "<b>x</b>"


def _party(db, name: str) -> int:
    (party,) = queries.find_parties(db, name)
    return party.id


def build_long_database(path: Path) -> Path:
    db = open_database(path)
    load_seed(db)
    akimat = _party(db, "Administration (akimat) of the Abai region")
    omsk_government = _party(db, "Government of the Omsk region")
    abai, russia = _party(db, "Abai region"), _party(db, "Russian Federation")
    source = store.save(db, Source(title="Regional statistics bulletin", publisher="Бюро национальной статистики",
                                   url="https://stat.gov.kz/ru/industries/economy/foreign-market/",
                                   published=dt.date(2026, 4, 15)))
    cited = [Link(source)]
    for n in range(1, AGREEMENTS + 1):
        title = (f"Agreement begin{n:02d} on cooperation between the districts of both regions in agriculture, "
                 f"transport, education and the joint management of water resources end{n:02d}")
        if n == 7:
            title = f"Memorandum {HTML_NAME} on cultural exchange"
        signed = FuzzyDate(dt.date(2018 + n % 8, 1 + n % 12, 1 + n % 27))
        store.save(db, Agreement(title=title, kind="memorandum" if n % 3 else "agreement", signed_date=signed,
                                 valid_from=signed, valid_until=FuzzyDate(dt.date(signed.start.year + 1 + n % 6, 1, 1), "year"),
                                 status="signed", parties=[Link(akimat), Link(omsk_government)], sources=cited))
    for n in range(1, 25):
        start = FuzzyDate(dt.date(2025 + n % 3, 1 + n % 12, 1), "month")
        store.save(db, Event(kind="meeting", title=f"Working group meeting {n} on trade and logistics",
                             place="Өскемен" if n % 2 else "Омск", start_date=start,
                             status="planned" if start.start > LONG_AS_OF else "held",
                             parties=[Link(akimat), Link(omsk_government)], sources=cited))
    people = [*KAZAKH_NAMES, "Ivan Petrov", "Aigerim Sadykova", HTML_NAME]
    for n, name in enumerate(people):
        person = store.save(db, Person(name_en=name if name.isascii() else f"Official {n + 1}",
                                       name_ru=name, sources=cited))
        body = akimat if n % 2 == 0 else omsk_government
        store.save(db, Position(person_id=person, title=f"Deputy head of department {n + 1}", body_id=body,
                                start_date=FuzzyDate(dt.date(2023, 1 + n, 1), "month"), sources=cited))
        store.save(db, Statement(person_id=person, text=("We will widen cooperation in trade, transport and "
                                                         "education, and meet again next year. ") * 3,
                                 said_date=FuzzyDate(dt.date(2026, 3, 1 + n)), sources=cited))
    quarter = dt.date(2023, 1, 1)
    while quarter < dt.date(2026, 4, 1):
        end = dt.date(quarter.year + (quarter.month + 2) // 12, (quarter.month + 2) % 12 + 1, 1) - dt.timedelta(days=1)
        exports, imports = 40 + quarter.month + (quarter.year - 2023) * 5, 35 + quarter.month * 1.5
        for name, value in (("exports", exports), ("imports", imports), ("turnover", exports + imports)):
            store.save(db, Indicator(subject_id=abai, counterpart_id=russia, indicator=name, period_start=quarter,
                                     period_end=end, value=value, unit="USD million", sources=cited))
        quarter = end + dt.timedelta(days=1)
    db.close()
    return path


def pair_ids(db) -> tuple[int, int]:
    return _party(db, "Abai region"), _party(db, "Omsk region")
