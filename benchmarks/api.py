"""API latency on a store of 100,000 articles, measured with a real HTTP load generator.

    python benchmarks/api.py [--articles 100000] [--db PATH] [--duration 10] [--connections 4 16]

1. Builds the store once (reused while its article count matches): articles made from the
   bundled seed texts with variation (sentences shuffled, names replaced from a pool of
   synthetic people, dates spread over six years, 25 outlets), inserted directly through the
   store's connection (the fast path: no minhash and no analysis stages). Mentions and quotes
   are written directly too, and so are the entity tables when the entity store exists.
2. Starts `uvicorn` with the app in a subprocess on 127.0.0.1 (one worker process).
3. Loads each endpoint family with `wrk` (Debian package) when it is installed, else with an
   asyncio client over keep-alive connections; prints p50/p95/p99 and requests per second.

Stories: when the story store (issue 7) is absent or empty, the server uses a stand-in
StoryReader over the generated story membership, so the story endpoint's figure covers the
API, its article and quote look-ups and the JSON, not that store's own SQL.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

sys.path.insert(0, str(ROOT / "benchmarks"))

from api_corpus import HEAVY, StandInStories, build  # noqa: E402

from storyline.store.sqlite import SQLiteStore  # noqa: E402


def serve(db: str, port: int) -> None:
    """The server process: the real app over the store, stories from the stand-in if needed."""
    import uvicorn

    from storyline.api import create_app
    from storyline.api.context import repo_factory

    store = SQLiteStore(db)
    factory = repo_factory("storyline.store.stories", "StoryRepo")
    stories = None
    if factory is None or not factory(store).list_stories(1):
        stories = StandInStories(store)
        print("stories: stand-in reader over the generated membership", file=sys.stderr)
    app = create_app(store, stories=stories)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait(base: str, server: subprocess.Popen[bytes], seconds: float = 120) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server exited")
        try:
            with urllib.request.urlopen(base + "/api/stats", timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not start")


def url_sets(db: Path, rng: random.Random) -> dict[str, list[str]]:
    """Paths per endpoint family, drawn from what the store holds."""
    store = SQLiteStore(db)
    conn = store.conn
    entities = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT entity_id FROM mentions WHERE entity_id IS NOT NULL LIMIT 5000"
        )
    ]
    stories = [r[0] for r in conn.execute("SELECT DISTINCT story FROM bench_story_articles")]
    articles = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 500")]
    store.close()
    names = [r[0] for r in SQLiteStore(db).conn.execute("SELECT DISTINCT text FROM mentions")]
    words = ["minister", "Rusland", "ambassadeur", "verkiezingen", "onderzoek", "president"]
    searches = []
    for _ in range(300):
        kind = rng.random()
        if kind < 0.5:
            q = rng.choice(names)  # a person: tens to hundreds of matches
        elif kind < 0.8:
            q = f"{rng.choice(names)} {rng.choice(words)}"
        else:
            q = rng.choice(words)  # a common word: tens of thousands of matches
        extra = rng.choice(["", "", f"&from={rng.randint(2015, 2020)}", "&source=outlet-03"])
        searches.append(f"/api/search?q={q.replace(' ', '%20')}{extra}")
    return {
        "story": [f"/api/stories/s{rng.choice(stories)}" for _ in range(300)],
        "entity": [f"/api/entities/{rng.choice(entities)}" for _ in range(300)],
        "entity (heavy)": [f"/api/entities/p{i}" for i in range(HEAVY)],
        "search": searches,
        "article": [f"/api/articles/{a}" for a in articles],
        "story page (HTML)": [f"/stories/s{rng.choice(stories)}" for _ in range(100)],
    }


WRK_SCRIPT = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%.3f %%.3f %%.3f %%d %%d\\n", summary.requests,
    summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, summary.errors.timeout))
end
"""


def run_wrk(base: str, paths: list[str], connections: int, duration: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "paths.txt"
        listing.write_text("\n".join(paths) + "\n")
        script = Path(tmp) / "rotate.lua"
        script.write_text(WRK_SCRIPT % listing)
        out = subprocess.run(
            [
                "wrk",
                "-t1",
                f"-c{connections}",
                f"-d{duration}s",
                "--timeout",
                "10s",
                "-s",
                str(script),
                base,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    line = next(x for x in out.splitlines() if x.startswith("RESULT"))
    requests, micros, p50, p95, p99, bad, timeouts = line.split()[1:]
    return {
        "requests": int(requests),
        "rps": int(requests) / (int(micros) / 1e6),
        "p50": float(p50),
        "p95": float(p95),
        "p99": float(p99),
        "errors": int(bad) + int(timeouts),
    }


async def _client_load(
    base: str, paths: list[str], connections: int, duration: int
) -> dict[str, float]:
    import httpx

    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + duration
    cycle: Iterator[str] = iter(paths * 1000)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.monotonic() < stop:
            started = time.perf_counter()
            response = await client.get(next(cycle))
            latencies.append((time.perf_counter() - started) * 1000)
            errors += response.status_code >= 400

    limits = httpx.Limits(max_connections=connections)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        began = time.monotonic()
        await asyncio.gather(*(worker(client) for _ in range(connections)))
        elapsed = time.monotonic() - began
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(int(len(latencies) * p / 100), len(latencies) - 1)]

    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": pct(50),
        "p95": pct(95),
        "p99": pct(99),
        "errors": errors,
    }


def first_visits(base: str, paths: list[str]) -> dict[str, float]:
    """One request per distinct path, one at a time: the cost before any cache is warm."""
    import urllib.error
    import urllib.request

    latencies: list[float] = []
    errors = 0
    for path in dict.fromkeys(paths):
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(base + path, timeout=60) as response:
                response.read()
        except urllib.error.HTTPError:
            errors += 1
        latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(int(len(latencies) * p / 100), len(latencies) - 1)]

    return {"p50": pct(50), "p95": pct(95), "p99": pct(99), "errors": errors}


def measure(base: str, paths: list[str], connections: int, duration: int) -> dict[str, float]:
    if shutil.which("wrk"):
        return run_wrk(base, paths, connections, duration)
    return asyncio.run(_client_load(base, paths, connections, duration))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument(
        "--db", default=str(Path(tempfile.gettempdir()) / "storyline-bench" / "api.db")
    )
    parser.add_argument("--duration", type=int, default=10, help="Seconds per endpoint and level.")
    parser.add_argument("--connections", type=int, nargs="+", default=[4, 16])
    parser.add_argument("--only", nargs="*", help="Endpoint families to load (default all).")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.db, args.port)
        return
    db = Path(args.db)
    if not db.exists() or _count(db) != args.articles:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        db.parent.mkdir(parents=True, exist_ok=True)
        print(f"building a store of {args.articles} articles at {db}", file=sys.stderr)
        started = time.perf_counter()
        build(db, args.articles)
        print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--db", str(db), "--port", str(port)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    try:
        _wait(base, server)
        sets = url_sets(db, random.Random(11))
        tool = "wrk" if shutil.which("wrk") else "asyncio httpx client"
        print(
            f"store: {args.articles} articles; load: {tool}, {args.duration} s per row, "
            "one uvicorn worker, loopback"
        )
        print(
            f"{'endpoint':<20} {'conns':>5} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'p99 ms':>8} {'errors':>6}"
        )
        for name, paths in sets.items():
            if args.only and name not in args.only:
                continue
            cold = first_visits(base, paths)  # also warms the caches for the runs below
            print(
                f"{name:<20} {'cold':>5} {'':>8} {cold['p50']:>8.1f} {cold['p95']:>8.1f} "
                f"{cold['p99']:>8.1f} {int(cold['errors']):>6}",
                flush=True,
            )
            for connections in args.connections:
                r = measure(base, paths, connections, args.duration)
                print(
                    f"{name:<20} {connections:>5} {r['rps']:>8.1f} {r['p50']:>8.1f} "
                    f"{r['p95']:>8.1f} {r['p99']:>8.1f} {int(r['errors']):>6}",
                    flush=True,
                )
    finally:
        server.terminate()
        server.wait(timeout=20)


def _count(db: Path) -> int:
    try:
        store = SQLiteStore(db)
        value = int(store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        store.close()
        return value
    except Exception:
        return -1


if __name__ == "__main__":
    main()
