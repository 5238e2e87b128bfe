"""Plain records the conversation service reads and writes through its store port."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """The handoff state machine. The AI replies only in ``ai_active``."""

    AI_ACTIVE = "ai_active"
    HANDOFF_REQUESTED = "handoff_requested"
    HUMAN_ACTIVE = "human_active"
    RESOLVED = "resolved"


# Which status changes are allowed; anything else is a ConflictError.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.AI_ACTIVE: frozenset({Status.HANDOFF_REQUESTED, Status.RESOLVED}),
    Status.HANDOFF_REQUESTED: frozenset({Status.HUMAN_ACTIVE, Status.RESOLVED}),
    # A person may hand the conversation back to the AI, with a note.
    Status.HUMAN_ACTIVE: frozenset({Status.AI_ACTIVE, Status.RESOLVED}),
    Status.RESOLVED: frozenset(),
}


class Role(StrEnum):
    CUSTOMER = "customer"
    ASSISTANT = "assistant"
    AGENT = "agent"


@dataclass(slots=True)
class ConversationRecord:
    id: str
    token_hash: str
    status: Status
    policy_version: str
    created_at: datetime
    updated_at: datetime
    revision: int = 0
    # The business's own reference, only for a customer it vouched for; None when anonymous.
    customer_ref: str | None = None
    placeholders: dict[str, Any] = field(default_factory=dict)
    # Whose data this is: an opaque internal key (``s_…``), never chosen by a caller. A vouched
    # customer's conversations share it; an anonymous conversation has one of its own.
    subject_id: str = ""
    turn_count: int = 0
    # The sequence number of the last message, when loaded for a turn (None: not loaded).
    last_seq: int | None = None
    # Why a person was brought in (a conversation.handoff.HandoffReason value) and when; the
    # staff member who claimed it. All None while the AI is handling the conversation.
    handoff_reason: str | None = None
    handoff_at: datetime | None = None
    assignee: str | None = None

    @property
    def vouched(self) -> bool:
        return self.customer_ref is not None


@dataclass(frozen=True, slots=True)
class MessageRecord:
    """A stored message. ``text`` is always redacted: placeholders, never personal data."""

    role: Role
    text: str
    ai: bool
    created_at: datetime
    citations: tuple[dict[str, str], ...] = ()
    confidence: float | None = None
    seq: int = 0
    # A person's reply: the display name the customer sees; whether it began as a draft.
    author: str | None = None
    from_draft: bool | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "role": self.role.value,
            "text": self.text,
            "ai": self.ai,
            "author": self.author,
            "citations": list(self.citations),
            "confidence": self.confidence,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """Why a turn went the way it did: findings, route, backend and the governing policy."""

    conversation_id: str
    route: str
    backend: str | None
    policy_version: str
    findings: tuple[dict[str, Any], ...]
    reason: str
    created_at: datetime
    customer_seq: int | None = None
    id: int | None = None
    # The assistant's draft when the customer was not sent it as written, placeholders only.
    withheld_draft: str | None = None


PREVIEW_CHARS = 140


@dataclass(frozen=True, slots=True)
class QueueItem:
    """A conversation waiting for (or with) a person, as the queue shows it."""

    conversation_id: str
    status: Status
    handoff_reason: str | None
    waiting_since: datetime | None
    assignee: str | None
    # The customer's last message, redacted (placeholders only) and shortened.
    preview: str

    def to_json(self, now: datetime) -> dict[str, Any]:
        waited = (now - self.waiting_since).total_seconds() if self.waiting_since else None
        return {
            "id": self.conversation_id,
            "status": self.status.value,
            "handoff_reason": self.handoff_reason,
            "waiting_since": self.waiting_since.isoformat() if self.waiting_since else None,
            "waiting_s": None if waited is None else max(0, int(waited)),
            "assignee": self.assignee,
            "preview": self.preview,
        }


@dataclass(frozen=True, slots=True)
class AgentDraft:
    """A reply the assistant drafted for a person (redacted; placeholders only)."""

    id: str
    conversation_id: str
    staff_name: str
    text: str
    citations: tuple[dict[str, str], ...]
    confidence: float | None
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "citations": list(self.citations),
            "confidence": self.confidence,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class ApprovalRecord:
    """An action the assistant proposed that waits for (or got) a person's decision."""

    id: str
    conversation_id: str
    action: str
    amount: float | None
    currency: str | None
    rule: str  # why the policy needs a person for it, in words
    ai_reason: str  # why the assistant proposed it (placeholders only)
    status: str  # pending, approved, denied
    requested_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None
    note: str | None = None  # the approver's note (redacted)

    def describe(self) -> str:
        label = self.action.replace("_", " ")
        if self.amount is None:
            return f"a {label}"
        return f"a {label} of {self.amount:.2f} {self.currency or ''}".strip()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "conversation_id": self.conversation_id,
            "action": self.action,
            "amount": self.amount,
            "currency": self.currency,
            "description": self.describe(),
            "rule": self.rule,
            "ai_reason": self.ai_reason,
            "status": self.status,
            "requested_at": self.requested_at.isoformat(),
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
            "note": self.note,
        }
