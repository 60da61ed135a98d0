"""The analysis pipeline over a store: one process or several give the same analysis."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from storyline.ingest.service import ingest_paths
from storyline.model import Article, Document
from storyline.pipeline import Pipeline, analyze_pending, default_stages
from storyline.serialize import document_dict
from storyline.store.sqlite import SQLiteStore


def _analysed(db: Path, examples: Path, processes: int) -> list[str]:
    store = SQLiteStore(db)
    ingest_paths([str(examples)], store)
    seen: list[tuple[int, int]] = []
    done = analyze_pending(
        store, batch_size=1, processes=processes, on_batch=lambda d, t: seen.append((d, t))
    )
    assert done == 4
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)], "progress is reported per saved batch"
    assert store.unanalyzed_ids() == []
    docs = [store.load_document(a.id) for a in store.iter_articles()]
    return [json.dumps(document_dict(doc), sort_keys=True) for doc in docs]


def test_worker_processes_give_the_same_analysis_as_one_process(
    tmp_path: Path, examples: Path
) -> None:
    single = _analysed(tmp_path / "one.db", examples, processes=1)
    parallel = _analysed(tmp_path / "two.db", examples, processes=2)
    assert parallel == single
    assert any('"entities": [{' in doc for doc in single)


def test_default_stages_run_in_the_documented_order() -> None:
    assert [stage.name for stage in default_stages()] == [
        "sentences",
        "entities",
        "timex",
        "quotes",
    ]


class _FailsOn:
    """A stage with a bug that shows on one article only."""

    name = "fragile"

    def __init__(self, bad_id: str) -> None:
        self.bad_id = bad_id

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            if doc.article.id == self.bad_id:
                raise KeyError("")
            doc.quotes = []
            yield doc


def test_a_stage_failing_on_one_article_stops_no_other(caplog: pytest.LogCaptureFixture) -> None:
    from storyline.analyze.sentences import SentenceStage

    articles = [Article(id=name, text="Een zin. Nog een zin.", lang="nl") for name in "abc"]
    pipeline = Pipeline([SentenceStage(), _FailsOn("b"), SentenceStage()])
    docs = list(pipeline.run(articles))
    assert [d.article.id for d in docs] == ["a", "b", "c"]
    assert all(len(d.sentences) == 2 for d in docs)  # "b" keeps what came before the failure
    assert "[E400] article b: the fragile stage failed (KeyError" in caplog.text
