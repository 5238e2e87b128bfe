"""The classifier that backs up the guard rules: shipped, trained on the development splits
only, and loaded without any download."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from trustdesk.language import model as M

ROOT = Path(__file__).resolve().parents[2]


def _trainer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "train_guard_model", ROOT / "scripts" / "train_guard_model.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_models_ship_in_the_package_for_every_intent() -> None:
    models = M.load()
    assert models is not None and set(models) == set(M.INTENTS)
    for model in models.values():
        assert 0.5 <= model.ask <= model.threshold < 1.0


def test_the_shipped_models_were_trained_on_the_current_development_splits() -> None:
    trainer = _trainer()
    files = trainer.training_files()
    assert files and all("heldout" not in p.name for p in files)
    # Changing a development split without retraining fails here: run
    # python scripts/train_guard_model.py and commit the new model.
    assert M.trained_on() == trainer.digest(files)


def test_features_are_stable_across_processes() -> None:
    # crc32, not hash(): the same text gives the same buckets in every interpreter.
    assert M.features("are you a bot") == M.features("are you a bot")
    assert all(0 <= i < M.BUCKETS for i in M.features("êtes-vous un robot ?"))


@pytest.mark.parametrize(
    ("intent", "text", "expected"),
    [
        ("bot_question", "quick question are u maybe some kind of ai thing", True),
        ("bot_question", "where is my order, it was due yesterday", False),
        ("person_request", "where is my order, it was due yesterday", False),
    ],
)
def test_the_models_say_what_they_were_trained_for(intent: str, text: str, expected: bool) -> None:
    model = M.model_for(intent)
    assert model is not None
    assert model.says(text) is expected


def test_training_learns_a_separable_toy_problem() -> None:
    texts = ["robot question"] * 20 + ["order parcel"] * 20
    weights, bias = M.train(texts, [1] * 20 + [0] * 20, epochs=5)
    model = M.LinearModel(weights, bias, 0.5)
    assert model.probability("robot question") > 0.9 > 0.1 > model.probability("order parcel")
