"""Word clusters and casing statistics learned from unlabelled text.

Clusters: positional co-occurrence counts (two words either side) -> PPMI -> truncated
SVD -> k-means at several granularities, a cheap stand-in for Brown clusters. Casing:
how often a word is capitalised when it does not open a sentence, which tells a
name ("Senaat") from a common word ("de") even in all-caps headlines.
"""

from __future__ import annotations

import gzip
import io
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

_DIGITS = re.compile(r"\d")
WINDOW = (-2, -1, 1, 2)


def norm(word: str) -> str:
    """The form clusters and casing are keyed on: lower case, digits as 0."""
    return _DIGITS.sub("0", word.lower())


def _ppmi_vectors(
    sentences: Sequence[Sequence[str]], vocab: dict[str, int], contexts: dict[str, int], dim: int
) -> np.ndarray:
    from scipy.sparse import coo_matrix
    from sklearn.decomposition import TruncatedSVD

    rows: list[int] = []
    cols: list[int] = []
    n_ctx = len(contexts)
    for sent in sentences:
        padded = ["<s>", "<s>", *sent, "</s>", "</s>"]
        for i in range(2, len(padded) - 2):
            row = vocab.get(padded[i])
            if row is None:
                continue
            for slot, offset in enumerate(WINDOW):
                col = contexts.get(padded[i + offset])
                if col is not None:
                    rows.append(row)
                    cols.append(slot * n_ctx + col)
    data = np.ones(len(rows), dtype=np.float64)
    counts = coo_matrix((data, (rows, cols)), shape=(len(vocab), n_ctx * len(WINDOW))).tocsr()
    counts.sum_duplicates()
    total = counts.sum()
    row_sum = np.asarray(counts.sum(axis=1)).ravel()
    col_sum = np.asarray(counts.sum(axis=0)).ravel() ** 0.75
    col_sum *= total / col_sum.sum()
    coo = counts.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=counts.shape).tocsr()
    vectors: np.ndarray = TruncatedSVD(n_components=dim, random_state=0).fit_transform(ppmi)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    # Rounded so that last-bit differences between BLAS builds cannot move a k-means assignment.
    return np.round(vectors / np.maximum(norms, 1e-9), 5)


def learn_clusters(
    sentences: Sequence[Sequence[str]],
    sizes: Sequence[int] = (64, 256, 1024),
    min_count: int = 3,
    n_contexts: int = 1500,
    dim: int = 100,
) -> dict[str, list[int]]:
    """Cluster ids (one per size) for every normalised word seen ``min_count`` times.

    Deterministic: words are ordered by (count, word), every random step is seeded and
    BLAS/OpenMP run single-threaded, so the same text gives the same clusters anywhere.
    """
    from threadpoolctl import threadpool_limits

    normed = [[norm(w) for w in sent] for sent in sentences]
    freq = Counter(w for sent in normed for w in sent)
    words = sorted((w for w, c in freq.items() if c >= min_count), key=lambda w: (-freq[w], w))
    with threadpool_limits(limits=1):
        return _cluster(normed, words, sizes, n_contexts, dim)


def _cluster(
    normed: Sequence[Sequence[str]],
    words: Sequence[str],
    sizes: Sequence[int],
    n_contexts: int,
    dim: int,
) -> dict[str, list[int]]:
    from sklearn.cluster import MiniBatchKMeans

    vocab = {w: i for i, w in enumerate(words)}
    contexts = {w: i for i, w in enumerate(words[:n_contexts])}
    contexts.setdefault("<s>", len(contexts))
    contexts.setdefault("</s>", len(contexts))
    vectors = _ppmi_vectors(normed, vocab, contexts, min(dim, len(words) - 1))
    ids: dict[str, list[int]] = {w: [] for w in words}
    for size in sizes:
        k = min(size, len(words))
        km = MiniBatchKMeans(n_clusters=k, random_state=0, batch_size=4096, n_init=3)
        labels = km.fit_predict(vectors)
        for w, label in zip(words, labels, strict=True):
            ids[w].append(int(label))
    return ids


def casing_counts(
    sentences: Iterable[Sequence[str]],
) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """(capitalised, all-caps, all) counts per normalised word; non-initial alphabetic tokens."""
    caps: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for sent in sentences:
        upper_sentence = sum(w.isupper() for w in sent) > len(sent) / 2
        if upper_sentence:
            continue
        for w in sent[1:]:
            if not w[:1].isalpha():
                continue
            key = norm(w)
            seen[key] += 1
            if w[:1].isupper():
                caps[key] += 1
                if len(w) > 1 and w.isupper():
                    upper[key] += 1
    return caps, upper, seen


def cap_bucket(caps: int, upper: int, seen: int) -> str:
    """Coarse share of capitalised occurrences: n(one) to a(lways), u(pper case), '?' if rare."""
    if seen < 2:
        return "?"
    if upper / seen >= 0.5:
        return "u"
    share = caps / seen
    if share == 0:
        return "n"
    if share < 0.2:
        return "l"
    if share < 0.8:
        return "m"
    if share < 1:
        return "h"
    return "a"


def gzip_writer(path: Path) -> io.TextIOWrapper:
    """A UTF-8 text file, gzip'd without a timestamp, so the same content gives the same bytes."""
    return io.TextIOWrapper(gzip.GzipFile(path, "wb", compresslevel=9, mtime=0), encoding="utf-8")


def save_stats(
    path: Path,
    clusters: dict[str, list[int]],
    casing: tuple[Counter[str], Counter[str], Counter[str]],
) -> None:
    """Write one line per word: word, cluster ids..., casing bucket, log2 frequency."""
    caps, upper, seen = casing
    words = sorted(set(clusters) | {w for w, n in seen.items() if n >= 2})
    width = max((len(v) for v in clusters.values()), default=0)
    with gzip_writer(path) as out:
        for w in words:
            if "\t" in w or not w:
                continue
            ids = clusters.get(w, [-1] * width)
            freq = int(math.log2(seen[w])) if seen[w] else 0
            fields = [w, *map(str, ids), cap_bucket(caps[w], upper[w], seen[w]), str(freq)]
            out.write("\t".join(fields) + "\n")


def parse_stats(lines: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Feature strings per normalised word, precomputed so tagging only looks them up."""
    table: dict[str, tuple[str, ...]] = {}
    for line in lines:
        fields = line.rstrip("\n").split("\t")
        word, *ids, cap, freq = fields
        feats = [f"k{n}={c}" for n, c in enumerate(ids) if c != "-1"]
        feats += [f"cap={cap}", f"fq={min(int(freq), 12)}"]
        table[word] = tuple(feats)
    return table
