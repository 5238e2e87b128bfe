"""What the conversation service needs from storage, as a protocol (no SQL here)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from trustdesk.conversation.records import (
    ConversationRecord,
    DecisionRecord,
    MessageRecord,
    Status,
)
from trustdesk.privacy.consent import ConsentRecord, Purpose


class ConversationStore(Protocol):
    def create_conversation(
        self,
        conversation: ConversationRecord,
        messages: Sequence[MessageRecord],
        attributes: Mapping[str, str] | None,
        consents: Sequence[ConsentRecord] = (),
        decision: DecisionRecord | None = None,
    ) -> None:
        """Store a new conversation, its first messages, consents, (consented) attributes and
        an opening decision, atomically."""

    def get_conversation(self, conversation_id: str) -> ConversationRecord | None: ...

    def find_by_token_hash(self, token_hash: str) -> ConversationRecord | None: ...

    def record_turn(
        self,
        conversation: ConversationRecord,
        new_status: Status,
        messages: Sequence[MessageRecord],
        decision: DecisionRecord,
        originals: Mapping[str, str] | None = None,
        consents: Sequence[ConsentRecord] = (),
    ) -> list[MessageRecord]:
        """Atomically append messages, the decision, the status and placeholder state.

        Raises ConflictError when ``conversation.revision`` is no longer current, so two turns
        racing on one conversation can never both write. ``originals`` (placeholder → value)
        go to the encrypted vault under the conversation's subject. Returns the messages with
        their seq.
        """

    def list_messages(self, conversation_id: str) -> list[MessageRecord]: ...

    def originals(self, conversation_id: str) -> dict[str, str]:
        """Decrypted placeholder → value for one conversation (for its customer only)."""

    def current_consents(self, subject_id: str) -> dict[Purpose, ConsentRecord]: ...

    def list_decisions(self, conversation_id: str) -> list[DecisionRecord]: ...
