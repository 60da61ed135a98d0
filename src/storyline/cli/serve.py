"""The `serve` command: the HTTP API and the web UI in one process."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from storyline.cli.common import DbOption
from storyline.render import console
from storyline.store import open_store


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    db: DbOption = None,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="STORYLINE_TOKEN",
            help="Enable writes for requests that send 'Authorization: Bearer TOKEN'.",
            show_envvar=True,
        ),
    ] = None,
) -> None:
    """Serve the API (OpenAPI at /docs) and the web UI; writes only with a token."""
    import uvicorn

    from storyline.api import create_app

    store = open_store(db)
    app = create_app(store, token=token or None)
    where = f"http://{host}:{port}"
    writes = "on (token required)" if token else "off (no --token)"
    console.print(f"storyline at [bold]{where}[/bold] · API docs {where}/docs · writes {writes}")
    if host not in ("127.0.0.1", "localhost", "::1") and not os.environ.get("CI"):
        console.print("[yellow]warning[/yellow] listening beyond this machine", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI."""
    app.command()(serve)
