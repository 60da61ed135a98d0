"""Cross-document entity coreference on MEANTIME (nl and en): MUC, B3, CEAF-e, CoNLL F1.

Gold mentions are given (their text and type); the resolver clusters them across all
documents of both topics (corpus_airbus, corpus_apple) at once. Two mention sets per
language, PER/ORG/LOC only:
  named  -- proper-name mentions: head POS PROPN (nl), syntactic_type NAM (en)
  all    -- every PER/ORG/LOC mention, nominals and pronouns included
A baseline clusters mentions by exact (case-folded) text and type. With --detected, the
NER stage's own mentions are aligned to the gold named mentions (same span, or inside
the gold span and covering its head) when ``storyline.analyze.entities`` is available.
Splits: the MEANTIME folders in ../shared/data hold the released corpus (no held-out part).

    python eval/coref.py [--data ../shared/data] [--lang nl|en|all] [--detected] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.model import Article, Document, Mention
from storyline.resolve import resolve_documents
from storyline.resolve.scoring import clusters_of, score
from storyline.resolve.translit import fold

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"
TYPES = ("PER", "ORG", "LOC")


@dataclass
class GoldMention:
    doc: str
    start: int
    end: int
    text: str
    label: str
    chain: str
    named: bool
    head: tuple[int, int]


@dataclass
class Corpus:
    docs: dict[str, str]  # doc id -> rebuilt text
    mentions: list[GoldMention]


def _join(tokens: list[tuple[str, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text from (token id, word) pairs, one space between; offsets of every token."""
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    pos = 0
    previous_sentence: str | None = None
    for tid, word in tokens:
        sentence = tid.split(":")[0]
        if parts:
            sep = "\n" if sentence != previous_sentence else " "
            parts.append(sep)
            pos += 1
        offsets[tid] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        previous_sentence = sentence
    return "".join(parts), offsets


def load_nl(data: Path) -> Corpus:
    folder = data / "meantime-nl"
    tokens: dict[str, list[tuple[str, str]]] = {}
    for line in (folder / "meantime.conll").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 4 and not line.startswith("#"):
            tokens.setdefault(cols[0], []).append((f"{cols[1]}:{cols[2]}", cols[3]))
    docs: dict[str, str] = {}
    offsets: dict[str, dict[str, tuple[int, int]]] = {}
    for doc, items in tokens.items():
        docs[doc], offsets[doc] = _join(items)
    mentions = []
    for item in json.loads((folder / "entity_mentions.json").read_text(encoding="utf-8")):
        if item["mention_type"] not in TYPES:
            continue
        doc, sent, numbers = item["conll_doc_key"], item["sent_id"], item["tokens_number"]
        spans = [offsets[doc][f"{sent}:{n}"] for n in numbers]
        start, end = spans[0][0], spans[-1][1]
        head_index = min(max(item.get("mention_head_id", 0), 0), len(spans) - 1)
        mentions.append(
            GoldMention(
                doc, start, end, docs[doc][start:end], item["mention_type"], item["coref_chain"],
                item["mention_head_pos"] == "PROPN", spans[head_index],
            )
        )  # fmt: skip
    return Corpus(docs, mentions)


def load_en(data: Path) -> Corpus:
    docs: dict[str, str] = {}
    mentions: list[GoldMention] = []
    for path in sorted((data / "meantime-en").glob("corpus_*/*.xml")):
        root = ET.parse(path).getroot()
        doc = f"{path.parent.name}/{root.get('doc_id')}"
        items = [(f"{t.get('sentence')}:{t.get('t_id')}", t.text or "") for t in root.iter("token")]
        docs[doc], by_pos = _join(items)
        offsets = {tid.split(":")[1]: span for tid, span in by_pos.items()}
        mentions.extend(_cat_mentions(root, doc, docs[doc], offsets))
    return Corpus(docs, mentions)


def _cat_mentions(
    root: ET.Element, doc: str, text: str, offsets: dict[str, tuple[int, int]]
) -> Iterable[GoldMention]:
    markables = root.find("Markables")
    if markables is None:
        return
    entities = {e.get("m_id"): e for e in markables.iter("ENTITY")}
    target: dict[str, str] = {}
    for relation in root.iter("REFERS_TO"):
        goal = relation.find("target")
        for source in relation.iter("source"):
            if goal is not None:
                target[source.get("m_id", "")] = goal.get("m_id", "")
    for mention in markables.iter("ENTITY_MENTION"):
        anchors = [a.get("t_id", "") for a in mention.iter("token_anchor")]
        entity = entities.get(target.get(mention.get("m_id", ""), ""))
        if not anchors or entity is None or entity.get("ent_type") not in TYPES:
            continue
        chain = entity.get("instance_id") or f"{doc}#{entity.get('m_id')}"
        start, end = offsets[anchors[0]][0], offsets[anchors[-1]][1]
        named = mention.get("syntactic_type") == "NAM"
        yield GoldMention(
            doc, start, end, text[start:end], entity.get("ent_type", ""), chain, named,
            offsets[anchors[-1]],
        )  # fmt: skip


def documents(corpus: Corpus, mentions: list[GoldMention], lang: str) -> list[Document]:
    by_doc: dict[str, list[GoldMention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc, []).append(m)
    out = []
    for doc_id, text in corpus.docs.items():
        doc = Document(Article(id=doc_id, text=text, lang=lang))
        ordered = sorted(by_doc.get(doc_id, []), key=lambda m: (m.start, m.end))
        doc.entities = [Mention(m.start, m.end, m.text, m.label) for m in ordered]
        out.append(doc)
    return out


def system_clusters(docs: list[Document]) -> dict[tuple[str, int, int], str]:
    """Resolve in memory; unresolved mentions become singletons."""
    resolve_documents(docs)
    found = {}
    for doc in docs:
        for m in doc.entities:
            key = (doc.article.id, m.start, m.end)
            found[key] = m.entity_id or f"single:{key}"
    return found


def exact_clusters(mentions: list[GoldMention]) -> dict[tuple[str, int, int], str]:
    return {(m.doc, m.start, m.end): f"{m.label}:{fold(m.text)}" for m in mentions}


def evaluate(corpus: Corpus, subset: str, lang: str) -> dict[str, Any]:
    chosen = [m for m in corpus.mentions if subset == "all" or m.named]
    key = clusters_of({(m.doc, m.start, m.end): m.chain for m in chosen})
    system = score(key, clusters_of(system_clusters(documents(corpus, chosen, lang))))
    baseline = score(key, clusters_of(exact_clusters(chosen)))
    return {
        "mentions": len(chosen),
        "gold_entities": len(key),
        "system": system.as_dict(),
        "baseline_exact": baseline.as_dict(),
    }


def evaluate_detected(corpus: Corpus, lang: str) -> dict[str, Any] | None:
    """The NER stage's mentions, aligned to gold named mentions, then resolved."""
    try:
        from storyline.analyze.entities import EntityStage
        from storyline.analyze.sentences import SentenceStage
    except ImportError:
        return None
    from storyline.errors import StorylineError

    gold = [m for m in corpus.mentions if m.named]
    docs = [Document(Article(id=d, text=t, lang=lang)) for d, t in corpus.docs.items()]
    try:
        docs = list(EntityStage()(SentenceStage()(docs)))
    except StorylineError as error:
        print(f"detected mentions: {error}", file=sys.stderr)
        return None
    for doc in docs:
        doc.entities = [m for m in doc.entities if m.label in TYPES]
    response = system_clusters(docs)
    aligned = _align(gold, response)
    key = clusters_of({(m.doc, m.start, m.end): m.chain for m in gold})
    twinned = {k: v for k, v in aligned.items() if k[0] != "sys"}
    return {
        "mentions": len(response),
        "aligned": len(twinned),
        # every detected mention: those matching no gold mention count against precision
        "system": score(key, clusters_of(aligned)).as_dict(),
        # detected mentions that match a gold mention only: resolution given detection
        "system_aligned_only": score(key, clusters_of(twinned)).as_dict(),
    }


def _align(gold: list[GoldMention], response: dict[tuple[str, int, int], str]) -> dict[Any, str]:
    by_doc: dict[str, list[GoldMention]] = {}
    for m in gold:
        by_doc.setdefault(m.doc, []).append(m)
    aligned: dict[Any, str] = {}
    for (doc, start, end), label in response.items():
        match = next(
            (g for g in by_doc.get(doc, []) if g.start <= start and end <= g.end
             and start <= g.head[0] and g.head[1] <= end),
            None,
        )  # fmt: skip
        key = (g.doc, g.start, g.end) if (g := match) else ("sys", doc, start, end)
        aligned.setdefault(key, label)
    return aligned


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--lang", choices=["nl", "en", "all"], default="all")
    parser.add_argument("--detected", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (args.data / "meantime-nl").exists():
        print(f"no MEANTIME data under {args.data}", file=sys.stderr)
        return 1
    results: dict[str, Any] = {}
    for lang in ("nl", "en") if args.lang == "all" else (args.lang,):
        started = time.perf_counter()
        corpus = load_nl(args.data) if lang == "nl" else load_en(args.data)
        for subset in ("named", "all"):
            results[f"{lang}_gold_{subset}"] = evaluate(corpus, subset, lang)
        if args.detected:
            results[f"{lang}_detected_named"] = evaluate_detected(corpus, lang)
        results[f"{lang}_seconds"] = round(time.perf_counter() - started, 2)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        _print(results)
    return 0


def _print(results: dict[str, Any]) -> None:
    print(f"{'set':22} {'mentions':>8} {'MUC':>6} {'B3':>6} {'CEAFe':>6} {'CoNLL':>6}")
    for name, value in results.items():
        if not isinstance(value, dict):
            continue
        for kind, tag in (("system", ""), ("baseline_exact", " (exact)"),
                          ("system_aligned_only", " (aligned)")):  # fmt: skip
            if kind in value:
                s = value[kind]
                label = f"{name}{tag}"
                print(
                    f"{label:22} {value['mentions']:>8} {s['muc_f1']:6.3f} {s['b3_f1']:6.3f} "
                    f"{s['ceaf_e_f1']:6.3f} {s['conll_f1']:6.3f}"
                )


if __name__ == "__main__":
    sys.exit(main())
