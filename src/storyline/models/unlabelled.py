"""Unlabelled tokenised text from the shared data folder, for clusters and casing statistics.

Only the splits the data README names are read; CoNLL development files are never used here,
so development scores stay honest.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path

from storyline.models.conll import read_conll

_TAG = re.compile(r"<[^>]+>")
_TOKEN_XML = re.compile(r"<token\b[^>]*?\bsentence=\"(\d+)\"[^>]*>([^<]*)</token>")
_SENT_END = re.compile(r"(?<= [.!?]) (?=\S)")


def conll_text(path: Path) -> Iterator[list[str]]:
    for doc in read_conll(path):
        for tokens, _tags in doc.sentences:
            yield tokens


def meantime_nl(folder: Path) -> Iterator[list[str]]:
    """Sentences of ``meantime.conll`` (doc, sentence, token index, token, chain)."""
    path = folder / "meantime.conll"
    if not path.exists():
        return
    sent: list[str] = []
    for line in path.open(encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 4 and not line.startswith("#"):
            sent.append(parts[3])
        elif sent:
            yield sent
            sent = []
    if sent:
        yield sent


def openboek(folder: Path) -> Iterator[list[str]]:
    """Lines of the tokenised novels in the OpenBoek XML files (markup stripped)."""
    for path in sorted(folder.glob("*.xml")):
        text = path.read_text(encoding="utf-8")
        body = text.split("<text>", 1)[-1]
        for line in html.unescape(_TAG.sub("", body)).splitlines():
            tokens = line.split()
            if tokens:
                yield tokens


def token_xml(folder: Path) -> Iterator[list[str]]:
    """Sentences of NAF/CAT-style XML with ``<token sentence="n">word</token>`` elements."""
    for path in sorted(folder.rglob("*.xml")):
        sent: list[str] = []
        current = None
        for match in _TOKEN_XML.finditer(path.read_text(encoding="utf-8", errors="replace")):
            if match.group(1) != current and sent:
                yield sent
                sent = []
            current = match.group(1)
            sent.append(html.unescape(match.group(2)))
        if sent:
            yield sent


def timeline17(folder: Path) -> Iterator[list[str]]:
    """Sentences of the pre-tokenised Timeline17 articles (split after ' . ')."""
    for path in sorted(folder.glob("*/articles.json")):
        for article in json.loads(path.read_text(encoding="utf-8")):
            for sent in _SENT_END.split(article.get("text", "")):
                tokens = sent.split()
                if tokens:
                    yield tokens


def sentences(data: Path, lang: str) -> list[list[str]]:
    """All unlabelled sentences for ``lang`` (training split of CoNLL included)."""
    if lang == "nl":
        parts = [
            conll_text(data / "conll2002-nl" / "ned.train"),
            meantime_nl(data / "meantime-nl"),
            openboek(data / "openboek-quotes"),
        ]
    else:
        parts = [
            conll_text(data / "conll2003-en" / "eng.train"),
            timeline17(data / "timeline17"),
            token_xml(data / "meantime-en"),
            token_xml(data / "ecbplus"),
        ]
    return [sent for part in parts for sent in part]
