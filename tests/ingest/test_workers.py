"""Worker processes and batching change how fast ingest runs, never what it stores."""

from __future__ import annotations

import json
import pickle
import sqlite3
import subprocess
from pathlib import Path

import pytest

from storyline.data.synthetic import generate
from storyline.errors import ReadError
from storyline.ingest import service
from storyline.ingest.prepare import Prepared, prepare_batch
from storyline.ingest.records import RawArticle, ReadOptions, ReadResult
from storyline.ingest.service import IngestEvents, ingest_records
from storyline.ingest.workers import PreparePool, records_to_prepare
from storyline.model import Article, Paragraph, PartialDate
from storyline.store.base import RunCounts
from storyline.store.sqlite import SQLiteStore

ARTICLES = 400


def _records() -> list[ReadResult]:
    """A synthetic corpus with exact and near copies, a language left to detect, bad input."""
    records: list[ReadResult] = []
    for number, item in enumerate(generate(ARTICLES, seed=11, exact_share=0.08, near_share=0.1)):
        records.append(
            RawArticle(
                text=item["text"],
                origin=f"mem:{number}",
                title=item.get("title"),
                date=PartialDate.parse(item["date"]) if "date" in item else None,
                lang=None if number % 3 else item.get("lang"),
                source=item.get("source"),
                external_id=item["id"],
                warnings=["odd encoding"] if number == 5 else [],
            )
        )
        if number % 97 == 0:
            records.append(ReadError("mem", "malformed JSON", f"line {number}"))
        if number % 89 == 0:
            records.append(RawArticle(text="  \n ", origin=f"mem:empty-{number}"))
    return records


def _ingest(
    tmp_path: Path, name: str, batch_size: int, workers: int
) -> tuple[RunCounts, list[str], list[tuple[object, ...]]]:
    store = SQLiteStore(tmp_path / f"{name}.db")
    seen: list[str] = []
    events = IngestEvents(on_error=lambda e: seen.append(str(e)), on_warning=seen.append)
    counts = ingest_records(_records(), store, events, batch_size=batch_size, workers=workers)
    rows = store.conn.execute(
        "SELECT a.id, a.title, a.text, a.date, a.lang, a.source, a.source_path, a.external_id, "
        "a.near_duplicate_of, a.paragraphs, m.signature, "
        "(SELECT group_concat(key) FROM (SELECT key FROM lsh_bands b "
        " WHERE b.number = m.number ORDER BY key)) "
        "FROM articles a JOIN article_minhash m ON m.article_id = a.id ORDER BY a.rowid"
    ).fetchall()
    store.close()
    return counts, seen, [tuple(row) for row in rows]


@pytest.fixture(scope="module")
def single_process(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, ...]:
    """One article per batch, no workers: every duplicate check goes through the store."""
    return _ingest(tmp_path_factory.mktemp("reference"), "reference", 1, 0)


def test_the_reference_run_exercises_every_kind_of_record(single_process: tuple) -> None:
    counts, seen, rows = single_process
    assert counts.stored == len(rows) > 300
    bad = sum(isinstance(r, ReadError) or not r.text.strip() for r in _records())
    assert counts.duplicate > 10 and counts.near_duplicate > 10 and counts.failed == bad > 0
    assert {row[4] for row in rows} == {"nl"}  # detected where not given
    assert "mem:5: odd encoding" in seen


@pytest.mark.parametrize(("batch_size", "workers"), [(64, 0), (50, 1), (30, 2)])
def test_batches_and_workers_store_exactly_what_one_process_does(
    tmp_path: Path, single_process: tuple, batch_size: int, workers: int
) -> None:
    counts, seen, rows = _ingest(tmp_path, "run", batch_size, workers)
    ref_counts, ref_seen, ref_rows = single_process
    assert counts.as_dict() == ref_counts.as_dict()
    assert seen == ref_seen  # errors and warnings reported in input order
    assert rows == ref_rows


def test_a_dead_worker_costs_speed_not_data(tmp_path: Path) -> None:
    records = _records()[:120]
    batches = [records[i : i + 40] for i in range(0, len(records), 40)]
    pool = PreparePool(1)
    worker = pool._workers[0].process
    assert worker is not None
    worker.kill()
    try:
        pool.start(iter(batches))
        results = list(pool.results())
    finally:
        pool.close()
    assert [batch for batch, _ in results] == batches
    for batch, prepared in results:
        expected = prepare_batch(records_to_prepare(batch))
        assert [getattr(p, "signature", str(p)) for p in prepared] == [
            getattr(p, "signature", str(p)) for p in expected
        ]


def test_an_interrupted_run_keeps_whole_batches_and_stops_its_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[subprocess.Popen[bytes]] = []

    class RecordingPool(PreparePool):
        def __init__(self, workers: int) -> None:
            super().__init__(workers)
            started.extend(w.process for w in self._workers if w.process is not None)

    monkeypatch.setattr(service, "PreparePool", RecordingPool)
    store = SQLiteStore(tmp_path / "s.db")
    stored: list[int] = []

    def stop_after_two(counts: RunCounts) -> None:
        stored.append(counts.stored)
        if len(stored) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_records(_records(), store, IngestEvents(on_batch=stop_after_two), 50, workers=1)
    assert len(started) == 1 and started[0].poll() is not None
    conn = sqlite3.connect(tmp_path / "s.db")
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == stored[-1]
    assert conn.execute("SELECT COUNT(*) FROM search_pending").fetchone()[0] == 0
    conn.close()


@pytest.mark.parametrize(
    "date", [None, PartialDate(2017), PartialDate(2017, 3), PartialDate(2017, 3, 2)]
)
def test_a_prepared_article_crosses_processes_unchanged(date: PartialDate | None) -> None:
    article = Article(
        "abc",
        "Titel\n\nTekst van het artikel.",
        title="Titel",
        date=date,
        lang="nl",
        url="https://example.org/a",
        source="Example",
        author="A. Schrijver",
        source_path="in.jsonl:line 3",
        external_id="x-1",
        paragraphs=[Paragraph(0, 5, True), Paragraph(7, 29)],
        near_duplicate_of="def",
    )
    prepared = Prepared(article, b"\x01" * 512, [1, 2, 3])
    copy = pickle.loads(pickle.dumps(prepared, pickle.HIGHEST_PROTOCOL))
    assert copy == prepared
    assert copy.article.paragraphs[0].heading is True


def test_a_raw_article_crosses_processes_unchanged() -> None:
    raw = RawArticle(
        "Tekst.",
        "in.jsonl:line 1",
        title="Titel",
        date=PartialDate(2017, 3),
        lang="nl",
        url="https://example.org/a",
        source="Example",
        author="A. Schrijver",
        external_id="x-1",
        warnings=["decoded as cp1252"],
    )
    assert pickle.loads(pickle.dumps(raw, pickle.HIGHEST_PROTOCOL)) == raw
    bare = RawArticle("Tekst.", "in.txt")
    assert pickle.loads(pickle.dumps(bare, pickle.HIGHEST_PROTOCOL)) == bare


def _jsonl_with_bad_lines(path: Path) -> Path:
    """Good records, a near copy, and every kind of line a worker must turn into an error."""
    lines: list[bytes] = []
    for number, item in enumerate(generate(300, seed=5, exact_share=0.05, near_share=0.1)):
        lines.append(json.dumps(item, ensure_ascii=False).encode("utf-8"))
        if number == 10:
            lines.append(b'{"text": "broken JSON", ')
        if number == 20:
            lines.append(b'["an array, not an object"]')
        if number == 30:
            lines.append(b'{"title": "no text here"}')
        if number == 40:  # cp1252, not UTF-8: read with a warning
            lines.append(
                '{"text": "Caf\u00e9 met een \u20ac-teken, apart genoeg."}'.encode("cp1252")
            )
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.mark.parametrize("workers", [0, 2])
def test_lines_parsed_by_the_workers_count_and_store_as_parsed_here(
    tmp_path: Path, workers: int
) -> None:
    corpus = str(_jsonl_with_bad_lines(tmp_path / "in.jsonl"))
    outcomes = []
    for defer in (False, True):
        store = SQLiteStore(tmp_path / f"{defer}-{workers}.db")
        seen: list[str] = []
        events = IngestEvents(
            on_error=lambda e, seen=seen: seen.append(str(e)), on_warning=seen.append
        )
        records = service.read_inputs([corpus], ReadOptions(defer_parsing=defer))
        counts = ingest_records(records, store, events, batch_size=64, workers=workers)
        rows = store.conn.execute(
            "SELECT id, title, text, source_path, near_duplicate_of FROM articles ORDER BY rowid"
        ).fetchall()
        outcomes.append((counts.as_dict(), sorted(seen), [tuple(r) for r in rows]))
        store.close()
    assert outcomes[0] == outcomes[1]
    counts, messages, rows = outcomes[1]
    assert counts["failed"] == 3 and counts["near_duplicate"] > 0
    assert counts["read"] == 300 + 1  # the cp1252 line was read
    assert any("line 12: malformed JSON" in m for m in messages)
    assert any("cp1252" in m for m in messages)
