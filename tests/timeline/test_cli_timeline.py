"""`storyline timeline` and `storyline report`, with and without a store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.store import open_store
from storyline.store.stories import StoryRepo
from storyline.timeline.stored import store_timeline

runner = CliRunner()

RECORDS = [
    {
        "id": "r1",
        "title": "Rig explodes",
        "date": "2010-04-21",
        "lang": "en",
        "source": "Wire",
        "text": "An oil rig exploded in the Gulf of Mexico on April 20, killing eleven workers. "
        "The rig was operated for BP by Transocean.",
    },
    {
        "id": "r2",
        "title": "Rig sinks",
        "date": "2010-04-23",
        "lang": "en",
        "source": "Wire",
        "text": "The burning rig sank on April 22 in the Gulf of Mexico. "
        "BP said oil could be leaking from the well.",
    },
]


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "spill.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


def test_timeline_from_jsonl_as_json(jsonl: Path) -> None:
    result = runner.invoke(app, ["timeline", "--from", str(jsonl), "--json", "--sentences", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["story"] is None and data["entries"]
    for entry in data["entries"]:
        assert len(entry["sentences"]) == 1
        for sentence in entry["sentences"]:
            assert sentence["outlet"] == "Wire" and sentence["end"] > sentence["start"]


def test_timeline_of_article_paths_in_markdown_and_terminal(examples: Path) -> None:
    result = runner.invoke(app, ["timeline", str(examples), "--markdown", "--dates", "3"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Timeline: ")
    assert result.stdout.count("\n## ") == 3 + 1  # three dates and the sources
    shown = runner.invoke(app, ["timeline", str(examples)])
    assert shown.exit_code == 0 and "Timeline" in shown.stdout


def test_report_writes_a_self_contained_page(jsonl: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--from", str(jsonl), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and "Rig explodes" in page


def test_story_from_the_store(tmp_path: Path, examples: Path) -> None:
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(examples), "--db", db]).exit_code == 0
    assert runner.invoke(app, ["cluster", "--db", db]).exit_code == 0
    store = open_store(db, read_only=True)
    stories = StoryRepo(store).list_stories(limit=None)
    demo = store_timeline(store)  # what the demo ends with
    store.close()
    story = max(stories, key=lambda s: sum(len(e.articles) for e in s.events))
    members = {a for e in story.events for a in e.articles}
    result = runner.invoke(app, ["timeline", story.id, "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["story"] == story.id and data["label"] == story.label
    cited = {s["article"] for e in data["entries"] for s in e["sentences"]}
    assert cited and cited <= members
    # without an id: the largest story
    plain = runner.invoke(app, ["timeline", "--db", db, "--json"])
    assert json.loads(plain.stdout)["story"] == story.id
    assert demo is not None and demo.story == story.id


def test_unknown_inputs_are_reported(tmp_path: Path) -> None:
    result = runner.invoke(app, ["timeline", "a", "b", "--db", str(tmp_path / "x.db")])
    assert result.exit_code != 0
