"""Quality gate for event and story clustering (eval/cluster.py); skips without shared data.

ECB+ topics 1-35: all 772 documents, one seeded stream order, events vs sub-topics.
Timeline17: every 4th article of the date-ordered mixed stream (to stay fast), stories vs
topics; the full stream's figure is recorded in eval/baseline.json and printed by the script.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.eval.scripts import load_eval_script

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".." / "shared" / "data"
BASELINE = ROOT / "eval" / "baseline.json"


def _floor(key: str) -> float:
    return float(json.loads(BASELINE.read_text(encoding="utf-8"))[key])


@pytest.mark.shared
@pytest.mark.skipif(not (DATA / "ecbplus").exists(), reason="no ../shared/data/ecbplus")
def test_ecbplus_event_bcubed_f1_stays_above_floor() -> None:
    ev = load_eval_script("cluster")
    articles, gold = ev.ecbplus_articles(DATA)
    docs = ev.analyse(articles, ev.make_stages("none"))
    f1 = ev.ecbplus_eval(docs, gold, ev.ClusterConfig(), seed=0)["f1"]
    floor = _floor("cluster_ecbplus_bcubed_f1")
    assert f1 >= floor, f"ECB+ event BCubed F1 {f1:.4f} fell below the floor {floor}"


@pytest.mark.shared
@pytest.mark.skipif(not (DATA / "timeline17").exists(), reason="no ../shared/data/timeline17")
def test_timeline17_story_bcubed_f1_stays_above_floor() -> None:
    ev = load_eval_script("cluster")
    articles, gold = ev.timeline17_articles(DATA, every=4)
    docs = ev.analyse(articles, ev.make_stages("none"))
    f1 = ev.tl17_eval(docs, gold, ev.ClusterConfig())["f1"]
    floor = _floor("cluster_tl17_story_bcubed_f1_every4")
    assert f1 >= floor, f"Timeline17 story BCubed F1 {f1:.4f} fell below the floor {floor}"
