"""Extractive sentence selection per date: TF-IDF centroid optimisation with redundancy removal.

Per date, the candidate sentences are those that mention it and the lead sentences of
articles published on it; the summary greedily grows the set of sentences whose summed
vector is closest to the candidates' centroid (news-tls "CentroidOpt"), skipping any
sentence too similar to one already on the timeline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from storyline.model import Document

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
        texts = []
        for ref in self.refs:
            span = docs[ref.doc].sentences[ref.sent]
            texts.append(docs[ref.doc].text[span.start : span.end])
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
    vectorizer = TfidfVectorizer(stop_words=list(stop), lowercase=True, sublinear_tf=True)
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


class Selector:
    """Picks sentences date by date and remembers them to avoid repeating itself."""

    def __init__(self, index: SentenceIndex, redundant: float = REDUNDANT) -> None:
        self.index = index
        self.redundant = redundant
        self.chosen: list[int] = []

    def _fresh(self, rows: list[int], against: list[int]) -> list[int]:
        """Rows not too similar to any of the ``against`` rows."""
        if not against or not rows:
            return rows
        sims = self.index.matrix[rows] @ self.index.matrix[against].T
        peak = sims.max(axis=1).toarray().ravel()
        return [row for row, sim in zip(rows, peak, strict=True) if sim <= self.redundant]

    def select(
        self, pool_rows: Sequence[int], k: int, groups: Sequence[Sequence[int]] | None = None
    ) -> list[int]:
        """Up to ``k`` of ``pool_rows``, greedily closest (as a sum) to the groups' centroid."""
        target = centroid(self.index, groups if groups is not None else [pool_rows])
        pool = self._fresh(list(dict.fromkeys(pool_rows)), self.chosen)
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
