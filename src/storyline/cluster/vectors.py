"""Sparse vectors as plain dicts, and cluster centroids with a bounded number of keys."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

Vector = dict[str, float]


def norm(vec: Mapping[str, float]) -> float:
    return math.sqrt(sum(w * w for w in vec.values()))


def normalised(vec: Mapping[str, float]) -> Vector:
    size = norm(vec)
    return {k: w / size for k, w in vec.items()} if size else {}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    # fsum over the shared keys: exact, so the set's (hash-seeded) order cannot change a result.
    return math.fsum([a[k] * b[k] for k in a.keys() & b.keys()])


def top(vec: Mapping[str, float], k: int) -> list[str]:
    """The ``k`` heaviest keys, heaviest first; ties keep the dict's (deterministic) order."""
    return sorted(vec, key=vec.__getitem__, reverse=True)[:k]


def contributions(
    a: Mapping[str, float], b: Mapping[str, float], k: int
) -> list[tuple[str, float]]:
    """The ``k`` shared keys that add most to the dot product of ``a`` and ``b``."""
    shared = {key: w * b[key] for key, w in a.items() if key in b}
    return [(key, shared[key]) for key in top(shared, k)]


class Centroid:
    """The sum of the vectors added to a cluster, pruned to its ``cap`` heaviest keys."""

    __slots__ = ("cap", "norm", "square", "weights")

    def __init__(self, cap: int, weights: Vector | None = None) -> None:
        self.cap = cap
        self.weights: Vector = weights if weights is not None else {}
        self.square = sum(w * w for w in self.weights.values())
        self.norm = math.sqrt(self.square)

    def add(self, vec: Mapping[str, float]) -> None:
        weights = self.weights
        square = self.square
        for key, w in vec.items():
            old = weights.get(key, 0.0)
            new = old + w
            weights[key] = new
            square += new * new - old * old
        # Pruning at twice the cap keeps the cost per update constant on average.
        if len(weights) > 2 * self.cap:
            self.weights = {key: weights[key] for key in top(weights, self.cap)}
            square = sum(w * w for w in self.weights.values())
        self.square = square
        self.norm = math.sqrt(max(square, 0.0))

    def cosine(self, unit: Mapping[str, float]) -> float:
        """Cosine with a unit-length vector."""
        return dot(unit, self.weights) / self.norm if self.norm else 0.0

    def __bool__(self) -> bool:
        return bool(self.weights)

    def to_json(self) -> dict[str, Any]:
        # The running square is saved, not recomputed, so a resumed run matches a rebuild.
        return {"w": self.weights, "sq": self.square}

    @classmethod
    def from_json(cls, cap: int, data: dict[str, Any]) -> Centroid:
        centroid = cls(cap, {str(key): float(w) for key, w in data["w"].items()})
        centroid.square = float(data["sq"])
        centroid.norm = math.sqrt(max(centroid.square, 0.0))
        return centroid
