"""The speaker ranker's trainer: hyper-parameters are command-line options."""

from __future__ import annotations

import pytest

from storyline.analyze.quote_model import FEATURES
from storyline.models.quote_speaker_train import Settings, main


def test_defaults_are_the_chosen_settings() -> None:
    settings = Settings()
    assert (settings.c, settings.rounds, settings.prior_pull) == (2.0, 3, 0.0)
    assert settings.features == FEATURES


@pytest.mark.parametrize("option", [["--features", "no_such"], ["--drop", "no_such"]])
def test_unknown_feature_names_are_refused(option: list[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--cv", *option])
    assert stop.value.code == 2
