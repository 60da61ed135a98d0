"""Cluster the stored articles: resume the saved state, assign new articles, save in batches."""

from __future__ import annotations

from collections.abc import Callable

from storyline.cluster.events import Assignment, ClusterConfig, Clusterer
from storyline.cluster.explain import event_label, story_label, top_entities
from storyline.cluster.features import IdfTable
from storyline.cluster.index import Cluster, ClusterIndex
from storyline.store.sqlite import SQLiteStore
from storyline.store.stories import ArticleRow, ClusterRow, StoryRepo

STATE_VERSION = 1


def load_clusterer(repo: StoryRepo, config: ClusterConfig | None = None) -> Clusterer:
    """A clusterer holding the saved state: idf, clock, counters and the active clusters."""
    config = config or ClusterConfig()
    state = repo.load_state()
    idf = IdfTable(repo.load_terms(), int(state.get("docs", 0)))

    def loader(kind: str, cap: int) -> Callable[[str], Cluster | None]:
        def load(cluster_id: str) -> Cluster | None:
            data = repo.cluster_state(kind, cluster_id)
            return Cluster.from_json(cluster_id, data, cap) if data else None

        return load

    engine = Clusterer(
        config,
        idf,
        loader("event", config.events.cap),
        loader("story", config.stories.cap),
    )
    now = state.get("now")
    for kind, index in (("event", engine.events), ("story", engine.stories)):
        index.now = now
        index.seq = int(state.get(f"{kind}_seq", 0))
        window = index.config.window_days
        since = now - window if now is not None and window is not None else None
        saved = repo.active_clusters(kind, since)
        for cluster_id, data in sorted(saved, key=lambda item: item[1]["posted"]):
            index.restore(Cluster.from_json(cluster_id, data, index.config.cap))
    return engine


def _rows(index: ClusterIndex, label: Callable[[Cluster], str]) -> list[ClusterRow]:
    rows = [
        ClusterRow(
            id=c.id,
            seq=c.seq,
            label=label(c),
            start=c.start,
            end=c.end,
            hi=c.hi,
            names=top_entities(c, 5),
            state=c.to_json(),
            parent=c.parent,
        )
        for c in index.touched.values()
    ]
    index.touched.clear()
    return rows


def save_batch(repo: StoryRepo, engine: Clusterer, rows: list[ArticleRow]) -> None:
    idf = engine.idf
    terms = {key: idf.df[key] for key in idf.dirty}
    state = {
        "version": STATE_VERSION,
        "docs": idf.docs,
        "now": engine.events.now,
        "event_seq": engine.events.seq,
        "story_seq": engine.stories.seq,
    }
    repo.save(
        rows, _rows(engine.events, event_label), _rows(engine.stories, story_label), terms, state
    )
    idf.dirty.clear()


def article_row(done: Assignment) -> ArticleRow:
    why = done.explanation | {"founded_event": done.new_event, "founded_story": done.new_story}
    return ArticleRow(done.article_id, done.event_id, done.story_id, done.similarity, why)


def cluster_pending(
    store: SQLiteStore,
    rebuild: bool = False,
    on_batch: Callable[[int, int], None] | None = None,
    config: ClusterConfig | None = None,
    batch_size: int = 250,
) -> int:
    """Assign every analysed, not yet clustered article to an event and a story, in date order.

    With ``rebuild`` all events and stories are dropped and made again from scratch; on the
    same articles in the same order that gives what incremental runs gave. Returns how many
    articles were assigned.
    """
    repo = StoryRepo(store)
    if rebuild:
        repo.clear()
    pending = repo.pending_ids()
    if not pending:
        return 0
    engine = load_clusterer(repo, config)
    placed: dict[str, tuple[str, str]] = {}
    done = 0
    for offset in range(0, len(pending), batch_size):
        rows = []
        for article_id in pending[offset : offset + batch_size]:
            doc = store.load_document(article_id)
            original = doc.article.near_duplicate_of
            known = (placed.get(original) or repo.clusters_of(original)) if original else None
            if known is not None:
                why = {"near_duplicate_of": original}
                rows.append(ArticleRow(article_id, known[0], known[1], None, why))
            else:
                rows.append(article_row(engine.add(doc)))
            placed[article_id] = (rows[-1].event_id, rows[-1].story_id)
        save_batch(repo, engine, rows)
        done += len(rows)
        if on_batch is not None:
            on_batch(done, len(pending))
    return done


def article_clusters(store: SQLiteStore) -> dict[str, tuple[str, str]]:
    """Every clustered article id with its (event id, story id)."""
    return StoryRepo(store).article_clusters()
