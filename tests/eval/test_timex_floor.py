"""Quality gate: time-expression extraction and values stay above their floors.

The Dutch and English case sets live in the repository, so that part always runs; the
MEANTIME English gold part skips without ../shared/data.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.eval.scripts import load_eval_script

ROOT = Path(__file__).resolve().parents[2]
MEANTIME = ROOT / ".." / "shared" / "data" / "meantime-en"
BASELINE = ROOT / "eval" / "baseline.json"


def _floors() -> dict[str, float]:
    floors: dict[str, float] = json.loads(BASELINE.read_text(encoding="utf-8"))
    return floors


@pytest.mark.parametrize(("lang", "prefix"), [("nl", "timex_nl"), ("en", "timex_en_cases")])
def test_case_sets_stay_above_floor(lang: str, prefix: str) -> None:
    module = load_eval_script("timex")
    cases = module.load_cases(module.CASES / f"{lang}.tsv")
    result = module.score_cases(cases, module.storyline_predictor(lang))
    floors = _floors()
    assert result["value_acc"] >= floors[f"{prefix}_value_acc"], result
    assert result["negatives_clean"] >= floors[f"{prefix}_negatives_clean"], result


def test_dutch_case_set_is_large_enough() -> None:
    module = load_eval_script("timex")
    cases = module.load_cases(module.CASES / "nl.tsv")
    assert sum(case.type != "NONE" for case in cases) >= 150


@pytest.mark.shared
@pytest.mark.skipif(not MEANTIME.exists(), reason="needs ../shared/data/meantime-en")
def test_meantime_english_stays_above_floor() -> None:
    module = load_eval_script("timex")
    result = module.score_english(module.load_meantime(MEANTIME))
    floors = _floors()
    assert result["timex_en_relaxed_f1"] >= floors["timex_en_relaxed_f1"], result
    assert result["timex_en_strict_f1"] >= floors["timex_en_strict_f1"], result
    assert result["timex_en_value_acc"] >= floors["timex_en_value_acc"], result
