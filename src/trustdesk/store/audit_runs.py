"""SQL for stored fairness audits (``audit.history.AuditRunStore``; docs/fairness.md).

Writes run inside the caller's unit of work, so a stored run or a sign-off and its ledger
entry commit together. A sign-off is one conditional UPDATE (``signed_off_by IS NULL``): of two
people signing off at the same moment, exactly one succeeds.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.engine import RowMapping

from trustdesk.audit.history import AuditRun, AuditTransaction
from trustdesk.store.repository import _aware
from trustdesk.store.tables import audit_runs
from trustdesk.store.transactions import read
from trustdesk.store.unit_of_work import SqlTransaction

_SUMMARY = [c for c in audit_runs.c if c.name != "result"]


def _maybe(value: datetime | None) -> datetime | None:
    return None if value is None else _aware(value)


def _run(row: RowMapping) -> AuditRun:
    return AuditRun(
        id=row["id"],
        kind=row["kind"],
        trigger=row["trigger"],
        started_at=_aware(row["started_at"]),
        finished_at=_aware(row["finished_at"]),
        policy_version=row["policy_version"],
        findings=int(row["findings"]),
        worst_severity=row["worst_severity"],
        result=row.get("result"),
        period_start=_maybe(row["period_start"]),
        period_end=_maybe(row["period_end"]),
        suite_version=row["suite_version"],
        signed_off_by=row["signed_off_by"],
        signed_off_at=_maybe(row["signed_off_at"]),
        sign_off_note=row["sign_off_note"],
    )


def _conn(tx: AuditTransaction) -> Connection:
    return cast(SqlTransaction, tx).conn


class SqlAuditRunStore:
    """Audit runs on SQLAlchemy Core."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, tx: AuditTransaction, run: AuditRun) -> None:
        _conn(tx).execute(
            insert(audit_runs).values(
                id=run.id,
                kind=run.kind,
                trigger=run.trigger,
                started_at=run.started_at,
                finished_at=run.finished_at,
                period_start=run.period_start,
                period_end=run.period_end,
                policy_version=run.policy_version,
                suite_version=run.suite_version,
                findings=run.findings,
                worst_severity=run.worst_severity,
                result=run.result,
            )
        )

    def sign_off(self, tx: AuditTransaction, run_id: str, by: str, at: datetime, note: str) -> bool:
        changed = (
            _conn(tx)
            .execute(
                update(audit_runs)
                .where(audit_runs.c.id == run_id, audit_runs.c.signed_off_by.is_(None))
                .values(signed_off_by=by, signed_off_at=at, sign_off_note=note)
            )
            .rowcount
        )
        return bool(changed == 1)

    def get(self, run_id: str) -> AuditRun | None:
        with read(self.engine) as conn:
            row = conn.execute(select(audit_runs).where(audit_runs.c.id == run_id)).mappings()
            found = row.first()
        return None if found is None else _run(found)

    def runs(
        self,
        kind: str | None = None,
        limit: int = 100,
        *,
        with_result: bool = False,
        trigger: str | None = None,
    ) -> list[AuditRun]:
        query = select(*(audit_runs.c if with_result else _SUMMARY))
        if kind is not None:
            query = query.where(audit_runs.c.kind == kind)
        if trigger is not None:
            query = query.where(audit_runs.c.trigger == trigger)
        query = query.order_by(audit_runs.c.started_at.desc(), audit_runs.c.id).limit(limit)
        with read(self.engine) as conn:
            rows = conn.execute(query).mappings().all()
        return [_run(r) for r in rows]

    def last_started(self, kind: str, trigger: str | None = None) -> datetime | None:
        query = select(func.max(audit_runs.c.started_at)).where(audit_runs.c.kind == kind)
        if trigger is not None:
            query = query.where(audit_runs.c.trigger == trigger)
        with read(self.engine) as conn:
            value = conn.execute(query).scalar_one_or_none()
        return _maybe(value)
