"""Text clean-up and the content hash that makes an article's id."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_WORDS = re.compile(r"\w+")


def clean_text(text: str) -> str:
    """Unicode NFC, unified newlines and spaces, one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def fingerprint_words(text: str) -> list[str]:
    """Lower-cased words: what the exact and near-duplicate checks compare."""
    return _WORDS.findall(text.casefold())


def article_id(text: str, words: list[str] | None = None) -> str:
    """Stable id from the normalised text, so the same text always gets the same id."""
    canonical = " ".join(words if words is not None else fingerprint_words(text))
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:16]
