"""Throughput of the time-expression tagger: words per second over the example texts repeated.

python benchmarks/timex.py [--repeat N] [--rounds R]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from storyline.analyze.timex import grammar, tag_timexes
from storyline.model import PartialDate

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "storyline" / "data" / "examples"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="copies of each example text")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; the best is shown")
    args = parser.parse_args(argv)
    texts = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        words = text.split()
        anchor = PartialDate.parse(words[1]) if words[:1] == ["date"] else None
        texts.append((text, anchor))
    docs = texts * args.repeat
    words = sum(len(text.split()) for text, _ in docs)
    grammar("nl")  # compile the rules outside the timing
    best = best_cpu = float("inf")
    found = 0
    for _ in range(args.rounds):
        began, began_cpu = time.perf_counter(), time.process_time()
        found = sum(len(tag_timexes(text, "nl", anchor)) for text, anchor in docs)
        best = min(best, time.perf_counter() - began)
        best_cpu = min(best_cpu, time.process_time() - began_cpu)
    print(f"{len(docs)} documents, {words} words, {found} timexes")
    print(f"timex tagging: {words / best:,.0f} words/s wall, {words / best_cpu:,.0f} words per")
    print(f"CPU second (best of {args.rounds}, one core; wall time suffers on a busy machine)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
