"""SQL behind cross-document entities: the resolver's index and the merge/split rows."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import Any

from storyline.errors import StoreError
from storyline.resolve.across import EntityIndex, EntityState
from storyline.resolve.names import parse_name
from storyline.store.sqlite import utcnow

_CACHE_LIMIT = 200_000


class StoreIndex(EntityIndex):
    """The resolver's blocking index backed by ``entity_keys``; loads what it lacks on a miss."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn
        self._looked_up: set[tuple[str, str]] = set()
        self._redate: set[str] = set()
        for row in conn.execute("SELECT * FROM entity_overrides WHERE action = 'split'"):
            if row["alias"]:
                self.split_rules[(row["entity_id"], row["alias"])] = row["result"]
            if row["article_id"]:
                self.article_rules[(row["entity_id"], row["article_id"])] = row["result"]

    def lookup(self, key: str, kind: str) -> set[str]:
        if (key, kind) not in self._looked_up:
            rows = self.conn.execute(
                "SELECT entity_id FROM entity_keys WHERE key = ? AND kind = ?", (key, kind)
            )
            self.keys[(key, kind)] = self.keys.get((key, kind), set()) | {r[0] for r in rows}
            self._looked_up.add((key, kind))
        return self.keys.get((key, kind), set())

    def get(self, entity_id: str) -> EntityState | None:
        if entity_id in self.entities:
            return self.entities[entity_id]
        row = self.conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            return None
        if row["merged_into"]:
            return self.get(row["merged_into"])
        state = EntityState(
            id=row["id"],
            name=row["name"],
            type=row["type"],
            firsts=set(json.loads(row["firsts"])),
            context=Counter(json.loads(row["context"])),
            mentions=row["mentions"],
            articles=row["articles"],
            first_seen=row["first_seen"],
            last_seen=row["last_seen"],
        )
        self.entities[entity_id] = state
        return state

    def exists(self, entity_id: str) -> bool:
        if entity_id in self.entities:
            return True
        return (
            self.conn.execute("SELECT 1 FROM entities WHERE id = ?", (entity_id,)).fetchone()
            is not None
        )

    def retract(self, article_id: str) -> None:
        """Take back what an earlier resolution of this article added to its entities."""
        rows = self.conn.execute(
            "SELECT entity_id, mentions FROM entity_articles WHERE article_id = ?", (article_id,)
        ).fetchall()
        for entity_id, mentions in rows:
            state = self.get(entity_id)
            if state is not None:
                state.mentions -= mentions
                state.articles -= 1
                self.touched.add(state.id)
                self._redate.add(state.id)
        self.conn.execute("DELETE FROM entity_articles WHERE article_id = ?", (article_id,))

    def flush(self) -> None:
        """Write every entity, key and alias this index changed since the last flush."""
        now = utcnow()
        rows = [_state_row(self.entities[eid], now) for eid in self.touched if eid in self.entities]
        self.conn.executemany(
            "INSERT INTO entities (id, name, type, mentions, articles, first_seen, last_seen, "
            "firsts, context, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name, mentions = excluded.mentions, "
            "articles = excluded.articles, first_seen = excluded.first_seen, "
            "last_seen = excluded.last_seen, firsts = excluded.firsts, context = excluded.context",
            rows,
        )
        aliases = [
            (eid, alias, n)
            for eid in self.touched
            if eid in self.entities
            for alias, n in self.entities[eid].aliases.items()
        ]
        self.conn.executemany(
            "INSERT INTO entity_aliases VALUES (?, ?, ?) ON CONFLICT(entity_id, alias) "
            "DO UPDATE SET count = count + excluded.count",
            aliases,
        )
        for eid in self.touched:
            if eid in self.entities:
                self.entities[eid].aliases.clear()
        self.conn.executemany("INSERT OR IGNORE INTO entity_keys VALUES (?, ?, ?)", self.new_keys)
        for eid in self._redate:
            _recount(self.conn, eid)
            self.entities.pop(eid, None)
        self.new_keys.clear()
        self.touched.clear()
        self._redate.clear()
        if len(self.entities) > _CACHE_LIMIT:
            self.entities.clear()


def _state_row(state: EntityState, now: str) -> tuple[Any, ...]:
    return (
        state.id,
        state.name,
        state.type,
        state.mentions,
        state.articles,
        state.first_seen,
        state.last_seen,
        json.dumps(sorted(state.firsts)),
        json.dumps(dict(state.context), ensure_ascii=False),
        now,
    )


def _recount(conn: sqlite3.Connection, entity_id: str) -> None:
    conn.execute(
        "UPDATE entities SET mentions = (SELECT COALESCE(SUM(mentions), 0) FROM entity_articles "
        "WHERE entity_id = :id), articles = (SELECT COUNT(*) FROM entity_articles "
        "WHERE entity_id = :id), first_seen = (SELECT MIN(date) FROM entity_articles "
        "WHERE entity_id = :id), last_seen = (SELECT MAX(date) FROM entity_articles "
        "WHERE entity_id = :id) WHERE id = :id",
        {"id": entity_id},
    )


def alias_key(alias: str, label: str) -> str:
    form = parse_name(alias, label)
    if form is None:
        raise StoreError(f"{alias!r} is not a name")
    return form.key


def merge_rows(conn: sqlite3.Connection, a: str, b: str) -> None:
    conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (a, b))
    conn.execute("UPDATE quotes SET speaker_entity = ? WHERE speaker_entity = ?", (a, b))
    conn.execute(
        "INSERT INTO entity_articles (entity_id, article_id, mentions, date) "
        "SELECT ?, article_id, mentions, date FROM entity_articles "
        "WHERE entity_id = ? ON CONFLICT(entity_id, article_id) "
        "DO UPDATE SET mentions = mentions + excluded.mentions",
        (a, b),
    )
    conn.execute(
        "INSERT INTO entity_aliases SELECT ?, alias, count FROM entity_aliases WHERE entity_id = ? "
        "ON CONFLICT(entity_id, alias) DO UPDATE SET count = count + excluded.count",
        (a, b),
    )
    conn.execute(
        "INSERT OR IGNORE INTO entity_keys SELECT key, kind, ? FROM entity_keys "
        "WHERE entity_id = ?",
        (a, b),
    )
    for table in ("entity_articles", "entity_aliases", "entity_keys"):
        conn.execute(f"DELETE FROM {table} WHERE entity_id = ?", (b,))
    contexts = conn.execute(
        "SELECT id, context, firsts FROM entities WHERE id IN (?, ?)", (a, b)
    ).fetchall()
    context: Counter[str] = Counter()
    firsts: set[str] = set()
    for row in contexts:
        context.update(json.loads(row["context"]))
        firsts.update(json.loads(row["firsts"]))
    conn.execute(
        "UPDATE entities SET context = ?, firsts = ? WHERE id = ?",
        (json.dumps(dict(context), ensure_ascii=False), json.dumps(sorted(firsts)), a),
    )
    conn.execute("UPDATE entities SET merged_into = ? WHERE id = ? OR merged_into = ?", (a, b, b))
    _recount(conn, a)
    _recount(conn, b)


def split_rows(
    conn: sqlite3.Connection,
    row: sqlite3.Row,
    alias: str | None,
    article: str | None,
    *,
    key: str | None = None,
    new_id: str | None = None,
) -> str:
    eid, label = row["id"], row["type"]
    key = key or (alias_key(alias, label) if alias else None)
    moved = [
        m
        for m in conn.execute(
            "SELECT id, article_id, text, label FROM mentions WHERE entity_id = ?", (eid,)
        )
        if (article is not None and m["article_id"] == article)
        or (key is not None and _matches(m["text"], m["label"], key))
    ]
    if not moved:
        raise StoreError(f"no mention of {eid} matches that split")
    name = alias or Counter(m["text"] for m in moved).most_common(1)[0][0]
    index = StoreIndex(conn)
    new_id = new_id if new_id and not index.exists(new_id) else index.new_id(label, name)
    # The split-off part was seen in the same articles: it starts with the same context.
    conn.execute(
        "INSERT INTO entities (id, name, type, context, created_at) VALUES (?, ?, ?, ?, ?)",
        (new_id, name, label, row["context"], utcnow()),
    )
    conn.executemany(
        "UPDATE mentions SET entity_id = ? WHERE id = ?", [(new_id, m["id"]) for m in moved]
    )
    _move_quotes(conn, eid, new_id, article, key)
    if key is not None:
        conn.execute(
            "UPDATE entity_keys SET entity_id = ? WHERE entity_id = ? AND key = ?",
            (new_id, eid, key),
        )
    _reassign_articles(conn, eid, {m["article_id"] for m in moved}, new_id)
    conn.executemany(
        "INSERT OR IGNORE INTO entity_aliases VALUES (?, ?, 1)",
        [(new_id, text) for text in {m["text"] for m in moved}],
    )
    conn.execute(
        "DELETE FROM entity_aliases WHERE entity_id = ? AND alias NOT IN "
        "(SELECT text FROM mentions WHERE entity_id = ?) AND alias IN "
        "(SELECT alias FROM entity_aliases WHERE entity_id = ?)",
        (eid, eid, new_id),
    )
    return new_id


def _matches(text: str, label: str, key: str) -> bool:
    form = parse_name(text, label)
    return form is not None and form.key == key


def _move_quotes(
    conn: sqlite3.Connection, eid: str, new_id: str, article: str | None, key: str | None
) -> None:
    for q in conn.execute(
        "SELECT id, article_id, speaker_text, speaker_label FROM quotes WHERE speaker_entity = ?",
        (eid,),
    ).fetchall():
        by_article = article is not None and q["article_id"] == article
        by_name = key is not None and _matches(
            q["speaker_text"] or "", q["speaker_label"] or "PER", key
        )
        if by_article or by_name:
            conn.execute("UPDATE quotes SET speaker_entity = ? WHERE id = ?", (new_id, q["id"]))


def _reassign_articles(
    conn: sqlite3.Connection, eid: str, articles: Iterable[str], new_id: str
) -> None:
    """Recount both entities' per-article mentions from the mentions table."""
    for article_id in articles:
        for entity_id in (eid, new_id):
            n = conn.execute(
                "SELECT COUNT(*) FROM mentions WHERE entity_id = ? AND article_id = ?",
                (entity_id, article_id),
            ).fetchone()[0]
            if n:
                conn.execute(
                    "INSERT OR REPLACE INTO entity_articles (entity_id, article_id, mentions) "
                    "VALUES (?, ?, ?)",
                    (entity_id, article_id, n),
                )
            else:
                conn.execute(
                    "DELETE FROM entity_articles WHERE entity_id = ? AND article_id = ?",
                    (entity_id, article_id),
                )
    _recount(conn, eid)
    _recount(conn, new_id)
