"""Quality gate: the shipped NER models keep their development F1 (CoNLL testa) floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.eval.scripts import load_eval_script

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".." / "shared" / "data"
BASELINE = ROOT / "eval" / "baseline.json"
DEV = {
    "nl": DATA / "conll2002-nl" / "ned.testa",
    "en": DATA / "conll2003-en" / "eng.testa",
}


@pytest.mark.shared
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dev_f1_stays_above_floor(lang: str) -> None:
    if not DEV[lang].exists():
        pytest.skip(f"{DEV[lang]} not available")
    floor = json.loads(BASELINE.read_text(encoding="utf-8"))[f"ner_{lang}_testa_f1"]
    scores = load_eval_script("ner").evaluate(lang, DEV[lang])
    f1 = scores.prf()[2]
    assert f1 >= floor, f"{lang} dev F1 {f1:.4f} fell below the floor {floor}"
