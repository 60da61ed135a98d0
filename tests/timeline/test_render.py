"""Terminal, Markdown and HTML views of a timeline."""

from __future__ import annotations

import re
from datetime import date

from rich.console import Console

from storyline.timeline.build import build_timeline
from storyline.timeline.dates import DateRange, value_range
from storyline.timeline.render import date_label, markdown, terminal
from storyline.timeline.report import html_report

HOSTILE = 'Officials said <script>alert("x")</script> & "nothing" happened on 2 March.'


def _timeline(doc_maker):
    docs = [
        doc_maker(
            "a1",
            "2017-03-03",
            "Jeff Sessions recused himself from the Russia inquiry on Thursday. " + HOSTILE,
            [("Thursday", "2017-03-02", None), ("2 March", "2017-03-02", None)],
            [("Jeff Sessions", "PER")],
            source="The <b>Post</b>",
        ),
        doc_maker(
            "a2",
            "2017-05-11",
            "President Trump fired James Comey, the director of the FBI, on Tuesday evening. "
            "The move surprised many lawmakers in Washington.",
            [("Tuesday", "2017-05-09", None)],
            [("James Comey", "PER"), ("Trump", "PER")],
        ),
    ]
    return build_timeline(docs, dates=5, sentences=2, story="s-1")


def test_date_labels() -> None:
    assert date_label(value_range("2017-03-02") or _fail()) == "2 Mar 2017"
    assert date_label(value_range("2017-10", "END") or _fail()) == "late October 2017"
    assert date_label(value_range("2017-W09") or _fail()) == "week of 27 Feb 2017"
    vague = DateRange(date(2017, 2, 15), date(2017, 3, 17), "range", "2017-02-15/2017-03-17")
    assert date_label(vague) == "about 15 Feb – 17 Mar 2017"


def test_terminal_view_shows_dates_sentences_and_sources(doc_maker) -> None:
    console = Console(record=True, width=120)
    console.print(terminal(_timeline(doc_maker)))
    shown = console.export_text()
    assert "2 Mar 2017" in shown and "9 May 2017" in shown
    assert "recused" in shown and "a1:" in shown
    # a date's entities come from all its sentences: listed once, under the date, before them
    march = shown[shown.index("2 Mar 2017") : shown.index("9 May 2017")]
    assert march.index("entities: Jeff Sessions") < march.index("recused")


def test_markdown_lists_entries_and_sources(doc_maker) -> None:
    text = markdown(_timeline(doc_maker))
    assert text.startswith("# Timeline: ")
    assert "## 2 Mar 2017" in text and "## 9 May 2017" in text
    assert text.index("## 2 Mar 2017") < text.index("## 9 May 2017")
    assert "## Sources" in text and "`a1`" in text
    assert "<script>" not in text  # markup characters are escaped


def test_html_report_is_self_contained_and_escaped(doc_maker) -> None:
    page = html_report(_timeline(doc_maker))
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page and 'href="#entry-0"' in page
    # nothing is fetched from anywhere: no external scripts, styles, images or fonts
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    # article text is escaped, never markup
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "The &lt;b&gt;Post&lt;/b&gt;" in page
    assert page.count("<script>") == 1  # only our own inline script


def test_html_report_of_an_empty_timeline() -> None:
    page = html_report(build_timeline([]))
    assert "</html>" in page and "<svg" not in page


def _fail() -> DateRange:
    raise AssertionError("value did not parse")
