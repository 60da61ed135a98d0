"""Options and helpers shared by the command modules."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from storyline.errors import StorylineError
from storyline.ingest.records import ReadOptions
from storyline.model import Article, PartialDate
from storyline.render import report_error

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLite store file (default $STORYLINE_DB or ./storyline.db)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
DateOption = Annotated[
    str | None,
    typer.Option("--date", help="Publication date for inputs without one: YYYY[-MM[-DD]]."),
]
LangOption = Annotated[
    str | None, typer.Option("--lang", help="Language for inputs without one (nl, en, ...).")
]


def parse_date(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


def parse_field_map(value: str | None) -> dict[str, str]:
    """Parse ``body=text,published=date`` into {input field: storyline field}."""
    if not value:
        return {}
    pairs = [item.split("=", 1) for item in value.split(",") if item.strip()]
    if any(len(pair) != 2 for pair in pairs):
        raise typer.BadParameter("use FIELD=NAME pairs separated by commas, e.g. body=text")
    return {source.strip(): target.strip() for source, target in pairs}


def print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


def read_or_report(paths: list[str], options: ReadOptions) -> tuple[list[Article], int]:
    """Prepared articles from the inputs, and how many inputs failed (each is reported)."""
    from storyline.ingest.service import read_articles

    articles: list[Article] = []
    failed = 0
    for item in read_articles(paths, options):
        if isinstance(item, StorylineError):
            report_error(item)
            failed += 1
        else:
            articles.append(item)
    return articles, failed
