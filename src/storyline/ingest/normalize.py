"""Text clean-up and the content hash that makes an article's id."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
# What _SPACES would change (any run but a lone space); most texts have none, and checking
# for them is much faster than running the substitution.
_UNUSUAL_SPACES = ("  ", "\t", "\u00a0", "\u2009", "\u202f")
_WORDS = re.compile(r"\w+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# ASCII bytes that are not word characters (``\w``) become spaces.
_ASCII_NON_WORD = bytes(c if chr(c).isalnum() or chr(c) == "_" else 32 for c in range(128)) + bytes(
    range(128, 256)
)


def clean_text(text: str) -> str:
    """Unicode NFC, unified newlines and spaces, one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(space in text for space in _UNUSUAL_SPACES):
        text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    while "\n\n\n" in text:  # blank lines were emptied: runs of 3+ newlines become 2
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def fingerprint_words(text: str) -> list[str]:
    """Lower-cased words: what the exact and near-duplicate checks compare."""
    return _WORDS.findall(text.casefold())


def canonical_words(text: str) -> bytes:
    """``fingerprint_words`` joined by single spaces, as UTF-8: what ids and shingles hash.

    Same result as ``" ".join(fingerprint_words(text)).encode()``, a few times faster:
    non-word characters outside ASCII are blanked one distinct character at a time, the
    ASCII ones with a byte table.
    """
    folded = text.casefold()
    for char in set(_NON_ASCII.findall(folded)):
        if not char.isalnum():
            folded = folded.replace(char, " ")
    return b" ".join(folded.encode("utf-8").translate(_ASCII_NON_WORD).split())


def article_id(text: str, canonical: bytes | None = None) -> str:
    """Stable id from the normalised text, so the same text always gets the same id."""
    data = canonical if canonical is not None else canonical_words(text)
    return hashlib.sha1(data).hexdigest()[:16]
