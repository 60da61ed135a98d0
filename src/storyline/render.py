"""Terminal rendering for the CLI: tables, article views and progress bars."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from storyline.model import Article, Document
from storyline.serialize import display_title
from storyline.store.base import RunCounts

console = Console()
err_console = Console(stderr=True)


@contextmanager
def progress(description: str, total: int | None = None) -> Iterator[tuple[Progress, Any]]:
    """A progress display on stderr; a count with a spinner when the total is unknown."""
    columns = [SpinnerColumn(), TextColumn("[bold]{task.description}")]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn()]
    columns += [TextColumn("{task.fields[status]}"), TimeElapsedColumn()]
    with Progress(*columns, console=err_console, transient=False) as bar:
        task = bar.add_task(description, total=total, status="")
        yield bar, task


@contextmanager
def stage_progress() -> Iterator[Callable[[str], Callable[[int, int], None]]]:
    """One progress bar per pipeline step, added as each step starts."""
    columns = [
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=err_console) as bar:

        def on_stage(name: str) -> Callable[[int, int], None]:
            task = bar.add_task(name, total=None)
            return lambda done, total: bar.update(task, completed=done, total=total)

        yield on_stage


def report_error(error: object) -> None:
    """One line on stderr for a failed file, record or command; the message is not markup."""
    err_console.print(Text.assemble(("error", "red"), " ", str(error)), highlight=False)


def counts_line(counts: RunCounts) -> str:
    return (
        f"read {counts.read}, stored {counts.stored}, duplicate {counts.duplicate}, "
        f"near-duplicate {counts.near_duplicate}, failed {counts.failed}"
    )


def articles_table(articles: Sequence[Article], total: int) -> Table:
    table = Table(title=f"{len(articles)} of {total} articles", title_justify="left")
    for name in ("id", "date", "lang", "source", "title"):
        table.add_column(name, overflow="fold" if name == "title" else "ellipsis")
    for article in articles:
        table.add_row(
            article.id,
            article.date.iso() if article.date else "",
            article.lang or "",
            article.source or "",
            display_title(article, 70),
        )
    return table


def stats_table(stats: dict[str, Any]) -> Table:
    table = Table(show_header=False, title="store", title_justify="left")
    for key, value in stats.items():
        shown = (
            ", ".join(f"{k} {v}" for k, v in value.items()) if isinstance(value, dict) else value
        )
        table.add_row(key.replace("_", " "), str(shown))
    return table


def show_document(doc: Document) -> None:
    """The article with its paragraphs, then what the analysis found in it."""
    article = doc.article
    console.rule(f"[bold]{display_title(article)}")
    meta = [f"id {article.id}", f"date {article.date.iso() if article.date else '?'}"]
    meta += [f"lang {article.lang}", f"source {article.source or article.source_path or '?'}"]
    if article.near_duplicate_of:
        meta.append(f"near-duplicate of {article.near_duplicate_of}")
    console.print(" · ".join(meta), style="dim")
    for para in article.paragraphs:
        text = article.text[para.start : para.end]
        console.print(Text(text, style="bold" if para.heading else ""))
    _annotation_tables(doc)


def _annotation_tables(doc: Document) -> None:
    if doc.entities:
        table = Table(title="entities", title_justify="left")
        for column in ("label", "text", "offsets"):
            table.add_column(column)
        for m in doc.entities:
            table.add_row(m.label, m.text, f"{m.start}-{m.end}")
        console.print(table)
    if doc.timexes:
        table = Table(title="time expressions", title_justify="left")
        for column in ("text", "type", "value", "mod", "note"):
            table.add_column(column)
        for t in doc.timexes:
            note = "underspecified" if t.underspecified else ""
            table.add_row(t.text, t.type, t.value, t.mod or "", note)
        console.print(table)
    if doc.quotes:
        table = Table(title="quotes", title_justify="left")
        for column in ("speaker", "kind", "cue", "quote"):
            table.add_column(column, overflow="fold")
        for q in doc.quotes:
            table.add_row(q.speaker.text if q.speaker else "?", q.kind, q.cue or "", q.text)
        console.print(table)
    console.print(
        f"{len(doc.sentences)} sentences, {len(doc.entities)} entities, "
        f"{len(doc.timexes)} time expressions, {len(doc.quotes)} quotes",
        style="dim",
    )
