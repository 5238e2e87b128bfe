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
    Index("ix_conversations_status_handoff", "status", "handoff_at"),
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
    # The assistant's draft when the customer was not sent it as written (below the
    # confidence threshold, stopped or changed by an output guard, held for approval), with
    # personal data as placeholders: for staff review (docs/desk.md).
    Column("withheld_draft", Text, nullable=True),
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
    # '' for the default knowledge base; a language code ("fr") for that language's own,
    # whose sources start with "fr/" (docs/knowledge-base.md#a-knowledge-base-per-language).
    Column("language", String(16), nullable=False, server_default=""),
    # How customers ask for the passage (its "asked" comments), one phrasing per line.
    Column("asked", Text, nullable=False, server_default=""),
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

# Support staff; only a hash of each API token and an argon2id hash of each password are kept.
staff = Table(
    "staff",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("role", String(40), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled_at", DateTime(timezone=True), nullable=True),
    # Shown to customers on a person's replies.
    Column("display_name", String(80), nullable=True),
    # Null: this account cannot sign in (API token only) until a password is set.
    Column("password_hash", String(255), nullable=True),
    Column("last_sign_in_at", DateTime(timezone=True), nullable=True),
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

# "A person is typing": who holds the conversation and until when the customer is shown that
# they are writing (docs/console.md#a-conversation). A presence signal, not a record: no
# customer data, overwritten by each signal, removed with the reply.
agent_typing = Table(
    "agent_typing",
    metadata,
    Column(
        "conversation_id",
        String(36),
        ForeignKey("conversations.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("display_name", String(200), nullable=False),
    Column("until", DateTime(timezone=True), nullable=False),
)


# -- webhook deliveries ----------------------------------------------------------------------

# One row per event and receiver URL (docs/webhooks.md). The payload holds ids, routes and
# reasons in words only; last_error is an exception class or "HTTP <status>", never a response
# body. While a process sends, ``claim`` names its attempt and ``next_attempt_at`` is the end of
# its lease: another process takes the row over only if the sender died.
webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("event_type", String(40), nullable=False),
    Column("url", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, default=0, server_default="0"),
    Column("next_attempt_at", DateTime(timezone=True), nullable=True),
    Column("claim", String(32), nullable=True),
    Column("last_attempt_at", DateTime(timezone=True), nullable=True),
    Column("last_status_code", Integer, nullable=True),
    Column("last_error", String(80), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("delivered_at", DateTime(timezone=True), nullable=True),
    Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
    Index("ix_webhook_deliveries_created", "created_at"),
)


# -- staff sign-in ---------------------------------------------------------------------------

# Console sessions: only the SHA-256 of each session id (the cookie) is kept.
staff_sessions = Table(
    "staff_sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),
    Column(
        "staff_name",
        String(64),
        ForeignKey("staff.name", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
    # The absolute end (sign-in + lifetime); the idle end is last_seen_at + the idle timeout.
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

# Failed sign-ins, for throttling across server processes: keyed digests of the name typed and
# of the client address, never either in the clear. Deleted after a day.
sign_in_failures = Table(
    "sign_in_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("account_digest", String(64), nullable=False),
    Column("address_digest", String(64), nullable=False),
    Column("failed_at", DateTime(timezone=True), nullable=False, index=True),
    Index("ix_sign_in_failures_account", "account_digest", "failed_at"),
    Index("ix_sign_in_failures_address", "address_digest", "failed_at"),
)


# -- decision ledger (docs/ledger.md) --------------------------------------------------------
# No foreign keys: erasures and retention purges delete conversations, never ledger entries.
# Times are canonical UTC text (the hash covers them as written; fixed width, so they sort).

from sqlalchemy import BigInteger  # noqa: E402 - kept with the only section that uses it

# 64-bit everywhere; on SQLite exactly INTEGER, so that the key is the rowid itself and reading
# the chain in seq order is a scan of the table, not an index lookup per entry.
LedgerSeq = BigInteger().with_variant(Integer, "sqlite")

# The hash chain: seq 1, 2, 3 ... with no gaps, given under the chain lock (never by the database).
ledger_entries = Table(
    "ledger_entries",
    metadata,
    Column("seq", LedgerSeq, primary_key=True, autoincrement=False),
    Column("occurred_at", String(32), nullable=False),
    Column("recorded_at", String(32), nullable=False, index=True),
    Column("actor", String(80), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("conversation_id", String(100), nullable=True, index=True),
    Column("policy_version", String(100), nullable=True),
    # Canonical JSON text, hashed as stored (verification never re-serialises it).
    Column("details", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

# Every N entries (policy ledger.checkpoint_every): Ed25519 over (seq, hash) of the entry.
ledger_checkpoints = Table(
    "ledger_checkpoints",
    metadata,
    Column("seq", LedgerSeq, primary_key=True, autoincrement=False),
    Column("hash", String(64), nullable=False),
    Column("signature", String(128), nullable=False),
    Column("key_id", String(16), nullable=False),
    Column("signed_at", String(32), nullable=False),
)

# The outbox: entries written in the transaction that made the change, sealed into the chain
# (in id order) by the sealer.
ledger_pending = Table(
    "ledger_pending",
    metadata,
    Column("id", LedgerSeq, primary_key=True, autoincrement=True),
    Column("occurred_at", String(32), nullable=False),
    Column("actor", String(80), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("conversation_id", String(100), nullable=True),
    Column("policy_version", String(100), nullable=True),
    Column("details", Text, nullable=False),
)


# -- the customer's voice: feedback and concerns (docs/feedback.md) ---------------------------

# One rating per conversation, which its customer may change. The comment is redacted
# (placeholders; the originals are in the conversation's vault entries).
feedback = Table(
    "feedback",
    metadata,
    Column(
        "conversation_id",
        String(36),
        ForeignKey("conversations.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("rating", Integer, nullable=False),
    Column("solved", Boolean, nullable=True),
    Column("comment", Text, nullable=True),
    # Changes after the first: capped, and the optimistic check of two racing changes.
    Column("updates", Integer, nullable=False, default=0, server_default="0"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, index=True),
)

# A concern about an AI message, as an incident staff work through. No foreign key: like the
# ledger, an incident outlives the purge of the conversation it concerns (an erasure clears the
# customer's comment). ``reporter`` is a staff name, or null for a customer or for a member of
# staff who chose to stay anonymous (then no trace of who it was is stored anywhere).
incidents = Table(
    "incidents",
    metadata,
    Column("id", String(36), primary_key=True),
    # Null for an incident no conversation raised: an alert, an audit finding.
    Column("conversation_id", String(36), nullable=True, index=True),
    Column("message_seq", Integer, nullable=True),
    Column("source", String(16), nullable=False),
    Column("reporter", String(64), nullable=True),
    Column("category", String(20), nullable=False),
    Column("comment", Text, nullable=True),
    Column("status", String(16), nullable=False),
    Column("owner", String(64), nullable=True),
    Column("resolution_note", Text, nullable=True),
    Column("revision", Integer, nullable=False, default=0, server_default="0"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # What an alert or a finding is about, in words without personal data; and the alert's
    # key, so that an alert does not open a second incident while its first is open.
    Column("subject", String(200), nullable=True),
    Column("alert_key", String(64), nullable=True),
    Index("ix_incidents_status_created", "status", "created_at"),
    Index("ix_incidents_alert_key_status", "alert_key", "status"),
)

# One stored audit (outcome or probe): its findings document as JSON (no personal data: groups,
# rates, tests), who signed it off and when (also in the ledger). Kept for trends over time.
audit_runs = Table(
    "audit_runs",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(16), nullable=False),  # outcomes | probe
    Column("trigger", String(16), nullable=False),  # schedule | manual
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=False),
    Column("period_start", DateTime(timezone=True), nullable=True),
    Column("period_end", DateTime(timezone=True), nullable=True),
    Column("policy_version", String(80), nullable=False),
    Column("suite_version", String(32), nullable=True),
    Column("findings", Integer, nullable=False),
    Column("worst_severity", String(16), nullable=True),
    Column("result", Text, nullable=False),
    Column("signed_off_by", String(64), nullable=True),
    Column("signed_off_at", DateTime(timezone=True), nullable=True),
    Column("sign_off_note", Text, nullable=True),
    Index("ix_audit_runs_kind_started", "kind", "started_at"),
)


# -- the dashboard's rollup (docs/metrics.md#dashboard) --------------------------------------
# One row per conversation of what the metric definitions read (monitor/rollup.py), kept by
# store/metrics_rollup.py; the dashboard adds these up in SQL instead of reading every message.
# Deleted with the conversation (retention purge); an erased conversation's rows are removed
# by the next refresh.

metric_facts = Table(
    "metric_facts",
    metadata,
    Column(
        "conversation_id",
        String(36),
        ForeignKey("conversations.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("day", String(10), nullable=False),  # UTC day it started, YYYY-MM-DD
    Column("channel", String(40), nullable=True),
    Column("language", String(8), nullable=True),
    Column("status", String(20), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("engaged", Boolean, nullable=False),
    Column("ai_only", Boolean, nullable=False),
    Column("handed_off", Boolean, nullable=False),
    Column("with_person", Boolean, nullable=False),
    Column("first_reason", String(40), nullable=True),
    Column("reply_s", Float, nullable=True),
    Column("reply_by", String(8), nullable=True),
    Column("reply_pending", Boolean, nullable=False),
    Column("person_s", Float, nullable=True),
    Column("person_pending", Boolean, nullable=False),
    Column("person_replies", Integer, nullable=False),
    Column("drafted_replies", Integer, nullable=False),
    Column("rating", Integer, nullable=True),
    Column("solved", Boolean, nullable=True),
    Column("vouched", Boolean, nullable=False),
    Column("returned", Boolean, nullable=False),
    Column("disclosure_considered", Boolean, nullable=False),
    Column("disclosure_shape_ok", Boolean, nullable=False),
    Column("opening", Text, nullable=True),
    Column("asked", Integer, nullable=False),
    Column("low_confidence", Integer, nullable=False),
    Column("declined", Integer, nullable=False),
    Column("personal_data", Boolean, nullable=False),
    Index("ix_metric_facts_created", "created_at"),
    Index("ix_metric_facts_channel_created", "channel", "created_at"),
    Index("ix_metric_facts_language_created", "language", "created_at"),
)

# Findings the metrics count (personal data, guard and backend failures), per conversation.
metric_findings = Table(
    "metric_findings",
    metadata,
    Column(
        "conversation_id",
        String(36),
        ForeignKey("conversations.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("guard", String(40), primary_key=True),
    Column("rule", String(60), primary_key=True),
    Column("occurrences", Integer, nullable=False),
)

# The redacted question of each turn the assistant could not answer (placeholders only).
metric_questions = Table(
    "metric_questions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "conversation_id",
        String(36),
        ForeignKey("conversations.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("text", Text, nullable=False),
)

# How far the rollup has been brought up to date: changes from this time on are read again.
metric_refresh = Table(
    "metric_refresh",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("refreshed_through", DateTime(timezone=True), nullable=False),
)

# The rollup's refresh finds what changed since it last ran by these.
Index("ix_conversations_updated_at", conversations.c.updated_at)
Index("ix_conversations_erased_at", conversations.c.erased_at)
