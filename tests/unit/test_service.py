"""The turn service over an in-memory fake store: load -> decide -> record, events after commit."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar

import pytest

from tests.unit.test_turn import Fixed
from trustdesk.conversation.identity import hash_token
from trustdesk.conversation.ports import LoadedConversation
from trustdesk.conversation.records import (
    ConversationRecord,
    DecisionRecord,
    MessageRecord,
    Status,
)
from trustdesk.conversation.service import ConversationService
from trustdesk.errors import AuthError, ConflictError, NotFoundError
from trustdesk.events import Event, EventBus, HandoffRequested, TurnDecided
from trustdesk.guards.registry import build_pipeline
from trustdesk.policy.loader import bundled_policy_path, load_policy
from trustdesk.privacy.consent import ConsentRecord, Purpose

LOADED = load_policy(bundled_policy_path())
T = TypeVar("T")


class FakeStore:
    """Conversations, messages, decisions, vault and consents in dicts; a transaction works on
    a copy that replaces the originals only when it commits."""

    def __init__(self, bus: EventBus) -> None:
        self.bus = bus
        self.data: dict[str, dict] = {  # type: ignore[type-arg]
            "conversations": {},
            "messages": {},
            "decisions": [],
            "vault": {},
            "consents": [],
            "subjects": {},
        }
        self.fail_on: str | None = None

    # -- reads
    def load_turn(
        self, conversation_id: str | None = None, token_hash: str | None = None, history: int = 0
    ) -> LoadedConversation | None:
        convs = self.data["conversations"].values()
        found = [
            c
            for c in convs
            if c.id == conversation_id or (token_hash and c.token_hash == token_hash)
        ]
        if not found:
            return None
        conv = copy.deepcopy(found[0])
        consents = [c for c in self.data["consents"] if c.subject_id == conv.subject_id]
        ai = [c.granted for c in consents if c.purpose == Purpose.AI_ASSISTANCE]
        recent = tuple(self.data["messages"].get(conv.id, [])[-history:]) if history else ()
        return LoadedConversation(conv, ai[-1] if ai else None, recent)

    def get_conversation(self, conversation_id: str) -> ConversationRecord | None:
        loaded = self.load_turn(conversation_id=conversation_id)
        return loaded.conversation if loaded else None

    def subject_of(self, customer_ref: str) -> str | None:
        return self.data["subjects"].get(customer_ref)

    def conversations_of(self, subject_id: str) -> list[ConversationRecord]:
        return [c for c in self.data["conversations"].values() if c.subject_id == subject_id]

    def count_started_since(self, subject_id: str, since: datetime) -> tuple[int, datetime | None]:
        times = [c.created_at for c in self.conversations_of(subject_id) if c.created_at >= since]
        return len(times), min(times) if times else None

    def list_messages(
        self, conversation_id: str, after: int = 0, limit: int | None = None
    ) -> list[MessageRecord]:
        rows = [m for m in self.data["messages"].get(conversation_id, []) if m.seq > after]
        return rows[:limit] if limit is not None else rows

    def originals(self, conversation_id: str) -> dict[str, str]:
        return dict(self.data["vault"].get(conversation_id, {}))

    def current_consents(self, subject_id: str) -> dict[Purpose, ConsentRecord]:
        return {c.purpose: c for c in self.data["consents"] if c.subject_id == subject_id}

    # -- the unit of work
    def run(self, work: Callable[[FakeTransaction], T]) -> T:
        tx = FakeTransaction(copy.deepcopy(self.data), self.fail_on)
        result = work(tx)
        self.data = tx.data  # commit
        self.bus.publish(tx.events)
        return result


class FakeTransaction:
    def __init__(self, data: dict, fail_on: str | None) -> None:  # type: ignore[type-arg]
        self.data = data
        self.fail_on = fail_on
        self.events: list[Event] = []

    def _maybe_fail(self, step: str) -> None:
        if self.fail_on == step:
            raise RuntimeError(f"injected failure in {step}")

    def subject_for(self, customer_ref: str, now: datetime) -> str:
        return str(
            self.data["subjects"].setdefault(customer_ref, f"s_{len(self.data['subjects'])}")
        )

    def create_conversation(
        self, conversation: ConversationRecord, attributes: Mapping[str, str] | None
    ) -> None:
        self.data["conversations"][conversation.id] = copy.deepcopy(conversation)

    def advance(
        self, conversation: ConversationRecord, status: Status, now: datetime, turns: int = 0
    ) -> None:
        stored = self.data["conversations"][conversation.id]
        if stored.revision != conversation.revision:
            raise ConflictError("the conversation changed")
        self.data["conversations"][conversation.id] = replace(
            conversation,
            status=status,
            revision=conversation.revision + 1,
            turn_count=conversation.turn_count + turns,
            updated_at=now,
        )

    def add_messages(
        self,
        conversation_id: str,
        messages: Sequence[MessageRecord],
        after_seq: int | None = None,
    ) -> list[MessageRecord]:
        rows = self.data["messages"].setdefault(conversation_id, [])
        stored = [replace(m, seq=len(rows) + i) for i, m in enumerate(messages, 1)]
        rows.extend(stored)
        return stored

    def add_decision(self, decision: DecisionRecord) -> int:
        self.data["decisions"].append(decision)
        return len(self.data["decisions"])

    def seal(
        self, conversation: ConversationRecord, originals: Mapping[str, str], now: datetime
    ) -> None:
        self._maybe_fail("seal")
        self.data["vault"].setdefault(conversation.id, {}).update(originals)

    def originals(self, conversation_id: str) -> dict[str, str]:
        return dict(self.data["vault"].get(conversation_id, {}))

    def add_consents(self, records: Sequence[ConsentRecord]) -> None:
        self.data["consents"].extend(records)

    def add_approvals(self, approvals: Sequence[Any]) -> None:
        self._maybe_fail("approvals")
        self.data.setdefault("approvals", []).extend(approvals)

    def decide_approval(self, decided: Any) -> None:
        self.data.setdefault("decided", []).append(decided)

    def add_draft(self, draft: Any) -> None:
        self.data.setdefault("drafts", []).append(draft)

    def emit(self, event: Event) -> None:
        self.events.append(event)


@pytest.fixture
def world() -> tuple[ConversationService, FakeStore, list[Event]]:
    bus = EventBus()
    seen: list[Event] = []
    bus.subscribe(Event, seen.append)
    store = FakeStore(bus)
    pipeline = build_pipeline(LOADED.policy, b"k" * 32)
    service = ConversationService(LOADED, pipeline, Fixed(0.9), store, store)
    return service, store, seen


def test_a_turn_is_recorded_whole_and_announced_after_commit(world: tuple) -> None:  # type: ignore[type-arg]
    service, store, seen = world
    started = service.start()
    outcome = service.customer_turn(
        started.conversation.id, started.token, "my email is jo@example.org, returns?"
    )
    assert outcome.reply is not None and outcome.status == Status.AI_ACTIVE
    texts = [m.text for m in store.list_messages(started.conversation.id)]
    assert texts[1] == "my email is [EMAIL_ADDRESS_1], returns?"
    assert store.originals(started.conversation.id) == {"[EMAIL_ADDRESS_1]": "jo@example.org"}
    [decided] = [e for e in seen if isinstance(e, TurnDecided)]
    assert decided.route == "assistant" and decided.decision_id == 1
    assert "jo@example.org" not in repr(seen)


def test_a_failure_after_the_decision_leaves_nothing_half_written(world: tuple) -> None:  # type: ignore[type-arg]
    service, store, seen = world
    started = service.start()
    before = copy.deepcopy(store.data)
    events_before = len(seen)
    store.fail_on = "seal"
    with pytest.raises(RuntimeError, match="injected"):
        service.handle_turn(started.conversation.id, "I want a person, mail me at jo@example.org")
    assert store.data == before
    assert len(seen) == events_before  # nothing announced for a turn that did not happen


def test_a_token_opens_only_its_own_conversation(world: tuple) -> None:  # type: ignore[type-arg]
    service, _, _ = world
    mine, other = service.start(), service.start()
    with pytest.raises(NotFoundError):
        service.customer_turn(other.conversation.id, mine.token, "hello")
    with pytest.raises(AuthError):
        service.customer_turn(mine.conversation.id, "forged", "hello")
    with pytest.raises(AuthError):
        service.customer_turn(mine.conversation.id, None, "hello")
    assert hash_token(mine.token) == mine.conversation.token_hash


def test_handoff_is_announced_once(world: tuple) -> None:  # type: ignore[type-arg]
    service, _, seen = world
    started = service.start()
    service.handle_turn(started.conversation.id, "I want to talk to a person")
    service.request_handoff(started.conversation.id)  # already with people: nothing changes
    assert len([e for e in seen if isinstance(e, HandoffRequested)]) == 1


def test_the_turn_limit_refuses_more_messages(world: tuple) -> None:  # type: ignore[type-arg]
    service, store, _ = world
    limits = service.policy.limits.model_copy(update={"max_turns_per_conversation": 2})
    service.policy = service.policy.model_copy(update={"limits": limits})
    started = service.start()
    for _ in range(2):
        service.handle_turn(started.conversation.id, "how do returns work?")
    with pytest.raises(ConflictError, match="limit of 2 messages"):
        service.handle_turn(started.conversation.id, "and refunds?")
    assert len(store.list_messages(started.conversation.id)) == 5


def test_repeating_a_consent_writes_nothing_and_giving_counts_against_the_limit(
    world: tuple,  # type: ignore[type-arg]
) -> None:
    service, store, _ = world
    limits = service.policy.limits.model_copy(update={"max_turns_per_conversation": 3})
    service.policy = service.policy.model_copy(update={"limits": limits})
    cid = service.start().conversation.id
    service.set_consent(cid, "transcript_storage", True)
    service.set_consent(cid, "transcript_storage", True)  # the same again: nothing recorded
    assert len(store.data["consents"]) == 1
    service.set_consent(cid, "transcript_storage", False)
    service.set_consent(cid, "transcript_storage", True)
    with pytest.raises(ConflictError, match="limit of 3"):
        service.set_consent(cid, "service_improvement", True)
    service.set_consent(cid, "transcript_storage", False)  # withdrawing is never refused
    assert [c.granted for c in store.data["consents"]] == [True, False, True, False]
