"""Incidents that no conversation raised (alerts, audit findings), and stored audit runs
(docs/metrics.md#alerts, docs/fairness.md#history-and-sign-off).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.alter_column("conversation_id", existing_type=sa.String(36), nullable=True)
        batch.alter_column("message_seq", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("subject", sa.String(200), nullable=True))
        batch.add_column(sa.Column("alert_key", sa.String(64), nullable=True))
    op.create_index("ix_incidents_alert_key_status", "incidents", ["alert_key", "status"])
    op.create_table(
        "audit_runs",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("trigger", sa.String(16), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("period_start", sa.DateTime(timezone=True), nullable=True),
        sa.Column("period_end", sa.DateTime(timezone=True), nullable=True),
        sa.Column("policy_version", sa.String(80), nullable=False),
        sa.Column("suite_version", sa.String(32), nullable=True),
        sa.Column("findings", sa.Integer(), nullable=False),
        sa.Column("worst_severity", sa.String(16), nullable=True),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("signed_off_by", sa.String(64), nullable=True),
        sa.Column("signed_off_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sign_off_note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_audit_runs_kind_started", "audit_runs", ["kind", "started_at"])


def downgrade() -> None:
    op.drop_index("ix_audit_runs_kind_started", table_name="audit_runs")
    op.drop_table("audit_runs")
    op.drop_index("ix_incidents_alert_key_status", table_name="incidents")
    op.execute("DELETE FROM incidents WHERE conversation_id IS NULL")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("alert_key")
        batch.drop_column("subject")
        batch.alter_column("message_seq", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("conversation_id", existing_type=sa.String(36), nullable=False)
