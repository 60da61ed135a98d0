"""Date values to ranges, candidates from mentions and publications, and their ranking."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.model import PartialDate, Timex
from storyline.timeline.dates import (
    DateRange,
    collect_candidates,
    merge_vague,
    publication_range,
    rank_candidates,
    timex_range,
    value_range,
    widen,
)


@pytest.mark.parametrize(
    ("value", "mod", "start", "end", "precision"),
    [
        ("2017-03-02", None, date(2017, 3, 2), date(2017, 3, 2), "day"),
        ("2017-03-02T14:00", None, date(2017, 3, 2), date(2017, 3, 2), "day"),
        ("2017-W09", None, date(2017, 2, 27), date(2017, 3, 5), "week"),
        ("2017-02", None, date(2017, 2, 1), date(2017, 2, 28), "month"),
        ("2017-10", "END", date(2017, 10, 22), date(2017, 10, 31), "month"),
        ("2017-10", "START", date(2017, 10, 1), date(2017, 10, 10), "month"),
        ("2017-Q2", None, date(2017, 4, 1), date(2017, 6, 30), "quarter"),
        ("2016-WI", None, date(2016, 12, 1), date(2017, 2, 28), "season"),
        ("2016", None, date(2016, 1, 1), date(2016, 12, 31), "year"),
    ],
)
def test_value_range(value: str, mod: str | None, start: date, end: date, precision: str) -> None:
    found = value_range(value, mod)
    assert found is not None
    assert (found.start, found.end, found.precision) == (start, end, precision)


@pytest.mark.parametrize("value", ["PAST_REF", "XXXX-10", "P2W", "2017-13", "2017-02-30", ""])
def test_values_that_are_no_place_on_a_calendar(value: str) -> None:
    assert value_range(value) is None


def test_durations_and_underspecified_values_have_no_range() -> None:
    assert timex_range(Timex(0, 7, "2 weken", "DURATION", "P2W")) is None
    vague = Timex(0, 18, "Twee weken geleden", "DATE", "2017-03", None, "2017-03", True)
    assert timex_range(vague) is None
    assert timex_range(Timex(0, 10, "2 maart", "DATE", "2017-03-02")) == value_range("2017-03-02")


def test_publication_of_month_precision_covers_the_month() -> None:
    found = publication_range(PartialDate(2017, 3))
    assert (found.start, found.end, found.label) == (date(2017, 3, 1), date(2017, 3, 31), "2017-03")


def test_relative_expression_in_month_dated_article_becomes_a_range() -> None:
    pytest.importorskip("storyline.analyze.timex")
    sentence = "Twee weken geleden moest Michael Flynn opstappen."
    timex = Timex(0, 18, "Twee weken geleden", "DATE", "2017-03", None, "2017-03", True)
    found = widen(timex, PartialDate(2017, 3), sentence, 0, "nl")
    assert found is not None and found.precision == "range"
    # two weeks before 1 March .. two weeks before 31 March
    assert found.start == date(2017, 2, 15)
    assert found.end == date(2017, 3, 17)
    assert found.label == "2017-02-15/2017-03-17"


def test_a_date_several_articles_mention_outranks_one_mentioned_often(doc_maker) -> None:
    docs = [
        doc_maker("a", "2010-05-10", "The well exploded on April 20 near the coast of Louisiana."),
        doc_maker("b", "2010-05-12", "Since April 20 the oil has been leaking into the sea."),
        doc_maker(
            "c",
            "2010-05-14",
            "On May 2 the president visited the coast. He returned on May 2 to the region. "
            "Officials met again on May 2 to plan the response.",
        ),
    ]
    docs[0].timexes = [Timex(26, 34, "April 20", "DATE", "2010-04-20")]
    docs[1].timexes = [Timex(6, 14, "April 20", "DATE", "2010-04-20")]
    text = docs[2].text
    docs[2].timexes = [Timex(i, i + 5, "May 2", "DATE", "2010-05-02") for i in _all(text, "May 2")]
    ranked = rank_candidates(collect_candidates(docs, granularity="day"))
    labels = [c.range.label for c in ranked]
    assert labels.index("2010-04-20") < labels.index("2010-05-02")
    top = ranked[0]
    assert top.range.label == "2010-04-20" and top.mention_docs == {0, 1}


def test_lead_sentences_support_the_publication_day_and_the_day_before(doc_maker) -> None:
    doc = doc_maker("a", "2010-05-10", "BP tried a new cap on the well. Engineers were hopeful.")
    found = collect_candidates([doc], granularity="day")
    labels = {key.label for key in found}
    assert labels == {"2010-05-10", "2010-05-09"}
    assert found[publication_range(PartialDate(2010, 5, 10))].published_docs == {0}


def test_day_granularity_drops_months(doc_maker) -> None:
    doc = doc_maker("a", "2010-05-10", "In April the rig exploded in the gulf of Mexico.")
    doc.timexes = [Timex(3, 8, "April", "DATE", "2010-04")]
    assert all(key.precision == "day" for key in collect_candidates([doc], "day"))
    assert "2010-04" in {key.label for key in collect_candidates([doc], "any")}


def test_vague_range_joins_the_month_it_mostly_covers() -> None:
    from storyline.timeline.dates import DateCandidate

    month = DateCandidate(value_range("2017-05") or _fail())
    vague = DateRange(date(2017, 4, 24), date(2017, 5, 28), "range", "2017-04-24/2017-05-28")
    straddling = DateRange(date(2017, 2, 15), date(2017, 3, 17), "range", "2017-02-15/2017-03-17")
    march = DateCandidate(
        value_range("2017-03") or _fail(), mention_sentences=[(2, 0)], mention_docs={2}
    )
    candidates = {
        month.range: month,
        vague: DateCandidate(vague, mention_sentences=[(0, 1)], mention_docs={0}),
        march.range: march,
        straddling: DateCandidate(straddling, mention_sentences=[(1, 2)], mention_docs={1}),
    }
    merged = merge_vague(candidates)
    assert {c.range.label for c in merged} == {"2017-05", "2017-03", "2017-02-15/2017-03-17"}
    assert month.mention_docs == {0}
    # content that tells the same story folds the straddling range into March after all
    merged = merge_vague(candidates, similar=lambda a, b: 1.0)
    assert {c.range.label for c in merged} == {"2017-05", "2017-03"}


def test_a_date_recalled_by_a_later_article_outranks_one_announced(doc_maker) -> None:
    # One article (15 May) recalls 12 May once and announces 20 May twice: looking back
    # counts more than mentioning a date more often.
    text = "Talks were held on May 12. A vote is due on May 20. Everyone waits for May 20."
    doc = doc_maker("c", "2010-05-15", text)
    doc.timexes = [Timex(i, i + 6, "May 12", "DATE", "2010-05-12") for i in _all(text, "May 12")]
    doc.timexes += [Timex(i, i + 6, "May 20", "DATE", "2010-05-20") for i in _all(text, "May 20")]
    ranked = rank_candidates(collect_candidates([doc], "day"))
    found = {c.range.label: c for c in ranked}
    assert found["2010-05-12"].later_docs == {0} and not found["2010-05-20"].later_docs
    labels = [c.range.label for c in ranked]
    assert labels.index("2010-05-12") < labels.index("2010-05-20")


def _all(text: str, needle: str) -> list[int]:
    found, start = [], text.find(needle)
    while start >= 0:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def _fail() -> DateRange:
    raise AssertionError("value did not parse")
