"""Input readers: files, folders and globs (or a JSONL stream) to RawArticles or ReadErrors.

Errors are yielded, never raised, so one bad file or record never stops the others.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import IO

from storyline.errors import ReadError
from storyline.ingest.readers import jsonl
from storyline.ingest.readers.common import has_utf16_bom, is_binary, read_head
from storyline.ingest.readers.feed import read_feed
from storyline.ingest.readers.html import read_html
from storyline.ingest.readers.markdown import read_markdown
from storyline.ingest.readers.paths import STDIN, expand_paths, inner_extension
from storyline.ingest.readers.text import read_text
from storyline.ingest.records import RawArticle, ReadOptions, ReadResult

__all__ = [
    "RawArticle",
    "ReadOptions",
    "ReadResult",
    "detect_format",
    "read_file",
    "read_paths",
    "read_stream",
]

Reader = Callable[[str, ReadOptions], Iterator[ReadResult]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "markdown": read_markdown,
    "json": jsonl.read_json,
    "jsonl": jsonl.read_jsonl,
    "html": read_html,
    "feed": read_feed,
}
EXTENSION_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)\b")


def read_paths(paths: Sequence[str], options: ReadOptions) -> Iterator[ReadResult]:
    """Everything under ``paths`` (files, folders, globs, ``-`` for stdin), in a stable order."""
    if isinstance(paths, str):
        paths = [paths]
    for item in expand_paths(paths):
        if isinstance(item, ReadError):
            yield item
        elif item == STDIN:
            yield from read_stream(sys.stdin.buffer, STDIN, options)
        else:
            yield from read_file(item, options)


def read_stream(
    stream: IO[bytes] | IO[str], origin: str, options: ReadOptions
) -> Iterator[ReadResult]:
    """JSON Lines from an open stream (stdin), bytes or text, gzipped or not."""
    yield from _guarded(origin, lambda: jsonl.read_stream(stream, origin, options))


def read_file(path: str, options: ReadOptions) -> Iterator[ReadResult]:
    """All articles of one file, its format chosen by extension or, failing that, by content."""
    yield from _guarded(path, lambda: READERS[detect_format(path)](path, options))


def _guarded(path: str, make: Callable[[], Iterator[ReadResult]]) -> Iterator[ReadResult]:
    """Run a reader, turning whatever it raises into one yielded ReadError."""
    try:
        yield from make()
    except ReadError as error:
        yield error
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield ReadError(path, f"corrupt or truncated gzip data ({exc})")
    except OSError as exc:
        yield ReadError(path, f"cannot read the file ({exc.strerror or exc})")
    except Exception as exc:  # a reader bug must not stop the other inputs
        yield ReadError(path, f"unexpected error while reading ({type(exc).__name__}: {exc})")


def detect_format(path: str) -> str:
    """The reader to use: by extension (through .gz), else sniffed from the first bytes."""
    known = EXTENSION_FORMATS.get(inner_extension(path))
    return known or sniff_format(read_head(path), path)


def sniff_format(head: bytes, path: str) -> str:
    """Guess feed / html / json / jsonl / markdown / text from the start of a file."""
    if is_binary(head):
        raise ReadError(path, "binary file, not text (contains NUL bytes)")
    codec = "utf-16" if has_utf16_bom(head) else "utf-8"
    text = head.decode(codec, errors="replace").lstrip("\ufeff \t\r\n")
    low = text[:4096].lower()
    if low.startswith("<"):
        feed = _FEED_ROOT.search(low)
        page = low.find("<html")
        return "feed" if feed and (page < 0 or feed.start() < page) else "html"
    if low.startswith("["):
        return "json"
    if low.startswith("{"):
        return "jsonl" if _is_json_object(text.split("\n", 1)[0]) else "json"
    if low.startswith("---"):
        return "markdown"
    return "text"


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False
