"""API latency on a store of 100,000 articles, measured with a real HTTP load generator.

    python benchmarks/api.py [--articles 100000] [--db PATH] [--duration 10]
                             [--connections 1 4] [--workers 1] [--only story entity search]
                             [--during-ingest 500 [--ingest-nice 10]]

1. Builds the store once and caches it (reused while its article count matches; see
   api_corpus.py): generated articles, mentions, quotes and entity tables written directly,
   then the generated storylines written through the real story store (StoryRepo.save),
   so the story endpoint reads real stored stories with the store's own SQL.
2. Starts the real `storyline serve --db PATH --port P --workers N` on 127.0.0.1.
3. Loads each endpoint family with `wrk` (Debian package) when it is installed, else with an
   asyncio client over keep-alive connections; prints p50/p95/p99, requests per second and
   the load average (the machine is shared: compare variants back to back).
4. With ``--during-ingest N``: serves a scratch copy of the store and, while the story, entity
   and search endpoints are loaded, keeps a real `storyline ingest -` running into it (a
   separate process; batches of N new generated articles, one after the other): storage,
   dedup, search index, analysis, entity resolution and clustering all write meanwhile.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

sys.path.insert(0, str(ROOT / "benchmarks"))

from api_corpus import HEAVY, build, ingest_lines, prepare  # noqa: E402

from storyline.store.sqlite import SQLiteStore  # noqa: E402

CLI = str(Path(sys.executable).with_name("storyline"))
TARGETS = ("story", "entity", "entity (heavy)", "search")


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


def url_sets(db: Path, rng: random.Random) -> tuple[dict[str, list[str]], str]:
    """Paths per endpoint family, drawn from what the store holds, and a note on stories.

    Stories are drawn through random articles, so a story is picked as often as it is
    large: what readers who follow links from articles meet.
    """
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    entities = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT entity_id FROM mentions WHERE entity_id IS NOT NULL LIMIT 5000"
        )
    ]
    stories = [
        r[0]
        for r in conn.execute("SELECT story_id FROM event_articles ORDER BY random() LIMIT 300")
    ]
    sizes = sorted(
        conn.execute("SELECT COUNT(*) FROM event_articles WHERE story_id = ?", (story,)).fetchone()[
            0
        ]
        for story in set(stories)
    )
    total = conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    articles = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 500")]
    names = [r[0] for r in conn.execute("SELECT DISTINCT text FROM mentions")]
    conn.close()
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
    note = (
        f"{total} stored stories; the {len(sizes)} drawn hold {sizes[0]}-{sizes[-1]} articles "
        f"(median {sizes[len(sizes) // 2]})"
        if sizes
        else "no stories"
    )
    return {
        "story": [f"/api/stories/{story}" for story in stories],
        "entity": [f"/api/entities/{rng.choice(entities)}" for _ in range(300)],
        "entity (heavy)": [f"/api/entities/p{i}" for i in range(HEAVY)],
        "search": searches,
        "article": [f"/api/articles/{a}" for a in articles],
        "story page (HTML)": [f"/stories/{story}" for story in stories[:100]],
    }, note


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


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def row(name: str, label: str, r: dict[str, float], extra: str = "") -> None:
    rps = f"{r['rps']:>8.1f}" if "rps" in r else f"{'':>8}"
    print(
        f"{name:<20} {label:>5} {rps} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['p99']:>8.1f} "
        f"{int(r['errors']):>6}  {extra}".rstrip(),
        flush=True,
    )


def start_server(db: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    """The real `storyline serve` on a free loopback port."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    command = [CLI, "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _wait(base, server)
    return server, base


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


class Ingests:
    """`storyline ingest -` runs into ``db``, one batch after another, until stopped."""

    def __init__(self, db: Path, batch: int, niceness: int = 0) -> None:
        self.db = db
        self.batch = batch
        self.niceness = niceness
        self.runs = 0
        self.started = time.perf_counter()
        self.process: subprocess.Popen[bytes] | None = None
        self.log = Path(tempfile.gettempdir()) / "storyline-bench" / "ingest.log"
        self.next()

    def next(self) -> None:
        lines = ingest_lines(self.batch, seed=1000 + self.runs)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                ["nice", "-n", str(self.niceness), CLI, "ingest", "-", "--db", str(self.db)],
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=log,
            )
        assert self.process.stdin is not None
        self.process.stdin.write(("\n".join(lines) + "\n").encode())
        self.process.stdin.close()
        self.runs += 1

    def keep_going(self) -> None:
        """Start the next batch when the last one has finished."""
        if self.process is not None and self.process.poll() is not None:
            self.next()

    def finish(self) -> str:
        if self.process is not None:
            stop(self.process)
        conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        stored, clustered = conn.execute(
            "SELECT (SELECT COUNT(*) FROM articles WHERE date >= '2021'), "
            "(SELECT COUNT(*) FROM event_articles e JOIN articles a ON a.id = e.article_id "
            "WHERE a.date >= '2021')"
        ).fetchone()
        conn.close()
        elapsed = time.perf_counter() - self.started
        return (
            f"ingest: {self.runs} run(s) of {self.batch} articles in {elapsed:.0f} s; "
            f"{stored} new articles stored, {clustered} analysed and clustered (log {self.log})"
        )


def measure_during_ingest(args: argparse.Namespace, db: Path) -> None:
    """Story, entity and search latency while `storyline ingest` writes to the same store."""
    scratch = db.with_name("api-ingest.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copy(db, scratch)
    server, base = start_server(scratch, args.workers)
    try:
        sets, note = url_sets(scratch, random.Random(11))
        families = [n for n in TARGETS if not args.only or n in args.only]
        for name in families:
            first_visits(base, sets[name])  # warm caches as the quiet run does
        print(f"store: {args.articles} articles, {note}; {args.workers} worker(s); {load()}")
        print(
            f"during ingest: `nice -n {args.ingest_nice} storyline ingest -` of {args.ingest} "
            "new articles per run"
        )
        ingests = Ingests(scratch, args.ingest, args.ingest_nice)
        time.sleep(2)
        header()
        for name in families:
            for connections in args.connections:
                ingests.keep_going()
                r = measure(base, sets[name], connections, args.duration)
                row(name, str(connections), r, load())
        print(ingests.finish())
    finally:
        stop(server)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)


def header() -> None:
    print(
        f"{'endpoint':<20} {'conns':>5} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'errors':>6}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument(
        "--db", default=str(Path(tempfile.gettempdir()) / "storyline-bench" / "api.db")
    )
    parser.add_argument("--duration", type=int, default=10, help="Seconds per endpoint and level.")
    parser.add_argument("--connections", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--workers", type=int, default=1, help="`storyline serve --workers`.")
    parser.add_argument("--only", nargs="*", help="Endpoint families to load (default all).")
    parser.add_argument(
        "--during-ingest",
        dest="ingest",
        type=int,
        default=0,
        metavar="N",
        help="Load story, entity and search while ingesting batches of N new articles.",
    )
    parser.add_argument(
        "--ingest-nice",
        type=int,
        default=0,
        metavar="N",
        help="Run the ingest under `nice -n N` (relative to this process; default 0).",
    )
    args = parser.parse_args(argv)
    db = Path(args.db)
    if not db.exists() or _count(db) != args.articles:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        db.parent.mkdir(parents=True, exist_ok=True)
        print(f"building a store of {args.articles} articles at {db}", file=sys.stderr)
        started = time.perf_counter()
        build(db, args.articles)
        print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    prepare(db)
    if args.ingest:
        measure_during_ingest(args, db)
        return
    server, base = start_server(db, args.workers)
    try:
        sets, note = url_sets(db, random.Random(11))
        tool = "wrk" if shutil.which("wrk") else "asyncio httpx client"
        print(f"store: {args.articles} articles, {note}")
        print(
            f"load: {tool}, {args.duration} s per row, {args.workers} server worker(s), "
            f"loopback; {load()}"
        )
        header()
        for name, paths in sets.items():
            if args.only and name not in args.only:
                continue
            row(name, "cold", first_visits(base, paths))  # also warms the caches below
            for connections in args.connections:
                row(name, str(connections), measure(base, paths, connections, args.duration))
        print(f"done; {load()}")
    finally:
        stop(server)


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
