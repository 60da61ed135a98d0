"""Runs the analysis stages in order. Each stage takes documents and gives documents back."""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from storyline.errors import AnalysisError
from storyline.model import Article, Document

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from storyline.store.base import Store
    from storyline.store.sqlite import SQLiteStore


log = logging.getLogger(__name__)


class Stage(Protocol):
    """One pipeline step: documents in, the same documents (annotated) out."""

    name: str

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]: ...


class Pipeline:
    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages = list(stages)

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def run(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Each article through every stage in turn. A stage that fails on one article
        (a bug, not bad input: readers reject that) is logged with the article's id, and
        the article keeps what the stages before it found; the other articles go on."""
        for article in articles:
            yield self._one(Document(article=article))

    def _one(self, doc: Document) -> Document:
        for stage in self.stages:
            try:
                doc = next(iter(stage([doc])))
            except Exception as exc:  # one article's failure must not stop the others
                error = AnalysisError(
                    f"article {doc.article.id}: the {stage.name} stage failed "
                    f"({type(exc).__name__}: {exc}); the article keeps what the stages "
                    "before it found"
                )
                log.error("%s", error, exc_info=exc)
                break
        return doc


def default_stages() -> list[Stage]:
    """The analysis stages in order: sentences, entities, time expressions, quotes.

    Quotes come last because speakers are found among the entity mentions.
    """
    from storyline.analyze.entities import EntityStage
    from storyline.analyze.quotes import QuoteStage
    from storyline.analyze.sentences import SentenceStage
    from storyline.analyze.timex import TimexStage

    return [SentenceStage(), EntityStage(), TimexStage(), QuoteStage()]


def analyze(
    articles: Iterable[Article], stages: Sequence[Stage] | None = None
) -> Iterator[Document]:
    """Analyse articles without storing them."""
    return Pipeline(stages if stages is not None else default_stages()).run(articles)


_WORKER_PIPELINE: Pipeline | None = None


# Analysis is batch work: its workers yield the CPU to a server answering reads from the
# same store (measured by benchmarks/api.py --during-ingest), and lose nothing when idle.
WORKER_NICENESS = 5


def _start_worker() -> None:
    global _WORKER_PIPELINE
    os.nice(WORKER_NICENESS)
    _WORKER_PIPELINE = Pipeline(default_stages())


def _analyze_in_worker(articles: list[Article]) -> list[Document]:
    assert _WORKER_PIPELINE is not None, "worker started without its pipeline"
    return list(_WORKER_PIPELINE.run(articles))


def default_processes() -> int:
    """Analysis processes to use: one per core, at most four."""
    return max(1, min(os.cpu_count() or 1, 4))


def analyze_pending(
    store: Store,
    stages: Sequence[Stage] | None = None,
    batch_size: int = 64,
    on_batch: Callable[[int, int], None] | None = None,
    processes: int = 1,
) -> int:
    """Analyse every stored article not analysed yet; each batch is saved in one transaction.

    With ``processes`` > 1 (and the default stages) batches are analysed in worker
    processes while this one reads and saves, in the same order as one process would.
    """
    pending = store.unanalyzed_ids()
    batches = [pending[i : i + batch_size] for i in range(0, len(pending), batch_size)]

    def load(ids: list[str]) -> list[Article]:
        return [store.get_article(article_id) for article_id in ids]

    def save(docs: list[Document], done: int) -> int:
        store.save_documents(docs)
        if on_batch:
            on_batch(done + len(docs), len(pending))
        return done + len(docs)

    done = 0
    if processes > 1 and stages is None and len(batches) > 1:
        context = multiprocessing.get_context("fork")
        with context.Pool(processes, initializer=_start_worker) as pool:
            # A bounded window of batches in flight: memory stays flat, order is kept, and
            # only this thread touches the store.
            in_flight: deque[AsyncResult[list[Document]]] = deque()
            for ids in batches:
                in_flight.append(pool.apply_async(_analyze_in_worker, (load(ids),)))
                if len(in_flight) > 2 * processes:
                    done = save(in_flight.popleft().get(), done)
            while in_flight:
                done = save(in_flight.popleft().get(), done)
        return done
    pipeline = Pipeline(stages if stages is not None else default_stages())
    for ids in batches:
        done = save(list(pipeline.run(load(ids))), done)
    return done


StageProgress = Callable[[str], Callable[[int, int], None]]


def update_store(store: SQLiteStore, on_stage: StageProgress | None = None) -> dict[str, int]:
    """Bring the store up to date: analyse new articles, resolve entities, cluster events.

    ``on_stage(name)`` is called as each step starts and returns its ``on_batch(done, total)``.
    """
    from storyline.cluster import cluster_pending
    from storyline.resolve import resolve_pending

    def progress(name: str) -> Callable[[int, int], None] | None:
        return on_stage(name) if on_stage else None

    return {
        "analysed": analyze_pending(
            store, on_batch=progress("analysing"), processes=default_processes()
        ),
        "resolved": resolve_pending(store, on_batch=progress("resolving entities")),
        "clustered": cluster_pending(store, on_batch=progress("clustering")),
    }
