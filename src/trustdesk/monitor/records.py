"""The plain rows the metric definitions read (``store/metrics_reader.py`` produces them).

Rows hold ids, times, routes, finding names and counts. The only text is the redacted
(placeholder) wording of questions the assistant could not answer, and the opening message of
a conversation (to check that it is the disclosure): never a customer's data in the clear.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple


class ConversationRow(NamedTuple):
    id: str
    created_at: datetime
    # The last change (a message, a status change); for a resolved conversation, when it was
    # resolved (a resolved conversation takes no further messages).
    updated_at: datetime
    status: str  # ai_active | handoff_requested | human_active | resolved
    channel: str | None = None
    language: str | None = None
    # A customer the business vouched for: only their return can be seen (stayed resolved).
    vouched: bool = False
    # When the same vouched customer next started a conversation after ``updated_at``.
    next_started_at: datetime | None = None


class MessageRow(NamedTuple):
    conversation_id: str
    seq: int
    role: str  # customer | assistant | agent
    ai: bool
    created_at: datetime
    # A person's reply that began as an assistant draft (agent assist); None for others.
    from_draft: bool | None = None
    # Only for the conversation's opening message (the disclosure check); None otherwise.
    text: str | None = None


class FindingRow(NamedTuple):
    guard: str
    rule: str
    score: float = 1.0


class DecisionRow(NamedTuple):
    conversation_id: str
    route: str
    backend: str | None  # the backend asked for a draft; None when none was
    created_at: datetime
    findings: tuple[FindingRow, ...] = ()
    customer_seq: int | None = None
    # The redacted customer message, read only for turns the assistant could not answer.
    customer_text: str | None = None


class HandoffRow(NamedTuple):
    """One move to a person (every one, not only the first), with its HandoffReason value."""

    conversation_id: str
    reason: str
    occurred_at: datetime


class FeedbackRow(NamedTuple):
    conversation_id: str
    created_at: datetime
    rating: int | None  # 1..5
    solved: bool | None  # "did this solve your problem?"; None when not answered


class IncidentRow(NamedTuple):
    id: str
    status: str
    opened_at: datetime


@dataclass(frozen=True, slots=True)
class MetricSource:
    """What the store read for one period: the conversations started in it, and their
    messages, decisions, handoffs and feedback; incidents opened up to its end."""

    conversations: Sequence[ConversationRow]
    messages: Sequence[MessageRow] = ()
    decisions: Sequence[DecisionRow] = ()
    handoffs: Sequence[HandoffRow] = ()
    feedback: Sequence[FeedbackRow] = ()
    incidents: Sequence[IncidentRow] = ()
