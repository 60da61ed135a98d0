"""Which side of the anchor a bare "woensdag" or "in september" lies on, read from tense.

The cue lists live in the language rule modules (``FUTURE_CUES``, ``PAST_CUES``,
``PRESENT_CUES``).  The clause around the expression is read first, then the sentence;
future cues beat past cues, past beats present; with no cue at all the answer is NONE and
the handler picks its own default (the past for a weekday, the nearest for "15 juni").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from types import ModuleType

from storyline.model import Span

PAST, NONE, FUTURE = -1, 0, 1
_CLAUSE_BREAK = re.compile(
    r"[,;:](?=\s)|[()\"“”„]|\b(?:dat|die|omdat|terwijl|nadat|voordat|maar|want|toen|zodat|that|which|"
    r"who|because|while|after|before|but|when)\b",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


@dataclass
class TenseCues:
    future: re.Pattern[str]
    past: re.Pattern[str]
    present: re.Pattern[str]
    not_past: frozenset[str]
    determiners: frozenset[str]
    past_preps: frozenset[str]
    future_preps: frozenset[str]
    verb_second: re.Pattern[str] | None
    not_verbs: frozenset[str]

    @classmethod
    def from_rules(cls, lex: ModuleType) -> TenseCues:
        return cls(
            future=re.compile(rf"\b(?:{lex.FUTURE_CUES})\b", re.IGNORECASE),
            past=re.compile(rf"\b(?:{lex.PAST_CUES})\b"),
            present=re.compile(rf"\b(?:{lex.PRESENT_CUES})\b", re.IGNORECASE),
            not_past=lex.NOT_PAST,
            determiners=lex.DETERMINERS,
            past_preps=lex.PAST_PREPOSITIONS,
            future_preps=lex.FUTURE_PREPOSITIONS,
            verb_second=re.compile(lex.VERB_SECOND_PRESENT) if lex.VERB_SECOND_PRESENT else None,
            not_verbs=lex.NOT_VERBS,
        )

    def has_past(self, text: str) -> bool:
        for match in self.past.finditer(text):
            word = match.group(0)
            if word in self.not_past or word.endswith("eed"):
                continue
            before = text[max(0, match.start() - 20) : match.start()].split()
            if before and before[-1].lower() in self.determiners:
                continue  # "tien vaste banen": an adjective
            return True
        return False

    def second_verb(self, word: str) -> int | None:
        """Tense of the finite verb that follows a clause-initial time expression."""
        if self.future.fullmatch(word):
            return FUTURE
        if self.has_past(word):
            return PAST
        if self.present.fullmatch(word):
            return FUTURE
        if self.verb_second and word not in self.not_verbs and self.verb_second.fullmatch(word):
            return FUTURE
        return None

    def read(self, text: str, present: bool = True) -> int | None:
        """FUTURE, PAST, or None when ``text`` carries no tense cue."""
        if self.future.search(text):
            return FUTURE
        if self.has_past(text):
            return PAST
        if present and self.present.search(text):
            return FUTURE
        return None


def sentence_bounds(text: str, start: int, end: int, sentences: list[Span] | None) -> Span:
    """The sentence holding ``start``: from ``sentences`` when given, else a local search."""
    if sentences:
        index = bisect.bisect_right([s.start for s in sentences], start) - 1
        if index >= 0 and sentences[index].start <= start < sentences[index].end:
            return sentences[index]
    left = max(0, start - 400)
    stops = [m.end() for m in _SENTENCE_END.finditer(text, left, start)]
    begin = stops[-1] if stops else left
    stop = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    return Span(begin, stop.start() + 1 if stop else min(len(text), end + 400))


def clause_bounds(text: str, sentence: Span, start: int, end: int) -> Span:
    before = [m.end() for m in _CLAUSE_BREAK.finditer(text, sentence.start, start)]
    after = _CLAUSE_BREAK.search(text, end, sentence.end)
    return Span(before[-1] if before else sentence.start, after.start() if after else sentence.end)


def direction(
    cues: TenseCues, text: str, start: int, end: int, sentences: list[Span] | None = None
) -> int:
    """PAST (-1), FUTURE (+1) or NONE (0) for the expression at ``text[start:end]``."""
    words = text[max(0, start - 20) : start].split()
    prev = words[-1].lower() if words else ""
    if prev in cues.past_preps:
        return PAST
    if prev in cues.future_preps:
        return FUTURE
    sentence = sentence_bounds(text, start, end, sentences)
    clause = clause_bounds(text, sentence, start, end)
    found = None
    if not text[clause.start : start].strip(" '‘\"“„-–"):
        following = _NEXT_WORD.match(text, end)
        if following:
            found = cues.second_verb(following.group(1))
    around = text[clause.start : start] + " … " + text[end : clause.end]
    if found is None:
        found = cues.read(around)
    if found is None:
        rest = text[sentence.start : start] + " … " + text[end : sentence.end]
        found = cues.read(rest, present=False)
    return NONE if found is None else found
