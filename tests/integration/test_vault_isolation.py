"""One customer's data key opens only that customer's vault entries, and an erasure reaches backups.

First at the cipher, then in real storage (SQLite always, PostgreSQL when configured) through
``trustdesk.store.vault_store``: separate data keys per customer, entries bound to their
conversation and placeholder, and sealed rows from a backup taken before an erasure that no key
left in the database can open.
"""

from __future__ import annotations

import os
import secrets
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from faker import Faker
from sqlalchemy import Connection, Engine, delete, insert, select, update

from trustdesk.privacy.vault import VaultCipher, VaultError
from trustdesk.store import tables, vault_store
from trustdesk.store.engine import migrate

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
ALICE = "acct-alice"
BOB = "acct-bob"


@pytest.fixture
def fake() -> Faker:
    generator = Faker("en_GB")
    generator.seed_instance(6)
    return generator


@pytest.fixture
def cipher() -> VaultCipher:
    return VaultCipher(os.urandom(32))


@pytest.fixture
def db(engine: Engine) -> Iterator[Engine]:
    migrate(engine)
    yield engine


def _conversation(conn: Connection, subject: str) -> str:
    """A minimal conversations row for the vault entries' foreign key."""
    conversation_id = str(uuid.uuid4())
    conn.execute(
        insert(tables.conversations).values(
            id=conversation_id,
            token_hash=secrets.token_hex(32),
            status="ai_active",
            policy_version="test-policy",
            subject_id=subject,
            placeholders={},
            revision=0,
            created_at=NOW,
            updated_at=NOW,
        )
    )
    return conversation_id


def _entries(conn: Connection, **where: str) -> list[dict[str, Any]]:
    query = select(tables.vault_entries)
    for column, value in where.items():
        query = query.where(tables.vault_entries.c[column] == value)
    return [dict(row) for row in conn.execute(query).mappings()]


# -- the cipher ------------------------------------------------------------------------------


def test_value_sealed_under_one_customers_key_does_not_open_with_anothers(
    cipher: VaultCipher, fake: Faker
) -> None:
    alice_key, _ = cipher.new_data_key(ALICE)
    bob_key, _ = cipher.new_data_key(BOB)
    value = fake.email()
    context = "conversation-1\x00[EMAIL_ADDRESS_1]"
    sealed = cipher.seal(alice_key, value, context)

    assert alice_key != bob_key
    assert cipher.open(alice_key, sealed, context) == value
    with pytest.raises(VaultError):
        cipher.open(bob_key, sealed, context)


def test_wrapped_data_key_opens_only_as_the_customer_it_was_made_for(
    cipher: VaultCipher,
) -> None:
    alice_key, alice_wrapped = cipher.new_data_key(ALICE)
    _, bob_wrapped = cipher.new_data_key(BOB)

    assert cipher.unwrap(ALICE, alice_wrapped) == alice_key
    with pytest.raises(VaultError):
        cipher.unwrap(BOB, alice_wrapped)
    with pytest.raises(VaultError):
        cipher.unwrap(ALICE, bob_wrapped)


# -- in storage ------------------------------------------------------------------------------


def test_each_customer_gets_a_data_key_of_their_own(db: Engine, cipher: VaultCipher) -> None:
    with db.begin() as conn:
        alice_key = vault_store.data_key(conn, cipher, ALICE, NOW)
        bob_key = vault_store.data_key(conn, cipher, BOB, NOW)
        alice_again = vault_store.data_key(conn, cipher, ALICE, NOW)
        wrapped = dict(
            conn.execute(
                select(tables.data_keys.c.subject_id, tables.data_keys.c.wrapped_key)
            ).all()
        )

    assert alice_key != bob_key
    assert alice_again == alice_key  # created once, then the same key every time
    assert set(wrapped) == {ALICE, BOB}
    assert wrapped[ALICE] != wrapped[BOB]
    assert alice_key not in wrapped[ALICE] and bob_key not in wrapped[BOB]
    with pytest.raises(VaultError):
        cipher.unwrap(BOB, wrapped[ALICE])


def test_entry_relabelled_to_another_customer_is_not_revealed(
    db: Engine, cipher: VaultCipher, fake: Faker
) -> None:
    bobs_value = fake.email()
    with db.begin() as conn:
        vault_store.data_key(conn, cipher, ALICE, NOW)
        conversation = _conversation(conn, BOB)
        vault_store.seal_originals(
            conn, cipher, conversation, BOB, {"[EMAIL_ADDRESS_1]": bobs_value}, NOW
        )
        assert vault_store.reveal(conn, cipher, conversation) == {"[EMAIL_ADDRESS_1]": bobs_value}
        # The row now claims to be Alice's: only Bob's key opens it, so nothing is revealed.
        conn.execute(
            update(tables.vault_entries)
            .where(tables.vault_entries.c.conversation_id == conversation)
            .values(subject_id=ALICE)
        )
        assert vault_store.reveal(conn, cipher, conversation) == {}


def test_another_customers_sealed_value_copied_into_an_entry_is_not_revealed(
    db: Engine, cipher: VaultCipher, fake: Faker
) -> None:
    placeholder = "[EMAIL_ADDRESS_1]"
    alices_value, bobs_value = fake.unique.email(), fake.unique.email()
    with db.begin() as conn:
        alices = _conversation(conn, ALICE)
        bobs = _conversation(conn, BOB)
        vault_store.seal_originals(conn, cipher, alices, ALICE, {placeholder: alices_value}, NOW)
        vault_store.seal_originals(conn, cipher, bobs, BOB, {placeholder: bobs_value}, NOW)
        [bob_row] = _entries(conn, conversation_id=bobs)

        # Bob's ciphertext pasted over Alice's entry (still labelled Alice's).
        conn.execute(
            update(tables.vault_entries)
            .where(tables.vault_entries.c.conversation_id == alices)
            .values(sealed=bob_row["sealed"])
        )
        assert vault_store.reveal(conn, cipher, alices) == {}

        # Bob's whole row moved to Alice's conversation, same placeholder: Bob's key is the
        # right key, but the entry is bound to Bob's conversation.
        conn.execute(
            delete(tables.vault_entries).where(tables.vault_entries.c.conversation_id == alices)
        )
        conn.execute(insert(tables.vault_entries).values({**bob_row, "conversation_id": alices}))
        assert vault_store.reveal(conn, cipher, alices) == {}

        assert vault_store.reveal(conn, cipher, bobs) == {placeholder: bobs_value}


def test_backup_of_an_erased_customers_entries_opens_with_no_remaining_key(
    db: Engine, cipher: VaultCipher, fake: Faker
) -> None:
    alices_values = {"[EMAIL_ADDRESS_1]": fake.unique.email(), "[PHONE_NUMBER_1]": "07700 900123"}
    bobs_values = {"[EMAIL_ADDRESS_1]": fake.unique.email()}
    with db.begin() as conn:
        alices = _conversation(conn, ALICE)
        bobs = _conversation(conn, BOB)
        vault_store.seal_originals(conn, cipher, alices, ALICE, alices_values, NOW)
        vault_store.seal_originals(conn, cipher, bobs, BOB, bobs_values, NOW)
        assert vault_store.reveal(conn, cipher, alices) == alices_values
        old_alice_key = vault_store.data_key(conn, cipher, ALICE, NOW)
        backup = _entries(conn, subject_id=ALICE)
        assert len(backup) == len(alices_values)

    with db.begin() as conn:
        assert vault_store.destroy_key(conn, ALICE, NOW) is True
        assert _entries(conn, subject_id=ALICE) == []
        assert vault_store.reveal(conn, cipher, alices) == {}

    with db.begin() as conn:
        # Alice comes back: she gets a new key, which cannot open what the old one sealed.
        new_alice_key = vault_store.data_key(conn, cipher, ALICE, NOW)
        assert new_alice_key != old_alice_key
        conn.execute(insert(tables.vault_entries), backup)  # the backup is restored
        assert vault_store.reveal(conn, cipher, alices) == {}

        # Nor does Bob's key, the only other key left.
        conn.execute(
            update(tables.vault_entries)
            .where(tables.vault_entries.c.conversation_id == alices)
            .values(subject_id=BOB)
        )
        assert vault_store.reveal(conn, cipher, alices) == {}

        # Bob's own entries are untouched by Alice's erasure.
        assert vault_store.reveal(conn, cipher, bobs) == bobs_values
