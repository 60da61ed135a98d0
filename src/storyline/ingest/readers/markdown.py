"""Markdown files with optional YAML front matter (title, date, url, source, lang, author, id)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from storyline.errors import ReadError
from storyline.ingest.readers.common import (
    build_article,
    decode,
    load_bytes,
    normalise_lang,
    one_line,
    parse_date,
)
from storyline.ingest.readers.seed import split_date_line
from storyline.ingest.records import RawArticle, ReadOptions

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
FIELDS = ("title", "date", "url", "source", "lang", "author", "id")


def read_markdown(path: str, options: ReadOptions) -> Iterator[RawArticle]:
    """One article per file: front matter for metadata, the body (headings unmarked) as text."""
    text, warnings = decode(load_bytes(path, options), path)
    if not text.strip():
        raise ReadError(path, "empty file (only whitespace)" if text else "empty file")
    meta, body = split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"), path)
    meta = _map_fields(meta, options.field_map)
    found = parse_date(meta.get("date"), path, "front matter")
    if found is None:
        found, body = split_date_line(body, path)
    plain, first_heading = markdown_to_text(body)
    if not plain.strip():
        raise ReadError(path, "no text after the front matter")
    yield build_article(
        plain,
        path,
        path,
        options,
        title=one_line(meta.get("title")) or first_heading,
        date=found,
        lang=normalise_lang(meta.get("lang")),
        url=one_line(meta.get("url")),
        source=one_line(meta.get("source")),
        author=one_line(meta.get("author")),
        external_id=one_line(meta.get("id")),
        warnings=warnings,
    )


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    """(the YAML front matter as a dict, the body); no front matter gives an empty dict."""
    text = text.lstrip("\ufeff")
    match = _FRONT.match(text)
    if match is None:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ReadError(path, f"bad YAML front matter: {problem}") from None
    except ValueError as exc:  # YAML reads 2017-02-30 as a date and fails
        raise ReadError(path, f"bad date in the front matter ({exc})", "front matter") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ReadError(path, "front matter is not a set of 'key: value' lines")
    return {str(key): value for key, value in meta.items()}, text[match.end() :]


def _map_fields(meta: dict[str, Any], field_map: dict[str, str]) -> dict[str, Any]:
    mapped = {key: value for key, value in meta.items() if key not in field_map}
    mapped.update({field_map[key]: value for key, value in meta.items() if key in field_map})
    return mapped


def markdown_to_text(body: str) -> tuple[str, str | None]:
    """Heading marks off (each heading its own paragraph), rules dropped; the first heading.

    Everything else stays as written: the words are not rewritten.
    """
    out: list[str] = []
    first_heading: str | None = None
    title_checked = False
    in_fence = False
    for line in body.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append(line)
            continue
        heading = None if in_fence else _heading(line, out)
        if heading is not None:
            if heading and not title_checked:
                title_checked = True
                if not any(part.strip() for part in out):
                    first_heading = heading
            out.extend(["", heading, ""] if heading else [""])
        elif not in_fence and _RULE.match(line):
            out.append("")
        else:
            out.append(line)
    return "\n".join(out), first_heading


def _heading(line: str, out: list[str]) -> str | None:
    """The text of an ATX heading line, or of a setext heading closed by this underline."""
    atx = _ATX.match(line)
    if atx is not None:
        return (atx.group(1) or "").strip()
    if _SETEXT.match(line) and out and out[-1].strip():
        # The underline closes the paragraph above: that paragraph is the heading.
        start = len(out)
        while start > 0 and out[start - 1].strip():
            start -= 1
        text = " ".join(part.strip() for part in out[start:])
        del out[start:]
        return text
    return None
