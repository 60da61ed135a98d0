"""What every request needs: its thread's own read connection, the readers, the single writer."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from storyline.store.base import EntityReader, StoryReader
from storyline.store.entities import EntityRepo
from storyline.store.sqlite import SQLiteStore
from storyline.store.stories import StoryRepo

log = logging.getLogger(__name__)

MMAP_BYTES = 1 << 30  # address space only; the OS page cache holds the pages once for all


class ReadStore(SQLiteStore):
    """A second connection to an already migrated store, for reading only.

    Opening it takes no write lock, so requests stay fast while an ingest holds the writer.
    Pages come through a memory map (no copy into each connection's cache) and sorts stay
    in memory.
    """

    def _migrate(self) -> None:
        self.conn.execute("PRAGMA query_only=ON")
        self.conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        self.conn.execute("PRAGMA temp_store=MEMORY")


class TTLCache:
    """Display data kept a few minutes: entity id -> {id, name, type}, story -> timeline.

    A full entity carries every article id it occurs in, and a timeline takes its story's
    documents to build; pages and the API reuse them instead.
    """

    def __init__(self, ttl: float = 300.0, size: int = 50_000) -> None:
        self.ttl = ttl
        self.size = size
        self._items: dict[str, tuple[float, dict[str, Any]]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            found = self._items.get(key)
        if found is None or time.monotonic() - found[0] > self.ttl:
            return None
        return found[1]

    def put(self, key: str, value: dict[str, Any]) -> None:
        with self._lock:
            self._items.pop(key, None)
            while len(self._items) >= self.size:  # the oldest entry goes first
                self._items.pop(next(iter(self._items)))
            self._items[key] = (time.monotonic(), value)


@dataclass
class Readers:
    """One borrowed connection and the entity and story readers built on it."""

    store: SQLiteStore
    entities: EntityReader
    stories: StoryReader
    refs: TTLCache = field(default_factory=TTLCache)
    timelines: TTLCache = field(default_factory=lambda: TTLCache(600.0, 2048))


class AppContext:
    """Shared by all requests: one read connection per server thread, and the one writer."""

    def __init__(
        self,
        store: SQLiteStore,
        token: str | None,
        entities: EntityReader | None,
        stories: StoryReader | None,
    ) -> None:
        self.store = store
        self.token = token
        self.write_lock = threading.Lock()
        self._entities = entities
        self._stories = stories
        self._local = threading.local()
        self._opened: list[SQLiteStore] = []
        self._opening = threading.Lock()
        self._shared = store.location in (":memory:", "")
        self.refs = TTLCache()
        self.timelines = TTLCache(600.0, 2048)

    def _open(self) -> Readers:
        store = self.store if self._shared else ReadStore(self.store.location)
        if store is not self.store:
            with self._opening:
                self._opened.append(store)
        entities = self._entities or EntityRepo(store)
        stories = self._stories or StoryRepo(store)
        return Readers(store, entities, stories, self.refs, self.timelines)

    def here(self) -> Readers:
        """This thread's own read connection and readers, opened on its first request.

        A server thread runs one request at a time, so nothing is shared between requests
        that run together, and no request waits for a connection.
        """
        bundle: Readers | None = getattr(self._local, "readers", None)
        if bundle is None:
            bundle = self._open()
            self._local.readers = bundle
        return bundle

    def close(self) -> None:
        with self._opening:
            for store in self._opened:
                store.close()
            self._opened.clear()
        self._local = threading.local()
