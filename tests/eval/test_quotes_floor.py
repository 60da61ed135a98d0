"""Quality gate: quote detection and speaker attribution on OpenBoek stay above their floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.eval.scripts import load_eval_script

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".." / "shared" / "data" / "openboek-quotes"
BASELINE = ROOT / "eval" / "baseline.json"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not DATA.exists(), reason="needs ../shared/data/openboek-quotes"),
]


def test_openboek_quotes_stay_above_floor() -> None:
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))
    module = load_eval_script("quotes")
    books = [module.read_book(path) for path in sorted(DATA.glob("*.xml"))]
    result = module.score(books)
    assert result["overlap_f1"] >= floors["quotes_openboek_f1"], result
    assert result["exact_f1"] >= floors["quotes_openboek_exact_f1"], result
    assert result["speaker_acc"] >= floors["quotes_openboek_speaker_acc"], result
    assert result["speaker_entity_acc"] >= floors["quotes_openboek_speaker_entity_acc"], result
