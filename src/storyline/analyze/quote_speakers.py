"""Speaker phrases next to speech cues: names, pronouns and roles (what a pronoun refers
to is ``quote_resolver``'s)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyline.analyze import quote_cues as cues
from storyline.analyze.quote_cues import lexicon
from storyline.analyze.quote_names import (
    PARTICLES,
    is_name_word,
    is_role,
    joined_run,
    lower_word,
    modified_role,
    name_run,
    past_modifiers,
    role_inside,
    role_then_name,
    surname_end,
    title_then_name,
)
from storyline.analyze.quote_words import (
    Word,
    lexicon_pronouns,
    object_pronouns,
    possessives,
)
from storyline.model import Mention

_AGED = re.compile(r"\d+-(?:year-old|jarige)")
_ADJ_END = ("e", "en", "sche", "ste")
_FEMALE_END = ("ster", "trice", "vrouw", "es", "woman")
_FEMALE = cues.FEMALE_NOUNS
_MALE = cues.MALE_NOUNS
_CAP_ADJ_END = ("se", "sche", "ische", "aanse", "ese", "ean", "ian", "ish")
# prepositions that attach an organisation to a role: "een woordvoerster van de Russische
# ambassade", "a spokesman for the embassy"
ATTACHING = frozenset(["van", "bij", "of", "for", "at"])
_MAX_ATTACHED = 2  # "van het ministerie van Buitenlandse Zaken"


@dataclass
class Phrase:
    """A speaker phrase: ``kind`` is name, pron or role; ``head`` is the name or role span."""

    start: int
    end: int
    kind: str
    head: tuple[int, int]
    owner: tuple[int, int] | None = None
    possessive: str | None = None
    notes: list[str] = field(default_factory=list)


def _after_portfolio(ws: list[Word], start: int, end: int) -> int:
    """Where the person's name starts in a run after "minister van": after the last word of
    the portfolio ("Buitenlandse Zaken Hanke Bruins Slot"), else the run's last two words."""
    portfolio = lexicon(cues.PORTFOLIOS, "nl")
    last = max((k for k in range(start, end - 1) if ws[k].low in portfolio), default=None)
    return last + 1 if last is not None else end - 2


def _cap_adjective(word: Word, nxt: Word | None) -> bool:
    return bool(word.cap and nxt is not None and not nxt.cap and word.low.endswith(_CAP_ADJ_END))


def phrase_forward(
    text: str, ws: list[Word], i: int, lang: str, loose: bool = False
) -> Phrase | None:
    """The speaker phrase starting at ``ws[i]``; ``loose`` accepts any noun after a determiner."""
    if i >= len(ws):
        return None
    first = ws[i]
    pron = lexicon_pronouns(lang)
    if first.low in pron:
        return Phrase(first.start, first.end, "pron", (first.start, first.end))
    j, owner, possessive = i, None, None
    if (end := surname_end(ws, i, lang)) is not None:  # "zegt De Vries", "Van der Plas"
        return Phrase(first.start, ws[end - 1].end, "name", (first.start, ws[end - 1].end))
    if first.low in lexicon(cues.DETERMINERS, lang) or first.low in possessives(lang):
        possessive = first.low if first.low in possessives(lang) else None
        j += 1
    elif first.cap and j + 1 < len(ws):
        end = name_run(ws, j, lang)
        if end > j and end < len(ws) and ws[end].text in ("'", "’") and end + 1 < len(ws):
            owner, j = (ws[j].start, ws[end - 1].end), end + 1
        elif (
            end == j + 1
            and first.low.endswith("s")
            and is_role(ws[modified := past_modifiers(ws, end, lang)], lang)
        ):
            owner, j = (first.start, first.end - 1), modified
        elif (role := role_inside(ws, j, joined_run(ws, j, lang), lang)) is not None:
            owner, j = (first.start, ws[role - 1].end), role  # "Fed Chair Jerome Powell"
        elif title_then_name(ws, j, end, lang):
            owner, j = (first.start, ws[end - 2].end), end - 1  # "Louisiana Gov. Bobby Jindal"
        elif role_then_name(ws, end, lang):
            owner, j = (first.start, ws[end - 1].end), end  # "Kremlin spokesman Dmitry Peskov"
    elif (role := modified_role(ws, i, lang)) > i and role_then_name(ws, role, lang):
        j = role  # "said lead study author William Graham"
    if possessive is None and j > i:
        j = modified_role(ws, j, lang)  # "a senior administration official"
    adjectives = 0
    while j + 1 < len(ws) and adjectives < 3 and ws[j + 1].text[:1].isalpha():
        nxt = ws[j + 1]
        plain = not is_role(ws[j], lang) and not (
            ws[j].low in lexicon(cues.DETERMINERS, lang)
            or ws[j].low in lexicon(cues.FUNCTION_WORDS, lang)
        )
        if (
            (plain and not ws[j].cap and ws[j].low.endswith(_ADJ_END))
            or _cap_adjective(ws[j], nxt)
            or ws[j].low in lexicon(cues.TITLE_MODIFIERS, lang)  # "former Coast Guard chief"
        ):
            j, adjectives = j + 1, adjectives + 1
        else:
            break
    if j >= len(ws):
        return None
    if j > i and _AGED.fullmatch(ws[j].low):
        if not (j + 1 < len(ws) and lower_word(ws, j + 1, lang)):  # "the 46-year-old said"
            return Phrase(
                ws[i].start, ws[j].end, "role", (ws[i].start, ws[j].end), owner, possessive
            )
        j += 1  # "de 34-jarige melkveehouder": an adjective
    if j > i and (end := surname_end(ws, j, lang)) is not None:  # "de jonge De Vries"
        head = (ws[j].start, ws[end - 1].end)
        return Phrase(ws[i].start, head[1], "name", head, owner, possessive)
    if is_role(ws[j], lang) or ws[j].low in lexicon(cues.TITLES, lang):
        while j + 1 < len(ws):
            if is_role(ws[j + 1], lang) and not ws[j + 1].cap:
                j += 1  # "chief executive Mark Zuckerberg"
            elif (modified := modified_role(ws, j + 1, lang)) > j + 1:
                j = modified  # "chief study author William Graham"
            else:
                break
        after = j + 2 if j + 2 < len(ws) and ws[j + 1].text == "." else j + 1  # "Mr. Baker"
        name_end = name_run(ws, after, lang)
        if name_end > after:
            head = (ws[after].start, ws[name_end - 1].end)
            return Phrase(ws[i].start, head[1], "name", head, owner, possessive)
        if j + 2 < len(ws) and ws[j + 1].low in ("van", "of", "voor"):
            run_end = name_run(ws, j + 2, lang)
            if run_end - (j + 2) >= 3:  # "minister van Justitie Jeff Sessions"
                name_at = _after_portfolio(ws, j + 2, run_end)
                head = (ws[name_at].start, ws[run_end - 1].end)
                return Phrase(ws[i].start, head[1], "name", head, owner, possessive)
        last = ws[attached_end(ws, j, lang)].end
        return Phrase(ws[i].start, last, "role", (ws[i].start, ws[j].end), owner, possessive)
    end = name_run(ws, j, lang)
    role = modified_role(ws, end, lang) if end < len(ws) else end  # "... City health secretary"
    if end > j and role < len(ws) and not ws[role].cap and is_role(ws[role], lang):
        owner = (ws[j].start, ws[end - 1].end)  # "the White House spokesman"
        while role + 1 < len(ws) and is_role(ws[role + 1], lang) and not ws[role + 1].cap:
            role += 1  # "a Metropolitan police spokesman"
        name_end = name_run(ws, role + 1, lang)
        if name_end > role + 1:  # "Coast Guard chief Adm Allen"
            head = (ws[role + 1].start, ws[name_end - 1].end)
            return Phrase(ws[i].start, head[1], "name", head, owner, possessive)
        last = ws[attached_end(ws, role, lang)].end
        return Phrase(ws[i].start, last, "role", (ws[i].start, ws[role].end), owner, possessive)
    if end > j:
        head = (ws[j].start, ws[end - 1].end)
        return Phrase(ws[i].start, head[1], "name", head, owner, possessive)
    closed = cues.closed_words(lang)
    if loose and ws[j].text.isalpha() and not ws[j].cap and ws[j].low not in closed:
        name_end = name_run(ws, j + 1, lang)  # not "schreef op Twitter"
        if name_end > j + 1:  # "de 34-jarige melkveehouder Jan de Vries", "politicoloog X"
            head = (ws[j + 1].start, ws[name_end - 1].end)
            return Phrase(ws[i].start, head[1], "name", head, owner, possessive)
    if (
        loose
        and j > i
        and ws[j].text.isalpha()
        and not ws[j].cap
        and ws[j].low not in lexicon(cues.FUNCTION_WORDS, lang)  # "zegt het zo:"
    ):
        last = ws[attached_end(ws, j, lang)].end
        return Phrase(ws[i].start, last, "role", (ws[i].start, ws[j].end), owner, possessive)
    return None


def phrase_backward(text: str, ws: list[Word], k: int, lang: str) -> Phrase | None:
    """The speaker phrase that ends at ``ws[k - 1]`` (the word before a cue verb)."""
    j = k - 1
    if j >= 0 and ws[j].text == ")":
        while j >= 0 and ws[j].text != "(":
            j -= 1
        j -= 1
    while j >= 0 and ws[j].low in lexicon(cues.CUE_ADVERBS, lang) and j > k - 3:
        j -= 1
    if j < 0:
        return None
    if ws[j].low in lexicon_pronouns(lang):
        return Phrase(ws[j].start, ws[j].end, "pron", (ws[j].start, ws[j].end))
    start = j
    while start >= 0 and (
        is_name_word(ws[start], lang, False)
        or (ws[start].low in PARTICLES and start < j and ws[start + 1].cap)
        or (ws[start].text == "." and start > 0 and len(ws[start - 1].text) == 1)  # "H."
    ):
        start -= 1
    start += 1
    while start <= j and not is_name_word(ws[start], lang, True):
        start += 1
    if start <= j:
        begin = start
        if begin > 0 and (
            is_role(ws[begin - 1], lang) or ws[begin - 1].low in lexicon(cues.TITLES, lang)
        ):
            begin -= 1
        found = phrase_forward(text, ws, _np_start(ws, begin, lang), lang)
        if found and found.head[1] == ws[j].end:
            return found
        return Phrase(ws[start].start, ws[j].end, "name", (ws[start].start, ws[j].end))
    if is_role(ws[j], lang):
        return phrase_forward(text, ws, _np_start(ws, j, lang), lang)
    return None


def antecedent(text: str, ws: list[Word], k: int, lang: str) -> Phrase | None:
    """The noun phrase that ends at ``ws[k - 1]``, before a relative pronoun ("a cardboard
    sign that said:", "de man die zei")."""
    found = phrase_backward(text, ws, k, lang)
    if found is not None or k < 2:
        return found
    for start in range(k - 2, max(-1, k - 5), -1):
        if ws[start].low in lexicon(cues.DETERMINERS, lang):
            span = (ws[start].start, ws[k - 1].end)
            return Phrase(span[0], span[1], "role", span)
        if not lower_word(ws, start, lang):
            break
    return None


def _np_start(ws: list[Word], j: int, lang: str) -> int:
    """Walk back from a head over adjectives, a determiner, a possessive or a genitive."""
    i = j
    while i - 1 >= 0 and i > j - 4:
        prev = ws[i - 1]
        if prev.low in lexicon(cues.DETERMINERS, lang) or prev.low in possessives(lang):
            return i - 1
        if prev.text in ("'", "’") and i - 2 >= 0 and ws[i - 2].cap:
            return i - 2
        if prev.cap and lang == "en":
            i -= 1  # an organisation before the role: "the White House spokesman"
        elif (not prev.cap and prev.low.endswith(_ADJ_END)) or _cap_adjective(prev, ws[i]):
            i -= 1
        elif prev.cap and prev.low.endswith("s") and i == j:
            return i - 1
        else:
            break
    return i


def identity(mention: Mention) -> str:
    """A key under which mentions of one person meet: the last word, lower-cased."""
    parts = mention.text.lower().split()
    return parts[-1] if parts else ""


def attached_end(ws: list[Word], j: int, lang: str) -> int:
    """Index of the last word of the phrases attached to the role noun ``ws[j]`` (``j``
    itself when there are none): the organisation is half of who spoke, the role noun stays
    the phrase's head."""
    end, k = j, j + 1
    for _ in range(_MAX_ATTACHED):
        if k + 1 >= len(ws) or ws[k].low not in ATTACHING or ws[k].start - ws[k - 1].end > 1:
            break
        k += 1
        if ws[k].low in lexicon(cues.DETERMINERS, lang) or ws[k].low in possessives(lang):
            k += 1
        last = _noun_phrase_end(ws, k, lang)
        if last is None:
            break
        end, k = last, last + 1
    return end


def role_words(tokens: list[str]) -> list[str]:
    """The words of a speaker phrase up to its attached phrases: its head is the last."""
    cut = next((n for n, w in enumerate(tokens) if n > 0 and w.lower() in ATTACHING), len(tokens))
    return tokens[:cut]


def _noun_phrase_end(ws: list[Word], k: int, lang: str) -> int | None:
    """The last word of a name ("Trump", "Buitenlandse Zaken") or of adjectives and a
    noun ("de Russische ambassade") starting at ``ws[k]``."""
    start = k
    while k < len(ws) and ws[k].cap and ws[k].text[:1].isalpha():
        k += 1
    if k > start and not (ws[k - 1].low.endswith(_CAP_ADJ_END) and lower_word(ws, k, lang)):
        return k - 1
    if k < len(ws) - 1 and ws[k].low.endswith(_ADJ_END) and lower_word(ws, k + 1, lang):
        k += 1  # "de nieuwe regering"; "de ambassade zei" has no adjective
    return k if lower_word(ws, k, lang) else None


def according_phrase(text: str, ws: list[Word], i: int, lang: str) -> Phrase | None:
    """The source after "volgens"/"according to": a name, a role, or an object pronoun."""
    if i < len(ws) and ws[i].low in object_pronouns(lang):
        return Phrase(ws[i].start, ws[i].end, "pron", (ws[i].start, ws[i].end))
    return phrase_forward(text, ws, i, lang, loose=True)
