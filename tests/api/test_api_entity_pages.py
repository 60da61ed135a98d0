"""Entities over the real entity store: article pages in SQL, migration 6's read paths."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.api import create_app
from storyline.model import Article, Document, Quote
from storyline.resolve import resolve_pending
from storyline.store.base import QuoteFilter
from storyline.store.entities import EntityRepo
from storyline.store.quotes import UNDATED, list_quotes
from storyline.store.sqlite import SQLiteStore


@pytest.fixture
def resolved(seeded: SQLiteStore) -> SQLiteStore:
    seeded.conn.execute("UPDATE mentions SET entity_id = NULL")
    seeded.conn.execute("UPDATE quotes SET speaker_entity = NULL")
    assert resolve_pending(seeded) > 0
    return seeded


def _widest(store: SQLiteStore) -> tuple[str, int]:
    row = store.conn.execute(
        "SELECT entity_id, COUNT(*) AS n FROM entity_articles GROUP BY entity_id "
        "ORDER BY n DESC, entity_id LIMIT 1"
    ).fetchone()
    return row[0], row[1]


def test_entity_articles_come_in_pages_newest_first(resolved: SQLiteStore) -> None:
    client = TestClient(create_app(resolved))
    entity_id, count = _widest(resolved)
    assert count >= 3
    detail = client.get(f"/api/entities/{entity_id}", params={"articles": 1}).json()
    assert detail["article_count"] == count and len(detail["articles"]) == 1
    assert detail["article_briefs"][0]["id"] == detail["articles"][0]
    seen: list[dict[str, Any]] = list(detail["article_briefs"])
    path = detail["articles_next"]
    while path:
        page = client.get(path).json()
        assert page["total"] == count and page["entity"]["id"] == entity_id
        seen += page["items"]
        path = page["next"]
    ids = [b["id"] for b in seen]
    assert sorted(ids) == sorted(EntityRepo(resolved).get_entity(entity_id).articles)
    dates = [b["date"] or "" for b in seen]
    assert dates == sorted(dates, reverse=True)
    whole = client.get(f"/api/entities/{entity_id}", params={"articles": count}).json()
    assert whole["articles_next"] is None and len(whole["articles"]) == count


def test_listing_counts_every_article_but_lists_few(resolved: SQLiteStore) -> None:
    client = TestClient(create_app(resolved))
    entity_id, count = _widest(resolved)
    listed = {
        e["id"]: e for e in client.get("/api/entities", params={"limit": 100}).json()["items"]
    }
    assert listed[entity_id]["article_count"] == count
    assert len(listed[entity_id]["articles"]) == min(count, 20)
    assert client.get("/api/entities/nobody-at-all/articles").status_code == 404


def _stale(store: SQLiteStore) -> int:
    sql = (
        "SELECT COUNT(*) FROM entity_articles e JOIN articles a ON a.id = e.article_id "
        "WHERE e.date IS NOT a.date"
    )
    return int(store.conn.execute(sql).fetchone()[0])


def test_entity_article_dates_follow_the_article(resolved: SQLiteStore) -> None:
    conn = resolved.conn
    assert _stale(resolved) == 0
    entity_id, _ = _widest(resolved)
    repo = EntityRepo(resolved)
    moved = repo.split(entity_id, article=repo.newest_articles(entity_id, 1)[0])
    repo.merge(entity_id, moved.id)
    assert _stale(resolved) == 0
    article_id = EntityRepo(resolved).newest_articles(entity_id, 1)[-1]
    conn.execute("UPDATE articles SET date = '2030-01-02' WHERE id = ?", (article_id,))
    assert EntityRepo(resolved).newest_articles(entity_id, 1) == [article_id]
    when = {
        r[0]
        for r in conn.execute("SELECT sort_when FROM quotes WHERE article_id = ?", (article_id,))
    }
    assert when <= {"2030-01-02"}


def test_undated_quotes_come_last_and_fall_outside_date_ranges(seeded: SQLiteStore) -> None:
    text = '"Dit is een citaat zonder datum", zei iemand.'
    article = Article("undated1", text, lang="nl")
    seeded.add_article(article, b"", [])
    quote = Quote(0, text.index(","), text[: text.index(",")], "direct", "zei")
    seeded.save_documents([Document(article, quotes=[quote])])
    row = seeded.conn.execute("SELECT sort_when FROM quotes WHERE article_id = 'undated1'")
    assert row.fetchone()[0] == UNDATED
    rows = list_quotes(seeded, QuoteFilter(limit=None))
    assert rows[-1].article_id == "undated1" and rows[-1].when is None
    dated = list_quotes(seeded, QuoteFilter(date_from="2000", limit=None))
    assert "undated1" not in {r.article_id for r in dated} and len(dated) == len(rows) - 1


def test_entity_page_pages_through_its_articles(
    resolved: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.web import pages

    monkeypatch.setattr(pages, "ENTITY_PAGE_ARTICLES", 1)
    client = TestClient(create_app(resolved))
    entity_id, count = _widest(resolved)
    first = client.get(f"/entities/{entity_id}").text
    assert f"1–1 of {count}" in first and "Older →" in first and "← Newer" not in first
    second = client.get(f"/entities/{entity_id}?offset=1").text
    assert f"2–2 of {count}" in second and "← Newer" in second
    newest = EntityRepo(resolved).newest_articles(entity_id, 2)
    assert f"/articles/{newest[0]}" in first and f"/articles/{newest[1]}" in second
    assert f"/articles/{newest[0]}" not in second.split("Articles", 1)[-1]


def test_the_next_link_never_asks_for_more_than_a_page_holds(resolved: SQLiteStore) -> None:
    from storyline.api.queries import MAX_PAGE, articles_next

    link = articles_next("e1", 5000, 1000, 0)
    assert link == f"/api/entities/e1/articles?offset=1000&limit={MAX_PAGE}"
    client = TestClient(create_app(resolved))
    entity_id, _ = _widest(resolved)
    assert client.get(f"/api/entities/{entity_id}/articles?limit={MAX_PAGE}").status_code == 200
    assert articles_next("e1", 10, 5, 5) is None
