"""The ledger fed by the real system's events: turns, erasure and retention purges delete
conversations, never ledger entries, and the chain still verifies."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from trustdesk.composition import System, build_system
from trustdesk.events import DataPurged, Event
from trustdesk.keys import derive_key, master_key
from trustdesk.ledger.sealer import LedgerRecorder, LedgerSealer
from trustdesk.ledger.signing import LedgerSigner
from trustdesk.policy.loader import bundled_policy_path
from trustdesk.settings import Settings
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


def test_a_server_signs_a_quiet_desks_last_entries_without_another_turn(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    text = bundled_policy_path().read_text(encoding="utf-8")
    policy = tmp_path / "policy.yaml"
    policy.write_text(text + "\nledger:\n  checkpoint_max_age_seconds: 2\n", encoding="utf-8")
    system = build_system(settings, policy_file=policy, engine=engine)
    try:
        assert system.ledger.checkpoint_max_age_s == 2
        system.start_background()
        conv = system.service.start().conversation
        system.service.handle_turn(conv.id, "How long do I have to return an item?")
        # Far fewer entries than checkpoint_every (1,000), and no turn after this one: the
        # sealer's idle rounds sign the head within the longest age.
        deadline = time.monotonic() + 30  # generous on a loaded machine; never a threshold
        while True:
            result = system.ledger.verify(system.ledger_signer.public_key)
            if result.entries and result.pending == 0 and result.unsigned_tail == 0:
                break
            assert time.monotonic() < deadline, result
            time.sleep(0.2)
        assert (
            result.ok
            and result.checkpoints >= 1
            and result.head_seq < system.ledger.checkpoint_every
        )
    finally:
        system.close()
