"""Reads what an outcome audit needs (``audit.outcomes.OutcomeSource``) in one read snapshot:
the conversations started in a period, their messages, decisions, approvals and the
attributes customers consented to share. Only AI replies' (redacted) text is read, for their
sentiment; customers' and staff's words are not.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, and_, case, literal, select

from trustdesk.audit.outcomes import (
    HANDOFF_ROUTES,
    ApprovalRow,
    AttributeRow,
    ConversationRow,
    DecisionRow,
    MessageRow,
    OutcomeSource,
)
from trustdesk.store.tables import (
    approvals,
    conversations,
    customer_attributes,
    decisions,
    ledger_entries,
    ledger_pending,
    messages,
)
from trustdesk.store.transactions import read

CHUNK = 500


def _aware(value: datetime) -> datetime:
    # SQLite returns naive datetimes; everything is stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class SqlOutcomeReader:
    """The store side of ``trustdesk audit outcomes``: read-only."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def load(self, since: datetime | None = None, until: datetime | None = None) -> OutcomeSource:
        """Conversations created at or after ``since`` and before ``until`` (either open),
        erased ones left out, with everything the outcome metrics are derived from."""
        window = select(conversations.c.id).where(conversations.c.erased_at.is_(None))
        if since is not None:
            window = window.where(conversations.c.created_at >= since)
        if until is not None:
            window = window.where(conversations.c.created_at < until)
        in_window = window.scalar_subquery()
        ai_text = case(
            (and_(messages.c.role == "assistant", messages.c.ai), messages.c.text),
            else_=literal(""),
        )
        queries = {
            "conversations": select(
                conversations.c.id,
                conversations.c.created_at,
                conversations.c.status,
                conversations.c.handoff_reason,
            ).where(conversations.c.id.in_(in_window)),
            "messages": select(
                messages.c.conversation_id,
                messages.c.seq,
                messages.c.role,
                messages.c.ai,
                messages.c.created_at,
                ai_text,
            ).where(messages.c.conversation_id.in_(in_window)),
            "decisions": select(
                decisions.c.conversation_id, decisions.c.route, decisions.c.created_at
            ).where(decisions.c.conversation_id.in_(in_window)),
            "approvals": select(
                approvals.c.conversation_id,
                approvals.c.status,
                approvals.c.amount_minor,
                approvals.c.currency,
            ).where(approvals.c.conversation_id.in_(in_window)),
            "attributes": select(
                customer_attributes.c.conversation_id,
                customer_attributes.c.name,
                customer_attributes.c.value,
            ).where(customer_attributes.c.conversation_id.in_(in_window)),
        }
        with read(self.engine) as conn:
            rows = {name: conn.execute(query).all() for name, query in queries.items()}
            convs = [ConversationRow(r[0], _aware(r[1]), r[2], r[3]) for r in rows["conversations"]]
            decs = [DecisionRow(r[0], r[1], _aware(r[2])) for r in rows["decisions"]]
            handed = {d.conversation_id for d in decs if d.route in HANDOFF_ROUTES}
            missing = [c.id for c in convs if c.handoff_reason is None and c.id in handed]
            first = _first_handoff_reasons(conn, missing)
        if first:
            convs = [
                c._replace(handoff_reason=first.get(c.id)) if c.handoff_reason is None else c
                for c in convs
            ]
        return OutcomeSource(
            conversations=convs,
            messages=[
                MessageRow(r[0], r[1], r[2], bool(r[3]), _aware(r[4]), r[5])
                for r in rows["messages"]
            ],
            decisions=decs,
            approvals=[ApprovalRow(r[0], r[1], r[2], r[3]) for r in rows["approvals"]],
            attributes=[AttributeRow(r[0], r[1], r[2]) for r in rows["attributes"]],
        )


def _first_handoff_reasons(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    """The reason of each conversation's first handoff, from the decision ledger (sealed
    entries, then the outbox): a conversation handed back to the AI no longer carries it."""
    found: dict[str, str] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        for table, order in (
            (ledger_entries, ledger_entries.c.seq),
            (ledger_pending, ledger_pending.c.id),
        ):
            rows = conn.execute(
                select(table.c.conversation_id, table.c.details)
                .where(table.c.kind == "handoff", table.c.conversation_id.in_(chunk))
                .order_by(order)
            )
            for conversation_id, details in rows:
                code = _reason_code(details)
                if code is not None:
                    found.setdefault(conversation_id, code)
    return found


def _reason_code(details: str | None) -> str | None:
    try:
        value = json.loads(details or "{}").get("reason_code")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None
