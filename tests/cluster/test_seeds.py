"""The four bundled seed articles through the real pipeline: the two reports of Sessions'
recusal (000, 001; 2017-03) form one event, and all four form one story (Trump-Russia)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.analyze.sentences import SentenceStage
from storyline.cluster import cluster_pending
from storyline.ingest.service import ingest_paths
from storyline.models.ner import model_files
from storyline.pipeline import Stage, analyze_pending, default_stages
from storyline.store.sqlite import SQLiteStore
from storyline.store.stories import StoryRepo

NER_READY = all(model_files(lang)["crf"].exists() for lang in ("nl", "en"))


def _clusters_by_file(store: SQLiteStore, examples: Path, stages: list[Stage]) -> dict:
    ingest_paths([str(examples)], store)
    analyze_pending(store, stages=stages)
    if any(stage.name == "entities" for stage in stages):
        from storyline.resolve import resolve_pending

        resolve_pending(store)
    assert cluster_pending(store) == 4
    repo = StoryRepo(store)
    found = {}
    for article_id, (event_id, story_id) in repo.article_clusters().items():
        name = Path(store.get_article(article_id).source_path or "").name[:3]
        found[name] = (event_id, story_id)
    return found


def _check(found: dict) -> None:
    assert found["000"][0] == found["001"][0], "the two recusal reports should be one event"
    assert len({found[n][0] for n in ("000", "002", "003")}) == 3
    assert len({story for _, story in found.values()}) == 1, "all four seeds are one story"


def test_seeds_with_sentences_only(store: SQLiteStore, examples: Path) -> None:
    _check(_clusters_by_file(store, examples, [SentenceStage()]))


@pytest.mark.skipif(not NER_READY, reason="NER models not built (storyline train ner)")
def test_seeds_with_the_default_stages_and_resolved_entities(
    store: SQLiteStore, examples: Path
) -> None:
    stages = default_stages()
    assert any(stage.name == "entities" for stage in stages)
    found = _clusters_by_file(store, examples, stages)
    assert store.conn.execute(
        "SELECT COUNT(*) FROM mentions WHERE entity_id IS NOT NULL"
    ).fetchone()[0]
    _check(found)
