"""Score quote detection and speaker attribution on OpenBoek (Dutch novels; a proxy for news).

    python eval/quotes.py [--data DIR] [--books NAME ...] [--cv] [--json]

Gold: every <quote> in the *.xml files (direct speech) and its speaker. A predicted quote
is one of kind "direct" (OpenBoek marks direct speech only; partial quotes are scare quotes
in novels); spans are compared on their content with marks, dashes and spaces trimmed.
Matching: "exact" (same trimmed offsets) and "overlap" (any shared character, one to one).
Speaker accuracy is over overlap-matched quotes: the predicted speaker counts as right when
its span overlaps a gold speaker mention of that character, or its words (without articles,
titles and possessives) all occur in the character's name, aliases or gold mention texts.

Quotes without a naming cue get their speaker from a small ranker trained on these same five
books (``storyline/models/quote_speaker_train.py``), so the default figures are optimistic;
``--cv`` adds the honest ones: each book scored by a model trained on the other four.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from storyline.analyze.quote_cues import DETERMINERS, POSSESSIVES, PRONOUNS, TITLES
from storyline.analyze.quote_turns import SpeakerModel, Trace
from storyline.analyze.quotes import find_quotes
from storyline.analyze.sentences import split_sentences
from storyline.model import Mention, Paragraph, Quote

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "openboek-quotes"
_TAG = re.compile(r"<(/?)(quote|mention)\b([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TRIM = " \t\n\"'“”„‘’«»-–—"
_SKIP = set(DETERMINERS["nl"]) | set(POSSESSIVES["nl"]) | set(TITLES["nl"])


@dataclass
class GoldQuote:
    start: int
    end: int
    speaker: str


@dataclass
class Book:
    name: str
    text: str
    quotes: list[GoldQuote]
    mentions: list[tuple[int, int, str]]
    names: dict[str, set[str]] = field(default_factory=dict)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces, marks and dashes around a gold span, but keep an elision like "'k"."""
    while start < end and text[start] in _TRIM:
        if text[start] in "'’" and text[start + 1 : start + 2].isalnum():
            break
        start += 1
    while end > start and text[end - 1] in _TRIM:
        if text[end - 1] in "'’" and text[end - 2 : end - 1].isalnum():
            break
        end -= 1
    return start, end


def read_book(path: Path) -> Book:
    """Plain text, gold quotes and speaker mentions of one OpenBoek XML file."""
    raw = path.read_text(encoding="utf-8")
    body = raw[raw.index("<text>") + len("<text>") : raw.index("</text>")]
    parts: list[str] = []
    length = 0
    open_tags: list[tuple[str, dict[str, str], int]] = []
    quotes: list[GoldQuote] = []
    mentions: list[tuple[int, int, str]] = []
    pos = 0
    for match in _TAG.finditer(body):
        piece = html.unescape(body[pos : match.start()])
        parts.append(piece)
        length += len(piece)
        pos = match.end()
        if not match.group(1):
            open_tags.append((match.group(2), dict(_ATTR.findall(match.group(3))), length))
            continue
        name, attrs, start = open_tags.pop()
        if name == "quote":
            quotes.append(GoldQuote(start, length, attrs.get("speaker", "")))
        else:
            mentions.append((start, length, attrs.get("speaker", "")))
    parts.append(html.unescape(body[pos:]))
    text = "".join(parts)
    quotes = [GoldQuote(*_trim(text, q.start, q.end), q.speaker) for q in quotes]
    book = Book(path.stem, text, [q for q in quotes if q.end > q.start], mentions)
    for char in re.findall(r"<character ([^>]*)/>", raw):
        attrs = dict(_ATTR.findall(char))
        words = set(attrs.get("name", "").lower().replace("_", " ").split())
        words |= set(attrs.get("aliases", "").lower().split())
        book.names.setdefault(attrs.get("name", ""), set()).update(words)
    pronouns = set(PRONOUNS["nl"])
    for start, end, speaker in mentions:
        said = text[start:end].lower()
        if said not in pronouns:
            book.names.setdefault(speaker, set()).update(said.split())
    return book


def _speaker_ok(book: Book, gold: GoldQuote, pred: Quote) -> bool:
    if pred.speaker is None:
        return False
    s = pred.speaker
    for start, end, speaker in book.mentions:
        if speaker == gold.speaker and start < s.end and s.start < end:
            return True
    words = [w for w in re.findall(r"[\w'-]+", s.text.lower()) if w not in _SKIP]
    names = book.names.get(gold.speaker, set())
    return bool(words) and all(w in names for w in words)


def _cue_mention_ok(book: Book, gold: GoldQuote, pred: Quote) -> bool:
    """Mention level: the pronoun the cue named (before resolution) is the gold speaker mention."""
    for flag in pred.flags:
        if flag.startswith("pronoun:") and "@" in flag:
            word, at = flag[len("pronoun:") :].rsplit("@", 1)
            start, end = int(at), int(at) + len(word)
            if any(s == gold.speaker and a < end and start < b for a, b, s in book.mentions):
                return True
    return _speaker_ok(book, gold, pred)


def _match(
    golds: list[GoldQuote], preds: list[Quote], exact: bool
) -> list[tuple[GoldQuote, Quote]]:
    pairs, used = [], set()
    for gold in golds:
        for n, pred in enumerate(preds):
            if n in used:
                continue
            hit = (
                (pred.start, pred.end) == (gold.start, gold.end)
                if exact
                else (pred.start < gold.end and gold.start < pred.end)
            )
            if hit:
                pairs.append((gold, pred))
                used.add(n)
                break
    return pairs


def _lines(text: str) -> list[Paragraph]:
    """The text's lines as stretches for the sentence splitter (the books have one sentence
    a line and no paragraph marks; quotes are still found over the whole text)."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append(Paragraph(start, start + len(line)))
        start += len(line) + 1
    return spans


def _entities(text: str) -> list[Mention] | None:
    """Person mentions from the entity stage when it exists and runs, else None."""
    try:
        from storyline.analyze.entities import EntityStage
        from storyline.model import Article, Document
    except ImportError:
        print("no storyline.analyze.entities yet: heuristic names only", file=sys.stderr)
        return None
    try:
        doc = Document(
            article=Article(
                id="openboek", text=text, lang="nl", paragraphs=[Paragraph(0, len(text))]
            )
        )
        doc.sentences = split_sentences(text, "nl", _lines(text))
        return [m for out in EntityStage()([doc]) for m in out.entities]
    except Exception as exc:  # the entity model may be missing: report and fall back
        print(f"entity stage unavailable: {exc}", file=sys.stderr)
        return None


def predict(
    book: Book,
    entities: list[Mention] | None = None,
    model: SpeakerModel | None = None,
    trace: Trace | None = None,
) -> list[Quote]:
    """All quotes the stage finds in one book."""
    sentences = split_sentences(book.text, "nl", _lines(book.text))
    return find_quotes(
        book.text, "nl", sentences, entities or [], None, None, book.name, model, trace
    )


def score(
    books: list[Book],
    use_entities: bool = False,
    models: dict[str, SpeakerModel] | None = None,
) -> dict[str, float]:
    """Detection and speaker figures; ``models`` maps a book name to the speaker model to
    use for it (leave-one-book-out), else the shipped model runs."""
    totals = {"gold": 0, "pred": 0, "exact": 0, "overlap": 0, "speaker": 0, "mention": 0}
    for book in books:
        entities = (_entities(book.text) or []) if use_entities else []
        found = predict(book, entities, (models or {}).get(book.name))
        preds = [q for q in found if q.kind == "direct"]
        totals["gold"] += len(book.quotes)
        totals["pred"] += len(preds)
        totals["exact"] += len(_match(book.quotes, preds, exact=True))
        pairs = _match(book.quotes, preds, exact=False)
        totals["overlap"] += len(pairs)
        totals["speaker"] += sum(_speaker_ok(book, g, p) for g, p in pairs)
        totals["mention"] += sum(_cue_mention_ok(book, g, p) for g, p in pairs)
    result: dict[str, float] = {}
    for key in ("exact", "overlap"):
        p = totals[key] / totals["pred"] if totals["pred"] else 0.0
        r = totals[key] / totals["gold"] if totals["gold"] else 0.0
        result[f"{key}_p"], result[f"{key}_r"] = round(p, 4), round(r, 4)
        result[f"{key}_f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    for key, name in (("speaker", "speaker_acc"), ("mention", "speaker_mention_acc")):
        result[name] = round(totals[key] / totals["overlap"], 4) if totals["overlap"] else 0.0
    result.update({k: float(v) for k, v in totals.items()})
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--books", nargs="*", help="book name prefixes (default: all five)")
    parser.add_argument("--entities", action="store_true", help="also run the entity stage")
    parser.add_argument(
        "--cv",
        action="store_true",
        help="also score each book with a speaker model trained on the other four (slow)",
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="show capped/unclosed warnings")
    args = parser.parse_args(argv)
    if not args.verbose:
        logging.getLogger("storyline.analyze.quotes").setLevel(logging.ERROR)
    paths = sorted(args.data.glob("*.xml"))
    if args.books:
        paths = [p for p in paths if any(p.stem.startswith(b) for b in args.books)]
    if not paths:
        print(f"no OpenBoek files under {args.data}", file=sys.stderr)
        return 2
    books = [read_book(p) for p in paths]
    began = time.perf_counter()
    results = {"heuristic_names": score(books)}
    if args.entities:
        results["entity_stage"] = score(books, use_entities=True)
    if args.cv:
        from storyline.models.quote_speaker_train import cross_validate

        models = cross_validate(sys.modules[__name__], books)
        results["learned_leave_one_book_out"] = score(books, models=models)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(
        f"OpenBoek quotes ({len(books)} books, {sum(len(b.quotes) for b in books)} gold quotes, "
        f"all of each file; {time.perf_counter() - began:.1f}s)"
    )
    for mode, res in results.items():
        for key in ("exact", "overlap"):
            p, r, f1 = res[f"{key}_p"], res[f"{key}_r"], res[f"{key}_f1"]
            print(f"[{mode}] {key:8} P {p:.3f} R {r:.3f} F1 {f1:.3f}")
        print(
            f"[{mode}] speaker accuracy on overlap-matched quotes {res['speaker_acc']:.3f}"
            f" ({int(res['speaker'])}/{int(res['overlap'])}); counting the cue's pronoun mention"
            f" {res['speaker_mention_acc']:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
