"""Named-entity mentions (PER, ORG, LOC, MISC) from the shipped CRF models.

Dutch and English articles get their own model. Other languages get no entities:
the features (capitalisation above all) mean different things in, say, German, and
an English model there would tag every noun. Titles and headings are tagged too:
every stretch of text between line breaks that no sentence covers is one sequence.
The tagger's mentions are then corrected across the document (``postprocess``): person
names cut out of organisations, names after a person's title ("president Trump"),
surnames of the document's persons, Dutch adjective + capitalised noun names, one type
per name, organisations inside compounds.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from storyline.analyze.entity_names import covered, particle_surnames, person_surnames
from storyline.analyze.sentences import split_sentences
from storyline.analyze.tokens import tokenize
from storyline.model import Document, Mention, Paragraph, Span, Token
from storyline.models.conll import chunks
from storyline.models.lexicon import Lexicon
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
        if covering and (
            current is None
            or (current.start, current.end) != (tok.start, tok.end)
            or current.label != "MISC"
        ):
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


@dataclass(frozen=True)
class Rules:
    """Which document-level corrections run after the tagger (each is measured by
    ``eval/ner.py --stage`` on the development file)."""

    person_tails: bool = True
    titled: bool = True
    surnames: bool = True
    untagged_surnames: bool = True
    particle_surnames: bool = True
    one_type: bool = True
    compounds: bool = True
    adjective_names: bool = True


DEFAULT_RULES = Rules()


def postprocess(
    text: str,
    tokens: Sequence[Token],
    found: list[Mention],
    model: NerModel,
    rules: Rules = DEFAULT_RULES,
) -> list[Mention]:
    """The tagger's mentions of one document, corrected across the document."""
    if rules.person_tails and model.first_names:
        found = split_person_tails(tokens, found, model.first_names)
    if rules.titled:
        found = titled_persons(text, tokens, found)
    if rules.surnames or rules.untagged_surnames:
        found = person_surnames(tokens, found, rules.surnames, rules.untagged_surnames)
    if rules.particle_surnames:
        found = particle_surnames(text, tokens, found)
    # Dutch only: English capitalises common nouns in names and titles ("Russian President").
    if rules.adjective_names and model.meta.get("lang") == "nl" and model.featurizer.freq:
        found = adjective_names(text, tokens, found, model.featurizer.freq, model.names)
    if rules.one_type:
        found = one_type_per_name(found)
    if rules.compounds:
        found = split_compounds(tokens, found, model)
    return found


def find_entities(doc: Document, model: NerModel, rules: Rules = DEFAULT_RULES) -> list[Mention]:
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
    return postprocess(text, doc.tokens, found, model, rules)


def _inside(tokens: Sequence[Token], starts: Sequence[int], m: Mention) -> Sequence[Token]:
    lo = bisect_left(starts, m.start)
    hi = bisect_left(starts, m.end)
    return tokens[lo:hi]


def split_person_tails(
    tokens: Sequence[Token], found: list[Mention], first_names: frozenset[str]
) -> list[Mention]:
    """'Justitie Jeff Sessions' (ORG) -> 'Justitie' (ORG) + 'Jeff Sessions' (PER).

    A known first name followed by capitalised words ends a non-person name: CoNLL tags
    "minister van Justitie Marc Verwilghen" as an organisation and a person, but the
    tagger, seeing an unknown surname, may run the organisation on.
    """
    starts = [t.start for t in tokens]
    out = []
    for m in found:
        inner = _inside(tokens, starts, m) if m.label != "PER" else ()
        cut = next(
            (
                j
                for j in range(1, len(inner) - 1)
                if inner[j].text.lower() in first_names
                and all(t.text[:1].isupper() for t in inner[j:])
            ),
            None,
        )
        if cut is None:
            out.append(m)
            continue
        head, tail = inner[:cut], inner[cut:]
        text = m.text
        out.append(Mention(m.start, head[-1].end, text[: head[-1].end - m.start], m.label))
        out.append(Mention(tail[0].start, m.end, text[tail[0].start - m.start :], "PER"))
    return out


_TITLED_MAX = 3  # words of a name after a title


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles that come before a person's name in news ("president Trump", "minister Lavrov",
# "Senator McCain"); CoNLL tags the name after them PER and leaves the title out. Not roles
# that take an organisation ("woordvoerder Abbey National", "voorzitter Commissie voor ...")
# nor English words that open company names ("General Motors", "Prime Computer").
PERSON_TITLES = _words(
    """
    president vicepresident ex-president oud-president premier minister-president minister
    staatssecretaris senator burgemeester gouverneur kanselier koning koningin prins prinses
    paus generaal kolonel ambassadeur rechter procureur advocaat
    dokter professor mevrouw meneer
    vice-president secretary governor chancellor king queen prince princess pope
    colonel ambassador judge congressman
    congresswoman rep. sen. gov. mr. mrs. ms. dr. mr mrs ms dr
    """
)


def titled_persons(text: str, tokens: Sequence[Token], found: list[Mention]) -> list[Mention]:
    """A name right after a person's title is a person, whatever the tagger made of it or
    when it left the name out ("President Trump zei", "minister Lavrov")."""
    starts = [t.start for t in tokens]
    out = []
    for m in found:
        i = bisect_left(starts, m.start)
        if m.label != "PER" and i > 0 and tokens[i - 1].text.lower() in PERSON_TITLES:
            m = Mention(m.start, m.end, m.text, "PER")
        out.append(m)
    mention_starts = [m.start for m in out]
    added = []
    for i, tok in enumerate(tokens[:-1]):
        if tok.text.lower() not in PERSON_TITLES:
            continue
        run = _name_after(tokens, i + 1)
        if run and not any(covered(out, mention_starts, t) for t in run):
            start, end = run[0].start, run[-1].end
            added.append(Mention(start, end, text[start:end], "PER"))
    return sorted(out + added, key=lambda m: m.start) if added else out


def _name_after(tokens: Sequence[Token], i: int) -> list[Token]:
    """Up to ``_TITLED_MAX`` capitalised words from ``tokens[i]``, one space apart."""
    run: list[Token] = []
    for tok in tokens[i : i + _TITLED_MAX]:
        name_like = tok.text[:1].isupper() and tok.text.replace("-", "").isalpha()
        if not name_like or (run and tok.start - run[-1].end > 1):
            break
        run.append(tok)
    return run


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


def adjective_names(
    text: str,
    tokens: Sequence[Token],
    found: list[Mention],
    freq: dict[str, str],
    names: Lexicon | None = None,
) -> list[Mention]:
    """'Islamitische' (MISC) + 'Staat' -> 'Islamitische Staat' (ORG).

    Dutch writes common nouns in lower case: a common noun capitalised right after a
    name adjective is part of the name ("Europese Commissie", "Grote Markt"); in
    ned.train's gold, such a pair whose first word is in a name is one name 265 times
    out of 291. The type is the one the name
    list gives the noun as part of longer names ("~ markt": LOC), else ORG, the most
    frequent type of these pairs there (118 ORG, 103 MISC, 44 LOC).
    """
    starts = [t.start for t in tokens]
    covered = {m.start for m in found}
    out = []
    for m in found:
        k = bisect_left(starts, m.start)
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if (
            m.label == "MISC"
            and " " not in m.text
            and nxt is not None
            and text[m.end : nxt.start] == " "
            and m.text[-1:] == "e"
            and nxt.text[:1].isupper()
            and nxt.text[1:].islower()
            and int(freq.get(nxt.text.lower(), "0")[:1]) >= 4
            and nxt.start not in covered
        ):
            label = (names or {}).get(("~", nxt.text.lower()), "ORG")
            out.append(Mention(m.start, nxt.end, f"{m.text} {nxt.text}", label))
        else:
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
