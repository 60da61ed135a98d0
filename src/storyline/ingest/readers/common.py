"""Shared helpers for the readers: loading bytes, decoding, text and date normalisation."""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import os
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import parsedate_to_datetime
from typing import BinaryIO, cast

from storyline.errors import InvalidDateError, ReadError
from storyline.ingest.records import RawArticle, ReadOptions
from storyline.model import PartialDate

GZIP_MAGIC = b"\x1f\x8b"
CP1252_WARNING = "not valid UTF-8: decoded as Windows-1252 (cp1252); check accented characters"
_MB = 1024 * 1024
# Unicode category Cc (C0 and C1 controls) less the allowed ones; a regex is ~50x faster.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
# The same C0 controls as bytes: in UTF-8 an ASCII byte is always that character.
_C0_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1A), *range(0x1B, 0x20), 0x7F])
_BOMS_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def human_size(n: int) -> str:
    """Bytes as a short text: 150 MB, 1.5 MB, 300 KB or 12 bytes."""
    if n >= _MB:
        return f"{n / _MB:.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{n} bytes"


def too_large(path: str, size: int, limit: int, what: str = "") -> ReadError:
    return ReadError(path, f"file too large ({human_size(size)}{what} > {human_size(limit)} limit)")


def load_bytes(path: str, options: ReadOptions) -> bytes:
    """Read a whole file (gunzipped when it is gzip), refusing files over the size limit."""
    limit = options.max_file_bytes
    size = os.path.getsize(path)
    if size > limit:
        raise too_large(path, size, limit)
    with open(path, "rb") as handle:
        data = handle.read()
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
            inner = unzipped.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise ReadError(path, f"corrupt or truncated gzip file ({exc})") from None
    if len(inner) > limit:
        raise too_large(path, len(inner), limit, " or more, unzipped")
    return inner


@contextmanager
def open_binary(path: str) -> Iterator[BinaryIO]:
    """Open a file for streaming, transparently gunzipping it when it starts with gzip magic."""
    with open(path, "rb") as handle:
        if handle.peek(2)[:2] == GZIP_MAGIC:
            with gzip.GzipFile(fileobj=handle) as unzipped:
                yield cast(BinaryIO, unzipped)
        else:
            yield handle


def read_head(path: str, size: int = 65536) -> bytes:
    """The first ``size`` bytes of a file (of its content, when it is gzip)."""
    try:
        with open_binary(path) as handle:
            return handle.read(size)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise ReadError(path, f"corrupt or truncated gzip file ({exc})") from None


def has_utf16_bom(data: bytes) -> bool:
    return data.startswith(_BOMS_UTF16)


def is_binary(data: bytes) -> bool:
    """True for bytes that are clearly not text: NUL bytes outside UTF-16."""
    return b"\x00" in data and not has_utf16_bom(data)


def decode(data: bytes, path: str, record: str | None = None) -> tuple[str, list[str]]:
    """Decode text: UTF-8 (BOM or not), UTF-16 with BOM, else cp1252 with a warning."""
    if has_utf16_bom(data):
        try:
            return _check_text(data.decode("utf-16"), path, record), []
        except UnicodeDecodeError:
            raise ReadError(path, "undecodable UTF-16 text", record) from None
    if b"\x00" in data:
        raise ReadError(path, "binary file, not text (contains NUL bytes)", record)
    try:
        return _check_utf8(data, data.decode("utf-8-sig"), path, record), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ReadError(
            path, "binary or undecodable file: neither UTF-8 nor Windows-1252 text", record
        ) from None
    return _check_text(text, path, record), [CP1252_WARNING]


def _check_utf8(data: bytes, text: str, path: str, record: str | None) -> str:
    """``_check_text`` for text decoded from UTF-8 ``data``, counting on the bytes when it can."""
    if b"\xc2" in data:  # may hold C1 controls (U+0080-U+009F are \xc2\x80-\xc2\x9f)
        return _check_text(text, path, record)
    return _judge(len(data) - len(data.translate(None, _C0_CONTROL_BYTES)), text, path, record)


def _check_text(text: str, path: str, record: str | None) -> str:
    return _judge(len(_CONTROL_CHARS.findall(text)), text, path, record)


def _judge(controls: int, text: str, path: str, record: str | None) -> str:
    if controls > max(2, len(text) // 100):
        raise ReadError(path, "binary file, not text (too many control characters)", record)
    return text


def normalise_text(text: str) -> str:
    """Paragraphs separated by exactly one blank line; lines stripped; words untouched."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.lstrip("\ufeff").splitlines():
        stripped = line.strip()
        if stripped:
            current.append(stripped)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return "\n\n".join(paragraphs)


def one_line(value: object) -> str | None:
    """A metadata value as a single stripped line, or None when empty."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        value = ", ".join(str(item) for item in value if item is not None)
    text = " ".join(str(value).split())
    return text or None


def normalise_lang(value: object) -> str | None:
    """``nl-NL`` / ``NL`` / ``en_GB`` -> ``nl`` / ``nl`` / ``en``."""
    text = one_line(value)
    if not text:
        return None
    return re.split(r"[-_]", text, maxsplit=1)[0].lower() or None


_RFC_LIKE = re.compile(r"[A-Za-z]{3},?\s+\d{1,2}\s+[A-Za-z]{3}|\d{1,2}\s+[A-Za-z]{3}\s+\d{4}")


def parse_date(value: object, path: str, record: str | None = None) -> PartialDate | None:
    """An ISO date of any precision (or RFC 2822) -> PartialDate; a bad one is a ReadError."""
    if value is None or value == "":
        return None
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return PartialDate(value)
    if isinstance(value, str) and value.strip():
        found = _parse_date_text(value.strip())
        if found is not None:
            return found
    raise ReadError(
        path,
        f"bad date {value!r} (expected an ISO date such as 2017, 2017-03 or 2017-03-02)",
        record,
    )


def _parse_date_text(text: str) -> PartialDate | None:
    try:
        return PartialDate.parse(text)
    except InvalidDateError:
        pass
    if _RFC_LIKE.search(text):
        try:
            return PartialDate.from_date(parsedate_to_datetime(text).date())
        except (TypeError, ValueError, IndexError):
            return None
    return None


def build_article(
    text: str,
    origin: str,
    path: str,
    options: ReadOptions,
    *,
    record: str | None = None,
    title: str | None = None,
    date: PartialDate | None = None,
    lang: str | None = None,
    url: str | None = None,
    source: str | None = None,
    author: str | None = None,
    external_id: str | None = None,
    warnings: list[str] | None = None,
) -> RawArticle:
    """Normalise the text and apply the defaults; no text left is a ReadError."""
    body = normalise_text(text)
    if not body:
        raise ReadError(path, "no text", record)
    return RawArticle(
        text=body,
        origin=origin,
        title=title,
        date=date or options.default_date,
        lang=lang or options.default_lang,
        url=url,
        source=source,
        author=author,
        external_id=external_id,
        warnings=list(warnings or []),
    )
