"""Document-level corrections of person names: a surname alone is the person named in
full elsewhere in the document ("Sessions" after "Jeff Sessions"), with its particles
("Van der Wal" after "Christianne van der Wal")."""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from storyline.model import Mention, Token


def person_surnames(
    tokens: Sequence[Token], found: list[Mention], relabel: bool = True, untagged: bool = True
) -> list[Mention]:
    """The last word of a longer person name in the same document is that person
    ("Jeff Sessions" ... "Sessions"): with ``relabel`` a one-word mention of it becomes
    PER, with ``untagged`` such a word the tagger left out becomes a PER mention."""
    surnames = {m.text.split()[-1] for m in found if m.label == "PER" and " " in m.text}
    if not surnames:
        return found
    out = [
        Mention(m.start, m.end, m.text, "PER")
        if relabel and m.text in surnames and m.label != "PER"
        else m
        for m in found
    ]
    if untagged:
        starts = [m.start for m in out]
        for tok in tokens:
            if tok.text in surnames and not covered(out, starts, tok):
                out.append(Mention(tok.start, tok.end, tok.text, "PER"))
        out.sort(key=lambda m: m.start)
    return out


# Particles of Dutch, Flemish and other European surnames ("van der Wal", "De Jonge").
_SURNAME_PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "der",
        "den",
        "ter",
        "ten",
        "te",
        "het",
        "'t",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "della",
        "dos",
    ]
)


def particle_surnames(text: str, tokens: Sequence[Token], found: list[Mention]) -> list[Mention]:
    """A surname with particles is one name: when the document names "Christianne van der
    Wal", a mention of "Wal" right after "Van der" ("Van der Wal reageerde", where the
    tagger sees a sentence start) takes the particles in and is a person."""
    tails = {tail for m in found if m.label == "PER" and (tail := _particle_tail(m.text))}
    if not tails:
        return found
    starts = [t.start for t in tokens]
    mention_starts = [m.start for m in found]
    out = []
    for m in found:
        i = bisect_left(starts, m.start)
        for tail in tails:
            before = tokens[max(0, i - len(tail) + 1) : i]
            spans = [(t.start, t.end) for t in before] + [(m.start, m.end)]
            if (
                m.text.lower() == tail[-1]
                and tuple(t.text.lower() for t in before) == tail[:-1]
                and all(b[0] - a[1] == 1 for a, b in itertools.pairwise(spans))
                and not any(covered(found, mention_starts, t) for t in before)
            ):
                m = Mention(before[0].start, m.end, text[before[0].start : m.end], "PER")
                break
        out.append(m)
    return out


def _particle_tail(name: str) -> tuple[str, ...] | None:
    """The surname with its particles of a full name, lower-cased: "Christianne van der
    Wal" -> ("van", "der", "wal"); None when the name has no particle before its last word."""
    words = name.lower().split()
    k = next((i for i in range(1, len(words) - 1) if words[i] in _SURNAME_PARTICLES), None)
    if k is None or not all(w in _SURNAME_PARTICLES for w in words[k:-1]):
        return None
    return tuple(words[k:])


def covered(found: Sequence[Mention], starts: Sequence[int], tok: Token) -> bool:
    """Whether ``tok`` lies inside one of ``found`` (sorted, ``starts`` their offsets)."""
    k = bisect_right(starts, tok.start) - 1
    return k >= 0 and found[k].end > tok.start
