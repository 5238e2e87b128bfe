"""Conversations: the turn service and the handoff state machine. No web or SQL imports."""

from trustdesk.conversation.records import (
    ConversationRecord,
    DecisionRecord,
    MessageRecord,
    Role,
    Status,
)
from trustdesk.conversation.service import (
    ConversationService,
    Reply,
    StartedConversation,
    TurnOutcome,
)

__all__ = [
    "ConversationRecord",
    "ConversationService",
    "DecisionRecord",
    "MessageRecord",
    "Reply",
    "Role",
    "StartedConversation",
    "Status",
    "TurnOutcome",
]
