"""CRF fitting, and a second pass that sees the first pass's tags across the whole document.

The second CRF gets, besides the usual features, the first pass's tag for each token and
its neighbours and the majority type the first pass gave the same word elsewhere in the
document (Krishnan and Manning 2006): one "Poetin" tagged PER lends its type to the
others. Its training data carries first-pass tags from models that did not see the
document (k-fold), so it learns how far to trust them.
"""

from __future__ import annotations

import gzip
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from multiprocessing import get_context
from pathlib import Path

import pycrfsuite

Sentence = tuple[list[list[str]], list[str]]  # (features per token, IOB2 tags)

_JOBS: list[tuple[list[list[Sentence]], dict[str, object], list[int], list[int]]] = []


def stack_features(
    sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]
) -> list[list[list[str]]]:
    """Extra features per token of one document, from its first-pass ``tags``."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for tokens, seq in zip(sentences, tags, strict=True):
        for token, tag in zip(tokens, seq, strict=True):
            if token[:1].isupper():
                votes[token.lower()][tag[2:] or "O"] += 1
    out = []
    for tokens, seq in zip(sentences, tags, strict=True):
        rows = []
        for i, (token, tag) in enumerate(zip(tokens, seq, strict=True)):
            row = [f"s1={tag}"]
            if i > 0:
                row.append(f"s1-={seq[i - 1]}")
            if i + 1 < len(seq):
                row.append(f"s1+={seq[i + 1]}")
            vote = votes.get(token.lower()) if token[:1].isupper() else None
            if vote:
                kind, count = vote.most_common(1)[0]
                row.append(f"sd={kind}")
                if count < sum(vote.values()):
                    row.append("sd=mixed")
            rows.append(row)
        out.append(rows)
    return out


def fit(
    sentences: Sequence[Sentence], params: dict[str, object], algorithm: str = "lbfgs"
) -> bytes:
    """Train a CRF on (features, tags) sentences; the model file's bytes."""
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for xseq, yseq in sentences:
        trainer.append(xseq, yseq)
    trainer.set_params(params)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.crfsuite"
        trainer.train(str(path))
        return path.read_bytes()


def tag_docs(model: bytes, docs: Sequence[Sequence[Sentence]]) -> list[list[list[str]]]:
    """First-pass tags for every sentence of every document."""
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    return [[list(tagger.tag(xseq)) if xseq else [] for xseq, _ in doc] for doc in docs]


def _fold_job(index: int) -> tuple[list[int], list[list[list[str]]], bytes]:
    docs, params, train_ids, test_ids = _JOBS[index]
    algorithm = str(params.pop("algorithm", "lbfgs"))
    model = fit([s for i in train_ids for s in docs[i]], params, algorithm)
    return test_ids, tag_docs(model, [docs[i] for i in test_ids]), model


def held_out_tags(
    docs: list[list[Sentence]], params: dict[str, object], folds: int = 5, jobs: int = 2
) -> tuple[bytes, list[list[list[str]]]]:
    """The first-pass model on all documents, and each document's first-pass tags from a
    model trained on the other folds; the ``folds + 1`` trainings run ``jobs`` at a time."""
    _JOBS.clear()
    everything = list(range(len(docs)))
    _JOBS.append((docs, dict(params), everything, []))
    for k in range(folds):
        test_ids = [i for i in everything if i % folds == k]
        _JOBS.append((docs, dict(params), [i for i in everything if i % folds != k], test_ids))
    tags: list[list[list[str]]] = [[] for _ in docs]
    full = b""
    with get_context("fork").Pool(max(1, min(jobs, folds + 1))) as pool:
        for test_ids, fold_tags, model in pool.imap_unordered(_fold_job, range(folds + 1)):
            if not test_ids:
                full = model
            for i, doc_tags in zip(test_ids, fold_tags, strict=True):
                tags[i] = doc_tags
    _JOBS.clear()
    return full, tags


def second_pass_data(
    docs: Sequence[Sequence[Sentence]],
    tokens: Sequence[Sequence[Sequence[str]]],
    tags: Sequence[Sequence[Sequence[str]]],
) -> list[Sentence]:
    """Training sentences for the second pass: first-pass features plus stacked ones."""
    out: list[Sentence] = []
    for doc, doc_tokens, doc_tags in zip(docs, tokens, tags, strict=True):
        extra = stack_features(doc_tokens, doc_tags)
        for (xseq, yseq), more in zip(doc, extra, strict=True):
            out.append(([row + add for row, add in zip(xseq, more, strict=True)], yseq))
    return out


def write_model(path: Path, model: bytes) -> None:
    path.write_bytes(gzip.compress(model, compresslevel=9, mtime=0))
