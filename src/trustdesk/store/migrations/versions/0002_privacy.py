"""Vault, data keys, consents, purge log and data subject requests.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("subject_id", sa.String(80), nullable=True))
        batch.add_column(sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index("ix_conversations_subject_id", ["subject_id"])
    op.execute(
        "UPDATE conversations SET subject_id = COALESCE(customer_ref, 'conversation:' || id)"
    )
    op.create_table(
        "data_keys",
        sa.Column("subject_id", sa.String(80), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("destroyed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("subject_id", name="pk_data_keys"),
    )
    op.create_table(
        "vault_entries",
        sa.Column("conversation_id", sa.String(36), nullable=False),
        sa.Column("placeholder", sa.String(64), nullable=False),
        sa.Column("subject_id", sa.String(80), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name="fk_vault_entries_conversation_id_conversations",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("conversation_id", "placeholder", name="pk_vault_entries"),
    )
    op.create_index("ix_vault_entries_subject_id", "vault_entries", ["subject_id"])
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("subject_id", sa.String(80), nullable=False),
        sa.Column("conversation_id", sa.String(36), nullable=True),
        sa.Column("purpose", sa.String(40), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("notice_version", sa.String(40), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_consents"),
    )
    op.create_index("ix_consents_subject_id", "consents", ["subject_id"])
    op.create_table(
        "purge_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("data_class", sa.String(40), nullable=False),
        sa.Column("deleted", sa.Integer(), nullable=False),
        sa.Column("cutoff", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ran_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_purge_log"),
    )
    op.create_table(
        "subject_requests",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject_digest", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deadline", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("receipt", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_subject_requests"),
    )
    op.create_index("ix_subject_requests_subject_digest", "subject_requests", ["subject_digest"])


def downgrade() -> None:
    op.drop_table("subject_requests")
    op.drop_table("purge_log")
    op.drop_table("consents")
    op.drop_table("vault_entries")
    op.drop_table("data_keys")
    with op.batch_alter_table("conversations") as batch:
        batch.drop_index("ix_conversations_subject_id")
        batch.drop_column("erased_at")
        batch.drop_column("subject_id")
