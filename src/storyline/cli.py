"""The command line: a thin shell over the library."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from storyline.errors import StorylineError
from storyline.ingest.records import ReadOptions
from storyline.ingest.service import IngestEvents, ingest_paths, prepare, read_inputs
from storyline.model import PartialDate
from storyline.pipeline import analyze, analyze_pending
from storyline.render import (
    articles_table,
    console,
    counts_line,
    err_console,
    progress,
    show_document,
    stats_table,
)
from storyline.serialize import article_dict, document_dict
from storyline.store import ArticleFilter, open_store
from storyline.store.base import RunCounts, Store

app = typer.Typer(
    help="storyline: dated news articles in, storylines out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
train_app = typer.Typer(
    help="Reproduce the shipped models from ../shared/data.", no_args_is_help=True
)
app.add_typer(train_app, name="train")

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


def _date(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


def _field_map(value: str | None) -> dict[str, str]:
    """Parse ``body=text,published=date`` into {input field: storyline field}."""
    if not value:
        return {}
    pairs = [item.split("=", 1) for item in value.split(",") if item.strip()]
    if any(len(pair) != 2 for pair in pairs):
        raise typer.BadParameter("use FIELD=NAME pairs separated by commas, e.g. body=text")
    return {source.strip(): target.strip() for source, target in pairs}


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


def _analyze_store(store: Store) -> int:
    pending = len(store.unanalyzed_ids())
    if not pending:
        return 0
    with progress("analysing", total=pending) as (bar, task):
        return analyze_pending(store, on_batch=lambda done, total: bar.update(task, completed=done))


def _run_ingest(store: Store, paths: list[str], options: ReadOptions) -> RunCounts:
    with progress("ingesting") as (bar, task):
        events = IngestEvents(
            on_error=lambda error: err_console.print(f"[red]error[/red] {error}", highlight=False),
            on_warning=lambda message: err_console.print(
                f"[yellow]warning[/yellow] {message}", highlight=False
            ),
            on_batch=lambda counts: bar.update(
                task, completed=counts.read, status=counts_line(counts)
            ),
        )
        return ingest_paths(paths, store, options, events)


@app.command()
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
        typer.Option("--analyze/--no-analyze", help="Analyse new articles after storing them."),
    ] = True,
) -> None:
    """Read articles and store each once; duplicates are skipped, near duplicates linked."""
    options = ReadOptions(
        default_date=_date(date), default_lang=lang, field_map=_field_map(field_map)
    )
    store = open_store(db)
    counts = _run_ingest(store, paths, options)
    if analyze_now:
        _analyze_store(store)
    console.print(f"[bold]summary[/bold] {counts_line(counts)}", highlight=False)
    raise typer.Exit(1 if counts.failed else 0)


@app.command("analyze")
def analyze_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, globs or '-' (JSONL on stdin).")
    ],
    date: DateOption = None,
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """Analyse articles without storing them; --json prints one JSON object per article."""
    options = ReadOptions(default_date=_date(date), default_lang=lang)
    failed = 0
    articles = []
    for item in read_inputs(paths, options):
        if isinstance(item, StorylineError):
            err_console.print(f"[red]error[/red] {item}", highlight=False)
            failed += 1
            continue
        article = prepare(item)
        if not article.lang:
            from storyline.ingest.language import detect_language

            article.lang = detect_language(article.text)
        articles.append(article)
    for doc in analyze(articles):
        if as_json:
            _print_json(document_dict(doc))
        else:
            show_document(doc)
    raise typer.Exit(1 if failed else 0)


@app.command()
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
            _print_json(article_dict(article, text=False))
        return
    console.print(articles_table(found, store.count_articles(filt)))


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one article with its paragraphs and analysis."""
    store = open_store(db, read_only=True)
    doc = store.load_document(article_id)
    if as_json:
        _print_json(document_dict(doc))
    else:
        show_document(doc)


@app.command()
def stats(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Counts of what the store holds."""
    figures = open_store(db, read_only=True).stats()
    if as_json:
        _print_json(figures)
    else:
        console.print(stats_table(figures))


@app.command()
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


@app.command()
def demo(db: DbOption = None) -> None:
    """Ingest the bundled example corpus and show what storyline found."""
    store = open_store(db)
    counts = _run_ingest(store, [str(example_corpus())], ReadOptions())
    _analyze_store(store)
    console.print(f"[bold]summary[/bold] {counts_line(counts)}", highlight=False)
    console.print(stats_table(store.stats()))
    found = store.list_articles(ArticleFilter(limit=None))
    console.print(articles_table(found, len(found)))


@train_app.command("ner")
def train_ner(
    lang: Annotated[str, typer.Option(help="nl, en or all.")] = "all",
) -> None:
    """Train the NER models from CoNLL-2002/2003 in ../shared/data into the package."""
    from storyline.models import train_ner as trainer

    trainer.main(["--lang", lang])


def main() -> None:
    try:
        app()
    except StorylineError as error:
        err_console.print(f"[red]error[/red] {error}", highlight=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err_console.print("interrupted: what was committed stays; rerun to finish", highlight=False)
        sys.exit(130)
