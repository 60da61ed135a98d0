"""Throughput of the whole analysis (tokens, sentences, entities) on news-length articles.

Articles are made by shuffling the paragraphs of the bundled seed texts (about 350
words each). Work is split over ``--procs`` processes, each loading the models once.

    python benchmarks/analyze.py [--articles 1000] [--procs 2]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections.abc import Iterator
from importlib import resources
from multiprocessing import Pool

from storyline.analyze.entities import EntityStage
from storyline.analyze.sentences import SentenceStage
from storyline.analyze.tokens import tokenize
from storyline.model import Article, Document
from storyline.models.ner import shipped_model
from storyline.pipeline import Stage


def seed_paragraphs() -> list[str]:
    folder = resources.files("storyline") / "data" / "examples"
    paragraphs: list[str] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".txt"):
            text = item.read_text(encoding="utf-8").split(" ", 3)[-1]
            paragraphs += [p.strip() for p in text.split("\n\n") if p.strip()]
    return paragraphs


def make_articles(count: int, words: int = 350, seed: int = 7) -> list[str]:
    """``count`` articles of about ``words`` words from shuffled seed paragraphs."""
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    articles = []
    for _ in range(count):
        picked: list[str] = []
        while sum(len(p.split()) for p in picked) < words:
            picked.append(rng.choice(paragraphs))
        articles.append("\n\n".join(picked))
    return articles


def _warm(lang: str) -> None:
    shipped_model(lang)
    tokenize("warm up", lang)


def analyse(job: tuple[list[str], str]) -> tuple[int, float]:
    """Run sentences + entities (which tokenises) over the texts: (tokens, CPU seconds)."""
    texts, lang = job
    cpu = time.process_time()
    docs = (Document(Article(id=str(i), text=t, lang=lang)) for i, t in enumerate(texts))
    stages: list[Stage] = [SentenceStage(), EntityStage()]
    stream: Iterator[Document] = iter(docs)
    for stage in stages:
        stream = stage(stream)
    tokens = sum(len(doc.tokens) for doc in stream)
    return tokens, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--lang", default="nl", help="model to run (the texts stay Dutch)")
    args = parser.parse_args(argv)
    texts = make_articles(args.articles)
    words = sum(len(t.split()) for t in texts)

    started = time.perf_counter()
    _warm(args.lang)
    load_seconds = time.perf_counter() - started

    chunks = [(texts[i :: args.procs], args.lang) for i in range(args.procs)]
    started = time.perf_counter()
    if args.procs > 1:
        with Pool(args.procs, initializer=_warm, initargs=(args.lang,)) as pool:
            ready = time.perf_counter()
            results = pool.map(analyse, chunks)
    else:
        ready = started
        results = [analyse((texts, args.lang))]
    done = time.perf_counter()
    tokens = sum(n for n, _ in results)
    busiest = max(cpu for _, cpu in results)
    peak_mb = (
        max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        )
        / 1024
    )
    print(f"articles: {len(texts)}, words: {words}, tokens: {tokens}, processes: {args.procs}")
    print(f"model load (tokenizer + {args.lang} NER, one process): {load_seconds:.2f} s")
    print(f"pool start incl. model load: {ready - started:.2f} s")
    print(
        f"analysis: {done - ready:.2f} s -> {words / (done - ready):,.0f} words/s "
        f"({words / (done - started):,.0f} words/s counting pool start)"
    )
    print(
        f"CPU time of the busiest process: {busiest:.2f} s -> {words / busiest:,.0f} words/s "
        f"with {args.procs} processes on idle cores"
    )
    print(f"peak memory per process: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
