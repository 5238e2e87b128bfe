"""A turn's load (SqlConversationStore.load_turn) reads through the driver's own cursor: one
statement outside BEGIN (or a plain BEGIN … COMMIT around two) on SQLite, an autocommit
connection on PostgreSQL. It must load exactly what the engine's read transaction loads, and
fail the way the engine fails."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError, ProgrammingError

from trustdesk.composition import System
from trustdesk.conversation.identity import hash_token
from trustdesk.conversation.ports import LoadedConversation
from trustdesk.store.repository import SqlConversationStore


def _read_transaction_store(system: System) -> SqlConversationStore:
    """The same store with the short path switched off: every load in a read transaction."""
    store = SqlConversationStore(system.engine, system.store.cipher)
    store._driver = None
    return store


def _conversations(system: System) -> list[tuple[str, str]]:
    """(id, token) of conversations in the states a load can meet."""
    service = system.service
    plain = service.start()
    with_pii = service.start(consents={"ai_assistance": True, "transcript_storage": True})
    service.handle_turn(
        with_pii.conversation.id,
        "Hi, I'm Lena Hartmann, lena.hartmann77@example.net, +44 20 7946 0958. Where is my refund?",
    )
    no_ai = service.start(consents={"ai_assistance": False})
    handed_off = service.start()
    service.request_handoff(handed_off.conversation.id)
    withdrawn = service.start(consents={"ai_assistance": True})
    service.set_consent(withdrawn.conversation.id, "ai_assistance", False)
    started = [plain, with_pii, no_ai, handed_off, withdrawn]
    return [(s.conversation.id, s.token) for s in started]


def test_a_turn_loads_what_a_read_transaction_loads(system: System) -> None:
    slow = _read_transaction_store(system)
    loads: list[LoadedConversation] = []
    for conversation_id, token in _conversations(system):
        for history in (0, 1, 3, 50):
            by_token = system.store.load_turn(token_hash=hash_token(token), history=history)
            by_id = system.store.load_turn(conversation_id=conversation_id, history=history)
            assert by_token is not None and by_id is not None
            assert by_token == slow.load_turn(token_hash=hash_token(token), history=history)
            assert by_id == slow.load_turn(conversation_id=conversation_id, history=history)
            assert by_token == by_id
            assert len(by_token.recent) == min(history, by_token.conversation.last_seq or 0)
            loads.append(by_token)
    # The states differ, so the comparison covered them: placeholders, consent, status.
    assert any(load.conversation.placeholders.get("counters") for load in loads)
    assert {load.ai_consent for load in loads} == {None, True, False}
    assert len({load.conversation.status for load in loads}) > 1
    assert all(load.conversation.last_seq for load in loads)
    assert max(len(load.recent) for load in loads) >= 3  # history with citations, placeholders


def test_an_unknown_token_or_id_loads_nothing(system: System) -> None:
    system.service.start()
    assert system.store.load_turn(token_hash=hash_token("not a token")) is None
    assert system.store.load_turn(conversation_id="no-such-conversation") is None


def test_a_failed_load_is_the_engines_error_and_never_shows_the_token_hash(
    system: System,
) -> None:
    started = system.service.start()
    secret = hash_token(started.token)
    with system.engine.begin() as conn:  # what a broken or half-migrated database looks like
        conn.execute(text("ALTER TABLE conversations RENAME TO conversations_gone"))
    for store in (system.store, _read_transaction_store(system)):
        with pytest.raises((OperationalError, ProgrammingError)) as raised:
            store.load_turn(token_hash=secret)
        assert secret not in str(raised.value)
        assert "conversations" in str(raised.value)  # the statement, to diagnose it


def test_a_load_leaves_the_pooled_connection_as_it_found_it(system: System) -> None:
    """No autocommit left switched on, no transaction left open: the next writer on the same
    connection still gets a transaction that can roll back."""
    token = system.service.start().token
    for _ in range(3):
        assert system.store.load_turn(token_hash=hash_token(token)) is not None
    pooled = system.engine.pool.checkedin()  # type: ignore[attr-defined]
    assert pooled >= 1
    held = [system.engine.raw_connection() for _ in range(pooled)]  # every pooled connection
    try:
        for raw in held:
            driver = raw.driver_connection
            if system.engine.dialect.name == "postgresql":
                assert driver.autocommit is False  # type: ignore[union-attr]
                assert driver.info.transaction_status.name == "IDLE"  # type: ignore[union-attr]
            else:
                assert driver.in_transaction is False  # type: ignore[union-attr]
    finally:
        for raw in held:
            raw.close()
    with pytest.raises(RuntimeError), system.engine.begin() as conn:
        conn.execute(text("UPDATE conversations SET turn_count = 99"))
        raise RuntimeError("roll back")
    loaded = system.store.load_turn(token_hash=hash_token(token))
    assert loaded is not None and loaded.conversation.turn_count == 0
