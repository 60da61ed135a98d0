"""Build documents with mentions found by name, standing in for the NER stage."""

from __future__ import annotations

import re

from storyline.model import Article, Document, Mention, PartialDate


def find_mentions(text: str, names: list[tuple[str, str]]) -> list[Mention]:
    """Every whole-word occurrence of each (name, label); longer names win overlaps."""
    found: list[Mention] = []
    for name, label in sorted(names, key=lambda item: -len(item[0])):
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w])", text):
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            found.append(Mention(match.start(), match.end(), name, label))
    return sorted(found, key=lambda m: m.start)


def make_doc(
    article_id: str,
    text: str,
    names: list[tuple[str, str]],
    lang: str = "nl",
    date: PartialDate | None = None,
) -> Document:
    article = Article(id=article_id, text=text, lang=lang, date=date or PartialDate(2017, 3))
    return Document(article=article, entities=find_mentions(text, names))
