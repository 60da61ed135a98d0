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
    workers: Annotated[
        int,
        typer.Option(min=1, max=32, help="Server processes (each with its own read connections)."),
    ] = 1,
    threads: Annotated[
        int | None,
        typer.Option(
            min=1, max=64, help="Requests served at once per process [default: one per core, 2-8]."
        ),
    ] = None,
) -> None:
    """Serve the API (OpenAPI at /docs) and the web UI; writes only with a token."""
    import uvicorn

    from storyline.api import create_app
    from storyline.api.app import DB_ENV, THREADS_ENV, TOKEN_ENV

    store = open_store(db)  # migrates the store once, before any worker starts
    where = f"http://{host}:{port}"
    writes = "on (token required)" if token else "off (no --token)"
    console.print(f"storyline at [bold]{where}[/bold] · API docs {where}/docs · writes {writes}")
    if host not in ("127.0.0.1", "localhost", "::1") and not os.environ.get("CI"):
        console.print("[yellow]warning[/yellow] listening beyond this machine", highlight=False)
    if workers == 1:
        app = create_app(store, token=token or None, threads=threads)
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    # Several processes need the app as an import string; the store and token go by env.
    os.environ[DB_ENV] = store.location
    if token:
        os.environ[TOKEN_ENV] = token
    if threads:
        os.environ[THREADS_ENV] = str(threads)
    store.close()
    uvicorn.run(
        "storyline.api.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI."""
    app.command()(serve)
