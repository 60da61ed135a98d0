"""Small hand-written bilingual news reports for the clustering tests."""

from __future__ import annotations

import re

from storyline.analyze.sentences import SentenceStage
from storyline.model import Article, Document, Mention, PartialDate

RUTTE_EN = (
    "Dutch prime minister Mark Rutte and his cabinet resigned on Friday over a scandal in "
    "which thousands of parents were wrongly accused of fraud by the tax authority. Rutte "
    "announced the resignation of the government at a press conference in The Hague. A "
    "parliamentary inquiry had found that the tax office wrongly demanded money back from "
    "parents. Opposition parties called the scandal unprecedented. Elections are scheduled "
    "for March."
)
RUTTE_NL = (
    "Premier Mark Rutte en zijn kabinet zijn vrijdag afgetreden vanwege het schandaal rond de "
    "kinderopvangtoeslag, waarbij duizenden ouders door de Belastingdienst ten onrechte van "
    "fraude werden beschuldigd. Rutte maakte het ontslag van de regering bekend op een "
    "persconferentie in Den Haag. Een parlementaire onderzoekscommissie had vastgesteld dat de "
    "Belastingdienst ouders onterecht geld liet terugbetalen. Oppositiepartijen noemden het "
    "schandaal ongekend. De verkiezingen staan gepland voor maart."
)
QUAKE_EN = (
    "A magnitude 6.2 earthquake struck the Indonesian island of Sulawesi on Friday, killing "
    "at least 34 people and injuring hundreds. The quake destroyed buildings in the city of "
    "Mamuju, and rescue workers searched the rubble for survivors. The disaster agency said "
    "thousands of residents fled to shelters."
)
QUAKE_NL = (
    "Een aardbeving met een kracht van 6,2 heeft vrijdag het Indonesische eiland Sulawesi "
    "getroffen. Zeker 34 mensen kwamen om het leven en honderden raakten gewond. In de stad "
    "Mamuju stortten gebouwen in en reddingswerkers zochten in het puin naar overlevenden. "
    "Duizenden inwoners zijn naar de opvang gevlucht, meldt de rampenbestrijding."
)
FLOOD_EN = (
    "Heavy rain flooded large parts of the German state of North Rhine-Westphalia, where "
    "rivers burst their banks and swept away houses. Rescue workers evacuated villages along "
    "the Ahr as the water kept rising. Chancellor Angela Merkel called the floods a disaster."
)

# What resolution would give: one id per real-world entity, whatever the language.
ENTITIES = {
    "Mark Rutte": ("PER", "Q57792"),
    "Rutte": ("PER", "Q57792"),
    "The Hague": ("LOC", "Q36600"),
    "Den Haag": ("LOC", "Q36600"),
    "Belastingdienst": ("ORG", "Q2447364"),
    "Sulawesi": ("LOC", "Q3557"),
    "Mamuju": ("LOC", "Q3554"),
    "Indonesian": ("MISC", "Q252"),
    "Indonesische": ("MISC", "Q252"),
    "North Rhine-Westphalia": ("LOC", "Q1198"),
    "Ahr": ("LOC", "Q300"),
    "Angela Merkel": ("PER", "Q567"),
}


def mentions(text: str, resolved: bool = True) -> list[Mention]:
    """Every listed name in ``text`` (longest first, no overlaps), as NER and resolution would."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for name in sorted(ENTITIES, key=len, reverse=True):
        label, entity_id = ENTITIES[name]
        for match in re.finditer(re.escape(name), text):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
            found.append(Mention(*span, name, label, entity_id if resolved else None))
    return sorted(found, key=lambda m: m.start)


def doc(article_id: str, text: str, lang: str, day: str, resolved: bool = True) -> Document:
    article = Article(id=article_id, text=text, lang=lang, date=PartialDate.parse(day))
    (analysed,) = SentenceStage()([Document(article=article)])
    analysed.entities = mentions(text, resolved)
    return analysed
