"""The people at work: handoff reasons and assignees, person-authored messages, approvals of
proposed actions, and agent-assist drafts.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("handoff_reason", sa.String(40), nullable=True))
        batch.add_column(sa.Column("handoff_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("assignee", sa.String(64), nullable=True))
    op.create_index("ix_conversations_status_handoff", "conversations", ["status", "handoff_at"])
    # Conversations already waiting for a person: waiting since their last change.
    op.execute(
        "UPDATE conversations SET handoff_at = updated_at, handoff_reason = 'customer_request' "
        "WHERE status IN ('handoff_requested', 'human_active')"
    )
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("author", sa.String(80), nullable=True))
        batch.add_column(sa.Column("from_draft", sa.Boolean(), nullable=True))
    op.create_table(
        "approvals",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("conversation_id", sa.String(36), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(3), nullable=True),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("ai_reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(64), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_approvals"),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name="fk_approvals_conversation_id_conversations",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_approvals_conversation_id", "approvals", ["conversation_id"])
    op.create_index("ix_approvals_status", "approvals", ["status"])
    op.create_table(
        "agent_drafts",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("conversation_id", sa.String(36), nullable=False),
        sa.Column("staff_name", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("citations", sa.JSON(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_agent_drafts"),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name="fk_agent_drafts_conversation_id_conversations",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_agent_drafts_conversation_id", "agent_drafts", ["conversation_id"])


def downgrade() -> None:
    op.drop_table("agent_drafts")
    op.drop_table("approvals")
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("from_draft")
        batch.drop_column("author")
    op.drop_index("ix_conversations_status_handoff", table_name="conversations")
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("assignee")
        batch.drop_column("handoff_at")
        batch.drop_column("handoff_reason")
