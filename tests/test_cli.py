"""The CLI: every command works on a small store and is documented in the README."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from storyline.cli import app

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path, examples: Path) -> str:
    path = str(tmp_path / "cli.db")
    result = runner.invoke(app, ["ingest", str(examples), "--db", path])
    assert result.exit_code == 0, result.output
    return path


def _commands() -> list[str]:
    group = get_command(app)
    names: list[str] = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        names.extend(f"{name} {sub}" for sub in subcommands) if subcommands else names.append(name)
    return names


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [name for name in _commands() if not re.search(rf"storyline {name}\b", readme)]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_command_has_help() -> None:
    for name in _commands():
        result = runner.invoke(app, [*name.split(), "--help"])
        assert result.exit_code == 0, name


def test_ingest_summarises_and_a_rerun_adds_nothing(db: str, examples: Path) -> None:
    again = runner.invoke(app, ["ingest", str(examples), "--db", db])
    assert again.exit_code == 0
    assert "stored 0, duplicate 4" in again.output
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).output)
    assert stats["articles"] == 4
    assert stats["analyzed"] == 4


def test_ingest_exit_code_says_something_failed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("date: 2017-03-02\n\nDe minister trad af.", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "Een bericht."}\n{kapot\n', encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "bad.jsonl:line 2" in result.output
    assert "stored 2" in result.output and "failed 1" in result.output


def test_articles_json_filters_and_show(db: str) -> None:
    result = runner.invoke(app, ["articles", "--db", db, "--json", "--from", "2017-05"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [row["date"] for row in rows] == ["2017-05", "2017-11"]
    shown = runner.invoke(app, ["show", rows[0]["id"][:6], "--db", db, "--json"])
    assert json.loads(shown.output)["id"] == rows[0]["id"]
    missing = runner.invoke(app, ["show", "nope", "--db", db])
    assert missing.exit_code != 0


def test_export_writes_one_json_line_per_article(db: str, tmp_path: Path) -> None:
    out = tmp_path / "export.jsonl"
    assert runner.invoke(app, ["export", "--db", db, "--out", str(out)]).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4
    assert {"id", "text", "paragraphs", "sentences"} <= set(json.loads(lines[0]))


def test_analyze_json_has_the_documented_keys_and_exact_offsets(examples: Path) -> None:
    result = runner.invoke(app, ["analyze", str(next(examples.glob("000_*.txt"))), "--json"])
    assert result.exit_code == 0
    doc = json.loads(result.output.splitlines()[0])
    assert {
        "id",
        "lang",
        "date",
        "date_precision",
        "title",
        "text",
        "paragraphs",
        "sentences",
    } <= set(doc)
    assert (doc["lang"], doc["date"], doc["date_precision"]) == ("nl", "2017-03", "month")
    sentences = [doc["text"][s["start"] : s["end"]] for s in doc["sentences"]]
    assert sentences[0].startswith("Die onderzoeken zullen")
    assert "Flynn" not in sentences  # a heading, never a sentence
    heading_texts = [doc["text"][p["start"] : p["end"]] for p in doc["paragraphs"] if p["heading"]]
    assert "Flynn" in heading_texts


def test_demo_runs_on_the_bundled_corpus(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--db", str(tmp_path / "demo.db")])
    assert result.exit_code == 0, result.output
    assert "stored 4" in result.output


def test_the_cli_starts_without_loading_the_heavy_libraries() -> None:
    """`storyline --help` must stay instant: models and ML libraries load inside commands."""
    import subprocess
    import sys

    code = (
        "import sys, storyline.cli; "
        "print(sorted(m for m in ('spacy', 'sklearn', 'scipy', 'datasketch', 'lingua', "
        "'pycrfsuite', 'fastapi', 'trafilatura') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "[]"


def test_quotes_by_name_include_a_role_that_refers_to_the_person(db: str) -> None:
    # seed 002: "de Russische president" said two of Poetin's partial quotes
    result = runner.invoke(app, ["quotes", "--db", db, "--speaker", "Poetin", "--json"])
    assert result.exit_code == 0, result.output
    said = [json.loads(line) for line in result.output.splitlines()]
    speakers = {q["speaker"]["text"] for q in said}
    assert {"Poetin", "Vladimir Poetin", "de Russische president"} <= speakers
    assert {q["speaker_entity"] for q in said} == {"per-vladimir-poetin"}
