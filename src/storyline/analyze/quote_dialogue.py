"""Speakers of quotes without a cue of their own: the same turn, a reply in a dialogue,
the subject of the narration just before, or a following "Dat zei X" sentence."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from storyline.analyze import quote_cues as cues
from storyline.analyze import quote_speakers as sp
from storyline.analyze import quote_words as qw
from storyline.analyze.quote_cues import REPLY_WORDS, lexicon
from storyline.analyze.quote_speakers import Phrase
from storyline.analyze.quote_words import words
from storyline.model import Paragraph, Quote, Span

if TYPE_CHECKING:  # quotes imports this module; the finder only arrives at run time
    from storyline.analyze.quotes import _Finder


def inherit(finder: _Finder, quote: Quote, sent: Span | None, para: Paragraph) -> None:
    """No cue of its own: a 'Dat zei X' sentence after a partial quote, the previous
    quote's speaker in the same line, or, in a new turn, the reply of the other speaker
    when the previous turn asked or addressed someone."""
    after = next_sentence_cue(finder, sent, para) if quote.kind == "partial" else None
    if after is not None:
        finder.fill(quote, after[0], after[1])
        return
    prev = finder.quotes[-1] if finder.quotes else None
    since = finder.bounds[-2][1] if len(finder.bounds) > 1 else para.start
    gap = finder.text[since : finder.bounds[-1][0]]
    if prev is not None and finder.para_at(prev.start) == para and "\n" not in gap:
        # words quoted in another sentence are nobody's in particular: '“Bob” finished fourth'
        same_sentence = sent is not None and sent.start <= prev.start < sent.end
        if prev.speaker is not None and (quote.kind != "partial" or same_sentence):
            _copy_speaker(quote, prev, "continued")
        return
    subject = narrative_subject(finder, since, finder.bounds[-1][0])
    if subject is not None and quote.kind == "direct":
        finder.fill(quote, "", subject)
        quote.cue = None
        quote.flags.append("narrative-subject")
        return
    if prev is None or len(gap) > 600 or prev.speaker is None:
        return
    if not (addresses(finder, prev) or replies(finder, quote)):
        _copy_speaker(quote, prev, "continued")
        return
    other = other_speaker(finder, prev)
    if other is not None:
        _copy_speaker(quote, other, "turn-taking")


def narrative_subject(finder: _Finder, since: int, until: int) -> Phrase | None:
    """The subject of the last narrative sentence between two quotes ("Marie lachte.")."""
    index = bisect.bisect_left(finder._sent_starts, until) - 1
    if index >= 0 and finder.sentences[index].end > until:
        index -= 1  # the sentence the quote itself opens in
    last = finder.sentences[index] if index >= 0 else None
    if last is None or last.start < since:
        return None
    if any(a < last.end and last.start < b for a, b in finder.bounds[-3:]):
        return None
    return finder.sentence_subject(last)


def _copy_speaker(quote: Quote, source: Quote, how: str) -> None:
    quote.cue, quote.speaker = None if how == "turn-taking" else source.cue, source.speaker
    quote.flags.extend(f for f in source.flags if f.startswith(("role_", "pronoun")))
    quote.flags.append(how)


def other_speaker(finder: _Finder, prev: Quote) -> Quote | None:
    """The latest earlier quote in this exchange by someone else than ``prev``'s speaker."""
    if prev.speaker is None:
        return None
    who = sp.identity(prev.speaker)
    for earlier in reversed(finder.quotes[-6:-1]):
        if earlier.speaker is not None and sp.identity(earlier.speaker) != who:
            return earlier
    return None


def replies(finder: _Finder, quote: Quote) -> bool:
    """True when a quote opens like an answer ("Ja", "Neen", "Maar ...", "Well")."""
    ws = words(quote.text, 0, len(quote.text))
    return bool(ws) and ws[0].low in lexicon(REPLY_WORDS, finder.lang)


def addresses(finder: _Finder, prev: Quote) -> bool:
    """True when a quote asks something or speaks to someone (a reply is due)."""
    content = prev.text.rstrip(" \"'”’»")
    if content.endswith("?"):
        return True
    ws = words(prev.text, 0, len(prev.text))
    if any(w.low in lexicon(cues.SECOND_PERSON, finder.lang) for w in ws):
        return True
    # A vocative: ", Paul !" or "Mijnheer ,"
    return any(
        w.low in lexicon(cues.ADDRESS_WORDS, finder.lang)
        or ((w.cap and 0 < n < len(ws) - 1 and ws[n - 1].text == ",") and ws[n + 1].text in ",.!?")
        for n, w in enumerate(ws)
    )


def next_sentence_cue(
    finder: _Finder, sent: Span | None, para: Paragraph
) -> tuple[str, Phrase] | None:
    """'Dat heeft de Russische president Vladimir Poetin gezegd' after a partial quote."""
    if sent is None:
        return None
    index = bisect.bisect_left(finder._sent_starts, sent.end)
    nxt = finder.sentences[index] if index < len(finder.sentences) else None
    if nxt is None or nxt.start >= para.end:
        return None
    ws = words(finder.text, nxt.start, nxt.end)
    if len(ws) < 3 or ws[0].low not in ("dat", "dit", "that", "this"):
        return None
    for n, word in enumerate(ws[1:8], start=1):
        if qw.is_cue_verb(word, finder.lang):
            phrase = sp.phrase_forward(finder.text, ws, 2, finder.lang) or sp.phrase_forward(
                finder.text, ws, n + 1, finder.lang
            )
            if phrase is not None:
                return word.text, phrase
    return None


_FIRST_SECOND = "ik me mij mijn m'n je jij jou jouw u uw gij we wij ons onze jullie jelui"
_SPEECH_WORDS = frozenset(_FIRST_SECOND.split()) | {"i", "my", "you", "your"}


def speechlike(line: str) -> bool:
    """A line between two quotes that reads as the rest of a turn, not as narration: nothing,
    or a line that asks, exclaims or speaks to someone ("Hè meisje ?", "Zus , je bent dol")."""
    if not any(c.isalpha() for c in line):
        return True
    words = line.lower().replace("’", "'").split()
    return line.rstrip().endswith(("?", "!")) or any(w in _SPEECH_WORDS for w in words)
