"""What belongs to a speaker's role noun: "een woordvoerster van de Russische ambassade",
"a spokesman for the embassy", "een woordvoerder van het ministerie van Buitenlandse Zaken".

News names an unnamed speaker by role and organisation; the organisation is half of who
spoke, so the speaker phrase runs on over one or two such prepositional phrases (a name, or
adjectives and a noun), while the role noun stays the phrase's head."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.analyze import quote_cues as cues
from storyline.analyze.quote_cues import lexicon

if TYPE_CHECKING:  # quote_speakers imports this module
    from storyline.analyze.quote_speakers import Word

ATTACHING = frozenset(["van", "bij", "of", "for", "at"])
_ADJ_END = ("e", "en", "sche", "ste")
_CAP_ADJ_END = ("se", "sche", "ische", "aanse", "ese", "ean", "ian", "ish")
_MAX_PHRASES = 2


def attached_end(ws: list[Word], j: int, lang: str) -> int:
    """Index of the last word of the phrases attached to the role noun ``ws[j]`` (``j``
    itself when there are none)."""
    end, k = j, j + 1
    for _ in range(_MAX_PHRASES):
        if k + 1 >= len(ws) or ws[k].low not in ATTACHING or ws[k].start - ws[k - 1].end > 1:
            break
        k += 1
        if ws[k].low in lexicon(cues.DETERMINERS, lang) or ws[k].low in _possessives(lang):
            k += 1
        last = _noun_phrase_end(ws, k, lang)
        if last is None:
            break
        end, k = last, last + 1
    return end


def role_words(words: list[str]) -> list[str]:
    """The words of a speaker phrase up to its attached phrases: its head is the last."""
    cut = next((n for n, w in enumerate(words) if n > 0 and w.lower() in ATTACHING), len(words))
    return words[:cut]


def _noun_phrase_end(ws: list[Word], k: int, lang: str) -> int | None:
    """The last word of a name ("Trump", "Buitenlandse Zaken") or of adjectives and a
    noun ("de Russische ambassade") starting at ``ws[k]``."""
    start = k
    while k < len(ws) and ws[k].cap and ws[k].text[:1].isalpha():
        k += 1
    if k > start and not (ws[k - 1].low.endswith(_CAP_ADJ_END) and _lower_word(ws, k, lang)):
        return k - 1
    if k < len(ws) - 1 and ws[k].low.endswith(_ADJ_END) and _lower_word(ws, k + 1, lang):
        k += 1  # "de nieuwe regering"; "de ambassade zei" has no adjective
    return k if _lower_word(ws, k, lang) else None


def _lower_word(ws: list[Word], k: int, lang: str) -> bool:
    """A lower-case word that can end a noun phrase: no function word, no speech verb."""
    if k >= len(ws) or ws[k].cap or not ws[k].text.isalpha():
        return False
    low = ws[k].low
    verbs = lexicon(cues.SPEECH_VERBS, lang)
    return low not in lexicon(cues.FUNCTION_WORDS, lang) and low not in verbs


def _possessives(lang: str) -> dict[str, str]:
    return cues.POSSESSIVES.get(lang) or {**cues.POSSESSIVES["nl"], **cues.POSSESSIVES["en"]}
