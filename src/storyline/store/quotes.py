"""Quotes across articles: who said what, when, and where it was reported."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from storyline.errors import NotFoundError
from storyline.model import Quote
from storyline.store.base import QuoteFilter, StoryReader
from storyline.store.rows import row_quote
from storyline.store.sqlite import SQLiteStore

# A quote's own resolved date when it has one, else its article's publication date, else
# UNDATED (after every date): kept in quotes.sort_when (migration 6) and indexed per speaker.
_WHEN = "q.sort_when"
UNDATED = "~"


@dataclass
class QuoteRow:
    """A stored quote with the article that reported it."""

    quote: Quote
    article_id: str
    article_title: str | None
    article_date: str | None
    source: str | None

    @property
    def when(self) -> str | None:
        return self.quote.date or self.article_date


def story_article_ids(stories: StoryReader, story_id: str) -> list[str]:
    story = stories.get_story(story_id)
    return list(dict.fromkeys(a for event in story.events for a in event.articles))


def is_speaker_entity(store: SQLiteStore, value: str) -> bool:
    """True when ``value`` is the entity id of some quote's speaker (an indexed look-up)."""
    sql = "SELECT 1 FROM quotes WHERE speaker_entity = ? LIMIT 1"
    return store.conn.execute(sql, (value,)).fetchone() is not None


def any_speaker_entity(store: SQLiteStore) -> bool:
    """True once entity resolution has attributed at least one quote to an entity."""
    sql = "SELECT 1 FROM quotes WHERE speaker_entity IS NOT NULL LIMIT 1"
    return store.conn.execute(sql).fetchone() is not None


def _where(
    store: SQLiteStore,
    filt: QuoteFilter,
    stories: StoryReader | None,
    story_articles: list[str] | None = None,
) -> tuple[str, list[Any]]:
    """An entity id matches quotes attributed to it; any other text, the speaker's name.

    ``story_articles``: the story's article ids when the caller has them already.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if filt.speaker and is_speaker_entity(store, filt.speaker):
        clauses.append("q.speaker_entity = ?")
        params.append(filt.speaker)
    elif filt.speaker:
        # a name also finds the quotes of the entity it names under a role that refers to
        # them ("Poetin" finds "de Russische president"'s quotes once resolved to him)
        clauses.append(
            "(q.speaker_text LIKE ? ESCAPE '\\' OR q.speaker_entity IN "
            "(SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE))"
        )
        params.extend([f"%{_like(filt.speaker)}%", filt.speaker])
    if filt.text:
        clauses.append("q.text LIKE ? ESCAPE '\\'")
        params.append(f"%{_like(filt.text)}%")
    if filt.date_from:
        clauses.append(f"{_WHEN} >= ? AND {_WHEN} != '{UNDATED}'")
        params.append(filt.date_from)
    if filt.date_to:
        clauses.append(f"substr({_WHEN}, 1, ?) <= ?")
        params.extend([len(filt.date_to), filt.date_to])
    if filt.story:
        if story_articles is None and stories is None:
            raise NotFoundError("storylines have not been built yet: run clustering first")
        ids = story_articles
        if ids is None:
            assert stories is not None
            ids = story_article_ids(stories, filt.story)
        clauses.append("q.article_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(ids))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_quotes(
    store: SQLiteStore,
    filt: QuoteFilter,
    stories: StoryReader | None = None,
    story_articles: list[str] | None = None,
) -> list[QuoteRow]:
    """Quotes matching ``filt``, oldest first; a story filter needs a story reader, or
    the story's article ids in ``story_articles``."""
    where, params = _where(store, filt, stories, story_articles)
    sql = (
        "SELECT q.*, a.title AS a_title, a.date AS a_date, a.source AS a_source "
        f"FROM quotes q JOIN articles a ON a.id = q.article_id{where} "
        f"ORDER BY {_WHEN}, q.article_id, q.start"
    )
    if filt.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params.extend([filt.limit, filt.offset])
    return [
        QuoteRow(row_quote(r), r["article_id"], r["a_title"], r["a_date"], r["a_source"])
        for r in store.conn.execute(sql, params)
    ]


def count_quotes(store: SQLiteStore, filt: QuoteFilter, stories: StoryReader | None = None) -> int:
    where, params = _where(store, filt, stories)
    # No join: every quote's article exists (ON DELETE CASCADE) and no filter needs it.
    sql = f"SELECT COUNT(*) FROM quotes q{where}"
    return int(store.conn.execute(sql, params).fetchone()[0])
