"""Agreements: a memorandum, protocol, plan or agreement the text says was signed (or is
being prepared).

The title is the text's own words from the kind ("A protocol on the joint use …",
"Меморандум о сотрудничестве", "… жөніндегі хаттамаға"), its head put in the nominative;
the parties are those the sentence names, the signatories the people it names beside
"signed". A later "the agreement, signed by …" without a title of its own adds to the
agreement already found instead of proposing another; a first one is proposed (its title
flagged) only when the sentence names who signed it.
"""

from __future__ import annotations

import re

from db.capture.proposals import Proposal, Reading
from db.capture.vocabulary import AGREEMENT_PATTERN, DRAFTING, SIGNED
from db.model import period_phrases as dates
from db.model.i18n import _

_STOP_EN = re.compile(r",\s+(?![A-Z][a-z]+(?:\s+[A-Z][a-z]+)*(?:,|\s+and\s+[A-Z]))|\s+(?:as well as|was|were|is|are|has|"
                      r"have|between|signed|by|on the sidelines|at the|during|within|in the framework|which|that)\b"
                      r"|\s+-\s+|[.;:]|\s+(?:Kazinform|Trend|reports)\b")
_STOP_RU = re.compile(r",|\s+(?:был|была|было|были|подписан\w*|в рамках|состоял\w*|между|с целью|направлен\w*|"
                      r"охватывает|является)\b|\s+(?:в|во|на)\s+(?=[А-ЯЁA-Z])|"
                      r"\s+(?:на|в\s+ходе|во\s+время)\s+(?=форум|встреч|заседани|саммит|переговор|конференци|выставк)|[.;:]|"
                      r"\s+[а-яё]+(?:ет|ит|ют|ят|ал|ала|ало|али|ался|лась|ется|ится|ут|ен|"
                      r"ена|ено|ены|ан|ана|ано|аны|ел|ела|ело|ели)(?=[\s,.]|$)")
_STOP_KK = re.compile(r",|\s(?:мен|пен|бен|және)\s(?=[А-ЯӘҒҚҢӨҰҮҺІ\d])|\s(?:арасында|арасындағы|барысында|мэрі|"
                      r"әкімі|губернаторы)\s|[.;:]|сондай-ақ")
_RU_HEADS = ((r"^меморандум\w*", "Меморандум"), (r"^протокол\w*", "Протокол"), (r"^план\w*", "План"),
             (r"^соглашени\w*", "Соглашение"), (r"^договор\w*", "Договор"), (r"^программ\w*", "Программа"),
             (r"^дорожн\w+\s+карт\w+", "Дорожная карта"))
_KK_HEADS = ((r"меморандум\w*$", "меморандум"), (r"хаттама\w*$", "хаттама"), (r"жоспар\w*$", "жоспары"),
             (r"келісім\w*$", "келісім"), (r"бағдарлама\w*$", "бағдарламасы"))


def find(reading: Reading) -> None:
    found: list[Proposal] = []
    for number, sentence in enumerate(reading.sentences):
        object.__setattr__(sentence, "mention_ends", [m.end for m in reading.mentions.get(number, [])])
        text = sentence.text
        signed, drafting = SIGNED.search(text), DRAFTING.search(text)
        if not (signed or drafting):
            continue
        inside: list[tuple[int, int]] = []
        for match in AGREEMENT_PATTERN.finditer(text):
            kind = match.lastgroup or "agreement"
            start = sentence.start + match.start()
            if any(a < start < b for a, b in inside):
                continue  # "the Protocol on Implementing the Agreement on …": one document
            title, title_end = _title(reading.text, sentence, start, match, sentence.language)
            if title is None:
                continue
            inside.append((start, title_end))
            bare = len(title.split()) <= 1
            same_kind = [p for p in found if p.record["kind"] == kind]
            if (bare and found) or same_kind:  # the same agreement named again ("the memorandum, signed by …")
                again = same_kind[-1] if same_kind else found[-1]
                if len(again.record["title"].split()) <= 1 < len(title.split()):  # the headline said "a protocol"
                    again.record["title"] = title
                    again.evidence, again.start = sentence.text, sentence.start
                _add_parties(reading, number, again)
                _add_people(reading, number, again, signed is not None)
                continue
            if bare and kind in ("agreement", "treaty") and not (signed and len(reading.people_in(number)) >= 2):
                continue  # a word for an agreement, unless the sentence says who signed it
            proposal = _propose(reading, number, kind, title, start, title_end, signed is not None)
            found.append(proposal)


def _title(text: str, sentence, start: int, match: re.Match[str], language: str) -> tuple[str | None, int]:
    end = sentence.end
    if language == "kk":
        boundary = max((m.end() for m in _STOP_KK.finditer(text, sentence.start, start)), default=sentence.start)
        named = [e for e in _mention_ends(sentence) if e <= start]
        boundary = max([boundary, *named])
        words = text[boundary:start + len(match.group())].strip()
        for pattern, nominative in _KK_HEADS:
            words = re.sub(pattern, nominative, words)
        return (words[:1].upper() + words[1:]) if words else None, start + len(match.group())
    stop = (_STOP_RU if language == "ru" else _STOP_EN).search(text, start + len(match.group()), end)
    title_end = stop.start() if stop else end
    title = " ".join(text[start:title_end].split())
    if language == "ru":
        for pattern, nominative in _RU_HEADS:
            if re.match(pattern, title, re.I):
                title = re.sub(pattern.lstrip("^"), nominative, title, count=1, flags=re.I)
                break
        if len(title.split()) == 1 and stop and text[stop.start():].lstrip().startswith("между"):
            rest = _STOP_RU.search(text, stop.end() + 1, end)
            more_end = rest.start() if rest else end
            title = " ".join(text[start:more_end].split())
            title_end = more_end
            title = re.sub(r"^\w+", lambda m: next((n for p, n in _RU_HEADS if re.match(p, m.group(), re.I)),
                                                     m.group()), title)
    title = title.rstrip(" ,")
    return (title[:1].upper() + title[1:]) if title else None, title_end


def _mention_ends(sentence) -> list[int]:
    return list(getattr(sentence, "mention_ends", []))


def _propose(reading: Reading, number: int, kind: str, title: str, start: int, end: int, signed: bool) -> Proposal:
    sentence = reading.sentences[number]
    flags: dict[str, str] = {}
    signed_date = None
    for when in dates.find(reading.text, sentence.start, sentence.end, reading.published):
        if when.precision in ("day", "month") and not (start <= when.start < end):
            signed_date = when.fuzzy()[0].to_text()
    if signed_date is None and signed and reading.published:
        signed_date = reading.published.strftime("%Y-%m")
        flags["signed_date"] = _("The text gives no date; this is the month it was published.")
    elif signed_date is None:
        flags["signed_date"] = _("The text does not say when it was signed.")
    if len(title.split()) <= 1:
        flags["title"] = _("The text gives the document no title of its own; check the source.")
    valid_from = valid_until = None
    years = dates.YEAR_RANGE.search(title)
    if years:
        valid_from, valid_until = years.group("a"), years.group("b")
    record = {"title": title, "kind": kind, "signed_date": signed_date, "valid_from": valid_from,
              "valid_until": valid_until, "status": "signed" if signed else "draft", "summary": None,
              "notes": None, "parties": [], "signatories": [], "subjects": [], "sources": [{"ref": "source"}]}
    proposal = reading.propose("agreement", record, sentence.start, sentence.end, sentence.language, flags)
    _add_parties(reading, number, proposal)
    _add_people(reading, number, proposal, signed)
    return proposal


def _add_parties(reading: Reading, number: int, proposal: Proposal) -> None:
    parties = [m.entity for m in reading.parties_in(number)]
    regional = [p for p in parties if p.party_kind != "country"]
    chosen = regional or parties
    for entity in chosen:
        if entity.party_kind == "region" and any(p.parent is entity for p in chosen):
            continue  # the body speaks for its region
        link = {"ref": entity.ref}
        if link not in proposal.record["parties"]:
            proposal.record["parties"].append(link)


def _add_people(reading: Reading, number: int, proposal: Proposal, signed: bool) -> None:
    if not signed:
        return
    for mention in reading.people_in(number):
        link = {"ref": mention.entity.ref}
        if link not in proposal.record["signatories"]:
            proposal.record["signatories"].append(link)
