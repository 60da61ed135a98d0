"""Ingest throughput and peak memory on a generated JSONL corpus.

    python benchmarks/ingest.py --articles 20000

Builds the corpus from the bundled examples (5% exact, 5% near duplicates), ingests it into
a fresh SQLite store (storage only: no analysis), and prints articles per second and the
peak memory of the ingest, measured in a child process per size so runs do not share memory.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

from storyline.data.synthetic import write_jsonl
from storyline.ingest.service import ingest_paths
from storyline.store import open_store


def _run(corpus: str, db: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    store = open_store(db)
    start = time.perf_counter()
    counts = ingest_paths([corpus], store)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put({"seconds": elapsed, "peak_mb": peak_mb, **counts.as_dict()})


def measure(count: int, workdir: Path) -> dict[str, float]:
    corpus = write_jsonl(workdir / f"corpus-{count}.jsonl", count)
    queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    child = multiprocessing.Process(
        target=_run, args=(str(corpus), str(workdir / f"{count}.db"), queue)
    )
    child.start()
    result = queue.get()
    child.join()
    result["articles"] = count
    result["articles_per_s"] = count / result["seconds"]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=20000, help="size of the largest corpus")
    parser.add_argument("--json", action="store_true", help="print JSON lines")
    args = parser.parse_args(argv)
    sizes = sorted({max(args.articles // 4, 1), args.articles})
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            result = measure(size, Path(tmp))
            if args.json:
                print(json.dumps(result))
            else:
                print(
                    f"{size:>7} articles: {result['articles_per_s']:,.0f} articles/s "
                    f"({result['seconds']:.1f} s), peak memory {result['peak_mb']:.0f} MB; "
                    f"stored {result['stored']}, duplicate {result['duplicate']}, "
                    f"near-duplicate {result['near_duplicate']}, failed {result['failed']}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
