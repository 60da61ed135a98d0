"""Tokeniser: spaCy rules plus the abbreviations Dutch and English news use."""

from __future__ import annotations

import pytest

from storyline.analyze.tokens import TokenStage, tokenize
from storyline.model import Article, Document


def texts(text: str, lang: str) -> list[str]:
    return [t.text for t in tokenize(text, lang)]


@pytest.mark.parametrize(
    "abbreviation", ["mld.", "dhr.", "o.a.", "mr.", "Dhr.", "t.a.v.", "z.g.a.n."]
)
def test_dutch_abbreviations_stay_whole(abbreviation: str) -> None:
    assert abbreviation in texts(f"Het kost 3 {abbreviation} volgens de krant.", "nl")


def test_english_abbreviations_stay_whole() -> None:
    tokens = texts("The U.S. Sen. Jeff Sessions met Mr. Kislyak.", "en")
    assert tokens[:3] == ["The", "U.S.", "Sen."]
    assert "Mr." in tokens


def test_sentence_final_full_stop_is_split() -> None:
    assert texts("Hij zei nee.", "nl")[-2:] == ["nee", "."]


def test_offsets_point_into_text_and_skip_whitespace() -> None:
    text = '  Poetin:\n\n"Het is onzin",  zegt hij. '
    tokens = tokenize(text, "nl")
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert all(t.text.strip() for t in tokens)
    assert [t.text for t in tokens][:3] == ["Poetin", ":", '"']


def test_unknown_language_still_tokenises() -> None:
    assert texts("Merhaba dünya.", "tr") == ["Merhaba", "dünya", "."]


def test_stage_fills_tokens() -> None:
    doc = Document(Article(id="a", text="Dhr. Trump sprak.", lang="nl"))
    (out,) = TokenStage()([doc])
    assert [t.text for t in out.tokens] == ["Dhr.", "Trump", "sprak", "."]


def test_hyphenated_words_stay_whole_as_the_entity_models_learned_them() -> None:
    for lang in ("en", "nl"):
        words = [
            t.text for t in tokenize("said Mohamed El-Erian of Jean-Claude's U.S.-based firm", lang)
        ]
        assert "El-Erian" in words and "U.S.-based" in words
