"""Figures: a value with its unit, scale and period, what it measures and between whom.

"$128.6 million", "302 mln 200 thousand U.S. dollars", "почти 360 млн долларов", "178
large enterprises": the value is kept as printed in the scale the text uses (128.6, unit
"USD million"); a qualifier ("почти", "more than") goes into the notes. What the figure
measures comes from the nearest word before it (turnover, exports, imports, investments,
enterprises); a figure next to none of them is not proposed. The period comes from the
sentence, or from the figure before it in the same paragraph ("Exports totaled $67.8
million" after "In the first five months of 2025 …"). A unit, scale or period the text
does not give is left empty and flagged, never guessed: "$75 217.7" has no scale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.capture.cast import Entity
from db.capture.proposals import Reading
from db.capture.vocabulary import QUALIFIERS
from db.model import period_phrases as dates
from db.model.i18n import _
from db.model.indicator_names import PHRASES
from db.model.units import parse_unit
from db.model.validate import NumberError, parse_number

_NUM = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE = (r"million|mln\.?|billion|bln\.?|thousand|trillion|млн\.?|миллион\w*|млрд\.?|миллиард\w*|тыс\.?|"
          r"тысяч\w*|мың|миллион|миллиард")
_CURRENCY = (r"U\.S\.\s+dollars|US\s+dollars|dollars?|USD|долларов(?:\s+США)?|доллар\w*|тенге|теңге|tenge|KZT|"
             r"рубл\w*|rubles?|roubles?|RUB|евро|euros?|EUR")
_MONEY = re.compile(
    rf"(?:(?P<sign>\$|USD\s*|US\$)\s?)?(?P<num>{_NUM})\s*(?P<scale>{_SCALE})?"
    rf"(?:\s*(?P<num2>\d{{1,3}})\s*(?P<scale2>{_SCALE}))?\s*(?P<cur>{_CURRENCY})?"
    rf"(?P<count>\s*(?:large\s+|major\s+|крупн\w+\s+|ірі\s+)?(?:enterprises|companies|предприяти\w*|компани\w*|"
    rf"кәсіпорын\w*)|\s*(?:тонн\w*|тонна|tonnes|tons))?", re.I)
# Words running text uses beside those of ``indicator_names`` (which reads table headers):
# "investments attracted", "взаимная торговля", "экспортировано", "шығарды".
_RUNNING_TEXT = {
    "turnover": ("trade between", "торговля", "оборот"),
    "exports": ("экспортировано", "поставки", "шығарды"),
    "imports": ("ввезено", "әкелінді"),
    "investment_inflow": ("investments", "инвестиции", "инвестиция"),
}


def _inflected(phrase: str) -> str:
    """A phrase as running text may inflect it: each word's ending left free."""
    words = []
    for word in phrase.split():
        stem = word[:-2] if len(word) > 5 and not word.isascii() else word
        words.append(re.escape(stem) + r"\w*")
    return r"\s+".join(words)


def _indicator_pattern() -> re.Pattern[str]:
    groups = []
    for name in ("turnover", "exports", "imports", "investment_inflow"):
        phrases = set(PHRASES[name]) | set(_RUNNING_TEXT[name])
        alternatives = sorted((_inflected(p) for p in phrases), key=len, reverse=True)
        groups.append(f"(?P<{name}>" + "|".join(alternatives) + ")")
    return re.compile(r"\b(?:" + "|".join(groups) + ")", re.I)


_INDICATOR = _indicator_pattern()
_BETWEEN = re.compile(r"\b(?:between|между|арасында\w*)\b", re.I)


@dataclass
class _Context:
    paragraph: int = -1
    subject: Entity | None = None
    counterpart: Entity | None = None
    when: dates.When | None = None


def find(reading: Reading) -> None:
    context = _Context()
    main = _main_region(reading)
    for number, sentence in enumerate(reading.sentences):
        paragraph = reading.text.count("\n", 0, sentence.start)
        if paragraph != context.paragraph:
            context = _Context(paragraph)
        periods = [w for w in dates.find(reading.text, sentence.start, sentence.end, reading.published)]
        for match in _MONEY.finditer(sentence.text):
            figure = _figure(match, sentence.language)
            if figure is None:
                continue
            value, unit, unit_flag, indicator_kind = figure
            at = sentence.start + match.start()
            indicator = indicator_kind or _indicator(sentence.text[:match.start()], sentence.text[match.end():])
            if indicator is None:
                continue
            if re.match(r"\s*%", sentence.text[match.end():]) or any(w.start <= at < w.end for w in periods):
                continue
            _propose(reading, number, match, value, unit, unit_flag, indicator, periods, context, main)


def _main_region(reading: Reading) -> Entity | None:
    """The region the article is about: the first region or body it names."""
    for number in range(len(reading.sentences)):
        for mention in reading.parties_in(number):
            entity = mention.entity
            if entity.party_kind == "body" and entity.parent is not None:
                return entity.parent
            if entity.party_kind == "region":
                return entity
    return None


def _figure(match: re.Match[str], language: str):
    groups = match.groupdict()
    if not (groups["sign"] or groups["cur"] or groups["count"]):
        return None
    try:
        value = parse_number(groups["num"].replace("\u00a0", " "), decimal="." if language == "en" else ",")
    except NumberError:
        try:
            value = parse_number(groups["num"], decimal=".")
        except NumberError:
            return None
    unit = parse_unit(" ".join(filter(None, (groups["scale"], groups["cur"] or groups["sign"]))))
    if groups["count"]:
        if groups["sign"] or groups["cur"]:
            return None
        unit = parse_unit(" ".join(filter(None, (groups["scale"], _counted(groups["count"].split()[-1])))))
        if unit is None:
            return None
        return value, unit.name, None, "enterprise_count" if unit.measure == "enterprises" else None
    if unit is None:
        return None
    if groups["num2"] and groups["scale2"] and groups["scale"]:
        smaller = parse_unit(groups["scale2"] + " " + (groups["cur"] or "USD"))
        if smaller is not None:  # "302 mln 200 thousand U.S. dollars": 302.2 in millions
            value = round(value + float(groups["num2"]) * smaller.scale / unit.scale, 6)
    if not groups["scale"]:
        flag = _("The text gives the currency ({currency}) but no scale (thousand, million); check the source.").format(
            currency=unit.measure)
        return value, "", flag, None
    return value, unit.name, None, None


def _counted(word: str) -> str:
    """What a figure counts, without the case ending running text gives it ("тоннасын" → "тонн")."""
    for stem, name in (("тонн", "тонн"), ("кәсіпорын", "кәсіпорын")):
        if word.lower().startswith(stem):
            return name
    return word


def _indicator(before: str, after: str) -> str | None:
    found = list(_INDICATOR.finditer(before))
    if found:
        return found[-1].lastgroup
    match = _INDICATOR.search(after[:40])
    return match.lastgroup if match else None


def _parties(reading: Reading, number: int) -> tuple[Entity | None, Entity | None]:
    sentence = reading.sentences[number]
    ordered: list[Entity] = []
    for mention in reading.parties_in(number):
        following = reading.text[mention.end:mention.end + 2]
        written = reading.text[mention.start:mention.end]
        if mention.entity.party_kind == "country" and (following in ("'s", "’s") or written.endswith(("'s", "’s"))):
            continue
        entity = mention.entity.parent if mention.entity.party_kind == "body" and mention.entity.parent else mention.entity
        if entity not in ordered:
            ordered.append(entity)
    if not ordered:
        return None, None
    if _BETWEEN.search(sentence.text) and len(ordered) >= 2:
        return ordered[0], ordered[1]
    regions = [e for e in ordered if e.party_kind != "country"]
    if regions:
        subject = regions[0]
        others = [e for e in ordered if e is not subject]
        return subject, others[0] if others else None
    return None, ordered[0]


def _propose(reading: Reading, number: int, match, value, unit, unit_flag, indicator, periods, context, main) -> None:
    sentence = reading.sentences[number]
    flags: dict[str, str] = {}
    if unit_flag:
        flags["unit"] = unit_flag
    subject, counterpart = _parties(reading, number)
    if subject is None and counterpart is None and context.subject is not None:
        subject, counterpart = context.subject, context.counterpart
    if subject is None:
        subject = main if main is not counterpart else None
    if subject is None:
        flags["subject_id"] = _("The text does not say whose figure this is.")
    if counterpart is None:
        flags["counterpart_id"] = _("The text names no counterpart.")
    before = [w for w in periods if w.start < sentence.start + match.start()] or periods
    when = before[-1] if before else (context.when if indicator != "enterprise_count" else None)
    if when is None:
        flags["period_start"] = _("The text gives no period for this figure.")
    elif when.relative and when.precision == "span" and "начала" in reading.text[when.start:when.end].lower():
        flags["period_end"] = _("“Since the beginning of the year”: the end is the month before publication; check it.")
    context.subject, context.counterpart, context.when = subject, counterpart, when
    qualifier = QUALIFIERS.search(sentence.text[:match.start()])
    notes = None
    if qualifier:
        notes = _("As printed: “{words}” (not an exact figure).").format(
            words=f"{qualifier.group('word')} {match.group().strip()}")
    record = {"subject_id": subject.ref if subject else None, "counterpart_id": counterpart.ref if counterpart else None,
              "reporter_id": None, "indicator": indicator,
              "period_start": when.first.isoformat() if when else None,
              "period_end": when.last.isoformat() if when else None,
              "value": value, "unit": unit, "notes": notes, "sources": [{"ref": "source"}]}
    for earlier in reading.proposals:  # a headline and its article give the same figure twice
        if earlier.kind == "indicator" and all(earlier.record[k] == record[k] for k in
                                               ("indicator", "value", "unit", "period_start", "period_end")):
            return
    reading.propose("indicator", record, sentence.start, sentence.end, sentence.language, flags)
