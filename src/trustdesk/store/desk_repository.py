"""SQL reads for the human desk: the queue and agent-assist drafts."""

from __future__ import annotations

from sqlalchemy import Engine, bindparam, func, select

from trustdesk.conversation.records import PREVIEW_CHARS, AgentDraft, QueueItem, Role, Status
from trustdesk.store.repository import _aware
from trustdesk.store.tables import agent_drafts, conversations, messages
from trustdesk.store.transactions import read

_LAST_CUSTOMER_TEXT = (
    select(messages.c.text)
    .where(
        messages.c.conversation_id == conversations.c.id,
        messages.c.role == Role.CUSTOMER.value,
    )
    .order_by(messages.c.seq.desc())
    .limit(1)
    .scalar_subquery()
)
_QUEUE = (
    select(
        conversations.c.id,
        conversations.c.status,
        conversations.c.handoff_reason,
        conversations.c.handoff_at,
        conversations.c.assignee,
        _LAST_CUSTOMER_TEXT.label("preview"),
    )
    .where(
        conversations.c.status.in_([Status.HANDOFF_REQUESTED.value, Status.HUMAN_ACTIVE.value]),
        conversations.c.erased_at.is_(None),
    )
    # The longest waiting first; conversations from before handoff times were kept, last.
    .order_by(
        func.coalesce(conversations.c.handoff_at, conversations.c.updated_at),
        conversations.c.id,
    )
    .limit(bindparam("limit"))
)


class SqlDeskStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def queue(self, limit: int) -> list[QueueItem]:
        with read(self.engine) as conn:
            rows = conn.execute(_QUEUE, {"limit": limit}).mappings().all()
        return [
            QueueItem(
                conversation_id=r["id"],
                status=Status(r["status"]),
                handoff_reason=r["handoff_reason"],
                waiting_since=_aware(r["handoff_at"]) if r["handoff_at"] else None,
                assignee=r["assignee"],
                preview=_shorten(r["preview"] or ""),
            )
            for r in rows
        ]

    def get_draft(self, draft_id: str) -> AgentDraft | None:
        with read(self.engine) as conn:
            row = (
                conn.execute(select(agent_drafts).where(agent_drafts.c.id == draft_id))
                .mappings()
                .first()
            )
        if row is None:
            return None
        return AgentDraft(
            id=row["id"],
            conversation_id=row["conversation_id"],
            staff_name=row["staff_name"],
            text=row["text"],
            citations=tuple(row["citations"] or ()),
            confidence=row["confidence"],
            created_at=_aware(row["created_at"]),
        )


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"
