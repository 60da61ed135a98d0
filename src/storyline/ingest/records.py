"""What a reader yields: raw articles, or errors naming the file and record."""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass
class ReadOptions:
    """Options shared by all readers."""

    default_date: PartialDate | None = None
    default_lang: str | None = None
    field_map: dict[str, str] = field(default_factory=dict)
    max_file_bytes: int = 100 * 1024 * 1024


ReadResult = RawArticle | ReadError
