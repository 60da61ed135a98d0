"""Quality gate: timeline summarisation on a Timeline17 subset must not fall below its floor.

The subset is the H1N1_guardian gold timeline (12 dates), built as news-tls does from the
articles of the whole H1N1 topic (its three folders), so that the gate runs in seconds; the
full figures come from ``python eval/tls.py`` (keys without ``_h1n1g``).  The loader is
tested on a small hand-made collection.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.eval.scripts import load_eval_script

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / ".." / "shared" / "data" / "timeline17"
SUBSET = ["H1N1_guardian"]
KEYS = {
    "date": "tls_tl17_h1n1g_date_f1",
    "ar1": "tls_tl17_h1n1g_align_r1_f1",
    "ar2": "tls_tl17_h1n1g_align_r2_f1",
}


@pytest.mark.shared
@pytest.mark.skipif(not (DATA / SUBSET[0]).exists(), reason="needs ../shared/data/timeline17")
def test_timeline17_subset_stays_above_its_floor() -> None:
    floors = json.loads((REPO / "eval" / "baseline.json").read_text(encoding="utf-8"))
    means = load_eval_script("tls").evaluate(DATA, SUBSET, quiet=True)["storyline"]
    for name, key in KEYS.items():
        assert key in floors, f"no floor recorded for {key}"
        assert means[name] >= floors[key], f"{key}: {means[name]:.4f} < floor {floors[key]}"


def _write(folder: Path, articles: list[dict[str, str]], gold: list[dict[str, str]]) -> None:
    folder.mkdir(parents=True)
    (folder / "articles.json").write_text(json.dumps(articles), encoding="utf-8")
    (folder / "g.timeline.json").write_text(json.dumps(gold), encoding="utf-8")


def test_topics_pool_their_folders_and_gold_sentences_are_lines(tmp_path: Path) -> None:
    well = {"uid": "1", "dct": "2010-04-21", "text": "The rig exploded -LRB- BP said -RRB- ."}
    _write(
        tmp_path / "bpoil_bbc",
        [well],
        [
            {"date": "2010-04-20", "text": " Rig explodes .  Eleven missing . "},
            {"date": "2010-04-20", "text": " Fire burns . "},
        ],
    )
    cap = {"uid": "9", "dct": "2010-07-15", "text": "A cap stops the flow ."}
    _write(
        tmp_path / "bpoil_cnn",
        [{**well, "uid": "5"}, cap],
        [{"date": "2010-07-15", "text": " Cap . "}],
    )
    _write(tmp_path / "MJ_bbc", [{**cap, "uid": "3"}], [{"date": "2009-06-25", "text": " Dies . "}])
    tls = load_eval_script("tls")
    topics = {t.name: t for t in tls.load_topics(tmp_path)}
    assert sorted(topics) == ["MJ", "bpoil"]
    bpoil = topics["bpoil"]
    # the copy of one article in two folders is read once
    assert [a.text for a in bpoil.articles] == [
        "The rig exploded (BP said).",
        "A cap stops the flow.",
    ]
    gold = dict(bpoil.golds)["bpoil_bbc/g.timeline.json"]
    assert gold == {date(2010, 4, 20): ["Rig explodes .", "Eleven missing .", "Fire burns ."]}
    # choosing one folder keeps its topic's articles; --collection folder keeps its own
    (chosen,) = tls.load_topics(tmp_path, ["bpoil_cnn"])
    assert len(chosen.articles) == 2 and len(chosen.golds) == 1
    (own,) = tls.load_topics(tmp_path, ["bpoil_cnn"], collection="folder")
    assert len(own.articles) == 2 and own.name == "bpoil_cnn"
