"""SQL for retention purges and data subject requests (export and erasure)."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, exists, func, insert, or_, select, update
from sqlalchemy.orm import aliased

from trustdesk.privacy.requests import Scope
from trustdesk.privacy.retention import Cutoffs
from trustdesk.privacy.vault import VaultCipher
from trustdesk.store import vault_store
from trustdesk.store.repository import _aware, consent_from_row
from trustdesk.store.tables import (
    consents,
    conversations,
    customer_attributes,
    customer_subjects,
    data_keys,
    decisions,
    messages,
    purge_log,
    reveal_log,
    subject_requests,
    vault_entries,
)
from trustdesk.store.transactions import read, write


def _iso(value: datetime | None) -> str | None:
    return _aware(value).isoformat() if value else None


class SqlPrivacyStore:
    """Every operation is one transaction; erasure and purges never half-happen."""

    def __init__(self, engine: Engine, cipher: VaultCipher) -> None:
        self.engine = engine
        self.cipher = cipher

    # -- retention -----------------------------------------------------------------------

    def purge(self, cut: Cutoffs, now: datetime) -> dict[str, int]:
        """Delete what expired; log each class with its count (never content)."""
        with write(self.engine) as conn:
            counts = {
                "transcripts": self._purge_transcripts(conn, cut, now),
                "vault": conn.execute(
                    delete(vault_entries).where(vault_entries.c.created_at < cut.vault)
                ).rowcount,
                "decision_records": conn.execute(
                    delete(decisions).where(decisions.c.created_at < cut.decision_records)
                ).rowcount,
                "consents": self._purge_superseded_consents(conn, cut.consents),
            }
            # Content-free conversation stubs go once no decision record refers to them.
            conn.execute(
                delete(conversations).where(
                    conversations.c.erased_at.is_not(None),
                    ~exists().where(decisions.c.conversation_id == conversations.c.id),
                )
            )
            cutoff_of = {
                "transcripts": cut.transcripts_without_consent,
                "vault": cut.vault,
                "decision_records": cut.decision_records,
                "consents": cut.consents,
            }
            conn.execute(
                insert(purge_log),
                [
                    {"data_class": k, "deleted": v, "cutoff": cutoff_of[k], "ran_at": now}
                    for k, v in counts.items()
                ],
            )
        self._release_freed_pages()
        return counts

    def _purge_transcripts(self, conn: Connection, cut: Cutoffs, now: datetime) -> int:
        latest = aliased(consents)
        newer = aliased(consents)
        # Subjects whose newest transcript_storage consent is a yes keep transcripts longer.
        consented = (
            select(latest.c.subject_id)
            .where(
                latest.c.purpose == "transcript_storage",
                latest.c.granted.is_(True),
                ~exists().where(
                    newer.c.subject_id == latest.c.subject_id,
                    newer.c.purpose == "transcript_storage",
                    or_(
                        newer.c.recorded_at > latest.c.recorded_at,
                        and_(newer.c.recorded_at == latest.c.recorded_at, newer.c.id > latest.c.id),
                    ),
                ),
            )
            .scalar_subquery()
        )
        expired = conn.execute(
            select(conversations.c.id, conversations.c.subject_id).where(
                conversations.c.erased_at.is_(None),
                or_(
                    conversations.c.updated_at < cut.transcripts,
                    and_(
                        conversations.c.updated_at < cut.transcripts_without_consent,
                        conversations.c.subject_id.not_in(consented),
                    ),
                ),
            )
        ).all()
        ids = [row.id for row in expired]
        if ids:
            self._scrub_conversations(conn, ids, now)
        return len(ids)

    @staticmethod
    def _purge_superseded_consents(conn: Connection, cutoff: datetime) -> int:
        newer = aliased(consents)
        return conn.execute(
            delete(consents).where(
                consents.c.recorded_at < cutoff,
                exists().where(
                    newer.c.subject_id == consents.c.subject_id,
                    newer.c.purpose == consents.c.purpose,
                    newer.c.id > consents.c.id,
                ),
            )
        ).rowcount

    @staticmethod
    def _scrub_conversations(conn: Connection, ids: list[str], now: datetime) -> dict[str, int]:
        """Remove every personal trace of these conversations; keep a content-free stub that
        decision records can still point to."""
        where_conv = messages.c.conversation_id.in_(ids)
        counts = {
            "messages": conn.execute(delete(messages).where(where_conv)).rowcount,
            "attributes": conn.execute(
                delete(customer_attributes).where(customer_attributes.c.conversation_id.in_(ids))
            ).rowcount,
            "vault_entries": conn.execute(
                delete(vault_entries).where(vault_entries.c.conversation_id.in_(ids))
            ).rowcount,
            # A withheld draft is part of the transcript; the decision record itself stays.
            "withheld_drafts": conn.execute(
                update(decisions)
                .where(
                    decisions.c.conversation_id.in_(ids), decisions.c.withheld_draft.is_not(None)
                )
                .values(withheld_draft=None)
            ).rowcount,
        }
        for conversation_id in ids:
            conn.execute(
                update(conversations)
                .where(conversations.c.id == conversation_id)
                .values(
                    customer_ref=None,
                    subject_id=None,
                    placeholders={},
                    # The old token must open nothing any more.
                    token_hash=secrets.token_hex(32),
                    status="resolved",
                    erased_at=now,
                    revision=conversations.c.revision + 1,
                )
            )
        return counts

    def purge_history(self, limit: int = 50) -> list[dict[str, Any]]:
        with read(self.engine) as conn:
            rows = conn.execute(
                select(purge_log).order_by(purge_log.c.id.desc()).limit(limit)
            ).mappings()
            return [
                {
                    "data_class": r["data_class"],
                    "deleted": r["deleted"],
                    "cutoff": _iso(r["cutoff"]),
                    "ran_at": _iso(r["ran_at"]),
                }
                for r in rows
            ]

    # -- data subject requests -----------------------------------------------------------

    def resolve(self, reference: str) -> Scope | None:
        """What a privacy officer's CUSTOMER argument names: ``conversation:<id>`` one
        conversation, anything else a vouched customer's reference. None when unknown."""
        with read(self.engine) as conn:
            if reference.startswith("conversation:"):
                cid = reference.removeprefix("conversation:")
                subject = conn.execute(
                    select(conversations.c.subject_id).where(
                        conversations.c.id == cid, conversations.c.erased_at.is_(None)
                    )
                ).scalar_one_or_none()
                return Scope(subject, cid) if subject else None
            subject = conn.execute(
                select(customer_subjects.c.subject_id).where(
                    customer_subjects.c.customer_ref == reference
                )
            ).scalar_one_or_none()
            return Scope(subject) if subject else None

    def subject_data(self, scope: Scope) -> dict[str, Any]:
        """Everything held about one subject (or one of their conversations), their own values
        filled back in."""
        from trustdesk.privacy.refill import refill

        where = [conversations.c.subject_id == scope.subject_id]
        if scope.conversation_id is not None:
            where.append(conversations.c.id == scope.conversation_id)
        with read(self.engine) as conn:
            convs = (
                conn.execute(
                    select(conversations).where(*where).order_by(conversations.c.created_at)
                )
                .mappings()
                .all()
            )
            out = []
            for c in convs:
                originals = vault_store.reveal(conn, self.cipher, c["id"])
                msgs = conn.execute(
                    select(messages)
                    .where(messages.c.conversation_id == c["id"])
                    .order_by(messages.c.seq)
                ).mappings()
                decs = conn.execute(
                    select(decisions)
                    .where(decisions.c.conversation_id == c["id"])
                    .order_by(decisions.c.id)
                ).mappings()
                reveals = conn.execute(
                    select(reveal_log)
                    .where(reveal_log.c.conversation_id == c["id"])
                    .order_by(reveal_log.c.id)
                ).mappings()
                attrs = conn.execute(
                    select(customer_attributes).where(
                        customer_attributes.c.conversation_id == c["id"]
                    )
                ).mappings()
                out.append(
                    {
                        "id": c["id"],
                        "customer_ref": c["customer_ref"],
                        "status": c["status"],
                        "created_at": _iso(c["created_at"]),
                        "updated_at": _iso(c["updated_at"]),
                        "policy_version": c["policy_version"],
                        "messages": [
                            {
                                "seq": m["seq"],
                                "role": m["role"],
                                "ai": m["ai"],
                                "text": refill(m["text"], originals),
                                "citations": m["citations"],
                                "created_at": _iso(m["created_at"]),
                            }
                            for m in msgs
                        ],
                        "decisions": [
                            {
                                "route": d["route"],
                                "backend": d["backend"],
                                "reason": d["reason"],
                                "findings": d["findings"],
                                "policy_version": d["policy_version"],
                                "created_at": _iso(d["created_at"]),
                                # The assistant's draft you were not sent as written.
                                "withheld_draft": refill(d["withheld_draft"], originals)
                                if d["withheld_draft"]
                                else None,
                            }
                            for d in decs
                        ],
                        "attributes": {a["name"]: a["value"] for a in attrs},
                        # Who among staff saw your details, and why (Art. 15(1)(c)).
                        "reveals": [
                            {
                                "staff_role": r["role"],
                                "reason": r["reason"],
                                "revealed_at": _iso(r["revealed_at"]),
                            }
                            for r in reveals
                        ],
                    }
                )
            consent_where = [consents.c.subject_id == scope.subject_id]
            if scope.conversation_id is not None:
                consent_where.append(consents.c.conversation_id == scope.conversation_id)
            consent_rows = conn.execute(
                select(consents)
                .where(*consent_where)
                .order_by(consents.c.recorded_at, consents.c.id)
            ).mappings()
            history = [consent_from_row(r).to_json() for r in consent_rows]
        return {"conversations": out, "consents": history}

    def erase(self, scope: Scope, now: datetime) -> dict[str, Any]:
        """Erase a subject (or one of their conversations) everywhere. When nothing of the
        subject remains, their consents, customer reference and data key go too (the key is
        destroyed, so backups of their vault entries can no longer be opened)."""
        subject = scope.subject_id
        with write(self.engine) as conn:
            where = [conversations.c.subject_id == subject, conversations.c.erased_at.is_(None)]
            if scope.conversation_id is not None:
                where.append(conversations.c.id == scope.conversation_id)
            ids = list(conn.execute(select(conversations.c.id).where(*where)).scalars())
            counts = self._scrub_conversations(conn, ids, now) if ids else {}
            counts["conversations"] = len(ids)
            remaining = conn.execute(
                select(func.count()).where(
                    conversations.c.subject_id == subject, conversations.c.erased_at.is_(None)
                )
            ).scalar_one()
            key_destroyed = False
            counts["consents"] = 0
            if remaining == 0:
                counts["consents"] = conn.execute(
                    delete(consents).where(consents.c.subject_id == subject)
                ).rowcount
                key_destroyed = vault_store.destroy_key(conn, subject, now)
                # The data-key row and the reference mapping name the subject: no trace stays.
                conn.execute(delete(data_keys).where(data_keys.c.subject_id == subject))
                conn.execute(
                    delete(customer_subjects).where(customer_subjects.c.subject_id == subject)
                )
        self._release_freed_pages()
        return {"erased": counts, "data_key_destroyed": key_destroyed}

    def add_request(self, row: dict[str, Any]) -> None:
        with write(self.engine) as conn:
            conn.execute(insert(subject_requests).values(**row))

    def complete_request(self, request_id: str, now: datetime, receipt: dict[str, Any]) -> None:
        with write(self.engine) as conn:
            conn.execute(
                update(subject_requests)
                .where(subject_requests.c.id == request_id)
                .values(completed_at=now, receipt=receipt)
            )

    def list_requests(self) -> list[dict[str, Any]]:
        with read(self.engine) as conn:
            rows = conn.execute(
                select(subject_requests).order_by(subject_requests.c.received_at)
            ).mappings()
            return [
                {
                    "id": r["id"],
                    "kind": r["kind"],
                    "subject_digest": r["subject_digest"],
                    "received_at": _iso(r["received_at"]),
                    "deadline": _iso(r["deadline"]),
                    "completed_at": _iso(r["completed_at"]),
                }
                for r in rows
            ]

    def _release_freed_pages(self) -> None:
        """SQLite: fold the WAL back into the (secure_delete) database file and truncate it,
        so old page images with erased values do not linger in the WAL."""
        # PostgreSQL: dead tuples are unreachable to every query; autovacuum reclaims them.
        if self.engine.dialect.name != "sqlite":
            return
        raw = self.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
        finally:
            raw.close()
