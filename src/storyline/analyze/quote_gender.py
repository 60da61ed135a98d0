"""Each cast member's gender, by votes: a title before a mention ("mevrouw", "mijnheer"), a
gendered role noun ("de hospita", "de koetsier"), and the first third-person pronoun after a
mention before anyone else is named ("Anna zette haar tas neer")."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from storyline.analyze import quote_cues as cues

if TYPE_CHECKING:  # quote_cast imports this module
    from storyline.analyze.quote_cast import Cast, Member

FEMALE_TITLES = frozenset(
    ["mevrouw", "mevr", "juffrouw", "mejuffrouw", "freule", "miss", "mrs", "ms", "lady"]
)
MALE_TITLES = frozenset(["heer", "mijnheer", "meneer", "m'nheer", "mr", "sir", "lord"])
_MALE_PRON = frozenset(["hij", "hem", "zijn", "z'n", "-ie", "ie", "zijne", "he", "him", "his"])
_FEMALE_PRON = frozenset(["zij", "ze", "haar", "hare", "she", "her"])
_FOLLOW = 20  # tokens after a mention where its pronoun is looked for


class _Token(Protocol):
    start: int

    @property
    def low(self) -> str: ...


def vote_genders(cast: Cast, toks: Sequence[_Token]) -> None:
    """Set ``gender`` on every member with a clear majority of votes (two to one)."""
    starts = [t.start for t in toks]
    sighted = {s.start for s in cast.sightings}
    for s in cast.sightings:
        member = cast.members[s.key]
        if member.narrator or s.quoted:
            continue
        index = bisect.bisect_left(starts, s.start)
        before = toks[index - 1].low.strip(".") if index > 0 else ""
        if before in FEMALE_TITLES:
            member.votes["f"] += 3
            member.titled = True
        elif before in MALE_TITLES:
            member.votes["m"] += 3
            member.titled = True
        head = s.key.split()[-1]
        if head in cues.MALE_NOUNS or head.endswith("meester"):  # not a woman's "-ster"
            member.votes["m"] += 3
        elif head in cues.FEMALE_NOUNS or head.endswith(("ster", "trice", "vrouw")):
            member.votes["f"] += 3
        elif head.endswith("man"):
            member.votes["m"] += 3
        _follow(cast, toks, index + 1, sighted, member)
    for member in cast.members.values():
        m, f = member.votes["m"], member.votes["f"]
        if m >= 2 * f and m >= 2:
            member.gender = "m"
        elif f >= 2 * m and f >= 2:
            member.gender = "f"


def _follow(
    cast: Cast, toks: Sequence[_Token], index: int, sighted: set[int], member: Member
) -> None:
    """The first third-person pronoun after a sighting, before anyone else is named."""
    for t in toks[index : index + _FOLLOW]:
        if t.start in sighted or cast.quoted(t.start):
            return
        if t.low in _MALE_PRON:
            member.votes["m"] += 1
            return
        if t.low in _FEMALE_PRON:
            member.votes["f"] += 1
            return
