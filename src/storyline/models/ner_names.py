"""First names learnt from a training split: the first word of its longer person names.

"Jeff" opens "Jeff Sessions"; a first name followed by capitalised words inside an
organisation ("minister van Justitie Jeff Sessions") starts a person. The list is
written beside the model (``ner-firstnames-LANG.txt.gz``) by ``storyline train ner``,
or alone, without retraining:

    python -m storyline.models.ner_names --lang nl [--data ../shared/data] [--out DIR]
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from storyline.models.conll import ConllDoc, chunks, read_conll

TRAIN = {"nl": "conll2002-nl/ned.train", "en": "conll2003-en/eng.train"}


def _name_like(word: str) -> bool:
    """'Jeff', not 'De', 'J.' or 'VS'."""
    return len(word) > 1 and word.isalpha() and word[0].isupper() and word[1:].islower()


def collect(docs: Iterable[ConllDoc]) -> frozenset[str]:
    """Lower-cased words that open a person name of two or more words more often than they
    occur anywhere else capitalised (inside other names, or untagged mid-sentence)."""
    first: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for doc in docs:
        for tokens, tags in doc.sentences:
            for i in range(1, len(tokens)):
                if tags[i] == "O" and tokens[i][:1].isupper():
                    other[tokens[i]] += 1
            for start, end, kind in chunks(tags):
                if kind == "PER" and end - start == 1:
                    continue  # 'Jeff' alone is still a person
                opens = kind == "PER"
                if opens:
                    first[tokens[start]] += 1
                other.update(tokens[start + opens : end])
    return frozenset(w.lower() for w, n in first.items() if _name_like(w) and n > other[w])


def folds(docs: Sequence[ConllDoc], n: int = 10) -> list[frozenset[str]]:
    """For document i, the list learnt from every fold except the one holding i (so the
    tagger learns how far to trust the feature on names it has not seen)."""
    fold_names = [collect(d for j, d in enumerate(docs) if j % n != k) for k in range(n)]
    return [fold_names[i % n] for i in range(len(docs))]


def features(tokens: Sequence[str], names: frozenset[str]) -> list[list[str]]:
    """Per token: 'fn' for a capitalised known first name, '-1fn' / '1fn' beside one."""
    hits = [t[:1].isupper() and t.lower() in names for t in tokens]
    out: list[list[str]] = []
    for i, hit in enumerate(hits):
        row = ["fn"] if hit else []
        if i > 0 and hits[i - 1]:
            row.append("-1fn")
        if i + 1 < len(hits) and hits[i + 1]:
            row.append("1fn")
        out.append(row)
    return out


def path_for(lang: str, folder: Path) -> Path:
    return folder / f"ner-firstnames-{lang}.txt.gz"


def save(path: Path, names: Iterable[str]) -> None:
    text = "".join(f"{name}\n" for name in sorted(names))
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def load(path: Path) -> frozenset[str]:
    """The list at ``path``; empty when the model was shipped without one."""
    if not path.exists():
        return frozenset()
    return frozenset(gzip.decompress(path.read_bytes()).decode("utf-8").split())


def main(argv: Sequence[str] | None = None) -> int:
    from storyline.models.ner import model_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=sorted(TRAIN), default="nl")
    parser.add_argument("--data", type=Path, default=Path.cwd() / ".." / "shared" / "data")
    parser.add_argument("--out", type=Path, default=model_dir())
    args = parser.parse_args(argv)
    source = args.data / TRAIN[args.lang]
    if not source.exists():
        print(f"no such file: {source}", file=sys.stderr)
        return 2
    names = collect(read_conll(source))
    save(path_for(args.lang, args.out), names)
    print(f"[{args.lang}] {len(names)} first names -> {path_for(args.lang, args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
