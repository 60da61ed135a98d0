"""What a reader yields: raw articles (or JSON Lines records still to parse), or errors
naming the file and record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storyline.errors import ReadError
from storyline.model import PartialDate


@dataclass
class RawArticle:
    """An article as a reader found it, before normalisation, language and dedup."""

    text: str
    origin: str
    title: str | None = None
    date: PartialDate | None = None
    lang: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    external_id: str | None = None
    warnings: list[str] = field(default_factory=list)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Flat tuples pickle faster than dataclasses; every article goes to a worker process.
        date = (self.date.year, self.date.month, self.date.day) if self.date else None
        fields = (self.text, self.origin, self.title, date, self.lang, self.url, self.source)
        return _restore_raw, (*fields, self.author, self.external_id, self.warnings)


def _restore_raw(
    text: str,
    origin: str,
    title: str | None,
    date: tuple[int, int | None, int | None] | None,
    *rest: Any,
) -> RawArticle:
    """A RawArticle from what ``RawArticle.__reduce__`` gave pickle."""
    return RawArticle(text, origin, title, PartialDate(*date) if date else None, *rest)


@dataclass
class ReadOptions:
    """Options shared by all readers."""

    default_date: PartialDate | None = None
    default_lang: str | None = None
    field_map: dict[str, str] = field(default_factory=dict)
    max_file_bytes: int = 100 * 1024 * 1024
    # JSON Lines records come out unparsed (PendingLine), for ingest's worker processes to
    # parse: parsing in the storing process cost it a sixth of its time.
    defer_parsing: bool = False


@dataclass
class PendingLine:
    """One JSON Lines record as read, not parsed yet: ``parse`` makes it a RawArticle."""

    raw: bytes | str
    origin: str
    number: int
    options: ReadOptions

    def parse(self) -> RawArticle:
        """The record's article; a ReadError names the line and why it cannot be read."""
        from storyline.ingest.readers.jsonl import parse_line

        return parse_line(self.raw, self.origin, self.number, self.options)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return PendingLine, (self.raw, self.origin, self.number, self.options)


ReadResult = RawArticle | ReadError | PendingLine
