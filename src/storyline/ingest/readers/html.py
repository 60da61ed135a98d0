"""Saved HTML pages: main text, title, date and author via trafilatura (never fetches)."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from storyline.errors import ReadError
from storyline.ingest.readers.common import (
    build_article,
    decode,
    is_binary,
    load_bytes,
    normalise_lang,
    one_line,
    parse_date,
)
from storyline.ingest.readers.htmltext import element_to_text
from storyline.ingest.records import RawArticle, ReadOptions

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_LANG = re.compile(
    r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", re.I
)
# Browsers read pages labelled Latin-1 or ASCII as Windows-1252 (WHATWG encoding standard).
_AS_CP1252 = frozenset({"latin_1", "ascii", "cp1252", "iso8859_1"})


def read_html(path: str, options: ReadOptions) -> Iterator[RawArticle]:
    """One article per saved page; a page without main text is a ReadError."""
    data = load_bytes(path, options)
    if not data.strip():
        raise ReadError(path, "empty file (only whitespace)" if data else "empty file")
    page, warnings = decode_page(data, path)
    yield page_article(page, path, options, warnings)


def decode_page(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decode with the page's declared charset when it works, else UTF-8 / cp1252."""
    if is_binary(data):
        return decode(data, path)
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name.replace("-", "_")
            return data.decode("cp1252" if name in _AS_CP1252 else name), []
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, path)


def page_article(page: str, path: str, options: ReadOptions, warnings: list[str]) -> RawArticle:
    """Extract the main text and metadata of a decoded page."""
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(
            page, url=None, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise ReadError(path, f"could not parse the HTML page ({exc})") from None
    body = getattr(doc, "body", None)
    text = element_to_text(body) if body is not None else ""
    if not text:
        raise ReadError(path, "no article text found in the HTML page")
    found = None
    date_text = getattr(doc, "date", None)
    if date_text:
        try:
            found = parse_date(date_text, path)
        except ReadError:
            warnings = [*warnings, f"ignored an unreadable page date {date_text!r}"]
    lang = _HTML_LANG.search(page[:4096])
    return build_article(
        text,
        path,
        path,
        options,
        title=one_line(getattr(doc, "title", None)),
        date=found,
        lang=normalise_lang(lang.group(1)) if lang else None,
        url=one_line(getattr(doc, "url", None)),
        source=one_line(getattr(doc, "sitename", None)),
        author=one_line(getattr(doc, "author", None)),
        warnings=warnings,
    )
