"""Cross-document entities in SQLite: the reader (``EntityReader``), the resolver's writes,
and the user's merges and splits (stored as overrides, replayed after a rebuild)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from storyline.errors import NotFoundError, StoreError
from storyline.model import Article, Document, Entity, Mention, PartialDate, Quote
from storyline.resolve.across import DocResolution
from storyline.store.base import EntityFilter
from storyline.store.entity_index import (
    StoreIndex,
    alias_key,
    merge_rows,
    split_rows,
)
from storyline.store.quotes import story_article_ids
from storyline.store.rows import row_quote
from storyline.store.sqlite import SQLiteStore, utcnow
from storyline.store.stories import StoryRepo

# Co-occurrence is counted over an entity's most recent articles, never all of them.
CO_OCCURRENCE_WINDOW = 1000


class EntityRepo:
    """Entities in a SQLite store: implements ``EntityReader`` plus the resolver's writes."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self.conn = store.conn

    # read side (EntityReader)
    def list_entities(self, filt: EntityFilter, article_limit: int | None = None) -> list[Entity]:
        """Entities by mentions; ``article_limit`` keeps only that many newest article ids."""
        clauses = ["merged_into IS NULL", "mentions > 0"]
        params: list[Any] = []
        if filt.type:
            clauses.append("type = ?")
            params.append(filt.type.upper())
        if filt.name:
            clauses.append(
                "(name LIKE ? OR id IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE ?))"
            )
            params.extend([f"%{filt.name}%"] * 2)
        if filt.story:
            clauses.append(
                "id IN (SELECT entity_id FROM entity_articles WHERE article_id IN "
                "(SELECT value FROM json_each(?)))"
            )
            params.append(json.dumps(self._story_articles(filt.story)))
        sql = f"SELECT * FROM entities WHERE {' AND '.join(clauses)} ORDER BY mentions DESC, id"
        if filt.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params.extend([filt.limit, filt.offset])
        rows = self.conn.execute(sql, params).fetchall()
        return self._entities(rows, article_limit=article_limit)

    def get_entity(self, entity_id: str, *, articles: bool = True) -> Entity:
        """An entity by id, by name or alias (the most mentioned), or by a unique id prefix.

        With ``articles=False`` its article list stays empty: ``article_count`` and
        ``newest_articles`` answer for an entity seen in tens of thousands of articles.
        """
        row = self._find(entity_id)
        return self._entities([row], with_articles=articles)[0]

    def article_count(self, entity_id: str) -> int:
        sql = "SELECT COUNT(*) FROM entity_articles WHERE entity_id = ?"
        return int(self.conn.execute(sql, (entity_id,)).fetchone()[0])

    def article_counts(self, entity_ids: list[str]) -> dict[str, int]:
        return {eid: self.article_count(eid) for eid in entity_ids}

    def newest_articles(self, entity_id: str, limit: int, offset: int = 0) -> list[str]:
        """A page of the entity's article ids, newest first (undated last): an index range."""
        sql = (
            "SELECT article_id FROM entity_articles WHERE entity_id = ? "
            "ORDER BY date DESC, article_id DESC LIMIT ? OFFSET ?"
        )
        return [r[0] for r in self.conn.execute(sql, (entity_id, limit, offset))]

    def co_occurring(self, entity_id: str, limit: int = 20) -> list[tuple[Entity, int]]:
        """Entities sharing articles with this one, counted over its latest articles.

        The count runs over at most ``CO_OCCURRENCE_WINDOW`` of the entity's most recent
        articles, so an entity seen in 10,000 articles answers as fast as a rare one.
        Neighbours come without their article lists.
        """
        eid = self._find(entity_id)["id"]
        rows = self.conn.execute(
            "WITH recent AS (SELECT article_id FROM entity_articles WHERE entity_id = ? "
            "ORDER BY date DESC, article_id DESC LIMIT ?) "
            "SELECT b.entity_id, COUNT(*) AS n FROM recent JOIN entity_articles b "
            "ON b.article_id = recent.article_id AND b.entity_id != ? "
            "GROUP BY b.entity_id ORDER BY n DESC, b.entity_id LIMIT ?",
            (eid, CO_OCCURRENCE_WINDOW, eid, limit),
        ).fetchall()
        neighbours = self._entities(self._rows([r[0] for r in rows]), with_articles=False)
        by_id = {e.id: e for e in neighbours}
        return [(by_id[r[0]], r[1]) for r in rows if r[0] in by_id]

    def quotes(self, entity_id: str, limit: int | None = 50) -> list[tuple[Quote, str, str | None]]:
        """Quotes this entity spoke: (quote, article id, article date), oldest first."""
        sql = (
            "SELECT q.*, a.date AS a_date FROM quotes q JOIN articles a ON a.id = q.article_id "
            "WHERE q.speaker_entity = ? ORDER BY q.sort_when, q.article_id, q.start"
        )
        params: list[Any] = [self._find(entity_id)["id"]]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [
            (row_quote(r), r["article_id"], r["a_date"]) for r in self.conn.execute(sql, params)
        ]

    def count(self) -> int:
        sql = "SELECT COUNT(*) FROM entities WHERE merged_into IS NULL AND mentions > 0"
        return int(self.conn.execute(sql).fetchone()[0])

    def _find(self, value: str) -> sqlite3.Row:
        row = self.conn.execute("SELECT * FROM entities WHERE id = ?", (value,)).fetchone()
        if row is None:
            row = self.conn.execute(
                "SELECT * FROM entities WHERE merged_into IS NULL AND (name = ? COLLATE NOCASE "
                "OR id IN (SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE)) "
                "ORDER BY mentions DESC LIMIT 1",
                (value, value),
            ).fetchone()
        if row is None:
            found = self.conn.execute(
                "SELECT * FROM entities WHERE id LIKE ? AND merged_into IS NULL LIMIT 2",
                (value + "%",),
            ).fetchall()
            row = found[0] if len(found) == 1 else None
        if row is None:  # part of a name: "Kislyak" finds "Sergej Kislyak"
            row = self.conn.execute(
                "SELECT * FROM entities WHERE merged_into IS NULL AND mentions > 0 AND "
                "(name LIKE ? OR id IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE ?)) "
                "ORDER BY mentions DESC, id LIMIT 1",
                (f"%{value}%", f"%{value}%"),
            ).fetchone()
        if row is None:
            raise NotFoundError(f"no entity {value!r}: try `storyline entities --name {value}`")
        if row["merged_into"]:
            return self._find(row["merged_into"])
        return row

    def _rows(self, ids: list[str]) -> list[sqlite3.Row]:
        marks = ", ".join("?" for _ in ids)
        return self.conn.execute(f"SELECT * FROM entities WHERE id IN ({marks})", ids).fetchall()

    def _entities(
        self,
        rows: list[sqlite3.Row],
        with_articles: bool = True,
        article_limit: int | None = None,
    ) -> list[Entity]:
        """Entities of ``rows``: every article id oldest first, or ``article_limit`` newest."""
        # Plain placeholders, not json_each: SQLite then uses the (entity_id, ...) keys.
        ids = [r["id"] for r in rows]
        marks = ", ".join("?" for _ in ids)
        aliases: dict[str, list[str]] = {}
        for eid, alias in self.conn.execute(
            f"SELECT entity_id, alias FROM entity_aliases WHERE entity_id IN ({marks}) "
            "ORDER BY count DESC, alias",
            ids,
        ):
            aliases.setdefault(eid, []).append(alias)
        articles: dict[str, list[str]] = {}
        if with_articles and article_limit is not None:
            articles = {eid: self.newest_articles(eid, article_limit) for eid in ids}
        elif with_articles:
            for eid, article_id in self.conn.execute(
                "SELECT entity_id, article_id FROM entity_articles "
                f"WHERE entity_id IN ({marks}) ORDER BY entity_id, date, article_id",
                ids,
            ):
                articles.setdefault(eid, []).append(article_id)
        return [
            Entity(
                id=r["id"],
                name=r["name"],
                type=r["type"],
                aliases=aliases.get(r["id"], []),
                mentions=r["mentions"],
                articles=articles.get(r["id"], []),
                first_seen=r["first_seen"],
                last_seen=r["last_seen"],
            )
            for r in rows
        ]

    def _story_articles(self, story_id: str) -> list[str]:
        return story_article_ids(StoryRepo(self.store), story_id)

    # write side: resolution
    def index(self) -> StoreIndex:
        return StoreIndex(self.conn)

    def pending(self) -> list[str]:
        """Analysed articles not resolved since their last analysis, oldest first."""
        sql = (
            "SELECT a.id FROM articles a LEFT JOIN resolved_articles r ON r.article_id = a.id "
            "WHERE a.analyzed_at IS NOT NULL AND (r.article_id IS NULL "
            "OR r.analyzed_at IS NOT a.analyzed_at) ORDER BY a.date, a.id"
        )
        return [row[0] for row in self.conn.execute(sql)]

    def load(self, ids: list[str]) -> list[tuple[Document, list[int], list[int]]]:
        """Documents with their stored mentions and quotes, and those rows' ids."""
        key = (json.dumps(ids),)
        docs: dict[str, tuple[Document, list[int], list[int]]] = {}
        for r in self.conn.execute(
            "SELECT id, title, text, date, lang FROM articles WHERE id IN "
            "(SELECT value FROM json_each(?))",
            key,
        ):
            date = PartialDate.parse(r["date"]) if r["date"] else None
            article = Article(
                id=r["id"], text=r["text"], title=r["title"], date=date, lang=r["lang"]
            )
            docs[r["id"]] = (Document(article=article), [], [])
        for r in self.conn.execute(
            "SELECT id, article_id, start, end, text, label FROM mentions WHERE article_id IN "
            "(SELECT value FROM json_each(?)) ORDER BY article_id, start, id",
            key,
        ):
            doc, mention_rows, _ = docs[r["article_id"]]
            doc.entities.append(Mention(r["start"], r["end"], r["text"], r["label"]))
            mention_rows.append(r["id"])
        for r in self.conn.execute(
            "SELECT * FROM quotes WHERE article_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY article_id, start, id",
            key,
        ):
            doc, _, quote_rows = docs[r["article_id"]]
            doc.quotes.append(row_quote(r))
            quote_rows.append(r["id"])
        return [docs[i] for i in ids if i in docs]

    def save(
        self, doc: Document, mention_rows: list[int], quote_rows: list[int], result: DocResolution
    ) -> None:
        """Store one article's resolution: mention and speaker ids, entity-article counts."""
        self.conn.executemany(
            "UPDATE mentions SET entity_id = ? WHERE id = ?",
            list(zip(result.mention_ids, mention_rows, strict=True)),
        )
        self.conn.executemany(
            "UPDATE quotes SET speaker_entity = ? WHERE id = ?",
            list(zip(result.speaker_ids, quote_rows, strict=True)),
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO entity_articles (entity_id, article_id, mentions, date) "
            "VALUES (?, ?, ?, (SELECT date FROM articles WHERE id = ?))",
            [(eid, doc.article.id, n, doc.article.id) for eid, n in result.counts.items()],
        )
        self.conn.execute(
            "INSERT OR REPLACE INTO resolved_articles VALUES "
            "(?, (SELECT analyzed_at FROM articles WHERE id = ?), ?)",
            (doc.article.id, doc.article.id, utcnow()),
        )

    def reset(self) -> None:
        """Forget every entity (overrides stay, to be replayed); articles become pending."""
        with self.store.transaction():
            for table in (
                "entities",
                "entity_keys",
                "entity_aliases",
                "entity_articles",
                "resolved_articles",
            ):
                self.conn.execute(f"DELETE FROM {table}")
            self.conn.execute("UPDATE mentions SET entity_id = NULL")
            self.conn.execute("UPDATE quotes SET speaker_entity = NULL")

    # write side: the user's corrections
    def merge(self, keep: str, other: str, *, record: bool = True) -> Entity:
        """Merge entity ``other`` into ``keep``; both given by id or name."""
        a, b = self._find(keep)["id"], self._find(other)["id"]
        if a == b:
            raise StoreError(f"{keep!r} and {other!r} are already one entity ({a})")
        with self.store.transaction():
            merge_rows(self.conn, a, b)
            if record:
                self._record("merge", a, other=b)
        return self.get_entity(a)

    def split(
        self,
        entity: str,
        *,
        alias: str | None = None,
        article: str | None = None,
        record: bool = True,
    ) -> Entity:
        """Move the mentions written ``alias`` (or those in ``article``) to a new entity."""
        if (alias is None) == (article is None):
            raise StoreError("split needs exactly one of --alias or --article")
        row = self._find(entity)
        with self.store.transaction():
            new_id = split_rows(self.conn, row, alias, article)
            if record:
                key = alias_key(alias, row["type"]) if alias else None
                self._record("split", row["id"], alias=key, article_id=article, result=new_id)
        return self.get_entity(new_id)

    def replay_overrides(self) -> int:
        """Apply the stored merges and splits again (after a rebuild); returns how many held."""
        done = 0
        rows = self.conn.execute("SELECT * FROM entity_overrides ORDER BY id").fetchall()
        for row in rows:
            try:
                if row["action"] == "merge":
                    self.merge(row["entity_id"], row["other"], record=False)
                else:
                    self._replay_split(row)
                done += 1
            except (NotFoundError, StoreError):
                continue
        return done

    def _replay_split(self, row: sqlite3.Row) -> None:
        found = self._find(row["entity_id"])
        with self.store.transaction():
            split_rows(
                self.conn, found, None, row["article_id"], key=row["alias"], new_id=row["result"]
            )

    def _record(self, action: str, entity_id: str, **values: str | None) -> None:
        self.conn.execute(
            "INSERT INTO entity_overrides (action, entity_id, other, alias, article_id, result, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                action,
                entity_id,
                values.get("other"),
                values.get("alias"),
                values.get("article_id"),
                values.get("result"),
                utcnow(),
            ),
        )
