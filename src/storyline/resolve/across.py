"""Cross-document resolution: each article's local entities attach to known entities.

Incremental and blocked: a local entity only meets the known entities that share one of
its keys (full-name variant keys, alias groups, acronyms; surnames for people), looked up
in an index, so the cost of a new article does not grow with the number of entities.
A full name, an alias group or an organisation's name links on its own; a bare surname
("Johnson") links only when the article's context (the other names in it, its words)
agrees with what the candidate was seen with, so two unrelated Johnsons stay apart.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from storyline.model import Document, Mention, names_speaker, role_person
from storyline.resolve.names import parse_name
from storyline.resolve.translit import fold
from storyline.resolve.within import LocalEntity, WithinResult, link_mentions, link_speaker

CONTEXT_CAP = 64
_WORDS = re.compile(r"[^\W\d_]{6,}")
_STOP = frozenset(
    [
        "hebben",
        "worden",
        "werden",
        "zouden",
        "kunnen",
        "moeten",
        "tijdens",
        "volgens",
        "tussen",
        "zullen",
        "omdat",
        "eerder",
        "daarna",
        "echter",
        "alleen",
        "volgende",
        "andere",
        "verder",
        "onder",
        "nieuwe",
        "nadat",
        "zonder",
        "waarin",
        "waarop",
        "because",
        "between",
        "should",
        "would",
        "could",
        "before",
        "against",
        "during",
        "without",
        "another",
        "through",
        "within",
        "around",
        "already",
        "however",
        "people",
        "little",
        "further",
        "according",
        "million",
        "billion",
    ]
)


@dataclass
class EntityState:
    """What the resolver knows of one entity."""

    id: str
    name: str
    type: str
    firsts: set[str] = field(default_factory=set)
    context: Counter[str] = field(default_factory=Counter)
    aliases: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    articles: int = 0
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass
class DocResolution:
    """Entity ids for one article's mentions and quote speakers."""

    mention_ids: list[str | None]
    speaker_ids: list[str | None]
    counts: Counter[str]


class EntityIndex:
    """The blocking index in memory; the store's subclass loads from SQLite on a miss."""

    def __init__(self) -> None:
        self.entities: dict[str, EntityState] = {}
        self.keys: dict[tuple[str, str], set[str]] = {}
        self.split_rules: dict[tuple[str, str], str] = {}
        self.article_rules: dict[tuple[str, str], str] = {}
        self.touched: set[str] = set()
        self.new_keys: list[tuple[str, str, str]] = []

    def lookup(self, key: str, kind: str) -> set[str]:
        return self.keys.get((key, kind), set())

    def get(self, entity_id: str) -> EntityState | None:
        return self.entities.get(entity_id)

    def exists(self, entity_id: str) -> bool:
        return entity_id in self.entities

    def add(self, state: EntityState) -> None:
        self.entities[state.id] = state
        self.touched.add(state.id)

    def add_key(self, entity_id: str, key: str, kind: str) -> None:
        ids = self.lookup(key, kind)
        if entity_id not in ids:
            self.keys[(key, kind)] = ids | {entity_id}
            self.new_keys.append((key, kind, entity_id))

    def new_id(self, label: str, name: str) -> str:
        """Ids come from the first name and type, with a counter on a clash; never reused."""
        base = f"{label.lower()}-{fold(name).replace(' ', '-')[:60] or 'x'}"
        candidate, number = base, 1
        while self.exists(candidate):
            number += 1
            candidate = f"{base}-{number}"
        return candidate


def doc_terms(doc: Document, locals_: list[LocalEntity]) -> dict[int, set[str]]:
    """Context of each local entity: the other names in the article and its lead's words."""
    head = f"{doc.article.title or ''} {doc.text[:600]}"
    words = {f"w:{w}" for w in _WORDS.findall(head) if w.islower() and w not in _STOP}
    names = [f"n:{entity.primary_key}" for entity in locals_]
    return {i: (set(names) - {names[i]}) | words for i in range(len(locals_))}


def _weight(term: str) -> float:
    if term.startswith("n:@"):
        return 0.5  # countries and big organisations co-occur with everything
    return 1.0 if term.startswith("n:") else 0.5


def similarity(context: set[str], profile: Counter[str]) -> tuple[float, int]:
    """Share of this article's context (weighted) already seen with the entity."""
    total = sum(_weight(t) for t in context)
    shared = [t for t in context if t in profile]
    if not total:
        return 0.0, 0
    return sum(_weight(t) for t in shared) / total, sum(t.startswith("n:") for t in shared)


class Resolver:
    """Attaches articles, one at a time, to the entities in an index."""

    def __init__(self, index: EntityIndex, min_similarity: float = 0.15, min_shared: int = 2):
        self.index = index
        self.min_similarity = min_similarity
        self.min_shared = min_shared

    def resolve(self, doc: Document) -> DocResolution:
        mentions, extra = _with_speakers(doc)
        within = link_mentions(mentions, doc.text)
        contexts = doc_terms(doc, within.entities)
        order = sorted(
            range(len(within.entities)), key=lambda i: not within.entities[i].strong_keys()
        )
        ids: dict[int, str] = {}
        for i in order:
            ids[i] = self._attach(within.entities[i], contexts[i], doc)
        mention_ids = [self._final(doc, mentions[k], ids, within, k) for k in range(len(mentions))]
        counts = Counter(eid for eid in mention_ids if eid)
        for eid, n in counts.items():
            self._count(eid, n, doc)
        speakers = self._speakers(doc, mentions, mention_ids, within, ids, extra)
        return DocResolution(mention_ids[: len(doc.entities)], speakers, counts)

    def _final(
        self, doc: Document, mention: Mention, ids: dict[int, str], within: WithinResult, k: int
    ) -> str | None:
        """The entity of one mention, after the user's splits."""
        local = within.assignment[k]
        if local is None:
            return None
        eid = ids[local]
        target = self.index.article_rules.get((eid, doc.article.id))
        form = parse_name(mention.text, mention.label)
        if target is None and form is not None:
            target = self.index.split_rules.get((eid, form.key))
        if target is None:
            return eid
        state = self.index.get(target)
        if state is None:  # split off before a rebuild: recreate it
            state = EntityState(
                target, form.text if form else mention.text, within.entities[local].label
            )
            self.index.add(state)
        state.aliases[form.text if form else mention.text] += 1
        self.index.touched.add(target)
        return target

    def _speakers(
        self,
        doc: Document,
        mentions: list[Mention],
        mention_ids: list[str | None],
        within: WithinResult,
        ids: dict[int, str],
        extra: dict[int, int],
    ) -> list[str | None]:
        found: list[str | None] = []
        for q, quote in enumerate(doc.quotes):
            speaker = quote.speaker
            if speaker is None:
                found.append(quote.speaker_entity)
                continue
            k = extra.get(q)
            if k is None:
                k = _named_by(mentions[: len(doc.entities)], speaker)
            if k is not None and mention_ids[k]:
                found.append(mention_ids[k])
                continue
            local = link_speaker(within, role_person(speaker, quote.flags) or speaker)
            found.append(ids.get(local) if local is not None else None)
        return found

    def _attach(self, local: LocalEntity, context: set[str], doc: Document) -> str:
        eid = self._match(local, context)
        if eid is None:
            eid = self.index.new_id(local.label, local.name)
            self.index.add(EntityState(eid, local.name, local.label))
        self._learn(eid, local, context)
        return eid

    def _compatible(self, state: EntityState, local: LocalEntity) -> bool:
        return state.type == local.label or "MISC" in (state.type, local.label)

    def _match(self, local: LocalEntity, context: set[str]) -> str | None:
        strong: set[str] = set()
        for key in local.strong_keys():
            strong |= self.index.lookup(key, "k")
        states = [s for s in map(self.index.get, strong) if s and self._compatible(s, local)]
        if states:
            return max(states, key=lambda s: (similarity(context, s.context)[0], s.mentions)).id
        return self._weak(local, context)

    def _weak(self, local: LocalEntity, context: set[str]) -> str | None:
        """Surname-only and genitive forms: link only when the context agrees."""
        keys = set(local.surnames())
        keys |= {f.key for f in local.forms if f.single or local.label == "MISC"}
        keys |= {f.genitive_base for f in local.forms if f.genitive_base and f.single}
        found: set[str] = set()
        for key in keys:
            found |= self.index.lookup(key, "s")
            if key not in local.strong_keys():
                found |= self.index.lookup(key, "k")
        firsts = local.firsts()
        states = [
            s
            for s in filter(None, map(self.index.get, found))
            if self._compatible(s, local) and not (firsts and s.firsts and not firsts & s.firsts)
        ]
        # One known bearer of the name needs less agreement than a choice between several.
        need = 1 if len(states) == 1 else self.min_shared
        best: tuple[float, int, str] | None = None
        for state in states:
            score, shared = similarity(context, state.context)
            good = score >= self.min_similarity and shared >= need
            if good and (best is None or (score, state.mentions) > best[:2]):
                best = (score, state.mentions, state.id)
        return best[2] if best else None

    def _learn(self, eid: str, local: LocalEntity, context: set[str]) -> None:
        state = self.index.get(eid)
        assert state is not None
        for key in local.strong_keys():
            self.index.add_key(eid, key, "k")
        for key in local.surnames() | {
            f.key for f in local.forms if f.single and local.label == "PER"
        }:
            self.index.add_key(eid, key, "s")
        state.firsts |= local.firsts()
        if state.type == "PER" and len(state.name.split()) < len(local.name.split()):
            state.name = local.name  # "Sessions" first, "Jeff Sessions" later
        state.aliases.update(form.text for form in local.forms)
        state.context.update(context)
        if len(state.context) > CONTEXT_CAP * 3 // 2:
            state.context = Counter(dict(state.context.most_common(CONTEXT_CAP)))
        self.index.touched.add(eid)

    def _count(self, eid: str, mentions: int, doc: Document) -> None:
        state = self.index.get(eid)
        if state is None:
            return
        state.mentions += mentions
        state.articles += 1
        day = doc.article.date.iso() if doc.article.date else None
        if day:
            state.first_seen = min(filter(None, (state.first_seen, day)))
            state.last_seen = max(filter(None, (state.last_seen, day)))
        self.index.touched.add(eid)


def _overlapping(mentions: list[Mention], speaker: Mention) -> int | None:
    for k, mention in enumerate(mentions):
        if mention.start < speaker.end and speaker.start < mention.end:
            return k
    return None


def _named_by(mentions: list[Mention], speaker: Mention) -> int | None:
    """The person or organisation mention that names a speaker. A role is nobody's mention:
    in "de Russische president" the tagger's "Russische" is no speaker; the role is linked
    by its own rules (``link_speaker``)."""
    if speaker.label == "ROLE":
        return None
    return next(
        (k for k, m in enumerate(mentions) if names_speaker(m, speaker.start, speaker.end)), None
    )


def _with_speakers(doc: Document) -> tuple[list[Mention], dict[int, int]]:
    """The article's mentions plus named quote speakers that no mention covers."""
    mentions = list(doc.entities)
    extra: dict[int, int] = {}
    for q, quote in enumerate(doc.quotes):
        speaker = quote.speaker
        if speaker is None:
            continue
        # a role next to a tagged word stays out as before; a name counts as covered only
        # by a mention that names it (``_named_by``)
        if speaker.label == "ROLE":
            covered = _overlapping(doc.entities, speaker)
        else:
            covered = _named_by(doc.entities, speaker)
        if covered is not None:
            continue
        if speaker.text[:1].isupper() and speaker.text.split()[0].casefold() not in (
            "de",
            "het",
            "the",
        ):
            extra[q] = len(mentions)
            mentions.append(
                Mention(speaker.start, speaker.end, speaker.text, speaker.label or "PER")
            )
    return mentions, extra


def resolve_documents(docs: Iterable[Document], index: EntityIndex | None = None) -> EntityIndex:
    """Resolve documents in memory, filling ``entity_id`` and ``speaker_entity`` in place."""
    index = index if index is not None else EntityIndex()
    resolver = Resolver(index)
    for doc in docs:
        result = resolver.resolve(doc)
        for mention, eid in zip(doc.entities, result.mention_ids, strict=True):
            mention.entity_id = eid
        for quote, eid in zip(doc.quotes, result.speaker_ids, strict=True):
            quote.speaker_entity = eid
    return index
