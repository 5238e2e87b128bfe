"""Which ledger entry each event becomes: one mapping per event class in trustdesk.events.

Entries carry what the events carry — ids, routes, findings, counts, placeholders and reasons in
words — never personal data. ``tests/unit/test_ledger_entries.py`` fails when an event class has
no mapping here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from trustdesk.events import (
    ApprovalDecided,
    ApprovalRequested,
    ConsentChanged,
    ConversationClaimed,
    ConversationResolved,
    ConversationStarted,
    DataErased,
    DataExported,
    DataPurged,
    Event,
    HandedBackToAI,
    HandoffRequested,
    HumanReplied,
    OriginalsRevealed,
    PolicyLoaded,
    StaffChanged,
    TurnDecided,
)
from trustdesk.ledger.encoding import PendingEntry, canonical_time, pending_entry

# Routes on which the AI itself answered the customer; every other route is a decision
# (hand off, stay silent for the person who has the conversation).
AI_REPLY_ROUTES = frozenset({"assistant", "disclosure", "low_confidence"})


def _staff(name: str) -> str:
    return f"staff:{name}"


def _started(e: ConversationStarted) -> PendingEntry:
    return pending_entry(
        e.occurred_at,
        "customer",
        "conversation_start",
        {"status": e.status, "vouched": e.vouched, "channel": e.channel},
        conversation_id=e.conversation_id,
    )


def _turn(e: TurnDecided) -> PendingEntry:
    return pending_entry(
        e.occurred_at,
        f"ai:{e.backend}" if e.backend else "system",
        "ai_reply" if e.route in AI_REPLY_ROUTES else "ai_decision",
        {
            "decision_id": e.decision_id,
            "route": e.route,
            "status_before": e.status_before,
            "status_after": e.status_after,
            "findings": [dict(f) for f in e.findings],
            "reason": e.reason,
        },
        conversation_id=e.conversation_id,
        policy_version=e.policy_version,
    )


def _handoff(e: HandoffRequested) -> PendingEntry:
    details: dict[str, Any] = {"route": e.route, "reason": e.reason}
    code = getattr(e, "reason_code", None)
    if code is not None:
        details["reason_code"] = code
    return pending_entry(
        e.occurred_at, "system", "handoff", details, conversation_id=e.conversation_id
    )


def _consent(e: ConsentChanged) -> PendingEntry:
    return pending_entry(
        e.occurred_at,
        "customer",
        "consent_change",
        {"purpose": e.purpose, "granted": e.granted, "channel": e.channel},
        conversation_id=e.conversation_id,
    )


def _exported(e: DataExported) -> PendingEntry:
    return pending_entry(
        e.occurred_at,
        "system",
        "export",
        {"request_id": e.request_id, "scope": e.scope, "conversations": e.conversations},
    )


def _erased(e: DataErased) -> PendingEntry:
    return pending_entry(
        e.occurred_at,
        "system",
        "erasure",
        {
            "request_id": e.request_id,
            "scope": e.scope,
            "conversations": e.conversations,
            "data_key_destroyed": e.data_key_destroyed,
        },
    )


def _purged(e: DataPurged) -> PendingEntry:
    return pending_entry(
        e.occurred_at,
        "system",
        "purge",
        {"data_class": e.data_class, "deleted": e.deleted, "cutoff": canonical_time(e.cutoff)},
    )


def _claimed(e: ConversationClaimed) -> PendingEntry:
    return pending_entry(
        e.occurred_at,
        _staff(e.staff_name),
        "claim",
        {"role": e.role},
        conversation_id=e.conversation_id,
    )


def _human_reply(e: HumanReplied) -> PendingEntry:
    return pending_entry(
        e.occurred_at,
        _staff(e.staff_name),
        "human_reply",
        {"message_seq": e.seq, "from_draft": e.from_draft, "edited": e.edited},
        conversation_id=e.conversation_id,
    )


def _resolved(e: ConversationResolved) -> PendingEntry:
    return pending_entry(e.occurred_at, e.actor, "resolve", {}, conversation_id=e.conversation_id)


def _handed_back(e: HandedBackToAI) -> PendingEntry:
    return pending_entry(
        e.occurred_at, _staff(e.staff_name), "hand_back", {}, conversation_id=e.conversation_id
    )


def _approval_requested(e: ApprovalRequested) -> PendingEntry:
    return pending_entry(
        e.occurred_at,
        "system",
        "approval_request",
        {
            "approval_id": e.approval_id,
            "action": e.action,
            "amount": e.amount,
            "currency": e.currency,
            "rule": e.rule,
        },
        conversation_id=e.conversation_id,
    )


def _approval_decided(e: ApprovalDecided) -> PendingEntry:
    return pending_entry(
        e.occurred_at,
        _staff(e.staff_name),
        "approval" if e.approved else "denial",
        {"approval_id": e.approval_id, "role": e.role},
        conversation_id=e.conversation_id,
    )


def _revealed(e: OriginalsRevealed) -> PendingEntry:
    return pending_entry(
        e.occurred_at,
        _staff(e.staff_name),
        "pii_reveal",
        {"role": e.role, "placeholders": sorted(e.placeholders)},
        conversation_id=e.conversation_id,
    )


def _staff_changed(e: StaffChanged) -> PendingEntry:
    return pending_entry(
        e.occurred_at,
        e.by,
        "staff_change",
        {"staff_name": e.staff_name, "change": e.change, "role": e.role},
    )


def _policy_loaded(e: PolicyLoaded) -> PendingEntry:
    # The file name only: a full path can name a person's home directory.
    return pending_entry(
        e.occurred_at,
        "system",
        "policy_loaded",
        {"source": PurePath(e.source).name},
        policy_version=e.policy_version,
    )


MAPPINGS: dict[type[Event], Callable[[Any], PendingEntry]] = {
    ConversationStarted: _started,
    TurnDecided: _turn,
    HandoffRequested: _handoff,
    ConsentChanged: _consent,
    DataExported: _exported,
    DataErased: _erased,
    DataPurged: _purged,
    ConversationClaimed: _claimed,
    HumanReplied: _human_reply,
    ConversationResolved: _resolved,
    HandedBackToAI: _handed_back,
    ApprovalRequested: _approval_requested,
    ApprovalDecided: _approval_decided,
    OriginalsRevealed: _revealed,
    StaffChanged: _staff_changed,
    PolicyLoaded: _policy_loaded,
}


def entry_for(event: Event) -> PendingEntry | None:
    """The ledger entry ``event`` becomes; None for an event type with no mapping."""
    mapper = MAPPINGS.get(type(event))
    return mapper(event) if mapper is not None else None
