"""Analysis rows (sentences, mentions, timexes, quotes) to and from SQL."""

from __future__ import annotations

import json
import sqlite3

from storyline.model import Article, Document, Mention, Quote, Span, Timex

_TABLES = ("sentences", "mentions", "timexes", "quotes")


def replace_analysis(conn: sqlite3.Connection, doc: Document) -> None:
    """Replace everything stored for ``doc``'s article with what ``doc`` holds now."""
    article_id = doc.article.id
    for table in _TABLES:
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO sentences VALUES (?, ?, ?, ?)",
        [(article_id, i, s.start, s.end) for i, s in enumerate(doc.sentences)],
    )
    conn.executemany(
        "INSERT INTO mentions (article_id, start, end, text, label, entity_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(article_id, m.start, m.end, m.text, m.label, m.entity_id) for m in doc.entities],
    )
    conn.executemany(
        "INSERT INTO timexes (article_id, start, end, text, type, value, mod, anchor, "
        "underspecified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                t.start,
                t.end,
                t.text,
                t.type,
                t.value,
                t.mod,
                t.anchor,
                int(t.underspecified),
            )
            for t in doc.timexes
        ],
    )
    conn.executemany(
        "INSERT INTO quotes (article_id, start, end, text, kind, cue, speaker_text, "
        "speaker_start, speaker_end, speaker_label, speaker_entity, date, flags) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_quote_row(article_id, q) for q in doc.quotes],
    )


def _quote_row(article_id: str, quote: Quote) -> tuple[object, ...]:
    speaker = quote.speaker
    return (
        article_id,
        quote.start,
        quote.end,
        quote.text,
        quote.kind,
        quote.cue,
        speaker.text if speaker else None,
        speaker.start if speaker else None,
        speaker.end if speaker else None,
        speaker.label if speaker else None,
        quote.speaker_entity,
        quote.date,
        json.dumps(quote.flags),
    )


def load_analysis(conn: sqlite3.Connection, article: Article) -> Document:
    key = (article.id,)
    doc = Document(article=article)
    doc.sentences = [
        Span(r["start"], r["end"])
        for r in conn.execute("SELECT * FROM sentences WHERE article_id = ? ORDER BY idx", key)
    ]
    doc.entities = [
        Mention(r["start"], r["end"], r["text"], r["label"], r["entity_id"])
        for r in conn.execute("SELECT * FROM mentions WHERE article_id = ? ORDER BY start", key)
    ]
    doc.timexes = [
        Timex(
            r["start"],
            r["end"],
            r["text"],
            r["type"],
            r["value"],
            r["mod"],
            r["anchor"],
            bool(r["underspecified"]),
        )
        for r in conn.execute("SELECT * FROM timexes WHERE article_id = ? ORDER BY start", key)
    ]
    doc.quotes = [
        row_quote(r)
        for r in conn.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY start", key)
    ]
    return doc


def row_quote(r: sqlite3.Row) -> Quote:
    speaker = None
    if r["speaker_text"] is not None:
        speaker = Mention(
            r["speaker_start"], r["speaker_end"], r["speaker_text"], r["speaker_label"] or "PER"
        )
    return Quote(
        r["start"],
        r["end"],
        r["text"],
        r["kind"],
        r["cue"],
        speaker,
        r["speaker_entity"],
        r["date"],
        json.loads(r["flags"]),
    )
