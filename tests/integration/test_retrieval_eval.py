"""Quality gate of the retrieval backend on the labelled question sets (docs/knowledge-base.md).

benchmarks/retrieval_eval.py scores the bundled demo knowledge base and the bike-shop one of
tests/data/kb_bikeshop on every question set; this test runs the same evaluation and fails when
a figure falls below the floor measured when retrieval last changed (floors a few points under
the measurement, never above it). Only the development split was tuned on; the final split was
scored once, in aggregate. The floors are what retrieval reaches, not the issue's goals.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

# (kb, split) -> (answered right at least, declined at least, confidently wrong at most).
# The knowledge bases as shipped, their passages listing the ways customers ask for them
# ("asked" comments, 16 a passage) and read with the phrasing classifier. Measured
# (docs/knowledge-base.md): demo dev 85.1 %, 93.9 %, 2.3 %; bike shop dev 72.6 %, 93.5 %,
# 2.4 %; demo final 69.9 %, 88.2 %, 7.5 %; bike shop final 84.0 %, 86.7 %, 4.0 %.
FLOORS = {
    ("demo", "dev"): (0.82, 0.91, 0.04),
    ("bikeshop", "dev"): (0.69, 0.90, 0.04),
    ("demo", "final"): (0.66, 0.85, 0.09),
    ("bikeshop", "final"): (0.80, 0.83, 0.06),
}
# The same knowledge bases without their phrasings (a business that has written none), read
# with the model and fusion weights for such knowledge bases. Measured: demo dev 37.0 %,
# 97.0 %, 1.7 %; bike shop dev 28.4 %, 96.8 %, 1.6 %; demo final 22.1 %, 91.2 %, 3.4 %; bike
# shop final 30.9 %, 96.7 %, 0.8 %.
PLAIN_FLOORS = {
    ("demo", "dev"): (0.34, 0.94, 0.03),
    ("bikeshop", "dev"): (0.25, 0.93, 0.04),
    ("demo", "final"): (0.19, 0.88, 0.06),
    ("bikeshop", "final"): (0.27, 0.93, 0.03),
}


def _evaluator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "retrieval_eval", ROOT / "benchmarks" / "retrieval_eval.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows() -> dict[tuple[bool, str, str], dict[str, Any]]:
    evaluator = _evaluator()
    splits = sorted({split for _, split in FLOORS})
    found = {}
    for plain in (False, True):
        evaluator.PLAIN = plain
        found.update({(plain, r["kb"], r["split"]): r for r in evaluator.evaluate(splits)})
    return found


@pytest.mark.parametrize("plain", [False, True], ids=["with-phrasings", "without"])
@pytest.mark.parametrize(("kb", "split"), sorted(FLOORS))
def test_retrieval_answers_declines_and_rarely_answers_wrongly(
    rows: dict[tuple[bool, str, str], dict[str, Any]], plain: bool, kb: str, split: str
) -> None:
    right, declined, wrong = (PLAIN_FLOORS if plain else FLOORS)[kb, split]
    row = rows[plain, kb, split]
    assert row["answerable"] >= 30 and row["unanswerable"] >= 10, row
    assert row["answer_accuracy"] >= right, row
    assert row["decline_accuracy"] >= declined, row
    assert row["wrong_share"] <= wrong, row


def test_both_knowledge_bases_load_like_the_demo() -> None:
    evaluator = _evaluator()
    assert set(evaluator.knowledge_bases()) == {"demo", "bikeshop"}
