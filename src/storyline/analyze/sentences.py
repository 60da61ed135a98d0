"""Sentence splitting that respects paragraphs, headings, abbreviations and quotes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from storyline.model import Document, Paragraph, Span

# Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot).
_NL_ABBREVIATIONS = (
    "dhr mevr mw mr dr drs ir ing prof o.a m.a.w d.w.z bijv bv enz etc ca c.q i.p.v jl "
    "mld mln mrd nr blz p e.d t.a.v vgl z.g.a.n resp st sr jr a.s n.a.v m.b.t v.s "
    "jan feb mrt apr aug sep sept okt nov dec"
)
_EN_ABBREVIATIONS = (
    "mr mrs ms dr prof sr jr st gen gov sen rep lt col sgt capt cmdr adm rev hon "
    "u.s u.k u.n e.g i.e etc vs no inc ltd co corp dept est fig approx "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "nl": frozenset(_NL_ABBREVIATIONS.split()),
    "en": frozenset(_EN_ABBREVIATIONS.split()),
}

_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)]*(?=\s+)")
_OPENERS = "\"“„‘'«("
_NEXT_START = re.compile(r"\s+([\"“„‘'«(]?)(\S)")


def _is_abbreviation(text: str, end: int, lang: str) -> bool:
    """True when the full stop ending at ``end`` closes an abbreviation or an initial."""
    start = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end)) + 1
    raw = text[start:end].lstrip(_OPENERS).rstrip(".")
    word = raw.lower()
    if not word:
        return False
    if len(raw) > 1 and raw.isupper() and "." not in raw:
        return False  # an acronym closing the sentence: "in de VS." (not "vs." = versus)
    if (len(word) == 1 and word.isalpha()) or _INITIALS.fullmatch(raw):
        return True  # an initial: "J. Sessions", "P.J. Crowley"
    return word in ABBREVIATIONS["en"] or word in ABBREVIATIONS.get(lang, frozenset())


def _inside_quote(text: str, start: int, pos: int) -> bool:
    """True when an opening double quote before ``pos`` in this stretch is still open."""
    stretch = text[start:pos]
    opens = stretch.count("“") + stretch.count("„") + stretch.count("«")
    closes = stretch.count("”") + stretch.count("»")
    straight = stretch.count('"')
    return opens > closes or straight % 2 == 1


def split_text(text: str, start: int, end: int, lang: str) -> list[Span]:
    """Split ``text[start:end]`` into sentence spans (offsets into ``text``)."""
    spans: list[Span] = []
    sent_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        stop = match.end()
        punct = match.group(0)
        single_stop = punct.startswith(".") and len(punct.rstrip("\"'”’»)")) == 1
        if single_stop and _is_abbreviation(text, match.start() + 1, lang):
            continue
        nxt = _NEXT_START.match(text, stop, end)
        if not nxt:
            continue
        first = nxt.group(2)
        if not (first.isupper() or first.isdigit() or nxt.group(1)):
            continue
        if _inside_quote(text, sent_start, stop) and not punct.rstrip(".!?…"):
            continue
        spans.append(Span(sent_start, stop))
        sent_start = nxt.start(1) if nxt.group(1) else nxt.start(2)
    tail = text[sent_start:end].rstrip()
    if tail.strip():
        lead = len(text[sent_start:end]) - len(text[sent_start:end].lstrip())
        spans.append(Span(sent_start + lead, sent_start + len(tail)))
    return spans


def split_sentences(text: str, lang: str, paragraphs: Iterable[Paragraph]) -> list[Span]:
    """Sentences of every non-heading paragraph; headings never become sentences."""
    spans: list[Span] = []
    for para in paragraphs:
        if not para.heading:
            spans.extend(split_text(text, para.start, para.end, lang))
    return spans


class SentenceStage:
    name = "sentences"

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            paragraphs = doc.article.paragraphs or [Paragraph(0, len(doc.text))]
            doc.sentences = split_sentences(doc.text, doc.lang, paragraphs)
            yield doc
