"""Coreference scores: MUC, B-cubed, CEAF-e and their mean (the CoNLL F1).

Standard definitions (Vilain et al. 1995; Bagga and Baldwin 1998; Luo 2005), as in the
CoNLL-2012 reference scorer: clusters are sets of mention ids; key and response may hold
different mentions (a response mention absent from the key counts against precision).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Cluster = frozenset[Hashable]


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def clusters_of(assignment: Mapping[Hashable, Hashable]) -> list[Cluster]:
    """Group mention ids by their cluster label."""
    groups: dict[Hashable, set[Hashable]] = {}
    for mention, label in assignment.items():
        groups.setdefault(label, set()).add(mention)
    return [frozenset(group) for group in groups.values()]


def _muc_side(key: list[Cluster], response: list[Cluster]) -> float:
    owner = {m: i for i, cluster in enumerate(response) for m in cluster}
    numerator = denominator = 0
    for cluster in key:
        parts = {owner.get(m, ("alone", m)) for m in cluster}
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return numerator / denominator if denominator else 0.0


def muc(key: list[Cluster], response: list[Cluster]) -> PRF:
    return PRF(_muc_side(response, key), _muc_side(key, response))


def _b3_side(key: list[Cluster], response: list[Cluster]) -> float:
    owner = {m: i for i, cluster in enumerate(response) for m in cluster}
    total = sum(len(c) for c in key)
    score = 0.0
    for cluster in key:
        overlaps: dict[int, int] = {}
        for m in cluster:
            if m in owner:
                overlaps[owner[m]] = overlaps.get(owner[m], 0) + 1
        score += sum(n * n for n in overlaps.values()) / len(cluster)
    return score / total if total else 0.0


def b_cubed(key: list[Cluster], response: list[Cluster]) -> PRF:
    return PRF(_b3_side(response, key), _b3_side(key, response))


def ceaf_e(key: list[Cluster], response: list[Cluster]) -> PRF:
    """Entity-based CEAF with phi4 similarity and an optimal one-to-one alignment."""
    if not key or not response:
        return PRF(0.0, 0.0)
    owner = {m: j for j, cluster in enumerate(response) for m in cluster}
    similarity = np.zeros((len(key), len(response)))
    for i, cluster in enumerate(key):
        for m in cluster:
            j = owner.get(m)
            if j is not None:
                similarity[i, j] += 1
    sizes_k = np.array([len(c) for c in key], dtype=float)[:, None]
    sizes_r = np.array([len(c) for c in response], dtype=float)[None, :]
    phi = 2 * similarity / (sizes_k + sizes_r)
    rows, cols = linear_sum_assignment(phi, maximize=True)
    best = float(phi[rows, cols].sum())
    return PRF(best / len(response), best / len(key))


@dataclass(frozen=True)
class CorefScores:
    muc: PRF
    b3: PRF
    ceaf_e: PRF

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b3.f1 + self.ceaf_e.f1) / 3

    def as_dict(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name in ("muc", "b3", "ceaf_e"):
            prf: PRF = getattr(self, name)
            out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = (
                prf.precision,
                prf.recall,
                prf.f1,
            )
        out["conll_f1"] = self.conll_f1
        return {k: round(v, 4) for k, v in out.items()}


def score(key: Iterable[Cluster], response: Iterable[Cluster]) -> CorefScores:
    k, r = list(key), list(response)
    return CorefScores(muc(k, r), b_cubed(k, r), ceaf_e(k, r))
