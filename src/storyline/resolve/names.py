"""Names as written -> the name itself: titles, roles, possessives and particles handled.

``parse_name("de Russische ambassadeur Sergej Kislyak", "PER")`` gives the name
"Sergej Kislyak" with surname "Kislyak" and role "ambassadeur"; ``"Sessions'"`` gives
"Sessions"; ``"Van der Bellen"`` keeps its particles as one surname.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.resolve.aliases import adjective_group, alias_group
from storyline.resolve.lexicon import (
    CONNECTORS,
    DETERMINERS,
    ORG_SUFFIXES,
    PARTICLES,
    ROLE_HEADS,
    TITLES,
)
from storyline.resolve.translit import fold, variant_key

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_APOS_S = re.compile(r"(?:'s|s')$")
_CAPITAL = re.compile(r"^[A-ZÀ-ÞĀ-Ž0-9]")


@dataclass
class NameForm:
    """A mention's name: its core words, keys for matching, and any role it came with."""

    text: str
    words: list[str]
    label: str
    key: str
    surname: str | None = None
    first: str | None = None
    acronym: str | None = None
    extra_keys: list[str] = field(default_factory=list)
    group: int | None = None
    role: str | None = None
    genitive_base: str | None = None
    derived: bool = False
    bare_surname: str | None = None

    @property
    def single(self) -> bool:
        return len(self.words) == 1 or (self.surname is not None and self.key == self.surname)


def is_capitalised(word: str) -> bool:
    return bool(_CAPITAL.match(word))


@lru_cache(maxsize=100_000)
def is_role(word: str) -> bool:
    """True for a role noun or a compound ending in one ("veiligheidsadviseur")."""
    low = word.casefold().strip(".,")
    if low in ROLE_HEADS:
        return True
    tail = low.rsplit("-", 1)[-1]
    return tail in ROLE_HEADS or any(
        low.endswith(head) and len(low) - len(head) >= 3 for head in ROLE_HEADS if len(head) >= 5
    )


def _strip_possessive(text: str, label: str) -> str:
    # "McDonald's" is a name, "Trump's" a genitive: only people and places lose the 's.
    if label in ("PER", "LOC") and _APOS_S.search(text):
        return text[:-2] if text.endswith("'s") else text[:-1]
    return text.rstrip("'")


def _split_parenthesis(text: str) -> tuple[str, list[str]]:
    inner = re.findall(r"\(\s*([^()]+?)\s*\)", text)
    outer = re.sub(r"\([^()]*\)?", " ", text)
    return outer, [item for item in inner if item]


def _strip_leading(words: list[str], label: str) -> tuple[list[str], str | None]:
    """Drop determiners, adjectives, titles and roles before the name; return the role."""
    role: str | None = None
    i = 0
    while i < len(words) - 1:
        word = words[i]
        low = word.casefold().rstrip(".")
        if low in DETERMINERS and (not is_capitalised(word) or _strip_capital_det(words, i)):
            i += 1
        elif is_role(word) or (low in TITLES and label in ("PER", "MISC")):
            role = low if is_role(word) else role
            i += 1
            if i < len(words) - 1 and words[i] in ("van", "of", "voor", "for"):
                i += 2 if i + 2 < len(words) else 1  # "minister van Justitie Jeff Sessions"
        elif not is_capitalised(word) or (
            adjective_group(word) is not None and (i > 0 or not is_capitalised(words[i + 1]))
        ):
            i += 1  # "de Russische ambassadeur", but "European Aeronautic Defence" stays
        elif "-" in word and not is_capitalised(word.rsplit("-", 1)[-1]):
            i += 1  # "Airbus-eigenaar EADS"
        else:
            break
    words = words[i:]
    if label == "PER":
        inner = [j for j, w in enumerate(words[:-1]) if is_role(w)]
        if inner and all(is_capitalised(w) or w in PARTICLES for w in words[inner[-1] + 1 :]):
            role = words[inner[-1]].casefold()  # "Apple CEO Steve Jobs"
            words = words[inner[-1] + 1 :]
    return words, role


def _strip_capital_det(words: list[str], i: int) -> bool:
    """A capitalised "De"/"The" starts a sentence unless it is a surname particle."""
    rest = words[i + 1 :]
    return len(rest) >= 2 or (len(rest) == 1 and (rest[0].isupper() or words[i] != "De"))


def _cut_tail(words: list[str], label: str) -> list[str]:
    out: list[str] = []
    for pos, word in enumerate(words):
        if label == "PER" and pos >= 2 and word in ("van", "of", "bij", "at", "from", "uit"):
            break  # "Paul Nesbit van JSA Research"
        if pos >= 2 and word in ("in", "at", "bij", "near", "nabij"):
            break  # "Changi International Airport in Singapore"
        if label == "PER" and pos >= 1 and not _capitalish(word) and word not in PARTICLES:
            break
        out.append(word)
    while label == "ORG" and len(out) > 1 and fold(out[-1]) in ORG_SUFFIXES:
        out.pop()
    return out or words


def _compound_head(word: str, label: str) -> str:
    """ "RAF-contract" -> "RAF": a capitalised compound head with a lower-case tail."""
    if label in ("PER", "ORG", "LOC") and "-" in word:
        head, tail = word.split("-", 1)
        if head and is_capitalised(head) and tail and not is_capitalised(tail):
            return head
    return word


def _capitalish(word: str) -> bool:
    """Capitalised, or a hyphenated name with a capitalised part: "al-Assad"."""
    return is_capitalised(word) or any(is_capitalised(p) for p in word.split("-")[1:])


def _is_name_word(word: str) -> bool:
    low = word.casefold()
    return _capitalish(word) and low not in DETERMINERS and not is_role(word)  # 's-Hertogenbosch


def surname_of(words: list[str]) -> list[str]:
    """The surname with its particles: "Alexander Van der Bellen" -> "Van der Bellen"."""
    if len(words) <= 1:
        return words
    start = len(words) - 1
    while start > 0 and words[start - 1].casefold() in PARTICLES:
        start -= 1
    return words[start:]


def acronym_of(words: list[str]) -> str | None:
    caps = [w for w in words if is_capitalised(w) and w.casefold() not in PARTICLES]
    if len(caps) < 2:
        return None
    return "".join(w[0] for w in caps).casefold()


def parse_name(text: str, label: str) -> NameForm | None:
    """The name a mention carries, or None when it holds no name ("het bedrijf")."""
    form = _parse_cached(text, label)
    return copy.copy(form) if form is not None else None


@lru_cache(maxsize=200_000)
def _parse_cached(text: str, label: str) -> NameForm | None:
    clean = " ".join(text.translate(_QUOTES).split())
    clean, inner = _split_parenthesis(clean)
    for part in re.split(r"\s*,\s*", clean):  # "Irish low cost airline, Ryanair"
        form = _parse_part(part, label, inner)
        if form is not None:
            return form
    return None


def _parse_part(part: str, label: str, inner: list[str]) -> NameForm | None:
    words = [w for w in part.replace(" - ", "-").replace(" ' s ", "'s ").split() if w != '"']
    start = 1 if len(words) > 1 and words[0].casefold() in DETERMINERS else 0
    if alias_group(" ".join(words[start:])) is not None:
        return _name_form(words[start:], label, None, inner)  # "People's Republic of China"
    words = _after_possessor(words)
    if not words:
        return None
    words, role = _strip_leading(words, label)
    words = _after_modifier(words)
    words = _cut_tail(words, label)
    words[-1] = _compound_head(words[-1], label)
    words[-1] = _strip_possessive(words[-1], label)
    if not any(_is_name_word(w) for w in words) or not fold(" ".join(words)):
        return None
    return _name_form(words, label, role, inner)


def _after_possessor(words: list[str]) -> list[str]:
    """ "Boeing 's Launch Systems" -> "Launch Systems"; "China Eastern 's board" -> "China
    Eastern"."""
    for pos, word in enumerate(words[:-1]):
        if pos and (word in ("'s", "'") or (word.endswith("'s") and len(word) > 2)):
            after = words[pos + 1 :]
            if any(_is_name_word(w) for w in after):
                return after
            return words[:pos] if word in ("'s", "'") else [*words[:pos], word[:-2]]
    return [w for w in words if w != "'"]


def _after_modifier(words: list[str]) -> list[str]:
    """ "Airbus chief executive Noel Forgeard" -> "Noel Forgeard": the name after the last
    common noun."""
    cut = None
    for pos, word in enumerate(words[:-1]):
        if not _capitalish(word) and word.casefold() not in CONNECTORS:
            cut = pos
    if cut is None or not any(_is_name_word(w) for w in words[cut + 1 :]):
        return words
    return words[cut + 1 :]


def _name_form(words: list[str], label: str, role: str | None, inner: list[str]) -> NameForm:
    name = " ".join(words)
    form = NameForm(text=name, words=words, label=label, key=variant_key(name), role=role)
    form.group = alias_group(name)
    if form.group is None and label == "LOC" and len(words) == 1:
        form.group = adjective_group(name)  # "Engelse" annotated as a place
    if label == "PER":
        surname = surname_of(words)
        form.surname = variant_key(" ".join(surname))
        if len(surname) < len(words):
            form.first = variant_key(words[0])
        elif len(words) > 1:
            form.surname = form.key  # "Van der Bellen", "De Wever": all surname
        bare = re.sub(r"^(?:al|el)-", "", words[-1], flags=re.IGNORECASE)
        if bare != words[-1] and not form.single:
            form.bare_surname = variant_key(bare)  # "Bashar al-Assad" is also "Assad"
        elif bare != words[-1]:
            form.key = form.surname = variant_key(bare)
    if label in ("ORG", "MISC", "LOC") and len(words) > 1:
        form.acronym = acronym_of(words)
    form.extra_keys = [variant_key(item) for item in inner if fold(item)]
    last = words[-1]
    if len(words) <= 2 and last.endswith("s") and len(last) > 3 and "'" not in last:
        form.genitive_base = variant_key(" ".join([*words[:-1], last[:-1]]))
    return form
