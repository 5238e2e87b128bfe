"""The unit of work: everything one request writes, in one transaction, then its events."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from trustdesk.conversation.identity import new_subject_id
from trustdesk.conversation.records import (
    ConversationRecord,
    DecisionRecord,
    MessageRecord,
    Status,
)
from trustdesk.errors import ConflictError
from trustdesk.events import Event, EventBus
from trustdesk.privacy.consent import ConsentRecord, Purpose
from trustdesk.privacy.vault import VaultCipher
from trustdesk.store import vault_store
from trustdesk.store.repository import _consent_rows, _decision_row, _message, _message_row
from trustdesk.store.tables import (
    consents,
    conversations,
    customer_attributes,
    customer_subjects,
    decisions,
    messages,
)
from trustdesk.store.transactions import write


class SqlTransaction:
    """The writes of one unit of work, on one connection inside one transaction."""

    def __init__(self, conn: Connection, cipher: VaultCipher) -> None:
        self.conn = conn
        self.cipher = cipher
        self.events: list[Event] = []

    def subject_for(self, customer_ref: str, now: datetime) -> str:
        found = self.conn.execute(
            select(customer_subjects.c.subject_id).where(
                customer_subjects.c.customer_ref == customer_ref
            )
        ).scalar_one_or_none()
        if found is not None:
            return str(found)
        subject = new_subject_id()
        try:
            with self.conn.begin_nested():
                self.conn.execute(
                    insert(customer_subjects).values(
                        customer_ref=customer_ref, subject_id=subject, created_at=now
                    )
                )
        except IntegrityError:  # another request created it first: use theirs
            return str(
                self.conn.execute(
                    select(customer_subjects.c.subject_id).where(
                        customer_subjects.c.customer_ref == customer_ref
                    )
                ).scalar_one()
            )
        return subject

    def create_conversation(
        self, conversation: ConversationRecord, attributes: Mapping[str, str] | None
    ) -> None:
        self.conn.execute(
            insert(conversations).values(
                id=conversation.id,
                token_hash=conversation.token_hash,
                status=conversation.status.value,
                policy_version=conversation.policy_version,
                customer_ref=conversation.customer_ref,
                subject_id=conversation.subject_id,
                placeholders=conversation.placeholders,
                revision=conversation.revision,
                turn_count=conversation.turn_count,
                created_at=conversation.created_at,
                updated_at=conversation.updated_at,
            )
        )
        if attributes:
            self.conn.execute(
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

    def advance(
        self, conversation: ConversationRecord, status: Status, now: datetime, turns: int = 0
    ) -> None:
        changed = self.conn.execute(
            update(conversations)
            .where(
                conversations.c.id == conversation.id,
                conversations.c.revision == conversation.revision,
            )
            .values(
                status=status.value,
                placeholders=conversation.placeholders,
                updated_at=now,
                revision=conversation.revision + 1,
                turn_count=conversation.turn_count + turns,
            )
        ).rowcount
        if changed != 1:
            raise ConflictError(
                "the conversation changed while this message was processed; send it again"
            )

    def add_messages(
        self,
        conversation_id: str,
        messages_: Sequence[MessageRecord],
        after_seq: int | None = None,
    ) -> list[MessageRecord]:
        if not messages_:
            return []
        last = after_seq
        if last is None:
            last = self.conn.execute(
                select(func.coalesce(func.max(messages.c.seq), 0)).where(
                    messages.c.conversation_id == conversation_id
                )
            ).scalar_one()
        rows = [_message_row(conversation_id, last + i, m) for i, m in enumerate(messages_, 1)]
        self.conn.execute(insert(messages), rows)
        return [_message(r) for r in rows]

    def add_decision(self, decision: DecisionRecord) -> int:
        return int(
            self.conn.execute(
                insert(decisions)
                .values(**_decision_row(decision, decision.customer_seq))
                .returning(decisions.c.id)
            ).scalar_one()
        )

    def seal(
        self, conversation: ConversationRecord, originals: Mapping[str, str], now: datetime
    ) -> None:
        vault_store.seal_originals(
            self.conn, self.cipher, conversation.id, conversation.subject_id, originals, now
        )

    def originals(self, conversation_id: str) -> dict[str, str]:
        return vault_store.reveal(self.conn, self.cipher, conversation_id)

    def add_consents(self, records: Sequence[ConsentRecord]) -> None:
        if not records:
            return
        self.conn.execute(insert(consents), _consent_rows(records))
        withdrawn = {
            r.subject_id
            for r in records
            if r.purpose == Purpose.SERVICE_IMPROVEMENT and not r.granted
        }
        for subject in withdrawn:
            # Withdrawn: the attributes kept on that basis go at once.
            self.conn.execute(
                delete(customer_attributes).where(
                    customer_attributes.c.conversation_id.in_(
                        select(conversations.c.id).where(conversations.c.subject_id == subject)
                    )
                )
            )

    def emit(self, event: Event) -> None:
        self.events.append(event)


class SqlUnitOfWork:
    """Opens one transaction per request; its events go to the bus after it commits, and
    are dropped if it rolls back."""

    def __init__(self, engine: Engine, cipher: VaultCipher, bus: EventBus) -> None:
        self.engine = engine
        self.cipher = cipher
        self.bus = bus

    @contextmanager
    def transaction(self) -> Iterator[SqlTransaction]:
        with write(self.engine) as conn:
            tx = SqlTransaction(conn, self.cipher)
            yield tx
        self.bus.publish(tx.events)
