"""Date candidates: publication dates and resolved time expressions, as calendar ranges.

A TIMEX3 value of any precision ("2017-03-01", "2017-W09", "2017-03", "2017-Q1", "2016")
becomes a ``DateRange``; a mod narrows it ("2017-10" END is the last third of October).
A relative expression in an article dated only to the month ("twee weken geleden" in a
2017-03 article) is resolved against both ends of that month into an explicit range.
Date importance follows news-tls (Gholipour Ghalandari and Ifrim 2020): how many articles
and sentences mention a date, plus how many articles were published on it.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from storyline.model import Document, PartialDate, Timex

RangePrecision = Literal["day", "week", "month", "quarter", "season", "year", "range"]

# Entries vaguer than this (a whole year, "enkele jaren geleden") say little on a timeline.
MAX_SPAN_DAYS = 62
# A vague range that mostly covers a calendar unit that is a candidate itself joins it.
MERGE_OVERLAP = 0.6
# TF-IDF cosine between mention centroids above which an overlapping range and unit are
# taken to report the same event.
SAME_EVENT = 0.3
# Sentences from the top of an article stand for its publication date (news-tls clips at 5).
LEAD_SENTENCES = 5

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


@dataclass(frozen=True, order=True)
class DateRange:
    """A stretch of calendar days, with the label and precision the evidence allows."""

    start: date
    end: date
    precision: RangePrecision
    label: str
    mod: str | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def overlap(self, other: DateRange) -> float:
        """Jaccard overlap of the two day sets."""
        first = max(self.start, other.start)
        last = min(self.end, other.end)
        shared = max(0, (last - first).days + 1)
        union = self.days + other.days - shared
        return shared / union if union else 0.0


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    """Days of months ``first``..``last`` of ``year`` (``last`` may run into the next year)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), _month_end(end_year, end_month)


def _narrow(start: date, end: date, mod: str | None) -> tuple[date, date]:
    """Apply a START/MID/END mod: the first, middle or last third of the stretch."""
    if mod not in ("START", "MID", "END") or (end - start).days < 2:
        return start, end
    third = ((end - start).days + 1) // 3
    if mod == "START":
        return start, start + timedelta(days=third - 1)
    if mod == "END":
        return end - timedelta(days=third - 1), end
    return start + timedelta(days=third), end - timedelta(days=third)


def _parse_value(value: str) -> tuple[date, date, RangePrecision] | None:
    """Day range and precision of a TIMEX3 value, or None for PAST_REF, XXXX-.. and the like."""
    try:
        if match := _DAY.match(value):
            day = date(int(match[1]), int(match[2]), int(match[3]))
            return day, day, "day"
        if match := _WEEK.match(value):
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return monday, monday + timedelta(days=6), "week"
        if match := _MONTH.match(value):
            return (*_months(int(match[1]), int(match[2]), int(match[2])), "month")
        if match := _QUARTER.match(value):
            quarter = int(match[2])
            return (*_months(int(match[1]), 3 * quarter - 2, 3 * quarter), "quarter")
        if match := _HALF.match(value):
            half = int(match[2])
            return (*_months(int(match[1]), 6 * half - 5, 6 * half), "quarter")
        if match := _SEASON.match(value):
            first, last = _SEASON_MONTHS[match[2]]
            return (*_months(int(match[1]), first, last), "season")
        if match := _YEAR.match(value):
            return date(int(match[1]), 1, 1), date(int(match[1]), 12, 31), "year"
    except ValueError:
        return None
    return None


def _range_label(start: date, end: date) -> str:
    return f"{start.isoformat()}/{end.isoformat()}"


def value_range(value: str, mod: str | None = None) -> DateRange | None:
    """The range a TIMEX3 value (with an optional mod) denotes."""
    parsed = _parse_value(value.strip())
    if parsed is None:
        return None
    start, end, precision = parsed
    start, end = _narrow(start, end, mod)
    label = value.strip()[:10] if precision == "day" else value.strip()
    return DateRange(start, end, precision, label, mod if mod in ("START", "MID", "END") else None)


def publication_range(published: PartialDate) -> DateRange:
    """The stretch a publication date covers: one day, or a whole month or year."""
    if published.precision == "day":
        day = published.first_day()
        return DateRange(day, day, "day", published.iso())
    if published.precision == "month":
        start, end = _months(published.year, published.month or 1, published.month or 1)
        return DateRange(start, end, "month", published.iso())
    return DateRange(
        date(published.year, 1, 1), date(published.year, 12, 31), "year", published.iso()
    )


def _period(anchor: PartialDate) -> tuple[date, date]:
    found = publication_range(anchor)
    return found.start, found.end


def _retag(timex: Timex, sentence: str, offset: int, lang: str, day: date) -> DateRange | None:
    """Resolve ``timex`` again (in its sentence) as if the article were dated ``day``."""
    from storyline.analyze.timex import tag_timexes

    for found in tag_timexes(sentence, lang, PartialDate.from_date(day)):
        if found.start == timex.start - offset and not found.underspecified:
            return timex_range(found)
    return None


def widen(
    timex: Timex, anchor: PartialDate, sentence: str, offset: int, lang: str
) -> DateRange | None:
    """The range of a relative expression whose anchor is known only to month or year.

    "Twee weken geleden" in a March 2017 article lies between two weeks before 1 March and
    two weeks before 31 March: the expression is resolved against both ends of the anchor.
    """
    first, last = _period(anchor)
    early = _retag(timex, sentence, offset, lang, first)
    late = _retag(timex, sentence, offset, lang, last)
    if early is None or late is None:
        return None
    start, end = min(early.start, late.start), max(early.end, late.end)
    return DateRange(start, end, "range", _range_label(start, end), early.mod)


def timex_range(timex: Timex, anchor: PartialDate | None = None) -> DateRange | None:
    """The range a fully specified DATE/TIME expression refers to.

    None for durations, sets, vague references (PAST_REF) and underspecified values, which
    only ``widen`` can place.
    """
    if timex.type not in ("DATE", "TIME") or timex.underspecified:
        return None
    return value_range(timex.value, timex.mod)


def mention_range(
    timex: Timex, published: PartialDate | None, sentence: str, offset: int, lang: str
) -> DateRange | None:
    """Where a mention in a sentence (starting at ``offset``) puts its event, if anywhere."""
    if timex.type not in ("DATE", "TIME"):
        return None
    if timex.underspecified:
        if published is None or published.precision == "day":
            return None
        return widen(timex, published, sentence, offset, lang)
    return timex_range(timex)


@dataclass
class DateCandidate:
    """One candidate timeline date and the evidence for it."""

    range: DateRange
    mention_sentences: list[tuple[int, int]] = field(default_factory=list)
    mention_docs: set[int] = field(default_factory=set)
    # articles published after the date that mention it: looking back marks a key event
    later_docs: set[int] = field(default_factory=set)
    published_docs: set[int] = field(default_factory=set)
    lead_sentences: list[tuple[int, int]] = field(default_factory=list)
    score: float = 0.0

    def absorb(self, other: DateCandidate) -> None:
        """Take over another candidate's evidence (used when a vague range joins this one)."""
        self.mention_sentences.extend(other.mention_sentences)
        self.mention_docs |= other.mention_docs
        self.later_docs |= other.later_docs
        self.published_docs |= other.published_docs
        self.lead_sentences.extend(other.lead_sentences)


def sentence_timexes(doc: Document) -> list[list[Timex]]:
    """The timexes inside each sentence of ``doc`` (by offsets), in sentence order."""
    found: list[list[Timex]] = [[] for _ in doc.sentences]
    starts = [span.start for span in doc.sentences]
    ordered = sorted(doc.timexes, key=lambda t: t.start)
    index = 0
    for timex in ordered:
        while index + 1 < len(starts) and starts[index + 1] <= timex.start:
            index += 1
        if doc.sentences and doc.sentences[index].start <= timex.start < doc.sentences[index].end:
            found[index].append(timex)
    return found


def _usable(found: DateRange, granularity: str) -> bool:
    if granularity == "day":
        return found.precision == "day"
    return found.days <= MAX_SPAN_DAYS


def collect_candidates(
    docs: Sequence[Document], granularity: str = "any", lead: int = LEAD_SENTENCES
) -> dict[DateRange, DateCandidate]:
    """Every date the documents are published on or mention, with its evidence.

    ``granularity="day"`` keeps day-precision dates only (Timeline17 gold is daily).
    A sentence with a usable date mention supports that date; a lead sentence without
    one supports its article's publication date (and, for daily dates, the day before,
    as news-tls does: reports often describe yesterday).
    """
    found: dict[DateRange, DateCandidate] = {}

    def candidate(key: DateRange) -> DateCandidate:
        return found.setdefault(key, DateCandidate(key))

    for d, doc in enumerate(docs):
        published = doc.article.date
        pub_keys = _publication_keys(published) if published else []
        pub_start = publication_range(published).start if published else None
        for key in pub_keys[:1]:
            candidate(key).published_docs.add(d)
        for s, timexes in enumerate(sentence_timexes(doc)):
            span = doc.sentences[s]
            text = doc.text[span.start : span.end]
            ranges = {
                r
                for t in timexes
                if (r := mention_range(t, published, text, span.start, doc.lang))
                and _usable(r, granularity)
            }
            for key in ranges:
                candidate(key).mention_sentences.append((d, s))
                candidate(key).mention_docs.add(d)
                if pub_start is not None and pub_start > key.end:
                    candidate(key).later_docs.add(d)
            if not ranges and s < lead and not _mentions_other_date(timexes):
                for key in pub_keys:
                    if _usable(key, granularity):
                        candidate(key).lead_sentences.append((d, s))
    return found


def _publication_keys(published: PartialDate) -> list[DateRange]:
    key = publication_range(published)
    if key.precision != "day":
        return [key]
    before = key.start - timedelta(days=1)
    return [key, DateRange(before, before, "day", before.isoformat())]


def _mentions_other_date(timexes: Sequence[Timex]) -> bool:
    """True when the sentence refers to some explicit time (even one we cannot place)."""
    return any(t.type in ("DATE", "TIME") and t.value[:1].isdigit() for t in timexes)


Similarity = Callable[[DateCandidate, DateCandidate], float]


def _fold_target(
    cand: DateCandidate, units: Sequence[DateCandidate], similar: Similarity | None
) -> DateCandidate | None:
    """The calendar-unit candidate a vague range belongs to, if any.

    Either the unit covers most of the range, or it overlaps the range and its mentions
    talk about the same thing (the same event told at two precisions).
    """
    key = cand.range
    best = max(units, key=lambda u: u.range.overlap(key), default=None)
    if best is not None and best.range.overlap(key) >= MERGE_OVERLAP:
        return best
    if similar is None or not cand.mention_sentences:
        return None
    near = [u for u in units if u.range.overlap(key) > 0 and u.mention_sentences]
    scored = [(similar(cand, u), u) for u in near]
    scored = [(sim, u) for sim, u in scored if sim >= SAME_EVENT]
    return max(scored, key=lambda item: item[0])[1] if scored else None


def merge_vague(
    candidates: dict[DateRange, DateCandidate], similar: Similarity | None = None
) -> list[DateCandidate]:
    """Fold each vague range into the calendar-unit candidate it belongs to, if any."""
    units = [c for key, c in candidates.items() if key.precision != "range"]
    merged = list(units)
    for key, cand in candidates.items():
        if key.precision != "range":
            continue
        target = _fold_target(cand, units, similar)
        if target is not None:
            target.absorb(cand)
        else:
            merged.append(cand)
    return merged


def evidence(candidates: dict[DateRange, DateCandidate]) -> set[tuple[int, int]]:
    """Every (doc, sentence) pair that supports some candidate."""
    return {p for c in candidates.values() for p in (*c.mention_sentences, *c.lead_sentences)}


def score_candidates(
    candidates: Sequence[DateCandidate], sentence_weight: float = 0.5, pub_weight: float = 0.5
) -> None:
    """Date importance: articles mentioning it (twice for those published after it, which
    recall it), plus damped sentence and publication counts.

    Several articles mentioning a date count more than one article mentioning it often.
    """
    for cand in candidates:
        published = len(cand.published_docs)
        cand.score = (
            len(cand.mention_docs)
            + len(cand.later_docs)
            + sentence_weight * math.log1p(len(cand.mention_sentences))
            + pub_weight * published
        )


def rank_candidates(
    candidates: dict[DateRange, DateCandidate],
    window: tuple[date, date] | None = None,
    similar: Similarity | None = None,
) -> list[DateCandidate]:
    """Candidates (from ``collect_candidates``), best first; ``window`` keeps only dates
    inside [first, last]."""
    merged = merge_vague(candidates, similar)
    if window is not None:
        merged = [c for c in merged if window[0] <= c.range.start and c.range.end <= window[1]]
    score_candidates(merged)
    merged = [c for c in merged if c.mention_sentences or c.lead_sentences]
    return sorted(merged, key=lambda c: (-c.score, c.range.start, c.range.end))
