"""Events and storylines in SQLite: the StoryReader read side, the clusterer's write side.

The clusterer's state (centroids per cluster, document frequencies, clock and counters) is
kept as plain JSON payloads here; what they mean is up to ``storyline.cluster``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.errors import NotFoundError
from storyline.model import Event, Story
from storyline.store.sqlite import SQLiteStore


@dataclass
class ClusterRow:
    """One event or story as saved: display fields plus the clusterer's JSON state."""

    id: str
    seq: int
    label: str
    start: str | None
    end: str | None
    hi: int | None
    names: list[str]
    state: dict[str, Any]
    parent: str | None = None  # the story of an event


@dataclass
class ArticleRow:
    article_id: str
    event_id: str
    story_id: str
    similarity: float | None
    explanation: dict[str, Any]


# What the read side shows: never the clusterer's state, a JSON blob of centroids per row.
_STORY_COLUMNS = "id, seq, label, date_start, date_end, actors"
_EVENT_COLUMNS = "id, seq, story_id, label, date_start, date_end, entities"


def _prefixed(alias: str, columns: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in columns.split(","))


def _columns(table: str) -> str:
    return _STORY_COLUMNS if table == "stories" else _EVENT_COLUMNS


def event_date(start: str | None, end: str | None) -> str | None:
    """One date, or an ISO 8601 interval ``start/end`` when the event spans several."""
    if start is None or end is None or start == end:
        return start
    return f"{start}/{end}"


class StoryRepo:
    """Events and stories stored alongside the articles of one SQLite store."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self.conn = store.conn

    # read side (StoryReader)
    def list_stories(self, limit: int | None = 50, offset: int = 0) -> list[Story]:
        sql = f"SELECT {_STORY_COLUMNS} FROM stories ORDER BY date_start, seq"
        rows = self.conn.execute(*_paged(sql, limit, offset)).fetchall()
        return self._stories(rows)

    def get_story(self, story_id: str) -> Story:
        row = self._by_id("stories", story_id)
        return self._stories([row])[0]

    def list_events(self, limit: int | None = 50, offset: int = 0) -> list[Event]:
        sql = f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY date_start, seq"
        return self._events(self.conn.execute(*_paged(sql, limit, offset)).fetchall())

    def get_event(self, event_id: str) -> Event:
        return self._events([self._by_id("events", event_id)])[0]

    def event_of_article(self, article_id: str) -> Event | None:
        row = self.conn.execute(
            f"SELECT {_prefixed('e', _EVENT_COLUMNS)} FROM event_articles a "
            "JOIN events e ON e.id = a.event_id "
            "WHERE a.article_id = ?",
            (article_id,),
        ).fetchone()
        return self._events([row])[0] if row else None

    def article_clusters(self) -> dict[str, tuple[str, str]]:
        """Every clustered article with its event id and story id."""
        rows = self.conn.execute("SELECT article_id, event_id, story_id FROM event_articles")
        return {r[0]: (r[1], r[2]) for r in rows}

    def clusters_of(self, article_id: str) -> tuple[str, str] | None:
        row = self.conn.execute(
            "SELECT event_id, story_id FROM event_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def explanation(self, article_id: str) -> dict[str, Any] | None:
        """What was recorded when the article joined or founded its event."""
        row = self.conn.execute(
            "SELECT a.*, e.label AS event_label, s.label AS story_label FROM event_articles a "
            "JOIN events e ON e.id = a.event_id JOIN stories s ON s.id = a.story_id "
            "WHERE a.article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        return {
            "article_id": row["article_id"],
            "event_id": row["event_id"],
            "event_label": row["event_label"],
            "story_id": row["story_id"],
            "story_label": row["story_label"],
            "similarity": row["similarity"],
            **json.loads(row["explanation"]),
        }

    def counts(self) -> dict[str, int]:
        one = self.store._one
        return {
            "events": int(one("SELECT COUNT(*) FROM events")),
            "stories": int(one("SELECT COUNT(*) FROM stories")),
            "clustered": int(one("SELECT COUNT(*) FROM event_articles")),
        }

    # write side (the clusterer)
    def pending_ids(self) -> list[str]:
        """Analysed articles without an event, in date order (undated first)."""
        sql = (
            "SELECT id FROM articles WHERE analyzed_at IS NOT NULL AND id NOT IN "
            "(SELECT article_id FROM event_articles) ORDER BY date, id"
        )
        return [row[0] for row in self.conn.execute(sql)]

    def clear(self) -> None:
        """Forget every event, story and bit of clusterer state (before a rebuild)."""
        with self.store.transaction():
            for table in ("event_articles", "events", "stories", "cluster_terms", "cluster_state"):
                self.conn.execute(f"DELETE FROM {table}")

    def save(
        self,
        articles: Sequence[ArticleRow],
        events: Iterable[ClusterRow],
        stories: Iterable[ClusterRow],
        terms: dict[str, int],
        state: dict[str, Any],
    ) -> None:
        """Write one batch of assignments with the clusters and state they changed."""
        with self.store.transaction():
            self._put_clusters("stories", "actors", stories)
            self._put_clusters("events", "entities", events)
            base = int(self.store._one("SELECT COALESCE(MAX(seq), 0) FROM event_articles"))
            self.conn.executemany(
                "INSERT OR REPLACE INTO event_articles VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        a.article_id,
                        a.event_id,
                        a.story_id,
                        base + i + 1,
                        a.similarity,
                        json.dumps(a.explanation, ensure_ascii=False),
                    )
                    for i, a in enumerate(articles)
                ],
            )
            self.conn.executemany(
                "INSERT OR REPLACE INTO cluster_terms VALUES (?, ?)", list(terms.items())
            )
            self.conn.executemany(
                "INSERT OR REPLACE INTO cluster_state VALUES (?, ?)",
                [(key, json.dumps(value)) for key, value in state.items()],
            )

    def load_state(self) -> dict[str, Any]:
        rows = self.conn.execute("SELECT key, value FROM cluster_state")
        return {r[0]: json.loads(r[1]) for r in rows}

    def load_terms(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT term, df FROM cluster_terms")}

    def active_clusters(self, kind: str, since: int | None) -> list[tuple[str, dict[str, Any]]]:
        """Saved states of the events or stories whose last day is ``since`` or later."""
        table = _table(kind)
        sql = f"SELECT id, state FROM {table}"
        params: tuple[Any, ...] = ()
        if since is not None:
            sql += " WHERE hi IS NULL OR hi >= ?"
            params = (since,)
        rows = self.conn.execute(sql + " ORDER BY seq", params)
        return [(r[0], json.loads(r[1])) for r in rows]

    def cluster_state(self, kind: str, cluster_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            f"SELECT state FROM {_table(kind)} WHERE id = ?", (cluster_id,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    # helpers
    def _put_clusters(self, table: str, names_column: str, rows: Iterable[ClusterRow]) -> None:
        # An upsert, not INSERT OR REPLACE: replacing would delete a row others refer to.
        columns = ["id", "seq", "label", "date_start", "date_end", "hi", names_column, "state"]
        if table == "events":
            columns.append("story_id")
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}"
        )
        params = []
        for c in rows:
            values: list[Any] = [c.id, c.seq, c.label, c.start, c.end, c.hi]
            values += [json.dumps(c.names, ensure_ascii=False), json.dumps(c.state)]
            if table == "events":
                values.append(c.parent)
            params.append(values)
        self.conn.executemany(sql, params)

    def _by_id(self, table: str, cluster_id: str) -> sqlite3.Row:
        columns = _columns(table)
        row = self.conn.execute(
            f"SELECT {columns} FROM {table} WHERE id = ?", (cluster_id,)
        ).fetchone()
        if row is not None:
            return row
        found = self.conn.execute(
            f"SELECT {columns} FROM {table} WHERE id LIKE ? ORDER BY seq LIMIT 2",
            (cluster_id + "%",),
        ).fetchall()
        if len(found) != 1:
            reason = "no" if not found else "more than one"
            kind = "event" if table == "events" else "story"
            raise NotFoundError(f"{reason} {kind} with id {cluster_id!r}")
        return found[0]

    def _articles_of(self, event_ids: list[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {e: [] for e in event_ids}
        for chunk in _chunks(event_ids, 500):
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT a.event_id, a.article_id FROM event_articles a "
                f"JOIN articles r ON r.id = a.article_id WHERE a.event_id IN ({marks}) "
                "ORDER BY r.date, a.seq",
                chunk,
            )
            for event_id, article_id in rows:
                found[event_id].append(article_id)
        return found

    def _events(self, rows: Sequence[sqlite3.Row]) -> list[Event]:
        articles = self._articles_of([r["id"] for r in rows])
        return [
            Event(
                id=r["id"],
                label=r["label"],
                date=event_date(r["date_start"], r["date_end"]),
                articles=articles[r["id"]],
                entities=json.loads(r["entities"]),
                story_id=r["story_id"],
            )
            for r in rows
        ]

    def _stories(self, rows: Sequence[sqlite3.Row]) -> list[Story]:
        ids = [r["id"] for r in rows]
        by_story: dict[str, list[sqlite3.Row]] = {i: [] for i in ids}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            sql = (
                f"SELECT {_EVENT_COLUMNS} FROM events WHERE story_id IN ({marks}) "
                "ORDER BY date_start, seq"
            )
            for row in self.conn.execute(sql, chunk):
                by_story[row["story_id"]].append(row)
        events = {e.id: e for e in self._events([e for i in ids for e in by_story[i]])}
        return [
            Story(
                id=r["id"],
                label=r["label"],
                start=r["date_start"],
                end=r["date_end"],
                events=[events[e["id"]] for e in by_story[r["id"]]],
                actors=json.loads(r["actors"]),
            )
            for r in rows
        ]


def _table(kind: str) -> str:
    if kind not in ("event", "story"):
        raise ValueError(f"kind must be event or story, not {kind!r}")
    return "events" if kind == "event" else "stories"


def _paged(sql: str, limit: int | None, offset: int) -> tuple[str, tuple[int, ...]]:
    if limit is None:
        return (sql + " LIMIT -1 OFFSET ?", (offset,)) if offset else (sql, ())
    return sql + " LIMIT ? OFFSET ?", (limit, offset)


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
