"""SQL for the customer's voice: feedback and incidents (docs/feedback.md).

Writes run inside the caller's unit of work (``tx`` is the :class:`SqlTransaction`), so the
row, the conversation's placeholder state, the vault entries and the ledger entry commit
together. The privacy methods (export, erase, purge) are what ``PrivacyService`` calls for the
``feedback`` data class.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, delete, func, insert, select, text, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import IntegrityError

from trustdesk.conversation.feedback import FeedbackRecord
from trustdesk.conversation.incidents import CLOSED, IncidentRecord, IncidentStatus
from trustdesk.conversation.ports import Transaction
from trustdesk.errors import ConflictError
from trustdesk.privacy.requests import Scope
from trustdesk.privacy.vault import VaultCipher
from trustdesk.store import vault_store
from trustdesk.store.repository import _aware
from trustdesk.store.tables import conversations, feedback, incidents, purge_log
from trustdesk.store.transactions import read, write
from trustdesk.store.unit_of_work import SqlTransaction

# First half of the advisory lock key that serialises opening incidents per alert key ("tdal").
ALERT_LOCK_CLASS = 0x7464616C


def _conn(tx: Transaction) -> Connection:
    return cast(SqlTransaction, tx).conn


def _feedback(row: RowMapping) -> FeedbackRecord:
    return FeedbackRecord(
        conversation_id=row["conversation_id"],
        rating=int(row["rating"]),
        solved=None if row["solved"] is None else bool(row["solved"]),
        comment=row["comment"],
        created_at=_aware(row["created_at"]),
        updated_at=_aware(row["updated_at"]),
        updates=int(row["updates"]),
    )


def _incident(row: RowMapping) -> IncidentRecord:
    return IncidentRecord(
        id=row["id"],
        conversation_id=row["conversation_id"],
        message_seq=None if row["message_seq"] is None else int(row["message_seq"]),
        source=row["source"],
        category=row["category"],
        comment=row["comment"],
        reporter=row["reporter"],
        status=IncidentStatus(row["status"]),
        created_at=_aware(row["created_at"]),
        updated_at=_aware(row["updated_at"]),
        owner=row["owner"],
        resolution_note=row["resolution_note"],
        revision=int(row["revision"]),
        subject=row["subject"],
        alert_key=row["alert_key"],
    )


def _incident_values(record: IncidentRecord) -> dict[str, Any]:
    return {
        "status": record.status.value,
        "owner": record.owner,
        "resolution_note": record.resolution_note,
        "revision": record.revision,
        "updated_at": record.updated_at,
    }


class SqlFeedbackStore:
    """Feedback and incidents on SQLAlchemy Core."""

    def __init__(self, engine: Engine, cipher: VaultCipher) -> None:
        self.engine = engine
        self.cipher = cipher

    # -- feedback ------------------------------------------------------------------------

    def feedback_of(self, conversation_id: str) -> FeedbackRecord | None:
        with read(self.engine) as conn:
            row = (
                conn.execute(select(feedback).where(feedback.c.conversation_id == conversation_id))
                .mappings()
                .first()
            )
        return None if row is None else _feedback(row)

    def save_feedback(
        self, tx: Transaction, record: FeedbackRecord, previous: FeedbackRecord | None
    ) -> None:
        conn = _conn(tx)
        values = {
            "rating": record.rating,
            "solved": record.solved,
            "comment": record.comment,
            "updates": record.updates,
            "updated_at": record.updated_at,
        }
        if previous is None:
            try:
                with conn.begin_nested():
                    conn.execute(
                        insert(feedback).values(
                            conversation_id=record.conversation_id,
                            created_at=record.created_at,
                            **values,
                        )
                    )
            except IntegrityError:
                raise ConflictError(
                    "feedback on this conversation was given at the same moment; send it again"
                ) from None
            return
        changed = conn.execute(
            update(feedback)
            .where(
                feedback.c.conversation_id == record.conversation_id,
                feedback.c.updates == previous.updates,
            )
            .values(**values)
        ).rowcount
        if changed != 1:
            raise ConflictError("the feedback changed while this was sent; send it again")

    # -- incidents -----------------------------------------------------------------------

    def incidents(self, statuses: Sequence[str] | None, limit: int) -> list[IncidentRecord]:
        query = select(incidents).order_by(incidents.c.created_at.desc(), incidents.c.id)
        if statuses is not None:
            query = query.where(incidents.c.status.in_(list(statuses)))
        with read(self.engine) as conn:
            rows = conn.execute(query.limit(limit)).mappings().all()
        return [_incident(r) for r in rows]

    def get_incident(self, incident_id: str) -> IncidentRecord | None:
        with read(self.engine) as conn:
            row = (
                conn.execute(select(incidents).where(incidents.c.id == incident_id))
                .mappings()
                .first()
            )
        return None if row is None else _incident(row)

    def concern_count(self, conversation_id: str) -> int:
        with read(self.engine) as conn:
            return int(
                conn.execute(
                    select(func.count()).where(incidents.c.conversation_id == conversation_id)
                ).scalar_one()
            )

    def reported_by_customer(self, conversation_id: str, message_seq: int) -> bool:
        with read(self.engine) as conn:
            found = conn.execute(
                select(incidents.c.id)
                .where(
                    incidents.c.conversation_id == conversation_id,
                    incidents.c.message_seq == message_seq,
                    incidents.c.source == "customer",
                )
                .limit(1)
            ).first()
        return found is not None

    def add_incident(self, tx: Transaction, record: IncidentRecord) -> None:
        _conn(tx).execute(
            insert(incidents).values(
                id=record.id,
                conversation_id=record.conversation_id,
                message_seq=record.message_seq,
                source=record.source,
                reporter=record.reporter,
                category=record.category,
                comment=record.comment,
                created_at=record.created_at,
                subject=record.subject,
                alert_key=record.alert_key,
                **_incident_values(record),
            )
        )

    def add_system_incident(self, tx: Transaction, record: IncidentRecord) -> IncidentRecord | None:
        """Insert ``record`` unless an incident with its alert key is open or being
        investigated (then return that one). On PostgreSQL a transaction-scoped advisory lock
        on the key makes the check and the insert one step for every process; on SQLite the
        write transaction (``BEGIN IMMEDIATE``) already holds the database's write lock."""
        conn = _conn(tx)
        if record.alert_key is not None:
            if conn.dialect.name == "postgresql":
                conn.execute(
                    text("SELECT pg_advisory_xact_lock(:cls, hashtext(:key))"),
                    {"cls": ALERT_LOCK_CLASS, "key": record.alert_key},
                )
            row = (
                conn.execute(
                    select(incidents)
                    .where(
                        incidents.c.alert_key == record.alert_key,
                        incidents.c.status.not_in([s.value for s in CLOSED]),
                    )
                    .order_by(incidents.c.created_at.desc())
                    .limit(1)
                )
                .mappings()
                .first()
            )
            if row is not None:
                return _incident(row)
        self.add_incident(tx, record)
        return None

    def update_incident(self, tx: Transaction, record: IncidentRecord) -> None:
        changed = (
            _conn(tx)
            .execute(
                update(incidents)
                .where(incidents.c.id == record.id, incidents.c.revision == record.revision - 1)
                .values(**_incident_values(record))
            )
            .rowcount
        )
        if changed != 1:
            raise ConflictError("someone else changed this incident first; reload it")

    # -- the feedback data class: export, erasure, retention -------------------------------

    @staticmethod
    def _in_scope(conn: Connection, scope: Scope) -> list[str]:
        where = [
            conversations.c.subject_id == scope.subject_id,
            conversations.c.erased_at.is_(None),
        ]
        if scope.conversation_id is not None:
            where.append(conversations.c.id == scope.conversation_id)
        return list(conn.execute(select(conversations.c.id).where(*where)).scalars())

    def export(self, scope: Scope) -> dict[str, Any]:
        """The customer's feedback and the concerns they reported, their own values filled
        back in."""
        with read(self.engine) as conn:
            ids = self._in_scope(conn, scope)
            given = (
                conn.execute(
                    select(feedback)
                    .where(feedback.c.conversation_id.in_(ids))
                    .order_by(feedback.c.created_at)
                )
                .mappings()
                .all()
            )
            concerns = (
                conn.execute(
                    select(incidents)
                    .where(incidents.c.conversation_id.in_(ids), incidents.c.source == "customer")
                    .order_by(incidents.c.created_at)
                )
                .mappings()
                .all()
            )
            wanted = {r["conversation_id"] for r in given if r["comment"]} | {
                r["conversation_id"] for r in concerns
            }
            originals = {cid: vault_store.reveal(conn, self.cipher, cid) for cid in wanted}
        return {
            "feedback": [
                {
                    "conversation_id": r["conversation_id"],
                    **_feedback(r).to_json(originals.get(r["conversation_id"], {})),
                }
                for r in given
            ],
            "concerns": [
                {
                    "conversation_id": r["conversation_id"],
                    **_incident(r).for_customer(originals.get(r["conversation_id"], {})),
                }
                for r in concerns
            ],
        }

    def erase(self, scope: Scope, now: datetime) -> dict[str, int]:
        """Delete the feedback in scope and clear the comments of the concerns the customer
        reported (the incidents stay, as a record of what was looked into)."""
        with write(self.engine) as conn:
            ids = self._in_scope(conn, scope)
            if not ids:
                return {"feedback": 0, "concern_comments": 0}
            deleted = conn.execute(
                delete(feedback).where(feedback.c.conversation_id.in_(ids))
            ).rowcount
            cleared = conn.execute(
                update(incidents)
                .where(
                    incidents.c.conversation_id.in_(ids),
                    incidents.c.source == "customer",
                    incidents.c.comment.is_not(None),
                )
                .values(comment=None)
            ).rowcount
        return {"feedback": deleted, "concern_comments": cleared}

    def purge(self, cutoff: datetime, now: datetime) -> int:
        """Delete feedback last changed before ``cutoff``; log the count (never content)."""
        with write(self.engine) as conn:
            deleted = conn.execute(delete(feedback).where(feedback.c.updated_at < cutoff)).rowcount
            conn.execute(
                insert(purge_log).values(
                    data_class="feedback", deleted=deleted, cutoff=cutoff, ran_at=now
                )
            )
        return int(deleted)
