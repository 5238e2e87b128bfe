"""SQL reads for the human desk: the queue and agent-assist drafts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, bindparam, delete, func, insert, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import IntegrityError

from trustdesk.conversation.records import (
    PREVIEW_CHARS,
    AgentDraft,
    ApprovalRecord,
    QueueItem,
    Role,
    Status,
)
from trustdesk.store.repository import _aware
from trustdesk.store.tables import agent_drafts, agent_typing, approvals, conversations, messages
from trustdesk.store.transactions import read, write

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

    def approvals(self, status: str | None, limit: int) -> list[ApprovalRecord]:
        query = select(approvals).order_by(approvals.c.requested_at, approvals.c.id).limit(limit)
        if status is not None:
            query = query.where(approvals.c.status == status)
        with read(self.engine) as conn:
            return [_approval(r) for r in conn.execute(query).mappings()]

    def get_approval(self, approval_id: str) -> ApprovalRecord | None:
        with read(self.engine) as conn:
            row = (
                conn.execute(select(approvals).where(approvals.c.id == approval_id))
                .mappings()
                .first()
            )
        return _approval(row) if row is not None else None

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

    # -- "a person is typing" ---------------------------------------------------------------

    def set_typing(self, conversation_id: str, display_name: str, until: datetime) -> None:
        """Show the customer that ``display_name`` is writing, until ``until``."""
        values = {"display_name": display_name, "until": until}
        with write(self.engine) as conn:
            found = conn.execute(
                update(agent_typing)
                .where(agent_typing.c.conversation_id == conversation_id)
                .values(**values)
            ).rowcount
            if found:
                return
            try:
                with conn.begin_nested():
                    conn.execute(
                        insert(agent_typing).values(conversation_id=conversation_id, **values)
                    )
            except IntegrityError:  # another process wrote it first: that signal stands
                pass

    def clear_typing(self, conversation_id: str) -> None:
        with write(self.engine) as conn:
            conn.execute(
                delete(agent_typing).where(agent_typing.c.conversation_id == conversation_id)
            )

    def typing(self, conversation_id: str, now: datetime) -> str | None:
        """The display name of the person writing in this conversation now, if any."""
        with read(self.engine) as conn:
            row = conn.execute(
                select(agent_typing.c.display_name, agent_typing.c.until).where(
                    agent_typing.c.conversation_id == conversation_id
                )
            ).first()
        if row is None or _aware(row.until) <= now:
            return None
        return str(row.display_name)


def _approval(r: RowMapping) -> ApprovalRecord:
    return ApprovalRecord(
        id=r["id"],
        conversation_id=r["conversation_id"],
        action=r["action"],
        amount=None if r["amount_minor"] is None else r["amount_minor"] / 100,
        currency=r["currency"],
        rule=r["rule"],
        ai_reason=r["ai_reason"],
        status=r["status"],
        requested_at=_aware(r["requested_at"]),
        decided_by=r["decided_by"],
        decided_at=_aware(r["decided_at"]) if r["decided_at"] is not None else None,
        note=r["note"],
    )


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"
