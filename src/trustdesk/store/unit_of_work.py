"""The unit of work: everything one request writes, in one transaction, then its events."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import IntegrityError

from trustdesk.conversation.identity import new_subject_id
from trustdesk.conversation.records import (
    AgentDraft,
    ApprovalRecord,
    ConversationRecord,
    DecisionRecord,
    MessageRecord,
    Status,
)
from trustdesk.errors import ConflictError, StoreError
from trustdesk.events import Event, EventBus
from trustdesk.ledger.encoding import PendingEntry
from trustdesk.privacy.consent import ConsentRecord, Purpose
from trustdesk.privacy.vault import VaultCipher
from trustdesk.store import vault_store
from trustdesk.store.driver import DriverInsert, DriverStatement, cursor_of, invalidating
from trustdesk.store.repository import _consent_rows, _decision_row, _message, _message_row
from trustdesk.store.tables import (
    agent_drafts,
    approvals,
    consents,
    conversations,
    customer_attributes,
    customer_subjects,
    decisions,
    ledger_pending,
    messages,
)
from trustdesk.store.transactions import write

# Built once: the hot path only binds values (no statement construction per turn).
_ADVANCE = (
    update(conversations)
    .where(
        conversations.c.id == bindparam("p_id"),
        conversations.c.revision == bindparam("p_revision"),
    )
    .values(
        status=bindparam("p_status"),
        placeholders=bindparam("p_placeholders", type_=conversations.c.placeholders.type),
        updated_at=bindparam("p_updated_at", type_=conversations.c.updated_at.type),
        revision=bindparam("p_new_revision"),
        turn_count=bindparam("p_turn_count"),
        handoff_reason=bindparam("p_handoff_reason"),
        handoff_at=bindparam("p_handoff_at", type_=conversations.c.handoff_at.type),
        assignee=bindparam("p_assignee"),
    )
)
_LAST_SEQ = select(func.coalesce(func.max(messages.c.seq), 0)).where(
    messages.c.conversation_id == bindparam("conversation_id")
)
_CONVERSATION_COLUMNS = (
    "id",
    "token_hash",
    "status",
    "policy_version",
    "customer_ref",
    "subject_id",
    "placeholders",
    "revision",
    "turn_count",
    "created_at",
    "updated_at",
    "handoff_reason",
    "handoff_at",
)
_MESSAGE_COLUMNS = (
    "conversation_id",
    "seq",
    "role",
    "text",
    "ai",
    "citations",
    "confidence",
    "created_at",
    "author",
    "from_draft",
)
_DECISION_COLUMNS = (
    "conversation_id",
    "customer_seq",
    "route",
    "backend",
    "policy_version",
    "findings",
    "reason",
    "created_at",
    "withheld_draft",
)
_CONSENT_COLUMNS = (
    "subject_id",
    "conversation_id",
    "purpose",
    "granted",
    "notice_version",
    "channel",
    "recorded_at",
)
# The outbox's columns are the fields of a PendingEntry (its id is the database's).
_PENDING_COLUMNS = tuple(c.name for c in ledger_pending.c if c.name != "id")


class _WriteSql:
    """What a conversation's units of work write on every turn, compiled once per dialect and
    run on the transaction's driver cursor (store/driver.py): one statement per table, several
    rows in one statement."""

    def __init__(self, dialect: Dialect) -> None:
        self.advance = DriverStatement(dialect, _ADVANCE)
        self.last_seq = DriverStatement(dialect, _LAST_SEQ)
        self.conversation = DriverInsert(dialect, conversations, _CONVERSATION_COLUMNS)
        self.messages = DriverInsert(dialect, messages, _MESSAGE_COLUMNS)
        self.decision = DriverInsert(dialect, decisions, _DECISION_COLUMNS, returning="id")
        self.consents = DriverInsert(dialect, consents, _CONSENT_COLUMNS)
        self.pending = DriverInsert(dialect, ledger_pending, _PENDING_COLUMNS)


class SqlTransaction:
    """The writes of one unit of work, on one connection inside one transaction.

    What every turn writes runs on the driver's cursor with statements compiled once (see
    store/driver.py); the rarer writes (approvals, drafts, subjects) go through the engine.
    """

    def __init__(self, conn: Connection, cipher: VaultCipher, sql: _WriteSql | None = None) -> None:
        self.conn = conn
        self.cipher = cipher
        self.events: list[Event] = []
        self._sql = sql or _WriteSql(conn.dialect)
        self._cursor: Any = None

    @property
    def cursor(self) -> Any:
        """The driver's cursor, inside this transaction."""
        if self._cursor is None:
            self._cursor = cursor_of(self.conn)
        return self._cursor

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
        row = {
            "id": conversation.id,
            "token_hash": conversation.token_hash,
            "status": conversation.status.value,
            "policy_version": conversation.policy_version,
            "customer_ref": conversation.customer_ref,
            "subject_id": conversation.subject_id,
            "placeholders": conversation.placeholders,
            "revision": conversation.revision,
            "turn_count": conversation.turn_count,
            "created_at": conversation.created_at,
            "updated_at": conversation.updated_at,
            "handoff_reason": conversation.handoff_reason,
            "handoff_at": conversation.handoff_at,
        }
        with invalidating(self.conn):
            self._sql.conversation.one(self.cursor, row)
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
        values = {
            "p_id": conversation.id,
            "p_revision": conversation.revision,
            "p_status": status.value,
            "p_placeholders": conversation.placeholders,
            "p_updated_at": now,
            "p_new_revision": conversation.revision + 1,
            "p_turn_count": conversation.turn_count + turns,
            "p_handoff_reason": conversation.handoff_reason,
            "p_handoff_at": conversation.handoff_at,
            "p_assignee": conversation.assignee,
        }
        with invalidating(self.conn):
            changed = self._sql.advance.execute(self.cursor, values).rowcount
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
            with invalidating(self.conn):
                found = self._sql.last_seq.scalar(self.cursor, {"conversation_id": conversation_id})
            last = int(found or 0)
        rows = [_message_row(conversation_id, last + i, m) for i, m in enumerate(messages_, 1)]
        with invalidating(self.conn):
            self._sql.messages.many(self.cursor, rows)
        return [_message(r) for r in rows]

    def add_decision(self, decision: DecisionRecord) -> int:
        row = _decision_row(decision, decision.customer_seq)
        with invalidating(self.conn):
            return int(self._sql.decision.one(self.cursor, row))

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
        with invalidating(self.conn):
            self._sql.consents.many(self.cursor, _consent_rows(records))
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

    def add_approvals(self, approvals_: Sequence[ApprovalRecord]) -> None:
        if not approvals_:
            return
        self.conn.execute(
            insert(approvals),
            [
                {
                    "id": a.id,
                    "conversation_id": a.conversation_id,
                    "action": a.action,
                    "amount_minor": None if a.amount is None else round(a.amount * 100),
                    "currency": a.currency,
                    "rule": a.rule,
                    "ai_reason": a.ai_reason,
                    "status": a.status,
                    "requested_at": a.requested_at,
                }
                for a in approvals_
            ],
        )

    def decide_approval(self, decided: ApprovalRecord) -> None:
        changed = self.conn.execute(
            update(approvals)
            .where(approvals.c.id == decided.id, approvals.c.status == "pending")
            .values(
                status=decided.status,
                decided_by=decided.decided_by,
                decided_at=decided.decided_at,
                note=decided.note,
            )
        ).rowcount
        if changed != 1:
            raise ConflictError("this request was already decided")

    def add_draft(self, draft: AgentDraft) -> None:
        self.conn.execute(
            insert(agent_drafts).values(
                id=draft.id,
                conversation_id=draft.conversation_id,
                staff_name=draft.staff_name,
                text=draft.text,
                citations=list(draft.citations),
                confidence=draft.confidence,
                created_at=draft.created_at,
            )
        )

    def emit(self, event: Event) -> None:
        self.events.append(event)

    def stage(self, entries: Sequence[PendingEntry]) -> None:
        """Write ledger entries to the outbox, in this transaction."""
        rows = [{name: getattr(e, name) for name in _PENDING_COLUMNS} for e in entries]
        with invalidating(self.conn):
            self._sql.pending.many(self.cursor, rows)


T = TypeVar("T")
MAX_BATCH = 64
# What the ledger records of a unit's events (the entries its outbox receives).
Outbox = Callable[[Sequence[Event]], Sequence[PendingEntry]]


def _held_lock() -> threading.Lock:
    lock = threading.Lock()
    lock.acquire()
    return lock


@dataclass(eq=False, slots=True)
class _Unit:
    """One caller's work waiting for (or done by) a group commit."""

    work: Callable[[SqlTransaction], Any]
    # Released to wake its caller only: when its commit is done, or when it is to lead next.
    wake: threading.Lock = field(default_factory=_held_lock)
    done: bool = False
    result: Any = None
    error: BaseException | None = None
    events: list[Event] = field(default_factory=list)


class SqlUnitOfWork:
    """Runs each unit of work in one transaction and publishes its events after the commit.

    On SQLite, units that arrive while another commit is being made to disk are committed
    together (group commit): the caller that finds no commit under way leads, runs every
    waiting unit in one transaction — each in a savepoint of its own, so a unit that raises is
    rolled back alone — commits once, wakes the callers of that batch and hands the lead to the
    oldest caller still waiting (each caller is woken once, by its own lock). Nobody is answered
    before the commit that holds their writes has returned, so durability is that of a commit
    per unit, with one fsync for many. PostgreSQL commits concurrently on its own connections
    and gets one transaction per unit.
    """

    def __init__(
        self,
        engine: Engine,
        cipher: VaultCipher,
        bus: EventBus,
        outbox: Outbox | None = None,
    ) -> None:
        self.engine = engine
        self.cipher = cipher
        self.bus = bus
        # A unit's events become ledger entries written to the outbox inside the unit's own
        # transaction, so a committed change can never miss its ledger entry.
        self.outbox = outbox
        self._sql = _WriteSql(engine.dialect)
        self._group = engine.dialect.name == "sqlite"
        self._mutex = threading.Lock()
        self._queue: list[_Unit] = []
        self._leading = False

    def run(self, work: Callable[[SqlTransaction], T]) -> T:
        """Run ``work`` in a transaction; return its result once committed (or raise what it
        raised, with nothing of it written); then publish its events."""
        if not self._group:
            with write(self.engine) as conn:
                tx = SqlTransaction(conn, self.cipher, self._sql)
                result = work(tx)
                self._stage(tx)
            self.bus.publish(tx.events)
            return result
        unit = _Unit(work)
        with self._mutex:
            self._queue.append(unit)
            lead = not self._leading
            self._leading = True
        if not lead:
            unit.wake.acquire()  # until its batch is committed, or it is to lead the next
        if not unit.done:  # lead: commit what is waiting, oldest first (this unit is first)
            with self._mutex:
                batch, self._queue = self._queue[:MAX_BATCH], self._queue[MAX_BATCH:]
            try:
                self._commit(batch)
            finally:
                with self._mutex:
                    successor = self._queue[0] if self._queue else None
                    self._leading = successor is not None
                for other in batch:
                    if other is not unit:
                        other.wake.release()
                if successor is not None:
                    successor.wake.release()
        if unit.error is not None:
            raise unit.error
        self.bus.publish(unit.events)
        return cast(T, unit.result)

    def _stage(self, tx: SqlTransaction) -> None:
        if self.outbox is not None and tx.events:
            entries = self.outbox(tx.events)
            if entries:
                tx.stage(entries)

    def _commit(self, batch: list[_Unit]) -> None:
        """One transaction for the batch; each unit in a savepoint; one commit."""
        try:
            with write(self.engine) as conn:
                if len(batch) == 1:  # alone: the transaction itself is the unit's boundary
                    [unit] = batch
                    tx = SqlTransaction(conn, self.cipher, self._sql)
                    try:
                        unit.result = unit.work(tx)
                        self._stage(tx)
                    except Exception as exc:
                        unit.error = exc
                        raise  # rolls the transaction back
                    unit.events = tx.events
                    return
                # Savepoints on the driver's cursor (SQL only SQLite reads here: it runs group
                # commit); a unit's own nested savepoints, if any, nest inside its one.
                cursor = cursor_of(conn)
                for unit in batch:
                    tx = SqlTransaction(conn, self.cipher, self._sql)
                    cursor.execute("SAVEPOINT trustdesk_unit")
                    try:
                        unit.result = unit.work(tx)
                        self._stage(tx)
                    except Exception as exc:  # this unit only; the others go on
                        cursor.execute("ROLLBACK TO SAVEPOINT trustdesk_unit")
                        cursor.execute("RELEASE SAVEPOINT trustdesk_unit")
                        unit.error = exc
                    else:
                        cursor.execute("RELEASE SAVEPOINT trustdesk_unit")
                        unit.events = tx.events
        except BaseException as exc:  # the commit itself failed: nobody's writes happened
            for unit in batch:
                if unit.error is None:
                    failed = StoreError("the database could not commit; nothing was written")
                    failed.__cause__ = exc
                    unit.error = failed
                    unit.events = []
        finally:
            for unit in batch:
                unit.done = True
