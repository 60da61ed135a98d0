"""Quotes across articles: filters on speaker, text, dates and story."""

from __future__ import annotations

import pytest

from storyline.errors import NotFoundError
from storyline.store.base import QuoteFilter
from storyline.store.quotes import count_quotes, list_quotes
from storyline.store.sqlite import SQLiteStore
from tests.api.storyfixture import FakeStories


def test_speaker_matches_entity_id_or_part_of_the_name(seeded: SQLiteStore) -> None:
    by_id = list_quotes(seeded, QuoteFilter(speaker="e-sessions"))
    by_name = list_quotes(seeded, QuoteFilter(speaker="sessions"))
    assert by_id and {r.quote.text for r in by_id} == {r.quote.text for r in by_name}
    assert all(r.article_date == "2017-03" for r in by_id)


def test_rows_come_oldest_first_with_their_article(seeded: SQLiteStore) -> None:
    rows = list_quotes(seeded, QuoteFilter(limit=None))
    assert [r.when for r in rows] == sorted(r.when or "" for r in rows)
    assert count_quotes(seeded, QuoteFilter()) == len(rows)
    assert list_quotes(seeded, QuoteFilter(limit=2, offset=1)) == rows[1:3]


def test_text_and_dates(seeded: SQLiteStore) -> None:
    assert len(list_quotes(seeded, QuoteFilter(text="VERTROUWEN"))) == 2
    assert list_quotes(seeded, QuoteFilter(text="%")) == []
    may = list_quotes(seeded, QuoteFilter(date_from="2017-05", date_to="2017-06"))
    assert all("2017-05" <= (r.when or "") < "2017-07" for r in may)
    assert count_quotes(seeded, QuoteFilter(date_to="2017-03")) == len(
        list_quotes(seeded, QuoteFilter(speaker="sessions", limit=None))
    )


def test_story_filter_needs_clustering(seeded: SQLiteStore) -> None:
    with pytest.raises(NotFoundError, match="clustering"):
        list_quotes(seeded, QuoteFilter(story="st-1"))
    stories = FakeStories(seeded)
    assert count_quotes(seeded, QuoteFilter(story="st-1"), stories) == count_quotes(
        seeded, QuoteFilter()
    )
    stories.story.events = stories.story.events[:1]
    first_only = list_quotes(seeded, QuoteFilter(story="st-1", limit=None), stories)
    assert {r.article_id for r in first_only} <= set(stories.events[0].articles)
