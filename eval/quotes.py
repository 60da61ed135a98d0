"""Score quote detection and speaker attribution on OpenBoek (Dutch novels; a proxy for news).

    python eval/quotes.py [--data DIR] [--books NAME ...] [--cv] [--per-book] [--json]

Gold: every <quote> in the *.xml files (direct speech) with its speaker, a character of the
file's <characters> list, and ``connection``, the gold speaker mention: a <mention> that
carries the same character. A predicted quote is one of kind "direct" (OpenBoek marks direct
speech only; partial quotes are scare quotes in novels); spans are compared on their content
with marks, dashes and spaces trimmed. Matching: "exact" (same trimmed offsets) and
"overlap" (any shared character, one to one). Speaker figures are over overlap-matched quotes.

The dataset's authors (dutchqa ``evalquotes.py``) score the speaker *mention* a system gives
for a quote: right when it is a mention of the gold speaker's coreference cluster, i.e. any
mention of that character. The coreference layer is not in this folder, so a system mention
counts as a mention of character C when (1) its span overlaps a gold <mention> of C, or (2)
it is a first-person pronoun outside the quotes and the gold links first-person narration to
C (the narrator), or (3) its name words (without articles, titles, possessives, pronouns)
equal one of C's name forms (character name, aliases, gold mention texts), or are part of
one when no character has an equal form; a name that fits several characters is wrong.
The system mention of a quote is its cue pronoun ("zeide hij", flag ``pronoun:WORD@AT``)
when that pronoun is a gold mention, else its resolved speaker.

- ``speaker_acc``: that dataset definition (cluster level);
- ``speaker_entity_acc``: stricter, the resolved speaker itself must denote the character
  (Muzny et al. 2017's character-level accuracy); a right cue pronoun resolved to the wrong
  person counts as wrong.

Quotes without a naming cue get their speaker from a small ranker (``quote_turns``) whose
weights were fitted on these same five books (``storyline/models/quote_speaker_train.py``),
so the default figures are in-sample; ``--cv`` adds the honest ones: each book scored by a
model trained on the other four.
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

from storyline.analyze.quote_cues import (
    DETERMINERS,
    FUNCTION_WORDS,
    OBJECT_PRONOUNS,
    POSSESSIVES,
    PRONOUNS,
    TITLES,
)
from storyline.analyze.quote_model import SpeakerModel, Trace
from storyline.analyze.quotes import find_quotes
from storyline.analyze.sentences import split_sentences
from storyline.model import Mention, Paragraph, Quote

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "openboek-quotes"
_TAG = re.compile(r"<(/?)(quote|mention)\b([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TRIM = " \t\n\"'“”„‘’«»-–—"
_SKIP = set(DETERMINERS["nl"]) | set(POSSESSIVES["nl"]) | set(TITLES["nl"]) | {"den", "der", "des"}
_SKIP |= set(FUNCTION_WORDS["nl"])
_FIRST = frozenset(["ik", "'k", "mij", "me", "mijn", "m'n", "mijne"])
_PRONOUNS = set(PRONOUNS["nl"]) | set(OBJECT_PRONOUNS["nl"]) | _FIRST
_PRONOUNS |= {"men", "'m", "zijne", "hare", "jou", "jouw", "je", "jullie", "jelui", "deze"}
_WORD = re.compile(r"[\w'-]+")


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
    forms: dict[str, set[frozenset[str]]] = field(default_factory=dict)
    narrators: set[str] = field(default_factory=set)


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
        name = attrs.get("name", "")
        for form in (name.replace("_", " "), attrs.get("aliases", "")):
            _add_form(book, name, form)
    for start, end, speaker in mentions:
        said = text[start:end]
        _add_form(book, speaker, said)
        inside = any(q.start <= start < q.end for q in book.quotes)
        if said.lower() in ("ik", "'k") and not inside:  # the narrator says "ik" in narration
            book.narrators.add(speaker)
    return book


def _content(said: str) -> frozenset[str]:
    """The name words of a mention: no articles, titles, possessives or pronouns."""
    words = [re.sub(r"'s$", "", w.lower()) for w in _WORD.findall(said.replace("’", "'"))]
    return frozenset(w for w in words if w not in _SKIP and w not in _PRONOUNS)


def _add_form(book: Book, character: str, said: str) -> None:
    form = _content(said)
    if form:
        book.forms.setdefault(character, set()).add(form)


def denotes(book: Book, start: int, end: int, said: str) -> set[str]:
    """The characters a system mention can be said to be a mention of (see the module doc)."""
    words = _content(said)
    gold = set()
    for a, b, character in book.mentions:
        if a < end and start < b:
            # the same mention, not a stray word inside a long one ("met" in "een meisje met ...")
            inner = _content(book.text[a:b])
            if (words and words <= inner) or (not words and not inner):
                gold.add(character)
    if gold:
        return gold
    if said.lower() in _FIRST:
        inside = any(q.start <= start < q.end for q in book.quotes)
        return set() if inside else set(book.narrators)
    if not words:
        return set()
    equal = {c for c, forms in book.forms.items() if words in forms}
    return equal or {c for c, forms in book.forms.items() if any(words <= f for f in forms)}


def _own_pronoun(pred: Quote) -> tuple[int, int] | None:
    for flag in pred.flags:
        if flag.startswith("pronoun:") and "@" in flag:
            word, at = flag[len("pronoun:") :].rsplit("@", 1)
            return int(at), int(at) + len(word)
    return None


def _entity_ok(book: Book, gold: GoldQuote, pred: Quote) -> bool:
    """Character level: the resolved speaker denotes the gold character and no other."""
    s = pred.speaker
    return s is not None and denotes(book, s.start, s.end, s.text) == {gold.speaker}


def _speaker_ok(book: Book, gold: GoldQuote, pred: Quote) -> bool:
    """The dataset's definition: the system's speaker mention is a mention of the gold
    character; a cue pronoun that is a gold mention decides on its own."""
    pron = _own_pronoun(pred)
    if pron is not None:
        said = {c for a, b, c in book.mentions if a <= pron[0] and pron[1] <= b}
        if said:
            return said == {gold.speaker}
    return _entity_ok(book, gold, pred)


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


def candidate_recall(
    book: Book, found: list[Quote], pairs: list[tuple[GoldQuote, Quote]], trace: Trace
) -> tuple[int, int]:
    """Matched quotes the ranker chose a speaker for, and those among them where some
    candidate is the gold character (the ranker's ceiling)."""
    gold_of = {id(p): g for g, p in pairs}
    quotes = [q for q in found if q.kind != "indirect"]
    ranked = reachable = 0
    for index, cands in trace:
        gold = gold_of.get(id(quotes[index]))
        if gold is None:
            continue
        ranked += 1
        probes = (Quote(0, 0, "", "direct", speaker=mention) for _, _, mention in cands)
        reachable += any(_speaker_ok(book, gold, probe) for probe in probes)
    return ranked, reachable


def score(
    books: list[Book],
    use_entities: bool = False,
    models: dict[str, SpeakerModel] | None = None,
) -> dict[str, float]:
    """Detection and speaker figures; ``models`` maps a book name to the speaker model to
    use for it (leave-one-book-out), else the shipped model runs."""
    totals = {"gold": 0, "pred": 0, "exact": 0, "overlap": 0, "speaker": 0, "entity": 0}
    totals |= {"ranked": 0, "reachable": 0}
    for book in books:
        entities = (_entities(book.text) or []) if use_entities else []
        trace: Trace = []
        found = predict(book, entities, (models or {}).get(book.name), trace)
        preds = [q for q in found if q.kind == "direct"]
        totals["gold"] += len(book.quotes)
        totals["pred"] += len(preds)
        totals["exact"] += len(_match(book.quotes, preds, exact=True))
        pairs = _match(book.quotes, preds, exact=False)
        totals["overlap"] += len(pairs)
        totals["speaker"] += sum(_speaker_ok(book, g, p) for g, p in pairs)
        totals["entity"] += sum(_entity_ok(book, g, p) for g, p in pairs)
        ranked, reachable = candidate_recall(book, found, pairs, trace)
        totals["ranked"] += ranked
        totals["reachable"] += reachable
    result: dict[str, float] = {}
    for key in ("exact", "overlap"):
        p = totals[key] / totals["pred"] if totals["pred"] else 0.0
        r = totals[key] / totals["gold"] if totals["gold"] else 0.0
        result[f"{key}_p"], result[f"{key}_r"] = round(p, 4), round(r, 4)
        result[f"{key}_f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    for key, name in (("speaker", "speaker_acc"), ("entity", "speaker_entity_acc")):
        result[name] = round(totals[key] / totals["overlap"], 4) if totals["overlap"] else 0.0
    result["candidate_recall"] = (
        round(totals["reachable"] / totals["ranked"], 4) if totals["ranked"] else 0.0
    )
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
    parser.add_argument("--per-book", action="store_true", help="speaker figures per book")
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
    runs: dict[str, dict[str, SpeakerModel] | None] = {"shipped_model": None}
    if args.cv:
        from storyline.models.quote_speaker_train import cross_validate

        runs["leave_one_book_out"] = cross_validate(sys.modules[__name__], books)
    results = {mode: score(books, models=models) for mode, models in runs.items()}
    if args.entities:
        results["entity_stage"] = score(books, use_entities=True)
    if args.per_book:
        for mode, models in runs.items():
            for book in books:
                results[f"{mode}/{book.name}"] = score([book], models=models)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(
        f"OpenBoek quotes ({len(books)} books, {sum(len(b.quotes) for b in books)} gold quotes, "
        f"all of each file; {time.perf_counter() - began:.1f}s)"
    )
    for mode, res in results.items():
        if "/" in mode:
            print(
                f"[{mode}] speaker {res['speaker_acc']:.3f} character level"
                f" {res['speaker_entity_acc']:.3f} ({int(res['overlap'])} quotes;"
                f" candidate recall {res['candidate_recall']:.3f})"
            )
            continue
        for key in ("exact", "overlap"):
            p, r, f1 = res[f"{key}_p"], res[f"{key}_r"], res[f"{key}_f1"]
            print(f"[{mode}] {key:8} P {p:.3f} R {r:.3f} F1 {f1:.3f}")
        print(
            f"[{mode}] speaker accuracy on overlap-matched quotes {res['speaker_acc']:.3f}"
            f" ({int(res['speaker'])}/{int(res['overlap'])}); resolved speaker (character level)"
            f" {res['speaker_entity_acc']:.3f} ({int(res['entity'])})"
        )
        print(
            f"[{mode}] ranked quotes with the gold speaker among the candidates"
            f" {res['candidate_recall']:.3f} ({int(res['reachable'])}/{int(res['ranked'])})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
