"""Positions: an official's title standing next to their name.

"the Akim (governor) of the Abai region, Berik Uali", "губернатором Омской области
Виталием Хоценко", "Омбы облысының губернаторы Виталий Хоценко": the title is the words
from its head ("Akim", "губернатор", "губернаторы") to the name (in Kazakh, and in English
"the Kurgan Region Governor", from the region before it), its head put in the nominative;
the body is the party the title names. English words between the head and the name that no
title holds ("the President described … and thanked") make it a clause, not a title.
A title without a place ("Governor Akhmetov") says too little to record and is left out.
"""

from __future__ import annotations

import re

from db.capture.cast import Mention
from db.capture.proposals import Reading
from db.capture.vocabulary import TITLE_HEADS_EN, TITLE_HEADS_KK, TITLE_HEADS_RU
from db.model.i18n import _

_HEAD = {"en": re.compile(rf"\b(?:the\s+)?({TITLE_HEADS_EN})\b"),
         "ru": re.compile(rf"(?<![\w-])({TITLE_HEADS_RU})", re.I),
         "kk": re.compile(rf"(?<![\w-])({TITLE_HEADS_KK})(?![\w-])", re.I)}
# Words that end a title: a verb or a conjunction between the title and the name means the
# title belongs to someone else.
_BREAK = re.compile(r"\b(?:met|meets|said|says|signed|had|has|invited|noted|thanked|told|with|by|during|"
                    r"встретил\w*|провел\w*|сказал\w*|отметил\w*|подписал\w*|с|со|и|кездесті|мен|пен|бен)\b", re.I)
# Lower-case words an English title may hold; any other ("described", "thanked") means the words
# between the head and the name are a clause.
_TITLE_WORDS_EN = frozenset({
    "of", "the", "and", "to", "for", "on", "in", "at", "s", "region", "regions", "oblast", "territory", "krai",
    "city", "district", "governor", "akim", "deputy", "first", "vice", "chairman", "chairwoman", "chair", "prime",
    "minister", "mayor", "president", "speaker", "ambassador", "extraordinary", "plenipotentiary", "consul",
    "general", "head", "director", "rector", "secretary", "official", "representative", "government",
    "administration", "akimat", "council", "republic", "federation",
})
_RU_NOMINATIVE = (
    (r"^аким\w*", "аким"), (r"^губернатор\w*", "губернатор"), (r"^председател\w*", "председатель"),
    (r"^заместител\w*", "заместитель"), (r"^глав\w*", "глава"), (r"^министр\w*", "министр"),
    (r"^посл\w*|^посол", "посол"), (r"^мэр\w*", "мэр"), (r"^президент\w*", "президент"),
    (r"^руководител\w*", "руководитель"), (r"^директор\w*", "директор"), (r"^представител\w*", "представитель"),
    (r"^премьер-министр\w*", "премьер-министр"), (r"^вице-губернатор\w*", "вице-губернатор"),
)
_KK_NOMINATIVE = ((r"^әкімі\w+", "әкімі"), (r"^губернаторы\w+", "губернаторы"), (r"^министрі\w+", "министрі"))


def find(reading: Reading) -> None:
    """Propose a position for every person whose title stands beside their name."""
    seen: dict[tuple[str, str], object] = {}
    for number, sentence in enumerate(reading.sentences):
        for mention in reading.people_in(number):
            found = _title_before(reading, sentence.language, sentence.start, mention)
            for title, start in found:
                _propose(reading, number, mention, title, start, seen)


def _title_before(reading: Reading, language: str, sentence_start: int, mention: Mention) -> list[tuple[str, int]]:
    text = reading.text
    window_start = max(sentence_start, mention.start - 160)
    others = [m.end for ms in reading.mentions.values() for m in ms
              if m.entity.kind == "person" and m.entity is not mention.entity and window_start <= m.end <= mention.start]
    window_start = max([window_start, *others])  # a title never reaches back past another person's name
    before = text[window_start:mention.start]
    # A head word inside brackets explains the title ("Akim (governor) of …"); it does not start one.
    unbracketed = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group()), before)
    heads = list(_HEAD[language].finditer(unbracketed))
    if not heads:
        return []
    found = []
    last = heads[-1]
    chunk = before[last.start(1):]
    if _BREAK.search(chunk.replace(" and official", " ")) and language == "en" or language != "en" and _BREAK.search(chunk[len(last.group(1)):]):
        chunk = ""
    if language == "en" and any(w[0].islower() and w not in _TITLE_WORDS_EN for w in re.findall(r"[A-Za-z]+", chunk)):
        chunk = ""  # "President described the diaspora … thanked": a clause, not a title
    if not chunk:
        return []
    title_start = window_start + last.start(1)
    if language == "kk" or language == "en" and last.group(1) in ("Governor", "Akim", "Mayor"):
        title_start = _place_before(reading, sentence_start, title_start, 12 if language == "kk" else 1)
    title = _clean(text[title_start:mention.start], language)
    if title and _names_a_place(title, language):
        found.append((title, title_start))
    if language == "en" and len(heads) >= 2:  # "the Deputy Chairman of the Government and official representative"
        earlier = heads[-2]
        between = before[earlier.start(1):last.start(1)]
        if between.rstrip().endswith(" and") and not _BREAK.search(between[:-4]):
            complement = re.search(r"\bof\s+(?:the\s+)?[^,]*?(?=\s+to\b|,|$)", chunk)
            first = between.rstrip()[:-4].strip()
            if complement and " of " not in first or complement and not first.endswith(complement.group(0)):
                first = f"{first} {complement.group(0)}"
            found.append((_clean(first, language), window_start + earlier.start(1)))
    return found


def _place_before(reading: Reading, sentence_start: int, head_start: int, gap: int) -> int:
    """Where a title starts that names its place before its head word: the region or body named
    just before it ("Омбы облысының губернаторы", "the Kurgan Region Governor")."""
    for mention in reversed([m for n, ms in reading.mentions.items() for m in ms if m.entity.kind == "party"]):
        if mention.end <= head_start and head_start - mention.end <= gap and mention.start >= sentence_start:
            return mention.start
    return head_start


def _clean(title: str, language: str) -> str:
    title = title.strip().rstrip(",;:–—- ").strip()
    title = re.sub(r"^(?:the|a)\s+", "", title, flags=re.I)
    title = " ".join(title.split())
    if language == "ru":
        words = title.split(" ", 1)
        for pattern, nominative in _RU_NOMINATIVE:
            if re.match(pattern, words[0], re.I):
                head = nominative if not words[0][0].isupper() else nominative.capitalize()
                if nominative == "заместитель" and len(words) > 1:
                    return f"{head} {words[1]}"
                return f"{head} {words[1]}" if len(words) > 1 else head
    if language == "kk":
        for pattern, nominative in _KK_NOMINATIVE:
            title = re.sub(pattern.replace("^", r"\b"), nominative, title)
    if title[:1].islower() and language == "en":
        title = title[0].upper() + title[1:]
    return title


def _names_a_place(title: str, language: str) -> bool:
    """A title says where it is held: "of the Abai region", "Омской области", "облысының"."""
    if language == "en":
        return bool(re.search(r"\b(?:of|to)\s+\S", title)) or bool(re.search(r"[Rr]egion|Territory", title))
    return len(title.split()) >= 2


def language_of_title(title: str) -> str:
    return "en" if title.isascii() else "local"


def _propose(reading: Reading, number: int, mention: Mention, title: str, start: int, seen: dict) -> None:
    person = mention.entity
    key = (person.ref, re.sub(r"\b(?:russia|kazakhstan)['’]s\s+", "", title.casefold()))
    for (ref, other), proposal in list(seen.items()):
        same_head = other.split(" ", 1)[0] == key[1].split(" ", 1)[0] and language_of_title(title) != "en"
        if ref == person.ref and (other.startswith(key[1]) or key[1].startswith(other) or same_head):
            if len(key[1]) > len(other):  # the fuller title wins: "… of the Omsk region"
                proposal.record["title"] = title  # type: ignore[attr-defined]
                proposal.evidence = reading.text[start:mention.end]  # type: ignore[attr-defined]
                proposal.start = start  # type: ignore[attr-defined]
                del seen[(ref, other)]
                seen[key] = proposal
            return
    body = None
    for party in reading.parties_in(number):
        inside = start <= party.start and party.end <= mention.start
        if inside and (body is None or party.entity.party_kind == "body" or body.party_kind == "country"):
            body = party.entity
    record = {"person_id": person.ref, "title": title, "body_id": body.ref if body else None,
              "start_date": None, "end_date": None,
              "verified_on": reading.published.isoformat() if reading.published else None,
              "sources": [{"ref": "source"}]}
    flags = {"start_date": _("The text does not say since when.")}
    language = reading.sentences[number].language
    seen[key] = reading.propose("position", record, start, mention.end, language, flags)
