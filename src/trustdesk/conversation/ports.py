"""What the conversation service needs from storage, as protocols (no SQL here).

Reads go through a :class:`ConversationReader`; everything one request writes goes through a
:class:`UnitOfWork` transaction, which publishes the events it collected once it has committed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from trustdesk.assistant.base import HistoryItem
from trustdesk.conversation.records import (
    AgentDraft,
    ApprovalRecord,
    ConversationRecord,
    DecisionRecord,
    MessageRecord,
    Status,
)
from trustdesk.events import Event
from trustdesk.privacy.consent import ConsentRecord, Purpose


@dataclass(frozen=True, slots=True)
class LoadedConversation:
    """One snapshot of what a turn needs: the conversation, the customer's ai_assistance
    consent in force (None: never asked) and the most recent messages, oldest first."""

    conversation: ConversationRecord
    ai_consent: bool | None
    recent: tuple[MessageRecord, ...]

    def history(self) -> tuple[HistoryItem, ...]:
        return tuple(HistoryItem(m.role.value, m.text) for m in self.recent)


class ConversationReader(Protocol):
    def load_turn(
        self,
        conversation_id: str | None = None,
        token_hash: str | None = None,
        history: int = 0,
    ) -> LoadedConversation | None:
        """One snapshot of a conversation by id or by token hash (None when there is none)."""

    def get_conversation(self, conversation_id: str) -> ConversationRecord | None: ...

    def subject_of(self, customer_ref: str) -> str | None: ...

    def conversations_of(self, subject_id: str) -> list[ConversationRecord]: ...

    def count_started_since(
        self, subject_id: str, since: datetime
    ) -> tuple[int, datetime | None]: ...

    def list_messages(
        self, conversation_id: str, after: int = 0, limit: int | None = None
    ) -> list[MessageRecord]: ...

    def originals(self, conversation_id: str) -> dict[str, str]:
        """Decrypted placeholder -> value for one conversation (for its customer only)."""

    def list_decisions(self, conversation_id: str) -> list[DecisionRecord]:
        """The conversation's decision records, oldest first."""

    def current_consents(self, subject_id: str) -> dict[Purpose, ConsentRecord]: ...


class Transaction(Protocol):
    """The writes of one unit of work. Nothing is visible to others until it commits."""

    def subject_for(self, customer_ref: str, now: datetime) -> str:
        """The vouched customer's opaque subject key, created on first use."""

    def create_conversation(
        self,
        conversation: ConversationRecord,
        attributes: Mapping[str, str] | None,
    ) -> None: ...

    def advance(
        self, conversation: ConversationRecord, status: Status, now: datetime, turns: int = 0
    ) -> None:
        """Move the conversation on (status, placeholder state, turn count) if its revision is
        still the one read; ConflictError otherwise, so of two racing turns one writes."""

    def add_messages(
        self,
        conversation_id: str,
        messages: Sequence[MessageRecord],
        after_seq: int | None = None,
    ) -> list[MessageRecord]:
        """Append after the last message (``after_seq`` when the caller read it under the
        revision it advances); returns them with their sequence numbers."""

    def add_decision(self, decision: DecisionRecord) -> int: ...

    def seal(
        self, conversation: ConversationRecord, originals: Mapping[str, str], now: datetime
    ) -> None:
        """Encrypt originals into the vault under the conversation's subject key."""

    def originals(self, conversation_id: str) -> dict[str, str]: ...

    def add_consents(self, records: Sequence[ConsentRecord]) -> None:
        """Record consents; a withdrawn service_improvement drops the subject's attributes."""

    def add_approvals(self, approvals: Sequence[ApprovalRecord]) -> None:
        """Record proposed actions that wait for a person's approval."""

    def decide_approval(self, decided: ApprovalRecord) -> None:
        """Record a decision on a pending approval; ConflictError if it was already decided."""

    def add_draft(self, draft: AgentDraft) -> None:
        """Keep an agent-assist draft (redacted) so a reply can be recorded as from it."""

    def emit(self, event: Event) -> None:
        """Publish ``event`` once (and only if) this transaction commits."""


T = TypeVar("T")


class UnitOfWork(Protocol):
    def run(self, work: Callable[[Transaction], T]) -> T:
        """Run ``work`` in one transaction and return its result once that is committed (or
        raise what it raised, with nothing written). Its events are published after the
        commit. Several units may share one commit (group commit), each in a savepoint of
        its own, so one unit's failure never touches another's writes."""
