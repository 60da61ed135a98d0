from __future__ import annotations

import hashlib
from pathlib import Path

from storyline.ingest.dedup import NEAR_DUPLICATE_THRESHOLD, band_keys, fingerprint, similarity
from storyline.ingest.normalize import article_id


def _seed(examples: Path, prefix: str) -> str:
    return next(examples.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_a_lightly_edited_copy_is_similar_and_another_article_is_not(examples: Path) -> None:
    original = _seed(examples, "000")
    copy = original.replace("zei Sessions", "zegt Sessions", 1) + "\n\n(Bron: ANP)"
    other = _seed(examples, "001")
    assert similarity(fingerprint(original).signature, fingerprint(copy).signature) >= (
        NEAR_DUPLICATE_THRESHOLD
    )
    assert similarity(fingerprint(original).signature, fingerprint(other).signature) < 0.3


def test_fingerprints_are_stable_across_calls() -> None:
    text = "De minister trad woensdag af na een lange hoorzitting in de Senaat."
    assert fingerprint(text).band_keys == fingerprint(text).band_keys
    assert fingerprint(text).to_bytes() == fingerprint(text).to_bytes()


def test_article_id_ignores_case_spacing_and_punctuation_only() -> None:
    assert article_id("Trump zei: 'Nee.'") == article_id("trump   zei nee")
    assert article_id("Trump zei nee") != article_id("Trump zei ja")


def test_tiny_texts_still_get_a_fingerprint() -> None:
    assert len(fingerprint("Hallo").band_keys) == len(fingerprint("").band_keys) > 0


def test_band_keys_keep_the_stored_definition() -> None:
    """Stores hold these keys: each band is blake2b-8 of its rows, personalised by band number."""
    signature = fingerprint("Sessions trekt zich terug uit het Rusland-onderzoek.").signature
    data = signature.astype("<u8").tobytes()
    expected = [
        int.from_bytes(
            hashlib.blake2b(
                data[band * 32 : (band + 1) * 32], digest_size=8, person=band.to_bytes(2, "little")
            ).digest(),
            "little",
        )
        & 0x7FFF_FFFF_FFFF_FFFF
        for band in range(16)
    ]
    assert band_keys(signature) == expected
