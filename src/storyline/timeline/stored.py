"""Timelines of stored storylines: the bridge between the store and the timeline builder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.store.stories import StoryRepo
from storyline.timeline.types import Timeline

if TYPE_CHECKING:
    from storyline.store.base import StoryReader
    from storyline.store.sqlite import SQLiteStore


def story_timeline(
    store: SQLiteStore,
    repo: StoryReader,
    story_id: str | None,
    dates: int | None = None,
    sentences: int | None = None,
) -> Timeline | None:
    """The timeline of one story (the one with most articles when no id is given)."""
    from storyline.timeline.build import build_timeline

    if story_id is None:
        stories = repo.list_stories(limit=None)
        if not stories:
            return None
        story_id = max(stories, key=lambda s: sum(len(e.articles) for e in s.events)).id
    story = repo.get_story(story_id)
    ids = list(dict.fromkeys(aid for event in story.events for aid in event.articles))
    docs = [store.load_document(aid) for aid in ids]
    return build_timeline(docs, dates, sentences, story=story.id, label=story.label)


def store_timeline(store: SQLiteStore) -> Timeline | None:
    """The timeline of the largest storyline in ``store`` (the demo ends with it), or of all
    its analysed articles when nothing has been clustered; None for an empty store."""
    from storyline.timeline.build import build_timeline

    found = story_timeline(store, StoryRepo(store), None)
    if found is not None:
        return found
    docs = [store.load_document(a.id) for a in store.iter_articles()]
    return build_timeline(docs) if docs else None
