"""Audits read back from their stored JSON, so a stored run renders as the report it was
(``trustdesk audit show``, ``GET /api/v1/audits/{id}/report``). The inverse of
``OutcomeAudit.to_json`` and ``ProbeAudit.to_json``; numbers stored as null come back as NaN.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from trustdesk.audit.disparity import Comparison, GroupStat
from trustdesk.audit.findings import Finding, OutcomeAudit
from trustdesk.audit.probe import Comparison as ProbeComparison
from trustdesk.audit.probe import FlipRate, ProbeAudit
from trustdesk.policy.fairness import Fairness


def _num(value: Any) -> float:
    return math.nan if value is None else float(value)


def _when(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def group_stat(d: Mapping[str, Any]) -> GroupStat:
    grouping = tuple(d["grouping"])
    low, high = d["interval"]
    return GroupStat(
        grouping=grouping,
        group=tuple(d["group"][a] for a in grouping),
        metric=d["metric"],
        kind=d["kind"],
        direction=d["favourable"],
        n=int(d["n"]),
        value=_num(d["value"]),
        low=_num(low),
        high=_num(high),
        reference=tuple(d["reference"][a] for a in grouping),
        reference_value=_num(d["reference_value"]),
        difference=_num(d["difference"]),
        impact_ratio=_num(d["impact_ratio"]),
        test=d["test"],
        p_value=_num(d["p_value"]),
        detectable_difference=_num(d["detectable_difference"]),
        p_adjusted=_num(d["p_adjusted"]),
    )


def outcome_audit(data: Mapping[str, Any]) -> OutcomeAudit:
    """An ``outcome_audit`` document back as the audit it was made from."""
    if data.get("kind") != "outcome_audit":
        raise ValueError("not an outcome audit")
    params = data["parameters"]
    fairness = Fairness(
        min_group_size=params["min_group_size"],
        impact_ratio_threshold=params["impact_ratio_threshold"],
        alpha=params["alpha"],
        intersections=params["intersections"],
    )
    period = data.get("period") or {}
    return OutcomeAudit(
        generated_at=datetime.fromisoformat(data["generated_at"]),
        policy_version=data["policy_version"],
        since=_when(period.get("since")),
        until=_when(period.get("until")),
        conversations=int(data["conversations"]),
        excluded=int(data.get("excluded_unused_conversations", 0)),
        ignored_values=int(data.get("ignored_attribute_values", 0)),
        by=tuple(data.get("by", ())),
        fairness=fairness,
        comparison=Comparison(
            stats=tuple(group_stat(g) for g in data["groups"]),
            suppressed={
                tuple(k.split(" x ")): int(n) for k, n in data["suppressed_groups"].items()
            },
            groupings=tuple(tuple(g) for g in data["groupings"]),
        ),
        findings=tuple(Finding(group_stat(f), f["severity"]) for f in data["findings"]),
        notes=tuple(group_stat(n) for n in data["notes"]),
        limits=tuple(data.get("limits", ())),
    )


def _comparison(d: Mapping[str, Any]) -> ProbeComparison:
    return ProbeComparison(
        family=d["family"],
        group=d["group"],
        reference=d["reference"],
        metric=d["metric"],
        kind=d["kind"],
        favourable=d["favourable"],
        n=int(d["n_pairs"]),
        value=_num(d["value"]),
        reference_value=_num(d["reference_value"]),
        effect=_num(d["effect"]),
        impact_ratio=_num(d["impact_ratio"]),
        test=d["test"],
        p_value=_num(d["p_value"]),
        p_adjusted=_num(d["p_adjusted"]),
        severity=d.get("severity"),
    )


def _flip(d: Mapping[str, Any]) -> FlipRate:
    return FlipRate(
        family=d["family"],
        group=d["group"],
        reference=d["reference"],
        rate=float(d["flip_rate"]),
        n=int(d["n_pairs"]),
        placebo_rate=float(d["placebo_flip_rate"]),
        placebo_n=int(d["n_pairs"]),  # not stored; every family has as many pairs
        p_value=_num(d["p_value"]),
    )


def probe_audit(data: Mapping[str, Any]) -> ProbeAudit:
    """A ``probe_audit`` document back as the audit it was made from."""
    if data.get("kind") != "probe_audit":
        raise ValueError("not a probe audit")
    params, sample = data["parameters"], data["sample"]
    return ProbeAudit(
        suite=data["suite"],
        suite_version=data["suite_version"],
        target=data["target"],
        generated_at=datetime.fromisoformat(data["generated_at"]),
        repeats=int(sample["repeats"]),
        scenarios=int(sample["scenarios"]),
        replies=int(sample["replies"]),
        alpha=float(params["alpha"]),
        threshold=float(params["impact_ratio_threshold"]),
        comparisons=[_comparison(c) for c in data["comparisons"]],
        flip_rates=[_flip(f) for f in data["flip_rates"]],
        distribution=data["decisions"],
        selection=data.get("name_selection", ""),
        findings=[_comparison(c) for c in data["findings"]],
        notes=[_comparison(c) for c in data["notes"]],
    )
