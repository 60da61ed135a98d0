"""Quotations and their speakers in Dutch and English news.

Direct and partial quotes come from quotation marks and dialogue dashes
(``quote_marks``); speakers from the cues around them (``quote_cue_reader``,
``quote_speakers``, pronouns ``quote_resolver``); indirect speech from cue verbs with
"dat"/"that", "volgens X" and a cue after the last comma (``quote_indirect``); quotes
without a cue from the dialogue around them (``quote_dialogue``), then re-ranked over the
text's cast of characters together with pronoun cues in texts with dialogue
(``quote_cast``, ``quote_candidates``, ``quote_turns``, ``quote_exchange``). Cue words are
data in ``quote_cues``.

A role without a name ("zijn woordvoerder") stays the speaker with label ROLE;
the person it belongs to goes in ``flags`` as ``role_of:NAME``, the person it
names (an earlier "de Russische president Vladimir Poetin") as ``role_is:NAME``.
A pronoun cue is resolved to a person and leaves ``pronoun:WORD@OFFSET``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from storyline.analyze import quote_cues as cues
from storyline.analyze import quote_speakers as sp
from storyline.analyze import quote_words as qw
from storyline.analyze.quote_conjuncts import CLAUSE_SUBJECT
from storyline.analyze.quote_cue_reader import CueReader
from storyline.analyze.quote_cues import lexicon
from storyline.analyze.quote_dialogue import inherit
from storyline.analyze.quote_indirect import indirect_in
from storyline.analyze.quote_kinds import KindReader
from storyline.analyze.quote_marks import (
    CLOSERS,
    OPENERS,
    STRAIGHT,
    RawQuote,
    blank_line_paragraphs,
    cap_quote,
    lone_heading,
    scan_quotes,
)
from storyline.analyze.quote_mentions import mention_for
from storyline.analyze.quote_names import nickname
from storyline.analyze.quote_resolver import Resolver
from storyline.analyze.quote_speakers import Phrase
from storyline.analyze.quote_turns import SpeakerModel, Trace, default_model, rerank
from storyline.analyze.quote_words import Word, words
from storyline.analyze.sentences import split_sentences
from storyline.model import (
    Document,
    Mention,
    Paragraph,
    Quote,
    Span,
    Timex,
    role_person,
)

_NARRATOR_MIN = 5  # first-person pronouns in the narration that make a first-person narrator


class _Finder(CueReader, KindReader):
    """Attributes quotes of one article in reading order."""

    def __init__(
        self,
        text: str,
        lang: str,
        sentences: list[Span],
        entities: list[Mention],
        paras: list[Paragraph],
        raws: list[RawQuote],
        date: str | None,
    ):
        self.text, self.lang, self.date = text, lang, date
        self.sentences = sorted(sentences, key=lambda s: s.start)
        self.paras, self.raws, self.entities = paras, raws, entities
        self._sent_starts = [s.start for s in self.sentences]
        self._para_starts = [p.start for p in paras]
        blocked = [(r.start, r.end) for r in raws]
        self.resolver = Resolver(text, lang, entities, blocked)
        self.quotes: list[Quote] = []
        self.speaking_roles: set[str] = set()  # noun phrases seen as speakers: 't dichtertje
        self.bounds: list[tuple[int, int]] = []  # opening mark .. end of closing mark per quote
        self.reported: list[Quote] = []  # indirect speech, found after the quotes
        self._firsts: list[re.Match[str]] | None = None  # "ik" in the narration

    # -- geometry ---------------------------------------------------------------
    def sentence_at(self, pos: int) -> Span | None:
        index = bisect.bisect_right(self._sent_starts, pos) - 1
        if index >= 0 and pos < self.sentences[index].end:
            return self.sentences[index]
        return None

    def para_at(self, pos: int) -> Paragraph:
        index = bisect.bisect_right(self._para_starts, pos) - 1
        if index >= 0 and pos <= self.paras[index].end:
            return self.paras[index]
        return Paragraph(0, len(self.text))

    def marks(self, raw: RawQuote) -> tuple[int, int]:
        """Offsets of the opening mark (or dash) and just after the closing mark."""
        open_pos = raw.start - 1
        while open_pos > 0 and self.text[open_pos].isspace():
            open_pos -= 1
        close = raw.end
        while close < len(self.text) and self.text[close] in " \t":
            close += 1
        if close < len(self.text) and (
            self.text[close] in CLOSERS
            or self.text[close] in STRAIGHT
            or self.text[close] in OPENERS
        ):
            close += 1
        else:
            close = raw.end
        return open_pos, close

    def next_open(self, index: int) -> int:
        """Where the next quote opens, past nicknames inside a name (they hold no speech)."""
        marks = (self.marks(raw) for raw in self.raws[index + 1 :])
        return next((m[0] for m in marks if not nickname(self.text, *m)), len(self.text))

    # -- attribution ------------------------------------------------------------
    def attribute(self, index: int) -> Quote:
        raw = self.raws[index]
        open_pos, close = self.marks(raw)
        para = self.para_at(raw.start)
        sent = self.sentence_at(open_pos) or self.sentence_at(raw.start)
        prev_close = self.bounds[-1][1] if self.bounds else 0
        pre_start = max(sent.start if sent else para.start, para.start, prev_close)
        pre_start = min(max(pre_start, self.text.rfind("\n", 0, open_pos) + 1), open_pos)
        next_open = self.next_open(index)
        end_sent = self.sentence_at(close) or self.sentence_at(max(raw.end - 1, 0))
        end_para = self.para_at(raw.end)
        post_end = min(end_sent.end if end_sent else end_para.end, end_para.end, next_open)
        post_end = max(post_end, close)
        line_end = self.text.find("\n", close, post_end)
        post_end = line_end if line_end >= 0 else post_end
        pre = words(self.text, pre_start, open_pos) or self.colon_line(pre_start, prev_close)
        post = words(self.text, close, post_end)
        self.bounds.append((open_pos, close))
        named = nickname(self.text, open_pos, close)  # William “Monty” Graham
        titled = named or qw.names_title(pre, self.lang)
        found = None if titled else self.post_cue(post) or self.pre_cue(pre, sent)
        kind = self.kind(raw, pre, bool(found and found[2] == "post"))
        if found is None and not titled and kind == "partial":
            found = self.tail_cue(post)  # its side, "tail", leaves the kind as it is
        quote = Quote(
            raw.start, raw.end, self.text[raw.start : raw.end], kind, flags=list(raw.flags)
        )
        if found is not None:
            self.fill(quote, found[0], found[1])
        elif titled:
            quote.flags.append("nickname" if named else "title")  # "a note titled “...”"
        elif lone_heading(self.text, quote, self.paras):
            quote.flags.append("heading")
        else:
            inherit(self, quote, sent, para)
        quote.date = self.date
        return quote

    def fill(self, quote: Quote, cue: str, phrase: Phrase) -> None:
        """Give ``quote`` its cue and speaker; a speaker found as the subject of a clause
        (``quote_conjuncts``) speaks there only, and joins no cast."""
        quote.cue = cue
        clause = CLAUSE_SUBJECT in phrase.notes
        speaker, notes = self.speaker_of(phrase)
        quote.speaker = speaker
        quote.flags.extend(notes)
        if clause:
            quote.flags.append(CLAUSE_SUBJECT)
        if speaker is not None:
            self.resolver.add(phrase.start, self.person_of(speaker, notes))
            if speaker.label == "ROLE" and not clause:
                self.speaking_roles.add(speaker.text.lower())

    def person_of(self, speaker: Mention, notes: list[str]) -> Mention:
        """The person behind a role when the text names them, else the speaker itself."""
        return role_person(speaker, notes) or speaker

    def speaker_of(self, phrase: Phrase) -> tuple[Mention | None, list[str]]:
        text = self.text
        if phrase.kind == "name":
            return mention_for(text, phrase.head, self.entities, "PER"), []
        if phrase.kind == "pron":
            word = text[phrase.start : phrase.end]
            features = {**qw.object_pronouns(self.lang), **qw.lexicon_pronouns(self.lang)}
            feature = features.get(word.lower(), "?")
            target = self.resolver.resolve(phrase.start, feature)
            if target is None and "1" in feature:
                target = self.narrator_before(phrase.start)
            if target is not None:
                self.resolver.learn(target, word)
                return target, [f"pronoun:{word}@{phrase.start}"]
            return Mention(phrase.start, phrase.end, word, "PER"), ["pronoun-unresolved"]
        return Mention(
            phrase.start, phrase.end, text[phrase.start : phrase.end], "ROLE"
        ), self.role_notes(phrase)

    def narrator_before(self, pos: int) -> Mention | None:
        """The narrator's latest "ik" in the narration before ``pos``, when the text is told
        in the first person: who a cue like "zei ik" refers to."""
        if self._firsts is None:
            starts = [r.start for r in self.raws]
            self._firsts = [
                m
                for m in re.finditer(r"\b(?:[Ii]k|I)\b", self.text)
                if (n := bisect.bisect_right(starts, m.start()) - 1) < 0
                or m.start() >= self.raws[n].end
            ]
        if len(self._firsts) < _NARRATOR_MIN:
            return None
        before = [m for m in self._firsts if m.end() <= pos]
        if not before:
            return None
        last = before[-1]
        return Mention(last.start(), last.end(), last.group(0), "PER")

    def role_notes(self, phrase: Phrase) -> list[str]:
        if phrase.owner is not None:
            return [f"role_of:{self.text[phrase.owner[0] : phrase.owner[1]]}"]
        if phrase.possessive is not None:
            feature = qw.possessives(self.lang).get(phrase.possessive, "?")
            owner = self.resolver.resolve(phrase.start, feature)
            return [f"role_of:{owner.text}"] if owner else []
        return self.earlier_role(phrase)

    def earlier_role(self, phrase: Phrase) -> list[str]:
        """For 'de minister' or 'de Russische president': the person the text gave that role."""
        role = self.text[phrase.head[0] : phrase.head[1]].split(maxsplit=1)
        if len(role) < 2:
            return []
        wanted = role[1].lower()
        for person in sorted(self.resolver.persons, key=lambda m: -m.start):
            if (
                person.end <= phrase.start
                and wanted in self.text[max(0, person.start - 40) : person.start].lower()
            ):
                return [f"role_is:{person.text}"]
        head = re.escape(wanted.split()[-1])
        owned = list(
            re.finditer(r"([A-Z][\w-]+?)(?:'s|s|'|’)\s+" + head, self.text[: phrase.start])
        )
        if owned:
            return [f"role_of:{owned[-1].group(1)}"]
        return []

    def track_subject(self, sent: Span) -> None:
        """Remember who a narrative sentence is about: later pronouns may point back to them."""
        phrase = self.sentence_subject(sent)
        if phrase is None:
            return
        if phrase.kind == "pron":
            return  # following pronoun chains through narration did not pay off on OpenBoek
        speaker, notes = self.speaker_of(phrase)
        if speaker is not None:
            self.resolver.add(phrase.start, self.person_of(speaker, notes), spoke=False)

    def known_phrase(self, ws: list[Word], i: int) -> Phrase | None:
        """A name or role at ``ws[i]``, or any noun phrase that has already spoken."""
        phrase = sp.phrase_forward(self.text, ws, i, self.lang)
        if phrase is None:
            loose = sp.phrase_forward(self.text, ws, i, self.lang, loose=True)
            said = self.text[loose.start : loose.end].lower() if loose else ""
            phrase = loose if said in self.speaking_roles else None
        return phrase

    def sentence_subject(self, sent: Span) -> Phrase | None:
        """The phrase a sentence opens with, after a conjunction or an adverb and its verb."""
        ws = words(self.text, sent.start, sent.end)
        first = 1 if ws and ws[0].low in lexicon(cues.CONJUNCTIONS, self.lang) else 0
        phrase = self.known_phrase(ws, first)
        if (
            phrase is None
            and first + 2 < len(ws)
            and ws[first].low in lexicon(cues.CLAUSE_OPENERS, self.lang)
        ):
            phrase = self.known_phrase(ws, first + 2)
        return phrase if phrase is not None and self.plausible(phrase) else None


def find_quotes(
    text: str,
    lang: str,
    sentences: list[Span],
    entities: list[Mention],
    paragraphs: list[Paragraph] | None = None,
    default_date: str | None = None,
    article_id: str | None = None,
    speaker_model: SpeakerModel | None = None,
    trace: Trace | None = None,
) -> list[Quote]:
    """Direct, partial and indirect quotes of one article with their speakers, by offset.
    ``speaker_model`` replaces the shipped ranker for uncued quotes; ``trace`` collects its
    candidates (for training)."""
    paras = sorted(
        (p for p in (paragraphs or blank_line_paragraphs(text)) if p.end > p.start),
        key=lambda p: p.start,
    )
    if not sentences:
        sentences = split_sentences(text, lang, paras)
    raws = [cap_quote(text, raw, article_id) for raw in scan_quotes(text, paras, lang)]
    finder = _Finder(text, lang, sentences, entities, paras, raws, default_date)
    indirect: list[Quote] = []
    prev: Span | None = None
    index = 0
    for sent in [*finder.sentences, Span(len(text) + 1, len(text) + 1)]:
        if index < len(raws) and raws[index].start < sent.end:
            while index < len(raws) and raws[index].start < sent.end:
                finder.quotes.append(finder.attribute(index))
                index += 1
            prev = None
            continue
        if sent.start > len(text) or any(
            a < sent.end and sent.start < b for a, b in finder.bounds[-1:]
        ):
            prev = None
            continue
        found = indirect_in(finder, sent, prev)
        if found is not None:
            indirect.append(found)
        else:
            finder.track_subject(sent)
        prev = sent if found is None else None
    finder.reported = indirect
    model = speaker_model or default_model()
    if model is not None:
        rerank(finder, model, trace)
    for quote in finder.quotes:
        if (
            any(p.heading and p.start <= quote.start < p.end for p in paras)
            and "heading" not in quote.flags
        ):
            quote.flags.append("heading")
    return sorted(finder.quotes + indirect, key=lambda q: (q.start, q.end))


class QuoteStage:
    """Fills ``doc.quotes`` from the text, sentences and person mentions."""

    name = "quotes"

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            date = doc.article.date.iso() if doc.article.date else None
            doc.quotes = find_quotes(
                doc.text,
                doc.lang,
                doc.sentences,
                doc.entities,
                doc.article.paragraphs or None,
                date,
                article_id=doc.article.id,
            )
            date_statements(doc.text, doc.quotes, doc.sentences, doc.timexes)
            yield doc


_CALENDAR = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_REPORTED = re.compile(r"\b(?:dat|that)\b", re.IGNORECASE)


def date_statements(
    text: str, quotes: list[Quote], sentences: list[Span], timexes: list[Timex]
) -> None:
    """A quote's date from a time expression of its own sentence that dates the saying
    ("zei Wilders vorige week", "Sessions zei woensdag dat ..."). Time expressions inside
    the quote, or in the reported clause a "dat"/"that" opens before it ("verzekerd dat de
    Russen "zich niet hebben gemengd" in de verkiezingen van vorig jaar"), are what it talks
    about, and leave its date alone."""
    dates = [t for t in timexes if t.type == "DATE" and _CALENDAR.fullmatch(t.value)]
    if not dates:
        return
    ordered = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    for quote in quotes:
        first = max(0, bisect.bisect_right(starts, quote.start) - 1)
        around = []
        for sent in ordered[first:]:
            if sent.start >= quote.end:
                break
            if quote.start < sent.end:
                around.append(sent)
        if not around:
            continue
        lo, hi = around[0].start, max(s.end for s in around)
        clause = _REPORTED.search(text, lo, quote.start)
        if clause is not None:
            hi = clause.start()  # only what comes before the reported clause
        said = [
            t
            for t in dates
            if lo <= t.start and t.end <= hi and not (quote.start <= t.start < quote.end)
        ]
        if said:
            quote.date = said[0].value
