"""Dated, sourced timelines and summaries of storylines (issue 8).

``build_timeline`` is the entry point; it is imported on first use (PEP 562) so that
importing this package, and the command line, stays fast.
"""

from __future__ import annotations

from typing import Any

__all__ = ["build_timeline"]


def __getattr__(name: str) -> Any:
    if name == "build_timeline":
        from storyline.timeline.build import build_timeline

        return build_timeline
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
