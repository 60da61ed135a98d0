"""Ingest: read, clean, identify, detect language, deduplicate and store, batch by batch.

Each batch is one transaction: a crash or Ctrl-C loses at most the batch in flight, and a
rerun skips what was stored (same text, same id), so it finishes the job without duplicates.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain, islice

from storyline.errors import ReadError
from storyline.ingest.dedup import BatchIndex, find_near_duplicate
from storyline.ingest.prepare import (
    Prepared,
    detect_missing_languages,
    parsed,
    prepare,
    prepare_batch,
)
from storyline.ingest.records import PendingLine, RawArticle, ReadOptions, ReadResult
from storyline.ingest.workers import PreparePool, default_workers, records_to_prepare
from storyline.model import Article
from storyline.store.base import RunCounts, Store
from storyline.store.sqlite import utcnow

log = logging.getLogger(__name__)

BATCH_SIZE = 500


@dataclass
class IngestEvents:
    """Callbacks a shell uses to show progress and problems as they happen."""

    on_error: Callable[[ReadError], None] = lambda error: None
    on_warning: Callable[[str], None] = lambda message: None
    on_batch: Callable[[RunCounts], None] = lambda counts: None


def _batches(items: Iterable[ReadResult], size: int) -> Iterator[list[ReadResult]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _report(
    batch: list[ReadResult],
    results: list[Prepared | ReadError],
    counts: RunCounts,
    events: IngestEvents,
) -> list[Prepared]:
    """Count and report the batch in input order; the articles that are ready to store."""
    prepared: list[Prepared] = []
    outcomes = iter(results)
    for item in batch:
        outcome: Prepared | ReadError = item if isinstance(item, ReadError) else next(outcomes)
        if isinstance(item, RawArticle):
            counts.read += 1
            for warning in item.warnings:
                events.on_warning(f"{item.origin}: {warning}")
        elif isinstance(item, PendingLine) and not (
            isinstance(outcome, ReadError) and outcome.unread
        ):
            counts.read += 1
            if isinstance(outcome, Prepared):
                for warning in outcome.warnings:
                    events.on_warning(f"{outcome.article.source_path}: {warning}")
        if isinstance(outcome, Prepared):
            prepared.append(outcome)
            continue
        counts.failed += 1
        counts.errors.append(str(outcome))
        events.on_error(outcome)
    return prepared


def _store_batch(store: Store, prepared: list[Prepared], counts: RunCounts) -> None:
    """Store the batch in one transaction, each article checked against all before it."""
    accepted: list[tuple[Article, bytes, list[int]]] = []
    with store.transaction():
        stored = store.stored_ids(item.article.id for item in prepared)
        index = BatchIndex(store, chain.from_iterable(item.band_keys for item in prepared))
        for item in prepared:
            article = item.article
            if article.id in index.ids or article.id in stored:
                counts.duplicate += 1
                continue
            article.near_duplicate_of = find_near_duplicate(index, item.band_keys, item.signature)
            index.add(article.id, item.signature, item.band_keys)
            accepted.append((article, item.signature, item.band_keys))
            counts.stored += 1
            counts.near_duplicate += article.near_duplicate_of is not None
        store.add_articles(accepted)


def _prepared_batches(
    records: Iterable[ReadResult], batch_size: int, workers: int
) -> Generator[tuple[list[ReadResult], list[Prepared | ReadError]], None, None]:
    """Batches with their prepared results, in input order.

    Input that fills more than one batch is prepared by worker processes; the first batch
    is prepared here while they start, so small inputs never pay for starting them.
    """
    batches = _batches(records, batch_size)
    first = next(batches, None)
    if first is None:
        return
    if workers < 1 or len(first) < batch_size:
        for batch in chain([first], batches):
            yield batch, prepare_batch(records_to_prepare(batch))
        return
    pool = PreparePool(workers)
    finished = False
    try:
        pool.start(batches)
        yield first, prepare_batch(records_to_prepare(first))
        yield from pool.results()
        finished = True
    finally:
        pool.close(wait=finished)


def ingest_records(
    records: Iterable[ReadResult],
    store: Store,
    events: IngestEvents | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
) -> RunCounts:
    """Store every readable record; errors are counted and reported, never fatal.

    ``workers`` processes prepare the articles (default: ``default_workers()``); what is
    stored does not depend on it.
    """
    events = events or IngestEvents()
    counts = RunCounts()
    started = utcnow()
    stream = _prepared_batches(
        records, batch_size, default_workers() if workers is None else workers
    )
    try:
        with store.bulk_writes():
            for batch, results in stream:
                _store_batch(store, _report(batch, results, counts, events), counts)
                events.on_batch(counts)
    finally:
        stream.close()
        store.record_run(counts, started)
    return counts


def read_inputs(paths: Sequence[str], options: ReadOptions) -> Iterator[ReadResult]:
    """Records from files, folders and globs; ``-`` reads JSONL from standard input."""
    from storyline.ingest.readers import read_paths, read_stream

    for path in paths:
        if path == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", options)
        else:
            yield from read_paths([path], options)


def ingest_paths(
    paths: Sequence[str],
    store: Store,
    options: ReadOptions | None = None,
    events: IngestEvents | None = None,
) -> RunCounts:
    """Read the inputs and store what they hold (JSON Lines parsed by the worker processes)."""
    deferred = replace(options or ReadOptions(), defer_parsing=True)
    return ingest_records(read_inputs(paths, deferred), store, events)


def read_articles(paths: Sequence[str], options: ReadOptions) -> Iterator[Article | ReadError]:
    """Prepared articles (language detected) without storing them; errors are yielded."""
    for batch in _batches(read_inputs(paths, options), BATCH_SIZE):
        articles: list[Article] = []
        for item in batch:
            try:
                if isinstance(item, ReadError):
                    raise item
                articles.append(prepare(parsed(item)))
            except ReadError as error:
                yield error
        detect_missing_languages(articles)
        yield from articles
