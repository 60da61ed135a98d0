"""Plain text files (``.txt``), seeds included: an optional date line, then the text."""

from __future__ import annotations

from collections.abc import Iterator

from storyline.ingest.readers.common import decode, load_bytes
from storyline.ingest.readers.seed import seed_article
from storyline.ingest.records import RawArticle, ReadOptions


def read_text(path: str, options: ReadOptions) -> Iterator[RawArticle]:
    """One article per file; a ``date: 2017-03-02`` / `` date 2017-03`` first line sets its date."""
    text, warnings = decode(load_bytes(path, options), path)
    yield seed_article(text, path, options, warnings)
