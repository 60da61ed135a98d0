"""The timeline scorer on small timelines whose scores are worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.timeline.metrics import (
    PRF,
    align_rouge,
    average,
    concat_rouge,
    date_prf,
    rouge,
    rouge1_approx,
    rouge_counts,
    tokens,
)

D1, D2, D3 = date(2010, 4, 20), date(2010, 4, 21), date(2010, 4, 30)


def test_tokens_lowercase_drop_stop_words_and_punctuation() -> None:
    assert tokens("The Oil, the RIG!", stem=False) == ["oil", "rig"]
    assert tokens("The Oil, the RIG!", stem=False, stop_words=False) == ["the", "oil", "the", "rig"]


def test_stemming() -> None:
    assert tokens("leaking spills", stem=True) == ["leak", "spill"]


def test_rouge_counts_as_rouge_155_counts_them() -> None:
    # Worked by hand, and what ROUGE-1.5.5.pl -m -s prints for this pair: the hyphen splits
    # "193-page"; "ran" has three letters, so it is not mapped to "run" as "running" is.
    # pred: cat run quickli 193 page report; ref: cat ran report 193 page
    pred = ["The cats were running quickly to the 193-page report ."]
    ref = ["A cat ran to the reports , 193 pages ."]
    one = rouge_counts(pred, ref, 1)
    assert (one.hit, one.pred, one.ref) == (4, 6, 5)  # cat, 193, page, report
    two = rouge_counts(pred, ref, 2)
    assert (two.hit, two.pred, two.ref) == (1, 5, 4)  # (193 page)


def test_rouge_approximation_keeps_case_like_tilse() -> None:
    # whitespace tokens, case kept: only "leak" matches; P = R = 1/2
    assert rouge1_approx(["Oil leak"], ["oil leak"]) == pytest.approx(0.5)


def test_rouge_counts_clipped_matches() -> None:
    # pred unigrams: oil oil leak (3); ref: oil leak rig spill (4); matches: oil, leak = 2
    found = rouge(["oil oil leak"], ["oil leak rig spill"], 1, stem=False)
    assert found == PRF(2 / 3, 2 / 4)
    # bigrams: pred (oil oil)(oil leak); ref (oil leak)(leak rig)(rig spill): 1 match
    found = rouge(["oil oil leak"], ["oil leak rig spill"], 2, stem=False)
    assert found == PRF(1 / 2, 1 / 3)
    assert found.f1 == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))


def test_date_prf() -> None:
    found = date_prf(
        {D1: ["a"], D2: ["b"]}, {D1: ["a"], D3: ["c"], D2: ["d"], date(2011, 1, 1): []}
    )
    assert found == PRF(1.0, 0.5)
    assert date_prf({}, {D1: ["a"]}) == PRF(0.0, 0.0)


def test_identical_timelines_score_one_everywhere() -> None:
    gold = {D1: ["rig explodes in gulf"], D3: ["oil reaches louisiana coast"]}
    for n in (1, 2):
        assert align_rouge(gold, gold, n).f1 == pytest.approx(1.0)
        assert align_rouge(gold, gold, n, many_to_one=False).f1 == pytest.approx(1.0)
        assert concat_rouge(gold, gold, n).f1 == pytest.approx(1.0)


def test_one_day_off_halves_the_aligned_score() -> None:
    gold = {D1: ["rig explodes in gulf"]}
    pred = {D2: ["rig explodes in gulf"]}
    found = align_rouge(pred, gold, 1)
    assert found == PRF(0.5, 0.5)  # weight 1 / (|1 day| + 1)
    assert concat_rouge(pred, gold, 1).f1 == pytest.approx(1.0)  # concat ignores dates
    assert date_prf(pred, gold).f1 == 0.0


def test_many_to_one_lets_two_predicted_dates_share_a_reference() -> None:
    gold = {D1: ["rig explodes gulf"]}
    pred = {D1: ["rig explodes"], D2: ["gulf"]}
    # precision: D1 -> D1 (2 matches of 2, weight 1), D2 -> D1 (1 of 1, weight 1/2): 2.5 / 3
    # recall: D1 -> D1 (cost 0): 2 matches of 3 reference unigrams
    found = align_rouge(pred, gold, 1, many_to_one=True)
    assert found.precision == pytest.approx(2.5 / 3)
    assert found.recall == pytest.approx(2 / 3)
    # one-to-one: D2 stays unaligned and counts as a miss in precision
    strict = align_rouge(pred, gold, 1, many_to_one=False)
    assert strict.precision == pytest.approx(2 / 3)
    assert strict.recall == pytest.approx(2 / 3)


def test_content_decides_between_equally_distant_dates() -> None:
    gold = {date(2010, 4, 19): ["rig explodes"], date(2010, 4, 23): ["oil reaches coast"]}
    pred = {date(2010, 4, 21): ["oil reaches coast"]}
    found = align_rouge(pred, gold, 1)
    # aligned with 23 April by content: 3 matches weighted 1/3, of 3 predicted unigrams
    assert found.precision == pytest.approx(1 / 3)
    # recall: each gold date aligns to the only predicted date; 19 April shares nothing
    assert found.recall == pytest.approx((3 / 3) / 5)


def test_disjoint_content_scores_zero() -> None:
    assert align_rouge({D1: ["alpha beta"]}, {D1: ["gamma delta"]}, 1).f1 == 0.0
    assert align_rouge({}, {D1: ["gamma"]}, 1) == PRF(0.0, 0.0)


def test_rouge1_approx_and_average() -> None:
    assert rouge1_approx(["a b"], ["a c"]) == pytest.approx(0.5)
    mean = average([PRF(1.0, 0.0), PRF(0.0, 1.0)])
    assert mean == PRF(0.5, 0.5) and mean.f1 == pytest.approx(0.5)
