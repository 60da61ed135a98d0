"""Quality gate: cross-document entity coreference on MEANTIME must not fall below its floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.eval.scripts import load_eval_script

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / ".." / "shared" / "data"
FLOORS = json.loads((REPO / "eval" / "baseline.json").read_text(encoding="utf-8"))

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not (DATA / "meantime-nl").exists(), reason="needs ../shared/data"),
]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_coref_stays_above_its_floor(lang: str) -> None:
    coref = load_eval_script("coref")
    corpus = coref.load_nl(DATA) if lang == "nl" else coref.load_en(DATA)
    named = coref.evaluate(corpus, "named", lang)
    assert named["system"]["conll_f1"] >= FLOORS[f"coref_{lang}_gold_conll_f1"]
    assert named["system"]["conll_f1"] > named["baseline_exact"]["conll_f1"]
    every = coref.evaluate(corpus, "all", lang)
    assert every["system"]["conll_f1"] >= FLOORS[f"coref_{lang}_gold_all_conll_f1"]
