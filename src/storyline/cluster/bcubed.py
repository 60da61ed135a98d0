"""BCubed precision, recall and F1 of a clustering against gold classes (Bagga and Baldwin 1998)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    f1: float
    clusters: int
    classes: int
    items: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "clusters": self.clusters,
            "classes": self.classes,
            "items": self.items,
        }


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> BCubed:
    """Item-averaged BCubed over the items both mappings share (item -> cluster, item -> class)."""
    items = [item for item in gold if item in predicted]
    if not items:
        raise ValueError("no items in common between predicted and gold")
    cluster_size = Counter(predicted[i] for i in items)
    class_size = Counter(gold[i] for i in items)
    overlap = Counter((predicted[i], gold[i]) for i in items)
    precision = recall = 0.0
    for item in items:
        shared = overlap[(predicted[item], gold[item])]
        precision += shared / cluster_size[predicted[item]]
        recall += shared / class_size[gold[item]]
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1, len(cluster_size), len(class_size), len(items))
