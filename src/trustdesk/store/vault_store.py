"""Vault storage: per-customer wrapped data keys and sealed originals, inside the caller's
transaction (on its driver cursor: a turn that carries personal data seals it)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update
from sqlalchemy.engine import Dialect

from trustdesk.privacy.vault import VaultCipher, VaultError
from trustdesk.store.driver import (
    DriverInsert,
    DriverStatement,
    compiled_for,
    cursor_of,
    invalidating,
)
from trustdesk.store.tables import data_keys, vault_entries

_K = data_keys.c
_V = vault_entries.c


class _VaultSql:
    """The vault's statements, compiled once per dialect."""

    def __init__(self, dialect: Dialect) -> None:
        self.data_key = DriverStatement(
            dialect, select(_K.wrapped_key).where(_K.subject_id == bindparam("subject"))
        )
        self.new_key = DriverInsert(dialect, data_keys, ("subject_id", "wrapped_key", "created_at"))
        self.renew_key = DriverStatement(
            dialect,
            update(data_keys)
            .where(_K.subject_id == bindparam("subject"))
            .values(
                wrapped_key=bindparam("wrapped", type_=_K.wrapped_key.type),
                created_at=bindparam("now", type_=_K.created_at.type),
                destroyed_at=None,
            ),
        )
        # A placeholder is sealed once: a second sealing is ignored by the database.
        self.entries = DriverInsert(
            dialect,
            vault_entries,
            ("conversation_id", "placeholder", "subject_id", "sealed", "created_at"),
            ignore_conflicts=True,
        )
        self.reveal = DriverStatement(
            dialect,
            select(_V.placeholder, _V.sealed, _V.subject_id, _K.wrapped_key)
            .join(data_keys, _K.subject_id == _V.subject_id, isouter=True)
            .where(_V.conversation_id == bindparam("conversation_id")),
        )


def _sql(conn: Connection) -> _VaultSql:
    sql: _VaultSql = compiled_for(conn.dialect, "vault", _VaultSql)
    return sql


def data_key(conn: Connection, cipher: VaultCipher, subject: str, now: datetime) -> bytes:
    """The subject's data key, created on first use (and anew after an erasure)."""
    sql = _sql(conn)
    cursor = cursor_of(conn)
    with invalidating(conn):
        found = sql.data_key.rows(cursor, {"subject": subject}, limit=1)
        if found and found[0]["wrapped_key"] is not None:
            return cipher.unwrap(subject, found[0]["wrapped_key"])
        key, wrapped = cipher.new_data_key(subject)
        if not found:
            sql.new_key.one(
                cursor, {"subject_id": subject, "wrapped_key": wrapped, "created_at": now}
            )
        else:
            sql.renew_key.execute(cursor, {"subject": subject, "wrapped": wrapped, "now": now})
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
    rows: list[dict[str, Any]] = [
        {
            "conversation_id": conversation_id,
            "placeholder": placeholder,
            "subject_id": subject,
            "sealed": cipher.seal(key, value, f"{conversation_id}\x00{placeholder}"),
            "created_at": now,
        }
        for placeholder, value in originals.items()
    ]
    with invalidating(conn):
        _sql(conn).entries.many(cursor_of(conn), rows)


def reveal(conn: Connection, cipher: VaultCipher, conversation_id: str) -> dict[str, str]:
    """Decrypt a conversation's originals. Entries whose key is gone are left out."""
    with invalidating(conn):
        rows = _sql(conn).reveal.rows(cursor_of(conn), {"conversation_id": conversation_id})
    originals: dict[str, str] = {}
    keys: dict[str, bytes] = {}
    for row in rows:
        placeholder, subject, wrapped = row["placeholder"], row["subject_id"], row["wrapped_key"]
        if wrapped is None:
            continue
        try:
            if subject not in keys:
                keys[subject] = cipher.unwrap(subject, wrapped)
            originals[placeholder] = cipher.open(
                keys[subject], row["sealed"], f"{conversation_id}\x00{placeholder}"
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
