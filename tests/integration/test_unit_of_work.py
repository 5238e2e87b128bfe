"""One turn = one decision = one transaction, on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from trustdesk.composition import System
from trustdesk.events import Event, HandoffRequested, TurnDecided
from trustdesk.store import tables, vault_store


def _dump(system: System) -> str:
    system.sealer.flush()  # the ledger's sealer chains in the background: settle it first
    with system.engine.connect() as conn:
        return "\n".join(
            json.dumps([str(v) for v in row])
            for table in tables.metadata.sorted_tables
            for row in conn.execute(select(table))
        )


def test_a_failure_after_the_decision_leaves_nothing_half_written(
    system: System, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Event] = []
    system.events.subscribe(Event, seen.append)
    started = system.service.start()
    before = _dump(system)

    def broken_vault(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")  # after messages, decision and status were written

    monkeypatch.setattr(vault_store, "seal_originals", broken_vault)
    with pytest.raises(RuntimeError, match="disk full"):
        system.service.handle_turn(
            started.conversation.id, "I want a person; my email is jo.marsh@example.org"
        )
    assert _dump(system) == before
    assert [e for e in seen if isinstance(e, TurnDecided | HandoffRequested)] == []
    monkeypatch.undo()
    outcome = system.service.handle_turn(started.conversation.id, "I want a person")
    assert outcome.status == "handoff_requested"  # the revision was not consumed


def test_events_follow_the_commit_with_the_decision_id(system: System) -> None:
    decided: list[TurnDecided] = []
    handoffs: list[HandoffRequested] = []
    system.events.subscribe(TurnDecided, decided.append)
    system.events.subscribe(HandoffRequested, handoffs.append)
    started = system.service.start()
    system.service.handle_turn(started.conversation.id, "how long do I have to return an item?")
    system.service.handle_turn(started.conversation.id, "let me talk to a person please")
    stored = system.store.list_decisions(started.conversation.id)
    assert [e.decision_id for e in decided] == [d.id for d in stored]
    assert [e.route for e in decided] == ["assistant", "handoff_requested"]
    assert [h.conversation_id for h in handoffs] == [started.conversation.id]


def test_a_broken_subscriber_does_not_undo_a_committed_turn(system: System) -> None:
    def broken(event: TurnDecided) -> None:
        raise RuntimeError("webhook down")

    system.events.subscribe(TurnDecided, broken)
    started = system.service.start()
    outcome = system.service.handle_turn(started.conversation.id, "how do refunds work?")
    assert outcome.reply is not None
    assert len(system.store.list_messages(started.conversation.id)) == 3


def test_a_turn_reads_only_the_history_it_uses(system: System) -> None:
    started = system.service.start()
    for i in range(15):
        system.service.handle_turn(started.conversation.id, f"question {i} about returns")
    loaded = system.store.load_turn(conversation_id=started.conversation.id, history=4)
    assert loaded is not None
    assert [m.seq for m in loaded.recent] == [28, 29, 30, 31]
    # The retrieval backend needs no history; the escalation triggers read the customer's last
    # escalation.window messages and the replies between them — never the whole transcript.
    window = system.policy.policy.escalation.window
    assert system.service.history_turns == 2 * window + 1
