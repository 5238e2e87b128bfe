"""Which events become webhooks, and the JSON they are sent as.

The data of a webhook is built from the event's fields only, and events carry no personal data
(ids, routes, findings, reasons in words). Findings are copied field by field, so a key added
to a finding later does not travel to receivers unnoticed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from trustdesk.events import (
    AlertRaised,
    ApprovalDecided,
    ApprovalRequested,
    Event,
    HandoffRequested,
    TurnDecided,
)

PING = "ping"
FINDING_FIELDS = ("guard", "rule", "score", "reason")


def _handoff(event: HandoffRequested) -> dict[str, Any]:
    return {
        "conversation_id": event.conversation_id,
        "route": event.route,
        "reason": event.reason,
        "reason_code": event.reason_code,
    }


def _approval_requested(event: ApprovalRequested) -> dict[str, Any]:
    return {
        "conversation_id": event.conversation_id,
        "approval_id": event.approval_id,
        "action": event.action,
        "amount": event.amount,
        "currency": event.currency,
        "rule": event.rule,
    }


def _approval_decided(event: ApprovalDecided) -> dict[str, Any]:
    return {
        "conversation_id": event.conversation_id,
        "approval_id": event.approval_id,
        "approved": event.approved,
        "staff_name": event.staff_name,
        "role": event.role,
    }


def _decision(event: TurnDecided) -> dict[str, Any]:
    return {
        "conversation_id": event.conversation_id,
        "decision_id": event.decision_id,
        "route": event.route,
        "status_before": event.status_before,
        "status_after": event.status_after,
        "backend": event.backend,
        "policy_version": event.policy_version,
        "findings": [{k: f.get(k) for k in FINDING_FIELDS} for f in event.findings],
        "reason": event.reason,
    }


def _alert(event: AlertRaised) -> dict[str, Any]:
    # Names, ids and numbers: never a conversation id, a text or a group of customers.
    return {
        "alert": event.alert,
        "alert_key": event.alert_key,
        "incident_id": event.incident_id,
        "measured": event.measured,
        "threshold": event.threshold,
        "baseline": event.baseline,
        "sample": event.sample,
        "since": _timestamp(event.since),
        "until": _timestamp(event.until),
    }


# Event class -> (webhook type, data builder): exactly the types of WEBHOOK_EVENT_TYPES, which
# the settings validate against (tests/unit/test_webhooks.py holds the two together).
MAPPING: dict[type[Event], tuple[str, Callable[[Any], dict[str, Any]]]] = {
    HandoffRequested: ("handoff.requested", _handoff),
    ApprovalRequested: ("approval.requested", _approval_requested),
    ApprovalDecided: ("approval.decided", _approval_decided),
    TurnDecided: ("decision.recorded", _decision),
    AlertRaised: ("alert.opened", _alert),
}


def event_data(event: Event) -> tuple[str, dict[str, Any]] | None:
    """The webhook type and data of ``event``, or None for events that are not sent."""
    mapped = MAPPING.get(type(event))
    if mapped is None:
        return None
    event_type, build = mapped
    return event_type, build(event)


def _timestamp(moment: datetime) -> str:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat().replace("+00:00", "Z")


def envelope(delivery_id: str, event_type: str, occurred_at: datetime, data: dict[str, Any]) -> str:
    """The body of a delivery: ``{id, type, occurred_at, data}`` as compact JSON.

    ``id`` is the delivery's id, the same on every retry: receivers use it to ignore a delivery
    they have already processed.
    """
    document = {
        "id": delivery_id,
        "type": event_type,
        "occurred_at": _timestamp(occurred_at),
        "data": data,
    }
    return json.dumps(document, separators=(",", ":"), sort_keys=True, allow_nan=False)


def ping_body(delivery_id: str, now: datetime) -> str:
    """The body of a ``ping`` (``trustdesk webhooks test``)."""
    return envelope(delivery_id, PING, now, {"message": "TrustDesk webhook test"})
