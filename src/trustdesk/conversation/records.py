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
    Status.HUMAN_ACTIVE: frozenset({Status.RESOLVED}),
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

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "role": self.role.value,
            "text": self.text,
            "ai": self.ai,
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
