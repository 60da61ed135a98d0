"""Indirect speech: 'X houdt vol dat ...', 'Volgens X ...', '..., aldus X', 'Dit meldt X',
'..., meldt de RVD.', '..., the ministry said.'."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.analyze import quote_cues as cues
from storyline.analyze import quote_speakers as sp
from storyline.analyze import quote_words as qw
from storyline.analyze.quote_cues import ACCORDING_TO, COMPLEMENTIZERS, lexicon
from storyline.analyze.quote_speakers import Phrase
from storyline.analyze.quote_words import Word, words
from storyline.model import Quote, Span

if TYPE_CHECKING:  # quotes imports this module; the finder only arrives at run time
    from storyline.analyze.quotes import _Finder

_MONTHS = {
    name: n
    for n, names in enumerate(
        [
            "januari january jan",
            "februari february feb",
            "maart march mrt mar",
            "april apr",
            "mei may",
            "juni june jun",
            "juli july jul",
            "augustus august aug",
            "september sep sept",
            "oktober october okt oct",
            "november nov",
            "december dec",
        ],
        start=1,
    )
    for name in names.split()
}
_DATELINE = re.compile(r"[A-Z][A-Z.' ]+(?:\([^)]*\))?\s*[-–—]\s+")
_TRAILING_WORDS = 6  # after the source: "said in a statement on Tuesday"
_SAYS = frozenset(["said", "says", "say", "warned", "warns", "added", "insisted"])
_CLAUSE_WORDS = 4
_SUBJECTS = frozenset(["i", "we", "you", "he", "she", "it", "they"])
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?\b", re.IGNORECASE)
_MONTH_DAY = re.compile(r"\b([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,\s+(\d{4}))?\b")


def statement_date(text: str, default: str | None) -> str | None:
    """An explicit day and month in ``text`` ("op 2 maart", "on March 2, 2017"), else default."""
    year = int(default[:4]) if default and default[:4].isdigit() else None
    for pattern, day_first in ((_DAY_MONTH, True), (_MONTH_DAY, False)):
        for match in pattern.finditer(text):
            day_s, month_s = (
                (match.group(1), match.group(2)) if day_first else (match.group(2), match.group(1))
            )
            month = _MONTHS.get(month_s.lower())
            when = int(match.group(3)) if match.group(3) else year
            if month and when and 1 <= int(day_s) <= 31:
                return f"{when:04d}-{month:02d}-{int(day_s):02d}"
    return default


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    dateline = _DATELINE.match(text, start, end)
    if dateline:  # "SAN FRANCISCO (Reuters) - Meta will cut ..."
        start = dateline.end()
    while start < end and (text[start].isspace() or text[start] in ",:;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".!?;,"):
        end -= 1
    return start, end


def _make(
    finder: _Finder, span: tuple[int, int], cue: str, phrase: Phrase | None, sent: Span
) -> Quote | None:
    start, end = _content(finder.text, *span)
    if end - start < 8:
        return None
    quote = Quote(start, end, finder.text[start:end], "indirect", cue=cue)
    if phrase is not None:
        finder.fill(quote, cue, phrase)
    quote.date = statement_date(finder.text[sent.start : sent.end], finder.date)
    return quote


def _according(finder: _Finder, ws: list[Word], sent: Span) -> Quote | None:
    phrases = ACCORDING_TO.get(finder.lang) or ACCORDING_TO["nl"] + ACCORDING_TO["en"]
    for n in range(len(ws)):
        for cue in phrases:
            parts = cue.split()
            if [w.low for w in ws[n : n + len(parts)]] != parts:
                continue
            if cue == "naar eigen zeggen":
                phrase = sp.phrase_forward(finder.text, ws, n + len(parts) + 1, finder.lang)
                return _make(finder, (ws[n + len(parts)].start, sent.end), cue, phrase, sent)
            phrase = sp.according_phrase(finder.text, ws, n + len(parts), finder.lang)
            if phrase is None:
                continue
            if n == 0:
                return _make(finder, (phrase.end, sent.end), cue, phrase, sent)
            if cue == "aldus" and ws[n - 1].text == ",":
                return _make(finder, (sent.start, ws[n - 1].start), cue, phrase, sent)
            return _make(finder, (sent.start, sent.end), cue, phrase, sent)
    return None


def _reported(finder: _Finder, ws: list[Word], sent: Span) -> Quote | None:
    """A speech verb followed, within a few words, by 'dat'/'that' and the reported clause."""
    comps = lexicon(COMPLEMENTIZERS, finder.lang)
    for n, word in enumerate(ws):
        particle = qw.particle_cue(ws, n, finder.lang)
        if not (qw.cue_verb_at(ws, n, finder.lang) or particle):
            continue
        comp = next((k for k in range(n + 1, min(n + 12, len(ws))) if ws[k].low in comps), None)
        if comp is None or (
            ws[comp].low == "of" and word.low not in ("vroeg", "vraagt", "gevraagd")
        ):
            continue
        cue = f"{word.text} {particle}" if particle else word.text
        phrase = finder.subject(ws[:comp], n)
        return _make(finder, (ws[comp].end, sent.end), cue, phrase, sent)
    return None


def _bare_clause(finder: _Finder, ws: list[Word], sent: Span) -> Quote | None:
    """English drops "that": 'The ONS said food prices rose by 1.7%.'"""
    if finder.lang != "en":
        return None
    starts = lexicon(cues.DETERMINERS, "en") | frozenset(qw.lexicon_pronouns("en"))
    for n, word in enumerate(ws[:-4]):
        nxt = ws[n + 1]
        if word.low not in _SAYS or not (nxt.low in starts or nxt.cap):
            continue
        rest = [w.low for w in ws[n + 1 :] if w.text[:1].isalnum()]
        if len(rest) < _CLAUSE_WORDS or not _clause_like(rest):
            continue
        phrase = finder.subject(ws[: n + 1], n)
        if phrase is not None:
            return _make(finder, (nxt.start, sent.end), word.text, phrase, sent)
    return None


def _clause_like(rest: list[str]) -> bool:
    """A subject pronoun first, or a finite verb form further on: "she never saw ...", "the
    talks would resume", "two people were arrested" (not "the word twice and left")."""
    if rest[0] in _SUBJECTS:
        return True
    finite = lexicon(cues.AUXILIARIES, "en")
    return any(w in finite or (len(w) > 4 and w.endswith("ed")) for w in rest[1:])


def _pointing_back(finder: _Finder, ws: list[Word], sent: Span, prev: Span | None) -> Quote | None:
    """'Dit meldt The Washington Post.' reports the sentence before it."""
    if prev is None or len(ws) < 3 or ws[0].low not in ("dit", "dat", "this", "that"):
        return None
    if finder.para_at(prev.start) != finder.para_at(sent.start):
        return None
    if not qw.is_cue_verb(ws[1], finder.lang):
        return None
    phrase = sp.phrase_forward(finder.text, ws, 2, finder.lang, loose=True)
    if phrase is None:
        return None
    return _make(finder, (prev.start, prev.end), ws[1].text, phrase, prev)


def _trailing(finder: _Finder, ws: list[Word], sent: Span) -> Quote | None:
    """A clause that a speech cue after its last comma reports: '..., meldt de
    Rijksvoorlichtingsdienst.', '..., zegt Rutte vrijdag.', '..., the ministry said.'"""
    comma = max((n for n, w in enumerate(ws[:-2]) if w.text == ","), default=None)
    if comma is None or comma < 3:
        return None
    verb, phrase = comma + 1, None
    if qw.is_cue_verb(ws[verb], finder.lang):  # ', meldt de RVD.', ', said the ministry.'
        phrase = sp.phrase_forward(finder.text, ws, verb + 1, finder.lang, loose=True)
    elif finder.lang == "en":  # '..., the ministry said.' (Dutch: ', die ... zei' is a relative)
        phrase = sp.phrase_forward(finder.text, ws, comma + 1, finder.lang, loose=True)
        verb = next((n for n, w in enumerate(ws) if phrase and w.start >= phrase.end), len(ws))
        if phrase is None or verb >= len(ws) or not qw.is_cue_verb(ws[verb], finder.lang):
            return None
    if phrase is None or phrase.kind == "pron":
        return None
    rest = [w for w in ws if w.start >= max(phrase.end, ws[verb].end) and w.text[:1].isalpha()]
    if len(rest) > _TRAILING_WORDS:
        return None
    return _make(finder, (sent.start, ws[comma].start), ws[verb].text, phrase, sent)


def indirect_in(finder: _Finder, sent: Span, prev: Span | None) -> Quote | None:
    """The indirect quote a sentence without quotation marks holds, if any."""
    ws = words(finder.text, sent.start, sent.end)
    return (
        _pointing_back(finder, ws, sent, prev)
        or _according(finder, ws, sent)
        or _reported(finder, ws, sent)
        or _trailing(finder, ws, sent)
        or _bare_clause(finder, ws, sent)
    )
