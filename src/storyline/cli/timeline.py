"""Commands for timelines: `timeline` (terminal, JSON, Markdown) and `report` (HTML)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from storyline.cli.common import (
    DateOption,
    DbOption,
    JsonOption,
    LangOption,
    parse_date,
    read_or_report,
)
from storyline.errors import NotFoundError
from storyline.ingest.records import ReadOptions
from storyline.render import console, err_console
from storyline.store import open_store
from storyline.store.stories import StoryRepo
from storyline.timeline.render import markdown, terminal, to_json
from storyline.timeline.report import html_report
from storyline.timeline.stored import story_timeline
from storyline.timeline.types import Timeline

if TYPE_CHECKING:
    pass

InputsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="A story id (with a store), or article files, folders and globs (no store).",
        show_default=False,
    ),
]
FromOption = Annotated[
    list[str] | None,
    typer.Option("--from", help="Build from this JSONL file of articles, without a store."),
]
DatesOption = Annotated[
    int | None, typer.Option("--dates", min=1, help="Number of dates (default: from the size).")
]
SentencesOption = Annotated[
    int | None,
    typer.Option("--sentences", min=1, help="Sentences per date (default: from the size)."),
]


def _looks_like_paths(items: list[str]) -> bool:
    """True when the arguments name inputs (files, globs, stdin) rather than a story id."""
    return any(
        item == "-" or os.path.exists(item) or any(c in item for c in "*?[") for item in items
    )


def make_timeline(
    items: list[str] | None,
    from_files: list[str] | None,
    db: str | None,
    dates: int | None,
    sentences: int | None,
    date: str | None = None,
    lang: str | None = None,
) -> Timeline:
    """A timeline for a stored story, or for articles read from files without a store."""
    from storyline.timeline.build import analyze_articles, build_timeline

    items = list(items or [])
    if from_files or _looks_like_paths(items):
        options = ReadOptions(default_date=parse_date(date), default_lang=lang)
        articles, _ = read_or_report([*(from_files or []), *items], options)
        if not articles:
            raise NotFoundError("no readable articles in the inputs")
        return build_timeline(analyze_articles(articles), dates, sentences)
    if len(items) > 1:
        raise typer.BadParameter("give one story id, or article paths that exist")
    store = open_store(db, read_only=True)
    found = story_timeline(store, StoryRepo(store), items[0] if items else None, dates, sentences)
    if found is None:
        raise NotFoundError("no storylines in the store: run `storyline cluster` first")
    return found


def timeline(
    inputs: InputsArgument = None,
    from_files: FromOption = None,
    db: DbOption = None,
    dates: DatesOption = None,
    sentences: SentencesOption = None,
    as_json: JsonOption = False,
    as_markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown.")] = False,
    date: DateOption = None,
    lang: LangOption = None,
) -> None:
    """The dated timeline of a storyline: what happened when, and where each line comes from."""
    found = make_timeline(inputs, from_files, db, dates, sentences, date, lang)
    if as_json:
        sys.stdout.write(to_json(found) + "\n")
    elif as_markdown:
        sys.stdout.write(markdown(found))
    else:
        console.print(terminal(found))


def report(
    inputs: InputsArgument = None,
    out: Annotated[Path, typer.Option("--out", help="Write the HTML report here.")] = Path(
        "report.html"
    ),
    from_files: FromOption = None,
    db: DbOption = None,
    dates: DatesOption = None,
    sentences: SentencesOption = None,
    date: DateOption = None,
    lang: LangOption = None,
) -> None:
    """Write a self-contained HTML report of a storyline's timeline (opens offline)."""
    found = make_timeline(inputs, from_files, db, dates, sentences, date, lang)
    out.write_text(html_report(found), encoding="utf-8")
    err_console.print(f"wrote {out} ({len(found.entries)} dates)", highlight=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI."""
    app.command()(timeline)
    app.command()(report)
