"""Runs the analysis stages in order. Each stage takes documents and gives documents back."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from storyline.model import Article, Document

if TYPE_CHECKING:
    from storyline.store.base import Store


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
        docs: Iterable[Document] = (Document(article=article) for article in articles)
        for stage in self.stages:
            docs = stage(docs)
        yield from docs


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


def analyze_pending(
    store: Store,
    stages: Sequence[Stage] | None = None,
    batch_size: int = 64,
    on_batch: Callable[[int, int], None] | None = None,
) -> int:
    """Analyse every stored article not analysed yet; each batch is saved in one transaction."""
    pipeline = Pipeline(stages if stages is not None else default_stages())
    pending = store.unanalyzed_ids()
    done = 0
    for offset in range(0, len(pending), batch_size):
        ids = pending[offset : offset + batch_size]
        docs = list(pipeline.run(store.get_article(article_id) for article_id in ids))
        store.save_documents(docs)
        done += len(docs)
        if on_batch:
            on_batch(done, len(pending))
    return done


StageProgress = Callable[[str], Callable[[int, int], None]]


def update_store(store: Store, on_stage: StageProgress | None = None) -> dict[str, int]:
    """Bring the store up to date: analyse new articles, resolve entities, cluster events.

    ``on_stage(name)`` is called as each step starts and returns its ``on_batch(done, total)``.
    """
    from storyline.cluster import cluster_pending
    from storyline.resolve import resolve_pending

    def progress(name: str) -> Callable[[int, int], None] | None:
        return on_stage(name) if on_stage else None

    return {
        "analysed": analyze_pending(store, on_batch=progress("analysing")),
        "resolved": resolve_pending(store, on_batch=progress("resolving entities")),  # type: ignore[arg-type]
        "clustered": cluster_pending(store, on_batch=progress("clustering")),  # type: ignore[arg-type]
    }
