"""SQL implementation of the conversation store port, and the knowledge-base store."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, bindparam, delete, func, insert, select
from sqlalchemy.engine import RowMapping

from trustdesk.assistant.knowledge import Passage, knowledge_version
from trustdesk.conversation.ports import LoadedConversation
from trustdesk.conversation.records import (
    ConversationRecord,
    DecisionRecord,
    MessageRecord,
    Role,
    Status,
)
from trustdesk.privacy.consent import ConsentRecord, Purpose
from trustdesk.privacy.vault import VaultCipher
from trustdesk.store import vault_store
from trustdesk.store.driver import DriverSnapshot, DriverStatement
from trustdesk.store.tables import (
    consents as consent_table,
)
from trustdesk.store.tables import (
    conversations,
    customer_attributes,
    customer_subjects,
    decisions,
    kb_passages,
    messages,
)
from trustdesk.store.transactions import read, write


def _aware(value: datetime) -> datetime:
    # SQLite returns naive datetimes; everything is stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _conversation(row: Mapping[str, Any] | RowMapping) -> ConversationRecord:
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
        turn_count=row["turn_count"],
        last_seq=row.get("last_seq"),
        handoff_reason=row["handoff_reason"],
        handoff_at=_aware(row["handoff_at"]) if row["handoff_at"] is not None else None,
        assignee=row["assignee"],
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
        author=row.get("author"),
        from_draft=row.get("from_draft"),
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
        "author": m.author,
        "from_draft": m.from_draft,
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
        "withheld_draft": decision.withheld_draft,
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


def _load_query(key_column: ColumnElement[str]) -> Select[Any]:
    """A conversation with the ai_assistance consent in force for its subject and its last
    message's seq, in one statement. Built once: the hot path only binds the key."""
    ai_consent = (
        select(consent_table.c.granted)
        .where(
            consent_table.c.subject_id == conversations.c.subject_id,
            consent_table.c.purpose == Purpose.AI_ASSISTANCE.value,
        )
        .order_by(consent_table.c.recorded_at.desc(), consent_table.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    last_seq = (
        select(func.coalesce(func.max(messages.c.seq), 0))
        .where(messages.c.conversation_id == conversations.c.id)
        .scalar_subquery()
    )
    return select(conversations, ai_consent.label("ai_consent"), last_seq.label("last_seq")).where(
        key_column == bindparam("key")
    )


_LOAD_BY_TOKEN = _load_query(conversations.c.token_hash)
_LOAD_BY_ID = _load_query(conversations.c.id)
_RECENT = (
    select(messages)
    .where(messages.c.conversation_id == bindparam("conversation_id"))
    .order_by(messages.c.seq.desc())
    .limit(bindparam("n"))
)


class SqlConversationStore:
    """Reads of conversations, each one read transaction (a snapshot that takes no lock).

    Everything a turn writes goes through :class:`trustdesk.store.unit_of_work.SqlUnitOfWork`.
    """

    def __init__(self, engine: Engine, cipher: VaultCipher) -> None:
        self.engine = engine
        self.cipher = cipher
        # A turn's load reads through the driver: it is what every turn does first.
        self._driver = (
            DriverSnapshot(engine) if engine.dialect.name in ("sqlite", "postgresql") else None
        )
        self._load_by = {
            "token": DriverStatement(engine.dialect, _LOAD_BY_TOKEN),
            "id": DriverStatement(engine.dialect, _LOAD_BY_ID),
        }
        self._recent = DriverStatement(engine.dialect, _RECENT)

    def load_turn(
        self,
        conversation_id: str | None = None,
        token_hash: str | None = None,
        history: int = 0,
    ) -> LoadedConversation | None:
        """The conversation (by id, or the one a token opens), the customer's ai_assistance
        consent in force and the last ``history`` messages, in one snapshot; None if none."""
        if token_hash is not None:
            query, key, by = _LOAD_BY_TOKEN, token_hash, "token"
        elif conversation_id is not None:
            query, key, by = _LOAD_BY_ID, conversation_id, "id"
        else:
            raise ValueError("load_turn needs a conversation id or a token hash")
        if self._driver is not None:
            with self._driver.cursor(statements=2 if history > 0 else 1) as cursor:
                found = self._load_by[by].rows(cursor, {"key": key}, limit=1)
                if not found:
                    return None
                latest = []
                if history > 0:
                    values = {"conversation_id": found[0]["id"], "n": history}
                    latest = self._recent.rows(cursor, values)
            consent = found[0]["ai_consent"]
            return LoadedConversation(
                _conversation(found[0]),
                None if consent is None else bool(consent),
                tuple(_message(r) for r in reversed(latest)),
            )
        with read(self.engine) as conn:
            row = conn.execute(query, {"key": key}).mappings().first()
            if row is None:
                return None
            conversation = _conversation(row)
            recent: list[MessageRecord] = []
            if history > 0:
                rows = conn.execute(
                    _RECENT, {"conversation_id": conversation.id, "n": history}
                ).mappings()
                recent = [_message(r) for r in rows][::-1]
        consent = row["ai_consent"]
        return LoadedConversation(
            conversation, None if consent is None else bool(consent), tuple(recent)
        )

    def get_conversation(self, conversation_id: str) -> ConversationRecord | None:
        with read(self.engine) as conn:
            row = (
                conn.execute(select(conversations).where(conversations.c.id == conversation_id))
                .mappings()
                .first()
            )
        return _conversation(row) if row else None

    def subject_of(self, customer_ref: str) -> str | None:
        """The opaque subject key of a vouched customer, if they have one."""
        with read(self.engine) as conn:
            return conn.execute(
                select(customer_subjects.c.subject_id).where(
                    customer_subjects.c.customer_ref == customer_ref
                )
            ).scalar_one_or_none()

    def conversations_of(self, subject_id: str) -> list[ConversationRecord]:
        with read(self.engine) as conn:
            rows = conn.execute(
                select(conversations)
                .where(conversations.c.subject_id == subject_id)
                .order_by(conversations.c.created_at, conversations.c.id)
            ).mappings()
            return [_conversation(r) for r in rows]

    def count_started_since(self, subject_id: str, since: datetime) -> tuple[int, datetime | None]:
        """How many conversations a subject started since ``since``, and the oldest of them."""
        with read(self.engine) as conn:
            count, oldest = conn.execute(
                select(func.count(), func.min(conversations.c.created_at)).where(
                    conversations.c.subject_id == subject_id,
                    conversations.c.created_at >= since,
                )
            ).one()
        return int(count), _aware(oldest) if oldest is not None else None

    def originals(self, conversation_id: str) -> dict[str, str]:
        with read(self.engine) as conn:
            return vault_store.reveal(conn, self.cipher, conversation_id)

    def current_consents(self, subject_id: str) -> dict[Purpose, ConsentRecord]:
        with read(self.engine) as conn:
            rows = conn.execute(
                select(consent_table)
                .where(consent_table.c.subject_id == subject_id)
                .order_by(consent_table.c.recorded_at, consent_table.c.id)
            ).mappings()
            # Rows are in time order, so the last one per purpose is the one in force.
            return {record.purpose: record for record in map(consent_from_row, rows)}

    def list_messages(
        self, conversation_id: str, after: int = 0, limit: int | None = None
    ) -> list[MessageRecord]:
        """Messages in order; ``after`` a sequence number, at most ``limit`` of them."""
        query = (
            select(messages)
            .where(messages.c.conversation_id == conversation_id, messages.c.seq > after)
            .order_by(messages.c.seq)
        )
        if limit is not None:
            query = query.limit(limit)
        with read(self.engine) as conn:
            return [_message(r) for r in conn.execute(query).mappings()]

    def list_decisions(self, conversation_id: str) -> list[DecisionRecord]:
        with read(self.engine) as conn:
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
                    withheld_draft=r["withheld_draft"],
                )
                for r in rows
            ]

    def attributes(self, conversation_id: str) -> dict[str, str]:
        with read(self.engine) as conn:
            rows = conn.execute(
                select(customer_attributes.c.name, customer_attributes.c.value).where(
                    customer_attributes.c.conversation_id == conversation_id
                )
            )
            return {name: value for name, value in rows}


class SqlKnowledgeStore:
    """The ingested knowledge bases: the default one (language ``""``) and any per language.

    An ingest replaces one language's passages atomically and leaves the others as they are.
    A language's passages are cited as ``<language>/<file>.md#<section>`` so that sources stay
    unique across languages (a default knowledge base's files never contain "/").
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def replace(self, passages: Sequence[Passage], language: str = "") -> str:
        """Store ``passages`` as the knowledge base of ``language`` ("" the default one),
        replacing that language's previous passages; returns their version."""
        version = knowledge_version(list(passages))
        now = datetime.now(UTC)
        prefix = f"{language}/" if language else ""
        with write(self.engine) as conn:
            conn.execute(delete(kb_passages).where(kb_passages.c.language == language))
            conn.execute(
                insert(kb_passages),
                [
                    {
                        "source": prefix + p.source,
                        "title": p.title,
                        "text": p.text,
                        "kb_version": version,
                        "ingested_at": now,
                        "language": language,
                        "asked": "\n".join(p.asked),
                    }
                    for p in passages
                ],
            )
        return version

    def remove(self, language: str) -> int:
        """Delete the knowledge base of ``language`` (a language's own: never the default);
        returns how many passages it had."""
        if not language:
            raise ValueError("the default knowledge base is replaced, not removed")
        with write(self.engine) as conn:
            return int(
                conn.execute(delete(kb_passages).where(kb_passages.c.language == language)).rowcount
            )

    def load(self) -> list[Passage]:
        return self.load_versioned()[1]

    def load_versioned(self) -> tuple[str | None, list[Passage]]:
        """The default knowledge base's passages and the version of the stored knowledge bases
        together (:meth:`version`: the default one's own when it is the only one), read in one
        snapshot; (None, []) when no default one is stored."""
        version, by_language = self.load_languages()
        return (version, by_language.get("", [])) if "" in by_language else (None, [])

    def load_languages(self) -> tuple[str | None, dict[str, list[Passage]]]:
        """Every stored knowledge base, by language ("" the default one), and the version of
        them all together (:meth:`version`), read in one snapshot."""
        with read(self.engine) as conn:
            rows = list(
                conn.execute(
                    select(kb_passages).order_by(kb_passages.c.language, kb_passages.c.source)
                ).mappings()
            )
        by_language: dict[str, list[Passage]] = {}
        versions: dict[str, str] = {}
        for r in rows:
            by_language.setdefault(r["language"], []).append(
                Passage(
                    r["source"], r["title"], r["text"], tuple(filter(None, r["asked"].split("\n")))
                )
            )
            versions[r["language"]] = r["kb_version"]
        return _combined(versions), by_language

    def languages(self) -> dict[str, tuple[str, int]]:
        """Each stored knowledge base's language ("" the default), version and passage count."""
        with read(self.engine) as conn:
            rows = conn.execute(
                select(kb_passages.c.language, kb_passages.c.kb_version, func.count())
                .group_by(kb_passages.c.language, kb_passages.c.kb_version)
                .order_by(kb_passages.c.language)
            ).all()
        return {language: (version, int(n)) for language, version, n in rows}

    def version(self) -> str | None:
        """The version of the stored knowledge bases together (None: none stored): one small
        query, which running servers make every few seconds to pick up a new ingest. With only
        the default knowledge base it is that knowledge base's own version."""
        with read(self.engine) as conn:
            rows = conn.execute(
                select(kb_passages.c.language, kb_passages.c.kb_version).distinct()
            ).all()
        return _combined(dict(rows))


def _combined(versions: Mapping[str, str]) -> str | None:
    """One version for several knowledge bases: the default one's alone when it is the only
    one (so a version printed by ``kb ingest`` is the one a server reports)."""
    if not versions:
        return None
    if set(versions) == {""}:
        return versions[""]
    digest = hashlib.sha256(
        "\n".join(f"{lang}={v}" for lang, v in sorted(versions.items())).encode()
    )
    return "sha256:" + digest.hexdigest()
