"""Everything ingest does to an article before the store sees it: pure, so any process can.

Clean the text, find paragraphs and title, derive the content id, fingerprint it for
near-duplicate lookups and detect its language when the input did not give one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyline.errors import ReadError
from storyline.ingest.dedup import fingerprint
from storyline.ingest.language import detect_languages
from storyline.ingest.normalize import article_id, canonical_words, clean_text
from storyline.ingest.paragraphs import find_paragraphs
from storyline.ingest.records import PendingLine, RawArticle
from storyline.model import Article, Paragraph, PartialDate


@dataclass
class Prepared:
    """An article ready to store, with the MinHash fingerprint its duplicate checks use.

    The signature travels as bytes: between processes they pickle far faster than arrays.
    """

    article: Article
    signature: bytes
    band_keys: list[int]
    warnings: tuple[str, ...] = ()  # what parsing a deferred record noticed

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Flat tuples unpickle about four times faster than nested dataclasses, and the
        # storing process unpickles every article a worker prepares.
        a = self.article
        date = (a.date.year, a.date.month, a.date.day) if a.date else None
        paragraphs = tuple(n for p in a.paragraphs for n in (p.start, p.end, p.heading))
        fields = (a.id, a.text, a.title, date, a.lang, a.url, a.source, a.author)
        more = (a.source_path, a.external_id, a.duplicate_of, a.near_duplicate_of)
        return _restore, (fields + more, paragraphs, self.signature, self.band_keys, self.warnings)


def _restore(
    fields: tuple[Any, ...],
    paragraphs: tuple[Any, ...],
    signature: bytes,
    band_keys: list[int],
    warnings: tuple[str, ...],
) -> Prepared:
    """A Prepared from what ``Prepared.__reduce__`` gave pickle."""
    id_, text, title, date, lang, url, source, author, path, external, dup, near = fields
    article = Article(
        id=id_,
        text=text,
        title=title,
        date=PartialDate(*date) if date else None,
        lang=lang,
        url=url,
        source=source,
        author=author,
        source_path=path,
        external_id=external,
        paragraphs=[Paragraph(*paragraphs[i : i + 3]) for i in range(0, len(paragraphs), 3)],
        duplicate_of=dup,
        near_duplicate_of=near,
    )
    return Prepared(article, signature, band_keys, warnings)


def prepare(raw: RawArticle) -> Article:
    """An article ready to store: clean text, paragraphs, title and content id."""
    return _prepare(raw)[0]


def _prepare(raw: RawArticle) -> tuple[Article, bytes]:
    """The article and its canonical words, which the fingerprint reuses."""
    text = clean_text(raw.text)
    if not text:
        raise ReadError(raw.origin, "no text")
    canonical = canonical_words(text)
    paragraphs, found_title = find_paragraphs(text)
    article = Article(
        id=article_id(text, canonical),
        text=text,
        title=raw.title or found_title,
        date=raw.date,
        lang=raw.lang,
        url=raw.url,
        source=raw.source,
        author=raw.author,
        source_path=raw.origin,
        external_id=raw.external_id,
        paragraphs=paragraphs,
    )
    return article, canonical


def prepare_batch(items: list[RawArticle | PendingLine]) -> list[Prepared | ReadError]:
    """One result per item, in order: prepared and fingerprinted, or the error."""
    results: list[Prepared | ReadError] = []
    for item in items:
        try:
            raw = parsed(item)
            article, canonical = _prepare(raw)
        except ReadError as error:
            results.append(error)
            continue
        fp = fingerprint(article.text, canonical)
        warnings = tuple(raw.warnings) if isinstance(item, PendingLine) else ()
        results.append(Prepared(article, fp.to_bytes(), fp.band_keys, warnings))
    detect_missing_languages([r.article for r in results if isinstance(r, Prepared)])
    return results


def parsed(item: RawArticle | PendingLine) -> RawArticle:
    """The raw article, parsing a deferred record; a ReadError marks it unread if it fails."""
    if isinstance(item, RawArticle):
        return item
    try:
        return item.parse()
    except ReadError as error:
        raise ReadError(error.path, error.reason, error.record, unread=True) from None
    except Exception as exc:  # a parser bug must not stop the other records
        reason = f"unexpected error while reading ({type(exc).__name__}: {exc})"
        raise ReadError(item.origin, reason, f"line {item.number}", unread=True) from None


def detect_missing_languages(articles: list[Article]) -> None:
    """Set ``lang`` where the input gave none."""
    undetected = [a for a in articles if not a.lang]
    if not undetected:
        return
    languages = detect_languages([a.text for a in undetected])
    for article, lang in zip(undetected, languages, strict=True):
        article.lang = lang
