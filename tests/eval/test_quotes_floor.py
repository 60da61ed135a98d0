"""Quality gate: quote detection and speaker attribution on OpenBoek stay above their floors."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".." / "shared" / "data" / "openboek-quotes"
BASELINE = ROOT / "eval" / "baseline.json"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not DATA.exists(), reason="needs ../shared/data/openboek-quotes"),
]


def _eval_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("eval_quotes", ROOT / "eval" / "quotes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def test_openboek_quotes_stay_above_floor() -> None:
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))
    module = _eval_module()
    books = [module.read_book(path) for path in sorted(DATA.glob("*.xml"))]
    result = module.score(books)
    assert result["overlap_f1"] >= floors["quotes_openboek_f1"], result
    assert result["exact_f1"] >= floors["quotes_openboek_exact_f1"], result
    assert result["speaker_acc"] >= floors["quotes_openboek_speaker_acc"], result
    assert result["speaker_entity_acc"] >= floors["quotes_openboek_speaker_entity_acc"], result
