"""Bulk writes: the WAL is checkpointed by a background thread, not by the writer's commits."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from storyline.errors import StoreError
from storyline.model import Article
from storyline.store.checkpoint import WalCheckpointer
from storyline.store.sqlite import AUTOCHECKPOINT_PAGES, SQLiteStore


def _add(store: SQLiteStore, count: int, start: int = 0) -> None:
    with store.transaction():
        store.add_articles(
            [
                (Article(f"a{n}", f"text number {n} " * 50), b"\0" * 512, [n])
                for n in range(start, start + count)
            ]
        )


def _autocheckpoint(store: SQLiteStore) -> int:
    return int(store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])


def test_bulk_writes_turn_automatic_checkpoints_off_and_back_on(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    with store.bulk_writes():
        assert _autocheckpoint(store) == 0
        _add(store, 20)
    assert _autocheckpoint(store) == AUTOCHECKPOINT_PAGES
    with pytest.raises(RuntimeError), store.bulk_writes():
        raise RuntimeError("the ingest failed")
    assert _autocheckpoint(store) == AUTOCHECKPOINT_PAGES
    assert store.count_articles() == 20


def test_the_checkpointer_copies_committed_pages_into_the_database_file(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = SQLiteStore(path)
    store.conn.execute("PRAGMA wal_autocheckpoint=0")
    _add(store, 200)
    before = path.stat().st_size  # the new pages are only in the WAL so far
    with WalCheckpointer(str(path), interval=0.01) as checkpointer:
        checkpointer.checkpoint()
        assert path.stat().st_size > before + 100_000
        _add(store, 50, start=200)
    assert checkpointer.checkpoints >= 1
    assert store.count_articles() == 250


def test_a_failing_checkpoint_is_reported_and_writes_go_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "s.db"
    store = SQLiteStore(path)
    with caplog.at_level(logging.WARNING), WalCheckpointer(str(path)) as checkpointer:
        checkpointer._conn.close()  # type: ignore[union-attr]
        checkpointer.checkpoint()
        _add(store, 5)
    assert "background WAL checkpoint" in caplog.text
    assert store.count_articles() == 5


def test_a_checkpointer_outside_its_with_block_says_so(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not started"):
        WalCheckpointer(str(tmp_path / "s.db")).checkpoint()
