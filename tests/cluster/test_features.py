"""Features: terms, translated key terms, entity keys, dates, idf and centroids."""

from __future__ import annotations

import pytest

from storyline.cluster.features import (
    FALLBACK,
    IdfTable,
    capitalised_terms,
    date_range,
    featurize,
    fold,
    mention_key,
    text_terms,
)
from storyline.cluster.vectors import Centroid, norm
from storyline.model import PartialDate
from tests.cluster.fixtures import RUTTE_EN, doc


def test_terms_fold_accents_drop_stop_words_and_translate_dutch_key_terms() -> None:
    counts, names = text_terms("De aardbeving trof Poëzie-huis; de Aardbeving was zwaar.", "nl")
    assert counts["earthquake"] == 2 and names["earthquake"] == "aardbeving"
    assert "poezie" in counts and "de" not in counts
    english, _ = text_terms("The earthquake struck.", "en")
    assert "earthquake" in english and "the" not in english
    assert fold("Škoda Élysée") == "skoda elysee"


def test_fallback_entity_keys() -> None:
    assert mention_key("Jeff Sessions", "PER", "en") == FALLBACK + "sessions"
    assert mention_key("Rusland", "LOC", "nl") == mention_key("Russia", "LOC", "en")
    counts, _ = capitalised_terms("He met Putin in Moscow. Then he left, Lavrov said.")
    assert set(counts) == {FALLBACK + "putin", FALLBACK + "moscow", FALLBACK + "lavrov"}


def test_date_range_covers_the_whole_partial_date() -> None:
    lo, hi = date_range(PartialDate(2017, 2))
    assert hi is not None and lo is not None and hi - lo == 27
    assert date_range(PartialDate(2017, 3, 2)) == (736390, 736390)
    assert date_range(None) == (None, None)


def test_resolved_entity_ids_replace_mention_text_and_vectors_have_unit_length() -> None:
    idf = IdfTable()
    f = featurize(doc("a", RUTTE_EN, "en", "2021-01-15"), idf)
    assert "Q57792" in f.ents and not any(k.startswith(FALLBACK) for k in f.ents)
    assert norm(f.text) == pytest.approx(1.0) and norm(f.ents) == pytest.approx(1.0)
    assert idf.docs == 1 and idf.df["scandal"] == 1


def test_idf_favours_rare_terms() -> None:
    idf = IdfTable({"common": 9, "rare": 1}, docs=10)
    assert idf.idf("rare") > idf.idf("common") > 0


def test_centroid_keeps_its_heaviest_keys_and_a_true_norm() -> None:
    centroid = Centroid(cap=2)
    centroid.add({"a": 3.0, "b": 2.0, "c": 1.0})
    centroid.add({"a": 1.0, "d": 0.5, "e": 0.2})
    assert set(centroid.weights) == {"a", "b"}
    assert centroid.norm == pytest.approx(norm(centroid.weights))
    assert centroid.cosine({"a": 1.0}) == pytest.approx(4 / norm({"a": 4.0, "b": 2.0}))
