"""Load an eval/ script as a module, so gate tests call the scorer the command line runs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

EVAL_DIR = Path(__file__).resolve().parents[2] / "eval"


def load_eval_script(name: str) -> ModuleType:
    """``eval/NAME.py`` as the module ``eval_NAME``."""
    spec = importlib.util.spec_from_file_location(f"eval_{name}", EVAL_DIR / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module
