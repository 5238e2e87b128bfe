"""Findings of an outcome audit, and the audit as a whole (what the reports render).

A finding flags a group whose impact ratio against the most favoured group is below the
policy's threshold (the four-fifths rule by default) *and* whose difference is significant
after Benjamini-Hochberg (adjusted p below the policy's alpha). Severity: ``high`` when the
ratio is below three quarters of the threshold (0.6 by default), else ``medium``.
Significant differences above the threshold are kept as ``notes``, not findings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from trustdesk.audit.disparity import Comparison, GroupStat, compare_groups
from trustdesk.audit.outcomes import OutcomeTable
from trustdesk.errors import InputError
from trustdesk.policy.fairness import Fairness

SEVERITY_ORDER = ("high", "medium")
METHOD = {
    "rates": "Wilson 95% score interval; chi-square with Yates' correction against the most "
    "favoured group, Fisher's exact test when an expected count is below 5",
    "continuous": "mean with a percentile bootstrap 95% interval (1,000 resamples; the normal "
    "interval above 1,000 observations); Mann-Whitney U (normal approximation, tie and "
    "continuity corrections) against the most favoured group",
    "multiple_testing": "Benjamini-Hochberg across every comparison of the audit",
    "impact_ratio": "favourable rate (or mean) of the group / that of the most favoured group; "
    "for metrics where lower is favourable, rates use 1 - rate and means the inverse ratio",
    "detectable_difference": "smallest difference a two-sided test at alpha detects with 80% "
    "power, for the two groups' sizes (normal approximation, before adjustment)",
}


@dataclass(frozen=True, slots=True)
class Finding:
    stat: GroupStat
    severity: str

    def to_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            **stat_json(self.stat),
        }


@dataclass(frozen=True, slots=True)
class OutcomeAudit:
    """Everything an outcome audit found, ready to render as HTML or JSON."""

    generated_at: datetime
    policy_version: str
    since: datetime | None
    until: datetime | None
    conversations: int
    excluded: int
    ignored_values: int
    by: tuple[str, ...]
    fairness: Fairness
    comparison: Comparison
    findings: tuple[Finding, ...]
    notes: tuple[GroupStat, ...]
    limits: tuple[str, ...]

    @property
    def suppressed(self) -> int:
        return sum(self.comparison.suppressed.values())

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITY_ORDER}

    def to_json(self) -> dict[str, Any]:
        f = self.fairness
        return {
            "kind": "outcome_audit",
            "generated_at": self.generated_at.isoformat(),
            "policy_version": self.policy_version,
            "period": {
                "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
            },
            "conversations": self.conversations,
            "excluded_unused_conversations": self.excluded,
            "ignored_attribute_values": self.ignored_values,
            "by": list(self.by),
            "groupings": [list(g) for g in self.comparison.groupings],
            "parameters": {
                "min_group_size": f.min_group_size,
                "impact_ratio_threshold": f.impact_ratio_threshold,
                "alpha": f.alpha,
                "intersections": f.intersections,
            },
            "method": METHOD,
            "suppressed_groups": {" x ".join(g): n for g, n in self.comparison.suppressed.items()},
            "findings": [x.to_json() for x in self.findings],
            "notes": [stat_json(s) for s in self.notes],
            "groups": [stat_json(s) for s in self.comparison.stats],
            "limits": list(self.limits),
        }


def _number(x: float) -> float | None:
    return None if math.isnan(x) or math.isinf(x) else round(x, 6)


def stat_json(s: GroupStat) -> dict[str, Any]:
    return {
        "grouping": list(s.grouping),
        "group": dict(zip(s.grouping, s.group, strict=True)),
        "reference": dict(zip(s.grouping, s.reference, strict=True)),
        "metric": s.metric,
        "kind": s.kind,
        "favourable": s.direction,
        "n": s.n,
        "value": _number(s.value),
        "interval": [_number(s.low), _number(s.high)],
        "reference_value": _number(s.reference_value),
        "difference": _number(s.difference),
        "impact_ratio": _number(s.impact_ratio),
        "test": s.test,
        "p_value": _number(s.p_value),
        "p_adjusted": _number(s.p_adjusted),
        "detectable_difference": _number(s.detectable_difference),
    }


def severity_of(stat: GroupStat, fairness: Fairness) -> str | None:
    """``high`` / ``medium`` for a flagged group, None otherwise (see the module docstring)."""
    if stat.is_reference or math.isnan(stat.p_adjusted) or stat.p_adjusted >= fairness.alpha:
        return None
    if stat.impact_ratio >= fairness.impact_ratio_threshold:
        return None
    return "high" if stat.impact_ratio < 0.75 * fairness.impact_ratio_threshold else "medium"


def run_outcome_audit(
    table: OutcomeTable,
    fairness: Fairness,
    *,
    policy_version: str,
    generated_at: datetime,
    by: Sequence[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    seed: int = 0,
) -> OutcomeAudit:
    """Compare groups, adjust, and flag (docs/fairness.md). ``by`` defaults to every
    attribute the policy declares; an attribute it does not declare is an InputError."""
    declared = [a.name for a in fairness.attributes]
    chosen = list(by) if by else declared
    if not chosen:
        raise InputError(
            "the policy declares no fairness attributes; add them under fairness.attributes"
        )
    unknown = [a for a in chosen if a not in declared]
    if unknown:
        raise InputError(
            f"not a fairness attribute of the policy: {', '.join(unknown)}; declared: "
            f"{', '.join(declared) or 'none'}"
        )
    if len(set(chosen)) != len(chosen):
        raise InputError("each attribute may be named once")
    comparison = compare_groups(table, fairness, chosen, seed)
    findings: list[Finding] = []
    notes: list[GroupStat] = []
    for stat in comparison.stats:
        severity = severity_of(stat, fairness)
        if severity is not None:
            findings.append(Finding(stat, severity))
        elif not stat.is_reference and stat.p_adjusted < fairness.alpha:
            notes.append(stat)
    findings.sort(key=lambda f: (SEVERITY_ORDER.index(f.severity), f.stat.impact_ratio))
    limits = (
        *table.notes,
        "Groups are the attributes customers chose to share; customers who shared none are "
        "not in any group, and those who share may differ from those who do not.",
        "No finding is not proof of fairness: a difference smaller than the detectable "
        "difference shown for a group could go unseen.",
    )
    return OutcomeAudit(
        generated_at=generated_at,
        policy_version=policy_version,
        since=since,
        until=until,
        conversations=table.frame.height,
        excluded=table.excluded,
        ignored_values=table.ignored_values,
        by=tuple(chosen),
        fairness=fairness,
        comparison=comparison,
        findings=tuple(findings),
        notes=tuple(notes),
        limits=limits,
    )
