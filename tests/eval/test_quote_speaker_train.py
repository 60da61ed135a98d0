"""The speaker ranker's trainer: hyper-parameters are command-line options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.analyze.quote_model import FEATURES, MODEL_PATH
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


def test_grid_report_prints_each_setting_and_the_mean(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.models.quote_speaker_train as trainer

    fitted = []

    def fake_point(point: tuple[float, int, Settings, Path]) -> tuple[float, float]:
        c, rounds, _, _ = point  # each setting's figure is its C / 10
        fitted.append((c, rounds))
        return c / 10, c / 20

    monkeypatch.setattr(trainer, "_grid_point", fake_point)
    trainer.grid_report(Path("books"), Settings())
    out = capsys.readouterr().out
    assert fitted == list(trainer.GRID)
    assert "C 1.5  rounds 3: speaker 0.1500" in out
    assert "grid mean speaker accuracy 0.2000 (range 0.1500-0.2500)" in out
    trainer.grid_report(Path("books"), Settings(), trainer.WIDE_GRID)
    assert len(fitted) == len(trainer.GRID) + 15


DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "openboek-quotes"


@pytest.mark.shared
@pytest.mark.skipif(not DATA.exists(), reason="needs ../shared/data/openboek-quotes")
def test_the_shipped_weights_are_what_the_trainer_fits(tmp_path: Path) -> None:
    # a model file that the script no longer reproduces hides what a code change did
    out = tmp_path / "quote_speaker_nl.json"
    main(["--data", str(DATA), "--out", str(out)])
    assert json.loads(out.read_text()) == json.loads(MODEL_PATH.read_text())
