"""Staff sign-in: display names, password hashes, sessions and failed sign-in records.

Existing accounts keep their role string and their API token. Their roles are not rewritten:
a role outside the five known ones (agent, supervisor, auditor, privacy_officer, admin) gets
no permission from the role table, only what the policy's privacy role lists give it, which is
exactly what it could do before (``trustdesk staff set-role`` moves it to a known role). No
existing account has a password: each signs in once ``trustdesk staff passwd`` sets one.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("display_name", sa.String(80), nullable=True))
        batch.add_column(sa.Column("password_hash", sa.String(255), nullable=True))
        batch.add_column(sa.Column("last_sign_in_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "staff_sessions",
        sa.Column("id_hash", sa.String(64), nullable=False),
        sa.Column("staff_name", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id_hash", name="pk_staff_sessions"),
        sa.ForeignKeyConstraint(
            ["staff_name"],
            ["staff.name"],
            name="fk_staff_sessions_staff_name_staff",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_staff_sessions_staff_name", "staff_sessions", ["staff_name"])
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("account_digest", sa.String(64), nullable=False),
        sa.Column("address_digest", sa.String(64), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sign_in_failures"),
    )
    op.create_index("ix_sign_in_failures_failed_at", "sign_in_failures", ["failed_at"])
    op.create_index(
        "ix_sign_in_failures_account", "sign_in_failures", ["account_digest", "failed_at"]
    )
    op.create_index(
        "ix_sign_in_failures_address", "sign_in_failures", ["address_digest", "failed_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_sign_in_failures_address", table_name="sign_in_failures")
    op.drop_index("ix_sign_in_failures_account", table_name="sign_in_failures")
    op.drop_index("ix_sign_in_failures_failed_at", table_name="sign_in_failures")
    op.drop_table("sign_in_failures")
    op.drop_index("ix_staff_sessions_staff_name", table_name="staff_sessions")
    op.drop_table("staff_sessions")
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("last_sign_in_at")
        batch.drop_column("password_hash")
        batch.drop_column("display_name")
