"""The subject of a narration line that ends in a colon (on the quote's line or the line
above it): left out of the last clause, put after the verb, or a person noun no news role
list holds; and a speech verb in a subordinate clause."""

from __future__ import annotations

import pytest

from storyline.analyze.quote_conjuncts import CLAUSE_SUBJECT, colon_subject
from storyline.analyze.quote_marks import blank_line_paragraphs
from storyline.analyze.quote_words import words
from storyline.analyze.quotes import find_quotes
from storyline.analyze.sentences import split_sentences
from storyline.model import Quote


def found(text: str) -> list[Quote]:
    """The quotes of a Dutch ``text`` whose paragraphs are separated by blank lines."""
    paras = blank_line_paragraphs(text)
    return find_quotes(text, "nl", split_sentences(text, "nl", paras), [], paras)


def subject(clause: str, lang: str = "nl") -> tuple[str, str] | None:
    """(cue, speaker text) that ``colon_subject`` reads from ``clause`` (without its colon)."""
    found = colon_subject(clause, words(clause, 0, len(clause)), lang, lambda phrase: True)
    if found is None:
        return None
    cue, phrase, side = found
    assert side == "pre" and CLAUSE_SUBJECT in phrase.notes
    return cue, clause[phrase.start : phrase.end]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # the last clause leaves its subject out: the first clause's subject speaks
        ("Toen stond opa op , pakte zijn pet en zei lachend", ("zei", "opa")),
        ("Later kwam ze de kamer in en fluisterde", ("fluisterde", "ze")),
        ("De volgende dag keek hij weer naar buiten en mompelde", ("mompelde", "hij")),
        ("He stood up , looked around and said", ("said", "He")),
        # a relative clause between them is passed over
        ("En de buurvrouw , die alles zag , riep", ("riep", "de buurvrouw")),
        # the last clause has its own subject, a diminutive or a compound person noun
        ("Hij gaf haar een koekje en het jongetje vroeg", ("vroeg", "het jongetje")),
        ("Het was stil , omdat de schoonzuster eens had gezegd", ("eens", "de schoonzuster")),
    ],
)
def test_the_subject_of_the_clause_before_a_colon(clause: str, expected: tuple[str, str]) -> None:
    assert subject(clause) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "Op het bord bij de ingang stond",  # nobody
        "Een gedachte schoot door haar hoofd",  # no person, no verb-first last clause
        "Daarna liep je naar de deur en riep",  # the narration's "je" speaks for nobody
        "Den volgenden ochtend las de krant en zei",  # "Den" is no name, "de krant" no one
        "Het was laat en op straat zei",  # a clause that opens with neither
    ],
)
def test_no_subject_where_the_clause_names_nobody(clause: str) -> None:
    assert subject(clause) is None


def test_an_object_in_a_clause_that_opens_with_its_verb_is_passed_over() -> None:
    assert subject("Hij las de brief voor en zag zijn broer en dacht") == ("dacht", "Hij")


def test_a_clause_subject_speaks_its_quote_and_takes_no_later_ones() -> None:
    text = (
        "Dora zat bij het raam.\n"
        "Toen stond de tante op, vouwde de krant dubbel en zei geeuwend: “Tijd voor bed.”\n"
        "“Ja tante.”\n"
    )
    first = next(q for q in found(text) if q.text.startswith("Tijd"))
    assert first.speaker is not None and first.speaker.text == "de tante"
    assert first.cue == "zei" and CLAUSE_SUBJECT in first.flags


def test_a_speech_verb_in_a_subordinate_clause_takes_that_clauses_subject() -> None:
    text = (
        "Piet Bos en Jan Smit woonden naast elkaar.\n"
        "Piet was lang kwaad geweest, omdat Jan eens had gezegd: “Jij liegt altijd.”\n"
    )
    (quote,) = found(text)
    assert quote.speaker is not None and quote.speaker.text == "Jan"


def test_a_line_of_narration_that_ends_in_a_colon_cues_the_quote_below() -> None:
    text = (
        "Premier Mark Rutte sprak de Kamer toe.\n\n"
        "Na een lange stilte zei Rutte:\n\n"
        "“We gaan door.”\n"
    )
    (quote,) = found(text)
    assert quote.speaker is not None and quote.speaker.text == "Rutte"
    assert quote.cue == "zei"
