"""Events and storylines: streaming clustering of articles (issue 7)."""

from __future__ import annotations

from storyline.cluster.events import ClusterConfig, Clusterer
from storyline.cluster.explain import explain_article
from storyline.cluster.run import article_clusters, cluster_pending

__all__ = [
    "ClusterConfig",
    "Clusterer",
    "article_clusters",
    "cluster_pending",
    "explain_article",
]
