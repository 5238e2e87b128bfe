"""The dashboard's per-conversation rollup (docs/metrics.md#dashboard): metric_facts,
metric_findings, metric_questions, metric_refresh; indexes on conversations' change times.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _conversation_fk() -> sa.ForeignKey:
    return sa.ForeignKey("conversations.id", ondelete="CASCADE")


def upgrade() -> None:
    flag = sa.Boolean()
    op.create_table(
        "metric_facts",
        sa.Column("conversation_id", sa.String(36), _conversation_fk(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("channel", sa.String(40), nullable=True),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("engaged", flag, nullable=False),
        sa.Column("ai_only", flag, nullable=False),
        sa.Column("handed_off", flag, nullable=False),
        sa.Column("with_person", flag, nullable=False),
        sa.Column("first_reason", sa.String(40), nullable=True),
        sa.Column("reply_s", sa.Float(), nullable=True),
        sa.Column("reply_by", sa.String(8), nullable=True),
        sa.Column("reply_pending", flag, nullable=False),
        sa.Column("person_s", sa.Float(), nullable=True),
        sa.Column("person_pending", flag, nullable=False),
        sa.Column("person_replies", sa.Integer(), nullable=False),
        sa.Column("drafted_replies", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("solved", flag, nullable=True),
        sa.Column("vouched", flag, nullable=False),
        sa.Column("returned", flag, nullable=False),
        sa.Column("disclosure_considered", flag, nullable=False),
        sa.Column("disclosure_shape_ok", flag, nullable=False),
        sa.Column("opening", sa.Text(), nullable=True),
        sa.Column("asked", sa.Integer(), nullable=False),
        sa.Column("low_confidence", sa.Integer(), nullable=False),
        sa.Column("declined", sa.Integer(), nullable=False),
        sa.Column("personal_data", flag, nullable=False),
        sa.PrimaryKeyConstraint("conversation_id"),
    )
    op.create_index("ix_metric_facts_created", "metric_facts", ["created_at"])
    op.create_index("ix_metric_facts_channel_created", "metric_facts", ["channel", "created_at"])
    op.create_index("ix_metric_facts_language_created", "metric_facts", ["language", "created_at"])
    op.create_table(
        "metric_findings",
        sa.Column("conversation_id", sa.String(36), _conversation_fk(), nullable=False),
        sa.Column("guard", sa.String(40), nullable=False),
        sa.Column("rule", sa.String(60), nullable=False),
        sa.Column("occurrences", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("conversation_id", "guard", "rule"),
    )
    op.create_table(
        "metric_questions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_id", sa.String(36), _conversation_fk(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_metric_questions_conversation_id", "metric_questions", ["conversation_id"])
    op.create_table(
        "metric_refresh",
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("refreshed_through", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_index("ix_conversations_updated_at", "conversations", ["updated_at"])
    op.create_index("ix_conversations_erased_at", "conversations", ["erased_at"])


def downgrade() -> None:
    op.drop_index("ix_conversations_erased_at", table_name="conversations")
    op.drop_index("ix_conversations_updated_at", table_name="conversations")
    op.drop_table("metric_refresh")
    op.drop_index("ix_metric_questions_conversation_id", table_name="metric_questions")
    op.drop_table("metric_questions")
    op.drop_table("metric_findings")
    op.drop_index("ix_metric_facts_language_created", table_name="metric_facts")
    op.drop_index("ix_metric_facts_channel_created", table_name="metric_facts")
    op.drop_index("ix_metric_facts_created", table_name="metric_facts")
    op.drop_table("metric_facts")
