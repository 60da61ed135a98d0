"""The `quotes` command: who said what, when, and where it was reported."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from storyline.api.shapes import quote_row_dict
from storyline.cli.common import DbOption, JsonOption, print_json
from storyline.render import console
from storyline.store import open_store
from storyline.store.base import QuoteFilter
from storyline.store.quotes import count_quotes, list_quotes
from storyline.store.stories import StoryRepo


def quotes(
    db: DbOption = None,
    speaker: Annotated[
        str | None, typer.Option(help="Speaker name (part of it) or entity id.")
    ] = None,
    story: Annotated[str | None, typer.Option(help="Only quotes in this storyline.")] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="First date (YYYY[-MM[-DD]]).")
    ] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last date (YYYY[-MM[-DD]]).")] = None,
    text: Annotated[str | None, typer.Option(help="Quotes containing this text.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """List quotes across articles, filtered by speaker, story, date range and text."""
    store = open_store(db, read_only=True)
    stories = StoryRepo(store) if story else None
    filt = QuoteFilter(speaker, story, date_from, date_to, text, limit, 0)
    rows = list_quotes(store, filt, stories)
    if as_json:
        for row in rows:
            print_json(quote_row_dict(row))
        return
    table = Table(title=f"{len(rows)} of {count_quotes(store, filt, stories)} quotes")
    for column in ("date", "speaker", "kind", "quote", "article"):
        table.add_column(column, overflow="fold")
    for row in rows:
        speaker_text = row.quote.speaker.text if row.quote.speaker else "—"
        table.add_row(
            row.when or "", speaker_text, row.quote.kind, row.quote.text, row.article_id[:12]
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI."""
    app.command()(quotes)
