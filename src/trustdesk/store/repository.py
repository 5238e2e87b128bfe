"""SQL implementation of the conversation store port, and the knowledge-base store."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.engine import RowMapping

from trustdesk.assistant.knowledge import Passage, knowledge_version
from trustdesk.conversation.records import (
    ConversationRecord,
    DecisionRecord,
    MessageRecord,
    Role,
    Status,
)
from trustdesk.errors import ConflictError
from trustdesk.privacy.consent import ConsentRecord, Purpose
from trustdesk.privacy.vault import VaultCipher
from trustdesk.store import vault_store
from trustdesk.store.tables import (
    consents as consent_table,
)
from trustdesk.store.tables import (
    conversations,
    customer_attributes,
    decisions,
    kb_passages,
    messages,
)


def _aware(value: datetime) -> datetime:
    # SQLite returns naive datetimes; everything is stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _conversation(row: RowMapping) -> ConversationRecord:
    return ConversationRecord(
        id=row["id"],
        token_hash=row["token_hash"],
        status=Status(row["status"]),
        policy_version=row["policy_version"],
        created_at=_aware(row["created_at"]),
        updated_at=_aware(row["updated_at"]),
        revision=row["revision"],
        customer_ref=row["customer_ref"],
        placeholders=dict(row["placeholders"] or {}),
        subject_id=row["subject_id"] or "",
    )


def _message(row: Mapping[str, Any] | RowMapping) -> MessageRecord:
    return MessageRecord(
        role=Role(row["role"]),
        text=row["text"],
        ai=row["ai"],
        created_at=_aware(row["created_at"]),
        citations=tuple(row["citations"] or ()),
        confidence=row["confidence"],
        seq=row["seq"],
    )


def consent_from_row(r: Mapping[str, Any] | RowMapping) -> ConsentRecord:
    return ConsentRecord(
        subject_id=r["subject_id"],
        purpose=Purpose(r["purpose"]),
        granted=r["granted"],
        notice_version=r["notice_version"],
        channel=r["channel"],
        recorded_at=_aware(r["recorded_at"]),
        conversation_id=r["conversation_id"],
    )


def _message_row(conversation_id: str, seq: int, m: MessageRecord) -> dict[str, Any]:
    return {
        "conversation_id": conversation_id,
        "seq": seq,
        "role": m.role.value,
        "text": m.text,
        "ai": m.ai,
        "citations": list(m.citations),
        "confidence": m.confidence,
        "created_at": m.created_at,
    }


def _decision_row(decision: DecisionRecord, customer_seq: int | None) -> dict[str, Any]:
    return {
        "conversation_id": decision.conversation_id,
        "customer_seq": customer_seq,
        "route": decision.route,
        "backend": decision.backend,
        "policy_version": decision.policy_version,
        "findings": list(decision.findings),
        "reason": decision.reason,
        "created_at": decision.created_at,
    }


def _consent_rows(records: Sequence[ConsentRecord]) -> list[dict[str, Any]]:
    return [
        {
            "subject_id": r.subject_id,
            "conversation_id": r.conversation_id,
            "purpose": r.purpose.value,
            "granted": r.granted,
            "notice_version": r.notice_version,
            "channel": r.channel,
            "recorded_at": r.recorded_at,
        }
        for r in records
    ]


class SqlConversationStore:
    """Each method is one transaction; a turn is written whole or not at all."""

    def __init__(self, engine: Engine, cipher: VaultCipher) -> None:
        self.engine = engine
        self.cipher = cipher

    def create_conversation(
        self,
        conversation: ConversationRecord,
        messages_: Sequence[MessageRecord],
        attributes: Mapping[str, str] | None,
        consents: Sequence[ConsentRecord] = (),
        decision: DecisionRecord | None = None,
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(conversations).values(
                    id=conversation.id,
                    token_hash=conversation.token_hash,
                    status=conversation.status.value,
                    policy_version=conversation.policy_version,
                    customer_ref=conversation.customer_ref,
                    subject_id=conversation.subject_id,
                    placeholders=conversation.placeholders,
                    revision=conversation.revision,
                    created_at=conversation.created_at,
                    updated_at=conversation.updated_at,
                )
            )
            if messages_:
                conn.execute(
                    insert(messages),
                    [_message_row(conversation.id, i, m) for i, m in enumerate(messages_, 1)],
                )
            if attributes:
                conn.execute(
                    insert(customer_attributes),
                    [
                        {
                            "conversation_id": conversation.id,
                            "name": k,
                            "value": v,
                            "consented_at": conversation.created_at,
                        }
                        for k, v in attributes.items()
                    ],
                )
            if consents:
                conn.execute(insert(consent_table), _consent_rows(consents))
            if decision is not None:
                conn.execute(insert(decisions).values(**_decision_row(decision, None)))

    def get_conversation(self, conversation_id: str) -> ConversationRecord | None:
        with self.engine.connect() as conn:
            row = (
                conn.execute(select(conversations).where(conversations.c.id == conversation_id))
                .mappings()
                .first()
            )
        return _conversation(row) if row else None

    def find_by_token_hash(self, token_hash: str) -> ConversationRecord | None:
        with self.engine.connect() as conn:
            row = (
                conn.execute(select(conversations).where(conversations.c.token_hash == token_hash))
                .mappings()
                .first()
            )
        return _conversation(row) if row else None

    def record_turn(
        self,
        conversation: ConversationRecord,
        new_status: Status,
        messages_: Sequence[MessageRecord],
        decision: DecisionRecord,
        originals: Mapping[str, str] | None = None,
        consents: Sequence[ConsentRecord] = (),
    ) -> list[MessageRecord]:
        with self.engine.begin() as conn:
            changed = conn.execute(
                update(conversations)
                .where(
                    conversations.c.id == conversation.id,
                    conversations.c.revision == conversation.revision,
                )
                .values(
                    status=new_status.value,
                    placeholders=conversation.placeholders,
                    updated_at=conversation.updated_at,
                    revision=conversation.revision + 1,
                )
            ).rowcount
            if changed != 1:
                raise ConflictError(
                    "the conversation changed while this message was processed; send it again"
                )
            last = conn.execute(
                select(func.coalesce(func.max(messages.c.seq), 0)).where(
                    messages.c.conversation_id == conversation.id
                )
            ).scalar_one()
            rows = [_message_row(conversation.id, last + i, m) for i, m in enumerate(messages_, 1)]
            if rows:
                conn.execute(insert(messages), rows)
            customer_seq = next((r["seq"] for r in rows if r["role"] == Role.CUSTOMER.value), None)
            conn.execute(insert(decisions).values(**_decision_row(decision, customer_seq)))
            vault_store.seal_originals(
                conn,
                self.cipher,
                conversation.id,
                conversation.subject_id,
                originals or {},
                conversation.updated_at,
            )
            if consents:
                conn.execute(insert(consent_table), _consent_rows(consents))
                if any(
                    r.purpose == Purpose.SERVICE_IMPROVEMENT and not r.granted for r in consents
                ):
                    # Withdrawn: the attributes kept on that basis go at once.
                    conn.execute(
                        delete(customer_attributes).where(
                            customer_attributes.c.conversation_id.in_(
                                select(conversations.c.id).where(
                                    conversations.c.subject_id == conversation.subject_id
                                )
                            )
                        )
                    )
        return [_message(r) for r in rows]

    def originals(self, conversation_id: str) -> dict[str, str]:
        with self.engine.connect() as conn:
            return vault_store.reveal(conn, self.cipher, conversation_id)

    def current_consents(self, subject_id: str) -> dict[Purpose, ConsentRecord]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(consent_table)
                .where(consent_table.c.subject_id == subject_id)
                .order_by(consent_table.c.recorded_at, consent_table.c.id)
            ).mappings()
            # Rows are in time order, so the last one per purpose is the one in force.
            return {record.purpose: record for record in map(consent_from_row, rows)}

    def list_messages(self, conversation_id: str) -> list[MessageRecord]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(messages)
                .where(messages.c.conversation_id == conversation_id)
                .order_by(messages.c.seq)
            ).mappings()
            return [_message(r) for r in rows]

    def list_decisions(self, conversation_id: str) -> list[DecisionRecord]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(decisions)
                .where(decisions.c.conversation_id == conversation_id)
                .order_by(decisions.c.id)
            ).mappings()
            return [
                DecisionRecord(
                    id=r["id"],
                    conversation_id=r["conversation_id"],
                    customer_seq=r["customer_seq"],
                    route=r["route"],
                    backend=r["backend"],
                    policy_version=r["policy_version"],
                    findings=tuple(r["findings"]),
                    reason=r["reason"],
                    created_at=_aware(r["created_at"]),
                )
                for r in rows
            ]

    def attributes(self, conversation_id: str) -> dict[str, str]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(customer_attributes.c.name, customer_attributes.c.value).where(
                    customer_attributes.c.conversation_id == conversation_id
                )
            )
            return {name: value for name, value in rows}


class SqlKnowledgeStore:
    """The ingested knowledge base; an ingest replaces the previous one atomically."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def replace(self, passages: Sequence[Passage]) -> str:
        version = knowledge_version(list(passages))
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            conn.execute(delete(kb_passages))
            conn.execute(
                insert(kb_passages),
                [
                    {
                        "source": p.source,
                        "title": p.title,
                        "text": p.text,
                        "kb_version": version,
                        "ingested_at": now,
                    }
                    for p in passages
                ],
            )
        return version

    def load(self) -> list[Passage]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(kb_passages).order_by(kb_passages.c.source)).mappings()
            return [Passage(r["source"], r["title"], r["text"]) for r in rows]
