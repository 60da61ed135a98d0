"""Prepare batches in worker processes while the caller stores the earlier ones.

Preparing (clean-up, paragraphs, fingerprints, language) needs no store, so it runs in
child processes (``python -m storyline.ingest.workers``); the caller keeps every store
read and write, in input order, so it stores exactly what a single process would. A
thread reads the input and hands batches round-robin to the workers, at most ``AHEAD``
batches in flight, so memory stays flat whatever the input size. Batches travel as
pickles over the workers' stdin and stdout. A worker that dies (or never starts) costs
speed, not data: its batches are prepared in the caller instead.
"""

from __future__ import annotations

import logging
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from storyline.errors import ReadError
from storyline.ingest.prepare import Prepared, prepare_batch
from storyline.ingest.records import PendingLine, RawArticle, ReadResult

log = logging.getLogger(__name__)

AHEAD = 3  # batches read ahead of the one being stored, in all
ENV_WORKERS = "STORYLINE_INGEST_WORKERS"
_DONE = object()


def default_workers() -> int:
    """Worker processes to use: ``STORYLINE_INGEST_WORKERS``, else one per core (at most 2).

    Even on two cores two workers beat one: the storing process waits on the disk and on
    SQLite at times, and a second worker keeps the other core busy then. One core gets none.
    """
    configured = os.environ.get(ENV_WORKERS, "").strip()
    if configured.isdigit():
        return int(configured)
    cores = os.cpu_count() or 1
    return 0 if cores < 2 else min(2, cores)


def records_to_prepare(batch: list[ReadResult]) -> list[RawArticle | PendingLine]:
    """The records of a batch still to prepare: all but the readers' errors."""
    return [item for item in batch if not isinstance(item, ReadError)]


# ---- the worker side ----------------------------------------------------------------


def _portable(
    results: list[Prepared | ReadError],
) -> list[Prepared | tuple[str, str, str | None, bool]]:
    """Errors as plain tuples: a ReadError does not survive pickling (its init takes 4 args)."""
    return [
        r if isinstance(r, Prepared) else (r.path, r.reason, r.record, r.unread) for r in results
    ]


def serve(inbox: IO[bytes], outbox: IO[bytes]) -> None:
    """Answer each pickled batch of raw articles with its prepared results, until EOF."""
    while True:
        try:
            batch = pickle.load(inbox)
        except (EOFError, pickle.UnpicklingError):  # the caller is done, or gone
            return
        try:
            pickle.dump(_portable(prepare_batch(batch)), outbox, pickle.HIGHEST_PROTOCOL)
            outbox.flush()
        except BrokenPipeError:  # the caller stopped listening
            return


def main() -> None:
    # Ctrl-C reaches the whole process group; the caller decides when a worker stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    outbox = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints must not corrupt results
    serve(sys.stdin.buffer, outbox)
    os._exit(0)  # nothing to clean up; a flush into a closed pipe would only print noise


# ---- the caller side ----------------------------------------------------------------


class _Worker:
    def __init__(self) -> None:
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])  # the folder holding ``storyline``
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self.process: subprocess.Popen[bytes] | None = subprocess.Popen(
            [sys.executable, "-m", "storyline.ingest.workers"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )

    def send(self, raws: list[RawArticle | PendingLine]) -> bool:
        """Hand a batch over; False when the worker is gone."""
        if self.process is None or self.process.stdin is None:
            return False
        try:
            pickle.dump(raws, self.process.stdin, pickle.HIGHEST_PROTOCOL)
            self.process.stdin.flush()
            return True
        except (OSError, ValueError):
            return False

    def receive(self) -> list[Prepared | ReadError]:
        """The results of the oldest batch sent; raises OSError when the worker died."""
        if self.process is None or self.process.stdout is None:
            raise OSError("worker not running")
        try:
            results = pickle.load(self.process.stdout)
        except (EOFError, pickle.UnpicklingError, ValueError) as exc:
            raise OSError(f"ingest worker stopped ({exc or 'no answer'})") from exc
        return [r if isinstance(r, Prepared) else ReadError(*r) for r in results]

    def stop(self, wait: bool) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        if not wait:  # first, so that a thread blocked writing to it is released
            process.kill()
        for stream in (process.stdin, process.stdout):
            try:
                if stream:
                    stream.close()
            except OSError:
                pass
        try:
            process.wait(timeout=5 if wait else 0.01)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class PreparePool:
    """Worker processes that prepare batches, results handed back in input order."""

    def __init__(self, workers: int) -> None:
        self._workers: list[_Worker] = []
        for _ in range(workers):
            try:
                self._workers.append(_Worker())
            except (OSError, ValueError) as exc:  # no worker: slower, same result
                log.warning("ingest worker unavailable (%s): preparing in-process", exc)
                break
        self._alive = [True] * len(self._workers)
        self._ahead: queue.Queue[Any] = queue.Queue(maxsize=AHEAD)
        self._stopping = threading.Event()
        self._reader: threading.Thread | None = None

    def start(self, batches: Iterator[list[ReadResult]]) -> None:
        """Start reading batches (in a thread) and handing them to the workers."""
        self._reader = threading.Thread(target=self._feed, args=(batches,), daemon=True)
        self._reader.start()

    def results(self) -> Iterator[tuple[list[ReadResult], list[Prepared | ReadError]]]:
        """Each batch with its results, in input order."""
        index = 0
        while (item := self._ahead.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item, self._results(index, item)
            index += 1

    def _results(self, index: int, batch: list[ReadResult]) -> list[Prepared | ReadError]:
        slot = index % len(self._workers) if self._workers else -1
        if slot >= 0 and self._alive[slot]:
            try:
                return self._workers[slot].receive()
            except OSError as exc:
                log.warning("%s: preparing its batches in-process", exc)
                self._alive[slot] = False
        return prepare_batch(records_to_prepare(batch))

    def _feed(self, batches: Iterator[list[ReadResult]]) -> None:
        index = 0
        try:
            for batch in batches:
                if not self._put(batch):
                    return
                slot = index % len(self._workers) if self._workers else -1
                if slot >= 0 and self._alive[slot]:
                    self._alive[slot] = self._workers[slot].send(records_to_prepare(batch))
                index += 1
            self._put(_DONE)
        except Exception as exc:  # the reader failed: the caller raises it
            self._put(exc)

    def _put(self, item: object) -> bool:
        while not self._stopping.is_set():
            try:
                self._ahead.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def close(self, wait: bool = True) -> None:
        """Stop the reader thread and the workers (at once unless ``wait``)."""
        self._stopping.set()
        for worker in self._workers:
            worker.stop(wait)
        if self._reader is not None:
            self._reader.join(timeout=5)


if __name__ == "__main__":
    main()
