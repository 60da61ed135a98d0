"""Near-duplicate detection: MinHash signatures over word 3-grams, banded for LSH lookups.

Shingle hashing and the MinHash are vectorised with numpy (prefix polynomial hashes,
multiply-shift hash functions), so no Python loop runs per word or per shingle.

The bands live in the store, so lookups stay incremental and memory stays flat as the
store grows; a candidate from the bands is confirmed by comparing full signatures.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from storyline.ingest.normalize import canonical_words
from storyline.store.base import Store

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 3
# Estimated Jaccard similarity of word 3-gram sets above which a text copies another.
NEAR_DUPLICATE_THRESHOLD = 0.7
_BASE = np.uint64(0x100000001B3)  # odd, so it has an inverse modulo 2**64


@dataclass(frozen=True)
class Fingerprint:
    signature: np.ndarray
    band_keys: list[int]

    def to_bytes(self) -> bytes:
        return self.signature.astype("<u8").tobytes()


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """Multiply-shift hash functions (a odd): h(x) = (a * x + b) mod 2**64 >> 32."""
    rng = np.random.default_rng(1)
    a = rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
    return a, b[:, None]


@lru_cache(maxsize=8)
def _powers(size: int) -> tuple[np.ndarray, np.ndarray]:
    """BASE**i and the inverse**(i + 1) modulo 2**64 for i < size (wrapping uint64 arithmetic)."""
    inverse = np.uint64(pow(int(_BASE), -1, 2**64))
    with np.errstate(over="ignore"):
        powers = np.concatenate(([np.uint64(1)], np.cumprod(np.full(size - 1, _BASE))))
        inverses = np.cumprod(np.full(size, inverse, dtype=np.uint64))
    return powers, inverses


# Integer arrays wrap silently on overflow (only numpy scalars warn), so the hashing below
# needs no np.errstate, which costs more than the arithmetic on texts this short.


def shingle_hashes(canonical: bytes) -> np.ndarray:
    """Hashes of word 3-grams, all at once: polynomial prefix hashes over the joined words.

    A shingle's hash is (prefix[end] - prefix[start]) / BASE**start, the same wherever the
    shingle sits; a space added at both ends makes every word boundary a space.
    """
    if not canonical:
        return np.zeros(1, dtype=np.uint64)
    raw = np.frombuffer(b" " + canonical + b" ", dtype=np.uint8)
    powers, inverses = _powers(1 << max(10, len(raw).bit_length()))
    spaces = np.flatnonzero(raw == 32)
    prefix = np.cumsum(raw * powers[: len(raw)])  # prefix[i]: the sum up to i, included
    span = min(SHINGLE, len(spaces) - 1)
    before = spaces[: len(spaces) - span]  # the space before each shingle's first word
    last = spaces[span:] - 1  # the last character of each shingle
    return (prefix[last] - prefix[before]) * inverses[before]


def fingerprint(text: str, canonical: bytes | None = None) -> Fingerprint:
    """MinHash fingerprint of a text; pass its ``canonical_words`` if already computed."""
    a, b = _permutations()
    hashes = shingle_hashes(canonical if canonical is not None else canonical_words(text))
    values = np.multiply.outer(a, hashes >> np.uint64(32))
    values += b
    # The shift is monotonic, so shifting the minimum is shifting every value (a pass less).
    signature = values.min(axis=1) >> np.uint64(32)
    return Fingerprint(signature, band_keys(signature))


# One keyed hash per band, each set up once and copied per use (a copy is cheaper than
# a new blake2b with its personalisation).
_BAND_HASHES = [
    hashlib.blake2b(digest_size=8, person=band.to_bytes(2, "little")) for band in range(BANDS)
]
_BAND_BYTES = ROWS * 8


def band_keys(signature: np.ndarray) -> list[int]:
    data = signature.astype("<u8").tobytes()
    keys = []
    for band, template in enumerate(_BAND_HASHES):
        digest = template.copy()
        digest.update(data[band * _BAND_BYTES : (band + 1) * _BAND_BYTES])
        keys.append(int.from_bytes(digest.digest(), "little") & 0x7FFF_FFFF_FFFF_FFFF)
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


class BatchIndex:
    """What a batch's articles are checked against, without a query per article.

    The stored articles sharing a band key with any article of the batch are loaded at
    once; the batch's own articles join as they are accepted, before they are written.
    """

    def __init__(self, store: Store, keys: Iterable[int]) -> None:
        keys = list(keys)
        self.ids: set[str] = set()
        self._bands, self._signatures = store.band_members(keys)
        # Only a key that a stored article or a second article of the batch holds can link
        # two articles; an article holding none of those needs no bookkeeping at all.
        self._hot = {key for key, count in Counter(keys).items() if count > 1}
        self._hot.update(self._bands)

    def add(self, article_id: str, signature: bytes, keys: list[int]) -> None:
        self.ids.add(article_id)
        hot = self._hot
        if hot.isdisjoint(keys):
            return
        self._signatures[article_id] = signature
        bands = self._bands
        for key in keys:
            if key in hot:
                bands.setdefault(key, []).append(article_id)

    def candidates(self, keys: list[int]) -> list[tuple[str, bytes]]:
        """What ``Store.band_candidates`` would return if the batch were already stored."""
        if self._hot.isdisjoint(keys):  # most articles: nothing shares a band with them
            return []
        bands = self._bands
        found = {article_id for key in keys if key in bands for article_id in bands[key]}
        signatures = self._signatures
        return sorted((i, signatures[i]) for i in found if i in signatures)


def find_near_duplicate(index: BatchIndex, band_keys: list[int], signature: bytes) -> str | None:
    """The article (stored, or earlier in the batch) a text with this signature copies, the
    most similar; None if none. Ties go to the lowest id."""
    candidates = index.candidates(band_keys)
    if not candidates:
        return None
    stored = np.frombuffer(b"".join(sig for _, sig in candidates), dtype="<u8")
    mine = np.frombuffer(signature, dtype="<u8")
    scores = (stored.reshape(len(candidates), NUM_PERM) == mine).mean(axis=1)
    best = int(np.argmax(scores))
    return candidates[best][0] if scores[best] >= NEAR_DUPLICATE_THRESHOLD else None
