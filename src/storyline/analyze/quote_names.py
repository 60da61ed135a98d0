"""Names and roles among a cue's words: where a capitalised name runs ("Frans van Houten"),
which words are role nouns and titles, and how a role and a name sit together ("Fed Chair
Jerome Powell", "Louisiana Gov. Bobby Jindal", "BP's incoming chief executive")."""

from __future__ import annotations

from storyline.analyze import quote_cues as cues
from storyline.analyze.quote_cues import lexicon
from storyline.analyze.quote_words import Word, lexicon_pronouns

PARTICLES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "von",
        "ten",
        "ter",
        "da",
        "di",
        "du",
        "le",
        "la",
        "bin",
        "al",
        "del",
        "'t",
    ]
)


def is_name_word(word: Word, lang: str, first: bool) -> bool:
    if not word.cap or not word.text[0].isalpha():
        return False
    if len(word.text) > 1 and word.text.isupper():
        return True  # an acronym is no function word: "het OM", not "om"
    # a name never opens with a function word or a speech verb ("de prinses Zegt:")
    if first and (
        word.low in lexicon(cues.FUNCTION_WORDS, lang)
        or word.low in lexicon(cues.SPEECH_VERBS, lang)
    ):
        return False
    return word.low not in lexicon_pronouns(lang)


def name_run(ws: list[Word], i: int, lang: str) -> int:
    """Index after a capitalised name starting at ``ws[i]`` (i when there is none)."""
    if i >= len(ws) or not is_name_word(ws[i], lang, first=True):
        return i
    j, particles = i + 1, False
    while j < len(ws) and ws[j].start - ws[j - 1].end <= 1:
        if ws[j].low in PARTICLES and not ws[j].cap and ws[j - 1].low not in PARTICLES:
            if particles or not (j + 1 < len(ws) and _surname_after(ws, j + 1)):
                break  # one particle group a name: "Frans van Houten van Philips"
            particles = True
            j += 1
        elif _nickname_words(ws, j, lang):
            j += 3  # William “Monty” Graham
        elif (
            is_name_word(ws[j], lang, first=False)
            or (ws[j].text == "." and len(ws[j - 1].text) == 1)
            or (ws[j].low in PARTICLES and ws[j - 1].low in PARTICLES)
        ):
            j += 1
        else:
            break
    return j


_OPENING = frozenset(cues.OPENERS) | frozenset(cues.STRAIGHT)
_CLOSING = frozenset(cues.CLOSERS) | frozenset(cues.STRAIGHT)


def _nickname_words(ws: list[Word], j: int, lang: str) -> bool:
    """Whether ``ws[j:j + 3]`` is a quoted nickname inside a name (William “Monty” Graham)."""
    return (
        j + 3 < len(ws)
        and ws[j].text in _OPENING
        and is_name_word(ws[j + 1], lang, first=False)
        and ws[j + 2].text in _CLOSING
        and is_name_word(ws[j + 3], lang, first=False)
    )


def nickname(text: str, open_pos: int, close: int) -> bool:
    """Whether the quotation marks at ``open_pos`` and before ``close`` hold a nickname
    inside a name: one or two capitalised words between two names ("William “Monty”
    Graham"), which nobody says."""
    inner = text[open_pos + 1 : close - 1].split()
    if not 0 < len(inner) <= 2 or not all(w[:1].isupper() and w.isalpha() for w in inner):
        return False
    if text[close : close + 1] != " " or not text[close + 1 : close + 2].isupper():
        return False
    if open_pos < 2 or text[open_pos - 1] != " ":
        return False
    start = open_pos - 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start < open_pos - 1 and text[start].isupper()


def joined_run(ws: list[Word], i: int, lang: str) -> int:
    """Index after name runs joined by "and" ("House Energy and Commerce Chairman", "Exxon
    Mobil Chairman and Chief Executive"): only good for finding a role inside them."""
    end = name_run(ws, i, lang)
    while end > i and end + 1 < len(ws) and ws[end].low in _JOINERS:
        nxt = name_run(ws, end + 1, lang)
        if nxt == end + 1:
            break
        end = nxt
    return end


_JOINERS = frozenset(["and", "&", "en"])


def _surname_after(ws: list[Word], k: int) -> bool:
    """Whether ``ws[k]`` (after a particle) can be a surname: one capitalised word, not
    written like an organisation ("van GroenLinks", "van de VVD", "van D66")."""
    word = ws[k].text
    if ws[k].low in PARTICLES:
        return k + 1 < len(ws) and _surname_after(ws, k + 1)
    inner_cap = any(c.isupper() for c in word[1:])
    # a second capitalised word makes it an organisation: "van de Universiteit Utrecht"
    more = k + 1 < len(ws) and ws[k + 1].cap and ws[k + 1].text[:1].isalpha()
    return word[:1].isupper() and word[:1].isalpha() and not inner_cap and not more


def role_inside(ws: list[Word], i: int, end: int, lang: str) -> int | None:
    """A capitalised role inside the name run ``ws[i:end]`` that a name follows: the run
    is an organisation, its role and a person ("Fed Chair Jerome Powell", "Apple CEO Tim
    Cook")."""
    for r in range(i + 1, end - 1):
        if is_role(ws[r], lang) and name_run(ws, r + 1, lang) > r + 1:
            while r + 1 < end and is_role(ws[r + 1], lang):
                r += 1  # "Chief Executive Rex Tillerson": the name after the last role
            return r if r + 1 < end else None  # "Chief Executive Officer, Tom Enders"
    return None


def title_then_name(ws: list[Word], i: int, end: int, lang: str) -> bool:
    """Whether the name run ``ws[i:end]`` ends in a place and an abbreviated title that a
    full stop and a name follow ("Louisiana Gov. Bobby Jindal")."""
    return (
        end - i >= 2
        and end + 1 < len(ws)
        and ws[end - 1].low in lexicon(cues.TITLES, lang)
        and ws[end].text == "."
        and name_run(ws, end + 1, lang) > end + 1
    )


def role_then_name(ws: list[Word], k: int, lang: str) -> bool:
    """Whether lower-case role nouns and a name follow at ``ws[k]`` ("spokesman Dmitry
    Peskov", "chief executive Tony Hayward")."""
    end = k
    while end < len(ws) and not ws[end].cap and is_role(ws[end], lang):
        end += 1
    return end > k and name_run(ws, end, lang) > end


def modified_role(ws: list[Word], j: int, lang: str) -> int:
    """The role noun after up to two lower-case modifiers English does not mark as
    adjectives ("a senior administration official"), else ``j``."""
    for k in range(j, min(j + 3, len(ws))):
        if is_role(ws[k], lang) and not ws[k].cap:
            return k if all(lower_word(ws, n, lang) for n in range(j, k)) else j
    return j


def surname_end(ws: list[Word], i: int, lang: str) -> int | None:
    """Index after a surname that opens with a capitalised "De" or "Van" inside a sentence
    ("zegt De Vries", "aldus Van der Plas"), else None."""
    if i == 0 or lang != "nl" or ws[i].low not in PARTICLES or not ws[i].cap:
        return None
    if not ws[i - 1].text[:1].isalpha():
        return None
    k = i + 1
    while k < len(ws) and ws[k].low in PARTICLES and not ws[k].cap:
        k += 1
    end = name_run(ws, k, lang)
    return end if end > k else None


def past_modifiers(ws: list[Word], k: int, lang: str) -> int:
    """The index past the title modifiers from ``ws[k]`` on ("incoming", "voormalige"),
    never past the last word."""
    while k + 1 < len(ws) and ws[k].low in lexicon(cues.TITLE_MODIFIERS, lang):
        k += 1
    return k


def is_role(word: Word, lang: str) -> bool:
    low = word.low
    roles = lexicon(cues.ROLE_NOUNS, lang)
    return low in roles or any(low.endswith(r) and len(r) > 5 for r in roles)


def lower_word(ws: list[Word], k: int, lang: str) -> bool:
    """A lower-case word that can end a noun phrase: no function word, preposition or
    speech verb ("een woordvoerder van het ministerie tegenover de NOS")."""
    if k >= len(ws) or ws[k].cap or not ws[k].text.isalpha():
        return False
    low = ws[k].low
    closed = cues.closed_words(lang)
    return low not in closed and low not in lexicon(cues.SPEECH_VERBS, lang)
