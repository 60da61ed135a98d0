"""Commands for entities: list, show, merge, split, and (re)run resolution.

A merge or split is stored as an override: it holds for articles resolved later, and
``storyline resolve --rebuild`` replays every override after resolving from scratch.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

import typer
from rich.table import Table

from storyline.cli.common import DbOption, JsonOption, print_json
from storyline.model import Entity
from storyline.render import console, progress
from storyline.store import open_store
from storyline.store.base import EntityFilter
from storyline.store.entities import EntityRepo

entities_app = typer.Typer(
    help="Entities resolved across articles; `entities merge` and `entities split` correct them.",
    invoke_without_command=True,
)


@entities_app.callback()
def entities(
    ctx: typer.Context,
    db: DbOption = None,
    type_: Annotated[str | None, typer.Option("--type", help="PER, ORG, LOC or MISC.")] = None,
    name: Annotated[str | None, typer.Option(help="Name or alias containing this text.")] = None,
    story: Annotated[str | None, typer.Option(help="Only entities in this storyline.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """List entities, most mentioned first, filtered by type, name and story."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = db
        return
    repo = EntityRepo(open_store(db, read_only=True))
    found = repo.list_entities(EntityFilter(type_, name, story, limit, offset))
    if as_json:
        for entity in found:
            print_json(asdict(entity))
        return
    table = Table(title=f"{len(found)} of {repo.count()} entities")
    for column in ("id", "name", "type", "mentions", "articles", "first", "last", "aliases"):
        table.add_column(column, overflow="fold")
    for e in found:
        aliases = ", ".join(a for a in e.aliases[:6] if a != e.name)
        table.add_row(
            e.id, e.name, e.type, str(e.mentions), str(len(e.articles)),
            e.first_seen or "", e.last_seen or "", aliases,
        )  # fmt: skip
    console.print(table)


@entities_app.command("merge")
def merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="Entity kept (id or name).")],
    other: Annotated[str, typer.Argument(help="Entity merged into it (id or name).")],
    db: DbOption = None,
) -> None:
    """Merge entity B into entity A; stored as an override that survives re-runs."""
    repo = EntityRepo(open_store(db or ctx.obj))
    entity = repo.merge(keep, other)
    console.print(f"merged {other} into [bold]{entity.id}[/bold] ({entity.mentions} mentions)")


@entities_app.command("split")
def split(
    ctx: typer.Context,
    entity: Annotated[str, typer.Argument(help="Entity to split (id or name).")],
    alias: Annotated[
        str | None, typer.Option(help="Move the mentions written this way to a new entity.")
    ] = None,
    article: Annotated[
        str | None, typer.Option(help="Move the mentions in this article to a new entity.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Split mentions off an entity into a new one; stored as an override."""
    repo = EntityRepo(open_store(db or ctx.obj))
    created = repo.split(entity, alias=alias, article=article)
    console.print(f"split off [bold]{created.id}[/bold] ({created.mentions} mentions)")


def entity(
    name: Annotated[str, typer.Argument(help="Entity id, name or alias.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one entity: aliases, articles, co-occurring entities and quotes."""
    repo = EntityRepo(open_store(db, read_only=True))
    found = repo.get_entity(name)
    others = repo.co_occurring(found.id, limit=15)
    quotes = repo.quotes(found.id, limit=50)
    if as_json:
        data: dict[str, Any] = asdict(found)
        data["co_occurring"] = [
            {"id": e.id, "name": e.name, "type": e.type, "count": n} for e, n in others
        ]
        data["quotes"] = [
            {"text": q.text, "kind": q.kind, "article_id": a, "date": q.date or d}
            for q, a, d in quotes
        ]
        print_json(data)
        return
    _show(found, others, quotes)


def _show(found: Entity, others: list[tuple[Entity, int]], quotes: list[Any]) -> None:
    console.print(f"[bold]{found.name}[/bold]  {found.type}  id {found.id}", highlight=False)
    console.print(
        f"{found.mentions} mentions in {len(found.articles)} articles, "
        f"{found.first_seen or '?'} to {found.last_seen or '?'}",
        highlight=False,
    )
    console.print("aliases: " + ", ".join(found.aliases), highlight=False)
    console.print("articles: " + ", ".join(a[:12] for a in found.articles[:20]), highlight=False)
    if others:
        console.print("with: " + ", ".join(f"{e.name} ({n})" for e, n in others), highlight=False)
    if quotes:
        table = Table(title=f"{len(quotes)} quotes")
        for column in ("date", "quote", "article"):
            table.add_column(column, overflow="fold")
        for quote, article_id, day in quotes:
            table.add_row(quote.date or day or "", quote.text, article_id[:12])
        console.print(table)


def resolve(
    db: DbOption = None,
    rebuild: Annotated[
        bool,
        typer.Option("--rebuild", help="Forget all entities, resolve again, replay overrides."),
    ] = False,
) -> None:
    """Resolve entities for analysed articles not resolved yet."""
    from storyline import resolve as resolution

    store = open_store(db)
    with progress("resolving") as (bar, task):

        def tick(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        if rebuild:
            count = resolution.rebuild(store, on_batch=tick)
        else:
            count = resolution.resolve_pending(store, on_batch=tick)
    console.print(f"resolved {count} articles; {EntityRepo(store).count()} entities")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI."""
    app.add_typer(entities_app, name="entities")
    app.command()(entity)
    app.command()(resolve)
