"""Named-entity mentions (PER, ORG, LOC, MISC) from the shipped CRF models.

Dutch and English articles get their own model. Other languages get no entities:
the features (capitalisation above all) mean different things in, say, German, and
an English model there would tag every noun. Titles and headings are tagged too:
every stretch of text between line breaks that no sentence covers is one sequence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from storyline.analyze.sentences import split_sentences
from storyline.analyze.tokens import tokenize
from storyline.model import Document, Mention, Paragraph, Span, Token
from storyline.models.conll import chunks
from storyline.models.ner import LANGS, NerModel, shipped_model


def segments(text: str, tokens: Sequence[Token], sentences: Sequence[Span]) -> list[list[Token]]:
    """Tokens grouped by sentence; tokens outside sentences grouped by line."""
    groups: list[list[Token]] = []
    ordered = sorted(sentences, key=lambda s: s.start)
    k = 0
    current: list[Token] = []
    current_sentence = -1
    for tok in tokens:
        while k < len(ordered) and ordered[k].end <= tok.start:
            k += 1
        inside = k < len(ordered) and ordered[k].start <= tok.start < ordered[k].end
        sentence = k if inside else -1
        newline = bool(current) and "\n" in text[current[-1].end : tok.start]
        if current and (sentence != current_sentence or newline):
            groups.append(current)
            current = []
        current.append(tok)
        current_sentence = sentence
    if current:
        groups.append(current)
    return groups


def mentions(text: str, group: Sequence[Token], tags: Sequence[str]) -> list[Mention]:
    out = []
    for start, end, label in chunks(tags):
        begin, stop = group[start].start, group[end - 1].end
        out.append(Mention(begin, stop, text[begin:stop], label))
    return out


def _compound_head(token: Token) -> str | None:
    """'FBI' of 'FBI-directeur': a capitalised head before a lower-case compound part."""
    head, dash, rest = token.text.partition("-")
    if dash and head[:1].isupper() and rest[:1].islower() and head.replace(".", "").isalnum():
        return head
    return None


def split_compounds(
    tokens: Sequence[Token], found: list[Mention], model: NerModel
) -> list[Mention]:
    """Name the head of 'NAVO-partners' when the document or the name list knows its type.

    CoNLL tags such compounds MISC as a whole; a reader wants the organisation in them.
    """
    known: dict[str, Counter[str]] = {}
    for m in found:
        known.setdefault(m.text.lower(), Counter())[m.label] += 1
    out = list(found)
    for tok in tokens:
        head = _compound_head(tok)
        if head is None:
            continue
        covering = [m for m in found if m.start < tok.end and tok.start < m.end]
        current = covering[0] if len(covering) == 1 else None
        if covering and (current is None or (current.start, current.end) != (tok.start, tok.end)
                         or current.label != "MISC"):
            continue
        counts = known.get(head.lower())
        label = counts.most_common(1)[0][0] if counts else None
        if label is None and model.names is not None:
            label = model.names.get((head.lower(),))
        if label is None or label == "MISC":
            continue
        if current is not None:
            out.remove(current)
        out.append(Mention(tok.start, tok.start + len(head), head, label))
    return sorted(out, key=lambda m: m.start)


def find_entities(doc: Document, model: NerModel) -> list[Mention]:
    """Entity mentions of one document (its tokens and sentences filled in as needed)."""
    text = doc.text
    if not doc.tokens:
        doc.tokens = tokenize(text, doc.lang)
    sentences = doc.sentences
    if not sentences:
        paragraphs = doc.article.paragraphs or [Paragraph(0, len(text))]
        sentences = split_sentences(text, doc.lang, paragraphs)
    groups = segments(text, doc.tokens, sentences)
    tags = model.tag_doc([[t.text for t in group] for group in groups])
    found = [m for group, seq in zip(groups, tags, strict=True) for m in mentions(text, group, seq)]
    return split_compounds(doc.tokens, one_type_per_name(found), model)


def one_type_per_name(found: list[Mention]) -> list[Mention]:
    """A one-word name takes the type the document mostly gives it.

    Votes come from identical mentions and from longer person names ending in the word
    ("Michael Flynn" votes PER for a heading "Flynn"). Headings and quotes are tagged
    with little context; the rest of the article usually settles the type.
    """
    votes: dict[str, Counter[str]] = {}
    for m in found:
        words = m.text.split()
        votes.setdefault(m.text, Counter())[m.label] += 1
        if m.label == "PER" and len(words) > 1:
            votes.setdefault(words[-1], Counter())["PER"] += 2
    out = []
    for m in found:
        counts = votes[m.text]
        if " " not in m.text and sum(counts.values()) > 1:
            label, n = counts.most_common(1)[0]
            if label != m.label and n > counts[m.label]:
                m = Mention(m.start, m.end, m.text, label)
        out.append(m)
    return out


class EntityStage:
    """Fills ``doc.tokens`` (if empty) and ``doc.entities`` for Dutch and English documents."""

    name = "entities"

    def __init__(self, langs: Iterable[str] = LANGS) -> None:
        self.langs = frozenset(langs)

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            if doc.lang in self.langs:
                doc.entities = find_entities(doc, shipped_model(doc.lang))
            elif not doc.tokens:
                doc.tokens = tokenize(doc.text, doc.lang)
            yield doc
