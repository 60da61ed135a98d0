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
    return MinHash(num_perm=NUM_PERM, seed=1, hashfunc=int)


def shingle_hashes(words: list[str]) -> list[int]:
    """32-bit hashes of word 3-grams, combined from per-word CRC32s (no string joins)."""
    if not words:
        return [0]
    hashes = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    if len(hashes) < SHINGLE:
        return [int(np.bitwise_xor.reduce(hashes))]
    combined = hashes[: len(hashes) - SHINGLE + 1].copy()
    for offset in range(1, SHINGLE):
        combined = (
            combined * np.uint64(0x9E3779B1) + hashes[offset : len(hashes) - SHINGLE + 1 + offset]
        )
        combined &= np.uint64(0xFFFFFFFF)
    return combined.tolist()


def fingerprint(text: str, words: list[str] | None = None) -> Fingerprint:
    """MinHash fingerprint of a text; pass its ``fingerprint_words`` if already computed."""
    template = _template()
    minhash = MinHash(
        num_perm=NUM_PERM, hashfunc=int, permutations=template.permutations, scheme=template.scheme
    )
    minhash.update_batch(shingle_hashes(words if words is not None else fingerprint_words(text)))
    signature = np.asarray(minhash.hashvalues, dtype=np.uint64)
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
