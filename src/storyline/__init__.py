"""storyline: dated news articles in, storylines out.

The main functions are importable from here; they load lazily so that importing the
package (and starting the CLI) stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from storyline.errors import StorylineError
from storyline.model import Article, Document, Mention, PartialDate, Quote, Span, Timex

__version__ = "0.1.0"

_LAZY = {
    "ingest_paths": "storyline.ingest.service",
    "ingest_records": "storyline.ingest.service",
    "read_articles": "storyline.ingest.service",
    "read_paths": "storyline.ingest.readers",
    "analyze": "storyline.pipeline",
    "analyze_pending": "storyline.pipeline",
    "open_store": "storyline.store",
}

__all__ = [
    "Article",
    "Document",
    "Mention",
    "PartialDate",
    "Quote",
    "Span",
    "StorylineError",
    "Timex",
    "__version__",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
