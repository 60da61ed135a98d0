"""Word clusters: the same text gives the same clusters (the shipped model is reproducible)."""

from __future__ import annotations

import random

from storyline.models.wordstats import learn_clusters


def _corpus() -> list[list[str]]:
    rng = random.Random(3)
    names = ["Jan", "Piet", "Marie", "Anna", "Kees"]
    places = ["Gent", "Brugge", "Leuven", "Antwerpen"]
    verbs = ["woont", "werkt", "leeft"]
    sents = []
    for _ in range(400):
        sents.append([rng.choice(names), rng.choice(verbs), "in", rng.choice(places), "."])
        sents.append(["de", "man", "uit", rng.choice(places), rng.choice(verbs), "hier", "."])
    return sents


def test_clusters_are_deterministic_and_group_alike_words() -> None:
    corpus = _corpus()
    first = learn_clusters(corpus, sizes=(4, 8), dim=6, n_contexts=20)
    again = learn_clusters(list(reversed(corpus)), sizes=(4, 8), dim=6, n_contexts=20)
    assert first == learn_clusters(corpus, sizes=(4, 8), dim=6, n_contexts=20)
    assert set(first) == set(again)
    assert first["gent"][0] == first["brugge"][0]
