"""StoryRepo: the StoryReader read side, resumable state, rebuild equal to incremental."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.analyze.sentences import SentenceStage
from storyline.cli import app
from storyline.cluster import article_clusters, cluster_pending, explain_article
from storyline.data.synthetic import write_jsonl
from storyline.errors import NotFoundError
from storyline.ingest.service import ingest_paths
from storyline.pipeline import analyze_pending
from storyline.store.base import ArticleFilter, StoryReader
from storyline.store.sqlite import SQLiteStore
from storyline.store.stories import StoryRepo, event_date


def _add(store: SQLiteStore, path: Path) -> None:
    """Ingest and analyse (sentences only: these tests are about clustering, not NER)."""
    ingest_paths([str(path)], store)
    analyze_pending(store, stages=[SentenceStage()])


def _halves(tmp_path: Path, count: int = 60) -> tuple[Path, Path]:
    full = write_jsonl(tmp_path / "all.jsonl", count, seed=3)
    lines = full.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[: count // 2]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[count // 2 :]) + "\n", encoding="utf-8")
    return first, second


def _snapshot(store: SQLiteStore) -> tuple[dict, list, list]:
    repo = StoryRepo(store)
    stories = [(s.id, s.label, s.start, s.end) for s in repo.list_stories(limit=None)]
    events = [(e.id, e.date, e.articles, e.story_id) for e in repo.list_events(limit=None)]
    return article_clusters(store), stories, events


def test_incremental_runs_equal_a_rebuild_and_keep_their_ids(
    store: SQLiteStore, tmp_path: Path
) -> None:
    first, second = _halves(tmp_path)
    _add(store, first)
    assert cluster_pending(store) > 0
    early = article_clusters(store)
    _add(store, second)
    assert cluster_pending(store) > 0
    incremental = _snapshot(store)
    assert all(incremental[0][a] == ids for a, ids in early.items()), "ids changed"
    assert cluster_pending(store) == 0
    done = cluster_pending(store, rebuild=True)
    assert done == len(incremental[0])
    assert _snapshot(store) == incremental
    assert len({e for e, _ in incremental[0].values()}) > 1


def test_near_duplicates_join_the_event_of_their_original(
    store: SQLiteStore, tmp_path: Path
) -> None:
    _add(store, write_jsonl(tmp_path / "corpus.jsonl", 40, seed=5))
    cluster_pending(store)
    clusters = article_clusters(store)
    rows = store.conn.execute(
        "SELECT id, near_duplicate_of FROM articles WHERE near_duplicate_of IS NOT NULL"
    ).fetchall()
    assert rows, "the synthetic corpus should hold near duplicates"
    for article_id, original in rows:
        assert clusters[article_id] == clusters[original]
        assert explain_article(store, article_id)["near_duplicate_of"] == original


def test_read_side_follows_the_story_reader_protocol(store: SQLiteStore, examples: Path) -> None:
    _add(store, examples)
    repo: StoryReader = StoryRepo(store)
    assert repo.list_stories() == [] and repo.event_of_article("nope") is None
    unclustered = store.list_articles(ArticleFilter(limit=1))[0].id
    assert explain_article(store, unclustered)["event_id"] is None
    cluster_pending(store)
    stories = repo.list_stories()
    story = repo.get_story(stories[0].id[:8])
    assert story.id == stories[0].id and story.events
    assert [e.date for e in story.events] == sorted(e.date or "" for e in story.events)
    event = story.events[0]
    assert repo.event_of_article(event.articles[0]) == event
    assert {e.id for e in repo.list_events(limit=None)} >= {e.id for e in story.events}
    assert len(repo.list_events(limit=1, offset=1)) == 1
    with pytest.raises(NotFoundError):
        repo.get_story("st-missing")


def test_event_date_is_a_day_or_an_interval() -> None:
    assert event_date("2017-03-02", "2017-03-02") == "2017-03-02"
    assert event_date("2017-03-02", "2017-03-04") == "2017-03-02/2017-03-04"
    assert event_date(None, None) is None


def test_cli_lists_stories_and_events_as_json(tmp_path: Path, examples: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "cli.db")
    ingested = runner.invoke(app, ["ingest", str(examples), "--no-analyze", "--db", db])
    assert ingested.exit_code == 0, ingested.output
    store = SQLiteStore(db)
    analyze_pending(store, stages=[SentenceStage()])
    store.close()
    result = runner.invoke(app, ["cluster", "--db", db])
    assert result.exit_code == 0, result.output
    lines = runner.invoke(app, ["stories", "--json", "--db", db]).output.splitlines()
    stories = [json.loads(line) for line in lines]
    assert {"id", "label", "start", "end", "events"} <= stories[0].keys()
    assert {"id", "label", "date", "articles"} <= stories[0]["events"][0].keys()
    story = json.loads(runner.invoke(app, ["story", stories[0]["id"], "--json", "--db", db]).output)
    assert story["id"] == stories[0]["id"]
    events = runner.invoke(app, ["events", "--json", "--db", db]).output.splitlines()
    assert sum(len(json.loads(e)["articles"]) for e in events) == 4
    article = stories[0]["events"][0]["articles"][0]
    why = runner.invoke(app, ["explain", article, "--db", db])
    assert why.exit_code == 0 and "event" in why.output
    again = runner.invoke(app, ["cluster", "--rebuild", "--db", db])
    assert again.exit_code == 0 and "clustered 4 articles" in again.output
