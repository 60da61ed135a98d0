"""Near-duplicate detection: MinHash signatures over word shingles, banded for LSH lookups.

The bands live in the store, so lookups stay incremental and memory stays flat as the
store grows; a candidate from the bands is confirmed by comparing full signatures.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from storyline.ingest.normalize import fingerprint_words
from storyline.store.base import Store

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 3
# Estimated Jaccard similarity of word 3-gram sets above which a text copies another.
NEAR_DUPLICATE_THRESHOLD = 0.7


@dataclass(frozen=True)
class Fingerprint:
    signature: np.ndarray
    band_keys: list[int]

    def to_bytes(self) -> bytes:
        return self.signature.astype("<u8").tobytes()


@lru_cache(maxsize=1)
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, hashfunc=zlib.crc32)


def shingles(text: str) -> list[bytes]:
    words = fingerprint_words(text)
    if len(words) < SHINGLE:
        return [" ".join(words).encode()] if words else [b""]
    return [" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)]


def fingerprint(text: str) -> Fingerprint:
    template = _template()
    minhash = MinHash(
        num_perm=NUM_PERM,
        hashfunc=zlib.crc32,
        permutations=template.permutations,
        scheme=template.scheme,
    )
    minhash.update_batch(shingles(text))
    signature = np.asarray(minhash.hashvalues, dtype=np.uint64)
    return Fingerprint(signature, band_keys(signature))


def band_keys(signature: np.ndarray) -> list[int]:
    keys = []
    for band in range(BANDS):
        chunk = signature[band * ROWS : (band + 1) * ROWS].astype("<u8").tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") & 0x7FFF_FFFF_FFFF_FFFF)
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


def find_near_duplicate(store: Store, fp: Fingerprint) -> str | None:
    """The stored article this fingerprint copies, most similar first; None if none does."""
    best_id, best = None, NEAR_DUPLICATE_THRESHOLD
    for candidate in store.band_candidates(fp.band_keys):
        stored = store.signature(candidate)
        if stored is None:
            continue
        score = similarity(fp.signature, np.frombuffer(stored, dtype="<u8"))
        if score >= best:
            best_id, best = candidate, score
    return best_id
