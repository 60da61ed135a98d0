"""The store interface: every piece of SQL lives behind it, so other databases can follow."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol

from storyline.model import Article, Document, Entity, Event, Story


@dataclass
class ArticleFilter:
    """Filters for listing articles; dates compare as ISO text, so month prefixes work."""

    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    lang: str | None = None
    limit: int | None = 50
    offset: int = 0


@dataclass
class RunCounts:
    """What one ingest run did; closes the run as its summary."""

    read: int = 0
    stored: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicate": self.duplicate,
            "near_duplicate": self.near_duplicate,
            "failed": self.failed,
        }


class Store(Protocol):
    """Persistent home of articles and everything derived from them."""

    location: str

    def transaction(self) -> AbstractContextManager[None]: ...

    def close(self) -> None: ...

    def bulk_writes(self) -> AbstractContextManager[None]:
        """Around many write transactions in a row (an ingest run): lets the store batch upkeep."""
        ...

    # articles
    def has_article(self, article_id: str) -> bool: ...

    def stored_ids(self, article_ids: Iterable[str]) -> set[str]: ...

    def add_article(self, article: Article, signature: bytes, band_keys: list[int]) -> None: ...

    def add_articles(self, items: Sequence[tuple[Article, bytes, list[int]]]) -> None: ...

    def band_candidates(self, band_keys: list[int]) -> list[tuple[str, bytes]]: ...

    def band_members(
        self, band_keys: Iterable[int]
    ) -> tuple[dict[int, list[str]], dict[str, bytes]]: ...

    def get_article(self, article_id: str) -> Article: ...

    def list_articles(self, filt: ArticleFilter) -> list[Article]: ...

    def count_articles(self, filt: ArticleFilter | None = None) -> int: ...

    def iter_articles(self, batch_size: int = 500) -> Iterator[Article]: ...

    def unanalyzed_ids(self) -> list[str]: ...

    # analysis
    def save_documents(self, docs: Iterable[Document]) -> None: ...

    def load_document(self, article_id: str) -> Document: ...

    # runs and figures
    def record_run(self, counts: RunCounts, started_at: str) -> None: ...

    def stats(self) -> dict[str, object]: ...


@dataclass
class EntityFilter:
    type: str | None = None
    name: str | None = None
    story: str | None = None
    limit: int | None = 50
    offset: int = 0


@dataclass
class QuoteFilter:
    speaker: str | None = None
    story: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    text: str | None = None
    limit: int | None = 50
    offset: int = 0


class EntityReader(Protocol):
    """Read side of cross-document entities (issue 6); implemented in store/entities.py."""

    def list_entities(self, filt: EntityFilter) -> list[Entity]: ...

    def get_entity(self, entity_id: str) -> Entity: ...

    def co_occurring(self, entity_id: str, limit: int = 20) -> list[tuple[Entity, int]]: ...


class StoryReader(Protocol):
    """Read side of events and storylines (issue 7); implemented in store/stories.py."""

    def list_stories(self, limit: int | None = 50, offset: int = 0) -> list[Story]: ...

    def get_story(self, story_id: str) -> Story: ...

    def list_events(self, limit: int | None = 50, offset: int = 0) -> list[Event]: ...

    def event_of_article(self, article_id: str) -> Event | None: ...
