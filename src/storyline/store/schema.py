"""Schema migrations, applied in order and recorded in the ``migrations`` table.

Add a migration by appending to ``MIGRATIONS``; never edit one that has shipped.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "articles",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            external_id TEXT,
            title TEXT,
            text TEXT NOT NULL,
            date TEXT,
            date_precision TEXT,
            lang TEXT,
            url TEXT,
            source TEXT,
            author TEXT,
            source_path TEXT,
            near_duplicate_of TEXT REFERENCES articles(id),
            paragraphs TEXT NOT NULL DEFAULT '[]',
            ingested_at TEXT NOT NULL,
            analyzed_at TEXT
        );
        CREATE INDEX articles_date ON articles(date);
        CREATE INDEX articles_source ON articles(source);
        CREATE INDEX articles_lang ON articles(lang);
        CREATE INDEX articles_analyzed ON articles(analyzed_at);
        CREATE TABLE article_minhash (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            signature BLOB NOT NULL
        );
        CREATE TABLE lsh_bands (
            band INTEGER NOT NULL,
            key INTEGER NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (band, key, article_id)
        ) WITHOUT ROWID;
        CREATE TABLE ingest_runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            read INTEGER NOT NULL DEFAULT 0,
            stored INTEGER NOT NULL DEFAULT 0,
            duplicate INTEGER NOT NULL DEFAULT 0,
            near_duplicate INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0
        );
        """,
    ),
    Migration(
        2,
        "analysis",
        """
        CREATE TABLE sentences (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        ) WITHOUT ROWID;
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT NOT NULL,
            entity_id TEXT
        );
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE INDEX mentions_entity ON mentions(entity_id);
        CREATE TABLE timexes (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            mod TEXT,
            anchor TEXT,
            underspecified INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX timexes_article ON timexes(article_id);
        CREATE INDEX timexes_value ON timexes(value);
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            cue TEXT,
            speaker_text TEXT,
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_label TEXT,
            speaker_entity TEXT,
            date TEXT,
            flags TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX quotes_article ON quotes(article_id);
        CREATE INDEX quotes_speaker ON quotes(speaker_entity);
        CREATE INDEX quotes_date ON quotes(date);
        """,
    ),
]
