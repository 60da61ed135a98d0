"""Stores: SQLite by default; everything behind the ``Store`` interface."""

from __future__ import annotations

import os
from pathlib import Path

from storyline.store.base import ArticleFilter, RunCounts, Store
from storyline.store.sqlite import SQLiteStore

DEFAULT_DB = "storyline.db"

__all__ = [
    "DEFAULT_DB",
    "ArticleFilter",
    "RunCounts",
    "SQLiteStore",
    "Store",
    "open_store",
    "resolve_db",
]


def resolve_db(db: str | None) -> str:
    """The store location: ``--db``, else ``$STORYLINE_DB``, else ``./storyline.db``."""
    return db or os.environ.get("STORYLINE_DB") or DEFAULT_DB


def open_store(db: str | Path | None = None, *, read_only: bool = False) -> SQLiteStore:
    return SQLiteStore(resolve_db(str(db) if db else None), read_only=read_only)
