"""Clusters with centroids, and an index that finds the recent clusters an article may join.

Only clusters active inside the time window are kept; an inverted index from each cluster's
heaviest terms, entities and dates to the cluster gives the candidates, so an article is
compared with a few dozen clusters, never with all of them.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from storyline.cluster.features import Features
from storyline.cluster.vectors import Centroid, contributions, top


@dataclass(frozen=True)
class IndexConfig:
    """How one level (events or stories) decides; thresholds are chosen on dev data."""

    threshold: float
    window_days: int | None
    gap_penalty: float = 0.0  # subtracted from the similarity per day between article and cluster
    w_text: float = 0.5
    w_ents: float = 0.4
    w_dates: float = 0.1
    cross_text: float = 0.5  # text weight factor when the article's language is new to the cluster
    post_terms: int = 20
    post_ents: int = 10
    query_terms: int = 12
    max_candidates: int = 30
    posting_cap: int = 50  # a key shared by more clusters only counts for its latest ones
    cap: int = 300
    topic: bool = False  # compare the flatter-idf topic vector instead of the text vector
    size_bonus: float = 0.0  # among clusters above the threshold, prefer bigger ones by this


@dataclass
class Score:
    total: float
    text: float
    ents: float
    dates: float
    gap: int | None


@dataclass
class Cluster:
    """An event or a story: centroids of its articles plus what labels and explanations need."""

    id: str
    seq: int
    text: Centroid
    ents: Centroid
    dates: Centroid
    lo: int | None = None
    hi: int | None = None
    start: str | None = None
    end: str | None = None
    size: int = 0
    langs: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    central: str = ""
    central_sim: float = -1.0
    title: str = ""
    has_title: bool = False
    parent: str | None = None
    keys: list[str] = field(default_factory=list)
    posted: int = 0  # when the cluster was last indexed: postings keep that order
    misc: dict[str, None] = field(default_factory=dict)  # entity keys that are no actor

    def absorb(self, f: Features, similarity: float, topic: bool = False) -> None:
        self.text.add(f.topic if topic else f.text)
        self.ents.add(f.ents)
        self.dates.add(f.dates)
        if f.lo is not None and f.hi is not None:
            self.lo = f.lo if self.lo is None else min(self.lo, f.lo)
            self.hi = f.hi if self.hi is None else max(self.hi, f.hi)
        if f.start is not None:
            self.start = f.start if self.start is None else min(self.start, f.start)
            self.end = f.start if self.end is None else max(self.end, f.start)
        self.size += 1
        self.langs[f.lang] = self.langs.get(f.lang, 0) + 1
        names = self.names
        for key, name in f.names.items():
            if key not in names:
                names[key] = name
        for key in f.misc:
            self.misc[key] = None
        if len(names) > 4 * self.text.cap:
            kept = self.text.weights.keys() | self.ents.weights.keys()
            self.names = {k: v for k, v in names.items() if k in kept}
            self.misc = {k: None for k in self.misc if k in kept}
        if similarity > self.central_sim:
            self.central, self.central_sim = f.article_id, similarity
            self.title, self.has_title = f.title, f.has_title

    def index_keys(self, config: IndexConfig) -> list[str]:
        terms = ["t|" + k for k in top(self.text.weights, config.post_terms)]
        ents = ["e|" + k for k in top(self.ents.weights, config.post_ents)]
        return terms + ents + ["d|" + k for k in top(self.dates.weights, 5)]

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "text": self.text.to_json(),
            "ents": self.ents.to_json(),
            "dates": self.dates.to_json(),
            "lo": self.lo,
            "hi": self.hi,
            "start": self.start,
            "end": self.end,
            "size": self.size,
            "langs": self.langs,
            "names": self.names,
            "central": [self.central, self.central_sim, self.title, self.has_title],
            "parent": self.parent,
            "keys": self.keys,
            "posted": self.posted,
            "misc": list(self.misc),
        }

    @classmethod
    def from_json(cls, cluster_id: str, data: dict[str, Any], cap: int) -> Cluster:
        central, central_sim, title, has_title = data["central"]
        return cls(
            id=cluster_id,
            seq=data["seq"],
            text=Centroid.from_json(cap, data["text"]),
            ents=Centroid.from_json(cap, data["ents"]),
            dates=Centroid.from_json(cap, data["dates"]),
            lo=data["lo"],
            hi=data["hi"],
            start=data["start"],
            end=data["end"],
            size=data["size"],
            langs=data["langs"],
            names=data["names"],
            central=central,
            central_sim=central_sim,
            title=title,
            has_title=has_title,
            parent=data["parent"],
            keys=data["keys"],
            posted=data["posted"],
            misc=dict.fromkeys(data["misc"]),
        )


def gap_days(f: Features, c: Cluster) -> int | None:
    """Days between the article's date range and the cluster's; None when either is undated."""
    if f.lo is None or f.hi is None or c.lo is None or c.hi is None:
        return None
    return max(0, f.lo - c.hi, c.lo - f.hi)


class ClusterIndex:
    """The active clusters of one level with their inverted index."""

    def __init__(
        self, config: IndexConfig, loader: Callable[[str], Cluster | None] | None = None
    ) -> None:
        self.config = config
        self.clusters: dict[str, Cluster] = {}
        self.postings: dict[str, dict[str, None]] = {}
        self.now: int | None = None
        self.seq = 0
        self.tick = 0
        self.touched: dict[str, Cluster] = {}
        self.loader = loader
        self._expiry: list[tuple[int, int, str]] = []

    def new_cluster(self, cluster_id: str) -> Cluster:
        cap = self.config.cap
        self.seq += 1
        cluster = Cluster(cluster_id, self.seq, Centroid(cap), Centroid(cap), Centroid(cap))
        self.clusters[cluster_id] = cluster
        return cluster

    def restore(self, cluster: Cluster) -> None:
        """Put a saved cluster back in the index; restore them in ``posted`` order."""
        self.clusters[cluster.id] = cluster
        self.seq = max(self.seq, cluster.seq)
        self.tick = max(self.tick, cluster.posted)
        for key in cluster.keys:
            self.postings.setdefault(key, {})[cluster.id] = None
        self.track(cluster)

    def get(self, cluster_id: str) -> Cluster | None:
        found = self.clusters.get(cluster_id) or self.touched.get(cluster_id)
        if found is None and self.loader is not None:
            found = self.loader(cluster_id)
        return found

    def query_keys(self, f: Features) -> list[str]:
        text = f.topic if self.config.topic else f.text
        terms = ["t|" + k for k in top(text, self.config.query_terms)]
        return terms + ["e|" + k for k in f.ents] + ["d|" + k for k in f.dates]

    def candidates(self, f: Features) -> list[Cluster]:
        hits: dict[str, int] = {}
        cap = self.config.posting_cap
        for key in self.query_keys(f):
            posting = self.postings.get(key)
            if not posting:
                continue
            # A key in many recent clusters says little: count only the latest indexed ones.
            ids = islice(reversed(posting), cap) if len(posting) > cap else posting
            for cluster_id in ids:
                hits[cluster_id] = hits.get(cluster_id, 0) + 1
        window = self.config.window_days
        found = []
        for cluster_id, n in hits.items():
            cluster = self.clusters[cluster_id]
            gap = gap_days(f, cluster)
            if window is None or gap is None or gap <= window:
                found.append((-n, cluster.seq, cluster))
        found.sort(key=lambda item: (item[0], item[1]))
        return [cluster for _, _, cluster in found[: self.config.max_candidates]]

    def score(self, f: Features, c: Cluster) -> Score:
        cfg = self.config
        w_text = cfg.w_text
        if c.langs and f.lang not in c.langs and f.lang != "und":
            w_text *= cfg.cross_text
        vec = f.topic if cfg.topic else f.text
        parts = [(w_text, c.text.cosine(vec) if vec else None)]
        parts.append((cfg.w_ents, c.ents.cosine(f.ents) if f.ents else None))
        parts.append((cfg.w_dates, c.dates.cosine(f.dates) if f.dates and c.dates else None))
        used = [(w, s) for w, s in parts if s is not None]
        total = sum(w * s for w, s in used) / sum(w for w, _ in used) if used else 0.0
        gap = gap_days(f, c)
        if gap is not None:
            total -= cfg.gap_penalty * gap
        text, ents, dates = (s or 0.0 for _, s in parts)
        return Score(total, text, ents, dates, gap)

    def best(self, f: Features) -> tuple[Cluster | None, Score | None, int]:
        """The best candidate with its score, and how many candidates were compared."""
        found = self.candidates(f)
        best: tuple[float, Cluster, Score] | None = None
        threshold, bonus = self.config.threshold, self.config.size_bonus
        for cluster in found:
            score = self.score(f, cluster)
            rank = score.total
            if bonus and rank >= threshold:
                rank += bonus * math.log(cluster.size)
            if best is None or rank > best[0]:
                best = (rank, cluster, score)
        return (best[1], best[2], len(found)) if best else (None, None, 0)

    def add(self, cluster: Cluster, f: Features, similarity: float) -> None:
        """Add an article to a cluster and re-index it."""
        before = cluster.hi
        cluster.absorb(f, similarity, self.config.topic)
        # Re-index small clusters at once, big ones every tenth article: their top keys settle.
        if cluster.id in self.clusters and (cluster.size <= 10 or cluster.size % 10 == 0):
            self._unpost(cluster)
            self._post(cluster)
        self.touched[cluster.id] = cluster
        if cluster.hi is not None and cluster.hi != before:
            heapq.heappush(self._expiry, (cluster.hi, cluster.seq, cluster.id))

    def advance(self, day: int | None) -> None:
        """Move the clock to ``day`` and drop clusters that fell out of the window."""
        if day is None or (self.now is not None and day <= self.now):
            return
        self.now = day
        window = self.config.window_days
        if window is None:
            return
        while self._expiry and self._expiry[0][0] < day - window:
            hi, _, cluster_id = heapq.heappop(self._expiry)
            cluster = self.clusters.get(cluster_id)
            if cluster is not None and cluster.hi == hi:
                self._unpost(cluster)
                del self.clusters[cluster_id]

    def is_active(self, hi: int | None) -> bool:
        """Whether a cluster ending on ``hi`` is still inside the window (for resuming)."""
        window = self.config.window_days
        return hi is None or window is None or self.now is None or hi >= self.now - window

    def track(self, cluster: Cluster) -> None:
        if cluster.hi is not None:
            heapq.heappush(self._expiry, (cluster.hi, cluster.seq, cluster.id))

    def _post(self, cluster: Cluster) -> None:
        self.tick += 1
        cluster.posted = self.tick
        cluster.keys = cluster.index_keys(self.config)
        for key in cluster.keys:
            self.postings.setdefault(key, {})[cluster.id] = None

    def _unpost(self, cluster: Cluster) -> None:
        for key in cluster.keys:
            posting = self.postings.get(key)
            if posting is not None:
                posting.pop(cluster.id, None)
                if not posting:
                    del self.postings[key]
        cluster.keys = []


def explain_match(
    f: Features, c: Cluster, score: Score, topic: bool = False, k: int = 5
) -> dict[str, Any]:
    """Why an article is close to a cluster: its similarity parts and the shared keys."""
    terms = contributions(f.topic if topic else f.text, c.text.weights, k)
    ents = contributions(f.ents, c.ents.weights, k)
    return {
        "similarity": round(score.total, 4),
        "text_similarity": round(score.text, 4),
        "entity_similarity": round(score.ents, 4),
        "date_similarity": round(score.dates, 4),
        "time_gap_days": score.gap,
        "shared_terms": [f.names.get(key, c.names.get(key, key)) for key, _ in terms],
        "shared_entities": [f.names.get(key, c.names.get(key, key)) for key, _ in ents],
    }
