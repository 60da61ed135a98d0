"""Load a shipped CRF named-entity model and tag token sequences with it."""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycrfsuite

from storyline.errors import StorylineError
from storyline.models import external, lexicon, ner_names
from storyline.models.external import FreqTable, Places
from storyline.models.features import Featurizer, doc_capitalised
from storyline.models.lexicon import Lexicon
from storyline.models.stacking import stack_features
from storyline.models.wordstats import norm, parse_stats

LANGS = ("nl", "en")


def model_dir() -> Path:
    """Folder of the shipped models inside the installed package."""
    return Path(str(resources.files("storyline.models")))


def model_files(lang: str, folder: Path | None = None) -> dict[str, Path]:
    base = folder or model_dir()
    return {
        "crf": base / f"ner-{lang}.crfsuite.gz",
        "stats": base / f"wordstats-{lang}.txt.gz",
        "meta": base / f"ner-{lang}.json",
        "lexicon": base / f"lexicon-{lang}.txt.gz",
        "crf2": base / f"ner2-{lang}.crfsuite.gz",
        "extern": base / f"extern-{lang}.txt.gz",
        "firstnames": ner_names.path_for(lang, base),
    }


def curated_lexicon(lang: str) -> Lexicon:
    """The hand-kept list of countries, places and organisations (``gazetteer-LANG.txt``)."""
    path = model_dir() / f"gazetteer-{lang}.txt"
    if not path.exists():
        return {}
    return lexicon.load_lines(path.read_text(encoding="utf-8").splitlines())


def _tagger(model: bytes) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    return tagger


class NerModel:
    """A CRF tagger (and optional second pass) plus the word statistics its features need."""

    def __init__(
        self,
        crf_bytes: bytes,
        stats: dict[str, tuple[str, ...]],
        meta: dict[str, Any],
        names: Lexicon | None = None,
        second_pass: bytes | None = None,
        extern: tuple[FreqTable, Places] = ({}, {}),
        first_names: frozenset[str] = frozenset(),
    ):
        self.meta = meta
        self.names = names
        self.first_names = first_names
        self.featurizer = Featurizer(
            stats=stats,
            doc_features=bool(meta.get("doc_features", True)),
            window=int(meta.get("window", 2)),
            ngrams=bool(meta.get("ngrams", False)),
            freq=extern[0] if meta.get("freq") else {},
            places=extern[1] if meta.get("places") else {},
            freq_context=bool(meta.get("freq_context", False)),
            freq_langs=int(meta.get("freq_langs", 2)),
        )
        # crfsuite reads the model in place: the bytes must live as long as the tagger.
        self._models = (crf_bytes, second_pass)
        self.tagger = _tagger(crf_bytes)
        self.second = _tagger(second_pass) if second_pass else None

    @classmethod
    def load(cls, lang: str, folder: Path | None = None) -> NerModel:
        """Read the model for ``lang`` from ``folder`` (default: the package)."""
        files = model_files(lang, folder)
        if not files["crf"].exists():
            raise StorylineError(f"no NER model for {lang!r} at {files['crf']}")
        crf = gzip.decompress(files["crf"].read_bytes())
        with gzip.open(files["stats"], "rt", encoding="utf-8") as handle:
            stats = parse_stats(handle)
        meta_file = files["meta"]
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        names = None
        if meta.get("lexicon"):
            with gzip.open(files["lexicon"], "rt", encoding="utf-8") as handle:
                names = lexicon.load_lines(handle)
        second = gzip.decompress(files["crf2"].read_bytes()) if meta.get("stack") else None
        extern: tuple[FreqTable, Places] = ({}, {})
        if meta.get("freq") or meta.get("places"):
            with gzip.open(files["extern"], "rt", encoding="utf-8") as handle:
                extern = external.load(handle)
        return cls(crf, stats, meta, names, second, extern, ner_names.load(files["firstnames"]))

    def features(
        self, tokens: Sequence[str], caps: frozenset[str]
    ) -> tuple[Sequence[str], list[list[str]]]:
        """(tokens as tagged, with headline capitals undone; their first-pass features)."""
        if is_upper_sentence(tokens):
            tokens = [truecase(t, self.featurizer.stats) for t in tokens]
        gazette = lexicon.match(tokens, self.names) if self.names is not None else None
        rows = self.featurizer.sentence(tokens, caps, gazette)
        if self.meta.get("first_names"):
            for row, extra in zip(rows, ner_names.features(tokens, self.first_names), strict=True):
                row += extra
        return tokens, rows

    def tag_doc(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for every sentence of one document."""
        caps = doc_capitalised(sentences)
        prepared = [self.features(tokens, caps) for tokens in sentences]
        tags = [list(self.tagger.tag(rows)) if rows else [] for _, rows in prepared]
        if self.second is None:
            return tags
        extra = stack_features([tokens for tokens, _ in prepared], tags)
        second = self.second
        return [
            list(second.tag([row + add for row, add in zip(rows, more, strict=True)]))
            if rows
            else []
            for (_, rows), more in zip(prepared, extra, strict=True)
        ]

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags of one sentence taken as a document of its own."""
        return self.tag_doc([tokens])[0]


def is_upper_sentence(tokens: Sequence[str]) -> bool:
    """A headline in capitals: most tokens with letters are all upper case."""
    worded = [t for t in tokens if any(c.isalpha() for c in t)]
    return len(worded) > 2 and sum(t.isupper() for t in worded) > len(worded) * 0.6


def truecase(token: str, stats: dict[str, tuple[str, ...]]) -> str:
    """The usual casing of an all-caps word, from the casing bucket of the word statistics."""
    if not token.isupper() or len(token) < 2:
        return token
    feats = stats.get(norm(token), ())
    bucket = next((f[4:] for f in feats if f.startswith("cap=")), "?")
    if bucket in ("n", "l"):
        return token.lower()
    if bucket == "u" or (bucket == "?" and len(token) <= 4):
        return token
    return token[:1] + token[1:].lower()


@lru_cache(maxsize=4)
def shipped_model(lang: str) -> NerModel:
    """The packaged model for ``lang``, loaded once per process."""
    return NerModel.load(lang)
