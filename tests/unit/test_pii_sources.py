"""Floors on the independent PII evaluation sources (tests/data/pii_sources, issue 9).

The floors sit just under what docs/pii-detection.md reports (development split: tuned on;
final split: measured once, never tuned on), so a change that loses ground on text the
detector was not written for fails here. They are not the issue's goals: those are higher, and
the doc says which are not met.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from trustdesk.privacy.detector import PiiDetector
from trustdesk.privacy.evaluation import Evaluation, Labelled, evaluate, read_labelled

SOURCES = Path(__file__).resolve().parents[1] / "data" / "pii_sources"
# The regions benchmarks/pii_sources.py uses: the sources' values come from these countries.
PHONE_REGIONS = ("US", "GB", "CA", "IE", "AU", "DE", "FR", "ES", "IT", "NL", "PT", "BE", "CH")

# (source, split): (all values RR, structured RR, names RR, addresses RR, span precision)
FLOORS = {
    ("cs_messages", "dev"): (0.975, 0.995, 0.945, 0.985, 0.99),
    ("cs_messages", "final"): (0.935, 0.955, 0.905, 0.93, 0.975),
    ("pii_anon_templates", "dev"): (0.99, 0.995, 0.98, 0.98, 0.99),
    ("pii_anon_templates", "final"): (0.92, 0.93, 0.89, 0.915, 0.955),
    ("presidio_templates", "dev"): (0.93, 0.99, 0.885, 0.91, 0.985),
    ("presidio_templates", "final"): (0.86, 0.97, 0.79, 0.77, 0.94),
    # cs2: written blind on 2026-12-01 (cs2_README.md); its first contact read 0.829 / 0.795
    ("cs2_messages", "dev"): (0.92, 0.955, 0.905, 0.85, 0.96),
    ("cs2_messages", "final"): (0.865, 0.89, 0.89, 0.75, 0.95),
    # cs3: written blind on 2026-12-02 (cs3_README.md); first contact 0.848 / 0.828, then its
    # development half tuned on (addresses, secrets, passports, card codes), the final half
    # measured once more
    ("cs3_messages", "dev"): (0.955, 0.97, 0.94, 0.94, 0.98),
    ("cs3_messages", "final"): (0.86, 0.895, 0.91, 0.73, 0.97),
    # cs4: records, forms and letters, written blind on 2026-12-02 (cs4_README.md); first
    # contact 0.869 / 0.858, then its development half tuned on, the final half measured again
    ("cs4_messages", "dev"): (0.94, 0.965, 0.89, 0.98, 0.94),
    ("cs4_messages", "final"): (0.88, 0.92, 0.85, 0.82, 0.91),
    # cs5: support e-mails and tickets, mostly names and addresses, written blind on
    # 2026-12-02 (cs5_README.md); first contact 0.918 / 0.889, then its development half tuned
    # on (one-time codes, institutions and units around the street, initials, parcel-takers)
    ("cs5_messages", "dev"): (0.94, 0.98, 0.955, 0.87, 0.92),
    ("cs5_messages", "final"): (0.88, 0.94, 0.91, 0.73, 0.915),
    # cs6: call transcripts, voice messages and texts, values said aloud, written blind on
    # 2026-12-02 (cs6_README.md); first contact 0.545 / 0.554, then numbers said aloud typed
    # before the recognizers read them (privacy/spoken.py): 0.622 / 0.610, and values answered
    # to a question naming them (privacy/answers.py): 0.676 / 0.675
    ("cs6_messages", "dev"): (0.65, 0.66, 0.78, 0.32, 0.95),
    ("cs6_messages", "final"): (0.65, 0.63, 0.74, 0.44, 0.95),
}
NOT_STRUCTURED = frozenset({"PERSON", "ADDRESS"})


@cache
def _detector() -> PiiDetector:
    return PiiDetector(phone_regions=PHONE_REGIONS)


@cache
def _records(source: str) -> tuple[Labelled, ...]:
    with (SOURCES / f"{source}.jsonl").open(encoding="utf-8") as handle:
        return tuple(read_labelled(handle))


def _evaluation(source: str, split: str) -> Evaluation:
    records = [r for r in _records(source) if r.meta.get("split") == split]
    assert records, f"{source} has no {split} split"
    detector = _detector()
    return evaluate(
        records, lambda text: [(s.start, s.end, s.entity) for s in detector.detect(text)]
    )


def _rate(evaluation: Evaluation, keep: Callable[[str], bool]) -> float:
    scores = [s for e, s in evaluation.entities.items() if keep(e)]
    values = sum(s.values for s in scores)
    assert values, "no labelled values of these entities"
    return sum(s.caught for s in scores) / values


@pytest.mark.parametrize(("source", "split"), sorted(FLOORS))
def test_independent_sources_hold_their_floor(source: str, split: str) -> None:
    all_floor, structured_floor, names_floor, address_floor, precision_floor = FLOORS[
        (source, split)
    ]
    evaluation = _evaluation(source, split)
    assert evaluation.redaction_recall is not None and evaluation.span_precision is not None
    assert evaluation.redaction_recall >= all_floor
    assert _rate(evaluation, lambda e: e not in NOT_STRUCTURED) >= structured_floor
    assert _rate(evaluation, lambda e: e == "PERSON") >= names_floor
    assert _rate(evaluation, lambda e: e == "ADDRESS") >= address_floor
    assert evaluation.span_precision >= precision_floor


def test_the_splits_do_not_share_a_text() -> None:
    for source in {s for s, _ in FLOORS}:
        dev = {r.text for r in _records(source) if r.meta.get("split") == "dev"}
        final = {r.text for r in _records(source) if r.meta.get("split") == "final"}
        assert dev and final and not dev & final, source
