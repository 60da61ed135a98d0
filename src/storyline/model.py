"""Plain typed records that flow through the pipeline.

Spans (sentences, mentions, quotes, timexes) are character offsets into
``Article.text``; they never copy the text they cover except for display.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import total_ordering
from typing import Literal

from storyline.errors import InvalidDateError

Precision = Literal["year", "month", "day"]
QuoteKind = Literal["direct", "partial", "indirect"]
EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to year, month or day precision; never an invented day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise InvalidDateError(f"day without month: {self.year}-?-{self.day}")
        try:
            date(self.year, self.month or 1, self.day or 1)
        except ValueError as exc:
            raise InvalidDateError(f"impossible date {self.iso()}: {exc}") from None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def iso(self) -> str:
        """ISO 8601 text at the stored precision: 2017, 2017-03 or 2017-03-02."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def sort_key(self) -> tuple[int, int, int]:
        """Orders a month before the days of that month, a year before its months."""
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a time part is ignored)."""
        head = text.strip()[:10]
        match = _PARTIAL_DATE.match(head) or _PARTIAL_DATE.match(text.strip())
        if not match:
            raise InvalidDateError(f"not a date: {text!r}")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    heading: bool = False


@dataclass
class Article:
    """One news article as read from a source; ``id`` is derived from its normalised text."""

    id: str
    text: str
    title: str | None = None
    date: PartialDate | None = None
    lang: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    source_path: str | None = None
    external_id: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    duplicate_of: str | None = None
    near_duplicate_of: str | None = None


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A named-entity mention; ``entity_id`` is filled by cross-document resolution."""

    start: int
    end: int
    text: str
    label: str
    entity_id: str | None = None


@dataclass
class Timex:
    """A TIMEX3-style time expression normalised against ``anchor``."""

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    mod: str | None = None
    anchor: str | None = None
    underspecified: bool = False


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: str | None = None
    speaker: Mention | None = None
    speaker_entity: str | None = None
    date: str | None = None
    flags: list[str] = field(default_factory=list)


def role_person(speaker: Mention, flags: list[str]) -> Mention | None:
    """The person a role speaker is when the text names them: a quote's ``role_is:NAME``
    flag ("De minister" after "minister Jeff Sessions"), as a mention at the role's place."""
    named = next((f.split(":", 1)[1] for f in flags if f.startswith("role_is:")), None)
    return None if named is None else Mention(speaker.start, speaker.end, named, "PER")


def names_speaker(mention: Mention, start: int, end: int) -> bool:
    """Whether a tagged mention names the speaker at ``start``..``end``: a person that
    overlaps it, or an organisation within it. An organisation that runs on past the name
    does not: the tagger's "Buitenlandse Zaken Hanke Bruins Slot" (ORG) around "Hanke Bruins
    Slot"."""
    if not (mention.start < end and start < mention.end):
        return False
    inside = start <= mention.start and mention.end <= end
    return mention.label == "PER" or (mention.label == "ORG" and inside)


@dataclass
class Document:
    """An article with everything the analysis stages found in it."""

    article: Article
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def lang(self) -> str:
        return self.article.lang or "und"


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    articles: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass
class Event:
    id: str
    label: str
    date: str | None
    articles: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    story_id: str | None = None


@dataclass
class Story:
    id: str
    label: str
    start: str | None
    end: str | None
    events: list[Event] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
