"""Quality gate of the conversation guards on the evaluation sets (docs/guards.md).

benchmarks/guards_eval.py runs every phrasing through decide_turn with the bundled policy and
prints the tables; this test runs the same evaluation and fails when a figure falls below the
floor measured when the rules last changed. The floors are what the rules reach, not the
issue's goals (docs/guards.md says which goals are met). The held-out split was never tuned on.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _evaluator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "guards_eval", ROOT / "benchmarks" / "guards_eval.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


EVAL = _evaluator()
# (set, intent) -> (recall at least, look-alike rate at most), over all languages.
FLOORS: dict[tuple[str, str], tuple[float, float]] = {
    ("heldout", "bot_question"): (0.97, 0.01),
    ("heldout", "person_request"): (0.98, 0.01),
    ("heldout", "offer"): (1.0, 0.0),
    ("heldout", "human_claim"): (0.97, 0.01),
    ("dev", "bot_question"): (0.99, 0.01),
    ("dev", "person_request"): (0.99, 0.01),
    ("dev", "offer"): (1.0, 0.0),
    ("dev", "human_claim"): (1.0, 0.0),
    ("dev2", "bot_question"): (0.98, 0.01),
    ("dev2", "person_request"): (0.99, 0.02),
    ("dev2", "offer"): (1.0, 0.0),
    ("dev2", "human_claim"): (1.0, 0.0),
    ("dev3", "bot_question"): (0.98, 0.01),
    ("dev3", "person_request"): (0.97, 0.01),
    ("dev3", "offer"): (1.0, 0.0),
    ("dev3", "human_claim"): (0.99, 0.01),
    ("dev4", "bot_question"): (0.96, 0.02),
    ("dev4", "person_request"): (0.96, 0.03),
    ("dev4", "human_claim"): (1.0, 0.01),
    ("dev5", "bot_question"): (0.96, 0.02),
    ("dev5", "person_request"): (0.97, 0.01),
    ("dev5", "human_claim"): (0.99, 0.01),
    ("dev6", "human_claim"): (0.99, 0.02),
    ("dev7", "bot_question"): (0.98, 0.01),
    ("dev7", "person_request"): (0.95, 0.01),
    ("dev7", "offer"): (1.0, 0.0),
    ("dev8", "human_claim"): (1.0, 0.02),
    ("dev9", "human_claim"): (0.92, 0.02),
    ("dev10", "bot_question"): (0.97, 0.01),
    ("dev10", "person_request"): (0.99, 0.01),
    ("dev10", "offer"): (0.98, 0.01),
    ("dev11", "human_claim"): (0.97, 0.03),
    ("dev12", "bot_question"): (0.97, 0.01),
    ("dev12", "person_request"): (0.98, 0.01),
    ("dev12", "offer"): (0.98, 0.01),
}
# Every language of the held-out split, each intent: recall at least this.
LANGUAGE_FLOOR = 0.7


@pytest.fixture(scope="module")
def reports() -> dict[str, dict[str, Any]]:
    policy, pipeline = EVAL.bundled()
    return {
        name: EVAL.evaluate(EVAL.load(path), policy, pipeline) for name, path in EVAL.SETS.items()
    }


@pytest.mark.parametrize(("name", "intent"), sorted(FLOORS), ids=lambda v: str(v))
def test_recall_and_lookalikes_hold_their_floor(
    reports: dict[str, dict[str, Any]], name: str, intent: str
) -> None:
    row = reports[name][f"{intent}/all"]
    recall, lookalikes = FLOORS[(name, intent)]
    assert row["recall"] >= recall, row
    assert row["lookalike_rate"] <= lookalikes, row


def test_every_language_of_the_held_out_split_holds_a_floor(
    reports: dict[str, dict[str, Any]],
) -> None:
    weak = {
        key: round(row["recall"], 3)
        for key, row in reports["heldout"].items()
        if row["recall"] is not None and row["recall"] < LANGUAGE_FLOOR
    }
    assert weak == {}


def test_the_sets_are_large_enough_and_cover_seven_languages() -> None:
    for name in ("dev2", "heldout"):
        items = EVAL.load(EVAL.SETS[name])
        kinds: dict[str, int] = {}
        for item in items:
            kinds[item.kind] = kinds.get(item.kind, 0) + 1
        assert kinds["bot_question"] >= 400 and kinds["person_request"] >= 400
        assert kinds["bot_lookalike"] >= 300 and kinds["person_lookalike"] >= 300
        assert {item.lang for item in items} == {"en", "fr", "de", "es", "it", "nl", "pt"}
