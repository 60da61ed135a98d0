"""BCubed on clusterings small enough to score by hand."""

from __future__ import annotations

import pytest

from storyline.cluster.bcubed import bcubed

GOLD = {"a": 1, "b": 1, "c": 2, "d": 2}


def test_perfect_clustering_scores_one() -> None:
    score = bcubed({"a": "x", "b": "x", "c": "y", "d": "y"}, GOLD)
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert (score.clusters, score.classes, score.items) == (2, 2, 4)


def test_one_big_cluster_has_full_recall_and_half_precision() -> None:
    score = bcubed(dict.fromkeys(GOLD, "all"), GOLD)
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(1.0)
    assert score.f1 == pytest.approx(2 / 3)


def test_singletons_have_full_precision_and_half_recall() -> None:
    score = bcubed({item: item for item in GOLD}, GOLD)
    assert score.precision == pytest.approx(1.0)
    assert score.recall == pytest.approx(0.5)
    assert score.clusters == 4


def test_uneven_case_computed_by_hand() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    predicted = {"a": "X", "b": "X", "c": "Y", "d": "Y", "e": "Y"}
    score = bcubed(predicted, gold)
    # precision per item: a 1, b 1, c 1/3, d 2/3, e 2/3; recall: a 2/3, b 2/3, c 1/3, d 1, e 1
    assert score.precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert score.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)


def test_only_shared_items_count_and_none_shared_is_an_error() -> None:
    score = bcubed({"a": "x", "b": "x", "zz": "x"}, {"a": 1, "b": 2})
    assert score.items == 2
    assert score.precision == pytest.approx(0.5)
    with pytest.raises(ValueError):
        bcubed({"q": 1}, GOLD)
