"""Saved RSS/Atom feeds: one article per entry, via feedparser (given bytes: never fetches)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import feedparser

from storyline.errors import ReadError
from storyline.ingest.readers.common import (
    build_article,
    decode,
    is_binary,
    load_bytes,
    normalise_lang,
    normalise_text,
    one_line,
    parse_date,
)
from storyline.ingest.readers.htmltext import html_to_text
from storyline.ingest.records import ReadOptions, ReadResult
from storyline.model import PartialDate

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_feed(path: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Every entry of a saved feed; an entry without text is an error for that entry only."""
    data = load_bytes(path, options)
    if not data.strip():
        raise ReadError(path, "empty file (only whitespace)" if data else "empty file")
    if is_binary(data):
        decode(data, path)  # raises the binary-file error
    # A file object, not bytes or a string: feedparser opens strings that look like URLs.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    if not parsed.entries:
        raise ReadError(path, _no_entries_reason(parsed))
    feed = parsed.feed
    warnings = []
    if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
        warnings.append(f"feed is not well-formed, read leniently ({parsed.bozo_exception})")
    for number, entry in enumerate(parsed.entries, start=1):
        record = f"entry {number}"
        try:
            yield entry_article(entry, feed, f"{path}#{record}", path, record, options, warnings)
        except ReadError as error:
            yield error


def _no_entries_reason(parsed: Any) -> str:
    if parsed.get("version"):
        return "feed has no entries"
    problem = parsed.get("bozo_exception")
    return "not an RSS or Atom feed" + (f" ({problem})" if problem else "")


def entry_article(
    entry: Any,
    feed: Any,
    origin: str,
    path: str,
    record: str,
    options: ReadOptions,
    warnings: list[str],
) -> ReadResult:
    """One feed entry as a RawArticle: content (or summary) as text, feed title as source."""
    text = entry_text(entry)
    if not text:
        raise ReadError(path, "entry has no text (no content or summary)", record)
    warnings = list(warnings)
    found = entry_date(entry, path, record, warnings)
    detail = entry.get("content", [{}])[0] if entry.get("content") else entry.get("summary_detail")
    lang = (detail or {}).get("language") or feed.get("language")
    return build_article(
        text,
        origin,
        path,
        options,
        record=record,
        title=_title(entry),
        date=found,
        lang=normalise_lang(lang),
        url=one_line(entry.get("link")),
        source=one_line(feed.get("title")),
        author=one_line(entry.get("author_detail", {}).get("name") or entry.get("author")),
        external_id=one_line(entry.get("id")),
        warnings=warnings,
    )


def entry_text(entry: Any) -> str:
    """The longest content block, else the summary, HTML stripped to paragraphs."""
    blocks = [block for block in entry.get("content") or [] if block.get("value")]
    if blocks:
        best = max(blocks, key=lambda block: len(block["value"]))
        return _to_text(best["value"], best.get("type"))
    detail = entry.get("summary_detail") or {}
    value = detail.get("value") or entry.get("summary") or ""
    return _to_text(value, detail.get("type", "text/html"))


def _to_text(value: str, kind: str | None) -> str:
    if kind in _HTML_TYPES:
        return html_to_text(value)
    return normalise_text(value)


def _title(entry: Any) -> str | None:
    title = entry.get("title")
    if not title:
        return None
    if (entry.get("title_detail") or {}).get("type") in _HTML_TYPES:
        title = html_to_text(title)
    return one_line(title)


def entry_date(entry: Any, path: str, record: str, warnings: list[str]) -> PartialDate | None:
    """Published, else updated date at day precision, read as written (not shifted to UTC)."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parse_date(raw, path, record)
        except ReadError:
            parsed = entry.get(f"{key}_parsed")
            if parsed:
                return PartialDate(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            warnings.append(f"ignored an unreadable {key} date {raw!r}")
    return None
