"""`storyline quotes` and `storyline serve`."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.store.sqlite import SQLiteStore


def test_quotes_as_json_lines_with_filters(seeded: SQLiteStore) -> None:
    result = CliRunner().invoke(
        app, ["quotes", "--db", seeded.location, "--speaker", "Sessions", "--json"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all("Sessions" in row["speaker"]["text"] for row in rows)
    assert {"text", "kind", "when", "article"} <= set(rows[0])


def test_quotes_table_and_limit(seeded: SQLiteStore) -> None:
    result = CliRunner().invoke(
        app, ["quotes", "--db", seeded.location, "--text", "vertrouwen", "--limit", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "1 of 2 quotes" in result.output
    header = next(line for line in result.output.splitlines() if "speaker" in line)
    assert "kind" in header


def test_quotes_in_an_unknown_story_is_a_clear_error(seeded: SQLiteStore) -> None:
    result = CliRunner().invoke(app, ["quotes", "--db", seeded.location, "--story", "x"])
    assert result.exit_code != 0
    assert "x" in str(result.exception)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_on_loopback_and_takes_the_token_from_the_env(
    seeded: SQLiteStore, tmp_path: Path, workers: int
) -> None:
    port = _free_port()
    env = {**os.environ, "STORYLINE_TOKEN": "tok"}
    launcher = "from storyline.cli import main; main()"
    command = [
        sys.executable,
        "-c",
        launcher,
        "serve",
        "--db",
        seeded.location,
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90  # a busy CI machine starts Python slowly
        while True:
            try:
                with urllib.request.urlopen(base + "/api/stats", timeout=2) as response:
                    stats = json.load(response)
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "no server"
                time.sleep(0.2)
        assert stats["articles"] == 5
        request = urllib.request.Request(
            base + "/api/articles?analyze=false",
            data=json.dumps([{"text": "Een nieuw artikel over de Tweede Kamer."}]).encode(),
            headers={"Authorization": "Bearer tok", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert json.load(response)["stored"] == 1
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def test_the_server_caps_the_requests_it_serves_at_once(seeded: SQLiteStore) -> None:
    import anyio.to_thread
    from fastapi.testclient import TestClient

    from storyline.api import create_app
    from storyline.api.app import default_threads

    def tokens() -> float:
        return anyio.to_thread.current_default_thread_limiter().total_tokens

    with TestClient(create_app(seeded, threads=3)) as client:
        assert client.portal is not None
        assert client.portal.call(tokens) == 3
    with TestClient(create_app(seeded)) as client:
        assert client.portal is not None
        assert client.portal.call(tokens) == default_threads()
    assert 2 <= default_threads() <= 8
