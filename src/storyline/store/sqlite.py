"""SQLite store: one file, WAL mode, a migrations table, one writer at a time."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import orjson

from storyline.errors import NotFoundError, StoreError
from storyline.model import Article, Document, Paragraph, PartialDate
from storyline.store import rows
from storyline.store.base import ArticleFilter, RunCounts
from storyline.store.checkpoint import WalCheckpointer
from storyline.store.schema import MIGRATIONS

_ARTICLE_COLUMNS = (
    "id, external_id, title, text, date, date_precision, lang, url, source, author, "
    "source_path, near_duplicate_of, paragraphs"
)


# Checkpoint every 32 MB of WAL rather than 4 MB: a page that many batches touch (the LSH
# band index is written all over) is copied back once, not once per batch.
AUTOCHECKPOINT_PAGES = 8192


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore:
    """The default store. Open it with a path; the schema is migrated on open."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.location = str(path)
        if read_only and not Path(path).exists():
            raise StoreError(
                f"no store at {path}: run `storyline ingest` or `storyline demo` first"
            )
        try:
            self.conn = sqlite3.connect(
                self.location, isolation_level=None, check_same_thread=False, timeout=30
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        self._depth = 0
        self._search_since: int | None = None
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA busy_timeout=30000")
        self.conn.execute("PRAGMA cache_size=-32768")
        self.conn.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")
        self.conn.execute("PRAGMA journal_size_limit=67108864")
        self._migrate()

    # infrastructure
    def _migrate(self) -> None:
        with self.transaction():
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            done = {row[0] for row in self.conn.execute("SELECT version FROM migrations")}
            for migration in sorted(MIGRATIONS, key=lambda m: m.version):
                if migration.version in done:
                    continue
                for statement in _statements(migration.sql):
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO migrations VALUES (?, ?, ?)",
                    (migration.version, migration.name, utcnow()),
                )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction; nested calls join the outer one."""
        with self._lock:
            if self._depth == 0:
                self.conn.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield
                if self._depth == 1:
                    self._index_pending()
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self._search_since = None
                    self.conn.execute("ROLLBACK")
                raise
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("COMMIT")

    @contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """Many write transactions in a row: a background thread checkpoints the WAL meanwhile."""
        if self.location == ":memory:" or self.location.startswith("file:"):
            yield
            return
        self.conn.execute("PRAGMA wal_autocheckpoint=0")
        try:
            with WalCheckpointer(self.location):
                yield
        finally:
            self.conn.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")

    def _defer_search_index(self) -> None:
        """Leave the rows this transaction adds out of the search index until it commits."""
        if self._search_since is None:
            since = self._one("SELECT COALESCE(MAX(rowid), 0) FROM articles")
            self.conn.execute("INSERT INTO search_pending VALUES (?)", (since,))
            self._search_since = since

    def _index_pending(self) -> None:
        """Index every row added since ``_defer_search_index`` in one statement (one segment)."""
        if self._search_since is None:
            return
        self.conn.execute(
            "INSERT INTO articles_fts(rowid, title, text, facets) "
            "SELECT rid, title, text, facets FROM articles_fts_source WHERE rid > ?",
            (self._search_since,),
        )
        self.conn.execute("DELETE FROM search_pending")
        self._search_since = None

    def close(self) -> None:
        self.conn.close()

    def applied_migrations(self) -> list[int]:
        return [row[0] for row in self.conn.execute("SELECT version FROM migrations ORDER BY 1")]

    def _one(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    # articles
    def has_article(self, article_id: str) -> bool:
        return self._one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def stored_ids(self, article_ids: Iterable[str]) -> set[str]:
        """Which of these ids are stored: one query for many, not one each."""
        sql = "SELECT id FROM articles WHERE id IN ({})"
        return {row[0] for row in self._in_chunks(sql, sorted(set(article_ids)))}

    def add_article(self, article: Article, signature: bytes, band_keys: list[int]) -> None:
        """Store an article; it becomes searchable when the enclosing transaction commits."""
        self.add_articles([(article, signature, band_keys)])

    def add_articles(self, items: Sequence[tuple[Article, bytes, list[int]]]) -> None:
        """Store articles with their MinHash signatures and LSH band keys, in one go."""
        if not items:
            return
        ingested_at = utcnow()
        with self.transaction():
            self._defer_search_index()
            self.conn.executemany(
                f"INSERT INTO articles ({_ARTICLE_COLUMNS}, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(*_article_row(article), ingested_at) for article, _, _ in items],
            )
            first = self._one("SELECT COALESCE(MAX(number), 0) + 1 FROM article_minhash")
            self.conn.executemany(
                "INSERT INTO article_minhash VALUES (?, ?, ?)",
                [
                    (first + n, article.id, signature)
                    for n, (article, signature, _) in enumerate(items)
                ],
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO lsh_bands VALUES (?, ?)",
                zip(
                    chain.from_iterable(keys for _, _, keys in items),
                    chain.from_iterable(
                        repeat(first + n, len(keys)) for n, (_, _, keys) in enumerate(items)
                    ),
                    strict=True,
                ),
            )

    def band_candidates(self, band_keys: list[int]) -> list[tuple[str, bytes]]:
        """Stored articles sharing at least one LSH band key, with their signatures."""
        if not band_keys:
            return []
        marks = ", ".join("?" for _ in band_keys)
        sql = (
            "SELECT m.article_id, m.signature FROM article_minhash m WHERE m.number IN "
            f"(SELECT number FROM lsh_bands WHERE key IN ({marks})) ORDER BY m.article_id"
        )
        return [(row[0], bytes(row[1])) for row in self.conn.execute(sql, band_keys)]

    def band_members(
        self, band_keys: Iterable[int]
    ) -> tuple[dict[int, list[str]], dict[str, bytes]]:
        """For many band keys at once: the stored articles under each, and their signatures."""
        numbered: dict[int, list[int]] = {}
        for key, number in self._in_chunks(
            "SELECT key, number FROM lsh_bands WHERE key IN ({})", sorted(set(band_keys))
        ):
            numbered.setdefault(key, []).append(number)
        ids: dict[int, str] = {}
        signatures: dict[str, bytes] = {}
        for number, article_id, signature in self._in_chunks(
            "SELECT number, article_id, signature FROM article_minhash WHERE number IN ({})",
            sorted({number for found in numbered.values() for number in found}),
        ):
            ids[number] = article_id
            signatures[article_id] = bytes(signature)
        members = {key: [ids[n] for n in numbers] for key, numbers in numbered.items()}
        return members, signatures

    def _in_chunks(self, sql: str, values: list[Any], size: int = 500) -> Iterator[sqlite3.Row]:
        """Rows of ``sql`` (its ``IN ({})`` filled with placeholders) over all values."""
        for start in range(0, len(values), size):
            part = values[start : start + size]
            yield from self.conn.execute(sql.format(", ".join("?" * len(part))), part).fetchall()

    def get_article(self, article_id: str) -> Article:
        row = self.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            row = self._by_prefix(article_id)
        return _row_article(row)

    def _by_prefix(self, prefix: str) -> sqlite3.Row:
        found = self.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id LIKE ? OR external_id = ? LIMIT 2",
            (prefix + "%", prefix),
        ).fetchall()
        if len(found) != 1:
            reason = "no article" if not found else "more than one article"
            raise NotFoundError(f"{reason} with id {prefix!r}")
        return found[0]

    def _where(self, filt: ArticleFilter) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if filt.date_from:
            clauses.append("date >= ?")
            params.append(filt.date_from)
        if filt.date_to:
            clauses.append("substr(date, 1, ?) <= ?")
            params.extend([len(filt.date_to), filt.date_to])
        if filt.source:
            clauses.append("source = ?")
            params.append(filt.source)
        if filt.lang:
            clauses.append("lang = ?")
            params.append(filt.lang)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def list_articles(self, filt: ArticleFilter) -> list[Article]:
        where, params = self._where(filt)
        sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles{where} ORDER BY date, id"
        if filt.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params.extend([filt.limit, filt.offset])
        return [_row_article(row) for row in self.conn.execute(sql, params)]

    def count_articles(self, filt: ArticleFilter | None = None) -> int:
        where, params = self._where(filt or ArticleFilter())
        return int(self._one(f"SELECT COUNT(*) FROM articles{where}", tuple(params)))

    def iter_articles(self, batch_size: int = 500) -> Iterator[Article]:
        last = ""
        while True:
            batch = self.conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                (last, batch_size),
            ).fetchall()
            if not batch:
                return
            yield from (_row_article(row) for row in batch)
            last = batch[-1]["id"]

    def unanalyzed_ids(self) -> list[str]:
        sql = "SELECT id FROM articles WHERE analyzed_at IS NULL ORDER BY date, id"
        return [row[0] for row in self.conn.execute(sql)]

    # analysis
    def save_documents(self, docs: Iterable[Document]) -> None:
        with self.transaction():
            for doc in docs:
                rows.replace_analysis(self.conn, doc)
                self.conn.execute(
                    "UPDATE articles SET analyzed_at = ? WHERE id = ?", (utcnow(), doc.article.id)
                )

    def load_document(self, article_id: str) -> Document:
        article = self.get_article(article_id)
        return rows.load_analysis(self.conn, article)

    # runs and figures
    def record_run(self, counts: RunCounts, started_at: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO ingest_runs (started_at, finished_at, read, stored, duplicate, "
                "near_duplicate, failed) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    started_at,
                    utcnow(),
                    counts.read,
                    counts.stored,
                    counts.duplicate,
                    counts.near_duplicate,
                    counts.failed,
                ),
            )

    def stats(self) -> dict[str, object]:
        one = self._one
        by_lang = {
            row[0] or "und": row[1]
            for row in self.conn.execute(
                "SELECT lang, COUNT(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"
            )
        }
        return {
            "store": self.location,
            "articles": one("SELECT COUNT(*) FROM articles"),
            "near_duplicates": one(
                "SELECT COUNT(*) FROM articles WHERE near_duplicate_of IS NOT NULL"
            ),
            "analyzed": one("SELECT COUNT(*) FROM articles WHERE analyzed_at IS NOT NULL"),
            "languages": by_lang,
            "first_date": one("SELECT MIN(date) FROM articles"),
            "last_date": one("SELECT MAX(date) FROM articles"),
            "sentences": one("SELECT COUNT(*) FROM sentences"),
            "mentions": one("SELECT COUNT(*) FROM mentions"),
            "timexes": one("SELECT COUNT(*) FROM timexes"),
            "quotes": one("SELECT COUNT(*) FROM quotes"),
            "duplicates_skipped": one("SELECT COALESCE(SUM(duplicate), 0) FROM ingest_runs"),
            "ingest_runs": one("SELECT COUNT(*) FROM ingest_runs"),
            "schema_version": one("SELECT MAX(version) FROM migrations"),
        }


def _statements(script: str) -> Iterator[str]:
    """Split a migration into statements; a trigger body's own semicolons stay inside it."""
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n\t;"):
                yield buffer
            buffer = ""
    if buffer.strip(" \n\t;"):
        yield buffer


def _article_row(article: Article) -> tuple[Any, ...]:
    paragraphs = orjson.dumps(
        [(p.start, p.end, int(p.heading)) for p in article.paragraphs]
    ).decode()
    return (
        article.id,
        article.external_id,
        article.title,
        article.text,
        article.date.iso() if article.date else None,
        article.date.precision if article.date else None,
        article.lang,
        article.url,
        article.source,
        article.author,
        article.source_path,
        article.near_duplicate_of,
        paragraphs,
    )


def _row_article(row: sqlite3.Row) -> Article:
    paragraphs = [Paragraph(s, e, bool(h)) for s, e, h in orjson.loads(row["paragraphs"])]
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        date=PartialDate.parse(row["date"]) if row["date"] else None,
        lang=row["lang"],
        url=row["url"],
        source=row["source"],
        author=row["author"],
        source_path=row["source_path"],
        external_id=row["external_id"],
        paragraphs=paragraphs,
        near_duplicate_of=row["near_duplicate_of"],
    )
