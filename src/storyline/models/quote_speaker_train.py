"""The quote-speaker ranker's weights (``quote_speaker_nl.json``), fitted on OpenBoek.

    python src/storyline/models/quote_speaker_train.py          # fit on all five books, write
    python src/storyline/models/quote_speaker_train.py --cv     # leave-one-book-out figures
    python src/storyline/models/quote_speaker_train.py --hand-set  # the old hand-set weights

Each quote without a naming cue (no cue, or a third-person pronoun cue) gets candidate cast
members with features (``storyline.analyze.quote_turns``); a candidate is right when the
evaluation (``eval/quotes.py``) counts its mention as the gold character. Logistic regression
on pairs (right minus wrong candidate of one quote), fitted three times (``ROUNDS``), each
time on the features that the previous model's own choices produce (turn-taking looks at
the speakers chosen before); ``C`` 2.0 and three rounds were picked on the leave-one-book-out
figure among a handful of settings (0.1 to 20, two to four rounds). The shipped file is
the fit on all five books; its in-sample figures are optimistic, ``--cv`` gives the honest
ones (each book scored by a model trained on the other four; the choice of ``C`` and
``ROUNDS`` on those same figures makes them slightly optimistic too). ``PRIOR``, the
hand-set weights, only seeds the first round.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression

from storyline.analyze.quote_model import FEATURES, MODEL_PATH, SpeakerModel, Trace
from storyline.model import Quote

ROOT = Path(__file__).resolve().parents[3]
# Hand-set start: turn-taking, narration, addressing and pronoun gender, by their sign.
PRIOR = SpeakerModel(
    {
        "prev1": 1.0,
        "prev1_nl": -1.5,
        "prev2_nl": 2.0,
        "prev1_bare": -2.0,
        "next1_bare": -2.0,
        "next2_bare": 1.5,
        "narr_subj": 1.0,
        "narr_pron": 1.0,
        "after_line": 1.5,
        "voc_self": -3.0,
        "voc_prev": 1.5,
        "pron_agree": 1.5,
        "pron_clash": -3.0,
        "pron_nearest": 2.0,
        "narrator_pron3": -5.0,
        "recent0": 0.5,
        "spoke_log": 0.5,
        "lead": 0.5,
    },
    -2.0,
)
ROUNDS = int(os.environ.get("QUOTE_SPEAKER_ROUNDS", "3"))
ACTIVE = tuple(os.environ.get("QUOTE_SPEAKER_FEATURES", " ".join(FEATURES)).split())
C = float(os.environ.get("QUOTE_SPEAKER_C", "2.0"))
# 1: the penalty pulls the weights towards the hand-set ones, 0: towards zero
PRIOR_PULL = float(os.environ.get("QUOTE_SPEAKER_PRIOR", "0"))


def eval_module() -> ModuleType:
    """eval/quotes.py, which reads OpenBoek and judges a speaker."""
    spec = importlib.util.spec_from_file_location("eval_quotes", ROOT / "eval" / "quotes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def samples(ev: ModuleType, books: list[Any], model: SpeakerModel) -> tuple[np.ndarray, np.ndarray]:
    """Pairwise rows (right candidate minus wrong one, and the reverse) for the matched,
    rerankable quotes of ``books``: the model learns to rank the candidates of one quote."""
    rows: list[list[float]] = []
    labels: list[int] = []
    for book in books:
        trace: Trace = []
        found = ev.predict(book, None, model, trace)
        direct = [q for q in found if q.kind == "direct"]
        gold_of = {id(p): g for g, p in ev._match(book.quotes, direct, exact=False)}
        quotes = [q for q in found if q.kind != "indirect"]
        for index, cands in trace:
            gold = gold_of.get(id(quotes[index]))
            if gold is None or not cands:
                continue
            good: list[np.ndarray] = []
            bad: list[np.ndarray] = []
            for _, feats, mention in cands:
                probe = Quote(0, 0, "", "direct", speaker=mention)
                vec = np.array([feats.get(name, 0.0) for name in ACTIVE])
                (good if ev._speaker_ok(book, gold, probe) else bad).append(vec)
            for g in good[:1]:
                for b in bad:
                    rows += [list(g - b), list(b - g)]
                    labels += [1, 0]
    return np.array(rows), np.array(labels)


def logistic_towards(x: np.ndarray, y: np.ndarray, prior: np.ndarray, c: float) -> np.ndarray:
    """Logistic regression without intercept whose L2 penalty pulls the weights towards
    ``prior`` rather than zero: 0.5 |w - prior|^2 + c * log-loss."""

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        value = float(np.sum(np.logaddexp(0.0, z) - y * z))
        grad = x.T @ (1.0 / (1.0 + np.exp(-z)) - y)
        return 0.5 * float(np.sum((w - prior) ** 2)) + c * value, (w - prior) + c * grad

    return np.asarray(minimize(loss, prior.copy(), jac=True, method="L-BFGS-B").x)


def fit(ev: ModuleType, books: list[Any]) -> SpeakerModel:
    model = PRIOR
    prior = np.array([PRIOR.weights.get(n, 0.0) for n in ACTIVE]) * PRIOR_PULL
    for _ in range(ROUNDS):
        x, y = samples(ev, books, model)
        if PRIOR_PULL:
            coef = logistic_towards(x, y.astype(float), prior, C)
        else:
            clf = LogisticRegression(C=C, max_iter=2000, fit_intercept=False)
            clf.fit(x, y)
            coef = clf.coef_[0]
        weights = {n: round(float(w), 4) for n, w in zip(ACTIVE, coef, strict=True)}
        model = SpeakerModel(weights, 0.0)
    return model


def cross_validate(ev: ModuleType, books: list[Any]) -> dict[str, SpeakerModel]:
    """One model per book, trained on the other books."""
    return {b.name: fit(ev, [o for o in books if o.name != b.name]) for b in books}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--cv", action="store_true", help="leave-one-book-out figures only")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument(
        "--hand-set",
        action="store_true",
        help="write the hand-set weights (the shipped model) instead of training",
    )
    args = parser.parse_args(argv)
    logging.getLogger("storyline.analyze.quotes").setLevel(logging.ERROR)
    ev = eval_module()
    data = args.data or ev.DEFAULT_DATA
    books = [ev.read_book(p) for p in sorted(data.glob("*.xml"))]
    if args.cv:
        models = cross_validate(ev, books)
        report(ev, books, models, "leave-one-book-out")
        return 0
    model = PRIOR if args.hand_set else fit(ev, books)
    args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    report(ev, books, {b.name: model for b in books}, "in-sample")
    return 0


def report(ev: ModuleType, books: list[Any], models: dict[str, SpeakerModel], how: str) -> None:
    """Speaker accuracy per book and overall (dataset definition, then character level)."""
    for book in books:
        res = ev.score([book], models={book.name: models[book.name]})
        print(
            f"{book.name:40} speaker {res['speaker_acc']:.3f} "
            f"character {res['speaker_entity_acc']:.3f} ({res['overlap']:.0f})"
        )
    res = ev.score(books, models=models)
    print(
        f"{how} speaker accuracy {res['speaker_acc']:.3f}, "
        f"character level {res['speaker_entity_acc']:.3f}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
