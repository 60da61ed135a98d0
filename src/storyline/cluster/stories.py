"""Storylines: events linked over a longer window through shared actors and subject.

A new event is compared with the active storylines (its founding article against each story's
centroid of all its articles, entities weighing more than for events) and joins the best above
the threshold, else it founds a storyline. Articles joining an event later feed the centroid of
the event's story, so a story follows its subject as it develops.
"""

from __future__ import annotations

from typing import Any

from storyline.cluster.features import Features
from storyline.cluster.index import Cluster, ClusterIndex, IndexConfig, explain_match

# Threshold, size bonus and the flatter idf (ClusterConfig.topic_power) chosen on the
# Timeline17 dev topics mixed into one stream (sweep 0.06-0.22): see eval/cluster.py.
STORY_CONFIG = IndexConfig(
    threshold=0.10,
    window_days=365,
    gap_penalty=0.0,
    w_text=0.5,
    w_ents=0.5,
    w_dates=0.0,
    cross_text=0.5,
    post_terms=30,
    post_ents=20,
    query_terms=15,
    max_candidates=8,
    cap=500,
    topic=True,
    size_bonus=0.02,
)


def story_id_for(article_id: str) -> str:
    return "st-" + article_id


def link_story(stories: ClusterIndex, f: Features) -> tuple[Cluster, bool, dict[str, Any]]:
    """The story a new event (founded by ``f``) belongs to; True when it founds one."""
    threshold = stories.config.threshold
    cluster, score, compared = stories.best(f)
    why: dict[str, Any] = {"candidates": compared, "threshold": threshold}
    why["window_days"] = stories.config.window_days
    if cluster is not None and score is not None and score.total >= threshold:
        why |= explain_match(f, cluster, score, stories.config.topic)
        stories.add(cluster, f, score.total)
        return cluster, False, why
    if cluster is not None and score is not None:
        why["closest_story"] = cluster.id
        why["closest_similarity"] = round(score.total, 4)
    story = stories.new_cluster(story_id_for(f.article_id))
    stories.add(story, f, 0.0)
    return story, True, why
