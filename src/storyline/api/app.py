"""The application: JSON API under /api, OpenAPI at /docs, the web pages at /."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline import __version__
from storyline.api.context import AppContext
from storyline.api.errors import error_body, install_error_handlers
from storyline.store.base import EntityReader, StoryReader
from storyline.store.sqlite import SQLiteStore

MAX_BODY = 10 * 1024 * 1024
DB_ENV = "STORYLINE_DB"
TOKEN_ENV = "STORYLINE_TOKEN"
THREADS_ENV = "STORYLINE_SERVER_THREADS"


def default_threads() -> int:
    """Request threads per server process: one per core, 2 to 8.

    Requests are mostly Python work under the GIL: many more threads than cores only take
    turns slicing each other's requests (measured on 2 cores, 4 connections: the default 40
    threads gave story p95 63 ms, 2 threads 35 ms, with 1.8x the requests per second).
    """
    return max(2, min(8, os.cpu_count() or 2))


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        import json

        limit_mb = self.limit / (1024 * 1024)
        payload = json.dumps(
            error_body("payload_too_large", f"request body over {limit_mb:g} MB")
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(payload)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": payload})


def static_dir() -> Path:
    return Path(str(resources.files("storyline") / "web" / "static"))


def create_app(
    store: SQLiteStore,
    *,
    token: str | None = None,
    entities: EntityReader | None = None,
    stories: StoryReader | None = None,
    max_body: int = MAX_BODY,
    threads: int | None = None,
) -> FastAPI:
    """The API and web UI over ``store``; entity and story readers default to the stored ones.

    ``threads`` caps the requests served at once by this process (``default_threads()``).
    """
    ctx = AppContext(store, token, entities, stories)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = threads or default_threads()
        yield
        ctx.close()

    # Swagger UI and ReDoc served from the package, not a CDN: /docs works offline.
    app = FastAPIOffline(
        title="storyline",
        version=__version__,
        description="Dated news articles in, storylines out: articles, entities, quotes, "
        "events, storylines and full-text search. Writes need the server's token.",
        lifespan=lifespan,
    )
    app.state.ctx = ctx
    install_error_handlers(app)

    from storyline.api import routes, writes
    from storyline.web import pages

    app.include_router(routes.router)
    app.include_router(writes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    app.add_middleware(BodyLimit, limit=max_body)
    return app


def app_from_env() -> FastAPI:
    """The app over ``$STORYLINE_DB`` (token ``$STORYLINE_TOKEN``): one per server worker."""
    threads = os.environ.get(THREADS_ENV, "")
    return create_app(
        SQLiteStore(os.environ[DB_ENV]),
        token=os.environ.get(TOKEN_ENV) or None,
        threads=int(threads) if threads.isdigit() else None,
    )
