"""Helpers for writing word lists in the rule modules."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word list written as one string: ``words("de het een")``."""
    return frozenset(text.split())
