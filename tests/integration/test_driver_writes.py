"""What a turn writes goes through the driver's own cursor (store/driver.py) with statements
compiled once. It must store exactly what the engine stores for the same values (dates, JSON,
booleans, bytes, NULLs), for one row and for several in one statement, and fail the way the
engine fails."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, Table, insert, text
from sqlalchemy.exc import IntegrityError

from trustdesk.store import tables
from trustdesk.store.driver import DriverInsert, DriverStatement, cursor_of, invalidating
from trustdesk.store.engine import migrate

NOW = datetime(2026, 12, 1, 5, 6, 7, 891011, tzinfo=UTC)


def _raw(engine: Engine, table: Table, order: str) -> list[tuple[Any, ...]]:
    """Every row as the driver returns it (no result processing), without the ``id`` column."""
    columns = [c.name for c in table.c if c.name != "id"]
    with engine.connect() as conn:
        cursor = cursor_of(conn)
        cursor.execute(f"SELECT {', '.join(columns)} FROM {table.name} ORDER BY {order}")
        return [tuple(row) for row in cursor.fetchall()]


def _conversation(cid: str, **changes: Any) -> dict[str, Any]:
    row = {
        "id": cid,
        "token_hash": uuid.uuid4().hex * 2,
        "status": "ai_active",
        "policy_version": "sha256:test",
        "customer_ref": None,
        "subject_id": "s_test",
        "placeholders": {"counters": {"EMAIL_ADDRESS": 2}, "digests": {"a": "b"}},
        "revision": 3,
        "turn_count": 1,
        "created_at": NOW,
        "updated_at": NOW,
        "handoff_reason": None,
        "handoff_at": None,
    }
    return {**row, **changes}


def _message(cid: str, seq: int, **changes: Any) -> dict[str, Any]:
    row = {
        "conversation_id": cid,
        "seq": seq,
        "role": "assistant",
        "text": "Items can be returned within 30 days — «ünïcode» [EMAIL_ADDRESS_1].",
        "ai": True,
        "citations": [{"source": "returns.md#window", "title": "Return window"}],
        "confidence": 0.8125,
        "created_at": NOW,
        "author": None,
        "from_draft": None,
    }
    return {**row, **changes}


def _stores_the_same(
    engine: Engine, table: Table, columns: tuple[str, ...], rows: list[dict[str, Any]], order: str
) -> None:
    """``rows`` inserted by the engine, then (in another table state) by the driver."""
    with engine.begin() as conn:
        conn.execute(insert(table), rows)
    by_engine = _raw(engine, table, order)
    with engine.begin() as conn:
        conn.execute(table.delete())
    with engine.begin() as conn:
        DriverInsert(engine.dialect, table, columns).many(cursor_of(conn), rows)
    assert _raw(engine, table, order) == by_engine
    with engine.begin() as conn:
        conn.execute(table.delete())


@pytest.fixture
def migrated(engine: Engine) -> Engine:
    migrate(engine)
    return engine


def test_the_driver_stores_what_the_engine_stores(migrated: Engine) -> None:
    engine = migrated
    conversations = [
        _conversation("c-1"),
        _conversation("c-2", handoff_reason="customer_request", handoff_at=NOW, turn_count=0),
    ]
    columns = tuple(conversations[0])
    for count in (1, 2):
        _stores_the_same(engine, tables.conversations, columns, conversations[:count], "id")
    with engine.begin() as conn:
        conn.execute(insert(tables.conversations), conversations)
    messages = [
        _message("c-1", 1),
        _message("c-1", 2, role="customer", ai=False, citations=[], confidence=None),
        _message("c-1", 3, role="human", ai=False, author="Sam", from_draft=True),
    ]
    for count in (1, 2, 3):
        _stores_the_same(engine, tables.messages, tuple(messages[0]), messages[:count], "seq")
    decision = {
        "conversation_id": "c-1",
        "customer_seq": None,
        "route": "assistant",
        "backend": "retrieval",
        "policy_version": "sha256:test",
        "findings": [{"guard": "pii", "rule": "EMAIL_ADDRESS", "score": 1.0, "reason": "x"}],
        "reason": "answered from the knowledge base",
        "created_at": NOW,
    }
    _stores_the_same(engine, tables.decisions, tuple(decision), [decision], "customer_seq")
    consents = [
        {
            "subject_id": "s_test",
            "conversation_id": "c-1",
            "purpose": purpose,
            "granted": granted,
            "notice_version": "2026-01",
            "channel": "api",
            "recorded_at": NOW,
        }
        for purpose, granted in (("ai_assistance", True), ("service_improvement", False))
    ]
    _stores_the_same(engine, tables.consents, tuple(consents[0]), consents, "purpose")
    sealed = [
        {
            "conversation_id": "c-1",
            "placeholder": f"[EMAIL_ADDRESS_{i}]",
            "subject_id": "s_test",
            "sealed": bytes(range(i, 40 + i)),
            "created_at": NOW,
        }
        for i in (1, 2)
    ]
    _stores_the_same(engine, tables.vault_entries, tuple(sealed[0]), sealed, "placeholder")


def test_a_driver_statement_returns_and_counts_as_the_engine_does(migrated: Engine) -> None:
    engine = migrated
    with engine.begin() as conn:
        conn.execute(insert(tables.conversations), [_conversation("c-1")])
    decision = DriverInsert(
        engine.dialect,
        tables.decisions,
        ("conversation_id", "route", "policy_version", "findings", "reason", "created_at"),
        returning="id",
    )
    values = {
        "conversation_id": "c-1",
        "route": "assistant",
        "policy_version": "v",
        "findings": [],
        "reason": "r",
        "created_at": NOW,
    }
    with engine.begin() as conn:
        first = decision.one(cursor_of(conn), values)
        second = decision.one(cursor_of(conn), values)
    assert isinstance(first, int) and second == first + 1
    touch = DriverStatement(
        engine.dialect,
        tables.conversations.update()
        .where(tables.conversations.c.revision == 3)
        .values(turn_count=tables.conversations.c.turn_count + 1),
    )
    with engine.begin() as conn:
        assert touch.execute(cursor_of(conn), {}).rowcount == 1
    with engine.connect() as conn:
        turns = conn.execute(text("SELECT turn_count FROM conversations")).scalar_one()
    assert turns == 2


def test_a_failed_driver_write_is_the_engines_error_and_rolls_back(migrated: Engine) -> None:
    engine = migrated
    row = _message("no-such-conversation", 1, text="secret text of the customer")
    if engine.dialect.name == "sqlite":
        with engine.begin() as conn:  # SQLite checks foreign keys only when asked to
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    insert_messages = DriverInsert(engine.dialect, tables.messages, tuple(row))
    with pytest.raises(IntegrityError) as raised, engine.begin() as conn, invalidating(conn):
        insert_messages.many(cursor_of(conn), [row, {**row, "seq": 2}])
    assert "secret text" not in str(raised.value)  # the statement, never the values
    assert "messages" in str(raised.value)
    assert _raw(engine, tables.messages, "seq") == []
