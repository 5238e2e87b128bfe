"""SQLAlchemy tables. Message text is always redacted before it reaches these tables."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

conversations = Table(
    "conversations",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("status", String(20), nullable=False),
    Column("policy_version", String(80), nullable=False),
    Column("customer_ref", String(64), nullable=True, index=True),
    # Whose data this is: an opaque key (see customer_subjects); never chosen by a caller.
    Column("subject_id", String(80), nullable=True, index=True),
    Column("erased_at", DateTime(timezone=True), nullable=True),
    Column("placeholders", JSON, nullable=False),
    Column("revision", Integer, nullable=False, default=0),
    # Customer turns taken, for the policy's limit per conversation.
    Column("turn_count", Integer, nullable=False, default=0, server_default="0"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # Why and since when a person was brought in (conversation.handoff.HandoffReason), and
    # which staff member claimed it; cleared when handed back to the AI.
    Column("handoff_reason", String(40), nullable=True),
    Column("handoff_at", DateTime(timezone=True), nullable=True),
    Column("assignee", String(64), nullable=True),
    Index("ix_conversations_subject_created", "subject_id", "created_at"),
)

# A customer the business vouched for (signed identity or service key) -> their opaque subject
# key. Anonymous conversations have a subject of their own and no row here.
customer_subjects = Table(
    "customer_subjects",
    metadata,
    Column("customer_ref", String(64), primary_key=True),
    Column("subject_id", String(80), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

messages = Table(
    "messages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "conversation_id",
        String(36),
        ForeignKey("conversations.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("seq", Integer, nullable=False),
    Column("role", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("ai", Boolean, nullable=False),
    Column("citations", JSON, nullable=False),
    Column("confidence", Float, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # A person's reply: the display name the customer sees, and whether it began as an
    # assistant draft (agent assist).
    Column("author", String(80), nullable=True),
    Column("from_draft", Boolean, nullable=True),
    UniqueConstraint("conversation_id", "seq", name="uq_messages_conversation_seq"),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "conversation_id",
        String(36),
        ForeignKey("conversations.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("customer_seq", Integer, nullable=True),
    Column("route", String(32), nullable=False),
    Column("backend", String(32), nullable=True),
    Column("policy_version", String(80), nullable=False),
    Column("findings", JSON, nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_decisions_conversation", "conversation_id"),
)

# Self-reported attributes for fairness audits: separate from transcripts, stored only with
# the customer's consent.
customer_attributes = Table(
    "customer_attributes",
    metadata,
    Column(
        "conversation_id",
        String(36),
        ForeignKey("conversations.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("name", String(40), primary_key=True),
    Column("value", String(100), nullable=False),
    Column("consented_at", DateTime(timezone=True), nullable=False),
)

kb_passages = Table(
    "kb_passages",
    metadata,
    Column("source", String(300), primary_key=True),
    Column("title", String(500), nullable=False),
    Column("text", Text, nullable=False),
    Column("kb_version", String(80), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

# One AES-256 data key per customer, stored only wrapped by the master-derived key.
data_keys = Table(
    "data_keys",
    metadata,
    Column("subject_id", String(80), primary_key=True),
    Column("wrapped_key", LargeBinary, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("destroyed_at", DateTime(timezone=True), nullable=True),
)

# The originals behind placeholders, encrypted with the customer's data key.
vault_entries = Table(
    "vault_entries",
    metadata,
    Column(
        "conversation_id",
        String(36),
        ForeignKey("conversations.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("placeholder", String(64), primary_key=True),
    Column("subject_id", String(80), nullable=False, index=True),
    Column("sealed", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Consent history, append-only: the newest row per subject and purpose is in force.
consents = Table(
    "consents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subject_id", String(80), nullable=False, index=True),
    Column("conversation_id", String(36), nullable=True),
    Column("purpose", String(40), nullable=False),
    Column("granted", Boolean, nullable=False),
    Column("notice_version", String(40), nullable=False),
    Column("channel", String(40), nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)

# What each purge deleted: the class and a count, never content.
purge_log = Table(
    "purge_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("data_class", String(40), nullable=False),
    Column("deleted", Integer, nullable=False),
    Column("cutoff", DateTime(timezone=True), nullable=False),
    Column("ran_at", DateTime(timezone=True), nullable=False),
)

# Data subject requests (access/export, erasure) with their legal deadline.
subject_requests = Table(
    "subject_requests",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(16), nullable=False),
    # A keyed digest of the subject, so the request record itself outlives an erasure.
    Column("subject_digest", String(64), nullable=False, index=True),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("deadline", DateTime(timezone=True), nullable=False),
    Column("completed_at", DateTime(timezone=True), nullable=True),
    Column("receipt", JSON, nullable=True),
)

# Support staff who use the agent API; only a hash of each access token is kept.
staff = Table(
    "staff",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("role", String(40), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled_at", DateTime(timezone=True), nullable=True),
)

# Every reveal of originals to staff: who, which conversation, which placeholders, why, when.
reveal_log = Table(
    "reveal_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("staff_name", String(64), nullable=False),
    Column("role", String(40), nullable=False),
    Column("conversation_id", String(36), nullable=False, index=True),
    Column("placeholders", JSON, nullable=False),
    Column("reason", Text, nullable=False),
    Column("revealed_at", DateTime(timezone=True), nullable=False),
)


# -- people at work: approvals and agent-assist drafts --------------------------------------

# Actions the assistant proposed that the policy says need a person's approval.
approvals = Table(
    "approvals",
    metadata,
    Column("id", String(36), primary_key=True),
    Column(
        "conversation_id",
        String(36),
        ForeignKey("conversations.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("action", String(40), nullable=False),
    # Minor units (cents) and an ISO 4217 code; both null for actions without an amount.
    Column("amount_minor", Integer, nullable=True),
    Column("currency", String(3), nullable=True),
    Column("rule", Text, nullable=False),
    Column("ai_reason", Text, nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("requested_at", DateTime(timezone=True), nullable=False),
    Column("decided_by", String(64), nullable=True),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    Column("note", Text, nullable=True),
)

# Replies the assistant drafted for an agent (redacted), so that what was sent can be
# recorded as drafted, edited or written by the person.
agent_drafts = Table(
    "agent_drafts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column(
        "conversation_id",
        String(36),
        ForeignKey("conversations.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("staff_name", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("citations", JSON, nullable=False),
    Column("confidence", Float, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
