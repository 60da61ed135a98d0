"""Streaming event clustering: each article joins the best recent event or founds a new one.

In the spirit of Miranda et al. (2018): an article is compared with the centroids of the events
active in a time window, found through an inverted index, on TF-IDF terms, entities and dates;
it joins the most similar above a threshold, else it founds an event. Events are then linked
into storylines (see ``stories.py``). Ids come from the founding article, so they stay stable
as data arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from storyline.cluster.features import Features, IdfTable, featurize
from storyline.cluster.index import Cluster, ClusterIndex, IndexConfig, explain_match
from storyline.cluster.stories import STORY_CONFIG, link_story
from storyline.model import Document

# Threshold and weights chosen on ECB+ topics 1-35 (dev; all documents, streamed undated,
# sweep 0.15-0.45; weightings 0.5/0.5 to 1.0/0.0 text/entities all scored within 0.01 F1).
# The 14-day window and the gap penalty are not tuned: no dated data has event gold.
EVENT_CONFIG = IndexConfig(
    threshold=0.30,
    window_days=14,
    gap_penalty=0.005,
    w_text=0.6,
    w_ents=0.3,
    w_dates=0.1,
    max_candidates=8,
)


@dataclass(frozen=True)
class ClusterConfig:
    events: IndexConfig = EVENT_CONFIG
    stories: IndexConfig = STORY_CONFIG
    doc_terms: int = 200
    caps_fallback: bool = True
    topic_power: float = 0.25
    max_chars: int = 8000
    lead_chars: int = 0


@dataclass
class Assignment:
    """Where one article went, and why."""

    article_id: str
    event_id: str
    story_id: str
    new_event: bool
    new_story: bool
    similarity: float | None
    explanation: dict[str, Any] = field(default_factory=dict)


def event_id_for(article_id: str) -> str:
    return "ev-" + article_id


class Clusterer:
    """The whole streaming state: idf table, active events and active stories."""

    def __init__(
        self,
        config: ClusterConfig | None = None,
        idf: IdfTable | None = None,
        load_event: Callable[[str], Cluster | None] | None = None,
        load_story: Callable[[str], Cluster | None] | None = None,
    ) -> None:
        self.config = config or ClusterConfig()
        self.idf = idf or IdfTable()
        self.events = ClusterIndex(self.config.events, load_event)
        self.stories = ClusterIndex(self.config.stories, load_story)

    def features(self, doc: Document) -> Features:
        cfg = self.config
        return featurize(
            doc,
            self.idf,
            cfg.doc_terms,
            cfg.caps_fallback,
            cfg.topic_power,
            cfg.max_chars,
            cfg.lead_chars,
        )

    def add(self, doc: Document) -> Assignment:
        """Assign one analysed article to an event (and that event to a story)."""
        f = self.features(doc)
        self.events.advance(f.lo)
        self.stories.advance(f.lo)
        cluster, score, compared = self.events.best(f)
        threshold = self.config.events.threshold
        why: dict[str, Any] = {"candidates": compared, "threshold": threshold}
        why["window_days"] = self.config.events.window_days
        if cluster is not None and score is not None and score.total >= threshold:
            why |= explain_match(f, cluster, score)
            self.events.add(cluster, f, score.total)
            story = self._story_of(cluster)
            if story is None:  # an undated event whose dated story left memory: link anew
                story, new_story, why["story"] = link_story(self.stories, f)
                cluster.parent = story.id
                return Assignment(
                    f.article_id, cluster.id, story.id, False, new_story, score.total, why
                )
            self.stories.add(story, f, score.total)
            return Assignment(f.article_id, cluster.id, story.id, False, False, score.total, why)
        if cluster is not None and score is not None:
            why["closest_event"] = cluster.id
            why["closest_similarity"] = round(score.total, 4)
        event = self.events.new_cluster(event_id_for(f.article_id))
        self.events.add(event, f, 0.0)
        story, new_story, story_why = link_story(self.stories, f)
        event.parent = story.id
        why["story"] = story_why
        return Assignment(f.article_id, event.id, story.id, True, new_story, None, why)

    def _story_of(self, event: Cluster) -> Cluster | None:
        return self.stories.get(event.parent) if event.parent is not None else None
