"""Evaluate event and story clustering with BCubed precision, recall and F1.

(a) ECB+ topics 1-35: every document is clustered into events; gold is the sub-topic (topic
    number + ecb/ecbplus). ECB+ has no publication dates, so no time window applies; documents
    stream in a fixed pseudo-random order (seeded shuffle), not grouped by topic.
(b) Timeline17: all dev timelines mixed into one stream in date order; stories are scored
    against the topic (bpoil, H1N1, MJ).

    python eval/cluster.py [--data ../shared/data] [--stages none|sentences|timex|entities|default]
                           [--sweep] [--json]

Thresholds were chosen on these same dev data (``--sweep``): the event threshold on ECB+,
the story threshold on Timeline17. Floors: eval/baseline.json (cluster_*).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from storyline.cluster.bcubed import bcubed
from storyline.cluster.events import ClusterConfig, Clusterer
from storyline.model import Article, Document, PartialDate
from storyline.pipeline import Pipeline, Stage, default_stages

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"
_GLUE = re.compile(r" ([.,:;!?%)\]}'](?:\s|$))|([(\[{$]) ")


_CLITIC = re.compile(r" ('(?:s|d|re|ll|ve|m)\b)")  # "You 'd" was "You'd"


def detokenise(tokens: Sequence[str]) -> str:
    text = " ".join(tokens)
    text = _GLUE.sub(lambda m: m.group(1) or m.group(2), text)
    return (
        _CLITIC.sub(r"\1", text.replace(" n't", "n't"))
        .replace(" 's ", "'s ")
        .replace("`` ", '"')
        .replace(" ''", '"')
    )


def ecbplus_articles(
    data: Path, topics: Iterable[int] = range(1, 36)
) -> tuple[list[Article], dict]:
    """ECB+ documents as undated English articles, with gold sub-topics."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for topic in topics:
        folder = data / "ecbplus" / str(topic)
        for path in sorted(folder.glob("*.xml")):
            root = ET.parse(path).getroot()
            sentences: dict[str, list[str]] = {}
            for token in root.iter("token"):
                sentences.setdefault(token.get("sentence", "0"), []).append(token.text or "")
            text = "\n".join(detokenise(words) for words in sentences.values())
            name = path.stem
            articles.append(Article(id=name, text=text, lang="en"))
            gold[name] = f"{topic}-{'ecbplus' if name.endswith('ecbplus') else 'ecb'}"
    return articles, gold


def timeline17_articles(data: Path, every: int = 1) -> tuple[list[Article], dict]:
    """Timeline17 articles of every dev timeline, in date order, with gold topics."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for folder in sorted((data / "timeline17").iterdir()):
        if not (folder / "articles.json").exists():
            continue
        topic = folder.name.split("_")[0]
        for item in json.loads((folder / "articles.json").read_text(encoding="utf-8")):
            article_id = f"{folder.name}/{item['uid']}"
            date = PartialDate.parse(item["dct"])
            articles.append(Article(id=article_id, text=item["text"], date=date, lang="en"))
            gold[article_id] = topic
    articles.sort(key=lambda a: (a.date.iso() if a.date else "", a.id))
    return articles[::every], gold


def make_stages(kind: str) -> list[Stage]:
    """``sentences``; ``timex``: and time expressions; ``entities``: and NER (then entity
    resolution); ``default``: the pipeline's default stages (resolution when they find names)."""
    if kind == "none":
        return []
    from storyline.analyze.sentences import SentenceStage

    stages: list[Stage] = [SentenceStage()]
    if kind in ("timex", "entities"):
        from storyline.analyze.timex import TimexStage

        stages.append(TimexStage())
    if kind == "entities":
        from storyline.analyze.entities import EntityStage

        stages.append(EntityStage())
    return stages if kind != "default" else default_stages()


def analyse(articles: list[Article], stages: list[Stage]) -> list[Document]:
    """Run the stages; resolve entities across documents when a stage found mentions."""
    docs = list(Pipeline(stages).run(articles))
    if any(doc.entities for doc in docs):
        from storyline.resolve import resolve_documents

        resolve_documents(docs)
    return docs


def stream(docs: Sequence[Document], config: ClusterConfig) -> tuple[dict, dict, float]:
    """Cluster ``docs`` in order; article -> event, article -> story, articles per second."""
    engine = Clusterer(config)
    events: dict[str, str] = {}
    stories: dict[str, str] = {}
    started = time.perf_counter()
    for doc in docs:
        done = engine.add(doc)
        events[done.article_id] = done.event_id
        stories[done.article_id] = done.story_id
    elapsed = time.perf_counter() - started
    return events, stories, len(docs) / elapsed if elapsed else float("inf")


def ecbplus_eval(docs: list[Document], gold: dict, config: ClusterConfig, seed: int) -> dict:
    order = sorted(docs, key=lambda d: d.article.id)
    random.Random(seed).shuffle(order)
    events, _, rate = stream(order, config)
    return bcubed(events, gold).as_dict() | {"articles_per_s": round(rate, 1)}


def tl17_eval(docs: list[Document], gold: dict, config: ClusterConfig) -> dict:
    events, stories, rate = stream(docs, config)
    scores = bcubed(stories, gold).as_dict()
    return scores | {"events": len(set(events.values())), "articles_per_s": round(rate, 1)}


def sweep(
    values: Sequence[float], run: Callable[[float], dict[str, Any]], label: str
) -> list[dict[str, Any]]:
    rows = []
    for value in values:
        row = {label: value} | run(value)
        print(json.dumps(row), file=sys.stderr)
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--stages", choices=["none", "sentences", "timex", "entities", "default"], default="default"
    )
    parser.add_argument("--seeds", type=int, default=3, help="ECB+ stream orders to average")
    parser.add_argument("--tl17-every", type=int, default=1, help="keep every n-th TL17 article")
    parser.add_argument("--sweep", action="store_true", help="sweep both thresholds (tuning)")
    parser.add_argument("--only", choices=["ecbplus", "tl17"], default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    stages = make_stages(args.stages)
    config = ClusterConfig()
    report: dict[str, Any] = {"stages": [s.name for s in stages]}
    report["resolved_entities"] = any(s.name == "entities" for s in stages)
    if args.only != "tl17":
        articles, gold = ecbplus_articles(args.data)
        docs = analyse(articles, stages)
        report["ecbplus"] = ecbplus_report(docs, gold, config, args)
    if args.only != "ecbplus":
        articles, gold = timeline17_articles(args.data, args.tl17_every)
        docs = analyse(articles, stages)
        if args.sweep:
            sweep(
                [0.08, 0.1, 0.12, 0.15, 0.18, 0.22],
                lambda t: tl17_eval(docs, gold, story_threshold(config, t)),
                "story_threshold",
            )
        report["tl17_stories"] = tl17_eval(docs, gold, config)
    print(json.dumps(report, indent=None if args.json else 2))
    return 0


def story_threshold(config: ClusterConfig, value: float) -> ClusterConfig:
    return replace(config, stories=replace(config.stories, threshold=value))


def event_threshold(config: ClusterConfig, value: float) -> ClusterConfig:
    return replace(config, events=replace(config.events, threshold=value))


def ecbplus_report(docs: list[Document], gold: dict, config: ClusterConfig, args: Any) -> dict:
    def averaged(cfg: ClusterConfig) -> dict[str, Any]:
        runs = [ecbplus_eval(docs, gold, cfg, seed) for seed in range(args.seeds)]
        keys = ("precision", "recall", "f1", "clusters", "articles_per_s")
        mean = {k: round(sum(r[k] for r in runs) / len(runs), 4) for k in keys}
        return mean | {"f1_min": min(r["f1"] for r in runs), "items": runs[0]["items"]}

    if args.sweep:
        grid = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45]
        sweep(grid, lambda t: averaged(event_threshold(config, t)), "event_threshold")
    return averaged(config)


if __name__ == "__main__":
    sys.exit(main())
