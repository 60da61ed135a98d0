"""Turn the paths a user gave (files, folders, globs) into files to read, in a stable order."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence

from storyline.errors import ReadError

# Extensions a folder walk picks up (also with .gz); files without an extension are sniffed.
KNOWN_EXTENSIONS = frozenset(
    [
        ".txt",
        ".text",
        ".md",
        ".markdown",
        ".json",
        ".jsonl",
        ".ndjson",
        ".html",
        ".htm",
        ".xhtml",
        ".xml",
        ".rss",
        ".atom",
    ]
)
STDIN = "-"


def inner_extension(path: str) -> str:
    """The lower-case extension, looking through a .gz suffix: a.jsonl.gz -> .jsonl."""
    name = os.path.basename(path).lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1]


def is_readable_name(path: str) -> bool:
    """A file a folder walk should read: a known extension, or none at all."""
    extension = inner_extension(path)
    return extension in KNOWN_EXTENSIONS or extension == ""


def expand_paths(paths: Sequence[str]) -> Iterator[str | ReadError]:
    """Each file to read once, in order; a missing path or empty folder is a ReadError."""
    seen: set[str] = set()
    for path in paths:
        for item in _expand_one(path):
            if isinstance(item, ReadError):
                yield item
                continue
            key = item if item == STDIN else os.path.realpath(item)
            if key not in seen:
                seen.add(key)
                yield item


def _expand_one(path: str) -> Iterator[str | ReadError]:
    if path == STDIN:
        yield STDIN
    elif os.path.isdir(path):
        yield from _walk(path)
    elif os.path.isfile(path):
        yield path
    elif os.path.exists(path):
        yield ReadError(path, "not a regular file or folder")
    elif glob.has_magic(path):
        yield from _glob(path)
    else:
        yield ReadError(path, "no such file or folder")


def _glob(pattern: str) -> Iterator[str | ReadError]:
    results: list[str | ReadError] = []
    for match in sorted(glob.glob(pattern, recursive=True)):
        if os.path.isfile(match):
            results.append(match)
        elif os.path.isdir(match) and "**" not in pattern:
            results.extend(_walk(match))
    if not any(isinstance(item, str) for item in results):
        yield ReadError(pattern, "no files match this pattern")
        return
    yield from results


def _walk(folder: str) -> Iterator[str | ReadError]:
    """Readable files under ``folder``, sorted, skipping hidden files and folders."""
    found = 0
    skipped = 0
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if not is_readable_name(name):
                skipped += 1
                continue
            found += 1
            yield os.path.join(root, name)
    if not found:
        detail = f" ({skipped} with unsupported extensions skipped)" if skipped else ""
        yield ReadError(folder, f"folder has no readable files{detail}")
