"""The seed format: a first line `` date YYYY-MM`` (or ``date: YYYY-MM-DD``), then the text."""

from __future__ import annotations

import re

from storyline.errors import ReadError
from storyline.ingest.readers.common import build_article, parse_date
from storyline.ingest.records import RawArticle, ReadOptions
from storyline.model import PartialDate

# The text may go on after the date on the same line: " date 2017-03 Die onderzoeken ...".
_DATE_LINE = re.compile(
    r"^[ \t]*date(?:[ \t]*:[ \t]*|[ \t]+)(\d{4}(?:-\d{1,2}){0,2})(?:T[^\s]*)?(?=\s|$)[ \t]*(.*)$",
    re.IGNORECASE,
)


def split_date_line(text: str, path: str) -> tuple[PartialDate | None, str]:
    """Take a leading date line off ``text``: (its date at its own precision, the rest)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    first, _, rest = text.partition("\n")
    match = _DATE_LINE.match(first)
    if match is None:
        return None, text
    found = parse_date(match.group(1), path, "line 1")
    return found, f"{match.group(2)}\n{rest}"


def seed_article(text: str, path: str, options: ReadOptions, warnings: list[str]) -> RawArticle:
    """One article from a seed or plain-text file's decoded content."""
    if not text.strip():
        raise ReadError(path, "empty file (only whitespace)" if text else "empty file")
    found, body = split_date_line(text, path)
    if not body.strip():
        raise ReadError(path, "no text after the date line")
    return build_article(body, path, path, options, date=found, warnings=warnings)
