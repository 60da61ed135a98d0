"""What the API answers and the pages show, built once from the store and the readers."""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import logging
from typing import Any

from storyline.api.context import Readers
from storyline.api.shapes import (
    brief_dict,
    entity_dict,
    entity_ref,
    quote_row_dict,
)
from storyline.model import Entity, Story
from storyline.serialize import document_dict, event_dict, story_dict
from storyline.store.base import EntityFilter, EntityReader, QuoteFilter
from storyline.store.entities import EntityRepo
from storyline.store.quotes import any_speaker_entity, list_quotes
from storyline.store.search import ArticleBrief, article_briefs, articles_per_day, newest_briefs

log = logging.getLogger(__name__)

MAX_PAGE = 500  # the largest page a listing endpoint serves (routes.Limit)


def _entity_names(readers: Readers, ids: list[str]) -> list[dict[str, Any]]:
    """Actor ids as {id, name, type}; an id the entity reader does not know keeps its text."""
    found: list[dict[str, Any]] = []
    for value in ids:
        ref = readers.refs.get(value)
        if ref is None:
            ref = {"id": None, "name": value, "type": None}
            with contextlib.suppress(LookupError):
                ref = entity_ref(_entity(readers.entities, value))
            readers.refs.put(value, ref)
        found.append(ref)
    return found


def _entity(entities: EntityReader, entity_id: str) -> Entity:
    """The entity without its article list where the reader can leave it out."""
    if isinstance(entities, EntityRepo):
        return entities.get_entity(entity_id, articles=False)
    return entities.get_entity(entity_id)


def entity_listing(
    readers: Readers, filt: EntityFilter, article_limit: int
) -> list[dict[str, Any]]:
    """Entities as the listing shows them: the ``article_limit`` newest article ids each."""
    entities = readers.entities
    if not isinstance(entities, EntityRepo):
        found = entities.list_entities(filt)
        return [entity_dict(e, article_limit=article_limit) for e in found]
    found = entities.list_entities(filt, article_limit=article_limit)
    counts = entities.article_counts([e.id for e in found])
    return [entity_dict(e, article_count=counts[e.id]) for e in found]


def entity_articles(
    readers: Readers, entity_id: str, limit: int, offset: int = 0
) -> tuple[Entity, int, list[ArticleBrief]]:
    """The entity, how many articles it occurs in, and one page of them newest first."""
    entities = readers.entities
    if isinstance(entities, EntityRepo):
        entity = entities.get_entity(entity_id, articles=False)
        count = entities.article_count(entity.id)
        ids = entities.newest_articles(entity.id, limit, offset)
        found = article_briefs(readers.store, ids)
        return entity, count, [found[i] for i in ids if i in found]
    entity = entities.get_entity(entity_id)
    briefs = newest_briefs(readers.store, entity.articles, limit + offset)[offset:]
    return entity, len(entity.articles), briefs


def articles_next(entity_id: str, count: int, limit: int, offset: int) -> str | None:
    """The API path of the next page of an entity's articles, if one follows."""
    following = offset + limit
    if limit == 0 or following >= count:
        return None
    size = min(limit, MAX_PAGE)
    return f"/api/entities/{entity_id}/articles?offset={following}&limit={size}"


def timeline_builder() -> Any | None:
    """``storyline.timeline.build_timeline`` once timelines (issue 8) have landed."""
    try:
        module = importlib.import_module("storyline.timeline")
    except ImportError:
        return None
    builder = getattr(module, "build_timeline", None)
    return builder if callable(builder) else None


def _timeline(readers: Readers, story: Story, ids: list[str]) -> Any | None:
    """The story's timeline, built from its documents once and kept while they stay the same."""
    builder = timeline_builder()
    if builder is None:
        return None
    key = f"{story.id}:{hashlib.blake2b(' '.join(sorted(ids)).encode()).hexdigest()}"
    cached = readers.timelines.get(key)
    if cached is not None:
        return cached
    docs = [readers.store.load_document(article_id) for article_id in ids]
    result = builder(docs, story=story.id, label=story.label)
    to_dict = getattr(result, "as_dict", None)
    data = to_dict() if callable(to_dict) else result
    readers.timelines.put(key, data)
    return data


def story_overview(readers: Readers, story: Story, *, actors: int = 5) -> dict[str, Any]:
    """A story as the home page lists it: label, span, size, top actors, articles per day."""
    ids = [a for event in story.events for a in event.articles]
    data = {
        "id": story.id,
        "label": story.label,
        "start": story.start,
        "end": story.end,
        "size": len(set(ids)),
        "events": len(story.events),
        "actors": _entity_names(readers, story.actors[:actors]),
        "per_day": [{"date": d, "count": c} for d, c in articles_per_day(readers.store, ids)],
    }
    return data


def story_detail(readers: Readers, story_id: str, *, quote_limit: int = 200) -> dict[str, Any]:
    """The story with its events in order, their articles, actors, quotes and any timeline."""
    stories = readers.stories
    story = stories.get_story(story_id)
    data = story_dict(story)
    ids = list(dict.fromkeys(a for event in story.events for a in event.articles))
    briefs = article_briefs(readers.store, ids)
    data["articles"] = {key: brief_dict(value) for key, value in briefs.items()}
    data["actor_entities"] = _entity_names(readers, story.actors)
    data["per_day"] = [{"date": d, "count": c} for d, c in articles_per_day(readers.store, ids)]
    filt = QuoteFilter(story=story.id, limit=quote_limit)
    quotes = list_quotes(readers.store, filt, stories, story_articles=ids)
    data["quotes"] = [quote_row_dict(row) for row in quotes]
    timeline = _timeline(readers, story, ids)
    if timeline is not None:
        data["timeline"] = timeline
    return data


def entity_detail(
    readers: Readers,
    entity_id: str,
    *,
    article_limit: int = 100,
    article_offset: int = 0,
    quote_limit: int = 100,
) -> dict[str, Any]:
    """The entity with its aliases, newest articles, co-occurring entities and its quotes.

    ``articles`` holds the ``article_limit`` newest article ids, ``article_count`` all of
    them, ``articles_next`` the path of the next page (None when there is none).
    """
    entities = readers.entities
    found = entity_articles(readers, entity_id, article_limit, article_offset)
    entity, count, briefs = found
    data = entity_dict(entity, article_count=count)
    data["articles"] = [b.id for b in briefs]
    data["article_briefs"] = [brief_dict(b) for b in briefs]
    data["articles_offset"] = article_offset
    data["articles_next"] = articles_next(entity.id, count, article_limit, article_offset)
    data["co_occurring"] = [
        {"entity": entity_ref(other), "count": count}
        for other, count in entities.co_occurring(entity.id)
    ]
    speaker = entity.id if any_speaker_entity(readers.store) else entity.name
    quotes = list_quotes(readers.store, QuoteFilter(speaker=speaker, limit=quote_limit))
    data["quotes"] = [quote_row_dict(row) for row in quotes]
    return data


def article_detail(readers: Readers, article_id: str) -> dict[str, Any]:
    """The article with its analysis, and its event and story once clustering has run."""
    doc = readers.store.load_document(article_id)
    data = document_dict(doc)
    data["event"] = None
    data["story"] = None
    event = readers.stories.event_of_article(doc.article.id)
    if event is not None:
        data["event"] = event_dict(event)
        if event.story_id:
            story = readers.stories.get_story(event.story_id)
            data["story"] = {"id": story.id, "label": story.label}
    return data
