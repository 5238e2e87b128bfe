"""What the public transparency report reads besides the metric rows
(``monitor.transparency.PublicRecords``): the latest stored audit of each kind, as a summary,
and when the policy in force was first loaded.

Audits come through the audit-history repository (``store/audit_runs.py``); of each run only
the summary columns, and from its stored result the names of what was compared and how many
conversations it covered — never a group's figures, a target's address or who signed it off.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select, union_all

from trustdesk.audit.history import KINDS, AuditRun
from trustdesk.monitor.transparency import AuditSummary
from trustdesk.store.audit_runs import SqlAuditRunStore
from trustdesk.store.tables import ledger_entries, ledger_pending
from trustdesk.store.transactions import read

POLICY_LOADED = "policy_loaded"
LEDGER_TIME = "%Y-%m-%dT%H:%M:%S.%fZ"
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


def _names(values: Any) -> tuple[str, ...]:
    """Short lower-case names only (attribute and cue-family names), sorted and distinct."""
    if not isinstance(values, list):
        return ()
    found = {v for v in values if isinstance(v, str) and 0 < len(v) <= 40 and set(v) <= _NAME_CHARS}
    return tuple(sorted(found))


def _compared(run: AuditRun) -> tuple[tuple[str, ...], int | None]:
    try:
        document = json.loads(run.result or "{}")
    except ValueError:
        return (), None
    if not isinstance(document, dict):
        return (), None
    if run.kind == "probe":
        comparisons = document.get("comparisons")
        families = [c.get("family") for c in comparisons or [] if isinstance(c, dict)]
        return _names(families), None
    conversations = document.get("conversations")
    count = conversations if isinstance(conversations, int) and conversations >= 0 else None
    return _names(document.get("by")), count


def summary(run: AuditRun) -> AuditSummary:
    """The public summary of one stored audit."""
    compared_by, conversations = _compared(run)
    return AuditSummary(
        kind=run.kind,
        finished_at=run.finished_at,
        period_start=run.period_start,
        period_end=run.period_end,
        findings=run.findings,
        worst_severity=run.worst_severity,
        policy_version=run.policy_version,
        reviewed_at=run.signed_off_at,
        compared_by=compared_by,
        conversations=conversations,
    )


class SqlPublicRecords:
    """Read-only; each method one short read."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.audits = SqlAuditRunStore(engine)

    def latest_audits(self) -> Sequence[AuditSummary]:
        found = [
            summary(run)
            for kind in KINDS
            for run in self.audits.runs(kind=kind, limit=1, with_result=True)
        ]
        return sorted(found, key=lambda s: s.finished_at, reverse=True)

    def policy_in_force_since(self, version: str) -> datetime | None:
        parts = [
            select(func.min(t.c.occurred_at).label("at")).where(
                t.c.kind == POLICY_LOADED, t.c.policy_version == version
            )
            for t in (ledger_entries, ledger_pending)
        ]
        both = union_all(*parts).subquery()
        with read(self.engine) as conn:
            first = conn.execute(select(func.min(both.c.at))).scalar_one_or_none()
        if not first:
            return None
        return datetime.strptime(first, LEDGER_TIME).replace(tzinfo=UTC)
