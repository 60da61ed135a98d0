"""A synthetic news corpus built from the bundled example articles, for benchmarks and tests.

Each generated article is a fresh mix of sentences from the examples, so articles differ
from each other; a share of them are exact copies and near copies (a few words changed)
of earlier ones, as syndicated news is.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

_DATE_LINE = re.compile(r"^\s*date\s+\S+\s*")
_SENTENCE = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“‘'])")
SOURCES = ("De Morgen", "NOS", "VRT NWS", "NRC", "De Standaard", "Trouw")


def example_paths() -> list[Path]:
    folder = resources.files("storyline") / "data" / "examples"
    return sorted(Path(str(folder)).glob("*.txt"))


def example_sentences() -> list[str]:
    """Every sentence of the bundled examples (headings left out)."""
    sentences: list[str] = []
    for path in example_paths():
        body = _DATE_LINE.sub("", path.read_text(encoding="utf-8"), count=1)
        for paragraph in body.split("\n\n"):
            if len(paragraph.split()) > 6:
                sentences.extend(s.strip() for s in _SENTENCE.split(paragraph) if s.strip())
    return sentences


def _varied(sentence: str, vocabulary: list[str], rng: random.Random) -> str:
    """The sentence with about one word in four swapped, so generated articles differ."""
    words = sentence.split(" ")
    for _ in range(max(1, len(words) // 4)):
        words[rng.randrange(len(words))] = rng.choice(vocabulary)
    return " ".join(words)


def _near_copy(text: str, rng: random.Random) -> str:
    """A syndicated copy: the same text with a handful of words changed and a line added."""
    words = text.split(" ")
    for _ in range(max(2, len(words) // 60)):
        words[rng.randrange(len(words))] = rng.choice(["echter", "volgens", "nu", "ook"])
    return " ".join(words) + "\n\n(Bron: ANP)"


def generate(
    count: int, seed: int = 7, exact_share: float = 0.05, near_share: float = 0.05
) -> Iterator[dict[str, str]]:
    """``count`` article records {id, title, text, date, source, lang}."""
    rng = random.Random(seed)
    pool = example_sentences()
    vocabulary = sorted({word for sentence in pool for word in sentence.split(" ")})
    recent: list[dict[str, str]] = []
    start = date(2017, 1, 1)
    for number in range(count):
        roll = rng.random()
        if recent and roll < exact_share:
            record = dict(rng.choice(recent), id=f"synthetic-{number}")
        elif recent and roll < exact_share + near_share:
            original = rng.choice(recent)
            record = dict(
                original, id=f"synthetic-{number}", text=_near_copy(original["text"], rng)
            )
        else:
            paragraphs = [
                " ".join(_varied(s, vocabulary, rng) for s in rng.sample(pool, rng.randint(2, 4)))
                for _ in range(rng.randint(4, 8))
            ]
            record = {
                "id": f"synthetic-{number}",
                "title": rng.choice(pool)[:80],
                "text": "\n\n".join(paragraphs),
                "date": (start + timedelta(days=number * 365 // max(count, 1))).isoformat(),
                "source": rng.choice(SOURCES),
                "lang": "nl",
            }
        recent = [*recent, record][-200:]
        yield record


def write_jsonl(path: Path, count: int, seed: int = 7) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for record in generate(count, seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
