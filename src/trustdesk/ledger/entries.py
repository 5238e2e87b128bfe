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
    AlertRaised,
    ApprovalDecided,
    ApprovalRequested,
    AuditRunStored,
    AuditSignedOff,
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
    IncidentOpened,
    IncidentUpdated,
    OriginalsRevealed,
    PolicyLoaded,
    StaffChanged,
    TurnDecided,
)
from trustdesk.ledger.encoding import PendingEntry, canonical_time, pending_entry

# Routes on which the AI itself answered the customer; every other route is a decision
# (hand off, stay silent for the person who has the conversation).
AI_REPLY_ROUTES = frozenset({"assistant", "disclosure", "low_confidence", "person_offered"})


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


def _incident_opened(e: IncidentOpened) -> PendingEntry:
    # Ids and the category only: the reporter's comment stays in the incident, redacted.
    details: dict[str, Any] = {
        "incident_id": e.incident_id,
        "message_seq": e.message_seq,
        "category": e.category,
    }
    if e.source is not None:  # an incident no conversation raised: an alert, an audit finding
        details |= {"source": e.source, "alert_key": e.alert_key}
    return pending_entry(
        e.occurred_at, e.actor, "incident_opened", details, conversation_id=e.conversation_id
    )


def _incident_updated(e: IncidentUpdated) -> PendingEntry:
    return pending_entry(
        e.occurred_at,
        _staff(e.staff_name),
        "incident_updated",
        {
            "incident_id": e.incident_id,
            "status": e.status,
            "owner": e.owner,
            "note_changed": e.note_changed,
        },
        conversation_id=e.conversation_id,
    )


def _audit_stored(e: AuditRunStored) -> PendingEntry:
    return pending_entry(
        e.occurred_at,
        e.actor,
        "audit_run_stored",
        {
            "run_id": e.run_id,
            "audit": e.kind,
            "trigger": e.trigger,
            "findings": e.findings,
            "worst_severity": e.worst_severity,
            "sha256": e.digest,
        },
        policy_version=e.policy_version,
    )


def _audit_signed_off(e: AuditSignedOff) -> PendingEntry:
    # The note's digest only: the note stays with the run, the ledger never holds free text.
    return pending_entry(
        e.occurred_at,
        e.actor,
        "audit_signed_off",
        {
            "run_id": e.run_id,
            "audit": e.kind,
            "findings": e.findings,
            "worst_severity": e.worst_severity,
            "sha256": e.digest,
            "signed_off_by": e.signer,
            "note_sha256": e.note_digest,
        },
    )


def _alert_raised(e: AlertRaised) -> PendingEntry:
    # Names and numbers only: what was measured, against what, over how many.
    return pending_entry(
        e.occurred_at,
        "system",
        "alert_raised",
        {
            "alert": e.alert,
            "alert_key": e.alert_key,
            "incident_id": e.incident_id,
            "measured": e.measured,
            "threshold": e.threshold,
            "baseline": e.baseline,
            "sample": e.sample,
            "since": canonical_time(e.since),
            "until": canonical_time(e.until),
        },
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
    IncidentOpened: _incident_opened,
    IncidentUpdated: _incident_updated,
    AlertRaised: _alert_raised,
    PolicyLoaded: _policy_loaded,
    AuditRunStored: _audit_stored,
    AuditSignedOff: _audit_signed_off,
}


def entry_for(event: Event) -> PendingEntry | None:
    """The ledger entry ``event`` becomes; None for an event type with no mapping."""
    mapper = MAPPINGS.get(type(event))
    return mapper(event) if mapper is not None else None
