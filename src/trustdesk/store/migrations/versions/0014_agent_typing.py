"""A person is typing: ``agent_typing`` holds, per conversation, the display name of the member
of staff writing a reply and until when the customer is shown it (docs/console.md).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agent_typing",
        sa.Column(
            "conversation_id",
            sa.String(36),
            sa.ForeignKey(
                "conversations.id",
                ondelete="CASCADE",
                name="fk_agent_typing_conversation_id_conversations",
            ),
            nullable=False,
        ),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("until", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("conversation_id", name="pk_agent_typing"),
    )


def downgrade() -> None:
    op.drop_table("agent_typing")
