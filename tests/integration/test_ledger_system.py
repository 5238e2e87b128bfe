"""The ledger fed by the real system's events: turns, erasure and retention purges delete
conversations, never ledger entries, and the chain still verifies."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from trustdesk.composition import System
from trustdesk.events import DataPurged, Event
from trustdesk.keys import derive_key, master_key
from trustdesk.ledger.sealer import LedgerRecorder, LedgerSealer
from trustdesk.ledger.signing import LedgerSigner
from trustdesk.store.ledger_repository import SqlLedger
from trustdesk.store.tables import conversations, decisions

EMAIL = "ledger.person@example.com"


@pytest.fixture
def recorded(system: System) -> Iterator[tuple[System, SqlLedger, LedgerSealer]]:
    """The system with the ledger subscribed to every event (as the composition root will)."""
    master = master_key(system.settings.master_key, system.settings.key_file)
    signer = LedgerSigner(derive_key(master, "ledger-signing"))  # as every process derives it
    ledger = SqlLedger(system.engine, signer, system.policy.policy.ledger.checkpoint_every)
    sealer = LedgerSealer(ledger.seal)
    system.events.subscribe(Event, LedgerRecorder(sealer, ledger.add_pending).on_event)
    yield system, ledger, sealer
    sealer.close()


def test_erasure_and_purge_leave_the_chain_verifying_and_the_entries_in_place(
    recorded: tuple[System, SqlLedger, LedgerSealer],
) -> None:
    system, ledger, sealer = recorded
    conv = system.service.start(customer_ref="acct-ledger").conversation
    system.service.handle_turn(conv.id, f"my email is {EMAIL}, how do refunds work?")
    system.service.handle_turn(conv.id, "I want to talk to a person")
    system.privacy.erase(system.privacy.resolve("acct-ledger"))

    later = datetime.now(UTC) + timedelta(days=4000)
    system.privacy.clock = lambda: later
    counts = system.privacy.purge()
    # What the purge will publish once the privacy service emits DataPurged itself.
    system.events.publish(
        [DataPurged(later, data_class, deleted, later) for data_class, deleted in counts.items()]
    )
    sealer.flush()

    with system.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(conversations)).scalar() == 0
        assert conn.execute(select(func.count()).select_from(decisions)).scalar() == 0
    entries = ledger.entries()
    kinds = [e.kind for e in entries]
    assert kinds[0] == "conversation_start"
    assert {"ai_reply", "ai_decision", "handoff", "erasure", "purge"} <= set(kinds)
    assert sum(e.conversation_id == conv.id for e in entries) >= 4  # outlives the conversation
    assert all(EMAIL not in e.details and "ledger.person" not in e.details for e in entries)
    erasure = next(e for e in entries if e.kind == "erasure")
    assert json.loads(erasure.details)["data_key_destroyed"] is True

    result = ledger.verify(ledger.signer.public_key)  # type: ignore[union-attr]
    assert result.ok, result.summary()
    assert result.entries == len(entries) and result.pending == 0
