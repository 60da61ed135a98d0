"""Sentence splitting: abbreviations, initials, quotes, headings."""

from __future__ import annotations

import pytest

from storyline.analyze.sentences import SentenceStage, split_sentences
from storyline.model import Article, Document, Paragraph


def sentences(text: str, lang: str = "nl") -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, lang, [Paragraph(0, len(text))])]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Dhr. Jansen zei dat het goed ging. Hij vertrok."),
        ("nl", "Er kwamen o.a. drie ministers. Hij vertrok."),
        ("nl", "Volgens mr. De Vries is het voorbij. Hij vertrok."),
        ("nl", "Het kost 3 mld. euro per jaar. Hij vertrok."),
        ("en", "The U.S. Attorney General spoke today. He left."),
        ("en", "Attorney General J. Sessions spoke today. He left."),
    ],
)
def test_no_break_after_abbreviations_and_initials(lang: str, text: str) -> None:
    assert len(sentences(text, lang)) == 2


def test_no_break_inside_quotes() -> None:
    text = '"Ik ga weg. Echt waar", zei hij. Toen ging hij.'
    assert sentences(text) == ['"Ik ga weg. Echt waar", zei hij.', "Toen ging hij."]


def test_quote_closing_the_sentence_stays_with_it() -> None:
    text = 'Hij zei: "Het is onzin." Daarna vertrok hij.'
    assert sentences(text) == ['Hij zei: "Het is onzin."', "Daarna vertrok hij."]


def test_question_and_exclamation_marks_end_sentences() -> None:
    assert sentences("Wat is dit? Niemand weet het! Zo gaat het.") == [
        "Wat is dit?",
        "Niemand weet het!",
        "Zo gaat het.",
    ]


def test_lower_case_after_stop_does_not_break() -> None:
    assert len(sentences("Het was 12 u. later dan gepland. Daarna niet.")) == 2


def test_headings_never_become_sentences() -> None:
    text = "Inmenging Rusland\n\nSessions zei niets. Trump ook niet."
    paragraphs = [Paragraph(0, 17, heading=True), Paragraph(19, len(text))]
    spans = split_sentences(text, "nl", paragraphs)
    assert [text[s.start : s.end] for s in spans] == ["Sessions zei niets.", "Trump ook niet."]


def test_stage_uses_whole_text_without_paragraphs() -> None:
    doc = Document(Article(id="a", text="Een zin. Nog een zin.", lang="nl"))
    (out,) = SentenceStage()([doc])
    assert [(s.start, s.end) for s in out.sentences] == [(0, 8), (9, 21)]


def test_dotted_initials_end_no_sentence() -> None:
    text = "“We are here,” said spokesman P.J. Crowley. He left. J.R.R. Tolkien wrote."
    found = [text[s.start : s.end] for s in split_sentences(text, "en", [Paragraph(0, len(text))])]
    assert found == [
        "“We are here,” said spokesman P.J. Crowley.",
        "He left.",
        "J.R.R. Tolkien wrote.",
    ]
