"""The statistics wiring of probe audits: which test each comparison gets, the gate of
Cochran's Q, Benjamini-Hochberg, the direction of a finding, flip rates against the
placebo, and the JSON and HTML outputs."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime

import numpy as np
import pytest

from trustdesk.audit.decisions import ESCALATED, GRANTED, REFUSED, Measures
from trustdesk.audit.paired import cochran_q, mcnemar_exact
from trustdesk.audit.probe import METRICS, Observation, analyse
from trustdesk.audit.statistics import benjamini_hochberg
from trustdesk.audit.suite import FAMILIES
from trustdesk.audit.suites import load_suite
from trustdesk.reports.fairness import render_probe_audit_html, render_probe_audit_json

SUITE = load_suite("default")
WHEN = datetime(2026, 12, 1, tzinfo=UTC)
Decide = Callable[[str, str, int, int], Measures]


def _m(decision: str, amount: float = 0.0, sentiment: float = 0.5) -> Measures:
    return Measures(decision, amount, sentiment, 20, False)


def _observations(decide: Decide, repeats: int = 4) -> list[Observation]:
    """Every probe of the suite answered by ``decide(family, variant, scenario_index, repeat)``."""
    out = []
    for r in range(repeats):
        for i, s in enumerate(SUITE.scenarios):
            for family, variants in FAMILIES.items():
                for v in variants:
                    out.append(Observation(family, s.id, v, r, "", decide(family, v, i, r)))
    return out


def _alternating(family: str, variant: str, i: int, r: int) -> Measures:
    return _m(GRANTED if (i + r) % 2 else ESCALATED)


def test_identical_replies_give_no_finding_and_no_flips() -> None:
    audit = analyse(_observations(_alternating), SUITE, "t", WHEN, 4)
    assert audit.findings == [] and audit.notes == []
    assert all(c.p_value == 1.0 for c in audit.comparisons)
    assert all(f.rate == 0.0 and f.placebo_rate == 0.0 for f in audit.flip_rates)


def test_a_planted_refusal_rate_is_a_finding_with_its_family_group_and_direction() -> None:
    def decide(family: str, variant: str, i: int, r: int) -> Measures:
        if family == "disability" and variant == "disability" and (i + r) % 4 != 0:
            return _m(REFUSED)
        return _alternating(family, variant, i, r)

    audit = analyse(_observations(decide), SUITE, "t", WHEN, 4)
    refused = [f for f in audit.findings if f.metric == "refused"]
    assert len(refused) == 1
    f = refused[0]
    assert (f.family, f.group, f.reference) == ("disability", "disability", "none")
    assert f.effect > 0.5 and f.impact_ratio < 0.6 and f.severity == "high"
    assert f.test == "McNemar exact"
    # The p-value is the exact McNemar test's, then adjusted with every other comparison.
    pairs = len(SUITE.scenarios) * 4
    flagged = np.array([(i + r) % 4 != 0 for r in range(4) for i in range(pairs // 4)])
    assert f.p_value == pytest.approx(mcnemar_exact(flagged, np.zeros(pairs)).p_value)
    adjusted = benjamini_hochberg([c.p_value for c in audit.comparisons])
    assert f.p_adjusted == pytest.approx(adjusted[audit.comparisons.index(f)])
    assert {c.family for c in audit.findings} == {"disability"}
    flips = {(x.family, x.group): x for x in audit.flip_rates}
    assert flips[("disability", "disability")].rate > 0.5
    assert flips[("disability", "disability")].placebo_rate == 0.0


def test_more_than_two_variants_are_gated_by_cochrans_q() -> None:
    def decide(family: str, variant: str, i: int, r: int) -> Measures:
        if family == "age" and variant == "aged_75" and r == 0 and i < 6:
            return _m(REFUSED)
        return _m(GRANTED)

    audit = analyse(_observations(decide), SUITE, "t", WHEN, 4)
    c = next(
        c for c in audit.comparisons
        if (c.family, c.group, c.metric) == ("age", "aged_75", "refused")
    )  # fmt: skip
    assert c.test == "Cochran's Q, McNemar exact" and c.reference == "aged_45"
    n = len(SUITE.scenarios) * 4
    column = np.zeros(n)
    column[:6] = 1
    matrix = np.column_stack([np.zeros(n), np.zeros(n), column])
    q = cochran_q(matrix).p_value
    pair = mcnemar_exact(column, np.zeros(n)).p_value
    assert c.p_value == pytest.approx(max(q, pair))


def test_a_continuous_difference_uses_the_sign_flip_test() -> None:
    def decide(family: str, variant: str, i: int, r: int) -> Measures:
        amount = 40.0 if (family, variant) == ("english_variety", "non_native") else 100.0
        return _m(GRANTED, amount=amount + i)

    audit = analyse(_observations(decide), SUITE, "t", WHEN, 4)
    f = next(f for f in audit.findings if f.metric == "amount_offered")
    assert (f.family, f.group, f.reference) == ("english_variety", "non_native", "standard")
    assert f.test == "sign-flip permutation" and f.effect == pytest.approx(-60.0)
    assert f.p_adjusted < 0.05 and f.impact_ratio == pytest.approx(
        np.mean([40.0 + i for i in range(14)]) / np.mean([100.0 + i for i in range(14)])
    )


def test_json_has_the_issue_fields_and_html_escapes_the_target() -> None:
    def decide(family: str, variant: str, i: int, r: int) -> Measures:
        return _m(REFUSED if (family, variant) == ("gender", "female") else GRANTED)

    audit = analyse(_observations(decide), SUITE, "<script>alert(1)</script>", WHEN, 4)
    data = json.loads(render_probe_audit_json(audit))
    assert data["suite"] == "default" and data["suite_version"] == SUITE.version
    assert data["target"] == "<script>alert(1)</script>"
    finding = data["findings"][0]
    for key in ("family", "group", "reference", "metric", "effect", "p_adjusted", "severity"):
        assert key in finding
    assert set(METRICS) >= {c["metric"] for c in data["comparisons"]}
    page = render_probe_audit_html(audit)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<svg" in page and "http" not in page.split("<body>")[1].split("Method")[0]
    assert SUITE.version in page


def test_the_report_gives_intervals_and_the_smallest_difference_it_could_flag() -> None:
    from trustdesk.audit.paired import mcnemar_exact
    from trustdesk.reports.fairness import smallest_significant_pairs

    k = smallest_significant_pairs(0.05)
    assert k == 6  # 2 * 0.5**6 = 0.031 < 0.05 <= 2 * 0.5**5 = 0.0625
    flagged, none = np.ones(k), np.zeros(k)
    assert mcnemar_exact(flagged, none).p_value < 0.05
    assert mcnemar_exact(flagged[:-1], none[:-1]).p_value >= 0.05
    audit = analyse(_observations(_alternating, 2), SUITE, "t", WHEN, 2)
    page = render_probe_audit_html(audit)
    pairs = len(SUITE.scenarios) * 2
    assert "smallest difference the sample could detect" in page
    assert f"{100 * k / pairs:.1f} percentage points of the {pairs} pairs" in page
    table = page.split("<th>95% interval</th>")[1]
    assert re.search(r'<td class="num">\d+\.\d–\d+\.\d%</td>', table)  # Wilson, per rate
