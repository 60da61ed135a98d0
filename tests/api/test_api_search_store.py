"""The FTS5 index: query escaping, triggers that keep it in step, migration backfill."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.model import Article, PartialDate
from storyline.store.search import (
    SearchFilter,
    article_briefs,
    articles_per_day,
    date_tokens,
    fts_query,
    recent_articles,
    search_articles,
    split_snippet,
)
from storyline.store.sqlite import SQLiteStore


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump Rusland", '"Trump" "Rusland"'),
        ('"minister van Justitie" Sessions', '"minister van Justitie" "Sessions"'),
        ('Trump"', '"Trump"""'),
        ("Sess*", '"Sess"*'),
        ("AND OR NOT", '"AND" "OR" "NOT"'),
        ('" * - ()', ""),
        ("", ""),
    ],
)
def test_user_text_becomes_a_safe_match_expression(text: str, expected: str) -> None:
    assert fts_query(text) == expected


def _article(article_id: str, text: str, title: str | None = None, day: int = 1) -> Article:
    return Article(article_id, text, title=title, date=PartialDate(2020, 1, day), lang="en")


def _hits(store: SQLiteStore, query: str, **filters: object) -> list[str]:
    result = search_articles(store, SearchFilter(query, **filters))  # type: ignore[arg-type]
    return [hit.id for hit in result.hits]


def test_the_index_follows_inserts_updates_and_deletes(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    store.add_article(_article("a1", "The minister resigned on Monday."), b"", [])
    store.add_article(_article("a2", "Storms hit the coast.", title="Minister speaks"), b"", [])
    assert sorted(_hits(store, "minister")) == ["a1", "a2"]
    assert _hits(store, "minister")[0] == "a2"  # a title hit ranks first
    with store.transaction():
        store.conn.execute("UPDATE articles SET text = 'Nothing of note.' WHERE id = 'a1'")
    assert _hits(store, "minister") == ["a2"]
    assert _hits(store, "note") == ["a1"]
    with store.transaction():
        store.conn.execute("DELETE FROM articles WHERE id = 'a2'")
    assert _hits(store, "minister") == []


def test_accents_and_case_do_not_matter(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    store.add_article(_article("a1", "Hij heeft de vraag verkeerd geïnterpreteerd."), b"", [])
    assert _hits(store, "GEINTERPRETEERD") == ["a1"]
    assert _hits(store, "geïnterpr*") == ["a1"]


def test_the_migration_indexes_articles_stored_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = SQLiteStore(path)
    store.add_article(_article("a1", "An older article about elections."), b"", [])
    with store.transaction():
        for name in ("insert", "delete", "unindex", "reindex"):
            store.conn.execute(f"DROP TRIGGER articles_fts_{name}")
        store.conn.execute("DROP TABLE articles_fts")
        store.conn.execute("DROP VIEW articles_fts_source")
        store.conn.execute("DELETE FROM migrations WHERE version = 5")
    store.close()
    reopened = SQLiteStore(path)
    assert 5 in reopened.applied_migrations()
    assert _hits(reopened, "elections") == ["a1"]


def test_filters_follow_updates_of_date_source_and_language(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    store.add_article(_article("a1", "Floods in the north."), b"", [])
    assert _hits(store, "floods", date_from="2020-01-01", date_to="2020-01-01") == ["a1"]
    with store.transaction():
        store.conn.execute(
            "UPDATE articles SET date = '2021-05', source = 'Het Parool', lang = 'nl' "
            "WHERE id = 'a1'"
        )
    assert _hits(store, "floods", date_to="2020-12") == []
    assert _hits(store, "floods", date_from="2021-05", source="Het Parool", lang="nl") == ["a1"]
    assert _hits(store, "floods", date_from="2021-05-02") == []  # month precision only
    assert _hits(store, "floods", source="Het") == []


def test_date_ranges_become_the_fewest_tokens() -> None:
    assert date_tokens(date(2017, 1, 1), date(2018, 12, 31)) == ["y2017", "y2018"]
    assert date_tokens(date(2017, 11, 30), date(2018, 2, 1)) == [
        "d20171130",
        "m201712",
        "m201801",
        "d20180201",
    ]
    assert date_tokens(date(2018, 1, 2), date(2018, 1, 1)) == []


def test_broad_queries_are_ranked_among_the_latest_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.store import search

    monkeypatch.setattr(search, "RANK_ALL", 3)
    monkeypatch.setattr(search, "COUNT_CAP", 4)
    store = SQLiteStore(tmp_path / "s.db")
    for day in range(1, 7):
        store.add_article(_article(f"a{day}", f"Storm warning {day}.", day=day), b"", [])
    result = search_articles(store, SearchFilter("storm"))
    assert result.ranked_recent and not result.total_exact and result.total == 4
    assert sorted(hit.id for hit in result.hits) == ["a4", "a5", "a6"]
    narrow = search_articles(store, SearchFilter("storm", date_to="2020-01-02"))
    assert not narrow.ranked_recent and narrow.total_exact and narrow.total == 2


def test_snippets_mark_the_matches() -> None:
    text, spans = split_snippet("a \x02minister\x03 said \x02minister\x03")
    assert text == "a minister said minister"
    assert [text[s:e] for s, e in spans] == ["minister", "minister"]


def test_filters_paging_and_briefs(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    for day in range(1, 6):
        store.add_article(_article(f"a{day}", f"Flood report number {day}.", day=day), b"", [])
    result = search_articles(store, SearchFilter("flood", limit=2, offset=1))
    assert result.total == 5 and len(result.hits) == 2
    assert sorted(_hits(store, "flood", date_from="2020-01-04")) == ["a4", "a5"]
    assert sorted(_hits(store, "flood", date_to="2020-01-02")) == ["a1", "a2"]
    assert _hits(store, "flood", lang="nl") == []
    assert [b.id for b in recent_articles(store, 2)] == ["a5", "a4"]
    assert set(article_briefs(store, ["a1", "zz"])) == {"a1"}
    assert articles_per_day(store, ["a1", "a2", "a2"]) == [("2020-01-01", 1), ("2020-01-02", 1)]
