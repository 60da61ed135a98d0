"""Extractive sentence selection per date: TF-IDF centroid optimisation with redundancy removal.

Per date, the candidate sentences are those that mention it and the lead sentences of
articles published on it (datelines and agency tags trimmed off); those above the knee of
their similarity to the date's centroid stay (news-tls "PM-Mean"), and the summary
greedily grows the set of them whose summed vector is closest to their centroid (news-tls
"CentroidOpt"), skipping any sentence too similar to one already on the timeline.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from storyline.model import Document, Span

_DUTCH = """aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doen
door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun
iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet
niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van
veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo
zonder zou zei zegt volgens hadden werden tijdens sinds wel"""
DUTCH_STOP_WORDS = frozenset(_DUTCH.split())
MIN_WORDS = 5
MAX_WORDS = 60
# Cosine above which a sentence repeats one already chosen (syndicated copies, rewrites).
REDUNDANT = 0.5


# Wire-copy and blog furniture before the first sentence proper: "WASHINGTON | Tue Apr 21,
# 2009 10:19 pm BST WASHINGTON (Reuters) - ", "NEW ORLEANS -- ", "Susan Watts | 18:00 UK
# time, Saturday, 25 April 2009 ".
_FURNITURE = (
    re.compile(r"^.{0,200}?\((?:Reuters|AP|AFP|UPI|Bloomberg|ANP|Belga)\)\s*[-\u2013\u2014]+\s*"),
    re.compile(r"^(?:AP\s+)?[A-Z][A-Z.,'\u2019 ]{1,50}[A-Z.]\s+(?:--?|\u2013|\u2014)\s+(?=\S)"),
    re.compile(
        r"^[^|]{3,60}\|\s*(?:[\d:]+\s*[^,]{0,12},\s*)?\w+day,?\s+\d{1,2}\s+\w+,?\s+\d{4}\s+"
    ),
)


def content_span(text: str, span: Span) -> Span:
    """``span`` without a leading dateline, byline or agency tag, when one is there."""
    sentence = text[span.start : span.end]
    skip = 0
    for pattern in _FURNITURE:
        if match := pattern.match(sentence, skip):
            skip = match.end()
    return Span(span.start + skip, span.end) if skip < len(sentence.rstrip()) else span


@dataclass(frozen=True)
class SentenceRef:
    """Where a sentence lives: document index and sentence index within it."""

    doc: int
    sent: int


class SentenceIndex:
    """Sentences of the documents as L2-normalised TF-IDF rows: all of them, or only
    ``pairs`` (doc, sentence), the candidates, which keeps large stories fast."""

    def __init__(
        self, docs: Sequence[Document], pairs: Iterable[tuple[int, int]] | None = None
    ) -> None:
        self.docs = docs
        if pairs is None:
            pairs = ((d, s) for d, doc in enumerate(docs) for s in range(len(doc.sentences)))
        self.refs = [SentenceRef(d, s) for d, s in sorted(set(pairs))]
        self.spans = [
            content_span(docs[r.doc].text, docs[r.doc].sentences[r.sent]) for r in self.refs
        ]
        texts = [
            docs[r.doc].text[sp.start : sp.end] for r, sp in zip(self.refs, self.spans, strict=True)
        ]
        self.texts = texts
        self.row = {ref: i for i, ref in enumerate(self.refs)}
        self.words = np.array([len(text.split()) for text in texts], dtype=np.int32)
        self.matrix = _vectorise(texts, _majority_lang(docs))

    def rows(self, pairs: Sequence[tuple[int, int]]) -> list[int]:
        """Rows of the given (doc, sentence) pairs that make readable summary sentences."""
        found = []
        for d, s in dict.fromkeys(pairs):
            row = self.row.get(SentenceRef(d, s))
            if row is not None and MIN_WORDS <= self.words[row] <= MAX_WORDS:
                found.append(row)
        return found


def _majority_lang(docs: Sequence[Document]) -> str:
    counts = Counter((doc.lang or "und")[:2] for doc in docs)
    return counts.most_common(1)[0][0] if counts else "und"


def _vectorise(texts: list[str], lang: str) -> sparse.csr_matrix:
    stop = DUTCH_STOP_WORDS if lang == "nl" else ENGLISH_STOP_WORDS
    if not texts:
        return sparse.csr_matrix((0, 1))
    # raw term counts, as news-tls weighs them: a term repeated in a sentence counts fully
    vectorizer = TfidfVectorizer(stop_words=list(stop), lowercase=True)
    try:
        return sparse.csr_matrix(vectorizer.fit_transform(texts))
    except ValueError:  # only stop words: nothing to compare, every sentence is alike
        return sparse.csr_matrix(np.ones((len(texts), 1)) / 1.0)


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def centroid(index: SentenceIndex, groups: Sequence[Sequence[int]]) -> np.ndarray:
    """The target a date's summary should resemble.

    With both mention and lead sentences, the terms they share, each group weighted by its
    mean (news-tls "PM-Mean"): what the articles say about the day on the day and later.
    Otherwise the mean of the groups' unit centroids.
    """
    means = [np.asarray(index.matrix[list(g)].sum(axis=0)).ravel() / len(g) for g in groups if g]
    if len(means) == 2:
        shared = (means[0] > 0) & (means[1] > 0)
        if shared.any():
            return _unit((means[0] + means[1]) * shared)
    parts = [_unit(mean) for mean in means]
    return _unit(np.sum(parts, axis=0)) if parts else np.zeros(index.matrix.shape[1])


def knee_point(values: Sequence[float]) -> int:
    """Index of the point of a descending curve farthest from the line joining its ends."""
    if len(values) < 3:
        return len(values) - 1
    points = np.column_stack((np.arange(len(values), dtype=float), np.asarray(values, float)))
    line = points[-1] - points[0]
    length = float(np.hypot(*line))
    if not length:
        return len(values) - 1
    offsets = points - points[0]
    across = offsets - np.outer(offsets @ (line / length), line / length)
    return int(np.argmax(np.hypot(across[:, 0], across[:, 1])))


class Selector:
    """Picks sentences date by date and remembers them to avoid repeating itself."""

    def __init__(self, index: SentenceIndex, redundant: float = REDUNDANT) -> None:
        self.index = index
        self.redundant = redundant
        self.chosen: list[int] = []

    def _focus(self, pool: list[int], target: np.ndarray) -> tuple[list[int], np.ndarray]:
        """The rows above the knee of their similarity to ``target``, and their centroid."""
        if len(pool) < 3:
            return pool, target
        sims = self.index.matrix[pool] @ target
        ranked = sorted(sims, reverse=True)
        threshold = max(ranked[knee_point(ranked)], 0.0)
        kept = [row for row, sim in zip(pool, sims, strict=True) if sim > threshold]
        if not kept:
            return pool, target
        return kept, _unit(np.asarray(self.index.matrix[kept].sum(axis=0)).ravel())

    def _fresh(self, rows: list[int], against: list[int]) -> list[int]:
        """Rows not too similar to any of the ``against`` rows."""
        if not against or not rows:
            return rows
        sims = self.index.matrix[rows] @ self.index.matrix[against].T
        peak = sims.max(axis=1).toarray().ravel()
        return [row for row, sim in zip(rows, peak, strict=True) if sim <= self.redundant]

    def select(
        self,
        pool_rows: Sequence[int],
        k: int,
        groups: Sequence[Sequence[int]] | None = None,
        focus: bool = False,
    ) -> list[int]:
        """Up to ``k`` of ``pool_rows``, greedily closest (as a sum) to the groups' centroid.

        With ``focus`` (news-tls's PM-Mean collector), only the rows above the knee of their
        similarities to that centroid stay in the pool, whose own centroid becomes the target.
        """
        target = centroid(self.index, groups if groups is not None else [pool_rows])
        pool = list(dict.fromkeys(pool_rows))
        fresh: list[int] = []
        if focus:
            focused, focused_target = self._focus(pool, target)
            if fresh := self._fresh(focused, self.chosen):
                target = focused_target
        # when earlier dates took every focused sentence, the rest of the pool stands in
        pool = fresh or self._fresh(pool, self.chosen)
        picked: list[int] = []
        summary = np.zeros(self.index.matrix.shape[1])
        while pool and len(picked) < k:
            block = self.index.matrix[pool]
            # np.dot, not @: matmul on 1-D arrays is slow with a busy multi-threaded BLAS
            gain = block @ target + float(np.dot(summary, target))
            norms = np.sqrt(
                np.maximum(float(np.dot(summary, summary)) + 2 * (block @ summary) + 1, 1e-12)
            )
            best = pool[int(np.argmax(gain / norms))]
            picked.append(best)
            self.chosen.append(best)
            summary = summary + self.index.matrix[best].toarray().ravel()
            pool = self._fresh([row for row in pool if row != best], [best])
        return picked
