"""CRF features for named-entity tagging: affixes, shape, context, clusters, casing, document."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from storyline.models import lexicon
from storyline.models.external import FreqTable, Places
from storyline.models.wordstats import norm

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_SHAPE_RUNS = re.compile(r"(.)\1+")
OFFSETS = (-2, -1, 1, 2)
Own = tuple[tuple[str, ...], tuple[str, ...], dict[int, tuple[str, ...]]]
WIDE = (-3, -2, -1, 1, 2, 3)


def shape(word: str) -> str:
    """Character classes: 'Van-Gogh' -> 'Xxx-Xxxx' (runs longer than 3 cut to 3)."""
    out = []
    for ch in word:
        if ch.isupper():
            out.append("X")
        elif ch.islower():
            out.append("x")
        elif ch.isdigit():
            out.append("d")
        else:
            out.append(ch)
    return re.sub(r"(.)\1{3,}", r"\1\1\1", "".join(out))


def short_shape(word: str) -> str:
    """Shape with every run collapsed: 'McMaster' -> 'XxXx'."""
    return _SHAPE_RUNS.sub(r"\1", shape(word))


@dataclass
class Featurizer:
    """Turns token sequences into crfsuite feature lists; per-word parts are cached."""

    stats: dict[str, tuple[str, ...]] = field(default_factory=dict)
    doc_features: bool = True
    window: int = 2
    ngrams: bool = False
    freq: FreqTable = field(default_factory=dict)
    places: Places = field(default_factory=dict)
    freq_context: bool = False
    freq_langs: int = 2
    _own: dict[str, Own] = field(default_factory=dict)

    def own(self, word: str) -> Own:
        """(features of the word itself, attributes its neighbours see, the same per offset)."""
        cached = self._own.get(word)
        if cached is not None:
            return cached
        w = word.translate(_QUOTES)
        low = w.lower()
        ss = short_shape(w)
        feats = [f"w={w}", f"lw={low}", f"sh={shape(w)}", f"ss={ss}"]
        feats += [f"p{n}={w[:n]}" for n in (1, 2, 3, 4) if len(w) > n]
        feats += [f"s{n}={low[-n:]}" for n in (1, 2, 3, 4, 5) if len(w) > n]
        if "-" in w[1:-1]:
            parts = w.split("-")
            feats += [f"h0={parts[0].lower()}", f"h1={parts[-1].lower()}"]
        if self.ngrams and len(w) > 4:
            padded = f"<{low}>"
            feats += [f"g={padded[i : i + 3]}" for i in range(len(padded) - 2)]
        if len(w) > 1 and w.isupper() and w.isalpha():
            feats.append("allcaps")
        near: tuple[str, ...] = ()
        if self.freq:
            bands = self.freq.get(low, "")[: self.freq_langs]
            zf = _freq_features(bands, w[:1].isupper(), self.freq_langs)
            feats += zf
            near = (zf[-2],) if self.freq_context else ()
        stat = self.stats.get(norm(w), ("cap=none",))
        feats.extend(stat)
        cluster = next((f for f in stat if f.startswith("k1=")), "k1=none")
        ctx = (f"lw={low}", f"ss={ss}", cluster)
        offsets = OFFSETS if self.window == 2 else WIDE
        seen_at = {
            off: tuple(f"{off}{a}" for a in (ctx + near if off in (-1, 1) else ctx))
            for off in offsets
        }
        result = (tuple(feats), ctx, seen_at)
        if len(self._own) < 200_000:
            self._own[word] = result
        return result

    def sentence(
        self,
        tokens: Sequence[str],
        doc_caps: frozenset[str] = frozenset(),
        gazette: Sequence[str | None] | None = None,
    ) -> list[list[str]]:
        """Feature lists for one sentence.

        ``doc_caps`` holds words capitalised mid-sentence elsewhere in the document;
        ``gazette`` a name-list match per token (see ``lexicon.match``).
        """
        owns = [self.own(t) for t in tokens]
        n = len(tokens)
        upper = n > 2 and sum(t.isupper() for t in tokens) > n / 2
        out: list[list[str]] = []
        offsets = OFFSETS if self.window == 2 else WIDE
        geo = lexicon.match(tokens, self.places, "geo") if self.places else None
        # Most sentences match nothing: skip the per-token look-ups then.
        gazette = gazette if gazette is not None and any(gazette) else None
        geo = geo if geo is not None and any(geo) else None
        for i, (feats, ctx, _) in enumerate(owns):
            row = ["b", *feats]
            if i == 0:
                row += ["BOS", "first|" + ctx[1]]
            if i == n - 1:
                row.append("EOS")
            if upper:
                row.append("SUP")
            for off in offsets:
                j = i + off
                if 0 <= j < n:
                    row += owns[j][2][off]
                elif off in (-1, 1):
                    row.append(f"{off}pad")
            if i > 0:
                row.append(f"bg-={owns[i - 1][1][0]}|{ctx[0]}")
            if i < n - 1:
                row.append(f"bg+={ctx[0]}|{owns[i + 1][1][0]}")
            if gazette is not None:
                row += _gazette_features(gazette, i)
            if geo is not None:
                row += _gazette_features(geo, i)
            if self.doc_features and tokens[i][:1].isalpha():
                low = tokens[i].lower()
                if low in doc_caps:
                    row.append("dcap|" + ("first" if i == 0 or upper else "mid"))
            out.append(row)
        return out


def _freq_features(bands: str, capitalised: bool, langs: int = 2) -> list[str]:
    """Zipf band per language ('zf0=5': a common Dutch word), also joined with capitalisation:
    a capitalised word that is rare as a common word is likely a name."""
    bands = bands or "0" * langs
    case = "C" if capitalised else "l"
    feats = [f"zf{k}={b}" for k, b in enumerate(bands)]
    feats.append(f"zfc={bands[0]}{case}")
    feats.append(f"zfm={max(bands)}{case}")
    return feats


def _gazette_features(gazette: Sequence[str | None], i: int) -> list[str]:
    feats = []
    here = gazette[i]
    if here:
        feats.append(here)
    if i > 0 and gazette[i - 1]:
        feats.append(f"-1{gazette[i - 1]}")
    if i + 1 < len(gazette) and gazette[i + 1]:
        feats.append(f"1{gazette[i + 1]}")
    return feats


def doc_capitalised(sentences: Iterable[Sequence[str]]) -> frozenset[str]:
    """Lower-cased words that appear capitalised but not sentence-initially in these sentences."""
    found: set[str] = set()
    for tokens in sentences:
        n = len(tokens)
        if n > 2 and sum(t.isupper() for t in tokens) > n / 2:
            continue
        for i in range(1, n):
            t = tokens[i]
            if t[:1].isupper() and tokens[i - 1] not in {'"', ":", "“", "„", "'", "‘"}:
                found.add(t.lower())
    return frozenset(found)
