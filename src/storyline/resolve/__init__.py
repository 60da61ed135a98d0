"""Entity resolution within articles, across articles, and across languages and spellings.

``resolve_pending(store)`` resolves every analysed article not resolved since its last
analysis; ``resolve_documents(docs)`` does the same in memory (evaluation, tests).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from storyline.resolve.across import EntityIndex, Resolver, resolve_documents

if TYPE_CHECKING:
    from storyline.store.sqlite import SQLiteStore

__all__ = ["EntityIndex", "Resolver", "rebuild", "resolve_documents", "resolve_pending"]


def resolve_pending(
    store: SQLiteStore,
    on_batch: Callable[[int, int], None] | None = None,
    batch_size: int = 500,
) -> int:
    """Resolve analysed-but-unresolved articles; fills mentions.entity_id and
    quotes.speaker_entity and updates entities. Returns how many articles."""
    from storyline.store.entities import EntityRepo

    repo = EntityRepo(store)
    pending = repo.pending()
    index = repo.index()
    resolver = Resolver(index)
    done = 0
    for offset in range(0, len(pending), batch_size):
        batch = repo.load(pending[offset : offset + batch_size])
        with store.transaction():
            for doc, mention_rows, quote_rows in batch:
                index.retract(doc.article.id)
                repo.save(doc, mention_rows, quote_rows, resolver.resolve(doc))
            index.flush()
        done += len(batch)
        if on_batch:
            on_batch(done, len(pending))
    return done


def rebuild(store: SQLiteStore, on_batch: Callable[[int, int], None] | None = None) -> int:
    """Resolve every article from scratch, then replay the user's merges and splits."""
    from storyline.store.entities import EntityRepo

    repo = EntityRepo(store)
    repo.reset()
    count = resolve_pending(store, on_batch)
    repo.replay_overrides()
    return count
