"""Stores written by an older version keep their data through later migrations."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.ingest.dedup import fingerprint
from storyline.ingest.records import RawArticle
from storyline.ingest.service import ingest_records
from storyline.model import Article
from storyline.store import sqlite
from storyline.store.schema import MIGRATIONS

TEXT = (
    "De minister van Justitie trekt zich terug uit het onderzoek naar de Russische "
    "inmenging in de verkiezingen, na berichten over twee gesprekken met de ambassadeur. "
    "Hij zegt dat hij niets verkeerds heeft gedaan en dat hij de waarheid heeft gesproken."
)


def _version_7_store(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store as version 7 wrote it: bands keyed by article id, signatures by article id."""
    with monkeypatch.context() as patch:
        patch.setattr(sqlite, "MIGRATIONS", [m for m in MIGRATIONS if m.version <= 7])
        store = sqlite.SQLiteStore(path)
        fp = fingerprint(TEXT)
        with store.transaction():
            store.conn.execute(
                "INSERT INTO articles (id, text, ingested_at) VALUES ('old1', ?, 'now')", (TEXT,)
            )
            store.conn.execute("INSERT INTO article_minhash VALUES ('old1', ?)", (fp.to_bytes(),))
            store.conn.executemany(
                "INSERT INTO lsh_bands VALUES (?, 'old1')", [(key,) for key in fp.band_keys]
            )
        assert store.applied_migrations() == [1, 2, 3, 4, 5, 6, 7]
        store.close()


@pytest.fixture
def upgraded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> sqlite.SQLiteStore:
    """A version-7 store opened by this version, so every later migration ran on it."""
    path = tmp_path / "old.db"
    _version_7_store(path, monkeypatch)
    return sqlite.SQLiteStore(path)


def test_numbered_signatures_keep_every_band_of_an_older_store(
    upgraded: sqlite.SQLiteStore,
) -> None:
    store = upgraded
    assert 8 in store.applied_migrations()
    fp = fingerprint(TEXT)
    members, signatures = store.band_members(fp.band_keys)
    assert sorted(members) == sorted(fp.band_keys)
    assert all(ids == ["old1"] for ids in members.values())
    assert signatures == {"old1": fp.to_bytes()}
    assert store.band_candidates(fp.band_keys) == [("old1", fp.to_bytes())]
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_copy_ingested_after_the_migration_links_to_the_older_article(
    upgraded: sqlite.SQLiteStore,
) -> None:
    store = upgraded
    copy = RawArticle(TEXT.replace("twee gesprekken", "twee ontmoetingen"), origin="copy.txt")
    counts = ingest_records([copy], store, workers=0)
    assert counts.near_duplicate == 1
    (stored,) = [a for a in store.list_articles(sqlite.ArticleFilter()) if a.id != "old1"]
    assert stored.near_duplicate_of == "old1"


def test_deleting_an_article_deletes_its_signature_and_bands(tmp_path: Path) -> None:
    store = sqlite.SQLiteStore(tmp_path / "s.db")
    fp = fingerprint(TEXT)
    store.add_article(Article("a1", TEXT), fp.to_bytes(), fp.band_keys)
    with store.transaction():
        store.conn.execute("DELETE FROM articles WHERE id = 'a1'")
    assert store.conn.execute("SELECT COUNT(*) FROM article_minhash").fetchone()[0] == 0
    assert store.conn.execute("SELECT COUNT(*) FROM lsh_bands").fetchone()[0] == 0
