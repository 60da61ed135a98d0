"""Build a dated timeline from analysed documents: rank dates, then summarise each date."""

from __future__ import annotations

import importlib
import logging
import math
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

import numpy as np
from threadpoolctl import threadpool_limits

from storyline.errors import StorylineError
from storyline.model import Article, Document
from storyline.pipeline import Stage, analyze, default_stages
from storyline.serialize import display_title
from storyline.timeline.dates import (
    DateCandidate,
    Similarity,
    collect_candidates,
    evidence,
    rank_candidates,
)
from storyline.timeline.select import Selector, SentenceIndex, centroid
from storyline.timeline.summary import SUMMARY_LEAD, frequent_names, main_actors, summarise
from storyline.timeline.types import (
    EntityRef,
    SourceArticle,
    Timeline,
    TimelineEntry,
    TimelineSentence,
)

MAX_DATES = 40
# People, organisations and places; MISC (mostly nationalities in news) would crowd them out.
ENTRY_LABELS = frozenset({"PER", "ORG", "LOC"})
log = logging.getLogger(__name__)


def default_dates(n_docs: int) -> int:
    """More articles, more dates: 7 for four articles, 23 for a hundred, at most 40."""
    return max(3, min(MAX_DATES, round(3 + 2 * math.sqrt(n_docs))))


def default_sentences(n_docs: int) -> int:
    """Sentences per date: one for a handful of articles, up to three for large stories."""
    if n_docs < 3:
        return 1
    return 2 if n_docs < 100 else 3


# Stages a timeline uses, by module and class, added when the default pipeline lacks them.
EXTRA_STAGES = (
    ("storyline.analyze.entities", "EntityStage"),
    ("storyline.analyze.timex", "TimexStage"),
)


class _Optional:
    """An extra stage that steps aside (with one warning) when its model is not installed."""

    def __init__(self, stage: Stage) -> None:
        self.stage = stage
        self.name = stage.name
        self.failed = False

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            if self.failed:
                yield doc
                continue
            try:
                yield from self.stage([doc])
            except StorylineError as error:  # typically a model that is not installed
                log.warning("timeline without %s: %s", self.name, error)
                self.failed = True
                yield doc


def timeline_stages() -> list[Stage]:
    """The default analysis stages, plus entities and time expressions when missing."""
    stages = default_stages()
    names = {stage.name for stage in stages}
    for module, cls in EXTRA_STAGES:
        try:
            stage = getattr(importlib.import_module(module), cls)()
        except (ImportError, AttributeError):
            continue
        if stage.name not in names:
            stages.append(_Optional(stage))
            names.add(stage.name)
    return stages


def analyze_articles(
    articles: Iterable[Article], stages: Sequence[Stage] | None = None
) -> list[Document]:
    """Analyse articles (no store) with everything a timeline needs."""
    return list(analyze(articles, stages if stages is not None else timeline_stages()))


class _Maker:
    """Turns sentence rows into sourced sentences and entity lists."""

    def __init__(self, index: SentenceIndex) -> None:
        self.index = index

    def sentence(self, row: int) -> TimelineSentence:
        ref = self.index.refs[row]
        doc = self.index.docs[ref.doc]
        span = self.index.spans[row]
        article = doc.article
        return TimelineSentence(
            text=doc.text[span.start : span.end],
            article=article.id,
            start=span.start,
            end=span.end,
            outlet=article.source,
            published=article.date.iso() if article.date else None,
        )

    def entities(self, rows: Sequence[int]) -> list[EntityRef]:
        seen: dict[str, EntityRef] = {}
        for row in rows:
            ref = self.index.refs[row]
            doc = self.index.docs[ref.doc]
            span = doc.sentences[ref.sent]
            for mention in sorted(doc.entities, key=lambda m: m.start):
                if span.start <= mention.start < span.end and mention.label in ENTRY_LABELS:
                    key = mention.entity_id or mention.text.lower()
                    seen.setdefault(key, EntityRef(mention.text, mention.label, mention.entity_id))
        return list(seen.values())


def _entry(cand: DateCandidate, rows: list[int], maker: _Maker) -> TimelineEntry:
    return TimelineEntry(
        range=cand.range,
        sentences=[maker.sentence(row) for row in rows],
        entities=maker.entities(rows),
        score=cand.score,
        articles=len(cand.mention_docs | cand.published_docs),
        mentions=len(cand.mention_sentences),
    )


def select_entries(
    index: SentenceIndex, ranked: Sequence[DateCandidate], dates: int, sentences: int
) -> list[TimelineEntry]:
    """Walk the dates best first and summarise each until ``dates`` entries are filled."""
    maker = _Maker(index)
    selector = Selector(index)
    entries: list[TimelineEntry] = []
    for cand in ranked:
        if len(entries) >= dates:
            break
        mention_rows = index.rows(cand.mention_sentences)
        lead_rows = index.rows(cand.lead_sentences)
        rows = selector.select(
            mention_rows + lead_rows, sentences, [mention_rows, lead_rows], focus=True
        )
        if rows:
            entries.append(_entry(cand, rows, maker))
    return sorted(entries, key=lambda e: (e.range.start, e.range.end))


def _sources(
    index: SentenceIndex, entries: Sequence[TimelineEntry], extra: Sequence[TimelineSentence]
) -> list[SourceArticle]:
    cited = {s.article for e in entries for s in e.sentences} | {s.article for s in extra}
    found = []
    for doc in index.docs:
        article = doc.article
        if article.id in cited:
            cited.discard(article.id)
            found.append(
                SourceArticle(
                    id=article.id,
                    title=display_title(article),
                    outlet=article.source,
                    published=article.date.iso() if article.date else None,
                    url=article.url,
                    lang=article.lang,
                )
            )
    return sorted(found, key=lambda a: (a.published or "", a.id))


def _mention_similarity(index: SentenceIndex) -> Similarity:
    """Cosine between the centroids of two candidates' mention sentences."""

    def similar(first: DateCandidate, second: DateCandidate) -> float:
        a = centroid(index, [index.rows(first.mention_sentences)])
        b = centroid(index, [index.rows(second.mention_sentences)])
        return float(np.dot(a, b))

    return similar


def _label(docs: Sequence[Document], actors: Sequence[EntityRef]) -> str:
    names = [a.name for a in actors[:3]] or frequent_names(docs)
    if names:
        return ", ".join(names)
    return display_title(docs[0].article, 60) if docs else "empty story"


def build_timeline(
    docs: Sequence[Document],
    dates: int | None = None,
    sentences: int | None = None,
    *,
    story: str | None = None,
    label: str | None = None,
    granularity: str = "any",
    window: tuple[date, date] | None = None,
) -> Timeline:
    """A dated, sourced timeline of analysed documents.

    ``dates`` and ``sentences`` default from the number of documents; ``granularity="day"``
    keeps only day-precision dates; ``window`` keeps only dates inside it.
    """
    # Small vector operations only: a multi-threaded BLAS waits on busy cores for nothing.
    with threadpool_limits(limits=1, user_api="blas"):
        return _build(docs, dates, sentences, story, label, granularity, window)


def _build(
    docs: Sequence[Document],
    dates: int | None,
    sentences: int | None,
    story: str | None,
    label: str | None,
    granularity: str,
    window: tuple[date, date] | None,
) -> Timeline:
    docs = [doc for doc in docs if doc.sentences]
    n_dates = dates if dates is not None else default_dates(len(docs))
    k = sentences if sentences is not None else default_sentences(len(docs))
    candidates = collect_candidates(docs, granularity)
    leads = {
        (d, s) for d, doc in enumerate(docs) for s in range(min(SUMMARY_LEAD, len(doc.sentences)))
    }
    index = SentenceIndex(docs, evidence(candidates) | leads)
    ranked = rank_candidates(candidates, window, _mention_similarity(index))
    entries = select_entries(index, ranked, n_dates, k)
    summary = summarise(index, entries, _Maker(index).sentence, 2 if len(docs) <= 5 else 3)
    return Timeline(
        story=story,
        label=label or _label(docs, main_actors(docs)),
        summary=summary,
        entries=entries,
        articles=_sources(index, entries, summary.sentences),
    )
