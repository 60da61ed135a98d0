"""Find quoted stretches of text from quotation marks and dialogue dashes.

Pairs typographic and straight marks per paragraph, follows quotes that run over
several paragraphs, tells apostrophes from single quotes and never lets an unclosed
mark swallow the rest of the text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from storyline.analyze.quote_cues import (
    CLOSERS,
    ELISIONS,
    OPENERS,
    SPEECH_VERBS,
    STRAIGHT,
    lexicon,
)
from storyline.analyze.quote_dialogue import speechlike
from storyline.model import Paragraph, Quote

log = logging.getLogger("storyline.analyze.quotes")

MAX_QUOTE_CHARS = 1500
MIN_CAP = 400
_BLANK = re.compile(r"\n[ \t]*\n\s*")

# „…“ (German style) and ‚…‘ close with what elsewhere opens.
ALSO_CLOSES = {"„": "“", "‚": "‘"}
DASHES = "-–—"
_TURN_LINES = 3  # lines after a dash line searched for its inquit
_TURN_OPENERS = DASHES + "\"“„‘'«"  # a line opening so starts a new turn or quote
_LINE_DASH = re.compile(r"(?m)^[ \t]*(?:--|[–—-])[ \t]*(?=\S)")


@dataclass
class RawQuote:
    """A quoted stretch: ``start``/``end`` cover the content without the marks."""

    start: int
    end: int
    style: str
    flags: list[str] = field(default_factory=list)


@dataclass
class _Mark:
    pos: int
    char: str
    family: str
    can_open: bool
    can_close: bool
    strong_open: bool = False
    possessive: bool = False


def _line_start(text: str, pos: int) -> bool:
    """True when only spaces or tabs stand between the last newline (or the start) and ``pos``."""
    before = text[text.rfind("\n", 0, pos) + 1 : pos]
    return not before.strip(" \t")


def _line_end(text: str, pos: int) -> bool:
    nl = text.find("\n", pos + 1)
    after = text[pos + 1 : nl if nl >= 0 else len(text)]
    return not after.strip(" \t")


def _is_apostrophe(text: str, pos: int, lang: str) -> bool:
    """True for ' or ’ inside or at the edge of a word: zo'n, Trump's, 's avonds, '90."""
    prev = text[pos - 1] if pos > 0 else " "
    nxt = text[pos + 1] if pos + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return True
    if not prev.isalnum() and nxt.isalnum():
        word = re.match(r"\w+", text[pos + 1 : pos + 12])
        # an elision is written small: 's avonds, 'er; "'Er is geen crisis'" opens a quote
        elided = word is not None and word.group(0) in lexicon(ELISIONS, lang)
        if word and (elided or word.group(0).isdigit()):
            return True
    return False


def _possessive(text: str, pos: int) -> bool:
    """An s-final word's apostrophe before a lower-case word: "Sessions' woordvoerder"."""
    return (
        pos > 0
        and text[pos - 1] in "sxzSXZ"
        and re.match(r" [a-zà-ÿ]", text[pos + 1 : pos + 3]) is not None
    )


def _classify(text: str, pos: int, lang: str) -> _Mark | None:
    mark = _classify_mark(text, pos, lang)
    if mark is not None and mark.family == "single" and mark.can_close and _possessive(text, pos):
        mark.possessive = True
    return mark


def _classify_mark(text: str, pos: int, lang: str) -> _Mark | None:
    char = text[pos]
    if char in OPENERS:
        if char == "‘" and _is_apostrophe(text, pos, lang):
            return None
        return _Mark(pos, char, OPENERS[char], True, False, strong_open=True)
    if char in CLOSERS:
        if char == "’" and _is_apostrophe(text, pos, lang):
            return None
        return _Mark(pos, char, CLOSERS[char], False, True)
    if char not in STRAIGHT:
        return None
    if char == "'" and _is_apostrophe(text, pos, lang):
        return None
    prev = text[pos - 1] if pos > 0 else "\n"
    nxt = text[pos + 1] if pos + 1 < len(text) else "\n"
    family = STRAIGHT[char]
    if _line_start(text, pos):
        return _Mark(pos, char, family, True, _line_end(text, pos), strong_open=True)
    if _line_end(text, pos):
        return _Mark(pos, char, family, False, True)
    if (prev.isspace() or prev in "([{/" + DASHES) and not nxt.isspace():
        # A possessive like "Sessions' woordvoerder" never opens after a space.
        return _Mark(pos, char, family, True, False)
    if not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}…"):
        return _Mark(pos, char, family, False, True)
    return _Mark(pos, char, family, True, True)


def _scan_marks(text: str, start: int, end: int, lang: str) -> list[_Mark]:
    marks = []
    for pos in range(start, end):
        if text[pos] in OPENERS or text[pos] in CLOSERS or text[pos] in STRAIGHT:
            mark = _classify(text, pos, lang)
            if mark is not None:
                marks.append(mark)
    return marks


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _starts_with_opener(text: str, para: Paragraph, family: str) -> int | None:
    """Offset of an opening mark of ``family`` that begins ``para``, else None."""
    pos = para.start
    while pos < para.end and text[pos].isspace():
        pos += 1
    if pos < para.end and (OPENERS.get(text[pos]) == family or STRAIGHT.get(text[pos]) == family):
        return pos
    return None


def _close_quote(
    text: str, open_mark: _Mark, stop: int, flags: list[str], out: list[RawQuote]
) -> None:
    start, end = _trimmed(text, open_mark.pos + 1, stop)
    if end > start:
        out.append(RawQuote(start, end, open_mark.family, flags))


def _pair_marks(text: str, paras: list[Paragraph], lang: str) -> list[RawQuote]:
    """Pair marks paragraph by paragraph; a quote left open continues when the next
    paragraph opens with the same mark, otherwise it ends at its paragraph and is flagged."""
    out: list[RawQuote] = []
    current: _Mark | None = None
    flags: list[str] = []
    for index, para in enumerate(paras):
        continuation = None
        if current is not None:
            continuation = _starts_with_opener(text, para, current.family)
        marks = _scan_marks(text, para.start, para.end, lang)
        for n, mark in enumerate(marks):
            if mark.pos == continuation:
                continue
            if mark.possessive and any(m.can_close and not m.possessive for m in marks[n + 1 :]):
                continue  # "Sessions' plan" inside a quote that closes later
            if current is None:
                if mark.can_open:
                    current, flags = mark, []
                continue
            if mark.family != current.family:
                continue  # a quote nested inside the open one
            closes_pair = ALSO_CLOSES.get(current.char) == mark.char
            if mark.strong_open and not closes_pair and not mark.can_close:
                stop = _line_stop(text, current.pos, mark.pos)
                _close_quote(text, current, stop, [*flags, "unclosed"], out)
                current, flags = mark, []
            elif mark.can_close or closes_pair:
                _close_quote(text, current, mark.pos, flags, out)
                current = None
        if current is not None:
            nxt = paras[index + 1] if index + 1 < len(paras) else None
            if nxt is not None and _starts_with_opener(text, nxt, current.family) is not None:
                if "multi-paragraph" not in flags:
                    flags = [*flags, "multi-paragraph"]
                continue
            _close_quote(text, current, para.end, [*flags, "unclosed"], out)
            current = None
    return out


def _line_stop(text: str, opened: int, pos: int) -> int:
    """End of the line before ``pos`` (where an unclosed quote gives way to a new one)."""
    nl = text.rfind("\n", opened, pos)
    return nl if nl >= 0 else pos


def _inquit_at(text: str, pos: int, stop: int, lang: str) -> int | None:
    """Offset where a speech-verb inquit ("! zeide ze") starts after sentence punctuation."""
    verbs = lexicon(SPEECH_VERBS, lang)
    pattern = re.compile(r"[,!?.…]\s+(\w+)")
    for match in pattern.finditer(text, pos, stop):
        if match.group(1) in verbs:
            return match.start() + 1
    return None


def _turn_lines(text: str, line_end: int, stop: int) -> Iterator[tuple[int, int]]:
    """Start and end of each line after a dash line, up to one that opens a new turn or
    quote (or is empty)."""
    while line_end < stop:
        next_end = text.find("\n", line_end + 1, stop)
        next_end = stop if next_end < 0 else next_end
        line = text[line_end:next_end].strip()
        if not line or line[0] in _TURN_OPENERS:
            return
        yield line_end, next_end
        line_end = next_end


def _inquit_below(text: str, line_end: int, stop: int, lang: str) -> int | None:
    """An inquit on one of the next lines of a dash turn that runs over several lines
    ("- Wat ligt die Freddy stil ! / En alles zoo rijk ! sprak Betsy")."""
    for start, end in islice(_turn_lines(text, line_end, stop), _TURN_LINES):
        found = _inquit_at(text, start - 1, end, lang)
        if found is not None:
            return found
    return None


def _run_on(text: str, line_end: int, stop: int) -> int:
    """The end of the last line of a dash turn that runs on without an inquit over lines
    that speak ("- Ach .... ik weet niet . / Ik ben wat zenuwachtig ."; ``speechlike``)."""
    for start, end in _turn_lines(text, line_end, stop):
        if not speechlike(text[start:end].strip()):
            break
        line_end = end
    return line_end


def _dash_quotes(
    text: str, paras: list[Paragraph], taken: list[RawQuote], lang: str
) -> list[RawQuote]:
    """Dialogue lines opened by a dash run to their inquit, or over the lines that speak
    after them, or to the end of the line."""
    out: list[RawQuote] = []
    inside = [(q.start, q.end) for q in taken]
    for para in paras:
        for match in _LINE_DASH.finditer(text, para.start, para.end):
            start = match.end()
            if any(a - 1 <= start <= b + 1 for a, b in inside):
                continue
            line_end = text.find("\n", start, para.end)
            line_end = para.end if line_end < 0 else line_end
            stop = _inquit_at(text, start, line_end, lang)
            if stop is None:
                stop = _inquit_below(text, line_end, para.end, lang)
            if stop is None:
                line_end = _run_on(text, line_end, para.end)
            q_start, q_end = _trimmed(text, start, stop if stop is not None else line_end)
            content = text[q_start:q_end]
            if q_end > q_start and (stop is not None or content[-1] in ".!?…"):
                out.append(RawQuote(q_start, q_end, "dash", []))
    return out


def scan_quotes(text: str, paras: list[Paragraph], lang: str) -> list[RawQuote]:
    """All quoted stretches in ``text``, sorted by offset."""
    marked = _pair_marks(text, paras, lang)
    dashed = _dash_quotes(text, paras, marked, lang)
    return sorted(marked + dashed, key=lambda q: q.start)


def blank_line_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs separated by blank lines (used when the article gives none)."""
    paras, start = [], 0
    for match in _BLANK.finditer(text):
        if text[start : match.start()].strip():
            paras.append(Paragraph(start, match.start()))
        start = match.end()
    if text[start:].strip():
        paras.append(Paragraph(start, len(text.rstrip())))
    return paras


def cap_quote(text: str, raw: RawQuote, article_id: str | None) -> RawQuote:
    """Cut a quote longer than the cap at a sentence end and flag it."""
    limit = min(MAX_QUOTE_CHARS, max(MIN_CAP, len(text) // 2))
    if "unclosed" in raw.flags:
        log.warning(
            "article %s: quote at %d never closes; ended at %d",
            article_id or "?",
            raw.start,
            raw.end,
        )
    if raw.end - raw.start <= limit:
        return raw
    stop = raw.start + limit
    ends = [raw.start + m.end() for m in re.finditer(r"[.!?…](?=\s)", text[raw.start : stop])]
    end = ends[-1] if ends else text.rfind(" ", raw.start, stop)
    end = end if end > raw.start else stop
    log.warning(
        "article %s: quote at %d runs %d characters; capped at %d",
        article_id or "?",
        raw.start,
        raw.end - raw.start,
        limit,
    )
    return RawQuote(raw.start, end, raw.style, [*raw.flags, "capped"])


def lone_heading(text: str, quote: Quote, paras: list[Paragraph]) -> bool:
    """A short quote with no cue that is a whole paragraph of its own ('Niets misleidend'),
    between paragraphs that are no dialogue lines: in a novel a short turn is a paragraph
    of its own too ('"Ja, mijnheer."' / '"Goed."')."""
    for n, para in enumerate(paras):
        if para.start <= quote.start < para.end:
            rest = (text[para.start : quote.start] + text[quote.end : para.end]).strip(
                " \"'“”„‘’«»"
            )
            if rest or quote.speaker is not None or len(quote.text.split()) > 5:
                return False
            around = [paras[m] for m in (n - 1, n + 1) if 0 <= m < len(paras)]
            return not any(_opens_dialogue(text, p) for p in around)
    return False


def _opens_dialogue(text: str, para: Paragraph) -> bool:
    start = text[para.start : para.end].lstrip()[:1]
    return bool(start) and (start in OPENERS or start in STRAIGHT or start in DASHES)
