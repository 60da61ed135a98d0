"""Checkpoint a SQLite WAL from a background thread while one writer loads in bulk.

With automatic checkpoints, the commit that crosses the threshold copies the WAL back into
the database and waits for the disk (fsync) before the writer may go on: on an ingest that
was a quarter of the writer's wall time. A checkpointer on its own connection and thread
does that work beside the writer instead (SQLite allows a checkpoint concurrent with a
writer in WAL mode, and the sqlite3 module releases the GIL while it runs).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from types import TracebackType

from storyline.errors import StoreError

log = logging.getLogger(__name__)

INTERVAL_S = 1.0  # a page many batches touch is copied back once per interval, not per batch


class WalCheckpointer:
    """A thread that runs ``PRAGMA wal_checkpoint(PASSIVE)`` every ``interval`` seconds."""

    def __init__(self, path: str, interval: float = INTERVAL_S) -> None:
        self.path = path
        self.interval = interval
        self.checkpoints = 0
        self._stop = threading.Event()
        self._conn: sqlite3.Connection | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> WalCheckpointer:
        self._conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._conn is not None:
            self._conn.close()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.checkpoint()

    def checkpoint(self) -> None:
        """One passive checkpoint: copies what it can, never blocks the writer or readers."""
        if self._conn is None:
            raise StoreError("the WAL checkpointer was not started (use it in a with block)")
        try:
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            self.checkpoints += 1
        except sqlite3.Error as exc:
            # The writer's commits still work; the WAL is copied back at its next checkpoint.
            log.warning("background WAL checkpoint of %s failed: %s", self.path, exc)
