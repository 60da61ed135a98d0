"""The machine-readable face: the JSON shapes that the CLI and the API both print.

Keys are stable: add, never rename.
"""

from __future__ import annotations

from typing import Any

from storyline.model import Article, Document, Event, Mention, Quote, Story, Timex


def display_title(article: Article, width: int = 90) -> str:
    """The article's title, or the start of its first paragraph when it has none."""
    if article.title:
        return article.title
    first = article.text.split("\n", 1)[0]
    return first if len(first) <= width else first[: width - 1].rstrip() + "…"


def article_dict(article: Article, *, text: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "date": article.date.iso() if article.date else None,
        "date_precision": article.date.precision if article.date else None,
        "lang": article.lang,
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "source_path": article.source_path,
        "external_id": article.external_id,
        "near_duplicate_of": article.near_duplicate_of,
    }
    if text:
        data["text"] = article.text
        data["paragraphs"] = [
            {"start": p.start, "end": p.end, "heading": p.heading} for p in article.paragraphs
        ]
    return data


def mention_dict(mention: Mention) -> dict[str, Any]:
    data: dict[str, Any] = {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "label": mention.label,
    }
    if mention.entity_id is not None:
        data["entity_id"] = mention.entity_id
    return data


def timex_dict(timex: Timex) -> dict[str, Any]:
    return {
        "start": timex.start,
        "end": timex.end,
        "text": timex.text,
        "type": timex.type,
        "value": timex.value,
        "mod": timex.mod,
        "underspecified": timex.underspecified,
    }


def quote_dict(quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": quote.kind,
        "cue": quote.cue,
        "speaker": (
            {
                "text": speaker.text,
                "start": speaker.start,
                "end": speaker.end,
                "label": speaker.label,
            }
            if speaker
            else None
        ),
        "speaker_entity": quote.speaker_entity,
        "date": quote.date,
        "flags": quote.flags,
    }


def document_dict(doc: Document) -> dict[str, Any]:
    """One line of ``storyline analyze --json``."""
    data = article_dict(doc.article)
    data["sentences"] = [{"start": s.start, "end": s.end} for s in doc.sentences]
    data["entities"] = [mention_dict(m) for m in doc.entities]
    data["timexes"] = [timex_dict(t) for t in doc.timexes]
    data["quotes"] = [quote_dict(q) for q in doc.quotes]
    return data


def event_dict(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "label": event.label,
        "date": event.date,
        "articles": event.articles,
        "entities": event.entities,
        "story_id": event.story_id,
    }


def story_dict(story: Story) -> dict[str, Any]:
    """The issue-7 shape with the story's actors."""
    return {
        "id": story.id,
        "label": story.label,
        "start": story.start,
        "end": story.end,
        "actors": story.actors,
        "size": sum(len(event.articles) for event in story.events),
        "events": [event_dict(event) for event in story.events],
    }
