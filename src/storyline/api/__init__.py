"""The HTTP API (FastAPI) and the web UI it serves; imported lazily so the CLI starts fast."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storyline.api.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from storyline.api.app import create_app

        return create_app
    raise AttributeError(name)
