"""JSON Lines (streamed, line by line) and JSON arrays of article objects."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain
from typing import IO, Any, cast

import orjson

from storyline.errors import ReadError
from storyline.ingest.readers.common import (
    GZIP_MAGIC,
    build_article,
    decode,
    is_binary,
    load_bytes,
    normalise_lang,
    one_line,
    open_binary,
    parse_date,
    read_head,
    too_large,
)
from storyline.ingest.records import PendingLine, RawArticle, ReadOptions, ReadResult

FIELDS = ("id", "title", "text", "date", "url", "source", "lang", "author")
TEXT_HINT = "no text (give a 'text' field, or map yours, e.g. body=text)"


def read_jsonl(path: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Stream a JSON Lines file (gzipped or not); a JSON array in it is read as a whole."""
    head = read_head(path, 8192)
    if is_binary(head):
        raise ReadError(path, "binary file, not text (contains NUL bytes)")
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"[") or start.split(b"\n", 1)[0].strip() == b"{":
        # An array, or one pretty-printed object: a JSON document, not JSON Lines.
        yield from read_json(path, options)
        return
    with open_binary(path) as stream:
        yield from read_lines(stream, path, options)


def read_lines(
    lines: Iterable[bytes | str], origin: str, options: ReadOptions
) -> Iterator[ReadResult]:
    """One result per non-blank line: an article (or the line, with ``options.defer_parsing``),
    or an error naming the line."""
    seen = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen = True
        if options.defer_parsing:
            yield PendingLine(raw, origin, number, options)
            continue
        try:
            yield parse_line(raw, origin, number, options)
        except ReadError as error:
            yield error
    if not seen:
        yield ReadError(origin, "empty file (no JSON records)")


def parse_line(raw: bytes | str, origin: str, number: int, options: ReadOptions) -> RawArticle:
    """The article on line ``number``; a ReadError says why there is none."""
    record = f"line {number}"
    line, warnings = _line_text(raw, origin, record)
    value = _loads(line.strip(), origin, record)
    if not isinstance(value, dict):
        raise ReadError(origin, f"expected a JSON object, got {_kind(value)}", record)
    return record_article(value, f"{origin}:{record}", origin, record, options, warnings)


def _line_text(raw: bytes | str, origin: str, record: str) -> tuple[str, list[str]]:
    if isinstance(raw, str):
        return raw.lstrip("\ufeff"), []
    return decode(raw, origin, record)


def _loads(text: str, origin: str, record: str | None) -> Any:
    # The standard parser accepts a little more (NaN, huge integers) and says why it fails.
    with contextlib.suppress(orjson.JSONDecodeError):
        return orjson.loads(text)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f" at line {exc.lineno}" if record is None else ""
        raise ReadError(
            origin, f"malformed JSON: {exc.msg}{where} (column {exc.colno})", record
        ) from None
    except RecursionError:
        raise ReadError(origin, "malformed JSON: nested too deeply", record) from None


def read_json(path: str, options: ReadOptions) -> Iterator[ReadResult]:
    """A JSON array of objects (each one article), or one object; JSON Lines are accepted too."""
    text, warnings = decode(load_bytes(path, options), path)
    yield from parse_json_text(text, path, options, warnings)


def parse_json_text(
    text: str, path: str, options: ReadOptions, warnings: list[str]
) -> Iterator[ReadResult]:
    """Articles from the whole text of a JSON document."""
    if not text.strip():
        raise ReadError(path, "empty file (only whitespace)" if text else "empty file")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several values: it is JSON Lines after all
            yield from _lines_with_warnings(text, path, options, warnings)
            return
        raise ReadError(
            path, f"malformed JSON: {exc.msg} at line {exc.lineno} (column {exc.colno})"
        ) from None
    except RecursionError:
        raise ReadError(path, "malformed JSON: nested too deeply") from None
    if isinstance(value, dict) and not _has_text_field(value, options):
        value = _only_article_list(value, path)
    if isinstance(value, dict):
        yield record_article(value, path, path, None, options, warnings)
        return
    if not isinstance(value, list):
        raise ReadError(path, f"expected a JSON array of article objects, got {_kind(value)}")
    if not value:
        raise ReadError(path, "empty JSON array (no articles)")
    for number, item in enumerate(value, start=1):
        record = f"entry {number}"
        try:
            if not isinstance(item, dict):
                raise ReadError(path, f"expected a JSON object, got {_kind(item)}", record)
            yield record_article(item, f"{path}#{record}", path, record, options, warnings)
        except ReadError as error:
            yield error


def _lines_with_warnings(
    text: str, path: str, options: ReadOptions, warnings: list[str]
) -> Iterator[ReadResult]:
    parse_now = replace(options, defer_parsing=False)  # its warnings join each article
    for result in read_lines(text.splitlines(), path, parse_now):
        if isinstance(result, RawArticle):
            result.warnings.extend(warnings)
        yield result


def _has_text_field(value: dict[str, Any], options: ReadOptions) -> bool:
    return any(options.field_map.get(key, key) == "text" for key in value)


def _only_article_list(value: dict[str, Any], path: str) -> list[Any]:
    """``{"articles": [{...}, ...]}``: the one list of objects inside a wrapper object."""
    lists = [
        item
        for item in value.values()
        if isinstance(item, list) and item and all(isinstance(x, dict) for x in item)
    ]
    if len(lists) != 1:
        raise ReadError(
            path, "expected a JSON array of article objects (or one object with a 'text' field)"
        )
    return lists[0]


def _kind(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def record_article(
    obj: dict[str, Any],
    origin: str,
    path: str,
    record: str | None,
    options: ReadOptions,
    warnings: list[str],
) -> RawArticle:
    """Map one JSON object's fields (through ``options.field_map``) onto a RawArticle."""
    fields = map_fields(obj, options.field_map)
    text = _text_value(fields.get("text"), path, record)
    return build_article(
        text,
        origin,
        path,
        options,
        record=record,
        title=one_line(fields.get("title")),
        date=parse_date(fields.get("date"), path, record),
        lang=normalise_lang(fields.get("lang")),
        url=one_line(fields.get("url")),
        source=one_line(fields.get("source")),
        author=one_line(fields.get("author")),
        external_id=one_line(fields.get("id")),
        warnings=warnings,
    )


def map_fields(obj: dict[str, Any], field_map: dict[str, str]) -> dict[str, Any]:
    """Known fields by their storyline name; an explicitly mapped field wins over its namesake."""
    fields = {key: value for key, value in obj.items() if key in FIELDS and key not in field_map}
    for key, value in obj.items():
        target = field_map.get(key)
        if target in FIELDS:
            fields[target] = value
    return fields


def _text_value(value: object, path: str, record: str | None) -> str:
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        value = "\n\n".join(value)  # a list of paragraphs
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ReadError(path, TEXT_HINT, record)
    if not isinstance(value, str):
        raise ReadError(path, f"text is {_kind(value)}, not a string", record)
    return value


def read_stream(
    stream: IO[bytes] | IO[str], origin: str, options: ReadOptions
) -> Iterator[ReadResult]:
    """JSON Lines from an open stream (stdin): bytes or text, gzipped or not."""
    lines: Iterable[bytes | str]
    if isinstance(stream, io.TextIOBase):
        lines = stream
    else:
        binary = cast(IO[bytes], stream)
        head = binary.read(2)
        joined = _Prepended(head, binary)
        lines = gzip.GzipFile(fileobj=joined) if head == GZIP_MAGIC else io.BufferedReader(joined)
    it: Iterator[bytes | str] = iter(lines)
    buffered: list[bytes | str] = []
    for raw in it:
        buffered.append(raw)
        if raw.strip():
            break
    first = buffered[-1] if buffered else ""
    if isinstance(first, bytes):
        opens_array = first.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[")
    else:
        opens_array = first.lstrip("\ufeff \t\r\n").startswith("[")
    if not opens_array:
        yield from read_lines(chain(buffered, it), origin, options)
        return
    data = _read_all(chain(buffered, it), origin, options.max_file_bytes)
    text, warnings = decode(data, origin)
    yield from parse_json_text(text, origin, options, warnings)


def _read_all(lines: Iterable[bytes | str], origin: str, limit: int) -> bytes:
    """A whole JSON array from a stream, up to the size limit."""
    parts: list[bytes] = []
    size = 0
    for raw in lines:
        chunk = raw.encode("utf-8") if isinstance(raw, str) else raw
        size += len(chunk)
        if size > limit:
            raise too_large(origin, size, limit, " or more")
        parts.append(chunk)
    return b"".join(parts)


class _Prepended(io.RawIOBase):
    """A binary stream with a few already-read bytes put back in front."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            count = min(len(view), len(self._head))
            view[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)
