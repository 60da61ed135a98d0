"""Commands for events and storylines: cluster, stories, story, events, explain."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from storyline.cli.common import DbOption, JsonOption, print_json
from storyline.cluster import cluster_pending, explain_article
from storyline.cluster.explain import explain_lines
from storyline.render import console, progress
from storyline.serialize import event_dict, story_dict
from storyline.store import open_store
from storyline.store.stories import StoryRepo

LimitOption = Annotated[int, typer.Option(help="At most this many.")]
OffsetOption = Annotated[int, typer.Option(help="Skip this many.")]


def _span(start: str | None, end: str | None) -> str:
    if start is None:
        return "undated"
    return start if end in (None, start) else f"{start} – {end}"


def cluster(
    db: DbOption = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Drop all events and stories and cluster afresh.")
    ] = False,
) -> None:
    """Assign analysed articles to events and storylines (new articles only, unless --rebuild)."""
    store = open_store(db)
    repo = StoryRepo(store)
    with progress("clustering") as (bar, task):
        done = cluster_pending(
            store,
            rebuild=rebuild,
            on_batch=lambda n, total: bar.update(task, completed=n, total=total),
        )
    counts = repo.counts()
    console.print(
        f"[bold]clustered[/bold] {done} articles; {counts['events']} events in "
        f"{counts['stories']} stories",
        highlight=False,
    )


def stories(
    db: DbOption = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """List storylines with their label, time span, size and main actors."""
    found = StoryRepo(open_store(db, read_only=True)).list_stories(limit, offset)
    if as_json:
        for story in found:
            print_json(story_dict(story))
        return
    table = Table(title=f"{len(found)} stories", title_justify="left")
    for name in ("id", "span", "events", "articles", "actors", "label"):
        table.add_column(name, overflow="fold" if name == "label" else "ellipsis")
    for story in found:
        table.add_row(
            story.id,
            _span(story.start, story.end),
            str(len(story.events)),
            str(sum(len(e.articles) for e in story.events)),
            ", ".join(story.actors[:3]),
            story.label,
        )
    console.print(table)


def story(
    story_id: Annotated[str, typer.Argument(help="Story id (a unique prefix is enough).")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One storyline: its events in order, each with its articles."""
    store = open_store(db, read_only=True)
    found = StoryRepo(store).get_story(story_id)
    if as_json:
        print_json(story_dict(found))
        return
    console.rule(f"[bold]{found.label}")
    console.print(f"{found.id}  {_span(found.start, found.end)}  actors: {', '.join(found.actors)}")
    for event in found.events:
        console.print(f"\n[bold]{event.date or 'undated'}[/bold]  {event.label}  ({event.id})")
        for article_id in event.articles:
            article = store.get_article(article_id)
            title = article.title or article.text.split("\n", 1)[0][:90]
            console.print(f"  {article_id}  {title}", highlight=False)


def events(
    db: DbOption = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """List events with their date, size, story and label."""
    found = StoryRepo(open_store(db, read_only=True)).list_events(limit, offset)
    if as_json:
        for event in found:
            print_json(event_dict(event))
        return
    table = Table(title=f"{len(found)} events", title_justify="left")
    for name in ("id", "date", "articles", "story", "label"):
        table.add_column(name, overflow="fold" if name == "label" else "ellipsis")
    for event in found:
        table.add_row(
            event.id, event.date or "", str(len(event.articles)), event.story_id or "", event.label
        )
    console.print(table)


def explain(
    article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Why an article joined its event: similarity, time gap, shared terms and entities."""
    why = explain_article(open_store(db, read_only=True), article_id)
    if as_json:
        print_json(why)
        return
    for line in explain_lines(why):
        console.print(line, highlight=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI."""
    app.command()(cluster)
    app.command()(stories)
    app.command()(story)
    app.command()(events)
    app.command()(explain)
