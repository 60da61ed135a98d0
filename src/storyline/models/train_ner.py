"""Train the shipped CRF NER models from CoNLL-2002 (nl) and CoNLL-2003 (en).

    python -m storyline.models.train_ner [--lang nl|en|all] [--data ../shared/data] [--out DIR]

Learns word clusters and casing statistics from unlabelled text (training splits only),
trains a CRF with python-crfsuite, scores it on the development file and writes
``ner-LANG.crfsuite.gz``, ``wordstats-LANG.txt.gz`` and ``ner-LANG.json`` to ``--out``
(default: this package folder).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from storyline.models import external, lexicon, ner_names, stacking, unlabelled
from storyline.models.conll import ConllDoc, Labelled, read_conll, score
from storyline.models.external import FreqTable, Places
from storyline.models.features import Featurizer, doc_capitalised
from storyline.models.lexicon import Lexicon
from storyline.models.ner import NerModel, curated_lexicon, model_dir, model_files
from storyline.models.stacking import Sentence
from storyline.models.wordstats import (
    casing_counts,
    learn_clusters,
    parse_stats,
    save_stats,
)

FILES = {
    "nl": ("conll2002-nl/ned.train", "conll2002-nl/ned.testa"),
    "en": ("conll2003-en/eng.train", "conll2003-en/eng.testa"),
}


@dataclass
class Options:
    """Everything that decides the model; stored with it in ``ner-LANG.json``."""

    c1: float = 0.03
    c2: float = 0.08
    iterations: int = 200
    clusters: tuple[int, ...] = (64, 256, 1024)
    doc_features: bool = True
    upper_share: float = 0.0
    min_freq: int = 1
    lexicon: bool = True
    window: int = 3
    ngrams: bool = True
    name_parts: bool = True
    algorithm: str = "lbfgs"
    stack: bool = True
    folds: int = 5
    freq: bool = True
    places: bool = True
    freq_context: bool = False
    freq_langs: int = 1
    first_names: bool = True


def default_data() -> Path:
    """``../shared/data`` next to the working directory, as the data README asks."""
    return (Path.cwd() / ".." / "shared" / "data").resolve()


def augment(sentences: list[Labelled], share: float, seed: int = 13) -> list[Labelled]:
    """All-caps copies of a share of the sentences, so headline casing is seen in training."""
    rng = random.Random(seed)
    picked = [s for s in sentences if len(s[0]) > 3 and rng.random() < share]
    return [([t.upper() for t in tokens], tags) for tokens, tags in picked]


def featurize_docs(
    docs: Sequence[ConllDoc],
    featurizer: Featurizer,
    lexicons: Sequence[Lexicon | None],
    first_names: Sequence[frozenset[str] | None] | None = None,
) -> list[list[Sentence]]:
    """(features, tags) per sentence per document; ``lexicons`` gives each its name list,
    ``first_names`` (if given) its first-name list."""
    out = []
    names_per_doc = first_names or [None] * len(docs)
    for doc, lex, names in zip(docs, lexicons, names_per_doc, strict=True):
        tokens = [s[0] for s in doc.sentences]
        caps = doc_capitalised(tokens)
        rows = []
        for toks, tags in doc.sentences:
            gazette = lexicon.match(toks, lex) if lex is not None else None
            feats = featurizer.sentence(toks, caps, gazette)
            if names is not None:
                for row, extra in zip(feats, ner_names.features(toks, names), strict=True):
                    row += extra
            rows.append((feats, tags))
        out.append(rows)
    return out


def build_stats(
    data: Path, lang: str, opts: Options, out: Path, reuse: Path | None = None
) -> dict[str, tuple[str, ...]]:
    """Learn clusters and casing from unlabelled text (or copy ``reuse``, a file written
    before with the same options), write them, and return the feature table."""
    if reuse is not None:
        out.write_bytes(reuse.read_bytes())
        with gzip.open(out, "rt", encoding="utf-8") as handle:
            return parse_stats(handle)
    sents = unlabelled.sentences(data, lang)
    print(f"[{lang}] unlabelled: {len(sents)} sentences, {sum(map(len, sents))} tokens", flush=True)
    clusters = learn_clusters(sents, sizes=opts.clusters) if opts.clusters else {}
    save_stats(out, clusters, casing_counts(sents))
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        return parse_stats(handle)


def build_extern(lang: str, opts: Options, out: Path) -> tuple[FreqTable, Places]:
    """Frequency bands and places from the data packages (``external``), or nothing."""
    if not (opts.freq or opts.places):
        out.unlink(missing_ok=True)
        return {}, {}
    external.build(out, lang)
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        freq, places = external.load(handle)
    return (freq if opts.freq else {}), (places if opts.places else {})


def train(
    data: Path,
    lang: str,
    opts: Options,
    out_dir: Path,
    jobs: int = 2,
    reuse_stats: Path | None = None,
) -> dict[str, object]:
    """Train, evaluate on dev and write the model files for one language."""
    started = time.time()
    train_file, dev_file = (data / name for name in FILES[lang])
    files = model_files(lang, out_dir)
    stats = build_stats(data, lang, opts, files["stats"], reuse_stats)
    freq, places = build_extern(lang, opts, files["extern"])
    featurizer = Featurizer(
        stats=stats,
        doc_features=opts.doc_features,
        window=opts.window,
        ngrams=opts.ngrams,
        freq=freq,
        places=places,
        freq_context=opts.freq_context,
        freq_langs=opts.freq_langs,
    )
    train_docs = read_conll(train_file)
    extra = ConllDoc(augment([s for d in train_docs for s in d.sentences], opts.upper_share))
    lexicons: list[Lexicon | None] = [None] * (len(train_docs) + 1)
    if opts.lexicon:
        curated = curated_lexicon(lang)
        full = {**lexicon.collect(train_docs, parts=opts.name_parts), **curated}
        lexicon.save(files["lexicon"], full)
        fold_lexicons = lexicon.folds(train_docs, parts=opts.name_parts)
        lexicons = [*({**lex, **curated} for lex in fold_lexicons), full]
    all_docs = [*train_docs, extra]
    full_names = ner_names.collect(train_docs)
    ner_names.save(files["firstnames"], full_names)
    first_names = [*ner_names.folds(train_docs), full_names] if opts.first_names else None
    seqs = featurize_docs(all_docs, featurizer, lexicons, first_names)
    params: dict[str, object] = {
        "max_iterations": opts.iterations,
        "feature.possible_transitions": True,
        "feature.minfreq": opts.min_freq,
    }
    if opts.algorithm == "lbfgs":
        params.update(c1=opts.c1, c2=opts.c2)
    if opts.stack:
        first, held_out = stacking.held_out_tags(
            seqs, {**params, "algorithm": opts.algorithm}, opts.folds, jobs
        )
        tokens = [[s[0] for s in doc.sentences] for doc in all_docs]
        second = stacking.second_pass_data(seqs, tokens, held_out)
        stacking.write_model(files["crf2"], stacking.fit(second, params, opts.algorithm))
    else:
        first = stacking.fit([s for doc in seqs for s in doc], params, opts.algorithm)
        files["crf2"].unlink(missing_ok=True)
    stacking.write_model(files["crf"], first)
    meta: dict[str, object] = {"lang": lang, **asdict(opts), "train": str(FILES[lang][0])}
    files["meta"].write_text(json.dumps(meta, indent=1), encoding="utf-8")
    f1 = evaluate(NerModel.load(lang, out_dir), read_conll(dev_file))
    meta.update(
        dev=FILES[lang][1],
        dev_f1=round(f1, 4),
        train_seconds=round(time.time() - started),
        sizes={k: p.stat().st_size for k, p in files.items() if k != "meta" and p.exists()},
    )
    files["meta"].write_text(json.dumps(meta, indent=1), encoding="utf-8")
    print(f"[{lang}] dev F1 {f1:.4f} in {meta['train_seconds']} s -> {files['crf']}", flush=True)
    return meta


def evaluate(model: NerModel, docs: Sequence[ConllDoc]) -> float:
    """Overall exact-match F1 of ``model`` on ``docs``."""
    pairs = []
    for doc in docs:
        tokens = [s[0] for s in doc.sentences]
        for (_, gold), pred in zip(doc.sentences, model.tag_doc(tokens), strict=True):
            pairs.append((gold, pred))
    return score(pairs).prf()[2]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--lang", choices=["nl", "en", "all"], default="all")
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--out", type=Path, default=model_dir())
    defaults = Options()
    parser.add_argument("--c1", type=float, default=defaults.c1)
    parser.add_argument("--c2", type=float, default=defaults.c2)
    parser.add_argument("--iterations", type=int, default=defaults.iterations)
    parser.add_argument(
        "--clusters",
        default=",".join(map(str, defaults.clusters)),
        help="k-means sizes, comma-separated; empty for none",
    )
    parser.add_argument("--no-doc-features", action="store_true")
    parser.add_argument("--upper-share", type=float, default=defaults.upper_share)
    parser.add_argument("--min-freq", type=int, default=defaults.min_freq)
    parser.add_argument("--no-lexicon", action="store_true")
    parser.add_argument("--window", type=int, choices=[2, 3], default=defaults.window)
    parser.add_argument("--no-ngrams", action="store_true", help="no character trigram features")
    parser.add_argument("--no-name-parts", action="store_true", help="list whole names only")
    parser.add_argument("--algorithm", default=defaults.algorithm, help="crfsuite algorithm")
    parser.add_argument("--no-stack", action="store_true", help="no document-level second pass")
    parser.add_argument("--folds", type=int, default=defaults.folds)
    parser.add_argument("--no-freq", action="store_true", help="no wordfreq Zipf bands")
    parser.add_argument("--no-places", action="store_true", help="no place gazetteer")
    parser.add_argument("--freq-context", action="store_true", help="neighbours' Zipf bands too")
    parser.add_argument(
        "--freq-langs",
        type=int,
        choices=[1, 2],
        default=defaults.freq_langs,
        help="Zipf bands of Dutch only (1) or Dutch and English (2)",
    )
    parser.add_argument(
        "--no-first-names",
        action="store_true",
        help="no first names of the training split's persons as a feature",
    )
    parser.add_argument("--stats", type=Path, help="reuse this wordstats file (quick variants)")
    parser.add_argument("--jobs", type=int, default=2, help="parallel trainings")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    opts = Options(
        c1=args.c1,
        c2=args.c2,
        iterations=args.iterations,
        clusters=tuple(int(k) for k in args.clusters.split(",") if k.strip()),
        doc_features=not args.no_doc_features,
        upper_share=args.upper_share,
        min_freq=args.min_freq,
        lexicon=not args.no_lexicon,
        window=args.window,
        ngrams=not args.no_ngrams,
        name_parts=not args.no_name_parts,
        algorithm=args.algorithm,
        stack=not args.no_stack,
        folds=args.folds,
        freq=not args.no_freq,
        places=not args.no_places,
        freq_context=args.freq_context,
        freq_langs=args.freq_langs,
        first_names=not args.no_first_names,
    )
    if not (args.data / "conll2002-nl").exists() and not (args.data / "conll2003-en").exists():
        print(f"no CoNLL data under {args.data} (use --data)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in ["nl", "en"] if args.lang == "all" else [args.lang]:
        train(args.data, lang, opts, args.out, args.jobs, args.stats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
