"""Findings of a stored audit as incidents staff work through (docs/fairness.md).

Each finding at or above a severity becomes one incident no conversation raised, with a
subject in words (a metric, a group of self-reported attributes, numbers: no personal data)
and an ``alert_key`` derived from what was measured — the audit kind, the grouping or cue
family, the group and the metric — so a finding that recurs run after run does not open a
second incident while its first is still open. The incident itself is opened by whoever is
given as the opener (the incident service, wired in the composition root).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from trustdesk.audit.history import SEVERITIES, AuditRun

#: The setting of the policy's ``fairness.schedule.incidents_from`` that opens none.
OFF = "off"
#: The longest incident subject (conversation.incidents.MAX_SUBJECT_CHARS).
MAX_SUBJECT_CHARS = 200


@dataclass(frozen=True, slots=True)
class FindingIncident:
    subject: str
    alert_key: str
    severity: str

    def __post_init__(self) -> None:
        if len(self.subject) > MAX_SUBJECT_CHARS:  # long group values: cut, keep the numbers
            head, _, tail = self.subject.partition(" at impact ratio ")
            tail = f" at impact ratio {tail}"
            cut = head[: MAX_SUBJECT_CHARS - len(tail) - 1] + "…"
            object.__setattr__(self, "subject", (cut + tail)[:MAX_SUBJECT_CHARS])


class IncidentOpener(Protocol):
    def __call__(self, subject: str, alert_key: str, severity: str, /) -> bool:
        """Open an incident (source ``audit``) unless one with ``alert_key`` is still open;
        True when one was opened."""


def _p(value: Any) -> str:
    if not isinstance(value, int | float):
        return "n/a"
    return "<0.0001" if value < 1e-4 else f"{value:.4f}".rstrip("0").rstrip(".")


def _ratio(value: Any) -> str:
    return f"{value:.2f}" if isinstance(value, int | float) else "n/a"


def alert_key(kind: str, *parts: str) -> str:
    """A stable key of what a finding measured (at most 64 characters)."""
    digest = hashlib.sha256("\x1f".join((kind, *parts)).encode("utf-8")).hexdigest()
    return f"audit:{kind}:{digest[:40]}"


def _outcome(finding: Mapping[str, Any]) -> FindingIncident:
    group = ", ".join(f"{a}={v}" for a, v in finding["group"].items())
    grouping = "+".join(finding["grouping"])
    return FindingIncident(
        subject=f"Outcome audit: {finding['metric']} for {group} at impact ratio "
        f"{_ratio(finding.get('impact_ratio'))} (adj. p {_p(finding.get('p_adjusted'))}), "
        f"{finding['severity']}",
        alert_key=alert_key("outcomes", grouping, group, finding["metric"]),
        severity=finding["severity"],
    )


def _probe(finding: Mapping[str, Any]) -> FindingIncident:
    return FindingIncident(
        subject=f"Probe audit: {finding['metric']} for {finding['family']}={finding['group']} "
        f"against {finding['reference']} at impact ratio {_ratio(finding.get('impact_ratio'))} "
        f"(adj. p {_p(finding.get('p_adjusted'))}), {finding['severity']}",
        alert_key=alert_key("probe", finding["family"], finding["group"], finding["metric"]),
        severity=finding["severity"],
    )


def finding_incidents(run: AuditRun, at_least: str) -> list[FindingIncident]:
    """One incident per finding of ``run`` at or above severity ``at_least`` (``off``: none)."""
    if at_least == OFF:
        return []
    if at_least not in SEVERITIES:
        raise ValueError(f"unknown severity {at_least!r}")
    wanted = SEVERITIES[: SEVERITIES.index(at_least) + 1]
    make = _outcome if run.kind == "outcomes" else _probe
    return [make(f) for f in run.document()["findings"] if f.get("severity") in wanted]


def record_finding_incidents(run: AuditRun, opener: IncidentOpener, at_least: str) -> int:
    """Open the incidents of :func:`finding_incidents`; how many were opened (a finding whose
    incident is still open opens none)."""
    return sum(
        1 for i in finding_incidents(run, at_least) if opener(i.subject, i.alert_key, i.severity)
    )
