"""Frequency bands and places: the shipped table format and the features built from it."""

from __future__ import annotations

import gzip
from pathlib import Path

from storyline.models import external
from storyline.models.features import Featurizer


def test_latin_name_filters_codes_and_transliterations() -> None:
    assert external._latin_name("Da Nang")
    assert external._latin_name("Moskou")
    assert not external._latin_name("MOW")
    assert not external._latin_name("mosukuwa")
    assert not external._latin_name("Москва")


def test_places_prefers_general_kind_and_drops_common_words(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        external,
        "_geonames",
        lambda: iter(
            [
                ("city", "Georgia"),
                ("country", "Georgia"),
                ("city", "Da Nang"),
                ("city", "Van"),
                ("city", "DAD"),
                ("region", "Noord-Brabant"),
            ]
        ),
    )
    monkeypatch.setattr(external, "_pycountry", lambda: iter([("country", "Rusland")]))
    found = external.places(frozenset({"van"}))
    assert found[("georgia",)] == "country"
    assert found[("da", "nang")] == "city"
    assert found[("noord-brabant",)] == "region"
    assert found[("rusland",)] == "country"
    assert ("van",) not in found
    assert ("dad",) not in found


def test_table_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "extern.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("f\thuis\t50\nf\tthe\t07\np\tcity\tda nang\np\tcountry\trusland\n")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        freq, places = external.load(handle)
    assert freq == {"huis": "50", "the": "07"}
    assert places == {("da", "nang"): "city", ("rusland",): "country"}


def test_features_mark_rare_capitalised_words_and_places() -> None:
    featurizer = Featurizer(freq={"huis": "50"}, places={("da", "nang"): "city"})
    rows = featurizer.sentence(["het", "Huis", "in", "Da", "Nang"])
    assert "zfc=5C" in rows[1]
    assert "zfc=0C" in rows[3]
    assert "geo=B-city" in rows[3] and "geo=I-city" in rows[4]
    assert "1geo=B-city" in rows[2]
    plain = Featurizer().sentence(["het", "Huis", "in", "Da", "Nang"])
    assert not any(f.startswith(("zf", "geo")) for row in plain for f in row)
