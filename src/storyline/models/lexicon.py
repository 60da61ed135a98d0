"""Name lists as features: entity strings seen in training (and a small curated list).

A sentence is matched longest-first against the list; a token inside a match gets
``gz=B-TYPE`` / ``gz=I-TYPE``. While training, the list for each fold of documents is
built from the other folds only (jackknifing), so the CRF learns how far to trust a
match on names it has not seen, instead of trusting it blindly.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from storyline.models.conll import ConllDoc, chunks
from storyline.models.wordstats import gzip_writer

MAX_LEN = 5
Lexicon = dict[tuple[str, ...], str]


def key(tokens: Sequence[str]) -> tuple[str, ...]:
    return tuple(t.lower() for t in tokens)


def collect(docs: Iterable[ConllDoc], min_count: int = 1, parts: bool = False) -> Lexicon:
    """Entity strings of ``docs`` with their most frequent type.

    With ``parts``, each word of a longer name is listed too, under ``("~", word)``.
    """
    counts: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for doc in docs:
        for tokens, tags in doc.sentences:
            for start, end, kind in chunks(tags):
                if end - start <= MAX_LEN:
                    counts[key(tokens[start:end])][kind] += 1
                if parts and end - start > 1:
                    for word in tokens[start:end]:
                        if word[:1].isupper():
                            counts[("~", word.lower())][kind] += 1
    lexicon: Lexicon = {}
    for name, kinds in counts.items():
        kind, n = kinds.most_common(1)[0]
        if n >= min_count and n / sum(kinds.values()) >= 0.6:
            lexicon[name] = kind
    return lexicon


def match(tokens: Sequence[str], lexicon: Lexicon, prefix: str = "gz") -> list[str | None]:
    """``gz=B-TYPE``/``gz=I-TYPE`` per token for the longest capitalised matches, else None."""
    out: list[str | None] = [None] * len(tokens)
    lowered = key(tokens)
    i = 0
    while i < len(tokens):
        step = 1
        if tokens[i][:1].isupper() or tokens[i][:1].isdigit():
            for size in range(min(MAX_LEN, len(tokens) - i), 0, -1):
                kind = lexicon.get(lowered[i : i + size])
                if kind:
                    out[i] = f"{prefix}=B-{kind}"
                    for j in range(i + 1, i + size):
                        out[j] = f"{prefix}=I-{kind}"
                    step = size
                    break
            if out[i] is None:
                kind = lexicon.get(("~", lowered[i]))
                if kind:
                    out[i] = f"gp={kind}"
        i += step
    return out


def folds(docs: Sequence[ConllDoc], n: int = 10, parts: bool = False) -> list[Lexicon]:
    """For document i, a lexicon built from every fold except the one holding i."""
    fold_lex = []
    for k in range(n):
        others = [d for j, d in enumerate(docs) if j % n != k]
        fold_lex.append(collect(others, parts=parts))
    return [fold_lex[i % n] for i in range(len(docs))]


def save(path: Path, lexicon: Lexicon) -> None:
    with gzip_writer(path) as out:
        for name in sorted(lexicon):
            out.write(f"{lexicon[name]}\t{' '.join(name)}\n")


def load_lines(lines: Iterable[str]) -> Lexicon:
    lexicon: Lexicon = {}
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            kind, _, name = line.partition("\t")
            lexicon[key(name.split())] = kind
    return lexicon
