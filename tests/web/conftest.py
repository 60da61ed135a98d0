"""The seeded store and fake readers live beside the API tests (tests/api/storyfixture.py)."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

from tests.api.storyfixture import fakes, seeded, seeded_file

warnings.filterwarnings("ignore", message=".*httpx.*")

__all__ = ["fakes", "seeded", "seeded_file"]
