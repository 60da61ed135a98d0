from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app
from storyline.resolve import resolve_pending
from storyline.store.sqlite import SQLiteStore
from tests.resolve.resolve_helpers import make_doc

runner = CliRunner()
TEXT = (
    "President Vladimir Poetin sprak in Moskou met Jeff Sessions over de NAVO. Sessions "
    "en Poetin waren het eens."
)


def _db(tmp_path: Path) -> str:
    path = str(tmp_path / "e.db")
    store = SQLiteStore(path)
    doc = make_doc(
        "a1",
        TEXT,
        [
            ("Vladimir Poetin", "PER"),
            ("Poetin", "PER"),
            ("Moskou", "LOC"),
            ("Jeff Sessions", "PER"),
            ("Sessions", "PER"),
            ("NAVO", "ORG"),
        ],
    )
    store.add_article(doc.article, b"", [])
    store.save_documents([doc])
    resolve_pending(store)
    store.close()
    return path


def _json_lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_entities_lists_the_issue_shape(tmp_path: Path) -> None:
    db = _db(tmp_path)
    result = runner.invoke(app, ["entities", "--db", db, "--json", "--type", "PER"])
    assert result.exit_code == 0, result.output
    rows = _json_lines(result.output)
    assert {r["name"] for r in rows} == {"Vladimir Poetin", "Jeff Sessions"}
    assert set(rows[0]) == {
        "id",
        "name",
        "type",
        "aliases",
        "mentions",
        "articles",
        "first_seen",
        "last_seen",
    }
    table = runner.invoke(app, ["entities", "--db", db, "--name", "Mosk"])
    assert table.exit_code == 0 and "Moscow" in table.output


def test_entity_shows_aliases_and_co_occurring(tmp_path: Path) -> None:
    db = _db(tmp_path)
    result = runner.invoke(app, ["entity", "Poetin", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    data = _json_lines(result.output)[0]
    assert data["aliases"] == ["Poetin", "Vladimir Poetin"] or set(data["aliases"]) == {  # type: ignore[arg-type]
        "Poetin",
        "Vladimir Poetin",
    }
    assert {c["name"] for c in data["co_occurring"]} == {"Moscow", "Jeff Sessions", "NATO"}  # type: ignore[union-attr, index]


def test_merge_split_and_rebuild_from_the_command_line(tmp_path: Path) -> None:
    db = _db(tmp_path)
    merged = runner.invoke(
        app, ["entities", "merge", "Vladimir Poetin", "Jeff Sessions", "--db", db]
    )
    assert merged.exit_code == 0, merged.output
    split = runner.invoke(
        app, ["entities", "split", "Vladimir Poetin", "--alias", "Sessions", "--db", db]
    )
    assert split.exit_code == 0, split.output
    rebuilt = runner.invoke(app, ["resolve", "--rebuild", "--db", db])
    assert rebuilt.exit_code == 0, rebuilt.output
    shown = _json_lines(
        runner.invoke(app, ["entity", "Vladimir Poetin", "--db", db, "--json"]).output
    )[0]
    assert "Jeff Sessions" in shown["aliases"] and "Sessions" not in shown["aliases"]  # type: ignore[operator]
