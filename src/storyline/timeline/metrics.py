"""Timeline-summarisation metrics: date F1, concat ROUGE and alignment-based ROUGE.

Alignment-based ROUGE follows Martschat and Markert (2017, "Improving ROUGE for Timeline
Summarization"; implemented in tilse and used by news-tls): each predicted date is aligned
to a reference date (and, for recall, each reference date to a predicted one) at a cost of
``(1 - 1/(|d - d'| + 1)) * (1 - ROUGE-1-approx(summaries))``; the ROUGE-N counts of the
aligned pair are then discounted by ``1/(|d - d'| + 1)``.  "align+ m:1" (the news-tls
metric) lets several dates share one partner; "align+" and "align" use a one-to-one
assignment (with and without the content term).

ROUGE-N counts are those of ROUGE-1.5.5 run as tilse runs it (``-m -s``: stemming, stop
words removed; see ``rouge155``), with n-grams running across the sentences of a summary.
The alignment costs use tilse's cheap ROUGE-1 approximation: whitespace tokens, case kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
from scipy.optimize import linear_sum_assignment

from storyline.timeline.rouge155 import rouge_tokens

TimelineSummaries = Mapping[date, Sequence[str]]


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def average(scores: Sequence[PRF]) -> PRF:
    """news-tls averaging: mean precision and mean recall, F1 of the means."""
    if not scores:
        return PRF(0.0, 0.0)
    return PRF(
        sum(s.precision for s in scores) / len(scores), sum(s.recall for s in scores) / len(scores)
    )


def tokens(text: str, stem: bool = True, stop_words: bool = True) -> list[str]:
    """ROUGE-1.5.5 tokens: lower case, alphanumerics only, stop words out, stemmed."""
    return list(rouge_tokens(text, stem, stop_words))


def ngram_counts(words: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


@dataclass(frozen=True)
class Counts:
    """ROUGE-N counts: matched n-grams, n-grams in the prediction, n-grams in the reference."""

    hit: float
    pred: float
    ref: float


def rouge_counts(pred: Sequence[str], ref: Sequence[str], n: int, stem: bool = True) -> Counts:
    """Clipped n-gram matches between two summaries (lists of sentences)."""
    got = ngram_counts(rouge_tokens(" ".join(pred), stem), n)
    want = ngram_counts(rouge_tokens(" ".join(ref), stem), n)
    hit = sum(min(count, want[gram]) for gram, count in got.items())
    return Counts(hit, sum(got.values()), sum(want.values()))


def rouge(pred: Sequence[str], ref: Sequence[str], n: int, stem: bool = True) -> PRF:
    counts = rouge_counts(pred, ref, n, stem)
    return PRF(
        counts.hit / counts.pred if counts.pred else 0.0,
        counts.hit / counts.ref if counts.ref else 0.0,
    )


def concat_rouge(pred: TimelineSummaries, ref: TimelineSummaries, n: int) -> PRF:
    """ROUGE-N of all summaries of each timeline concatenated in date order."""
    return rouge(_concat(pred), _concat(ref), n)


def _concat(timeline: TimelineSummaries) -> list[str]:
    return [sent for day in sorted(timeline) for sent in timeline[day]]


def date_prf(pred: TimelineSummaries, ref: TimelineSummaries) -> PRF:
    """Precision and recall of the predicted dates against the reference dates."""
    shared = len(set(pred) & set(ref))
    return PRF(shared / len(pred) if pred else 0.0, shared / len(ref) if ref else 0.0)


def rouge1_approx(pred: Sequence[str], ref: Sequence[str]) -> float:
    """tilse's cheap ROUGE-1 F1 on whitespace tokens (case kept), used only for alignment costs."""
    got, got_total = _bag(tuple(pred))
    want, want_total = _bag(tuple(ref))
    if len(want) < len(got):
        got, want = want, got
    match = sum(min(count, want[w]) for w, count in got.items() if w in want)
    p = match / got_total if got_total else 0.0
    r = match / want_total if want_total else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


@lru_cache(maxsize=8192)
def _bag(sentences: tuple[str, ...]) -> tuple[Counter[str], int]:
    words = Counter(w for sent in sentences for w in sent.split())
    return words, sum(words.values())


def _distance(first: date, second: date) -> int:
    return abs(first.toordinal() - second.toordinal())


def _costs(
    rows: list[date],
    cols: list[date],
    row_tl: TimelineSummaries,
    col_tl: TimelineSummaries,
    content: bool,
) -> np.ndarray:
    costs = np.zeros((len(rows), len(cols)))
    for i, a in enumerate(rows):
        for j, b in enumerate(cols):
            date_cost = 1 - 1 / (_distance(a, b) + 1)
            content_cost = 1 - rouge1_approx(row_tl[a], col_tl[b]) if content else 1.0
            costs[i, j] = date_cost * content_cost
    return costs


def _assign(costs: np.ndarray, many_to_one: bool) -> list[tuple[int, int]]:
    if costs.size == 0:
        return []
    if many_to_one:
        return [(i, int(row.argmin())) for i, row in enumerate(costs)]
    rows, cols = linear_sum_assignment(costs)
    return list(zip(rows.tolist(), cols.tolist(), strict=True))


def align_rouge(
    pred: TimelineSummaries,
    ref: TimelineSummaries,
    n: int,
    many_to_one: bool = True,
    content: bool = True,
) -> PRF:
    """Alignment-based ROUGE-N ("align+ m:1" by default; see the module docstring)."""
    pred_dates, ref_dates = sorted(pred), sorted(ref)
    precision = _aligned(pred_dates, ref_dates, pred, ref, n, many_to_one, content, "pred")
    recall = _aligned(ref_dates, pred_dates, ref, pred, n, many_to_one, content, "ref")
    return PRF(precision, recall)


def _aligned(
    rows: list[date],
    cols: list[date],
    row_tl: TimelineSummaries,
    col_tl: TimelineSummaries,
    n: int,
    many_to_one: bool,
    content: bool,
    side: str,
) -> float:
    """Weighted matches over the row side's n-grams; unaligned rows count as misses."""
    if not rows:
        return 0.0
    if side == "pred":
        costs = _costs(rows, cols, row_tl, col_tl, content)
    else:  # content cost always compares prediction with reference, as tilse does
        costs = _costs(cols, rows, col_tl, row_tl, content).T if cols else np.zeros((len(rows), 0))
    pairs = dict(_assign(costs, many_to_one))
    hits = total = 0.0
    for i, day in enumerate(rows):
        own = row_tl[day]
        if i not in pairs:
            counts = rouge_counts(own, [], n) if side == "pred" else rouge_counts([], own, n)
            total += counts.pred if side == "pred" else counts.ref
            continue
        other = cols[pairs[i]]
        weight = 1 / (_distance(day, other) + 1)
        if side == "pred":
            counts = rouge_counts(own, col_tl[other], n)
            hits, total = hits + weight * counts.hit, total + counts.pred
        else:
            counts = rouge_counts(col_tl[other], own, n)
            hits, total = hits + weight * counts.hit, total + counts.ref
    return hits / total if total else 0.0
