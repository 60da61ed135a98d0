"""Read CoNLL-2002/2003 NER files and score tag sequences as conlleval does."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Labelled = tuple[list[str], list[str]]


@dataclass
class ConllDoc:
    """One ``-DOCSTART-`` document: sentences of tokens with IOB2 tags."""

    sentences: list[Labelled] = field(default_factory=list)


def guess_encoding(path: Path) -> str:
    """CoNLL-2002 files are Latin-1; anything that is valid UTF-8 is read as such."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "latin-1"
    return "utf-8"


def iob1_to_iob2(tags: Sequence[str]) -> list[str]:
    """Rewrite IOB1 (I- may open a chunk) as IOB2 (every chunk opens with B-)."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def read_conll(path: Path | str) -> list[ConllDoc]:
    """Documents of a CoNLL NER file (token first column, tag last); tags come back IOB2."""
    path = Path(path)
    docs: list[ConllDoc] = [ConllDoc()]
    tokens: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if tokens:
            docs[-1].sentences.append((list(tokens), iob1_to_iob2(tags)))
            tokens.clear()
            tags.clear()

    with path.open(encoding=guess_encoding(path)) as handle:
        for line in handle:
            parts = line.split()
            if not parts:
                flush()
            elif parts[0] == "-DOCSTART-":
                flush()
                if docs[-1].sentences:
                    docs.append(ConllDoc())
            else:
                tokens.append(parts[0])
                tags.append(parts[-1])
    flush()
    return [doc for doc in docs if doc.sentences]


def chunks(tags: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, type) token spans of IOB2 tags; a stray I- opens a chunk, as in conlleval."""
    start = -1
    kind = ""
    for i, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and tag[2:] == kind and start >= 0
        if start >= 0 and not inside:
            yield start, i, kind
            start = -1
        if tag != "O" and not inside:
            start, kind = i, tag[2:]


@dataclass
class Scores:
    """Exact-match chunk counts per type."""

    gold: Counter[str] = field(default_factory=Counter)
    pred: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Sequence[str], pred: Sequence[str]) -> None:
        gold_chunks = set(chunks(gold))
        pred_chunks = set(chunks(pred))
        self.gold.update(kind for _, _, kind in gold_chunks)
        self.pred.update(kind for _, _, kind in pred_chunks)
        self.correct.update(kind for _, _, kind in gold_chunks & pred_chunks)

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 for one type, or overall when ``kind`` is None."""
        if kind is None:
            g, p, c = (sum(x.values()) for x in (self.gold, self.pred, self.correct))
        else:
            g, p, c = self.gold[kind], self.pred[kind], self.correct[kind]
        precision = c / p if p else 0.0
        recall = c / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def types(self) -> list[str]:
        return sorted(set(self.gold) | set(self.pred))


def score(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Scores:
    """Scores of (gold, predicted) tag sequences."""
    scores = Scores()
    for gold, pred in pairs:
        scores.add(gold, pred)
    return scores
