"""Bare exchanges: quotes that each open a new line with nothing between them alternate
between two speakers (A B A B ...). Reading quote by quote, one wrong guess flips every
later turn; here the pair and the phase are chosen for the run as a whole, from the
evidence each quote carries on its own (who is addressed, who is named around it, a
cue that names the speaker). A run where no cue names anyone, nor narrows the speaker to
one gender ("zeide zij" with a woman among the candidates), has no fixed point for the
phase: it keeps the quote-by-quote choice (titles and verses in a row are no exchange)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from itertools import permutations
from typing import Protocol

from storyline.model import Mention

Candidate = tuple[str, dict[str, float], Mention]
_MIN_RUN = 2  # quotes; a lone quote stays with the quote-by-quote choice
_ANCHOR = 5.0  # the weight of a quote whose cue names its speaker
_ABSENT = -3.0  # a member who is no candidate for a quote at all
_PARTIES = 5  # members tried as the two parties


class _Scorer(Protocol):
    def logit(self, features: dict[str, float], local: bool = False) -> float: ...


def runs(bare: Callable[[int], bool], count: int) -> list[tuple[int, int]]:
    """Index ranges [first, last] of quotes joined by bare gaps, at least _MIN_RUN long."""
    out, i = [], 0
    while i < count:
        j = i
        while j + 1 < count and bare(j + 1):
            j += 1
        if j - i + 1 >= _MIN_RUN:
            out.append((i, j))
        i = j + 1
    return out


def decode(
    first: int,
    last: int,
    anchors: Sequence[str | None],
    cands: dict[int, list[Candidate]],
    model: _Scorer,
    narrowed: Collection[int] = (),
) -> dict[int, tuple[str, Mention]]:
    """The speaker of each ranked quote in the run under the best alternating pair; none
    when no quote of the run has a cued speaker or is ``narrowed`` (a pronoun cue that some
    candidate's gender fits)."""
    if not any(anchors[k] is not None or k in narrowed for k in range(first, last + 1)):
        return {}
    local = {
        k: {key: (model.logit(feats, local=True), mention) for key, feats, mention in cs}
        for k, cs in cands.items()
        if first <= k <= last
    }
    votes: Counter[str] = Counter()
    for k in range(first, last + 1):
        if anchors[k] is not None:
            votes[anchors[k] or ""] += 2
        ranked = sorted(local.get(k, {}).items(), key=lambda e: -e[1][0])
        votes.update(key for key, _ in ranked[:2])
    parties = [key for key, _ in votes.most_common(_PARTIES)]
    best, best_total = None, float("-inf")
    for a, b in permutations(parties, 2):
        total = 0.0
        for k in range(first, last + 1):
            who = a if (k - first) % 2 == 0 else b
            if anchors[k] is not None:
                total += _ANCHOR if anchors[k] == who else -_ANCHOR
            elif k in local:
                total += local[k][who][0] if who in local[k] else _ABSENT
        if total > best_total:
            best, best_total = (a, b), total
    if best is None:
        return {}
    out = {}
    for k, options in local.items():
        who = best[(k - first) % 2]
        if anchors[k] is None and who in options:
            out[k] = (who, options[who][1])
    return out
