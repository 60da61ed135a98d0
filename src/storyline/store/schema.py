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
            key INTEGER NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (key, article_id)
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
    Migration(
        5,
        "search",
        # FTS5 over titles and text, plus a hidden "facets" column of filter tokens (language,
        # source as hex, y2017 m201703 d20170302) so that filters intersect in the index.
        # The content is a view over articles keyed by rowid; the triggers keep the index in
        # step. A VACUUM may renumber rowids: rebuild the index after one
        # (storyline.store.search.rebuild_search_index).
        """
        CREATE VIEW articles_fts_source AS
        SELECT rowid AS rid, title, text,
            'l' || hex(COALESCE(lang, 'und')) || ' s' || hex(COALESCE(source, ''))
            || COALESCE(' y' || substr(date, 1, 4), '')
            || CASE WHEN length(date) >= 7 THEN ' m' || replace(substr(date, 1, 7), '-', '')
               ELSE '' END
            || CASE WHEN length(date) >= 10 THEN ' d' || replace(substr(date, 1, 10), '-', '')
               ELSE '' END AS facets
        FROM articles;
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, facets, content='articles_fts_source', content_rowid='rid',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text, facets)
            SELECT rid, title, text, facets FROM articles_fts_source WHERE rid = new.rowid;
        END;
        CREATE TRIGGER articles_fts_delete BEFORE DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text, facets)
            SELECT 'delete', rid, title, text, facets FROM articles_fts_source
            WHERE rid = old.rowid;
        END;
        CREATE TRIGGER articles_fts_unindex BEFORE UPDATE OF title, text, date, lang, source
        ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text, facets)
            SELECT 'delete', rid, title, text, facets FROM articles_fts_source
            WHERE rid = old.rowid;
        END;
        CREATE TRIGGER articles_fts_reindex AFTER UPDATE OF title, text, date, lang, source
        ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text, facets)
            SELECT rid, title, text, facets FROM articles_fts_source WHERE rid = new.rowid;
        END;
        INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
        """,
    ),
    Migration(
        3,
        "entities",
        # Cross-document entities (issue 6). entity_keys is the blocking index the
        # resolver looks names up in; entity_overrides keeps the user's merges and
        # splits, replayed after a rebuild.
        """
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            mentions INTEGER NOT NULL DEFAULT 0,
            articles INTEGER NOT NULL DEFAULT 0,
            first_seen TEXT,
            last_seen TEXT,
            merged_into TEXT,
            firsts TEXT NOT NULL DEFAULT '[]',
            context TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL
        );
        CREATE INDEX entities_type ON entities(type);
        CREATE INDEX entities_mentions ON entities(mentions);
        CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
        CREATE TABLE entity_keys (
            key TEXT NOT NULL,
            kind TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            PRIMARY KEY (key, kind, entity_id)
        ) WITHOUT ROWID;
        CREATE INDEX entity_keys_entity ON entity_keys(entity_id);
        CREATE TABLE entity_aliases (
            entity_id TEXT NOT NULL,
            alias TEXT NOT NULL,
            count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (entity_id, alias)
        ) WITHOUT ROWID;
        CREATE INDEX entity_aliases_alias ON entity_aliases(alias COLLATE NOCASE);
        CREATE TABLE entity_articles (
            entity_id TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            mentions INTEGER NOT NULL,
            PRIMARY KEY (entity_id, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX entity_articles_article ON entity_articles(article_id);
        CREATE TABLE resolved_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            analyzed_at TEXT,
            resolved_at TEXT NOT NULL
        );
        CREATE TABLE entity_overrides (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            other TEXT,
            alias TEXT,
            article_id TEXT,
            result TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TRIGGER mentions_unresolve_insert AFTER INSERT ON mentions
        WHEN NEW.entity_id IS NULL BEGIN
            DELETE FROM resolved_articles WHERE article_id = NEW.article_id;
        END;
        CREATE TRIGGER mentions_unresolve_delete AFTER DELETE ON mentions BEGIN
            DELETE FROM resolved_articles WHERE article_id = OLD.article_id;
        END;
        """,
    ),
    Migration(
        4,
        "stories",
        # Events and storylines (issue 7). ``state`` holds each cluster's centroids as JSON
        # so an incremental run resumes exactly where the last one stopped; cluster_terms
        # holds the streaming document frequencies, cluster_state the clock and counters.
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            date_start TEXT,
            date_end TEXT,
            hi INTEGER,
            actors TEXT NOT NULL DEFAULT '[]',
            state TEXT NOT NULL
        );
        CREATE INDEX stories_start ON stories(date_start);
        CREATE INDEX stories_hi ON stories(hi);
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            story_id TEXT NOT NULL REFERENCES stories(id),
            label TEXT NOT NULL DEFAULT '',
            date_start TEXT,
            date_end TEXT,
            hi INTEGER,
            entities TEXT NOT NULL DEFAULT '[]',
            state TEXT NOT NULL
        );
        CREATE INDEX events_story ON events(story_id);
        CREATE INDEX events_start ON events(date_start);
        CREATE INDEX events_hi ON events(hi);
        CREATE TABLE event_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            event_id TEXT NOT NULL REFERENCES events(id),
            story_id TEXT NOT NULL REFERENCES stories(id),
            seq INTEGER NOT NULL,
            similarity REAL,
            explanation TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX event_articles_event ON event_articles(event_id);
        CREATE INDEX event_articles_story ON event_articles(story_id);
        CREATE TABLE cluster_terms (
            term TEXT PRIMARY KEY,
            df INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE cluster_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """,
    ),
    Migration(
        6,
        "read paths",
        # Fast reads for the API (issue 9). entity_articles carries its article's date, so an
        # entity's newest articles and its recent co-occurrence window are index range scans,
        # not a join over every article it occurs in. quotes.sort_when is the quote's own
        # date, else its article's, else '~' (after every date): the order quotes are listed
        # in, indexed per speaker. Triggers fill both for writers that leave them out and
        # follow an article's date when it changes.
        """
        ALTER TABLE entity_articles ADD COLUMN date TEXT;
        UPDATE entity_articles
        SET date = (SELECT a.date FROM articles a WHERE a.id = entity_articles.article_id);
        CREATE INDEX entity_articles_date ON entity_articles(entity_id, date, article_id);
        CREATE TRIGGER entity_articles_dated AFTER INSERT ON entity_articles
        WHEN NEW.date IS NULL BEGIN
            UPDATE entity_articles
            SET date = (SELECT a.date FROM articles a WHERE a.id = NEW.article_id)
            WHERE entity_id = NEW.entity_id AND article_id = NEW.article_id;
        END;
        ALTER TABLE quotes ADD COLUMN sort_when TEXT;
        UPDATE quotes SET sort_when = COALESCE(date,
            (SELECT a.date FROM articles a WHERE a.id = quotes.article_id), '~');
        CREATE INDEX quotes_speaker_when ON quotes(speaker_entity, sort_when, article_id, start);
        CREATE INDEX quotes_when ON quotes(sort_when, article_id, start);
        CREATE TRIGGER quotes_when_insert AFTER INSERT ON quotes BEGIN
            UPDATE quotes SET sort_when = COALESCE(NEW.date,
                (SELECT a.date FROM articles a WHERE a.id = NEW.article_id), '~')
            WHERE id = NEW.id;
        END;
        CREATE TRIGGER quotes_when_update AFTER UPDATE OF date ON quotes BEGIN
            UPDATE quotes SET sort_when = COALESCE(NEW.date,
                (SELECT a.date FROM articles a WHERE a.id = NEW.article_id), '~')
            WHERE id = NEW.id;
        END;
        CREATE TRIGGER articles_date_followers AFTER UPDATE OF date ON articles BEGIN
            UPDATE entity_articles SET date = NEW.date WHERE article_id = NEW.id;
            UPDATE quotes SET sort_when = COALESCE(date, NEW.date, '~') WHERE article_id = NEW.id;
        END;
        """,
    ),
    Migration(
        7,
        "search_batched",
        # Indexing each inserted row from a trigger makes FTS5 flush a tiny segment per row
        # (every statement savepoint flushes it), which made search indexing most of the
        # ingest time. While a store transaction adds articles, a row in search_pending
        # (the highest rowid indexed before it) turns the per-row triggers off for newer
        # rows, and the store indexes them all with one statement before it commits
        # (SQLiteStore._index_pending). Rows not yet indexed are skipped by the delete and
        # update triggers too; every other write path is indexed row by row, as before.
        """
        CREATE TABLE search_pending (since INTEGER NOT NULL);
        DROP TRIGGER articles_fts_insert;
        DROP TRIGGER articles_fts_delete;
        DROP TRIGGER articles_fts_unindex;
        DROP TRIGGER articles_fts_reindex;
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
        WHEN NOT EXISTS (SELECT 1 FROM search_pending) BEGIN
            INSERT INTO articles_fts(rowid, title, text, facets)
            SELECT rid, title, text, facets FROM articles_fts_source WHERE rid = new.rowid;
        END;
        CREATE TRIGGER articles_fts_delete BEFORE DELETE ON articles
        WHEN NOT EXISTS (SELECT 1 FROM search_pending WHERE old.rowid > since) BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text, facets)
            SELECT 'delete', rid, title, text, facets FROM articles_fts_source
            WHERE rid = old.rowid;
        END;
        CREATE TRIGGER articles_fts_unindex BEFORE UPDATE OF title, text, date, lang, source
        ON articles WHEN NOT EXISTS (SELECT 1 FROM search_pending WHERE old.rowid > since)
        BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text, facets)
            SELECT 'delete', rid, title, text, facets FROM articles_fts_source
            WHERE rid = old.rowid;
        END;
        CREATE TRIGGER articles_fts_reindex AFTER UPDATE OF title, text, date, lang, source
        ON articles WHEN NOT EXISTS (SELECT 1 FROM search_pending WHERE new.rowid > since)
        BEGIN
            INSERT INTO articles_fts(rowid, title, text, facets)
            SELECT rid, title, text, facets FROM articles_fts_source WHERE rid = new.rowid;
        END;
        """,
    ),
    Migration(
        8,
        "numbered_signatures",
        # The LSH band index held each article's 16-character id once per band (16 rows per
        # article, each checked against the articles table): a signature now gets a number
        # and the bands point to it, which halves the index and makes each reference check
        # a lookup by integer key. INTEGER PRIMARY KEY numbers survive a VACUUM.
        """
        CREATE TABLE signatures_numbered (
            number INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
            signature BLOB NOT NULL
        );
        INSERT INTO signatures_numbered (article_id, signature)
        SELECT article_id, signature FROM article_minhash ORDER BY rowid;
        CREATE TABLE bands_numbered (
            key INTEGER NOT NULL,
            number INTEGER NOT NULL REFERENCES signatures_numbered(number) ON DELETE CASCADE,
            PRIMARY KEY (key, number)
        ) WITHOUT ROWID;
        INSERT INTO bands_numbered
        SELECT b.key, s.number FROM lsh_bands b JOIN signatures_numbered s USING (article_id);
        DROP TABLE lsh_bands;
        DROP TABLE article_minhash;
        ALTER TABLE signatures_numbered RENAME TO article_minhash;
        ALTER TABLE bands_numbered RENAME TO lsh_bands;
        """,
    ),
]
