"""storyline: dated news articles in, storylines out."""

from storyline.errors import StorylineError
from storyline.model import Article, Document, Mention, PartialDate, Quote, Span, Timex

__version__ = "0.1.0"

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
]
