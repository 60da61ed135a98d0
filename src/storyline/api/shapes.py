"""JSON shapes of entities, events, stories, quotes and pages (articles use storyline.serialize)."""

from __future__ import annotations

from typing import Any

from storyline.model import Entity
from storyline.serialize import quote_dict
from storyline.store.quotes import QuoteRow
from storyline.store.search import ArticleBrief, SearchHit, split_snippet


def page(items: list[Any], total: int | None, limit: int, offset: int) -> dict[str, Any]:
    """A page of a listing; ``total`` is None where the reader cannot count cheaply."""
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def entity_dict(
    entity: Entity, *, article_limit: int | None = None, article_count: int | None = None
) -> dict[str, Any]:
    """The issue-6 shape; ``articles`` may be cut to ``article_limit`` ids (see article_count).

    ``article_count`` is given where the reader left ``entity.articles`` partial.
    """
    articles = entity.articles if article_limit is None else entity.articles[:article_limit]
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": entity.aliases,
        "mentions": entity.mentions,
        "articles": articles,
        "article_count": len(entity.articles) if article_count is None else article_count,
        "first_seen": entity.first_seen,
        "last_seen": entity.last_seen,
    }


def entity_ref(entity: Entity) -> dict[str, Any]:
    return {"id": entity.id, "name": entity.name, "type": entity.type}


def brief_dict(brief: ArticleBrief) -> dict[str, Any]:
    return {
        "id": brief.id,
        "title": brief.title,
        "date": brief.date,
        "source": brief.source,
        "url": brief.url,
        "lang": brief.lang,
        "lead": _lead(brief.lead),
    }


def _lead(text: str, width: int = 90) -> str:
    """The start of an article's text, for showing an untitled article."""
    first = text.strip().split("\n", 1)[0]
    return first if len(first) <= width else first[: width - 1].rstrip() + "…"


def quote_row_dict(row: QuoteRow) -> dict[str, Any]:
    data = quote_dict(row.quote)
    data["when"] = row.when
    data["article"] = {
        "id": row.article_id,
        "title": row.article_title,
        "date": row.article_date,
        "source": row.source,
    }
    return data


def hit_dict(hit: SearchHit) -> dict[str, Any]:
    """A search hit; ``highlights`` are [start, end] offsets of matched words in ``snippet``."""
    snippet, highlights = split_snippet(hit.snippet)
    return {
        "id": hit.id,
        "title": hit.title,
        "date": hit.date,
        "lang": hit.lang,
        "source": hit.source,
        "url": hit.url,
        "snippet": snippet,
        "highlights": [list(span) for span in highlights],
        "score": round(-hit.score, 4),
        "lead": _lead(hit.lead),
    }
