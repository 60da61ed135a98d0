"""Quality gate: the shipped NER models keep their development F1 (CoNLL testa) floors."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".." / "shared" / "data"
BASELINE = ROOT / "eval" / "baseline.json"
DEV = {
    "nl": DATA / "conll2002-nl" / "ned.testa",
    "en": DATA / "conll2003-en" / "eng.testa",
}


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_ner", ROOT / "eval" / "ner.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dev_f1_stays_above_floor(lang: str) -> None:
    if not DEV[lang].exists():
        pytest.skip(f"{DEV[lang]} not available")
    floor = json.loads(BASELINE.read_text(encoding="utf-8"))[f"ner_{lang}_testa_f1"]
    scores = _eval_module().evaluate(lang, DEV[lang])
    f1 = scores.prf()[2]
    assert f1 >= floor, f"{lang} dev F1 {f1:.4f} fell below the floor {floor}"
