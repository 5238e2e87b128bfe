"""What the dispatcher needs from storage: the delivery log (implemented in
``trustdesk.store.webhook_repository``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class NewDelivery:
    """One event for one receiver, due now."""

    id: str
    event_type: str
    url: str
    payload: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ClaimedDelivery:
    """A delivery this process holds until ``lease_until``; ``attempt`` counts this one."""

    id: str
    event_type: str
    url: str
    payload: str
    attempt: int
    claim: str


@dataclass(frozen=True, slots=True)
class DeliveryRecord:
    """A row of the delivery log."""

    id: str
    event_type: str
    url: str
    payload: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None


class DeliveryStore(Protocol):
    def add(self, deliveries: Sequence[NewDelivery]) -> None:
        """Record pending deliveries, all or none."""
        ...

    def claim(self, now: datetime, lease_until: datetime, claim: str) -> ClaimedDelivery | None:
        """Take the oldest due pending delivery, count an attempt and hold it until
        ``lease_until``, so that no other process sends it meanwhile; None when none is due."""
        ...

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
        """Record the outcome of an attempt; False if the claim was lost (the lease ran out and
        another process took the delivery over)."""
        ...

    def next_due(self) -> datetime | None:
        """When the earliest pending delivery is due (or its lease ends); None if none is."""
        ...

    def deliveries(
        self, status: DeliveryStatus | None = None, limit: int = 50
    ) -> list[DeliveryRecord]:
        """The newest deliveries first."""
        ...

    def retry(self, delivery_id: str, now: datetime) -> None:
        """Make a failed delivery pending again, due now, with a fresh count of attempts."""
        ...

    def purge(self, before: datetime) -> int:
        """Delete delivered and failed deliveries that ended before ``before``."""
        ...
