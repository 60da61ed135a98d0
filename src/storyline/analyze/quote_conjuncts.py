"""The speaker of a narration line that ends in a colon before a quote when its last clause
has no subject of its own or a subject the speech-verb reader does not see: "Toen stond moe
op, vouwde de krant dubbel en zei geeuwend:" (moe), "Kalm kwam ze de trap af en zong:"
(ze), "en 't kindje vraagt:" (a person noun no news role list has).

The line is cut into clauses at "en", "maar" and commas; the subject of a clause is the
first person-like phrase among its first few words (Dutch puts it first or right after the
verb: "Toen stond moe op"), never one after a preposition. A clause that opens with a
lower-case word and has no subject shares the subject of the clause before it; a relative
clause ("die graag zag zoenen") is passed over.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from storyline.analyze import quote_cues as cues
from storyline.analyze import quote_speakers as sp
from storyline.analyze.quote_cues import lexicon
from storyline.analyze.quote_nominals import NOUN_DETERMINERS, is_person_noun, person_lexicon
from storyline.analyze.quote_speakers import Phrase
from storyline.analyze.quote_words import Word, lexicon_pronouns

CLAUSE_SUBJECT = "clause-subject"  # the flag of a quote whose speaker this module found
_BOUNDARIES = frozenset(["en", "maar", "and", "but", ",", ";"])
_RELATIVES = frozenset(["die", "dat", "wie", "wat", "who", "which", "whom"])
_SUBJECT_REACH = 5  # words into a clause (past its openers) where the subject may stand
_LAST_CLAUSE = 6  # words of the clause before the colon
_SHORT_REST = 3  # words after the subject of that clause ("'t kindje vraagt")
_MODIFIERS = 3  # lower-case words between an article and its person noun
# a clause that opens with one of these, in any language, does not open with its verb
_ANY_PRONOUNS = frozenset(lexicon_pronouns(""))
_ANY_DETERMINERS = lexicon(NOUN_DETERMINERS, "")


def colon_subject(
    text: str, clause: list[Word], lang: str, plausible: Callable[[Phrase], bool]
) -> tuple[str, Phrase, str] | None:
    """(cue, speaker phrase, "pre") for the narration ``clause`` before a colon, or None."""
    found = last_clause_subject(text, clause, lang, plausible)
    return (*found, "pre") if found is not None else None


def last_clause_subject(
    text: str,
    clause: list[Word],
    lang: str,
    plausible: Callable[[Phrase], bool],
    shared: bool = True,
) -> tuple[str, Phrase] | None:
    """(verb, subject) of the last clause of ``clause``, a short one: its own subject
    before at most three words, or (``shared``) the one it shares with the clauses before
    it. The phrase's notes hold ``CLAUSE_SUBJECT``."""
    found = _last_clause_subject(text, clause, lang, plausible, shared)
    if found is not None:
        found[1].notes.append(CLAUSE_SUBJECT)
    return found


def _last_clause_subject(
    text: str, clause: list[Word], lang: str, plausible: Callable[[Phrase], bool], shared: bool
) -> tuple[str, Phrase] | None:
    parts = _clauses(clause)
    if not parts or not 0 < len(parts[-1]) <= _LAST_CLAUSE:
        return None
    last = parts[-1]
    if any(w.low in lexicon(cues.PERCEPTION_VERBS, lang) for w in last):
        return None  # "Zij hoorde:": who hears is not who speaks
    found = _subject(text, last, lang, plausible)
    if found is not None:
        phrase, after = found
        rest = last[after:]
        if (
            0 < len(rest) <= _SHORT_REST
            and all(w.text.isalpha() and not w.cap for w in rest)
            and rest[0].low not in lexicon(cues.PREPOSITIONS, lang)  # "secretaris van de ..."
        ):
            return rest[0].text, phrase  # "en 't kindje vraagt:"
        return None
    if not shared or not _verb_first(last, lang):
        return None
    for part in reversed(parts[:-1]):  # "..., vouwde de krant dubbel en zei geeuwend:"
        if part[0].low in _RELATIVES or _verb_first(part, lang):
            continue  # its first person-like phrase is an object: "zag zijn Rijn"
        found = _subject(text, part, lang, plausible)
        return (last[0].text, found[0]) if found is not None else None
    return None


@cache
def _openers(lang: str) -> frozenset[str]:
    return (
        lexicon(cues.CONJUNCTIONS, lang)
        | lexicon(cues.CLAUSE_OPENERS, lang)
        | lexicon(cues.SUBORDINATORS, lang)
    )


def _verb_first(part: list[Word], lang: str) -> bool:
    """Whether a clause opens with its verb, its subject left out ("en zei geeuwend")."""
    first = part[0].low
    return (
        part[0].text.isalpha()
        and not part[0].cap
        and first not in _openers(lang)
        and first not in _ANY_PRONOUNS
        and first not in _ANY_DETERMINERS
    )


def _clauses(ws: list[Word]) -> list[list[Word]]:
    parts: list[list[Word]] = [[]]
    for w in ws:
        if w.low in _BOUNDARIES:
            if parts[-1]:
                parts.append([])
        else:
            parts[-1].append(w)
    return [p for p in parts if p]


def _subject(
    text: str, part: list[Word], lang: str, plausible: Callable[[Phrase], bool]
) -> tuple[Phrase, int] | None:
    """The clause's subject and the index after it: the first person-like phrase among its
    first words, not after a preposition."""
    k = 0
    while k < len(part) and part[k].low in _openers(lang):
        k += 1
    prepositions = lexicon(cues.PREPOSITIONS, lang)
    for j in range(k, min(len(part), k + _SUBJECT_REACH)):
        if j > 0 and part[j - 1].low in prepositions:
            continue
        found = _person_at(text, part, j, lang, plausible)
        if found is not None:
            return found
    return None


def _person_at(
    text: str, ws: list[Word], j: int, lang: str, plausible: Callable[[Phrase], bool]
) -> tuple[Phrase, int] | None:
    word = ws[j]
    feature = lexicon_pronouns(lang).get(word.low)
    if feature is not None:
        if "2" in feature:
            return None  # "je staat": the narration's "you" says nothing
        return Phrase(word.start, word.end, "pron", (word.start, word.end)), j + 1
    nouns = person_lexicon(lang)
    if word.low in lexicon(NOUN_DETERMINERS, lang):
        for k in range(j + 1, min(len(ws), j + 2 + _MODIFIERS)):
            if ws[k].text.isalpha() and not ws[k].cap and is_person_noun(ws[k].low, nouns):
                return Phrase(word.start, ws[k].end, "role", (ws[k].start, ws[k].end)), k + 1
            if not (ws[k].text.isalpha() and not ws[k].cap):
                break
    elif (
        word.text.isalpha()
        and not word.cap
        and is_person_noun(word.low, nouns)
        and not (j > 0 and ws[j - 1].cap)  # "Acme's chief operating officer"
    ):
        return Phrase(word.start, word.end, "role", (word.start, word.end)), j + 1  # "moe"
    phrase = sp.phrase_forward(text, ws, j, lang)
    if phrase is None or phrase.kind != "name" or not plausible(phrase):
        return None  # a news role ("de krant") is no narration's subject
    said = text[phrase.head[0] : phrase.head[1]].lower()
    if said in lexicon(cues.FUNCTION_WORDS, lang) | lexicon(NOUN_DETERMINERS, lang):
        return None  # "Den volgenden ochtend"
    return phrase, next((n for n, w in enumerate(ws) if w.start >= phrase.end), len(ws))
