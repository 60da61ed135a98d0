"""Timelines for people: the terminal (rich), Markdown and JSON; the HTML report is in report.py."""

from __future__ import annotations

import json
from datetime import date

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from storyline.timeline.dates import DateRange
from storyline.timeline.types import Timeline, TimelineEntry, TimelineSentence

MONTHS = "January February March April May June July August September October November December"
MONTH_NAMES = MONTHS.split()
_MODS = {"START": "early", "MID": "mid", "END": "late"}


def _day(value: date, year: bool = True) -> str:
    text = f"{value.day} {MONTH_NAMES[value.month - 1][:3]}"
    return f"{text} {value.year}" if year else text


def date_label(found: DateRange) -> str:
    """A date as a reader says it: '2 Mar 2017', 'late October 2017', 'week of 6 Mar 2017'."""
    start, end, precision = found.start, found.end, found.precision
    prefix = _MODS.get(found.mod or "")
    if precision == "day":
        return _day(start)
    if precision == "week":
        return f"week of {_day(start)}"
    if precision in ("month", "year"):
        name = (
            f"{MONTH_NAMES[start.month - 1]} {start.year}"
            if precision == "month"
            else str(start.year)
        )
        return f"{prefix} {name}" if prefix else name
    if precision in ("quarter", "season"):
        return f"{found.label} ({_day(start, False)} – {_day(end)})"
    return f"about {_day(start, start.year != end.year)} – {_day(end)}"


def source_label(sentence: TimelineSentence) -> str:
    """'outlet, 2017-03 · article 18a044bb… chars 120–240'."""
    where = ", ".join(part for part in (sentence.outlet, sentence.published) if part)
    cite = f"{sentence.article[:12]}:{sentence.start}-{sentence.end}"
    return f"{where} · {cite}" if where else cite


def to_json(timeline: Timeline) -> str:
    return json.dumps(timeline.as_dict(), ensure_ascii=False)


def _entry_view(entry: TimelineEntry) -> RenderableType:
    head = Text()
    head.append(date_label(entry.range), style="bold cyan")
    head.append(f"  [{entry.range.label}]", style="dim")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1)
    grid.add_column()
    if entry.entities:  # the date's, from all its sentences: shown once, above them
        names = ", ".join(e.name for e in entry.entities[:8])
        grid.add_row("", Text(f"entities: {names}", style="green"))
    for sentence in entry.sentences:
        grid.add_row("•", Text(sentence.text))
        grid.add_row("", Text(source_label(sentence), style="dim"))
    return Group(head, Padding(grid, (0, 0, 1, 2)))


def terminal(timeline: Timeline) -> RenderableType:
    """A readable terminal view: header panel, then dated entries with their sources."""
    head = Text()
    head.append(timeline.summary.text or "(no summary)")
    if timeline.summary.actors:
        head.append("\nMain actors: ", style="bold")
        head.append(", ".join(a.name for a in timeline.summary.actors))
    if timeline.summary.start:
        head.append("\nSpan: ", style="bold")
        head.append(f"{timeline.summary.start} – {timeline.summary.end}")
    head.append(
        f"\n{len(timeline.entries)} dates from {len(timeline.articles)} articles", style="dim"
    )
    title = f"Timeline: {timeline.label}" + (f" ({timeline.story})" if timeline.story else "")
    parts: list[RenderableType] = [Panel(head, title=title, title_align="left")]
    parts += [_entry_view(entry) for entry in timeline.entries]
    return Group(*parts)


def _md(text: str) -> str:
    """Escape the characters Markdown would read as markup."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def markdown(timeline: Timeline) -> str:
    """The timeline as a Markdown document with a sources list."""
    lines = [f"# Timeline: {_md(timeline.label)}", ""]
    if timeline.story:
        lines += [f"Story `{timeline.story}`", ""]
    lines += [_md(timeline.summary.text), ""]
    if timeline.summary.actors:
        lines.append("**Main actors:** " + ", ".join(_md(a.name) for a in timeline.summary.actors))
    if timeline.summary.start:
        lines.append(f"**Span:** {timeline.summary.start} – {timeline.summary.end}")
    lines.append("")
    for entry in timeline.entries:
        lines += [f"## {date_label(entry.range)}", ""]
        for sentence in entry.sentences:
            lines.append(f"- {_md(sentence.text)} — *{_md(source_label(sentence))}*")
        if entry.entities:
            lines += ["", "Entities: " + ", ".join(_md(e.name) for e in entry.entities)]
        lines.append("")
    lines += ["## Sources", ""]
    for article in timeline.articles:
        where = ", ".join(p for p in (article.outlet, article.published) if p)
        url = f" <{article.url}>" if article.url else ""
        lines.append(
            f"- `{article.id}` {_md(article.title)}" + (f" ({_md(where)})" if where else "") + url
        )
    return "\n".join(lines).rstrip() + "\n"
