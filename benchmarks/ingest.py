"""Ingest throughput, CPU cost and peak memory on a generated JSONL corpus.

    python benchmarks/ingest.py --articles 20000 [--repeat 3] [--workers N] [--detect-language]

Builds the corpus from the bundled examples (5% exact, 5% near duplicates; each record
gives its language, unless ``--detect-language`` leaves it out so that ingest detects
it), ingests it into a fresh SQLite store (storage only: no analysis), and prints
articles per second, CPU time per article (the main process and its worker processes)
and the peak memory of each, measured in a child process per run so runs do not share
memory. The machine's load average is printed beside each figure: wall-clock figures
mean little on shared cores.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from storyline.data.synthetic import generate, write_jsonl
from storyline.ingest.records import ReadOptions
from storyline.ingest.service import ingest_records, read_inputs
from storyline.store import open_store


def _run(corpus: str, db: str, workers: int | None, queue: multiprocessing.Queue) -> None:
    store = open_store(db)
    start, cpu = time.perf_counter(), time.process_time()
    options = ReadOptions(defer_parsing=True)  # as `storyline ingest` reads
    counts = ingest_records(read_inputs([corpus], options), store, workers=workers)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers, all ended by now
    queue.put(
        {
            "seconds": elapsed,
            "cpu_ms_main": cpu * 1000 / max(counts.read, 1),
            "cpu_ms_workers": (children.ru_utime + children.ru_stime) * 1000 / max(counts.read, 1),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "peak_mb_worker": children.ru_maxrss / 1024,
            **counts.as_dict(),
        }
    )


def _write_without_lang(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in generate(count):
            record.pop("lang", None)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def measure(
    count: int, workdir: Path, workers: int | None = None, detect: bool = False
) -> dict[str, float]:
    corpus = workdir / f"corpus-{count}{'-nolang' if detect else ''}.jsonl"
    if not corpus.exists():
        if detect:
            _write_without_lang(corpus, count)
        else:
            write_jsonl(corpus, count)
    db = workdir / f"{count}.db"
    for stale in workdir.glob(f"{count}.db*"):
        stale.unlink()
    queue: multiprocessing.Queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=_run, args=(str(corpus), str(db), workers, queue))
    child.start()
    result = queue.get()
    child.join()
    result["articles"] = count
    result["articles_per_s"] = count / result["seconds"]
    result["cpu_ms"] = result["cpu_ms_main"] + result["cpu_ms_workers"]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=20000, help="size of the largest corpus")
    parser.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: one per spare core)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per size")
    parser.add_argument(
        "--detect-language",
        action="store_true",
        help="leave the language out of the records, so that ingest detects it",
    )
    parser.add_argument("--json", action="store_true", help="print JSON lines")
    args = parser.parse_args(argv)
    sizes = sorted({max(args.articles // 4, 1), args.articles})
    with tempfile.TemporaryDirectory() as tmp:
        for size in [size for size in sizes for _ in range(args.repeat)]:
            result = measure(size, Path(tmp), args.workers, args.detect_language)
            if args.json:
                print(json.dumps(result))
            else:
                print(
                    f"{size:>7} articles: {result['articles_per_s']:,.0f} articles/s "
                    f"({result['seconds']:.1f} s), CPU {result['cpu_ms']:.2f} ms/article "
                    f"(main {result['cpu_ms_main']:.2f} + workers {result['cpu_ms_workers']:.2f}), "
                    f"peak memory {result['peak_mb']:.0f} MB (+ worker "
                    f"{result['peak_mb_worker']:.0f} MB), load {os.getloadavg()[0]:.1f}; "
                    f"stored {result['stored']}, duplicate {result['duplicate']}, "
                    f"near-duplicate {result['near_duplicate']}, failed {result['failed']}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
