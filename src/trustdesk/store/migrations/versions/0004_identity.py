"""Opaque customer subjects, turn counts, and an index for per-customer quotas.

Existing vouched conversations keep their subject key (their vault data keys are bound to it);
each gets a customer_subjects row so that the business's reference finds it again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customer_subjects",
        sa.Column("customer_ref", sa.String(64), nullable=False),
        sa.Column("subject_id", sa.String(80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("customer_ref", name="pk_customer_subjects"),
        sa.UniqueConstraint("subject_id", name="uq_customer_subjects_subject_id"),
    )
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("turn_count", sa.Integer(), nullable=False, server_default="0"))
    op.create_index(
        "ix_conversations_subject_created", "conversations", ["subject_id", "created_at"]
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT DISTINCT customer_ref, subject_id FROM conversations "
            "WHERE customer_ref IS NOT NULL AND subject_id IS NOT NULL"
        )
    ).all()
    seen: set[str] = set()
    now = datetime.now(UTC)
    for ref, subject in rows:
        if ref in seen:
            continue
        seen.add(ref)
        conn.execute(
            sa.text(
                "INSERT INTO customer_subjects (customer_ref, subject_id, created_at) "
                "VALUES (:ref, :subject, :now)"
            ),
            {"ref": ref, "subject": subject, "now": now},
        )


def downgrade() -> None:
    op.drop_index("ix_conversations_subject_created", table_name="conversations")
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("turn_count")
    op.drop_table("customer_subjects")
