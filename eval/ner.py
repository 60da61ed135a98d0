"""Named-entity quality on a CoNLL file: precision, recall and F1 per type and overall.

Exact span and type, as conlleval counts them. The model sees the file's own tokens and
its ``-DOCSTART-`` documents (the document-level features need them).

    python eval/ner.py --lang nl --file ../shared/data/conll2002-nl/ned.testa
    python eval/ner.py --lang en --file ../shared/data/conll2003-en/eng.testa [--models DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from storyline.models.conll import Scores, read_conll, score
from storyline.models.ner import NerModel

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"
DEV = {"nl": DATA / "conll2002-nl" / "ned.testa", "en": DATA / "conll2003-en" / "eng.testa"}


def evaluate(lang: str, path: Path, models: Path | None = None) -> Scores:
    """Scores of the (shipped, or ``models``) model for ``lang`` on the CoNLL file ``path``."""
    model = NerModel.load(lang, models)
    pairs = []
    for doc in read_conll(path):
        tokens = [tokens for tokens, _ in doc.sentences]
        for (_, gold), pred in zip(doc.sentences, model.tag_doc(tokens), strict=True):
            pairs.append((gold, pred))
    return score(pairs)


def table(scores: Scores) -> str:
    lines = [f"{'type':<8}{'gold':>7}{'pred':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    for kind in [*scores.types(), None]:
        p, r, f = scores.prf(kind)
        gold = scores.gold[kind] if kind else sum(scores.gold.values())
        pred = scores.pred[kind] if kind else sum(scores.pred.values())
        lines.append(f"{kind or 'overall':<8}{gold:>7}{pred:>7}{p:>8.4f}{r:>8.4f}{f:>8.4f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=sorted(DEV), default="nl")
    parser.add_argument("--file", type=Path, help="CoNLL file (default: the dev split)")
    parser.add_argument("--models", type=Path, help="model folder (default: the package)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    path = args.file or DEV[args.lang]
    if not path.exists():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    scores = evaluate(args.lang, path, args.models)
    seconds = time.perf_counter() - started
    if args.json:
        result = {kind or "overall": dict(zip("prf", scores.prf(kind), strict=True))
                  for kind in [*scores.types(), None]}
        print(json.dumps(result, indent=1))
    else:
        print(f"{path} ({args.lang}, {seconds:.1f} s)")
        print(table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
