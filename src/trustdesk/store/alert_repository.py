"""What the alerts read besides the metrics (``monitor.alerts.AlertStore``): the incidents of
each alert key, and the latest stored outcome audit (docs/metrics.md#alerts)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Engine, func, select

from trustdesk.conversation.incidents import CLOSED
from trustdesk.monitor.alert_checks import AuditFinding, LatestAudit, group_label
from trustdesk.monitor.alerts import KeyState
from trustdesk.store.audit_runs import SqlAuditRunStore
from trustdesk.store.repository import _aware
from trustdesk.store.tables import incidents
from trustdesk.store.transactions import read

OUTCOMES = "outcomes"
_CLOSED = [s.value for s in CLOSED]


class SqlAlertStore:
    """Read-only: one snapshot per call."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def alert_state(self, keys: Sequence[str]) -> Mapping[str, KeyState]:
        """Per key: the newest open (or investigated) incident, and when the last closed one
        was last changed (resolved or dismissed)."""
        if not keys:
            return {}
        is_closed = incidents.c.status.in_(_CLOSED)
        with read(self.engine) as conn:
            closed = dict(
                conn.execute(
                    select(incidents.c.alert_key, func.max(incidents.c.updated_at))
                    .where(incidents.c.alert_key.in_(list(keys)), is_closed)
                    .group_by(incidents.c.alert_key)
                ).all()
            )
            open_rows = conn.execute(
                select(incidents.c.alert_key, incidents.c.id)
                .where(incidents.c.alert_key.in_(list(keys)), ~is_closed)
                .order_by(incidents.c.created_at)
            ).all()
        opened = {key: incident_id for key, incident_id in open_rows}  # the newest wins
        return {
            key: KeyState(
                open=key in opened,
                last_closed_at=_aware(closed[key]) if key in closed else None,
                open_incident_id=opened.get(key),
            )
            for key in keys
        }

    def latest_outcome_audit(self) -> LatestAudit | None:
        """The latest stored outcome audit (by start), its findings' impact ratios."""
        runs = SqlAuditRunStore(self.engine).runs(OUTCOMES, 1, with_result=True)
        if not runs:
            return None
        run = runs[0]
        try:
            document = run.document()
        except ValueError:
            return None
        findings = [f for f in map(_finding, document.get("findings") or ()) if f is not None]
        return LatestAudit(run.id, run.finished_at, findings, run.period_start)


def _finding(item: Any) -> AuditFinding | None:
    if not isinstance(item, dict):
        return None
    ratio, n, group = item.get("impact_ratio"), item.get("n"), item.get("group")
    if not isinstance(ratio, int | float) or isinstance(ratio, bool) or math.isnan(ratio):
        return None
    return AuditFinding(
        metric=str(item.get("metric", "")),
        group=group_label(group) if isinstance(group, dict) else str(group or ""),
        impact_ratio=float(ratio),
        n=n if isinstance(n, int) else 0,
    )
