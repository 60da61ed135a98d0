"""Find time expressions (TIMEX3 DATE, TIME, DURATION, SET) and resolve them to calendar values.

The rules are data (``storyline.analyze.timex_rules.<lang>``); this module compiles them,
runs every pattern over the text, keeps the longest non-overlapping matches and hands each
to its handler in ``timex_resolve`` together with the article's publication date as anchor.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any, Literal, cast

from storyline.analyze import timex_rules
from storyline.analyze.timex_resolve import HANDLERS, Context, Frame, Reject
from storyline.analyze.timex_tense import TenseCues, direction
from storyline.model import Document, PartialDate, Span, Timex

log = logging.getLogger(__name__)

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
_MACRO = re.compile(r"\{([A-Z_]+)(?::([a-z0-9_]+))?\}")
# Frame key for a macro when it differs from the macro's lower-cased name.
_KEYS = {"MONTH_ANY": "month", "MONTHNUM": "month", "DECADENUM": "decadenum"}
_INTS = frozenset(["DAY", "MONTHNUM", "YEAR", "YY", "HOUR", "MINUTE", "month", "day", "q", "cent"])
# Named groups written out in a pattern (not macros) that are read like a macro.
_RAW_GROUPS = {"month": "MONTHNUM", "day": "DAY", "unit": "UNIT", "num": "NUM"}
_WORD_START = r"(?<![\w'’])"
_TOKEN = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+")
# Word lists whose words signal that a time expression may be near.
_TRIGGER_MACROS = (
    "MONTH",
    "MONTH_ANY",
    "WEEKDAY",
    "UNIT",
    "VAGUE",
    "RELDAY",
    "PARTWORD",
    "REF",
    "SETWORD",
    "SEASON",
    "DECADE",
    "DECADE_ADJ",
    "UNIT_ADJ",
)
_MARGIN = 30
# Numbers as triggers: four digits may be a year, other numbers a day, hour or count.
_DIGIT, _YEAR = "DIGIT", "YEAR4"
_DIGIT_KIND, _YEAR_KIND = frozenset([_DIGIT]), frozenset([_YEAR])
# Number macros whose match is always a number token of that kind.
_MACRO_KIND = {
    "DAY": "DIGIT",
    "MONTHNUM": "DIGIT",
    "HOUR": "DIGIT",
    "MINUTE": "DIGIT",
    "YY": "DIGIT",
    "YEAR": "YEAR4",
}
_ALL_KINDS = frozenset([*_TRIGGER_MACROS, _DIGIT, _YEAR])
_SMALL_NUMBER_MACROS = frozenset(["DAY", "MONTHNUM", "HOUR", "MINUTE", "NUM", "YY", "DECADENUM"])
_UNIT_KIND = frozenset(["UNIT_ADJ"])
_WORD_END = r"(?![\w])"


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass
class Rule:
    index: int
    regex: re.Pattern[str]
    handler: str
    type: TimexType
    groups: dict[str, str]
    kinds: frozenset[str] = frozenset()
    # Kinds of trigger that must all be in a window: one per macro the pattern cannot skip.
    requires: tuple[frozenset[str], ...] = ()

    def fits(self, kinds: frozenset[str]) -> bool:
        """Whether a window holding these trigger kinds can contain a match of this rule."""
        if kinds.isdisjoint(self.kinds):
            return False
        return all(not kinds.isdisjoint(need) for need in self.requires)


@dataclass
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


class Grammar:
    """The compiled rules of one language."""

    def __init__(self, lex: ModuleType) -> None:
        self.lex = lex
        self.case_sensitive: frozenset[str] = getattr(lex, "CASE_SENSITIVE", frozenset())
        self.tables: dict[str, dict[str, Any]] = {
            name: {_norm(k): v for k, v in value.items()}
            for name, value in lex.MACROS.items()
            if isinstance(value, dict)
        }
        self.tables["NUM_WORDS"] = {_norm(k): v for k, v in lex.NUMBERS.items()}
        self.triggers = self._triggers()
        self.suffixes = tuple(getattr(lex, "UNIT_ADJECTIVES", {}))
        self.rules = [self._compile(i, *row) for i, row in enumerate(lex.RULES)]
        self.cues = TenseCues.from_rules(lex)

    def _triggers(self) -> dict[str, frozenset[str]]:
        """Trigger word -> the word lists (kinds) it belongs to."""
        kinds: dict[str, set[str]] = {}
        for name in _TRIGGER_MACROS:
            for key in self.lex.MACROS.get(name, {}):
                words = _norm(key).replace("-", " ").split()
                for word in words if name == "PARTWORD" else words[-1:]:
                    kinds.setdefault(word.strip("."), set()).add(name)
        # compounds: "woensdagavond", "vrijdagmorgen", "gisterenavond"
        for name, table in (("WEEKDAY", self.lex.WEEKDAYS), ("RELDAY", self.lex.RELATIVE_DAYS)):
            for day in table:
                for part in self.lex.DAY_PARTS:
                    kinds.setdefault(_norm(day + part), set()).add(name)
        return {word: frozenset(names) for word, names in kinds.items()}

    def _kinds(self, pattern: str, groups: dict[str, str], regex: str) -> frozenset[str]:
        """Which trigger kinds a match of this rule must contain at least one of."""
        kinds = {macro for macro in groups.values() if macro in _TRIGGER_MACROS}
        for word in _TOKEN.findall(_MACRO.sub(" ", pattern).lower()):
            kinds |= self.triggers.get(word, frozenset())
        macros = set(groups.values())
        if macros & {"YEAR", "DECADENUM"}:
            kinds.add(_YEAR)
        raw = re.sub(r"\(\?<?[!=][^)]*\)", " ", _MACRO.sub(" ", pattern))  # not lookarounds
        if macros & _SMALL_NUMBER_MACROS or re.search(r"\\d|\d", raw):
            kinds.add(_DIGIT)
        return frozenset(kinds)

    def _macro(self, name: str) -> str:
        value = self.lex.MACROS[name]
        if isinstance(value, dict):
            words = sorted(value, key=len, reverse=True)
            body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
            return f"(?-i:{body})" if name in self.case_sensitive else body
        return str(value).replace(" ", r"\s+")

    def _compile(self, index: int, pattern: str, handler: str, type_: str) -> Rule:
        if handler not in HANDLERS:
            raise ValueError(f"timex rule {index}: unknown handler {handler!r}")
        groups: dict[str, str] = {}

        def expand(match: re.Match[str]) -> str:
            macro, group = match.group(1), match.group(2)
            name = group or _KEYS.get(macro, macro.lower())
            groups[name] = macro
            return f"(?P<{name}>{self._macro(macro)})"

        spaced = pattern.replace(" ?", r"\s*").replace(" ", r"\s+")
        body = _MACRO.sub(expand, spaced)
        regex = re.compile(f"{_WORD_START}(?:{body}){_WORD_END}", re.IGNORECASE)
        for name in regex.groupindex:
            groups.setdefault(name, _RAW_GROUPS.get(name, name))
        kinds = self._kinds(pattern, groups, body)
        requires = tuple(
            frozenset([_MACRO_KIND.get(macro, macro)])
            for macro in sorted(mandatory_macros(pattern))
            if macro in _TRIGGER_MACROS or macro in _MACRO_KIND
        )
        return Rule(index, regex, handler, cast(TimexType, type_), groups, kinds, requires)

    def parse(self, rule: Rule, match: re.Match[str]) -> Frame:
        """The parts of a match as numbers and codes, keyed by role (month, num, unit...)."""
        frame: Frame = {}
        for name, text in match.groupdict().items():
            if text is not None:
                frame[name] = self._value(rule.groups[name], text)
        return frame

    def _value(self, macro: str, text: str) -> Any:
        if macro in _INTS:
            return int(text)
        if macro == "NUM":
            digits = text.replace(",", ".")
            if digits.replace(".", "", 1).isdigit():
                number = float(digits)
                return int(number) if number.is_integer() else number
            return self.tables["NUM_WORDS"][_norm(text)]
        table = self.tables.get(macro)
        if table is None:
            return text
        key = _norm(text)
        return table[key] if key in table else table.get(key.rstrip("."), text)

    def windows(self, text: str) -> list[tuple[int, int, frozenset[str]]]:
        """Stretches of text around trigger words, with the kinds of trigger inside them."""
        spans: list[tuple[int, int, frozenset[str]]] = []
        for start, end, kinds in self._trigger_hits(text):
            start, end = max(0, start - _MARGIN), end + _MARGIN
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], end, spans[-1][2] | kinds)
            else:
                spans.append((start, end, kinds))
        return [(_snap_left(text, a), _snap_right(text, b), k) for a, b, k in spans]

    def _trigger_hits(self, text: str) -> list[tuple[int, int, frozenset[str]]]:
        """Numbers and trigger words in text order; only the distinct words are looked up."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a rare letter whose lower case is longer
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        distinct = set(_TOKEN.findall(lowered))
        present = distinct.intersection(self.triggers)
        if self.suffixes:
            present.update(w for w in distinct if w.endswith(self.suffixes))
        hits = [
            (m.start(), m.end(), _YEAR_KIND if m.end() - m.start() == 4 else _DIGIT_KIND)
            for m in _NUMBER.finditer(text)
        ]
        for word in present:
            kinds = self.triggers.get(word, _UNIT_KIND)
            pos = lowered.find(word)
            while pos >= 0:
                end = pos + len(word)
                if not (pos and lowered[pos - 1].isalnum()) and not (
                    end < len(lowered) and lowered[end].isalnum()
                ):
                    hits.append((pos, end, kinds))
                pos = lowered.find(word, end)
        hits.sort(key=lambda hit: hit[0])
        return hits

    def candidates(self, text: str, everywhere: bool = False) -> list[Candidate]:
        """Every rule match; by default only inside trigger windows (``everywhere`` for tests)."""
        found = []
        spans = [(0, len(text), _ALL_KINDS)] if everywhere else self.windows(text)
        for start, end, kinds in spans:
            for rule in self.rules:
                if not rule.fits(kinds):
                    continue
                for match in rule.regex.finditer(text, start, end):
                    if match.end() > match.start():
                        found.append(Candidate(match.start(), match.end(), rule, match))
        return found

    def tag(
        self, text: str, anchor: PartialDate | None, sentences: list[Span] | None = None
    ) -> list[Timex]:
        chosen = select(self.candidates(text))
        timexes = []
        for cand in chosen:
            timex = self.resolve(cand, text, anchor, sentences)
            if timex is not None:
                timexes.append(timex)
        return timexes

    def resolve(
        self, cand: Candidate, text: str, anchor: PartialDate | None, sentences: list[Span] | None
    ) -> Timex | None:
        def tense() -> int:
            return direction(self.cues, text, cand.start, cand.end, sentences)

        ctx = Context(anchor, text, cand.start, cand.end, self.lex, _memo(tense))
        span = text[cand.start : cand.end]
        try:
            frame = self.parse(cand.rule, cand.match)
            result = HANDLERS[cand.rule.handler](frame, ctx)
        except Reject as reason:
            log.debug("timex %r at %d dropped: %s", span, cand.start, reason)
            return None
        except (KeyError, ValueError, OverflowError) as exc:
            log.debug("timex %r at %d dropped: cannot resolve (%s)", span, cand.start, exc)
            return None
        return Timex(
            start=cand.start,
            end=cand.end,
            text=span,
            type=cast(TimexType, result.type or cand.rule.type),
            value=result.value,
            mod=result.mod,
            anchor=anchor.iso() if anchor is not None else None,
            underspecified=result.underspecified,
        )


def mandatory_macros(pattern: str) -> set[str]:
    """Macros of a rule pattern that every match contains (outside optional groups,
    alternatives and lookarounds)."""
    skippable: list[tuple[int, int]] = []
    stack: list[list[int]] = []  # [group start, has an alternative]
    top_level_bar = in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            stack.append([i, 0])
        elif char == "|":
            if stack:
                stack[-1][1] = 1
            else:
                top_level_bar = True
        elif char == ")" and stack:
            start, has_bar = stack.pop()
            lookaround = pattern[start + 1 : start + 3] in ("?=", "?!", "?<")
            if has_bar or lookaround or pattern[i + 1 : i + 2] in ("?", "*"):
                skippable.append((start, i))
        i += 1
    if top_level_bar:
        return set()
    return {
        m.group(1)
        for m in _MACRO.finditer(pattern)
        if not any(start < m.start() < end for start, end in skippable)
    }


def _snap_left(text: str, pos: int) -> int:
    if pos <= 0:
        return 0
    space = text.rfind(" ", 0, pos)
    return space + 1 if space >= 0 else 0


def _snap_right(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    space = text.find(" ", pos)
    return space if space >= 0 else len(text)


def _memo(func: Any) -> Any:
    cache: list[int] = []

    def wrapper() -> int:
        if not cache:
            cache.append(func())
        return cache[0]

    return wrapper


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest matches first, earlier rules on ties; no two chosen matches overlap."""
    ordered = sorted(candidates, key=lambda c: (c.start - c.end, c.rule.index, c.start))
    taken: list[tuple[int, int]] = []
    chosen = []
    for cand in ordered:
        if any(cand.start < end and start < cand.end for start, end in taken):
            continue
        taken.append((cand.start, cand.end))
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


@cache
def grammar(lang: str) -> Grammar | None:
    """The compiled grammar for ``lang``, or None for a language without rules."""
    lex = timex_rules.load(lang)
    if lex is None:
        return None
    return Grammar(lex)


def tag_timexes(
    text: str, lang: str, anchor: PartialDate | None, sentences: list[Span] | None = None
) -> list[Timex]:
    """Time expressions in ``text`` with values resolved against ``anchor``."""
    rules = grammar((lang or "").lower()[:2])
    if rules is None:
        log.debug("no time-expression rules for language %r", lang)
        return []
    if not text:
        return []
    return rules.tag(text, anchor, sentences)


class TimexStage:
    """Pipeline stage: fills ``doc.timexes`` from the text, language and publication date."""

    name = "timex"

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            doc.timexes = tag_timexes(doc.text, doc.lang, doc.article.date, doc.sentences or None)
            yield doc
