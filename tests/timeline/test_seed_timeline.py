"""The demo's promise: the seed storyline's timeline, built through the real analysis stages."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from storyline.ingest.readers import read_paths
from storyline.ingest.records import ReadOptions
from storyline.ingest.service import prepare
from storyline.timeline.build import analyze_articles, build_timeline
from storyline.timeline.types import Timeline, TimelineEntry

HAS_TAGGER = importlib.util.find_spec("storyline.analyze.timex") is not None

# (what, first month of the entry, pattern one of its sentences must match)
EXPECTED = [
    ("Flynn's fall", (2017, 2), r"Twee weken geleden.*Flynn"),
    ("Sessions recusal", (2017, 3), r"Sessions"),
    ("Comey and Lavrov", (2017, 5), r"Comey|Lavrov"),
    ("Mueller indictments", (2017, 10), r"Mueller"),
    ("Putin at APEC", (2017, 11), r"Poetin|Apec"),
]


@pytest.fixture(scope="module")
def seed_timeline() -> Timeline:
    examples = Path(__file__).resolve().parents[2] / "src" / "storyline" / "data" / "examples"
    articles = [prepare(raw) for raw in read_paths([str(examples)], ReadOptions())]
    for article in articles:
        article.lang = article.lang or "nl"
    return build_timeline(analyze_articles(articles))


def _find(entries: list[TimelineEntry], month: tuple[int, int], pattern: str) -> int:
    for i, entry in enumerate(entries):
        start = entry.range.start
        if (start.year, start.month) == month and any(
            re.search(pattern, s.text) for s in entry.sentences
        ):
            return i
    raise AssertionError(f"no entry in {month} matching {pattern!r}: {[e.date for e in entries]}")


@pytest.mark.skipif(not HAS_TAGGER, reason="needs the time-expression tagger (issue 4)")
def test_seed_timeline_tells_the_story_in_order(seed_timeline: Timeline) -> None:
    positions = [_find(seed_timeline.entries, month, pat) for _, month, pat in EXPECTED]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)


@pytest.mark.skipif(not HAS_TAGGER, reason="needs the time-expression tagger (issue 4)")
def test_seed_dates_have_the_precision_the_evidence_allows(seed_timeline: Timeline) -> None:
    by_month = {(e.range.start.year, e.range.start.month): e for e in seed_timeline.entries}
    mueller = by_month[(2017, 10)]
    assert (mueller.range.label, mueller.range.mod) == ("2017-10", "END")  # "Eind oktober"
    assert by_month[(2017, 3)].range.precision == "month"  # articles dated to the month
    assert all(e.range.precision != "day" for e in seed_timeline.entries)  # no invented days
    flynn = by_month[(2017, 2)]
    cited = {s.published for s in flynn.sentences}
    assert "2017-03" in cited  # the "Twee weken geleden" sentence of a March article


def test_every_sentence_is_quoted_verbatim_from_its_article(seed_timeline: Timeline) -> None:
    examples = Path(__file__).resolve().parents[2] / "src" / "storyline" / "data" / "examples"
    texts = {a.id: a.text for a in (prepare(r) for r in read_paths([str(examples)], ReadOptions()))}
    sentences = [s for e in seed_timeline.entries for s in e.sentences]
    sentences += seed_timeline.summary.sentences
    assert sentences
    for sentence in sentences:
        assert texts[sentence.article][sentence.start : sentence.end] == sentence.text
