"""Hand-built analysed documents for timeline tests (no analysis stages needed)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from storyline.analyze.sentences import split_text
from storyline.model import Article, Document, Mention, PartialDate, Timex

DocMaker = Callable[..., Document]


def make_doc(
    doc_id: str,
    published: str,
    text: str,
    timexes: Sequence[tuple[str, str, str | None]] = (),
    entities: Sequence[tuple[str, str]] = (),
    lang: str = "en",
    source: str | None = "Daily Test",
) -> Document:
    """A document with sentences; ``timexes`` are (surface text, value, mod) found in ``text``,
    ``entities`` (surface text, label) -- every occurrence becomes a mention."""
    article = Article(
        id=doc_id, text=text, date=PartialDate.parse(published), lang=lang, source=source
    )
    doc = Document(article=article, sentences=split_text(text, 0, len(text), lang))
    for surface, value, mod in timexes:
        start = text.index(surface)
        doc.timexes.append(Timex(start, start + len(surface), surface, "DATE", value, mod))
    for surface, label in entities:
        start = text.find(surface)
        while start >= 0:
            doc.entities.append(Mention(start, start + len(surface), surface, label))
            start = text.find(surface, start + 1)
    return doc


@pytest.fixture
def doc_maker() -> DocMaker:
    return make_doc
