"""Quality gate: timeline summarisation on a Timeline17 subset must not fall below its floor.

The subset is the H1N1_guardian folder (one gold timeline, 12 dates) so that the gate runs
in seconds; the full figures come from ``python eval/tls.py`` (keys without ``_h1n1g``).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / ".." / "shared" / "data" / "timeline17"
SUBSET = ["H1N1_guardian"]
KEYS = {
    "date": "tls_tl17_h1n1g_date_f1",
    "ar1": "tls_tl17_h1n1g_align_r1_f1",
    "ar2": "tls_tl17_h1n1g_align_r2_f1",
}


def _tls_module():
    spec = importlib.util.spec_from_file_location("tls_eval", REPO / "eval" / "tls.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
@pytest.mark.skipif(not (DATA / SUBSET[0]).exists(), reason="needs ../shared/data/timeline17")
def test_timeline17_subset_stays_above_its_floor() -> None:
    floors = json.loads((REPO / "eval" / "baseline.json").read_text(encoding="utf-8"))
    means = _tls_module().evaluate(DATA, SUBSET, quiet=True)["storyline"]
    for name, key in KEYS.items():
        assert key in floors, f"no floor recorded for {key}"
        assert means[name] >= floors[key], f"{key}: {means[name]:.4f} < floor {floors[key]}"
