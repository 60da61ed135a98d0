"""Full-text search (SQLite FTS5 over titles and text) and the small article look-ups pages need."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from storyline.model import PartialDate
from storyline.store.sqlite import SQLiteStore

# Snippet markers: control characters never found in cleaned article text, so a caller can
# escape the snippet first and turn the markers into <mark> afterwards.
MARK_START = "\x02"
MARK_END = "\x03"

RANK_ALL = 2000
COUNT_CAP = 10_000

_TERM = re.compile(r'"([^"]*)"?|(\S+)')


@dataclass
class SearchFilter:
    """A full-text query with the same filters as article listing, plus an entity id."""

    query: str
    date_from: str | None = None
    date_to: str | None = None
    lang: str | None = None
    source: str | None = None
    entity: str | None = None
    limit: int | None = 20
    offset: int = 0


@dataclass
class SearchHit:
    id: str
    title: str | None
    date: str | None
    lang: str | None
    source: str | None
    url: str | None
    snippet: str
    score: float
    lead: str = ""


@dataclass
class SearchResult:
    total: int
    hits: list[SearchHit] = field(default_factory=list)
    total_exact: bool = True
    ranked_recent: bool = False  # a broad query: ranked among its most recent matches


def fts_query(text: str) -> str:
    """User text as an FTS5 MATCH expression: every word or "phrase" quoted, all required.

    Quoting makes operators and stray punctuation plain text, so no input is a syntax error;
    a trailing ``*`` on a word keeps its prefix meaning.
    """
    parts: list[str] = []
    for match in _TERM.finditer(text):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            term, prefix = phrase, False
        else:
            prefix = word.endswith("*") and len(word.rstrip("*")) > 0
            term = word.rstrip("*") if prefix else word
        if not re.search(r"\w", term):
            continue
        quoted = '"' + term.replace('"', '""') + '"'
        parts.append(quoted + ("*" if prefix else ""))
    return " ".join(parts)


def has_table(store: SQLiteStore, name: str) -> bool:
    sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return store.conn.execute(sql, (name,)).fetchone() is not None


def _facet(prefix: str, value: str) -> str:
    """A filter token as the index holds it: the value's UTF-8 bytes in hex (letters, digits)."""
    return f'"{prefix}{value.encode("utf-8").hex()}"'


def _day(text: str, last: bool) -> date:
    found = PartialDate.parse(text)
    if found.day is not None or not last:
        return found.first_day()
    if found.month is None:
        return date(found.year, 12, 31)
    following = date(found.year + found.month // 12, found.month % 12 + 1, 1)
    return following - timedelta(days=1)


def date_tokens(start: date, end: date) -> list[str]:
    """The fewest year, month and day tokens that cover ``start`` to ``end``, both included."""
    tokens: list[str] = []
    day = start
    while day <= end:
        if day.month == 1 and day.day == 1 and date(day.year, 12, 31) <= end:
            tokens.append(f"y{day.year}")
            day = date(day.year + 1, 1, 1)
            continue
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        if day.day == 1 and following - timedelta(days=1) <= end:
            tokens.append(f"m{day.year}{day.month:02d}")
            day = following
            continue
        tokens.append(f"d{day.year}{day.month:02d}{day.day:02d}")
        day += timedelta(days=1)
    return tokens


def _date_clause(store: SQLiteStore, filt: SearchFilter) -> str | None:
    """The facets clause for the date range; None when no article can fall in it."""
    # Two subqueries: each is one index seek; MIN and MAX in one SELECT scan the index.
    low, high = store.conn.execute(
        "SELECT (SELECT MIN(date) FROM articles), (SELECT MAX(date) FROM articles)"
    ).fetchone()
    if low is None:
        return None
    start = _day(filt.date_from, last=False) if filt.date_from else date(int(low[:4]), 1, 1)
    end = _day(filt.date_to, last=True) if filt.date_to else date(int(high[:4]), 12, 31)
    tokens = date_tokens(start, end)
    if not tokens:
        return None
    return "(" + " OR ".join(f'"{t}"' for t in tokens) + ")"


def match_expression(store: SQLiteStore, filt: SearchFilter) -> str | None:
    """The MATCH text: the user's words in title and text, the filters as facet tokens."""
    words = fts_query(filt.query)
    if not words:
        return None
    # No column filters: they make FTS5 read every match's positions. Facet tokens (a letter
    # and hex or digits) occur only in the facets column, and words find title and text.
    parts = [words]
    if filt.lang:
        parts.append(_facet("l", filt.lang))
    if filt.source:
        parts.append(_facet("s", filt.source))
    if filt.date_from or filt.date_to:
        dates = _date_clause(store, filt)
        if dates is None:
            return None
        parts.append(dates)
    return " AND ".join(parts)


def _entity_clause(store: SQLiteStore, entity: str) -> tuple[str, list[Any]]:
    """Articles linked to the entity: by resolution (entity_articles) or tagged mentions."""
    linked = "SELECT article_id FROM mentions WHERE entity_id = ?"
    params: list[Any] = [entity]
    if has_table(store, "entity_articles"):
        linked += " UNION SELECT article_id FROM entity_articles WHERE entity_id = ?"
        params.append(entity)
    # The unary + keeps FTS5 from seeking each linked rowid: a set probe per match is cheaper.
    clause = f" AND +articles_fts.rowid IN (SELECT rowid FROM articles WHERE id IN ({linked}))"
    return clause, params


def search_articles(store: SQLiteStore, filt: SearchFilter) -> SearchResult:
    """Articles matching ``filt.query``, best first (BM25; a title hit weighs five times more).

    Filters are tokens in the index, so they cost an intersection, not a row look-up each.
    Ranking scores every match, so a broad query (more than ``RANK_ALL`` matches) is ranked
    among its ``RANK_ALL`` most recently stored matches: a cost that stays flat as the store
    grows. Counting stops at ``COUNT_CAP`` (``total_exact`` is then False).
    """
    match = match_expression(store, filt)
    if match is None:
        return SearchResult(total=0)
    where = " WHERE articles_fts MATCH ?"
    params: list[Any] = [match]
    if filt.entity:
        clause, extra = _entity_clause(store, filt.entity)
        where += clause
        params += extra
    capped = f"SELECT COUNT(*) FROM (SELECT 1 FROM articles_fts{where} LIMIT {COUNT_CAP + 1})"
    total = int(store.conn.execute(capped, params).fetchone()[0])
    broad = total > RANK_ALL
    scored = (
        "SELECT articles_fts.rowid AS rid, bm25(articles_fts, 5.0, 1.0, 0.0) AS score "
        f"FROM articles_fts{where}"
    )
    if broad:
        scored += f" ORDER BY articles_fts.rowid DESC LIMIT {RANK_ALL}"
    top = f"SELECT rid, score FROM ({scored}) ORDER BY score"
    page = list(params)
    if filt.limit is not None:
        top += " LIMIT ? OFFSET ?"
        page.extend([filt.limit, filt.offset])
    # Snippets only for the page: the outer query finds each row by rowid within the match.
    sql = (
        "SELECT a.id, a.title, a.date, a.lang, a.source, a.url, "
        f"snippet(articles_fts, 1, '{MARK_START}', '{MARK_END}', '…', 24), t.score, "
        f"substr(a.text, 1, 200) FROM ({top}) t "
        "JOIN articles_fts ON articles_fts.rowid = t.rid JOIN articles a ON a.rowid = t.rid "
        "WHERE articles_fts MATCH ? ORDER BY t.score"
    )
    hits = [
        SearchHit(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "", float(r[7]), r[8])
        for r in store.conn.execute(sql, [*page, fts_query(filt.query)])
    ]
    return SearchResult(
        total=min(total, COUNT_CAP),
        hits=hits,
        total_exact=total <= COUNT_CAP,
        ranked_recent=broad,
    )


def rebuild_search_index(store: SQLiteStore) -> None:
    """Rebuild the FTS index from the articles table (after a VACUUM, for instance)."""
    with store.transaction():
        store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")


@dataclass
class ArticleBrief:
    """What a list or a timeline shows of an article: no text."""

    id: str
    title: str | None
    date: str | None
    source: str | None
    url: str | None
    lang: str | None
    lead: str


_BRIEF = "SELECT id, title, date, source, url, lang, substr(text, 1, 200) AS lead FROM articles"


def _brief(row: sqlite3.Row) -> ArticleBrief:
    return ArticleBrief(
        row["id"], row["title"], row["date"], row["source"], row["url"], row["lang"], row["lead"]
    )


def article_briefs(store: SQLiteStore, ids: Iterable[str]) -> dict[str, ArticleBrief]:
    """Title, date and source of each known id (unknown ids are left out)."""
    wanted = list(dict.fromkeys(ids))
    found: dict[str, ArticleBrief] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" for _ in chunk)
        for row in store.conn.execute(f"{_BRIEF} WHERE id IN ({marks})", chunk):
            found[row["id"]] = _brief(row)
    return found


def newest_briefs(store: SQLiteStore, ids: list[str], limit: int) -> list[ArticleBrief]:
    """The ``limit`` newest of the given articles, newest first."""
    sql = (
        f"{_BRIEF} WHERE id IN (SELECT value FROM json_each(?)) "
        "ORDER BY date IS NULL, date DESC, id LIMIT ?"
    )
    return [_brief(row) for row in store.conn.execute(sql, (json.dumps(ids), limit))]


def recent_articles(store: SQLiteStore, limit: int = 20) -> list[ArticleBrief]:
    """The newest articles first (undated ones last)."""
    sql = f"{_BRIEF} ORDER BY date IS NULL, date DESC, id LIMIT ?"
    return [_brief(row) for row in store.conn.execute(sql, (limit,))]


def articles_per_day(store: SQLiteStore, ids: Iterable[str]) -> list[tuple[str, int]]:
    """(date, count) for the given articles, oldest first; dates at their stored precision."""
    counts: dict[str, int] = {}
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" for _ in chunk)
        sql = (
            f"SELECT date, COUNT(*) FROM articles WHERE id IN ({marks}) "
            "AND date IS NOT NULL GROUP BY date"
        )
        for day, count in store.conn.execute(sql, chunk):
            counts[day] = counts.get(day, 0) + count
    return sorted(counts.items())


def split_snippet(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """A snippet's plain text and the (start, end) offsets of its matched words."""
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for char in snippet:
        if char == MARK_START:
            start = length
        elif char == MARK_END and start is not None:
            spans.append((start, length))
            start = None
        else:
            text.append(char)
            length += 1
    return "".join(text), spans
