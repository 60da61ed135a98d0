"""The words of a cue: offsets into the text, speech verbs, pronouns and possessives."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.analyze import quote_cues as cues
from storyline.analyze.quote_cues import lexicon

_WORD = re.compile(r"-ie\b|['’][tsk]\b|\w+(?:['’]\w+)*(?:-\w+)*|\S")


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


def words(text: str, start: int, end: int) -> list[Word]:
    return [Word(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, start, end)]


def end_before(text: str, pos: int) -> int:
    """The offset just after the last non-space character before ``pos`` (0 if none)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def is_cue_verb(word: Word, lang: str) -> bool:
    return word.low in lexicon(cues.SPEECH_VERBS, lang)


def cue_verb_at(ws: list[Word], n: int, lang: str) -> bool:
    """Whether ``ws[n]`` is a speech verb where it stands: not a capitalised word inside a
    name that spells one ("United States airframer Boeing")."""
    inside_name = n > 0 and ws[n].cap and ws[n - 1].cap and ws[n - 1].text[:1].isalpha()
    return is_cue_verb(ws[n], lang) and not inside_name


def passive_at(ws: list[Word], n: int, lang: str) -> bool:
    """Whether the verb ``ws[n]`` is a passive ("who was criticized for ..."): its subject
    is who the speech is about, not who speaks."""
    progressive = lang != "nl" and ws[n].low.endswith("ing")  # "is saying" is active
    return n > 0 and ws[n - 1].low in lexicon(cues.PASSIVE_AUXILIARIES, lang) and not progressive


def particle_cue(ws: list[Word], index: int, lang: str, reach: int = 8) -> str | None:
    """The particle that makes ``ws[index]`` a speech cue ("houdt ... vol"), if one follows."""
    table = cues.PARTICLE_VERBS.get(lang) or {
        **cues.PARTICLE_VERBS["nl"],
        **cues.PARTICLE_VERBS["en"],
    }
    for particle, verbs in table.items():
        following = ws[index + 1 : index + 1 + reach]
        if ws[index].low in verbs and any(w.low in (particle, "er" + particle) for w in following):
            return particle
    return None


def lexicon_pronouns(lang: str) -> dict[str, str]:
    return cues.PRONOUNS.get(lang) or {**cues.PRONOUNS["nl"], **cues.PRONOUNS["en"]}


def object_pronouns(lang: str) -> dict[str, str]:
    return cues.OBJECT_PRONOUNS.get(lang) or {
        **cues.OBJECT_PRONOUNS["nl"],
        **cues.OBJECT_PRONOUNS["en"],
    }


def possessives(lang: str) -> dict[str, str]:
    return cues.POSSESSIVES.get(lang) or {**cues.POSSESSIVES["nl"], **cues.POSSESSIVES["en"]}


def names_title(pre: list[Word], lang: str) -> bool:
    """Whether the words before a quote make it a title or a term that nobody says: "a
    note titled", "the so-called", "an attempt called the"."""
    if pre and pre[-1].low in lexicon(cues.NAMING_WORDS, lang):
        return True
    return (
        len(pre) > 1
        and pre[-1].low in lexicon(cues.DETERMINERS, lang)
        and pre[-2].low in lexicon(cues.NAMING_VERBS, lang)
    )
