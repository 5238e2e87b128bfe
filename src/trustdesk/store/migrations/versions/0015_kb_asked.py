"""The ways customers ask for a passage: ``kb_passages`` gains ``asked``, the phrasings of the
section's "asked" comments, one per line ('' for none: every passage stored before this
revision) — docs/knowledge-base.md.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("kb_passages") as batch:
        batch.add_column(sa.Column("asked", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("kb_passages") as batch:
        batch.drop_column("asked")
