"""The records a timeline is made of, and their stable JSON shape (add keys, never rename)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storyline.timeline.dates import DateRange


@dataclass
class SourceArticle:
    """What a reader needs to find an article again."""

    id: str
    title: str
    outlet: str | None
    published: str | None
    url: str | None = None
    lang: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "url": self.url,
            "lang": self.lang,
        }


@dataclass
class TimelineSentence:
    """A sentence taken verbatim from an article; ``start``/``end`` are offsets into its text."""

    text: str
    article: str
    start: int
    end: int
    outlet: str | None = None
    published: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "article": self.article,
            "start": self.start,
            "end": self.end,
            "outlet": self.outlet,
            "published": self.published,
        }


@dataclass
class EntityRef:
    name: str
    label: str
    entity_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "label": self.label, "entity_id": self.entity_id}


@dataclass
class TimelineEntry:
    """One date on the timeline with its summary sentences, their sources and entities."""

    range: DateRange
    sentences: list[TimelineSentence]
    entities: list[EntityRef] = field(default_factory=list)
    score: float = 0.0
    articles: int = 0
    mentions: int = 0

    @property
    def date(self) -> str:
        return self.range.label

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.range.label,
            "precision": self.range.precision,
            "start": self.range.start.isoformat(),
            "end": self.range.end.isoformat(),
            "mod": self.range.mod,
            "score": round(self.score, 4),
            "articles": self.articles,
            "mentions": self.mentions,
            "sentences": [s.as_dict() for s in self.sentences],
            "entities": [e.as_dict() for e in self.entities],
        }


@dataclass
class StorySummary:
    """A short extractive paragraph, the main actors and the time span of a story."""

    sentences: list[TimelineSentence]
    actors: list[EntityRef]
    start: str | None
    end: str | None

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass
class Timeline:
    story: str | None
    label: str
    summary: StorySummary
    entries: list[TimelineEntry]
    articles: list[SourceArticle]

    def as_dict(self) -> dict[str, Any]:
        """The shape printed by ``storyline timeline --json``."""
        return {
            "story": self.story,
            "label": self.label,
            "summary": self.summary.text,
            "summary_sentences": [s.as_dict() for s in self.summary.sentences],
            "actors": [a.as_dict() for a in self.summary.actors],
            "span": {"start": self.summary.start, "end": self.summary.end},
            "entries": [e.as_dict() for e in self.entries],
            "articles": [a.as_dict() for a in self.articles],
        }
