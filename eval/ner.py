"""Named-entity quality on a CoNLL file: precision, recall and F1 per type and overall.

Exact span and type, as conlleval counts them. The model sees the file's own tokens and
its ``-DOCSTART-`` documents (the document-level features need them). With ``--stage``
the whole entity stage is scored: the model's mentions after the stage's document-level
corrections (``storyline.analyze.entities.postprocess``), as character spans of the
document text rebuilt from the tokens; ``--without RULE`` turns one correction off.

    python eval/ner.py --lang nl --file ../shared/data/conll2002-nl/ned.testa
    python eval/ner.py --lang en --file ../shared/data/conll2003-en/eng.testa [--models DIR]
    python eval/ner.py --lang nl --stage [--without person_tails]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import fields, replace
from pathlib import Path

from storyline.analyze.entities import DEFAULT_RULES, Rules, mentions, postprocess
from storyline.model import Token
from storyline.models.conll import ConllDoc, Scores, chunks, read_conll, score
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


def rebuild(doc: ConllDoc) -> tuple[str, list[list[Token]]]:
    """The document's text (tokens joined by spaces, a sentence per line) and its tokens."""
    text = ""
    groups = []
    for tokens, _ in doc.sentences:
        group: list[Token] = []
        for word in tokens:
            if group:
                text += " "
            group.append(Token(len(text), len(text) + len(word), word))
            text += word
        text += "\n"
        groups.append(group)
    return text, groups


def evaluate_stage(
    lang: str, path: Path, models: Path | None = None, rules: Rules = DEFAULT_RULES
) -> Scores:
    """Scores of the entity stage's mentions (model + ``rules``) on the CoNLL file ``path``."""
    model = NerModel.load(lang, models)
    scores = Scores()
    for doc in read_conll(path):
        text, groups = rebuild(doc)
        tags = model.tag_doc([[t.text for t in g] for g in groups])
        found = [m for g, seq in zip(groups, tags, strict=True) for m in mentions(text, g, seq)]
        tokens = [t for g in groups for t in g]
        pred = {(m.start, m.end, m.label) for m in postprocess(text, tokens, found, model, rules)}
        gold = {
            (g[start].start, g[end - 1].end, kind)
            for g, (_, seq) in zip(groups, doc.sentences, strict=True)
            for start, end, kind in chunks(seq)
        }
        scores.gold.update(kind for _, _, kind in gold)
        scores.pred.update(kind for _, _, kind in pred)
        scores.correct.update(kind for _, _, kind in gold & pred)
    return scores


def rules_without(names: Sequence[str]) -> Rules:
    """The stage's rules with the ``names`` ones turned off."""
    known = {f.name for f in fields(Rules)}
    unknown = set(names) - known
    if unknown:
        raise SystemExit(f"unknown rule(s) {sorted(unknown)}; known: {sorted(known)}")
    return replace(Rules(), **{name: False for name in names})


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
    parser.add_argument(
        "--stage",
        action="store_true",
        help="score the entity stage (model + document-level corrections)",
    )
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="RULE",
        help="with --stage: turn this correction off (repeatable)",
    )
    args = parser.parse_args(argv)
    path = args.file or DEV[args.lang]
    if not path.exists():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    if args.stage:
        scores = evaluate_stage(args.lang, path, args.models, rules_without(args.without))
    else:
        scores = evaluate(args.lang, path, args.models)
    seconds = time.perf_counter() - started
    if args.json:
        result = {
            kind or "overall": dict(zip("prf", scores.prf(kind), strict=True))
            for kind in [*scores.types(), None]
        }
        print(json.dumps(result, indent=1))
    else:
        what = "stage" if args.stage else "model"
        print(f"{path} ({args.lang}, {what}, {seconds:.1f} s)")
        print(table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
