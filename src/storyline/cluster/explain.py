"""Labels for events and stories, and why an article joined its event."""

from __future__ import annotations

from typing import Any

from storyline.cluster.features import FALLBACK
from storyline.cluster.index import Cluster
from storyline.cluster.vectors import top
from storyline.store.sqlite import SQLiteStore
from storyline.store.stories import StoryRepo


def _display(cluster: Cluster, key: str) -> str:
    return cluster.names.get(key) or key.removeprefix(FALLBACK)


def top_entities(cluster: Cluster, n: int = 5, actors: bool = True) -> list[str]:
    """Display names of the cluster's heaviest entities (only actors: no MISC), each once."""
    names: list[str] = []
    seen: set[str] = set()
    for key in top(cluster.ents.weights, 4 * n):
        if actors and key in cluster.misc:
            continue
        name = _display(cluster, key)
        if name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
        if len(names) == n:
            break
    return names


def top_terms(cluster: Cluster, n: int = 3, skip: list[str] | None = None) -> list[str]:
    """The heaviest terms that are not already among the entity names."""
    taken = {s.lower() for s in skip or []}
    terms: list[str] = []
    for key in top(cluster.text.weights, 5 * n):
        name = _display(cluster, key)
        name = name if name.isupper() else name.lower()  # "President" opened a sentence
        if name.lower() not in taken and not name[:1].isdigit():
            taken.add(name.lower())
            terms.append(name)
        if len(terms) == n:
            break
    return terms


def generated_label(cluster: Cluster, n_entities: int, n_terms: int) -> str:
    entities = top_entities(cluster, n_entities)
    terms = top_terms(cluster, n_terms, top_entities(cluster, 4 * n_entities, actors=False))
    if entities and terms:
        return f"{', '.join(entities)}: {', '.join(terms)}"
    return ", ".join(entities or terms) or cluster.id


def event_label(cluster: Cluster) -> str:
    """The title of the event's most central article, else its top entities and terms."""
    if cluster.has_title and cluster.title:
        return cluster.title
    return generated_label(cluster, 2, 3)


def story_label(cluster: Cluster) -> str:
    """A story is named after its main actors and what it is about."""
    return generated_label(cluster, 3, 2)


def explain_article(store: SQLiteStore, article_id: str) -> dict[str, Any]:
    """Why an article sits in its event: similarity, time gap, shared terms and entities.

    ``article_id`` may be a unique prefix. An article not clustered yet gets ``event_id``
    None and a ``reason``.
    """
    full_id = store.get_article(article_id).id
    found = StoryRepo(store).explanation(full_id)
    if found is None:
        return {
            "article_id": full_id,
            "event_id": None,
            "story_id": None,
            "reason": "not clustered yet: run `storyline cluster`",
        }
    return found


def explain_lines(why: dict[str, Any]) -> list[str]:
    """The explanation as short lines of text, for the terminal."""
    if why.get("event_id") is None:
        return [str(why.get("reason", "not clustered"))]
    lines = [f"event {why['event_id']}: {why.get('event_label', '')}"]
    lines.append(f"story {why['story_id']}: {why.get('story_label', '')}")
    if why.get("near_duplicate_of"):
        lines.append(f"near duplicate of {why['near_duplicate_of']}: joined its event")
        return lines
    if why.get("founded_event"):
        lines.append(_founded_line(why))
        story = why.get("story", {})
        if why.get("founded_story"):
            lines.append("founded the story: " + _closest(story, "closest_story"))
        else:
            lines.append("linked to the story: " + _match_line(story))
        return lines
    lines.append("joined the event: " + _match_line(why))
    return lines


def _founded_line(why: dict[str, Any]) -> str:
    return "founded the event: " + _closest(why, "closest_event")


def _closest(why: dict[str, Any], key: str) -> str:
    threshold = why.get("threshold")
    if why.get(key):
        return (
            f"closest was {why[key]} at similarity {why['closest_similarity']} "
            f"(threshold {threshold}, {why.get('candidates', 0)} candidates compared)"
        )
    window = why.get("window_days")
    within = f"within {window} days " if window is not None else ""
    return f"no cluster {within}shared its key terms or entities"


def _match_line(why: dict[str, Any]) -> str:
    parts = [f"similarity {why.get('similarity')} (threshold {why.get('threshold')})"]
    parts.append(
        f"text {why.get('text_similarity')}, entities {why.get('entity_similarity')}, "
        f"dates {why.get('date_similarity')}"
    )
    gap = why.get("time_gap_days")
    parts.append("undated" if gap is None else f"{gap} days apart")
    if why.get("shared_entities"):
        parts.append("shared entities: " + ", ".join(why["shared_entities"]))
    if why.get("shared_terms"):
        parts.append("shared terms: " + ", ".join(why["shared_terms"]))
    return "; ".join(parts)
