"""The seeded store and the fake readers (see storyfixture.py)."""

from __future__ import annotations

import warnings

from tests.api.storyfixture import fakes, seeded, seeded_file

warnings.filterwarnings("ignore", message=".*httpx.*")

__all__ = ["fakes", "seeded", "seeded_file"]
