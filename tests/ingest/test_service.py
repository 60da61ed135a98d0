"""Ingest end to end into a store: dedup, language, idempotence, bad input."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.ingest.records import RawArticle, ReadOptions
from storyline.ingest.service import ingest_paths, ingest_records
from storyline.store import ArticleFilter
from storyline.store.sqlite import SQLiteStore

TEXTS = {
    "nl": "De minister van Justitie trekt zich terug uit het onderzoek naar Russische inmenging. "
    "Hij zei dat hij de Russische ambassadeur twee keer had ontmoet tijdens de campagne.",
    "en": "The attorney general recused himself from the investigation into Russian meddling. "
    "He said he had met the Russian ambassador twice during the campaign last year.",
    "de": "Der Justizminister zieht sich aus den Ermittlungen zur russischen Einmischung zurück. "
    "Er sagte, er habe den russischen Botschafter zweimal während des Wahlkampfs getroffen.",
    "fr": "Le ministre de la Justice se retire de l'enquête sur l'ingérence russe. "
    "Il a déclaré avoir rencontré l'ambassadeur de Russie à deux reprises pendant la campagne.",
    "es": "El fiscal general se aparta de la investigación sobre la injerencia rusa. "
    "Dijo que se había reunido dos veces con el embajador ruso durante la campaña electoral.",
}


def test_the_seed_folder_is_stored_once_even_when_ingested_twice(
    store: SQLiteStore, examples: Path
) -> None:
    first = ingest_paths([str(examples)], store)
    second = ingest_paths([str(examples)], store)
    assert (first.read, first.stored, first.failed) == (4, 4, 0)
    assert (second.stored, second.duplicate) == (0, 4)
    assert store.count_articles() == 4
    dates = {a.date.iso() for a in store.list_articles(ArticleFilter(limit=None)) if a.date}
    assert dates == {"2017-03", "2017-05", "2017-11"}
    assert all(a.date and a.date.precision == "month" for a in store.list_articles(ArticleFilter()))


def test_language_is_detected_and_a_given_language_wins(store: SQLiteStore) -> None:
    records = [RawArticle(text=text, origin=f"mem:{lang}") for lang, text in TEXTS.items()]
    records.append(RawArticle(text=TEXTS["en"] + " Extra.", origin="mem:forced", lang="nl"))
    counts = ingest_records(records, store)
    assert counts.stored == 6
    found = {a.source_path: a.lang for a in store.list_articles(ArticleFilter(limit=None))}
    assert found == {f"mem:{lang}": lang for lang in TEXTS} | {"mem:forced": "nl"}


def test_exact_copies_are_skipped_and_near_copies_linked(
    store: SQLiteStore, examples: Path
) -> None:
    original = next(examples.glob("001_*.txt")).read_text(encoding="utf-8").split(None, 2)[2]
    near = original.replace("persconferentie", "bijeenkomst", 1) + "\n\n(Bron: Belga)"
    records = [
        RawArticle(text=original, origin="a"),
        RawArticle(text="  " + original.upper() + "  ", origin="b"),
        RawArticle(text=near, origin="c"),
    ]
    counts = ingest_records(records, store)
    assert (counts.stored, counts.duplicate, counts.near_duplicate) == (2, 1, 1)
    by_origin = {a.source_path: a for a in store.list_articles(ArticleFilter(limit=None))}
    assert by_origin["c"].near_duplicate_of == by_origin["a"].id


def test_bad_records_are_reported_and_the_rest_is_stored(
    store: SQLiteStore, tmp_path: Path
) -> None:
    feed = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": "1", "text": TEXTS["nl"], "date": "2017-03-02"}),
        "{not json",
        json.dumps({"id": "3", "title": "geen tekst"}),
        json.dumps({"id": "4", "text": TEXTS["en"], "date": "2017-05"}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    seen: list[str] = []
    from storyline.ingest.service import IngestEvents

    counts = ingest_paths(
        [str(tmp_path)], store, ReadOptions(), IngestEvents(on_error=lambda e: seen.append(str(e)))
    )
    assert (counts.stored, counts.failed) == (2, 3)
    assert any("dump.jsonl:line 2" in message for message in seen)
    assert any("empty.txt" in message for message in seen)
    assert store.stats()["ingest_runs"] == 1


def test_paragraph_headings_survive_the_store(store: SQLiteStore, examples: Path) -> None:
    ingest_paths([str(next(examples.glob("000_*.txt")))], store)
    article = store.list_articles(ArticleFilter())[0]
    headings = [article.text[p.start : p.end] for p in article.paragraphs if p.heading]
    assert headings == ["Inmenging Rusland", "'Niets misleidend'", "Flynn"]
