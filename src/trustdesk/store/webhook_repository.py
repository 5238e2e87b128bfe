"""SQL for the webhook delivery log, and the dispatcher's factory.

Claiming a delivery is one short write transaction: select the oldest due pending row, count
the attempt and move its ``next_attempt_at`` to the end of a lease. On PostgreSQL the select
takes the row ``FOR UPDATE SKIP LOCKED``, so concurrent processes each get a different row and
never wait on one another; on SQLite the write transaction (``BEGIN IMMEDIATE`` behind the
process-wide write lock, store/transactions.py) makes the select and the update one step.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Engine, and_, delete, func, insert, or_, select, update
from sqlalchemy.engine import RowMapping

from trustdesk.errors import ConflictError, NotFoundError
from trustdesk.settings import Settings
from trustdesk.store.tables import webhook_deliveries as deliveries_table
from trustdesk.store.transactions import read, write
from trustdesk.webhooks.config import WebhookConfig
from trustdesk.webhooks.dispatcher import WebhookDispatcher
from trustdesk.webhooks.ports import (
    ClaimedDelivery,
    DeliveryRecord,
    DeliveryStatus,
    NewDelivery,
)

_t = deliveries_table.c
PENDING, DELIVERED, FAILED = (s.value for s in DeliveryStatus)


def _aware(value: datetime | None) -> datetime | None:
    # SQLite returns naive datetimes; everything is stored in UTC.
    if value is None or value.tzinfo:
        return value
    return value.replace(tzinfo=UTC)


def _record(row: RowMapping) -> DeliveryRecord:
    created = _aware(row["created_at"])
    assert created is not None
    return DeliveryRecord(
        id=row["id"],
        event_type=row["event_type"],
        url=row["url"],
        payload=row["payload"],
        status=DeliveryStatus(row["status"]),
        attempts=row["attempts"],
        next_attempt_at=_aware(row["next_attempt_at"]),
        last_attempt_at=_aware(row["last_attempt_at"]),
        last_status_code=row["last_status_code"],
        last_error=row["last_error"],
        created_at=created,
        delivered_at=_aware(row["delivered_at"]),
    )


class SqlWebhookStore:
    """The delivery log on SQLAlchemy Core (implements ``webhooks.ports.DeliveryStore``)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, deliveries: Sequence[NewDelivery]) -> None:
        if not deliveries:
            return
        rows = [
            {
                "id": d.id,
                "event_type": d.event_type,
                "url": d.url,
                "payload": d.payload,
                "status": PENDING,
                "attempts": 0,
                "next_attempt_at": d.created_at,
                "created_at": d.created_at,
            }
            for d in deliveries
        ]
        with write(self.engine) as conn:
            conn.execute(insert(deliveries_table), rows)

    def claim(self, now: datetime, lease_until: datetime, claim: str) -> ClaimedDelivery | None:
        query = (
            select(_t.id, _t.event_type, _t.url, _t.payload, _t.attempts)
            .where(_t.status == PENDING, _t.next_attempt_at <= now)
            .order_by(_t.next_attempt_at, _t.created_at)
            .limit(1)
        )
        if self.engine.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        with write(self.engine) as conn:
            row = conn.execute(query).mappings().first()
            if row is None:
                return None
            conn.execute(
                update(deliveries_table)
                .where(_t.id == row["id"])
                .values(
                    attempts=_t.attempts + 1,
                    next_attempt_at=lease_until,
                    claim=claim,
                    last_attempt_at=now,
                )
            )
        return ClaimedDelivery(
            id=row["id"],
            event_type=row["event_type"],
            url=row["url"],
            payload=row["payload"],
            attempt=row["attempts"] + 1,
            claim=claim,
        )

    def finish(
        self,
        claimed: ClaimedDelivery,
        status: DeliveryStatus,
        *,
        now: datetime,
        next_attempt_at: datetime | None,
        status_code: int | None,
        error: str | None,
    ) -> bool:
        with write(self.engine) as conn:
            changed = conn.execute(
                update(deliveries_table)
                .where(_t.id == claimed.id, _t.claim == claimed.claim, _t.status == PENDING)
                .values(
                    status=status.value,
                    next_attempt_at=next_attempt_at,
                    claim=None,
                    last_status_code=status_code,
                    last_error=error[:80] if error else None,
                    delivered_at=now if status is DeliveryStatus.DELIVERED else None,
                )
            ).rowcount
        return bool(changed)

    def next_due(self) -> datetime | None:
        with read(self.engine) as conn:
            value = conn.execute(
                select(func.min(_t.next_attempt_at)).where(_t.status == PENDING)
            ).scalar()
        return _aware(value)

    def deliveries(
        self, status: DeliveryStatus | None = None, limit: int = 50
    ) -> list[DeliveryRecord]:
        query = select(deliveries_table).order_by(_t.created_at.desc(), _t.id).limit(limit)
        if status is not None:
            query = query.where(_t.status == status.value)
        with read(self.engine) as conn:
            return [_record(row) for row in conn.execute(query).mappings()]

    def get(self, delivery_id: str) -> DeliveryRecord | None:
        with read(self.engine) as conn:
            row = (
                conn.execute(select(deliveries_table).where(_t.id == delivery_id))
                .mappings()
                .first()
            )
        return _record(row) if row else None

    def retry(self, delivery_id: str, now: datetime) -> None:
        with write(self.engine) as conn:
            status = conn.execute(select(_t.status).where(_t.id == delivery_id)).scalar()
            if status is None:
                raise NotFoundError("no webhook delivery with that id")
            if status != FAILED:
                raise ConflictError(
                    f"that delivery is {status}; only a failed delivery can be retried"
                )
            conn.execute(
                update(deliveries_table)
                .where(_t.id == delivery_id)
                .values(
                    status=PENDING,
                    attempts=0,
                    next_attempt_at=now,
                    claim=None,
                    delivered_at=None,
                )
            )

    def purge(self, before: datetime) -> int:
        with write(self.engine) as conn:
            return int(
                conn.execute(
                    delete(deliveries_table).where(
                        or_(
                            and_(_t.status == DELIVERED, _t.delivered_at < before),
                            and_(
                                _t.status == FAILED,
                                func.coalesce(_t.last_attempt_at, _t.created_at) < before,
                            ),
                        )
                    )
                ).rowcount
            )


def build_dispatcher(settings: Settings, engine: Engine) -> WebhookDispatcher | None:
    """The webhook dispatcher for these settings on this database; None when no webhook URL
    is set. Its worker starts on the first event it records, or on ``start()``."""
    config = WebhookConfig.from_settings(settings)
    if config is None:
        return None
    return WebhookDispatcher(SqlWebhookStore(engine), config)
