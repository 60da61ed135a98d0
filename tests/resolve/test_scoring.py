"""The coreference scorer against hand-computed values."""

from __future__ import annotations

import pytest

from storyline.resolve.scoring import b_cubed, ceaf_e, clusters_of, muc, score

F = frozenset


def test_reference_example_of_pradhan_et_al_2014() -> None:
    # key {a b c} {d e f g}; response {a b} {c d} {f g h i} (h, i are not in the key)
    key = [F("abc"), F("defg")]
    response = [F("ab"), F("cd"), F("fghi")]
    assert muc(key, response).recall == pytest.approx(2 / 5)
    assert muc(key, response).precision == pytest.approx(2 / 5)
    assert b_cubed(key, response).recall == pytest.approx((4 / 3 + 1 / 3 + 1 / 4 + 1) / 7)
    assert b_cubed(key, response).precision == pytest.approx((2 + 1 / 2 + 1 / 2 + 1) / 8)
    assert ceaf_e(key, response).recall == pytest.approx((4 / 5 + 1 / 2) / 2)
    assert ceaf_e(key, response).precision == pytest.approx((4 / 5 + 1 / 2) / 3)


def test_identical_partitions_score_one() -> None:
    key = [F("abc"), F("de"), F("f")]
    result = score(key, list(key))
    assert result.conll_f1 == pytest.approx(1.0)


def test_all_singletons_against_one_cluster() -> None:
    key = [F("abcd")]
    response = [F("a"), F("b"), F("c"), F("d")]
    assert muc(key, response).recall == 0.0
    assert b_cubed(key, response).recall == pytest.approx(1 / 4)
    assert b_cubed(key, response).precision == pytest.approx(1.0)
    assert ceaf_e(key, response).recall == pytest.approx(2 / 5)
    assert ceaf_e(key, response).precision == pytest.approx(2 / 5 / 4)


def test_clusters_of_groups_by_label() -> None:
    groups = clusters_of({"m1": "x", "m2": "x", "m3": "y"})
    assert sorted(map(sorted, groups)) == [["m1", "m2"], ["m3"]]
