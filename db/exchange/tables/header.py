"""The header row: which column holds which field, from names in English, Russian and Kazakh.

Fact Sheet's own CSV names its columns ``subject, counterpart, indicator, period_start,
period_end, value, unit, source_title, source_url, source_published`` (plus ``reporter`` and
``notes``); statistics offices write "Регион", "Страна-партнёр", "Показатель", "Период",
"Значение", "Единица измерения", "Источник", "Көрсеткіш", "Кезең", "Мәні" …, all recognised
here (``field_of``). A single ``period`` column ("Период", "2024 год", "I квартал 2025")
fills both ends of the period.

Tables often carry title rows above the header; the header is the first of the first
``HEADER_SEARCH_ROWS`` rows that names the most fields or periods (``find_header``). A
person may map any column to a field, or ignore it (``Mapping``: ``--map COLUMN=FIELD`` on
the command line, the mapping step in the window), and give a value for every row of a
field no column holds (``--set FIELD=VALUE``). A mapping is remembered per file layout
(``layout_key``: the header's names).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from db.model.dates import DateError, Precision
from db.model.i18n import N_, Labels, _
from db.model.period_words import PeriodWords, parse_period

COLUMNS = ("subject", "counterpart", "indicator", "period_start", "period_end", "value", "unit",
           "source_title", "source_url", "source_published")
EXTRA_COLUMNS = ("reporter", "notes")
KNOWN_COLUMNS = COLUMNS + EXTRA_COLUMNS
# Every field a column (or a value for every row) may fill; "period" fills both of its ends.
FIELDS = KNOWN_COLUMNS + ("period",)
REQUIRED = ("subject", "indicator", "period_start", "period_end", "value", "unit", "source_title")
IGNORE = "ignore"
HEADER_SEARCH_ROWS = 30

FIELD_LABELS = Labels({
    "subject": N_("Subject"), "counterpart": N_("Counterpart"), "reporter": N_("Reported by"),
    "indicator": N_("Indicator"), "period": N_("Period"), "period_start": N_("Period start"),
    "period_end": N_("Period end"), "value": N_("Value"), "unit": N_("Unit"), "source_title": N_("Source"),
    "source_url": N_("Source address"), "source_published": N_("Source published"), "notes": N_("Notes"),
})

# Header names of each field, as written (compared by ``normal_name``).
NAMES: dict[str, tuple[str, ...]] = {
    "subject": ("subject", "region", "reporting region", "регион", "область", "субъект", "территория",
                "регион казахстана", "облыс", "аймақ", "өңір"),
    "counterpart": ("counterpart", "partner", "partner country", "country", "trading partner", "страна",
                    "страна-партнер", "страна партнер", "партнер", "страны", "страна назначения/происхождения",
                    "серіктес ел", "ел", "елдер", "серіктес"),
    "reporter": ("reporter", "reported by", "reporting country", "отчитывающаяся страна", "есеп беруші"),
    "indicator": ("indicator", "показатель", "наименование показателя", "наименование", "вид показателя",
                  "көрсеткіш", "көрсеткіштің атауы", "flow", "поток"),
    "period": ("period", "период", "отчетный период", "кезең", "есепті кезең", "date", "дата", "күні",
               "year", "год", "жыл"),
    "period_start": ("period_start", "period start", "start", "from", "начало периода", "начало",
                     "кезеңнің басы", "басы"),
    "period_end": ("period_end", "period end", "end", "to", "конец периода", "окончание периода", "конец",
                   "кезеңнің соңы", "соңы"),
    "value": ("value", "значение", "величина", "сумма", "объем", "amount", "мәні", "мән", "көлемі"),
    "unit": ("unit", "units", "unit of measure", "measure", "единица измерения", "единица", "ед. изм.",
             "ед изм", "ед.изм.", "өлшем бірлігі", "өлшем бірл."),
    "source_title": ("source_title", "source", "source title", "источник", "источник данных", "дереккөз",
                     "дерек көзі"),
    "source_url": ("source_url", "url", "source url", "link", "ссылка", "адрес источника", "сілтеме"),
    "source_published": ("source_published", "published", "publication date", "дата публикации",
                         "дата опубликования", "жарияланған күні"),
    "notes": ("notes", "note", "примечание", "примечания", "ескерту", "ескертпе"),
}


def normal_name(name: str) -> str:
    """A header name as matched: no spaces around, any case, ё as е, spaces and dashes as "_"."""
    text = name.strip().strip('"').strip("\ufeff").strip().casefold().replace("ё", "е")
    text = re.sub(r"[\s\-‐–—]+", "_", text)
    return text.rstrip(":*")


_FIELD_OF = {normal_name(n): f for f, names in NAMES.items() for n in names if f in FIELDS}


def field_of(name: str) -> str | None:
    """The field a header name stands for, in any of the three languages, else None."""
    normal = normal_name(name)
    if normal in _FIELD_OF:
        return _FIELD_OF[normal]
    bare = re.sub(r"[,(].*$", "", normal).strip("_")  # "Значение, млн долл. США", "Value (USD)"
    return _FIELD_OF.get(bare)


def header_period(text: str) -> PeriodWords | None:
    """The period a header cell names, for a table with periods across ("2024", "I кв. 2025")."""
    if not text or not re.search(r"\d{4}", text):
        return None
    try:
        found = parse_period(text)
    except DateError:
        return None
    return found if found.precision is not Precision.DAY else None


@dataclass
class Mapping:
    """What the person said about columns: a field for a column (by its header name, its
    letter "C" or its number "3"), ``IGNORE`` to leave one out, and values for every row."""

    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)

    def field_for(self, index: int, name: str) -> str | None:
        """The field the person gave this column, ``IGNORE``, or None when they said nothing."""
        for key in (normal_name(name), column_letter(index), str(index + 1)):
            if key in self.columns:
                return self.columns[key]
        return None

    def names(self) -> set[str]:
        return set(self.columns)

    @classmethod
    def parse(cls, columns: list[str], values: list[str]) -> Mapping:
        """From ``COLUMN=FIELD`` and ``FIELD=VALUE`` texts; raises ``ValueError`` with a sentence."""
        mapping = cls()
        for text in columns:
            column, equals, name = text.rpartition("=")
            name = name.strip().casefold()
            if not equals or not column.strip():
                raise ValueError(_("“{text}” is not COLUMN=FIELD").format(text=text))
            if name not in FIELDS and name != IGNORE:
                raise ValueError(_("“{name}” is not a field; use one of {fields} or {ignore}").format(
                    name=name, fields=", ".join(FIELDS), ignore=IGNORE))
            key = column.strip()
            mapping.columns[key.upper() if re.fullmatch(r"[A-Za-z]{1,3}", key) and field_of(key) is None
                            else normal_name(key)] = name
        for text in values:
            name, equals, value = text.partition("=")
            name = name.strip().casefold()
            if not equals or name not in FIELDS:
                raise ValueError(_("“{text}” is not FIELD=VALUE with a field among {fields}").format(
                    text=text, fields=", ".join(FIELDS)))
            mapping.values[name] = value.strip()
        return mapping


def column_letter(index: int) -> str:
    """"A" for the first column, "AA" for the 27th, as spreadsheets name them."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _score(cells: list[str], mapping: Mapping) -> int:
    """Distinct fields named, plus the periods across (a heading merged over columns counts once)."""
    named = len({mapping.field_for(i, c) or field_of(c) for i, c in enumerate(cells) if c.strip()}
                - {None, IGNORE})
    periods = sum(1 for c in cells if header_period(c) is not None)
    return named + (periods if periods >= 2 else 0)


def find_header(rows: list[list[str]], mapping: Mapping) -> int | None:
    """Index in ``rows`` of the header row: the first that names the most fields or periods,
    or None when no row names any."""
    best, best_score = None, 0
    for i, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = _score(cells, mapping)
        if score > best_score:
            best, best_score = i, score
    return best


def layout_key(header: list[str]) -> str:
    """A short name for a file layout, from its header's names: the same layout, the same key."""
    names = "\x1f".join(normal_name(c) for c in header)
    return hashlib.sha1(names.encode("utf-8", "surrogateescape")).hexdigest()[:16]
