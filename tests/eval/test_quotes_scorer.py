"""The OpenBoek speaker scorer (eval/quotes.py) on a small file written here: which system
mentions count as a mention of the gold character."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from storyline.model import Mention, Quote
from tests.eval.scripts import load_eval_script

ROOT = Path(__file__).resolve().parents[2]

XML = """<?xml version='1.0' encoding='UTF-8'?>
<doc><characters><character aliases="ik" id="0" name="ik" />\
<character aliases="Sherlock Holmes" id="1" name="Sherlock_Holmes" />\
<character aliases="mevrouw Verstraeten" id="2" name="tante" />\
<character aliases="Lili Verstraeten" id="3" name="Lili_Verstraeten" />\
<character aliases="een meisje" id="4" name="een_meisje" /></characters><text>\
Ik zat bij Sherlock Holmes en Lili .
 <quote speaker="Sherlock_Holmes" connection="s2" id="s1">" Kom hier , "</quote> zei \
<mention speaker="Sherlock_Holmes" connection="s1" id="s2">hij</mention> .
 <quote speaker="ik" connection="s4" id="s3">" Ja , "</quote> zei \
<mention speaker="ik" connection="s3" id="s4">ik</mention> .
 <quote speaker="een_meisje" connection="s6" id="s5">" Dag . "</quote> \
<mention speaker="een_meisje" connection="s5" id="s6">een meisje met een schort</mention> lachte .
</text></doc>
"""


@pytest.fixture(scope="module")
def ev() -> ModuleType:
    return load_eval_script("quotes")


@pytest.fixture()
def book(ev: ModuleType, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "Test_Book.xml"
    path.write_text(XML, encoding="utf-8")
    return ev.read_book(path)


def _mention(text: str, said: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(said, start + 1)
    return Mention(start, start + len(said), said, "PER")


def _quote(gold, speaker: Mention, flags: list[str] | None = None) -> Quote:  # type: ignore[no-untyped-def]
    return Quote(gold.start, gold.end, "", "direct", speaker=speaker, flags=flags or [])


def test_gold_quotes_and_narrator_are_read(book) -> None:  # type: ignore[no-untyped-def]
    assert [q.speaker for q in book.quotes] == ["Sherlock_Holmes", "ik", "een_meisje"]
    assert book.narrators == {"ik"}  # "zei ik" outside the quotes


def test_any_name_form_of_the_character_counts(ev, book) -> None:  # type: ignore[no-untyped-def]
    holmes = _mention(book.text, "Holmes")  # in the narration, not a gold mention
    assert ev._entity_ok(book, book.quotes[0], _quote(book.quotes[0], holmes))
    assert ev.denotes(book, holmes.start, holmes.end, "Holmes") == {"Sherlock_Holmes"}


def test_a_surname_goes_to_the_character_it_names_exactly(ev, book) -> None:  # type: ignore[no-untyped-def]
    assert ev.denotes(book, 0, 0, "mevrouw Verstraeten") == {"tante"}
    assert ev.denotes(book, 0, 0, "Verstraeten") == {"tante"}
    assert ev.denotes(book, 0, 0, "Lili") == {"Lili_Verstraeten"}


def test_first_person_in_narration_is_the_narrator(ev, book) -> None:  # type: ignore[no-untyped-def]
    ik = _mention(book.text, "Ik")
    assert ev._entity_ok(book, book.quotes[1], _quote(book.quotes[1], ik))
    assert not ev._entity_ok(book, book.quotes[0], _quote(book.quotes[0], ik))


def test_cue_pronoun_counts_at_dataset_level_only(ev, book) -> None:  # type: ignore[no-untyped-def]
    gold = book.quotes[0]
    hij = _mention(book.text, "hij")
    wrong = _mention(book.text, "Lili")  # the pronoun resolved to the wrong person
    pred = _quote(gold, wrong, [f"pronoun:hij@{hij.start}"])
    assert ev._speaker_ok(book, gold, pred)
    assert not ev._entity_ok(book, gold, pred)
    # a pronoun that is a gold mention of someone else decides against the quote
    ik = _mention(book.text, "ik", 0)
    other = _quote(gold, _mention(book.text, "Holmes"), [f"pronoun:ik@{ik.start}"])
    assert not ev._speaker_ok(book, gold, other)


def test_a_stray_word_inside_a_long_gold_mention_is_no_mention(ev, book) -> None:  # type: ignore[no-untyped-def]
    gold = book.quotes[2]
    stray = _mention(book.text, "met")
    assert not ev._entity_ok(book, gold, _quote(gold, stray))
    head = _mention(book.text, "een meisje")
    assert ev._entity_ok(book, gold, _quote(gold, head))
