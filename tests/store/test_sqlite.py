from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import NotFoundError, StoreError
from storyline.ingest.service import ingest_paths
from storyline.model import Document, Mention, Quote, Span, Timex
from storyline.store import ArticleFilter, open_store, resolve_db
from storyline.store.schema import MIGRATIONS
from storyline.store.sqlite import SQLiteStore


def test_a_new_store_is_wal_and_records_its_migrations(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.applied_migrations() == sorted(m.version for m in MIGRATIONS)
    store.close()
    reopened = SQLiteStore(tmp_path / "s.db")
    assert reopened.applied_migrations() == sorted(m.version for m in MIGRATIONS)


def test_read_only_open_of_a_missing_store_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="storyline ingest"):
        open_store(tmp_path / "missing.db", read_only=True)


def test_db_location_comes_from_option_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_DB", "/tmp/env.db")
    assert resolve_db("/tmp/opt.db") == "/tmp/opt.db"
    assert resolve_db(None) == "/tmp/env.db"
    monkeypatch.delenv("STORYLINE_DB")
    assert resolve_db(None) == "storyline.db"


def test_filters_and_prefix_lookup(store: SQLiteStore, examples: Path) -> None:
    ingest_paths([str(examples)], store)
    assert store.count_articles(ArticleFilter(date_from="2017-04")) == 2
    assert store.count_articles(ArticleFilter(date_to="2017-03")) == 2
    assert store.count_articles(ArticleFilter(date_from="2017-05", date_to="2017-05")) == 1
    assert store.count_articles(ArticleFilter(lang="en")) == 0
    some = store.list_articles(ArticleFilter(limit=1, offset=1))
    assert len(some) == 1
    assert store.get_article(some[0].id[:8]).id == some[0].id
    with pytest.raises(NotFoundError):
        store.get_article("zzzz")


def test_analysis_round_trips_and_replaces(store: SQLiteStore, examples: Path) -> None:
    ingest_paths([str(next(examples.glob("001_*.txt")))], store)
    article = store.list_articles(ArticleFilter())[0]
    speaker = Mention(10, 18, "Sessions", "PER")
    doc = Document(
        article=article,
        sentences=[Span(0, 50)],
        entities=[Mention(10, 18, "Sessions", "PER", "e1")],
        timexes=[Timex(60, 69, "gisteren", "DATE", "2017-03", None, "2017-03", True)],
        quotes=[Quote(80, 95, "totaal vertrouwen", "partial", "zei", speaker, None, "2017-03")],
    )
    store.save_documents([doc])
    store.save_documents([doc])
    loaded = store.load_document(article.id)
    assert loaded.sentences == doc.sentences
    assert loaded.entities == doc.entities
    assert loaded.timexes == doc.timexes
    assert loaded.quotes == doc.quotes
    assert store.unanalyzed_ids() == []


def test_a_failed_transaction_leaves_nothing_half_written(store: SQLiteStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.conn.execute(
            "INSERT INTO articles (id, text, ingested_at) VALUES ('x', 'tekst', 'nu')"
        )
        raise RuntimeError("crash")
    assert store.count_articles() == 0
