"""Entity resolution throughput on a generated store of analysed articles.

    python benchmarks/resolve.py --articles 100000

Builds a SQLite store of synthetic analysed articles (names drawn from a few thousand
stories over ~40,000 people, organisations and places; full names first, then surnames,
as news does), then times ``resolve_pending`` and prints articles per second overall and
per tenth of the run, so a cost per article that grows with the entities known shows up.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import tempfile
import time
from pathlib import Path

from storyline.resolve import resolve_pending
from storyline.store.entities import EntityRepo
from storyline.store.sqlite import SQLiteStore, utcnow

FIRST = [
    "Jan",
    "Piet",
    "Anna",
    "Maria",
    "Sergej",
    "Donald",
    "Vladimir",
    "Angela",
    "Emmanuel",
    "Mark",
    "Sofia",
    "Lars",
    "Ahmed",
    "Chen",
]
SYLLABLES = [
    "van",
    "ber",
    "gen",
    "dorf",
    "stra",
    "kov",
    "lin",
    "mar",
    "tes",
    "ros",
    "wel",
    "dan",
    "ho",
    "ki",
    "ra",
    "mu",
    "son",
    "sen",
    "ner",
]
WORDS = [
    "onderzoek",
    "verkiezing",
    "akkoord",
    "regering",
    "sancties",
    "campagne",
    "overleg",
    "markt",
    "contract",
]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _pool(rng: random.Random, size: int) -> list[tuple[str, str, str]]:
    """(full name, short name, label) for ``size`` made-up entities."""
    pool = []
    for i in range(size):
        kind = i % 10
        if kind < 6:
            surname = _name(rng, 3)
            pool.append((f"{rng.choice(FIRST)} {surname}", surname, "PER"))
        elif kind < 9:
            name = f"{_name(rng, 2)} {rng.choice(['Group', 'Bank', 'Partij', 'Airlines'])}"
            pool.append((name, name, "ORG"))
        else:
            name = _name(rng, 2)
            pool.append((name, name, "LOC"))
    return pool


def _article(rng: random.Random, story: list[int], pool: list[tuple[str, str, str]]):  # type: ignore[no-untyped-def]
    chosen = rng.sample(story, 5) + [rng.randrange(len(pool)) for _ in range(3)]
    parts: list[str] = []
    mentions: list[tuple[int, int, str, str]] = []
    pos = 0
    for round_ in range(2):
        for index in chosen:
            full, short, label = pool[index]
            name = full if round_ == 0 else short
            sentence = f"Volgens {name} is het {rng.choice(WORDS)} belangrijk. "
            start = pos + len("Volgens ")
            mentions.append((start, start + len(name), name, label))
            parts.append(sentence)
            pos += len(sentence)
    return "".join(parts), mentions


def build(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    pool = _pool(rng, 40_000)
    stories = [rng.sample(range(len(pool)), 12) for _ in range(count // 25 + 1)]
    store = SQLiteStore(path)
    now = utcnow()
    with store.transaction():
        for i in range(count):
            text, mentions = _article(rng, rng.choice(stories), pool)
            article_id = f"a{i:07d}"
            date = f"20{10 + i * 10 // count:02d}-{1 + i % 12:02d}"
            store.conn.execute(
                "INSERT INTO articles (id, text, date, lang, paragraphs, ingested_at, analyzed_at) "
                "VALUES (?, ?, ?, 'nl', '[]', ?, ?)",
                (article_id, text, date, now, now),
            )
            store.conn.executemany(
                "INSERT INTO mentions (article_id, start, end, text, label) VALUES (?, ?, ?, ?, ?)",
                [(article_id, *m) for m in mentions],
            )
    store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        started = time.perf_counter()
        build(path, args.articles)
        print(f"built {args.articles} articles in {time.perf_counter() - started:.1f} s")
        store = SQLiteStore(path)
        marks: list[float] = []
        step = max(1, args.articles // 10)

        def tick(done: int, total: int) -> None:
            if done // step > len(marks) - 1:
                marks.append(time.perf_counter())

        started, cpu = time.perf_counter(), time.process_time()
        marks.append(started)
        resolved = resolve_pending(store, on_batch=tick)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        tenths = [f"{step / (b - a):.0f}" for a, b in itertools.pairwise(marks)]
        mentions = store.conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
        print(
            f"resolved {resolved} articles ({mentions} mentions) in {elapsed:.1f} s: "
            f"{resolved / elapsed:.0f} articles/s; {EntityRepo(store).count()} entities"
        )
        print(f"CPU time of the resolution: {cpu:.1f} s ({resolved / cpu:.0f} articles per CPU s)")
        print("articles/s per tenth of the run:", " ".join(tenths))
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
