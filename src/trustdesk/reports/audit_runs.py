"""A stored audit run as its HTML report again, with its id, digest and sign-off and the
History section of impact ratios across the stored runs (outcome runs: all of them; probe
runs: those of the same target)."""

from __future__ import annotations

from trustdesk.audit.history import AuditHistory, AuditRun
from trustdesk.audit.restore import outcome_audit, probe_audit
from trustdesk.audit.trend import trend
from trustdesk.policy.schema import Policy
from trustdesk.reports.fairness import render_outcome_audit_html, render_probe_audit_html


def render_run_html(history: AuditHistory, run: AuditRun, policy: Policy) -> str:
    """The report of ``run`` as it was rendered when it ran, plus its stored-run details."""
    document = run.document()
    if run.kind == "probe":  # the trend of the runs that probed the same target
        earlier = [
            r
            for r in history.series("probe")
            if r.started_at <= run.started_at and r.document().get("target") == document["target"]
        ]
        return render_probe_audit_html(
            probe_audit(document), run=run, history=trend(earlier, kind="probe")
        )
    earlier = [r for r in history.series("outcomes") if r.started_at <= run.started_at]
    return render_outcome_audit_html(
        outcome_audit(document), policy.organization.name, run=run, history=trend(earlier)
    )
