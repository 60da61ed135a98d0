from __future__ import annotations

from pathlib import Path

from storyline.ingest.normalize import clean_text
from storyline.ingest.paragraphs import find_paragraphs


def _body(path: Path) -> str:
    return clean_text(path.read_text(encoding="utf-8").split(None, 2)[2])


def _headings(text: str) -> list[str]:
    paragraphs, _ = find_paragraphs(text)
    return [text[p.start : p.end] for p in paragraphs if p.heading]


def test_seed_subheadings_are_marked(examples: Path) -> None:
    text = _body(next(examples.glob("000_*.txt")))
    assert _headings(text) == ["Inmenging Rusland", "'Niets misleidend'", "Flynn"]


def test_scraped_title_debris_and_glued_labels(examples: Path) -> None:
    text = _body(next(examples.glob("002_*.txt")))
    paragraphs, title = find_paragraphs(text)
    headings = _headings(text)
    assert (
        title == 'Poetin: "Beschuldigingen van Russische inmenging in VS-verkiezingen zijn onzin"'
    )
    assert "Verkiezingen VS" in headings
    assert '"Beledigd"' in headings
    body = next(p for p in paragraphs if text[p.start :].startswith("De geruchten"))
    assert not body.heading


def test_paragraph_offsets_cover_the_text_exactly() -> None:
    text = (
        "Titel van het stuk\n\nEerste alinea. Met twee zinnen.\n\n"
        "Kopje\n\nTweede alinea loopt door."
    )
    paragraphs, title = find_paragraphs(text)
    assert title == "Titel van het stuk"
    assert [text[p.start : p.end] for p in paragraphs] == [
        "Titel van het stuk",
        "Eerste alinea. Met twee zinnen.",
        "Kopje",
        "Tweede alinea loopt door.",
    ]
    assert [p.heading for p in paragraphs] == [True, False, True, False]


def test_a_single_paragraph_is_never_a_heading() -> None:
    paragraphs, title = find_paragraphs("Kort bericht")
    assert title is None
    assert [p.heading for p in paragraphs] == [False]


def test_sentences_ending_in_a_full_stop_are_not_headings() -> None:
    text = "Hij kwam.\n\nDe minister trad af.\n\nEen lange alinea die gewoon verder gaat met tekst."
    assert _headings(text) == []


def test_a_sentence_ending_inside_a_closing_mark_is_no_heading() -> None:
    text = (
        "Het kabinet is gevallen.\n\nRutte: „Het is niemands schuld.”\n\n„Niets misleidend”\n\n"
        "Een lange alinea die gewoon verder gaat met tekst."
    )
    assert _headings(text) == ["„Niets misleidend”"]
