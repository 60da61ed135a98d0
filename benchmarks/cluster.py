"""Streaming clustering throughput on a generated corpus with known events.

    python benchmarks/cluster.py --articles 100000 [--per-day 300] [--data ../shared/data]

Each generated event takes one real Timeline17 article (or, without the shared data, a mix
of the bundled example sentences), and makes 1-8 copies of it with shuffled and thinned
sentences, dated within three days of a random day. Articles per day stay constant, so the
number of events in the time window does not grow with the corpus: the cost per article
should stay flat. Prints articles per second per block of the stream (clustering and feature
extraction; no store, no analysis stages) and BCubed of events against the generated labels.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from storyline.cluster.bcubed import bcubed
from storyline.cluster.events import Clusterer
from storyline.model import Article, Document, PartialDate

ROOT = Path(__file__).resolve().parents[1]
_SENTENCE = re.compile(r"(?<=[.!?]) +(?=[A-Z\"'])")


def base_texts(data: Path) -> list[str]:
    folder = data / "timeline17"
    texts: list[str] = []
    if folder.exists():
        for path in sorted(folder.glob("*/articles.json")):
            texts += [item["text"] for item in json.loads(path.read_text(encoding="utf-8"))]
    if not texts:
        from storyline.data.synthetic import generate

        texts = [record["text"] for record in generate(500, seed=11)]
    return [t for t in texts if len(_SENTENCE.split(t)) >= 3]


def generate(
    texts: list[str], count: int, per_day: int, seed: int = 7
) -> Iterator[tuple[Document, int]]:
    """``count`` documents in date order, each with its generated event number."""
    rng = random.Random(seed)
    days = max(1, count // per_day)
    start = date(2020, 1, 1)
    items: list[tuple[int, int, str]] = []
    event = 0
    while len(items) < count:
        sentences = _SENTENCE.split(rng.choice(texts))
        day = rng.randrange(days)
        for _ in range(min(1 + int(rng.expovariate(0.4)), 8)):
            kept = [s for s in sentences if rng.random() < 0.8] or sentences[:1]
            rng.shuffle(kept)
            items.append((day + rng.randint(0, 3), event, " ".join(kept)))
        event += 1
    items = sorted(items[:count], key=lambda item: (item[0], item[1]))
    for number, (day, label, text) in enumerate(items):
        when = PartialDate.from_date(start + timedelta(days=day))
        article = Article(id=f"b{number}", text=text, date=when, lang="en")
        yield Document(article=article), label


def run(count: int, per_day: int, block: int, data: Path) -> dict[str, object]:
    engine = Clusterer()
    predicted: dict[str, str] = {}
    gold: dict[str, int] = {}
    rates: list[float] = []
    texts = base_texts(data)
    started = time.perf_counter()
    cpu_started = last = time.process_time()
    for n, (doc, label) in enumerate(generate(texts, count, per_day), start=1):
        predicted[doc.article.id] = engine.add(doc).event_id
        gold[doc.article.id] = label
        if n % block == 0:
            now = time.process_time()
            rates.append(block / (now - last))
            print(
                f"{n:>8} articles  {rates[-1]:7.1f} articles per CPU second in this block  "
                f"{len(engine.events.clusters):>6} active events",
                file=sys.stderr,
            )
            last = now
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    score = bcubed(predicted, gold)
    return {
        "articles": count,
        "articles_per_s": round(count / elapsed, 1),
        "articles_per_cpu_s": round(count / cpu, 1),
        "block_rates": [round(r, 1) for r in rates],
        "last_over_first_block": round(rates[-1] / rates[0], 2) if len(rates) > 1 else None,
        "event_bcubed": score.as_dict(),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--per-day", type=int, default=300)
    parser.add_argument("--block", type=int, default=10_000)
    parser.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "data")
    args = parser.parse_args(argv)
    report = run(args.articles, args.per_day, min(args.block, args.articles), args.data)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
