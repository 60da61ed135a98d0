"""Quality gate: quote speakers on the hand-annotated Timeline17 news sample stay above
their floors (``eval/news_quotes.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.eval.scripts import load_eval_script

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".." / "shared" / "data"
BASELINE = ROOT / "eval" / "baseline.json"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not (DATA / "timeline17").exists(), reason="needs ../shared/data"),
]


def test_news_quote_speakers_stay_above_floor() -> None:
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))
    result = load_eval_script("news_quotes").score(DATA)["all"]
    assert result["found"] >= floors["news_quotes_t17_found"], result
    assert result["speaker_acc"] >= floors["news_quotes_t17_speaker_acc"], result
    assert result["none_acc"] >= floors["news_quotes_t17_none_acc"], result


def test_gold_file_names_no_article_text() -> None:
    module = load_eval_script("news_quotes")
    rows = module.read_gold()
    assert len(rows) >= 30
    assert all(len(speaker.split()) == 1 for _, _, _, speaker in rows)
