"""A story at a glance: a short extractive paragraph, its main actors and its time span."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from storyline.model import Document, Mention
from storyline.timeline.select import Selector, SentenceIndex
from storyline.timeline.types import EntityRef, StorySummary, TimelineEntry, TimelineSentence

ACTOR_LABELS = ("PER", "ORG")
SUMMARY_LEAD = 3
NAME_SENTENCES = 10  # sentences per article scanned for names when there are no entities


def _key(mention: Mention) -> str:
    return mention.entity_id or " ".join(mention.text.lower().split())


def _fold_surnames(forms: dict[str, Counter[str]], labels: dict[str, str]) -> dict[str, str]:
    """Map a bare surname ("trump") onto the one full name in the story that ends with it."""
    full = [k for k in forms if labels[k] == "PER" and " " in k]
    target: dict[str, str] = {}
    for key in forms:
        if labels[key] != "PER" or " " in key:
            continue
        owners = [name for name in full if name.split()[-1] == key]
        if len(owners) == 1:
            target[key] = owners[0]
    return target


def entity_counts(
    docs: Sequence[Document], keep: Callable[[Mention], bool] = lambda m: True
) -> list[tuple[EntityRef, int, int]]:
    """(entity, articles, mentions) for every entity mentioned, most widely covered first."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    labels: dict[str, str] = {}
    ids: dict[str, str | None] = {}
    seen_in: dict[str, set[int]] = defaultdict(set)
    for d, doc in enumerate(docs):
        for mention in doc.entities:
            if not keep(mention):
                continue
            key = _key(mention)
            forms[key][mention.text] += 1
            labels.setdefault(key, mention.label)
            ids.setdefault(key, mention.entity_id)
            seen_in[key].add(d)
    for short, long in _fold_surnames(forms, labels).items():
        forms[long].update(forms.pop(short))
        seen_in[long] |= seen_in.pop(short)
    found = []
    for key, counter in forms.items():
        name = max(counter, key=lambda form: (counter[form], len(form)))
        ref = EntityRef(name, labels[key], ids.get(key))
        found.append((ref, len(seen_in[key]), sum(counter.values())))
    return sorted(found, key=lambda item: (-item[1], -item[2], item[0].name))


def main_actors(docs: Sequence[Document], limit: int = 6) -> list[EntityRef]:
    """People and organisations that the most articles mention; places when there are none."""
    ranked = entity_counts(docs)
    actors = [ref for ref, _, _ in ranked if ref.label in ACTOR_LABELS]
    if len(actors) < 2:
        actors += [ref for ref, _, _ in ranked if ref.label == "LOC"]
    return actors[:limit]


def summary_sentences(
    index: SentenceIndex, make: Callable[[int], TimelineSentence], k: int
) -> list[TimelineSentence]:
    """The ``k`` lead sentences that best cover the whole story, in publication order."""
    docs = index.docs
    lead = [
        (d, s) for d, doc in enumerate(docs) for s in range(min(SUMMARY_LEAD, len(doc.sentences)))
    ]
    everything = list(range(len(index.refs)))  # the indexed (candidate) sentences
    rows = Selector(index).select(index.rows(lead), k, [everything]) if lead else []
    rows.sort(key=lambda row: (_published(docs[index.refs[row].doc]), row))
    return [make(row) for row in rows]


_CAPITALISED = re.compile(r"(?<![.!?:\"“„‘'«]\s)(?<!^)\b([A-Z][\w-]{2,})\b")


def frequent_names(docs: Sequence[Document], limit: int = 3) -> list[str]:
    """Capitalised words inside sentences used most often, by more than one article when
    there are several: names, for a label when NER is absent."""
    uses: Counter[str] = Counter()
    spread: Counter[str] = Counter()
    for doc in docs:
        found: Counter[str] = Counter()
        for span in doc.sentences[:NAME_SENTENCES]:
            sentence = doc.text[span.start : span.end]
            found.update(m.group(1) for m in _CAPITALISED.finditer(sentence) if m.start() > 0)
        uses.update(found)
        spread.update(found.keys())
    wide = min(2, len(docs))
    return [word for word, _ in uses.most_common() if spread[word] >= wide][:limit]


def _published(doc: Document) -> str:
    return doc.article.date.iso() if doc.article.date else ""


def time_span(
    docs: Sequence[Document], entries: Sequence[TimelineEntry]
) -> tuple[str | None, str | None]:
    """First and last day the timeline or the publications cover."""
    days = [e.range.start.isoformat() for e in entries] + [e.range.end.isoformat() for e in entries]
    days += [doc.article.date.iso() for doc in docs if doc.article.date]
    return (min(days), max(days)) if days else (None, None)


def summarise(
    index: SentenceIndex,
    entries: Sequence[TimelineEntry],
    make: Callable[[int], TimelineSentence],
    k: int,
) -> StorySummary:
    start, end = time_span(index.docs, entries)
    return StorySummary(summary_sentences(index, make, k), main_actors(index.docs), start, end)
