"""Vault storage: per-customer wrapped data keys and sealed originals, inside the caller's
transaction."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import Connection, Insert, bindparam, delete, insert, select, update

from trustdesk.errors import StoreError
from trustdesk.privacy.vault import VaultCipher, VaultError
from trustdesk.store.tables import data_keys, vault_entries

_DATA_KEY = select(data_keys.c.wrapped_key).where(data_keys.c.subject_id == bindparam("subject"))
_INSERTS: dict[str, Insert] = {}


def data_key(conn: Connection, cipher: VaultCipher, subject: str, now: datetime) -> bytes:
    """The subject's data key, created on first use (and anew after an erasure)."""
    row = conn.execute(_DATA_KEY, {"subject": subject}).first()
    if row is not None and row.wrapped_key is not None:
        return cipher.unwrap(subject, row.wrapped_key)
    key, wrapped = cipher.new_data_key(subject)
    if row is None:
        conn.execute(
            insert(data_keys).values(subject_id=subject, wrapped_key=wrapped, created_at=now)
        )
    else:
        conn.execute(
            update(data_keys)
            .where(data_keys.c.subject_id == subject)
            .values(wrapped_key=wrapped, created_at=now, destroyed_at=None)
        )
    return key


def seal_originals(
    conn: Connection,
    cipher: VaultCipher,
    conversation_id: str,
    subject: str,
    originals: Mapping[str, str],
    now: datetime,
) -> None:
    """Store the originals behind new placeholders; a placeholder is sealed once (a second
    sealing of the same placeholder is ignored by the database, not overwritten)."""
    if not originals:
        return
    key = data_key(conn, cipher, subject, now)
    rows = [
        {
            "conversation_id": conversation_id,
            "placeholder": placeholder,
            "subject_id": subject,
            "sealed": cipher.seal(key, value, f"{conversation_id}\x00{placeholder}"),
            "created_at": now,
        }
        for placeholder, value in originals.items()
    ]
    statement = _INSERTS.get(conn.dialect.name)
    if statement is None:
        statement = _INSERTS[conn.dialect.name] = _insert_new(conn)
    conn.execute(statement, rows)


def _insert_new(conn: Connection) -> Insert:
    """INSERT … ON CONFLICT DO NOTHING for the vault's (conversation, placeholder) key."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(vault_entries).on_conflict_do_nothing()
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(vault_entries).on_conflict_do_nothing()
    # Settings accept only sqlite:// and postgresql:// URLs, so this is never reached.
    raise StoreError(f"the vault supports SQLite and PostgreSQL, not {conn.dialect.name}")


def reveal(conn: Connection, cipher: VaultCipher, conversation_id: str) -> dict[str, str]:
    """Decrypt a conversation's originals. Entries whose key is gone are left out."""
    rows = conn.execute(
        select(
            vault_entries.c.placeholder,
            vault_entries.c.sealed,
            vault_entries.c.subject_id,
            data_keys.c.wrapped_key,
        )
        .join(data_keys, data_keys.c.subject_id == vault_entries.c.subject_id, isouter=True)
        .where(vault_entries.c.conversation_id == conversation_id)
    ).all()
    originals: dict[str, str] = {}
    keys: dict[str, bytes] = {}
    for placeholder, sealed, subject, wrapped in rows:
        if wrapped is None:
            continue
        try:
            if subject not in keys:
                keys[subject] = cipher.unwrap(subject, wrapped)
            originals[placeholder] = cipher.open(
                keys[subject], sealed, f"{conversation_id}\x00{placeholder}"
            )
        except VaultError:
            continue
    return originals


def destroy_key(conn: Connection, subject: str, now: datetime) -> bool:
    """Crypto-shred: forget the wrapped data key. Returns whether there was one."""
    changed = conn.execute(
        update(data_keys)
        .where(data_keys.c.subject_id == subject, data_keys.c.wrapped_key.is_not(None))
        .values(wrapped_key=None, destroyed_at=now)
    ).rowcount
    conn.execute(delete(vault_entries).where(vault_entries.c.subject_id == subject))
    return bool(changed)
