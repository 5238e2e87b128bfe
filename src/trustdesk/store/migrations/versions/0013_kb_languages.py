"""A knowledge base per language (docs/knowledge-base.md#a-knowledge-base-per-language):
``kb_passages`` gains ``language``, '' for the default knowledge base (every passage stored
before this revision) and a language code for a knowledge base ingested with ``--language``.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("kb_passages") as batch:
        batch.add_column(sa.Column("language", sa.String(16), nullable=False, server_default=""))


def downgrade() -> None:
    op.execute("DELETE FROM kb_passages WHERE language <> ''")
    with op.batch_alter_table("kb_passages") as batch:
        batch.drop_column("language")
