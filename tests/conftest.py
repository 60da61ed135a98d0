"""Fixtures shared by the whole test suite."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.store.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "src" / "storyline" / "data" / "examples"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    opened = SQLiteStore(tmp_path / "test.db")
    yield opened
    opened.close()


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(autouse=True)
def _restore_quote_log_level() -> Iterator[None]:
    """The training and evaluation commands quieten the quote stage's warnings; a test that
    runs one must not silence them for the tests after it."""
    logger = logging.getLogger("storyline.analyze.quotes")
    level = logger.level
    yield
    logger.setLevel(level)
