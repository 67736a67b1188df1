"""The words capture looks for, in English, Russian and Kazakh.

Kinds of agreement and event, the verbs that say something was signed or will be held,
the titles of officials, the names of the two countries these articles are about, and
the words that qualify a figure ("почти", "more than"). Patterns are regular expressions
matched ignoring case; inflected Russian and Kazakh forms are covered by their stems.
"""

from __future__ import annotations

import re

# Agreement kind -> the words that name it (stems for Russian and Kazakh).
AGREEMENT_WORDS = {
    "memorandum": r"memorand\w*|меморандум\w*",
    "protocol": r"protocol\w*|протокол\w*|хаттама\w*",
    "roadmap": r"road\s?map\w*|дорожн\w+\s+карт\w+|жол\s+карта\w*",
    "plan": r"(?:interaction\s+|action\s+|joint\s+)?plan\b|план\w*|жоспар\w*",
    "programme": r"programme\w*|program\b|программ\w*|бағдарлама\w*",
    "treaty": r"treaty|treaties|договор\w*|шарт\w*",
    "agreement": r"agreement\w*|соглашени\w*|келісім\w*",
}
AGREEMENT_PATTERN = re.compile(
    r"\b(?:" + "|".join(f"(?P<{kind}>{words})" for kind, words in AGREEMENT_WORDS.items()) + r")", re.I)
SIGNED = re.compile(
    r"\b(?:signed|inked|sign\b|signing|concluded|подписа\w*|подписан\w*|заключ\w+|қол\s+қой\w*|"
    r"қол\s+қойыл\w*|қол\s+жеткіз\w*)", re.I)
DRAFTING = re.compile(r"\b(?:prepar\w+|draft\w*|подготов\w+|разработ\w+|дайында\w*|әзірле\w*)", re.I)

# Event kind -> its words.
EVENT_WORDS = {
    "forum": r"forum\w*|форум\w*",
    "visit": r"visit\w*|визит\w*|сапар\w*|поездк\w+",
    "conference": r"conference\w*|конференци\w*|конференция\w*",
    "exhibition": r"exhibition\w*|fair\b|выставк\w*|ярмарк\w*|көрме\w*",
    "meeting": r"meeting\w*|talks\b|встреч\w*|переговор\w*|заседани\w*|кездес\w*|келіссөз\w*",
}
EVENT_PATTERN = re.compile(
    r"\b(?:" + "|".join(f"(?P<{kind}>{words})" for kind, words in EVENT_WORDS.items()) + r")", re.I)
# An event still to come: "will be held", "пройдет", "состоится", "планируется", "өтеді".
FUTURE = re.compile(
    r"\b(?:will|shall|is to be|are to be|is scheduled|planned|plans? to|upcoming|next|"
    r"пройд[её]т|состоится|будет|будут|планиру\w+|запланирован\w*|предстоящ\w+|встретится|встретятся|"
    r"посетит|посетят|прибудет|прибудут|"
    r"өтеді|өткізіледі|өтпек|жоспарлан\w*|алдағы|кездеседі|келеді|барады)\b", re.I)
HELD = re.compile(
    r"\b(?:held|took place|was|were|hosted|attended|прош[её]л|прошл[аио]|состоял\w+|"
    r"проведен\w*|провел\w*|принял\w*|өтті|өткен|өткізілді|қатысты)\b", re.I)

# Titles of officials: the head word of the title in each language, inflected forms covered.
TITLE_HEADS_EN = (
    r"(?:First\s+)?(?:Deputy\s+|Vice\s+)?(?:Akim|akim|Governor|governor|Chairman|Chairwoman|Chair|"
    r"Prime\s+Minister|Minister|Mayor|President|Speaker|Ambassador|Consul\s+General|Head|Director|"
    r"Rector|Secretary)|official\s+representative|Official\s+Representative"
)
TITLE_HEADS_RU = (
    r"(?:перв\w+\s+)?(?:заместител[ьяюем]\w*\s+|вице-)?(?:аким\w*|губернатор\w*|председател[ьяюем]\w*|"
    r"глав(?:а|ы|е|у|ой|ою)\b|министр\w*|мэр\w*|президент\w*|посл[аоу]\w*|посол|премьер-министр\w*|"
    r"руководител[ьяюем]\w*|директор\w*|ректор\w*|консул\w*|представител[ьяюем]\w*)"
)
TITLE_HEADS_KK = (
    r"(?:бірінші\s+)?(?:әкім(?:і|інің|іне|імен|дер)?|губернатор(?:ы|ының|ына|ымен)?|"
    r"төраға(?:сы|сының)?(?:\s+орынбасары)?|орынбасары|министр(?:і|інің)?|елші(?:сі)?|"
    r"президент(?:і|інің)?|басшы(?:сы|сының)?|мэр(?:і)?|консул(?:ы)?)"
)

# The two countries these articles are about, as each language writes them (with case endings).
COUNTRIES = {
    "Kazakhstan": (r"Kazakhstan\b|Kazakh(?:stani)?\b|Republic of Kazakhstan|Казахстан\w*|"
                   r"Республик\w+\s+Казахстан|РК\b|Қазақстан\w*"),
    "Russian Federation": (r"(?:the\s+)?Russian\s+Federation|Russia\b|Russian\b|Росси\w+|"
                           r"Российск\w+\s+Федераци\w+|РФ\b|Ресей\w*(?:\s+Федерация\w*)?"),
}
COUNTRY_LOCAL = {"Kazakhstan": "Қазақстан", "Russian Federation": "Российская Федерация"}

# Words before a figure that make it approximate or a bound, and how the note names them.
QUALIFIERS = re.compile(
    r"\b(?P<word>almost|nearly|about|around|approximately|some|roughly|over|more\s+than|"
    r"less\s+than|under|exceed(?:ed|s)?|почти|около|порядка|примерно|более|свыше|менее|"
    r"больше|превысил\w*|шамамен|жуық|астам|кем)\s*$", re.I)
