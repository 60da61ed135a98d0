"""A killed or interrupted ingest leaves a consistent store; a rerun finishes the job."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyline.data.synthetic import write_jsonl
from storyline.ingest.normalize import article_id, clean_text

ARTICLES = 6000  # several 500-article batches, so a kill after the first lands mid-run


def _expected_unique(corpus: Path) -> int:
    lines = corpus.read_text(encoding="utf-8").splitlines()
    return len({article_id(clean_text(json.loads(line)["text"])) for line in lines})


def _start(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    code = "from storyline.cli import main; main()"
    args = [sys.executable, "-c", code, "ingest", str(corpus), "--db", str(db), "--no-analyze"]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _count(db: Path) -> int:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def _wait_for_rows(db: Path, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists() and _count(db) > 0:
            return
        time.sleep(0.02)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_ingest_killed_midway_is_consistent_and_a_rerun_completes(
    tmp_path: Path, sig: signal.Signals
) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", ARTICLES)
    db = tmp_path / "crash.db"
    process = _start(corpus, db)
    _wait_for_rows(db, process)
    process.send_signal(sig)
    process.wait(timeout=60)
    partial = _count(db)
    assert 0 < partial < _expected_unique(corpus), "the kill should land mid-run"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    orphans = conn.execute(
        "SELECT COUNT(*) FROM articles a LEFT JOIN article_minhash m ON m.article_id = a.id "
        "WHERE m.article_id IS NULL"
    ).fetchone()[0]
    assert orphans == 0, "every stored article has its fingerprint: no half-written rows"
    conn.close()

    rerun = _start(corpus, db)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    assert _count(db) == _expected_unique(corpus)
    assert f"duplicate {ARTICLES - _expected_unique(corpus) + partial}" in out.decode()
