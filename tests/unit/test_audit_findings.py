"""Group comparisons, suppression and flagging on outcome tables built by hand; rates and
ratios cross-checked against fairlearn's MetricFrame."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import polars as pl
import pytest

from trustdesk.audit.findings import OutcomeAudit, run_outcome_audit
from trustdesk.audit.outcomes import OutcomeTable
from trustdesk.errors import InputError, PolicyError
from trustdesk.policy.fairness import Fairness, FairnessAttribute
from trustdesk.policy.loader import parse_policy
from trustdesk.reports.fairness import render_outcome_audit_html, render_outcome_audit_json

NOW = datetime(2026, 3, 2, tzinfo=UTC)
FAIRNESS = Fairness(
    attributes=[
        FairnessAttribute(name="language", values=["en", "de", "fr", "it"]),
        FairnessAttribute(name="plan", values=["free", "paid"]),
    ]
)


def table(groups: dict[str, tuple[int, float]], seed: int = 0) -> OutcomeTable:
    """Per language: (n, handoff rate); handoffs placed exactly, waits drawn at random."""
    rng = np.random.default_rng(seed)
    language, handed, plan, wait = [], [], [], []
    for name, (n, rate) in groups.items():
        k = round(n * rate)
        language += [name] * n
        handed += [True] * k + [False] * (n - k)
        plan += ["free" if i % 2 else "paid" for i in range(n)]
        wait += list(rng.exponential(60, n))
    frame = pl.DataFrame(
        {
            "conversation_id": [str(i) for i in range(len(language))],
            "language": language,
            "plan": plan,
            "handed_off": handed,
            "resolved_by_ai": [not h for h in handed],
            "time_to_person_s": wait,
        }
    )
    return OutcomeTable(
        frame=frame,
        attributes=("language", "plan"),
        rate_metrics=("resolved_by_ai", "handed_off"),
        continuous_metrics=("time_to_person_s",),
    )


def audit(t: OutcomeTable, fairness: Fairness = FAIRNESS, by: tuple[str, ...] = ()) -> OutcomeAudit:
    return run_outcome_audit(t, fairness, policy_version="sha256:test", generated_at=NOW, by=by)


def test_planted_disparity_is_flagged_for_the_disadvantaged_group() -> None:
    result = audit(table({"en": (300, 0.2), "de": (300, 0.5), "fr": (300, 0.22)}), by=("language",))
    flagged = {(f.stat.metric, f.stat.group) for f in result.findings}
    assert flagged == {("handed_off", ("de",)), ("resolved_by_ai", ("de",))}
    handoff = next(f for f in result.findings if f.stat.metric == "handed_off")
    assert handoff.stat.reference == ("en",)  # lower is favourable: the least handed off
    assert handoff.stat.value == pytest.approx(0.5) and handoff.stat.difference > 0
    # Favourable rate 0.5 against 0.8: impact ratio 0.625, above 0.6 -> medium.
    assert handoff.stat.impact_ratio == pytest.approx(0.625)
    assert handoff.severity == "medium"


def test_severity_high_below_three_quarters_of_the_threshold() -> None:
    result = audit(table({"en": (300, 0.1), "de": (300, 0.6)}), by=("language",))
    assert {f.severity for f in result.findings} == {"high"}


def test_equal_groups_yield_no_finding() -> None:
    result = audit(table({"en": (300, 0.3), "de": (300, 0.3), "fr": (300, 0.31)}))
    assert result.findings == ()


def test_significant_difference_above_the_ratio_line_is_a_note_not_a_finding() -> None:
    result = audit(table({"en": (5000, 0.10), "de": (5000, 0.14)}), by=("language",))
    assert result.findings == ()  # favourable 0.86 / 0.90 = 0.96
    assert {(s.metric, s.group) for s in result.notes} >= {("handed_off", ("de",))}


def test_large_ratio_without_significance_is_not_flagged() -> None:
    # 30 % against 60 %, but only 30 conversations each: p is not small enough after BH.
    result = audit(table({"en": (30, 0.3), "de": (30, 0.5)}), by=("language",))
    assert result.findings == ()


def test_small_groups_are_suppressed_everywhere() -> None:
    result = audit(table({"en": (300, 0.2), "de": (300, 0.2), "it": (29, 0.9)}))
    shown = {s.group for s in result.comparison.stats}
    assert all("it" not in g for g in shown)
    assert result.suppressed >= 1
    assert result.comparison.suppressed[("language",)] == 1
    html = render_outcome_audit_html(result, "Alder & Finch")
    data = render_outcome_audit_json(result)
    assert "it" not in {g for s in result.comparison.stats for g in s.group}
    assert '"language": "it"' not in data and "language=it" not in html
    assert "Alder &amp; Finch" in html  # escaped


def test_intersections_are_audited_and_the_policy_can_switch_them_off() -> None:
    t = table({"en": (300, 0.2), "de": (300, 0.2)})
    with_pairs = audit(t)
    assert ("language", "plan") in with_pairs.comparison.groupings
    without = audit(t, Fairness(attributes=FAIRNESS.attributes, intersections=False))
    assert without.comparison.groupings == (("language",), ("plan",))


def test_policy_direction_turns_the_reference_around() -> None:
    t = table({"en": (300, 0.2), "de": (300, 0.5)})
    fairness = Fairness(attributes=FAIRNESS.attributes, favourable={"handed_off": "higher"})
    result = audit(t, fairness, by=("language",))
    handoff = [f for f in result.findings if f.stat.metric == "handed_off"]
    assert [f.stat.group for f in handoff] == [("en",)]


def test_continuous_metric_flags_the_slower_group() -> None:
    rng = np.random.default_rng(5)
    t = table({"en": (200, 0.2), "de": (200, 0.2)})
    slow = np.where(t.frame["language"] == "de", 3.0, 1.0) * rng.exponential(60, t.frame.height)
    t = OutcomeTable(
        frame=t.frame.with_columns(time_to_person_s=pl.Series(slow)),
        attributes=t.attributes,
        rate_metrics=t.rate_metrics,
        continuous_metrics=t.continuous_metrics,
    )
    result = audit(t, by=("language",))
    [finding] = [f for f in result.findings if f.stat.metric == "time_to_person_s"]
    assert finding.stat.group == ("de",) and finding.stat.test == "mann_whitney"
    assert finding.stat.impact_ratio < 0.5 and finding.severity == "high"


def test_unknown_attribute_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a fairness attribute"):
        audit(table({"en": (40, 0.2)}), by=("religion",))
    with pytest.raises(InputError, match="declares no fairness attributes"):
        audit(table({"en": (40, 0.2)}), Fairness())


def test_rates_and_ratios_agree_with_fairlearn_metricframe() -> None:
    fairlearn = pytest.importorskip("fairlearn.metrics")
    t = table({"en": (300, 0.2), "de": (300, 0.5), "fr": (300, 0.35)})
    result = audit(t, by=("language",))
    ours = {
        s.group[0]: s
        for s in result.comparison.stats
        if s.metric == "resolved_by_ai" and s.grouping == ("language",)
    }
    y = t.frame["resolved_by_ai"].to_numpy().astype(int)
    frame = fairlearn.MetricFrame(
        metrics=fairlearn.selection_rate,
        y_true=y,
        y_pred=y,
        sensitive_features=t.frame["language"].to_numpy(),
    )
    for group, rate in frame.by_group.items():
        assert ours[group].value == pytest.approx(rate)
    # Higher is favourable: the smallest impact ratio is fairlearn's between-groups ratio.
    assert min(s.impact_ratio for s in ours.values()) == pytest.approx(
        frame.ratio(method="between_groups")
    )
    assert max(abs(s.difference) for s in ours.values()) == pytest.approx(
        frame.difference(method="between_groups")
    )


def test_json_has_findings_with_group_reference_and_adjusted_p() -> None:
    import json

    result = audit(table({"en": (300, 0.2), "de": (300, 0.5)}), by=("language",))
    data = json.loads(render_outcome_audit_json(result))
    finding = data["findings"][0]
    assert finding["group"] == {"language": "de"} and finding["reference"] == {"language": "en"}
    assert finding["p_adjusted"] < 0.05 and finding["impact_ratio"] < 0.8
    assert data["parameters"]["min_group_size"] == 30
    assert data["policy_version"] == "sha256:test"


def test_policy_fairness_section_is_validated() -> None:
    base = parse_policy_text()
    assert base.policy.fairness.min_group_size == 30
    assert base.policy.fairness.impact_ratio_threshold == 0.8
    assert base.policy.fairness.alpha == 0.05
    with pytest.raises(PolicyError, match="unknown outcome metric"):
        parse_policy_text("  favourable: {happiness: higher}\n")
    with pytest.raises(PolicyError, match="each value may appear once"):
        parse_policy_text(values="[a, a]")
    fair = parse_policy_text("  favourable: {handed_off: higher}\n").policy.fairness
    assert fair.direction("handoff.customer_request") == "higher"
    assert fair.direction("time_to_person_s") == "lower"


def parse_policy_text(extra: str = "", values: str = "[en, de]"):  # type: ignore[no-untyped-def]
    from trustdesk.policy.loader import bundled_policy_path

    text = bundled_policy_path().read_text(encoding="utf-8")
    start = text.index("\nfairness:\n")
    end = text.index("\n\n", start + 1)
    section = f"\nfairness:\n  attributes:\n    - name: language\n      values: {values}\n{extra}"
    return parse_policy(text[:start] + section + text[end:])
