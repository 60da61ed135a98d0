"""Time to build a timeline for a story of N analysed articles (the issue asks < 5 s for 1,000).

Articles are the Timeline17 BP-oil folders (real English news, ../shared/data/timeline17),
analysed once (sentences and time expressions, not timed here); the figure is
``build_timeline`` alone: date candidates, ranking, TF-IDF, sentence selection, summary.

    python benchmarks/timeline.py [--articles 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

from storyline.timeline.build import build_timeline

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "timeline17"


def _tls():
    spec = importlib.util.spec_from_file_location("tls_eval", REPO / "eval" / "tls.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"no data at {DATA}", file=sys.stderr)
        return 2
    tls = _tls()
    articles = []
    for folder in sorted(DATA.glob("bpoil_*")):
        articles += tls.load_topic(folder).articles
    articles = articles[: args.articles]
    started = time.perf_counter()
    docs = tls.analyse(articles)
    analysed = time.perf_counter() - started
    sentences = sum(len(d.sentences) for d in docs)
    print(f"{len(docs)} articles, {sentences} sentences (analysis {analysed:.1f}s, not counted)")
    best = cpu = float("inf")
    for _ in range(args.repeat):
        started, ticks = time.perf_counter(), time.process_time()
        timeline = build_timeline(docs)
        best = min(best, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - ticks)
    print(
        f"build_timeline: {best:.2f}s wall, {cpu:.2f}s CPU (best of {args.repeat}), "
        f"{len(timeline.entries)} dates"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
