"""Near-duplicate detection: MinHash signatures over word 3-grams, banded for LSH lookups.

Shingle hashing and the MinHash are vectorised with numpy (prefix polynomial hashes,
multiply-shift hash functions), so no Python loop runs per word or per shingle.

The bands live in the store, so lookups stay incremental and memory stays flat as the
store grows; a candidate from the bands is confirmed by comparing full signatures.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from storyline.ingest.normalize import fingerprint_words
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
    return a, b


@lru_cache(maxsize=8)
def _powers(size: int) -> tuple[np.ndarray, np.ndarray]:
    """BASE**i and its inverse**i modulo 2**64 for i < size (wrapping uint64 arithmetic)."""
    inverse = np.uint64(pow(int(_BASE), -1, 2**64))
    with np.errstate(over="ignore"):
        powers = np.concatenate(([np.uint64(1)], np.cumprod(np.full(size - 1, _BASE))))
        inverses = np.cumprod(np.full(size, inverse, dtype=np.uint64))
        inverses = np.concatenate(([np.uint64(1)], inverses[:-1]))
    return powers, inverses


def shingle_hashes(words: list[str]) -> np.ndarray:
    """Hashes of word 3-grams, all at once: polynomial prefix hashes over the joined text."""
    data = np.frombuffer(" ".join(words).encode("utf-8"), dtype=np.uint8).astype(np.uint64)
    if not len(data):
        return np.zeros(1, dtype=np.uint64)
    size = 1 << max(10, len(data).bit_length())
    powers, inverses = _powers(size)
    with np.errstate(over="ignore"):
        prefix = np.concatenate(([np.uint64(0)], np.cumsum(data * powers[: len(data)])))
        spaces = np.flatnonzero(data == 32)
        starts = np.concatenate(([0], spaces + 1))
        ends = np.concatenate((spaces, [len(data)]))
        span = min(SHINGLE, len(starts)) - 1
        first, last = starts[: len(starts) - span], ends[span:]
        return (prefix[last] - prefix[first]) * inverses[first]


def fingerprint(text: str, words: list[str] | None = None) -> Fingerprint:
    """MinHash fingerprint of a text; pass its ``fingerprint_words`` if already computed."""
    a, b = _permutations()
    hashes = shingle_hashes(words if words is not None else fingerprint_words(text))
    with np.errstate(over="ignore"):
        values = (np.outer(a, hashes >> np.uint64(32)) + b[:, None]) >> np.uint64(32)
    signature = values.min(axis=1)
    return Fingerprint(signature, band_keys(signature))


def band_keys(signature: np.ndarray) -> list[int]:
    keys = []
    for band in range(BANDS):
        chunk = signature[band * ROWS : (band + 1) * ROWS].astype("<u8").tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "little")).digest()
        keys.append(int.from_bytes(digest, "little") & 0x7FFF_FFFF_FFFF_FFFF)
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


def find_near_duplicate(store: Store, fp: Fingerprint) -> str | None:
    """The stored article this fingerprint copies (the most similar); None if none does."""
    candidates = store.band_candidates(fp.band_keys)
    if not candidates:
        return None
    stored = np.frombuffer(b"".join(sig for _, sig in candidates), dtype="<u8")
    scores = (stored.reshape(len(candidates), NUM_PERM) == fp.signature).mean(axis=1)
    best = int(np.argmax(scores))
    return candidates[best][0] if scores[best] >= NEAR_DUPLICATE_THRESHOLD else None
