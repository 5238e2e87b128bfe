"""Upgrading a database from before opaque subjects keeps every customer's data reachable."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

from trustdesk.privacy.vault import VaultCipher
from trustdesk.store import vault_store
from trustdesk.store.engine import MIGRATIONS, migrate
from trustdesk.store.repository import SqlConversationStore

NOW = datetime(2026, 11, 30, tzinfo=UTC)


def _upgrade(engine: Engine, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def test_a_customer_stored_under_their_reference_is_found_after_the_upgrade(
    engine: Engine,
) -> None:
    _upgrade(engine, "0003")
    cipher = VaultCipher(os.urandom(32))
    old_subject = "acct-1042"  # before 0004 the subject key was the customer reference itself
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO conversations (id, token_hash, status, policy_version, customer_ref,"
                " subject_id, placeholders, revision, created_at, updated_at) VALUES "
                "('c-old', :th, 'ai_active', 'sha256:old', 'acct-1042', :subject, '{}', 0,"
                " :now, :now)"
            ),
            {"th": "t" * 64, "subject": old_subject, "now": NOW},
        )
        vault_store.seal_originals(
            conn, cipher, "c-old", old_subject, {"[EMAIL_ADDRESS_1]": "jo@example.org"}, NOW
        )
    migrate(engine)
    store = SqlConversationStore(engine, cipher)
    assert store.subject_of("acct-1042") == old_subject
    assert [c.id for c in store.conversations_of(old_subject)] == ["c-old"]
    assert store.originals("c-old") == {"[EMAIL_ADDRESS_1]": "jo@example.org"}
    loaded = store.load_turn(conversation_id="c-old")
    assert loaded is not None and loaded.conversation.turn_count == 0
