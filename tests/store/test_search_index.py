"""Articles added in a store transaction are indexed for search in one go at commit."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.model import Article, PartialDate
from storyline.store.sqlite import SQLiteStore


def _article(number: int, text: str) -> Article:
    return Article(
        f"a{number}", text, title=f"Title {number}", date=PartialDate(2020, 1, 1), lang="en"
    )


def _index(store: SQLiteStore) -> list[tuple[object, ...]]:
    """Every token the search index holds: term, row, column and position."""
    store.conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms "
        "USING fts5vocab(main, articles_fts, 'instance')"
    )
    return [
        tuple(r) for r in store.conn.execute("SELECT * FROM temp.fts_terms ORDER BY 1, 2, 3, 4")
    ]


def _rebuilt(store: SQLiteStore) -> list[tuple[object, ...]]:
    with store.transaction():
        store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    return _index(store)


def _matches(store: SQLiteStore, term: str) -> list[str]:
    sql = (
        "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY a.id"
    )
    return [row[0] for row in store.conn.execute(sql, (term,))]


def test_deferred_rows_updated_or_deleted_before_commit_are_indexed_as_they_end(
    store: SQLiteStore,
) -> None:
    store.add_articles([(_article(0, "An older story about floods."), b"", [])])
    with store.transaction():
        store.add_articles(
            [
                (
                    _article(
                        i,
                        f"Story {i} about storms.",
                    ),
                    b"",
                    [],
                )
                for i in (1, 2, 3)
            ]
        )
        assert _matches(store, "storms") == []  # not searchable before the commit
        store.conn.execute("UPDATE articles SET text = 'Now about droughts.' WHERE id = 'a1'")
        store.conn.execute("DELETE FROM articles WHERE id = 'a2'")
        store.conn.execute("UPDATE articles SET text = 'Floods again.' WHERE id = 'a0'")
        store.add_article(_article(4, "A late story about storms."), b"", [])
    assert _matches(store, "storms") == ["a3", "a4"]
    assert _matches(store, "droughts") == ["a1"]
    assert _matches(store, "floods") == ["a0"]
    before = _index(store)
    assert before == _rebuilt(store)
    assert store.conn.execute("SELECT COUNT(*) FROM search_pending").fetchone()[0] == 0


def test_a_rolled_back_transaction_leaves_nothing_pending(store: SQLiteStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(_article(1, "Never stored."), b"", [])
        raise RuntimeError("stop")
    store.add_article(_article(2, "Stored and found."), b"", [])
    assert _matches(store, "stored") == ["a2"]
    assert _index(store) == _rebuilt(store)


def test_rows_written_outside_the_store_api_are_indexed_by_the_triggers(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    with store.transaction():
        store.conn.execute(
            "INSERT INTO articles (id, text, ingested_at) VALUES ('x1', 'Written by hand.', '')"
        )
    assert _matches(store, "hand") == ["x1"]
    assert _index(store) == _rebuilt(store)
