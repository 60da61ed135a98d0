"""Read endpoints: JSON, paginated with limit/offset and a total, with filters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from storyline.api.context import AppContext
from storyline.api.queries import (
    MAX_PAGE,
    article_detail,
    articles_next,
    entity_articles,
    entity_detail,
    entity_listing,
    story_detail,
)
from storyline.api.respond import Json
from storyline.api.shapes import brief_dict, entity_ref, hit_dict, page, quote_row_dict
from storyline.serialize import article_dict, event_dict, story_dict
from storyline.store.base import ArticleFilter, EntityFilter, QuoteFilter
from storyline.store.quotes import count_quotes, list_quotes
from storyline.store.search import RANK_ALL, SearchFilter, search_articles

router = APIRouter(prefix="/api", default_response_class=Json)

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, description="Skip this many items.")]
DateFrom = Annotated[
    str | None,
    Query(alias="from", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="First date."),
]
DateTo = Annotated[
    str | None,
    Query(alias="to", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="Last date."),
]


async def context(request: Request) -> AppContext:
    """Async on purpose: FastAPI runs it on the event loop, no thread hop of its own."""
    ctx: AppContext = request.app.state.ctx
    return ctx


# Handlers take the context and borrow their thread's own read connection (ctx.here()): a
# yield dependency would cost two more trips through the thread pool per request.
Ctx = Annotated[AppContext, Depends(context)]


def _more(items: list[Any], limit: int, offset: int) -> tuple[list[Any], int | None]:
    """Items of a reader that cannot count: fetched one extra to know whether more follow."""
    if len(items) > limit:
        return items[:limit], None
    return items, offset + len(items)


@router.get("/articles", summary="List articles")
def list_articles(
    ctx: Ctx,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    source: str | None = None,
    lang: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Json:
    r = ctx.here()
    filt = ArticleFilter(date_from, date_to, source, lang, limit, offset)
    items = []
    for article in r.store.list_articles(filt):
        data = article_dict(article, text=False)
        event = r.stories.event_of_article(article.id)
        data["event_id"] = event.id if event else None
        data["story_id"] = event.story_id if event else None
        items.append(data)
    return Json(page(items, r.store.count_articles(filt), limit, offset))


@router.get("/articles/{article_id}", summary="One article with its analysis")
def get_article(article_id: str, ctx: Ctx) -> Json:
    r = ctx.here()
    return Json(article_detail(r, article_id))


@router.get("/entities", summary="List entities")
def list_entities(
    ctx: Ctx,
    type: str | None = None,
    name: str | None = None,
    story: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Json:
    r = ctx.here()
    found = entity_listing(r, EntityFilter(type, name, story, limit + 1, offset), 20)
    items, total = _more(found, limit, offset)
    return Json(page(items, total, limit, offset))


@router.get("/entities/{entity_id}", summary="One entity with its articles, neighbours, quotes")
def get_entity(
    entity_id: str, ctx: Ctx, articles: Annotated[int, Query(ge=0, le=1000)] = 100
) -> Json:
    """``articles``: how many of its newest articles to include; ``articles_next`` pages on."""
    r = ctx.here()
    return Json(entity_detail(r, entity_id, article_limit=articles))


@router.get("/entities/{entity_id}/articles", summary="An entity's articles, newest first")
def get_entity_articles(entity_id: str, ctx: Ctx, limit: Limit = 100, offset: Offset = 0) -> Json:
    r = ctx.here()
    entity, count, briefs = entity_articles(r, entity_id, limit, offset)
    data = page([brief_dict(b) for b in briefs], count, limit, offset)
    data["entity"] = entity_ref(entity)
    data["next"] = articles_next(entity.id, count, limit, offset)
    return Json(data)


@router.get("/quotes", summary="List quotes")
def quotes(
    ctx: Ctx,
    speaker: str | None = None,
    story: str | None = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    text: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Json:
    r = ctx.here()
    filt = QuoteFilter(speaker, story, date_from, date_to, text, limit, offset)
    rows = list_quotes(r.store, filt, r.stories)
    total = count_quotes(r.store, filt, r.stories)
    return Json(page([quote_row_dict(row) for row in rows], total, limit, offset))


@router.get("/events", summary="List events")
def events(ctx: Ctx, limit: Limit = 50, offset: Offset = 0) -> Json:
    r = ctx.here()
    found = r.stories.list_events(limit + 1, offset)
    items, total = _more(found, limit, offset)
    return Json(page([event_dict(e) for e in items], total, limit, offset))


@router.get("/stories", summary="List storylines")
def stories(ctx: Ctx, limit: Limit = 50, offset: Offset = 0) -> Json:
    r = ctx.here()
    found = r.stories.list_stories(limit + 1, offset)
    items, total = _more(found, limit, offset)
    return Json(page([story_dict(s) for s in items], total, limit, offset))


@router.get("/stories/{story_id}", summary="One storyline with its events (and timeline)")
def get_story(story_id: str, ctx: Ctx) -> Json:
    r = ctx.here()
    return Json(story_detail(r, story_id))


@router.get("/search", summary="Full-text search over titles and text")
def search(
    ctx: Ctx,
    q: Annotated[str, Query(min_length=1, max_length=500, description='Words or "phrases".')],
    date_from: DateFrom = None,
    date_to: DateTo = None,
    lang: str | None = None,
    source: str | None = None,
    entity: str | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Offset = 0,
) -> Json:
    r = ctx.here()
    filt = SearchFilter(q, date_from, date_to, lang, source, entity, limit, offset)
    result = search_articles(r.store, filt)
    data = page([hit_dict(hit) for hit in result.hits], result.total, limit, offset)
    data["query"] = q
    data["total_exact"] = result.total_exact
    data["ranked_among_recent"] = RANK_ALL if result.ranked_recent else None
    return Json(data)


@router.get("/stats", summary="What the store holds")
def stats(ctx: Ctx) -> Json:
    r = ctx.here()
    figures = dict(r.store.stats())
    figures["store"] = r.store.location
    return Json(figures)
