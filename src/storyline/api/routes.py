"""Read endpoints: JSON, paginated with limit/offset and a total, with filters."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from storyline.api.context import AppContext, Readers
from storyline.api.queries import (
    article_detail,
    entity_detail,
    need_entities,
    need_stories,
    story_detail,
)
from storyline.api.shapes import entity_dict, hit_dict, page, quote_row_dict
from storyline.serialize import article_dict, event_dict, story_dict
from storyline.store.base import ArticleFilter, EntityFilter, QuoteFilter
from storyline.store.quotes import count_quotes, list_quotes
from storyline.store.search import RANK_ALL, SearchFilter, search_articles

router = APIRouter(prefix="/api")

Limit = Annotated[int, Query(ge=1, le=500, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, description="Skip this many items.")]
DateFrom = Annotated[
    str | None,
    Query(alias="from", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="First date."),
]
DateTo = Annotated[
    str | None,
    Query(alias="to", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="Last date."),
]


def context(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


def readers(ctx: Annotated[AppContext, Depends(context)]) -> Iterator[Readers]:
    """A read connection of this request's own, back to the pool when it is done."""
    with ctx.readers() as bundle:
        yield bundle


Read = Annotated[Readers, Depends(readers)]


def _more(items: list[Any], limit: int, offset: int) -> tuple[list[Any], int | None]:
    """Items of a reader that cannot count: fetched one extra to know whether more follow."""
    if len(items) > limit:
        return items[:limit], None
    return items, offset + len(items)


@router.get("/articles", summary="List articles")
def list_articles(
    r: Read,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    source: str | None = None,
    lang: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    filt = ArticleFilter(date_from, date_to, source, lang, limit, offset)
    items = []
    for article in r.store.list_articles(filt):
        data = article_dict(article, text=False)
        if r.stories is not None:
            event = r.stories.event_of_article(article.id)
            data["event_id"] = event.id if event else None
            data["story_id"] = event.story_id if event else None
        items.append(data)
    return page(items, r.store.count_articles(filt), limit, offset)


@router.get("/articles/{article_id}", summary="One article with its analysis")
def get_article(article_id: str, r: Read) -> dict[str, Any]:
    return article_detail(r, article_id)


@router.get("/entities", summary="List entities")
def list_entities(
    r: Read,
    type: str | None = None,
    name: str | None = None,
    story: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    entities = need_entities(r)
    found = entities.list_entities(EntityFilter(type, name, story, limit + 1, offset))
    items, total = _more(found, limit, offset)
    return page([entity_dict(e, article_limit=20) for e in items], total, limit, offset)


@router.get("/entities/{entity_id}", summary="One entity with its articles, neighbours, quotes")
def get_entity(
    entity_id: str, r: Read, articles: Annotated[int, Query(ge=0, le=1000)] = 100
) -> dict[str, Any]:
    return entity_detail(r, entity_id, article_limit=articles)


@router.get("/quotes", summary="List quotes")
def quotes(
    r: Read,
    speaker: str | None = None,
    story: str | None = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    text: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    filt = QuoteFilter(speaker, story, date_from, date_to, text, limit, offset)
    if story is not None:
        need_stories(r)
    rows = list_quotes(r.store, filt, r.stories)
    total = count_quotes(r.store, filt, r.stories)
    return page([quote_row_dict(row) for row in rows], total, limit, offset)


@router.get("/events", summary="List events")
def events(r: Read, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    found = need_stories(r).list_events(limit + 1, offset)
    items, total = _more(found, limit, offset)
    return page([event_dict(e) for e in items], total, limit, offset)


@router.get("/stories", summary="List storylines")
def stories(r: Read, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    found = need_stories(r).list_stories(limit + 1, offset)
    items, total = _more(found, limit, offset)
    return page([story_dict(s) for s in items], total, limit, offset)


@router.get("/stories/{story_id}", summary="One storyline with its events (and timeline)")
def get_story(story_id: str, r: Read) -> dict[str, Any]:
    return story_detail(r, story_id)


@router.get("/search", summary="Full-text search over titles and text")
def search(
    r: Read,
    q: Annotated[str, Query(min_length=1, max_length=500, description='Words or "phrases".')],
    date_from: DateFrom = None,
    date_to: DateTo = None,
    lang: str | None = None,
    source: str | None = None,
    entity: str | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    filt = SearchFilter(q, date_from, date_to, lang, source, entity, limit, offset)
    result = search_articles(r.store, filt)
    data = page([hit_dict(hit) for hit in result.hits], result.total, limit, offset)
    data["query"] = q
    data["total_exact"] = result.total_exact
    data["ranked_among_recent"] = RANK_ALL if result.ranked_recent else None
    return data


@router.get("/stats", summary="What the store holds")
def stats(r: Read) -> dict[str, Any]:
    figures = dict(r.store.stats())
    figures["store"] = r.store.location
    figures["entities_available"] = r.entities is not None
    figures["stories_available"] = r.stories is not None
    return figures
