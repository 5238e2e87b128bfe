"""Support staff and the log of every reveal of originals to them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("name", name="pk_staff"),
        sa.UniqueConstraint("token_hash", name="uq_staff_token_hash"),
    )
    op.create_table(
        "reveal_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("staff_name", sa.String(64), nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("conversation_id", sa.String(36), nullable=False),
        sa.Column("placeholders", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("revealed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reveal_log"),
    )
    op.create_index("ix_reveal_log_conversation_id", "reveal_log", ["conversation_id"])


def downgrade() -> None:
    op.drop_index("ix_reveal_log_conversation_id", table_name="reveal_log")
    op.drop_table("reveal_log")
    op.drop_table("staff")
