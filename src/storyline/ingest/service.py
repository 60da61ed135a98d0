"""Ingest: read, clean, identify, detect language, deduplicate and store, batch by batch.

Each batch is one transaction: a crash or Ctrl-C loses at most the batch in flight, and a
rerun skips what was stored (same text, same id), so it finishes the job without duplicates.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from storyline.errors import ReadError
from storyline.ingest.dedup import find_near_duplicate, fingerprint
from storyline.ingest.language import detect_languages
from storyline.ingest.normalize import article_id, clean_text, fingerprint_words
from storyline.ingest.paragraphs import find_paragraphs
from storyline.ingest.records import RawArticle, ReadOptions, ReadResult
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


def prepare(raw: RawArticle) -> Article:
    """An article ready to store: clean text, paragraphs, title and content id."""
    return _prepare(raw)[0]


def _prepare(raw: RawArticle) -> tuple[Article, list[str]]:
    """The article and its fingerprint words, which the duplicate checks reuse."""
    text = clean_text(raw.text)
    if not text:
        raise ReadError(raw.origin, "no text")
    words = fingerprint_words(text)
    paragraphs, found_title = find_paragraphs(text)
    article = Article(
        id=article_id(text, words),
        text=text,
        title=raw.title or found_title,
        date=raw.date,
        lang=raw.lang,
        url=raw.url,
        source=raw.source,
        author=raw.author,
        source_path=raw.origin,
        external_id=raw.external_id,
        paragraphs=paragraphs,
    )
    return article, words


def _batches(items: Iterable[ReadResult], size: int) -> Iterator[list[ReadResult]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _prepare_batch(
    batch: list[ReadResult], counts: RunCounts, events: IngestEvents
) -> list[tuple[Article, list[str]]]:
    prepared: list[tuple[Article, list[str]]] = []
    for item in batch:
        if isinstance(item, ReadError):
            counts.failed += 1
            counts.errors.append(str(item))
            events.on_error(item)
            continue
        counts.read += 1
        for warning in item.warnings:
            events.on_warning(f"{item.origin}: {warning}")
        try:
            prepared.append(_prepare(item))
        except ReadError as error:
            counts.failed += 1
            counts.errors.append(str(error))
            events.on_error(error)
    _detect_missing_languages([article for article, _ in prepared])
    return prepared


def _detect_missing_languages(articles: list[Article]) -> None:
    undetected = [a for a in articles if not a.lang]
    languages = detect_languages([a.text for a in undetected])
    for article, lang in zip(undetected, languages, strict=True):
        article.lang = lang


def _store_batch(
    store: Store, prepared: list[tuple[Article, list[str]]], counts: RunCounts
) -> None:
    with store.transaction():
        for article, words in prepared:
            if store.has_article(article.id):
                counts.duplicate += 1
                continue
            fp = fingerprint(article.text, words)
            article.near_duplicate_of = find_near_duplicate(store, fp)
            store.add_article(article, fp.to_bytes(), fp.band_keys)
            counts.stored += 1
            counts.near_duplicate += article.near_duplicate_of is not None


def ingest_records(
    records: Iterable[ReadResult],
    store: Store,
    events: IngestEvents | None = None,
    batch_size: int = BATCH_SIZE,
) -> RunCounts:
    """Store every readable record; errors are counted and reported, never fatal."""
    events = events or IngestEvents()
    counts = RunCounts()
    started = utcnow()
    try:
        for batch in _batches(records, batch_size):
            _store_batch(store, _prepare_batch(batch, counts, events), counts)
            events.on_batch(counts)
    finally:
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
    """Read the inputs and store what they hold."""
    return ingest_records(read_inputs(paths, options or ReadOptions()), store, events)


def read_articles(paths: Sequence[str], options: ReadOptions) -> Iterator[Article | ReadError]:
    """Prepared articles (language detected) without storing them; errors are yielded."""
    for batch in _batches(read_inputs(paths, options), BATCH_SIZE):
        articles: list[Article] = []
        for item in batch:
            try:
                if isinstance(item, ReadError):
                    raise item
                articles.append(prepare(item))
            except ReadError as error:
                yield error
        _detect_missing_languages(articles)
        yield from articles
