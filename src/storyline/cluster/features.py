"""What an article looks like to the clusterer: TF-IDF terms, entities and dates.

Terms are lower-cased, accent-folded words (Dutch key terms mapped onto English pivots) weighted
by a log term frequency times an inverse document frequency kept incrementally over the stream.
Entities use resolved entity ids when the resolution stage filled them, else the normalised
mention text; an article without any mentions falls back to capitalised words inside sentences.
"""

from __future__ import annotations

import math
import re
import unicodedata
from calendar import monthrange
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.cluster.lexicon import NL_EN, STOPWORDS
from storyline.cluster.vectors import Vector, normalised, top
from storyline.model import Document, PartialDate
from storyline.serialize import display_title

_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INNER_CAPS = re.compile(r"(?<=[\w,;] )[^\W\d_]+")
FALLBACK = "~"
_UNSEEN = "\0"
_DEMONYM = ("ische", "aanse", "iaanse", "ese", "ian", "ians", "ish", "isch", "aans")
_TERM_CACHE: dict[bool, dict[str, str | None]] = {
    False: {},
    True: {},
}  # prefix of entity keys made from text rather than from resolved ids


@dataclass
class Features:
    """One article's vectors (each of unit length) and date range as day ordinals."""

    article_id: str
    text: Vector
    topic: Vector  # the terms again with a flatter idf: what a storyline is about
    ents: Vector
    dates: Vector
    lo: int | None
    hi: int | None
    lang: str
    title: str
    has_title: bool
    start: str | None = None
    names: dict[str, str] = field(default_factory=dict)
    misc: list[str] = field(default_factory=list)  # entity keys that are no actor (MISC)


class IdfTable:
    """Document frequencies kept over the stream; ``dirty`` lists what changed since a save."""

    def __init__(self, df: dict[str, int] | None = None, docs: int = 0) -> None:
        self.df: Counter[str] = Counter(df or {})
        self.docs = docs
        self.dirty: set[str] = set()
        self._logs: list[float] = []

    def add(self, keys: list[str]) -> None:
        self.docs += 1
        self.df.update(keys)
        self.dirty.update(keys)

    def _log1p(self, n: int) -> float:
        logs = self._logs
        while len(logs) <= n:
            logs.append(math.log(1 + len(logs)))
        return logs[n]

    def idf(self, key: str) -> float:
        return self._log1p(self.docs) - self._log1p(self.df.get(key, 0)) + 1.0

    def weights(self, counts: Counter[str], power: float) -> tuple[Vector, Vector]:
        """Log term frequency times idf, and times idf raised to ``power``, for each key."""
        base = self._log1p(self.docs) + 1.0  # also fills the log table up to ``docs`` >= any df
        logs, get = self._logs, self.df.get
        idfs = {k: base - logs[get(k, 0)] for k in counts}
        tf = {k: 1.0 + math.log(n) if n > 1 else 1.0 for k, n in counts.items()}
        plain = {k: tf[k] * w for k, w in idfs.items()}
        if power == 1.0:
            return plain, plain
        return plain, {k: tf[k] * w**power for k, w in idfs.items()}


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without accents: Poëzie -> poezie."""
    lowered = word.lower()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def term_key(word: str, dutch: bool) -> str | None:
    """The term a word counts as, or None for stop words, short words and lone digits."""
    folded = fold(word)
    if dutch:
        folded = NL_EN.get(folded, folded)
    if folded in STOPWORDS:
        return None
    if folded[0].isdigit():
        return folded if len(folded) >= 2 else None
    return folded if len(folded) >= 3 else None


def text_terms(text: str, lang: str) -> tuple[Counter[str], dict[str, str]]:
    """Term counts of ``text`` and the first surface form seen for each term."""
    dutch = lang.startswith("nl")
    cache = _TERM_CACHE[dutch]
    if len(cache) > 500_000:
        cache.clear()
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for word, n in Counter(_WORD.findall(text)).items():
        key = cache.get(word, _UNSEEN)
        if key is _UNSEEN:
            key = cache[word] = term_key(word, dutch)
        if key is None:
            continue
        counts[key] += n
        if key not in names:
            names[key] = word
    return counts, names


def mention_key(text: str, label: str, lang: str) -> str:
    """A fallback entity key from mention text: a person's surname, else the folded name."""
    words = [fold(w) for w in _WORD.findall(text.replace("'s", ""))]
    if not words:
        return FALLBACK + fold(text)
    if label == "PER":
        return FALLBACK + words[-1]
    if lang.startswith("nl"):
        words = [NL_EN.get(w, w) for w in words]
    return FALLBACK + " ".join(words)


def entity_terms(doc: Document) -> tuple[Counter[str], dict[str, str]]:
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for mention in doc.entities:
        key = mention.entity_id or mention_key(mention.text, mention.label, doc.lang)
        counts[key] += 1
        names.setdefault(key, mention.text)
    return counts, names


def misc_keys(doc: Document, names: dict[str, str]) -> list[str]:
    """Entity keys that name no actor: MISC mentions, or demonyms when NER did not run."""
    if doc.entities:
        misc = {m.entity_id or mention_key(m.text, m.label, doc.lang) for m in doc.entities}
        actors = {
            m.entity_id or mention_key(m.text, m.label, doc.lang)
            for m in doc.entities
            if m.label != "MISC"
        }
        return [key for key in names if key in misc - actors]
    return [key for key, name in names.items() if fold(name).endswith(_DEMONYM)]


def capitalised_terms(text: str) -> tuple[Counter[str], dict[str, str]]:
    """Capitalised words inside a sentence (after a word or a comma): names, without NER."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for word in _INNER_CAPS.findall(text):
        if not word[0].isupper():
            continue
        folded = fold(word)
        if folded in STOPWORDS or len(folded) < 2:
            continue
        key = FALLBACK + folded
        counts[key] += 1
        if key not in names:
            names[key] = word
    return counts, names


def date_terms(doc: Document) -> Counter[str]:
    """Day-precision dates the article mentions (from its time expressions)."""
    return Counter(t.value for t in doc.timexes if t.type == "DATE" and _DAY.match(t.value))


def date_range(value: PartialDate | None) -> tuple[int | None, int | None]:
    """The first and last day a partial date can mean, as ordinals."""
    if value is None:
        return None, None
    first = value.first_day()
    if value.precision == "day":
        return first.toordinal(), first.toordinal()
    if value.precision == "month":
        assert value.month is not None
        last = monthrange(value.year, value.month)[1]
        return first.toordinal(), first.toordinal() + last - 1
    return first.toordinal(), first.replace(month=12, day=31).toordinal()


def unit_top(vec: Vector, keep: int) -> Vector:
    """The ``keep`` heaviest keys of ``vec``, scaled to unit length."""
    if len(vec) > keep:
        vec = {key: vec[key] for key in top(vec, keep)}
    return normalised(vec)


def featurize(
    doc: Document,
    idf: IdfTable,
    doc_terms: int = 200,
    caps_fallback: bool = True,
    topic_power: float = 0.5,
    max_chars: int = 8000,
    lead_chars: int = 0,
) -> Features:
    """The article's features; counts its terms and entities into ``idf`` first."""
    article = doc.article
    lang = doc.lang
    # Long articles tell their event up front; the tail adds cost more than signal.
    text = doc.text[:max_chars]
    terms, names = text_terms(text, lang)
    if lead_chars:
        # The headline and lead say what happened: their terms count twice.
        lead = text_terms(text[:lead_chars], lang)[0]
        terms.update({k: n for k, n in lead.items() if k in terms})
    ents, ent_names = entity_terms(doc)
    if not ents and caps_fallback:
        ents, ent_names = capitalised_terms(text)
    idf.add(list(terms) + list(ents))
    lo, hi = date_range(article.date)
    dates = date_terms(doc)
    plain, flat = idf.weights(terms, topic_power)
    text_vec = unit_top(plain, doc_terms)
    topic_vec = unit_top(flat, doc_terms)
    ent_vec = unit_top(idf.weights(ents, 1.0)[0], doc_terms)
    kept = {k: names[k] for k in text_vec | topic_vec} | {k: ent_names[k] for k in ent_vec}
    return Features(
        article_id=article.id,
        text=text_vec,
        topic=topic_vec,
        ents=ent_vec,
        dates=normalised({k: float(n) for k, n in dates.items()}),
        lo=lo,
        hi=hi,
        lang=lang,
        title=display_title(article, 90),
        has_title=bool(article.title),
        start=article.date.iso() if article.date else None,
        names=kept,
        misc=misc_keys(doc, {k: ent_names[k] for k in ent_vec}),
    )
