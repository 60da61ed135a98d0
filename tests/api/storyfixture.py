"""A store filled with the bundled seed articles, hand-made annotations, and fake readers.

The fakes implement the EntityReader and StoryReader protocols over a few entities and one
storyline written here, so the API and the pages can be tested before those stages land.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.errors import NotFoundError
from storyline.ingest.service import ingest_paths
from storyline.model import Article, Document, Entity, Event, Mention, Quote, Span, Story, Timex
from storyline.store.base import EntityFilter
from storyline.store.sqlite import SQLiteStore

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "storyline" / "data" / "examples"

# name in the text -> (label, entity id, canonical name)
NAMES = {
    "Jeff Sessions": ("PER", "e-sessions", "Jeff Sessions"),
    "Sessions": ("PER", "e-sessions", "Jeff Sessions"),
    "Donald Trump": ("PER", "e-trump", "Donald Trump"),
    "Trump": ("PER", "e-trump", "Donald Trump"),
    "Vladimir Poetin": ("PER", "e-putin", "Vladimir Poetin"),
    "Poetin": ("PER", "e-putin", "Vladimir Poetin"),
    "Sergej Lavrov": ("PER", "e-lavrov", "Sergej Lavrov"),
    "Rusland": ("LOC", "e-russia", "Rusland"),
    "Senaat": ("ORG", "e-senate", "Senaat"),
}
DAYS = {"woensdag": "XXXX-WXX-3", "donderdag": "XXXX-WXX-4"}
SCRIPT = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def _mentions(text: str) -> list[Mention]:
    found: list[Mention] = []
    taken: set[int] = set()
    for name in sorted(NAMES, key=len, reverse=True):
        label, entity_id, _ = NAMES[name]
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            if taken & set(range(match.start(), match.end())):
                continue
            taken.update(range(match.start(), match.end()))
            found.append(Mention(match.start(), match.end(), name, label, entity_id))
    return sorted(found, key=lambda m: m.start)


def _quotes(text: str, mentions: list[Mention]) -> list[Quote]:
    quotes = []
    for match in re.finditer(r'"[^"\n]+"', text):
        if len(match.group(0)) < 14:
            continue
        after = [m for m in mentions if m.label == "PER" and 0 <= m.start - match.end() < 80]
        before = [m for m in mentions if m.label == "PER" and 0 <= match.start() - m.end < 200]
        speaker = after[0] if after else (before[-1] if before else None)
        quotes.append(
            Quote(
                match.start(),
                match.end(),
                match.group(0),
                "direct",
                "zei",
                speaker,
                speaker.entity_id if speaker else None,
            )
        )
    return quotes


def annotate(article: Article) -> Document:
    """A document with sentences, the names above, quoted passages and two weekday timexes."""
    text = article.text
    mentions = _mentions(text)
    timexes = [
        Timex(m.start(), m.end(), m.group(0), "DATE", DAYS[m.group(0)])
        for m in re.finditer(r"\b(woensdag|donderdag)\b", text)
    ]
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text)]
    return Document(article, sentences, [], mentions, timexes, _quotes(text, mentions))


def seeded_store(path: Path, *, hostile: bool = True) -> SQLiteStore:
    """The four seed articles, annotated; with ``hostile`` a fifth whose text holds a script."""
    store = SQLiteStore(path)
    ingest_paths([str(EXAMPLES)], store)
    if hostile:
        from storyline.ingest.records import RawArticle
        from storyline.ingest.service import ingest_records
        from storyline.model import PartialDate

        raw = RawArticle(
            text=f"Trump tweette {SCRIPT} op donderdag.\n\nEen tweede alinea over Rusland.",
            origin="test",
            title=f"Hostile {SCRIPT}",
            date=PartialDate(2017, 6, 1),
            lang="nl",
            source="evil.example",
            url="javascript:alert(1)",
        )
        ingest_records([raw], store)
    docs = [annotate(store.get_article(a.id)) for a in store.iter_articles()]
    store.save_documents(docs)
    return store


class FakeEntities:
    """EntityReader over the NAMES table, counting what the store's mentions say."""

    def __init__(self, store: SQLiteStore) -> None:
        self.entities: dict[str, Entity] = {}
        self.together: dict[str, dict[str, int]] = {}
        per_article: dict[str, set[str]] = {}
        for article in store.iter_articles():
            doc = store.load_document(article.id)
            for m in doc.entities:
                assert m.entity_id is not None
                label, entity_id, canonical = NAMES[m.text]
                entity = self.entities.setdefault(entity_id, Entity(entity_id, canonical, label))
                if m.text not in entity.aliases:
                    entity.aliases.append(m.text)
                entity.mentions += 1
                if article.id not in entity.articles:
                    entity.articles.append(article.id)
                when = article.date.iso() if article.date else None
                if when:
                    entity.first_seen = min(entity.first_seen or when, when)
                    entity.last_seen = max(entity.last_seen or when, when)
                per_article.setdefault(article.id, set()).add(entity_id)
        for ids in per_article.values():
            for one in ids:
                for other in ids - {one}:
                    row = self.together.setdefault(one, {})
                    row[other] = row.get(other, 0) + 1

    def list_entities(self, filt: EntityFilter) -> list[Entity]:
        found = sorted(self.entities.values(), key=lambda e: (-e.mentions, e.id))
        if filt.type:
            found = [e for e in found if e.type == filt.type]
        if filt.name:
            found = [e for e in found if filt.name.lower() in e.name.lower()]
        end = None if filt.limit is None else filt.offset + filt.limit
        return found[filt.offset : end]

    def get_entity(self, entity_id: str) -> Entity:
        if entity_id not in self.entities:
            raise NotFoundError(f"no entity {entity_id!r}")
        return self.entities[entity_id]

    def co_occurring(self, entity_id: str, limit: int = 20) -> list[tuple[Entity, int]]:
        row = self.together.get(entity_id, {})
        ranked = sorted(row.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [(self.entities[other], count) for other, count in ranked]


class FakeStories:
    """StoryReader with one storyline holding one event per seed article, in date order."""

    def __init__(self, store: SQLiteStore) -> None:
        articles = sorted(
            store.iter_articles(), key=lambda a: (a.date.iso() if a.date else "", a.id)
        )
        self.events = [
            Event(
                f"ev-{index}",
                a.title or a.text[:60],
                a.date.iso() if a.date else None,
                [a.id],
                ["e-trump"],
                "st-1",
            )
            for index, a in enumerate(articles)
        ]
        dates = [e.date for e in self.events if e.date]
        self.story = Story(
            "st-1",
            "Trump en Rusland",
            min(dates),
            max(dates),
            self.events,
            ["e-trump", "e-sessions", "e-putin", "e-russia"],
        )

    def list_stories(self, limit: int | None = 50, offset: int = 0) -> list[Story]:
        return [self.story][offset : None if limit is None else offset + limit]

    def get_story(self, story_id: str) -> Story:
        if story_id != self.story.id:
            raise NotFoundError(f"no story {story_id!r}")
        return self.story

    def list_events(self, limit: int | None = 50, offset: int = 0) -> list[Event]:
        return self.events[offset : None if limit is None else offset + limit]

    def event_of_article(self, article_id: str) -> Event | None:
        return next((e for e in self.events if article_id in e.articles), None)


@pytest.fixture(scope="session")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "store.db"
    seeded_store(path).close()
    return path


@pytest.fixture
def seeded(seeded_file: Path, tmp_path: Path) -> Iterator[SQLiteStore]:
    """A private copy of the seeded store, so a test may write to it."""
    path = tmp_path / "store.db"
    shutil.copy(seeded_file, path)
    opened = SQLiteStore(path)
    yield opened
    opened.close()


@pytest.fixture
def fakes(seeded: SQLiteStore) -> tuple[FakeEntities, FakeStories]:
    return FakeEntities(seeded), FakeStories(seeded)
