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
    Column("placeholders", JSON, nullable=False),
    Column("revision", Integer, nullable=False, default=0),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
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
