"""Commands for articles: ingest, analyze, articles, show, stats, export, demo."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from storyline.cli.common import (
    DateOption,
    DbOption,
    JsonOption,
    LangOption,
    parse_date,
    parse_field_map,
    print_json,
    read_or_report,
)
from storyline.ingest.records import ReadOptions
from storyline.render import (
    articles_table,
    console,
    counts_line,
    err_console,
    progress,
    report_error,
    show_document,
    stage_progress,
    stats_table,
)
from storyline.serialize import article_dict, document_dict
from storyline.store import ArticleFilter, SQLiteStore, open_store
from storyline.store.base import RunCounts, Store


def _update_store(store: SQLiteStore) -> dict[str, int]:
    """Analyse, resolve and cluster what is new in the store, with a bar per step."""
    from storyline.pipeline import update_store

    with stage_progress() as on_stage:
        return update_store(store, on_stage)


def _run_ingest(store: Store, paths: list[str], options: ReadOptions) -> RunCounts:
    from storyline.ingest.service import IngestEvents, ingest_paths

    with progress("ingesting") as (bar, task):
        events = IngestEvents(
            on_error=report_error,
            on_warning=lambda message: err_console.print(
                f"[yellow]warning[/yellow] {message}", highlight=False
            ),
            on_batch=lambda counts: bar.update(
                task, completed=counts.read, status=counts_line(counts)
            ),
        )
        return ingest_paths(paths, store, options, events)


def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, globs; '-' reads JSONL from stdin.")
    ],
    db: DbOption = None,
    date: DateOption = None,
    lang: LangOption = None,
    field_map: Annotated[
        str | None,
        typer.Option("--field-map", help="Map input fields, e.g. body=text,published=date."),
    ] = None,
    analyze_now: Annotated[
        bool,
        typer.Option(
            "--analyze/--no-analyze",
            help="Analyse, resolve and cluster new articles after storing them.",
        ),
    ] = True,
) -> None:
    """Read articles and store each once; duplicates are skipped, near duplicates linked."""
    options = ReadOptions(
        default_date=parse_date(date), default_lang=lang, field_map=parse_field_map(field_map)
    )
    store = open_store(db)
    counts = _run_ingest(store, paths, options)
    if analyze_now:
        _update_store(store)
    console.print(f"[bold]summary[/bold] {counts_line(counts)}", highlight=False)
    raise typer.Exit(1 if counts.failed else 0)


def analyze_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, globs or '-' (JSONL on stdin).")
    ],
    date: DateOption = None,
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """Analyse articles without storing them; --json prints one JSON object per article."""
    from storyline.pipeline import analyze

    options = ReadOptions(default_date=parse_date(date), default_lang=lang)
    articles, failed = read_or_report(paths, options)
    for doc in analyze(articles):
        if as_json:
            print_json(document_dict(doc))
        else:
            show_document(doc)
    raise typer.Exit(1 if failed else 0)


def articles(
    db: DbOption = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="First date (YYYY[-MM[-DD]]).")
    ] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last date (YYYY[-MM[-DD]]).")] = None,
    source: Annotated[str | None, typer.Option(help="Only this source.")] = None,
    lang: Annotated[str | None, typer.Option(help="Only this language.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """List stored articles, filtered by date range, source and language."""
    store = open_store(db, read_only=True)
    filt = ArticleFilter(date_from, date_to, source, lang, limit, offset)
    found = store.list_articles(filt)
    if as_json:
        for article in found:
            print_json(article_dict(article, text=False))
        return
    console.print(articles_table(found, store.count_articles(filt)))


def show(
    article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one article with its paragraphs and analysis."""
    store = open_store(db, read_only=True)
    doc = store.load_document(article_id)
    if as_json:
        print_json(document_dict(doc))
    else:
        show_document(doc)


def stats(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Counts of what the store holds."""
    figures = open_store(db, read_only=True).stats()
    if as_json:
        print_json(figures)
    else:
        console.print(stats_table(figures))


def export(
    db: DbOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write here instead of stdout.")] = None,
) -> None:
    """Export every article with its analysis as JSON Lines."""
    store = open_store(db, read_only=True)
    stream = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        for article in store.iter_articles():
            doc = store.load_document(article.id)
            stream.write(json.dumps(document_dict(doc), ensure_ascii=False) + "\n")
    finally:
        if out:
            stream.close()


def example_corpus() -> Path:
    """The folder of bundled example articles (the four seed articles)."""
    return Path(str(resources.files("storyline") / "data" / "examples"))


def demo(db: DbOption = None) -> None:
    """Ingest the bundled example corpus and show what storyline found."""
    store = open_store(db)
    counts = _run_ingest(store, [str(example_corpus())], ReadOptions())
    _update_store(store)
    console.print(f"[bold]summary[/bold] {counts_line(counts)}", highlight=False)
    console.print(stats_table(store.stats()))
    found = store.list_articles(ArticleFilter(limit=None))
    console.print(articles_table(found, len(found)))
    from storyline.timeline.render import terminal
    from storyline.timeline.stored import store_timeline

    timeline = store_timeline(store)
    if timeline is not None:
        console.print(terminal(timeline))


def train_ner(
    lang: Annotated[str, typer.Option(help="nl, en or all.")] = "all",
) -> None:
    """Train the NER models from CoNLL-2002/2003 in ../shared/data into the package."""
    from storyline.models import train_ner as trainer

    trainer.main(["--lang", lang])


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI."""
    app.command()(ingest)
    app.command("analyze")(analyze_command)
    app.command()(articles)
    app.command()(show)
    app.command()(stats)
    app.command()(export)
    app.command()(demo)
    train_app = typer.Typer(
        help="Reproduce the shipped models from ../shared/data.", no_args_is_help=True
    )
    train_app.command("ner")(train_ner)
    app.add_typer(train_app, name="train")
