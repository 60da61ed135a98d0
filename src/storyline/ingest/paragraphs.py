"""Paragraph structure: paragraphs, in-text headings and scraped debris around titles.

Headings ("Inmenging Rusland", "'Niets misleidend'") and debris ("Verkiezingen VS" glued
in front of a sentence, "IVI" after a title) are marked so later stages never read them
as sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from storyline.model import Paragraph

MAX_HEADING_WORDS = 8
MAX_HEADING_CHARS = 70
MAX_TITLE_WORDS = 25
# Scraped labels sit near the top of a page: only the first paragraphs are searched for them.
LABEL_PARAGRAPHS = 3
# a sentence ends inside a closing mark too: 'Rutte: „Het is niemands schuld.”'
_SENTENCE_END = re.compile(r"[.!?…:;,][\"”’'»]?$")
_QUOTED_ONLY = re.compile(r"^[\"“„‘'«].{1,60}[\"”’'»]$")
# Words that open a Dutch or English sentence; a few capitalised words glued in front of
# one, right after a sentence end, are a scraped section label ("Verkiezingen VS De ...").
_OPENERS = (
    "De|Het|Een|Die|Dat|Deze|Dit|Volgens|Ook|Maar|Bij|Na|Op|In|"
    "The|A|An|This|That|According|But|After|On"
)
_GLUED_LABEL = re.compile(
    r"(?:(?<=[.!?\"”’] )|^)((?:[A-Z][\w'’-]*|[A-Z]{2,}) (?:(?:[A-Z][\w'’-]*|[A-Z]{2,}) ){0,2})"
    rf"(?=(?:{_OPENERS}) [a-z])"
)
# Where a glued label can start, besides the very start of the text: what the label
# pattern's look-behind accepts, followed by the capital its first word needs. Trying the
# pattern only there is much faster than letting it scan every position.
_LABEL_START = re.compile(r"[.!?\"”’] (?=[A-Z])")
_TRAILING_DEBRIS = re.compile(r"(?<=[\"”’»)]) +[A-Z]{2,5}$")


def looks_like_heading(line: str) -> bool:
    """A short line that is not a sentence: a section heading or label."""
    if len(line) > MAX_HEADING_CHARS:
        return False
    words = line.split()
    if not words or len(words) > MAX_HEADING_WORDS:
        return False
    if _QUOTED_ONLY.match(line):
        return True
    if _SENTENCE_END.search(line):
        return False
    return line[0].isupper() or line[0] in "\"“„‘'«"


def looks_like_title(line: str) -> bool:
    """A first line that heads the article rather than starting its body."""
    words = line.split()
    if len(words) > MAX_TITLE_WORDS or "\n" in line:
        return False
    return not re.search(r"[.!?]$", line) or bool(_TRAILING_DEBRIS.search(line))


def clean_title(line: str) -> str:
    """A title without scraped debris such as a trailing outlet code."""
    return _TRAILING_DEBRIS.sub("", line).strip()


def _blocks(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for block in text.split("\n\n"):
        if block.strip():
            spans.append((pos, pos + len(block)))
        pos += len(block) + 2
    return spans


def _glued_labels(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """What ``_GLUED_LABEL.finditer(text, start, end)`` finds, tried at candidates only."""
    found = (match.end() for match in _LABEL_START.finditer(text, start, end))
    candidates: Iterator[int] = chain([0], found) if start == 0 else found
    cursor = start
    for position in candidates:
        if position < cursor:
            continue
        match = _GLUED_LABEL.match(text, position, end)
        if match:
            cursor = match.end()
            yield match


def _split_glued_labels(text: str, start: int, end: int) -> list[Paragraph]:
    parts: list[Paragraph] = []
    cursor = start
    for match in _glued_labels(text, start, end):
        label_start, label_end = match.start(1), match.end(1)
        if label_start > cursor:
            parts.append(Paragraph(cursor, label_start - 1))
        parts.append(Paragraph(label_start, label_end - 1, heading=True))
        cursor = label_end
    if cursor < end:
        parts.append(Paragraph(cursor, end))
    return parts


def find_paragraphs(text: str) -> tuple[list[Paragraph], str | None]:
    """Paragraphs of a cleaned text (blank-line separated) and the title line, if any."""
    blocks = _blocks(text)
    paragraphs: list[Paragraph] = []
    title = None
    for index, (start, end) in enumerate(blocks):
        line = text[start:end]
        if index == 0 and len(blocks) > 1 and looks_like_title(line):
            title = clean_title(line)
            paragraphs.append(Paragraph(start, end, heading=True))
        elif len(blocks) > 1 and looks_like_heading(line):
            paragraphs.append(Paragraph(start, end, heading=True))
        elif index < LABEL_PARAGRAPHS:
            paragraphs.extend(_split_glued_labels(text, start, end))
        else:
            paragraphs.append(Paragraph(start, end))
    return paragraphs, title
