"""Feedback and concerns: validation, the services and their records (no I/O)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any, get_args

import pytest

from tests.unit.test_service import LOADED, FakeStore
from tests.unit.test_turn import Fixed
from trustdesk.conversation.agents import StaffMember
from trustdesk.conversation.feedback import (
    MAX_COMMENT_CHARS,
    MAX_FEEDBACK_UPDATES,
    FeedbackRecord,
    FeedbackService,
    validate_comment,
    validate_rating,
    validate_solved,
)
from trustdesk.conversation.incidents import (
    ANONYMOUS_STAFF,
    CATEGORIES,
    INCIDENT_TRANSITIONS,
    LIST_FILTERS,
    Category,
    IncidentRecord,
    Incidents,
    IncidentStatus,
    check_transition,
    list_filter,
    validate_category,
    validate_status,
)
from trustdesk.conversation.records import ConversationRecord
from trustdesk.conversation.service import ConversationService
from trustdesk.errors import ConflictError, InputError, NotFoundError
from trustdesk.events import DataPurged, Event, EventBus, IncidentOpened, IncidentUpdated
from trustdesk.guards.registry import build_pipeline
from trustdesk.ledger.entries import entry_for
from trustdesk.policy.schema import Retention
from trustdesk.privacy.requests import PrivacyService, Scope
from trustdesk.privacy.retention import cutoffs

EMAIL = "jo@example.org"

# -- validation ---------------------------------------------------------------------------


@pytest.mark.parametrize("rating", [1, 3, 5])
def test_ratings_from_one_to_five_are_accepted(rating: int) -> None:
    assert validate_rating(rating) == rating


@pytest.mark.parametrize("rating", [0, 6, -1, 4.5, "5", True, None])
def test_other_ratings_are_refused_without_repeating_them(rating: object) -> None:
    with pytest.raises(InputError, match="whole number from 1 to 5") as refused:
        validate_rating(rating)
    assert repr(rating) not in str(refused.value)


def test_solved_is_true_false_or_absent() -> None:
    assert validate_solved(None) is None and validate_solved(False) is False
    with pytest.raises(InputError):
        validate_solved("yes")


def test_comments_blank_long_or_with_control_characters() -> None:
    assert validate_comment(None) is None
    assert validate_comment("   \n") is None
    assert validate_comment("fine\nthanks") == "fine\nthanks"
    with pytest.raises(InputError, match=f"limit is {MAX_COMMENT_CHARS}") as long:
        validate_comment("secret " * 200)
    assert "secret" not in str(long.value)
    with pytest.raises(InputError, match=r"comment: .*control") as control:
        validate_comment("secret\x00")
    assert "secret" not in str(control.value)
    with pytest.raises(InputError, match="must be text"):
        validate_comment(5)


def test_categories_and_their_type_agree() -> None:
    assert set(get_args(Category)) == set(CATEGORIES)
    assert validate_category("privacy") == "privacy"
    with pytest.raises(InputError, match="inaccurate, harmful"):
        validate_category("nonsense")


def test_the_api_offers_exactly_the_statuses_and_filters() -> None:
    from trustdesk.web.incidents import StatusFilter, StatusName

    assert set(get_args(StatusName)) == {s.value for s in IncidentStatus}
    assert set(get_args(StatusFilter)) == set(LIST_FILTERS)


def test_incident_statuses_and_transitions() -> None:
    assert validate_status("resolved") is IncidentStatus.RESOLVED
    with pytest.raises(InputError):
        validate_status("closed")
    assert set(INCIDENT_TRANSITIONS) == set(IncidentStatus)
    check_transition(IncidentStatus.OPEN, IncidentStatus.RESOLVED)
    check_transition(IncidentStatus.RESOLVED, IncidentStatus.RESOLVED)  # staying put
    check_transition(IncidentStatus.DISMISSED, IncidentStatus.INVESTIGATING)  # reopened
    with pytest.raises(ConflictError):
        check_transition(IncidentStatus.RESOLVED, IncidentStatus.OPEN)
    with pytest.raises(ConflictError):
        check_transition(IncidentStatus.INVESTIGATING, IncidentStatus.OPEN)
    assert list_filter("active") == ("open", "investigating")
    assert list_filter("all") is None
    with pytest.raises(InputError):
        list_filter("closed")


# -- the services, on the fake store of test_service ---------------------------------------


class FakeVoiceStore:
    """Feedback and incidents kept in the fake store's data, written by its transactions."""

    def __init__(self, store: FakeStore) -> None:
        self.store = store

    def _rows(self, name: str) -> dict[str, Any]:
        return self.store.data.setdefault(name, {})

    def feedback_of(self, conversation_id: str) -> FeedbackRecord | None:
        found: FeedbackRecord | None = self._rows("feedback").get(conversation_id)
        return found

    def save_feedback(
        self, tx: Any, record: FeedbackRecord, previous: FeedbackRecord | None
    ) -> None:
        rows = tx.data.setdefault("feedback", {})
        stored = rows.get(record.conversation_id)
        if (stored is None) != (previous is None) or (
            stored is not None and previous is not None and stored.updates != previous.updates
        ):
            raise ConflictError("changed meanwhile")
        rows[record.conversation_id] = record

    def incidents(self, statuses: Sequence[str] | None, limit: int) -> list[IncidentRecord]:
        found = [
            i for i in self._rows("incidents").values() if not statuses or i.status in statuses
        ]
        return sorted(found, key=lambda i: i.created_at, reverse=True)[:limit]

    def get_incident(self, incident_id: str) -> IncidentRecord | None:
        found: IncidentRecord | None = self._rows("incidents").get(incident_id)
        return found

    def concern_count(self, conversation_id: str) -> int:
        return sum(i.conversation_id == conversation_id for i in self._rows("incidents").values())

    def reported_by_customer(self, conversation_id: str, message_seq: int) -> bool:
        return any(
            i.conversation_id == conversation_id
            and i.message_seq == message_seq
            and i.source == "customer"
            for i in self._rows("incidents").values()
        )

    def add_incident(self, tx: Any, record: IncidentRecord) -> None:
        tx.data.setdefault("incidents", {})[record.id] = record

    def update_incident(self, tx: Any, record: IncidentRecord) -> None:
        rows = tx.data.setdefault("incidents", {})
        if rows[record.id].revision != record.revision - 1:
            raise ConflictError("changed meanwhile")
        rows[record.id] = record


@pytest.fixture
def world() -> tuple[ConversationService, FeedbackService, Incidents, FakeStore, list[Event]]:
    bus = EventBus()
    seen: list[Event] = []
    bus.subscribe(Event, seen.append)
    store = FakeStore(bus)
    pipeline = build_pipeline(LOADED.policy, b"k" * 32)
    service = ConversationService(LOADED, pipeline, Fixed(0.9), store, store)
    voice = FakeVoiceStore(store)
    return (
        service,
        FeedbackService(pipeline, store, voice, store),
        Incidents(pipeline, store, voice, store),
        store,
        seen,
    )


def _conversation(service: ConversationService, store: FakeStore, text: str | None = None) -> Any:
    started = service.start()
    if text:
        service.customer_turn(started.conversation.id, started.token, text)
    conversation: ConversationRecord = store.get_conversation(started.conversation.id)  # type: ignore[assignment]
    return conversation


def test_a_comment_gets_the_conversations_own_placeholders(world: tuple[Any, ...]) -> None:
    service, feedback, _, store, seen = world
    conversation = _conversation(service, store, f"I am {EMAIL}")
    record = feedback.give(conversation, 4, True, f"mail {EMAIL} or bo@example.org")
    assert record.comment == "mail [EMAIL_ADDRESS_1] or [EMAIL_ADDRESS_2]"
    assert store.originals(conversation.id)["[EMAIL_ADDRESS_2]"] == "bo@example.org"
    # The conversation's placeholder state moved on (so a later turn reuses _2), revision +1.
    assert store.get_conversation(conversation.id).revision == conversation.revision + 1
    assert feedback.for_customer(conversation.id)["comment"] == f"mail {EMAIL} or bo@example.org"
    assert not [e for e in seen if "Feedback" in type(e).__name__]  # feedback is no decision


def test_feedback_without_personal_data_leaves_the_conversation_alone(
    world: tuple[Any, ...],
) -> None:
    service, feedback, _, store, _ = world
    conversation = _conversation(service, store)
    feedback.give(conversation, 5, None, "great")
    assert store.get_conversation(conversation.id).revision == conversation.revision


def test_feedback_is_replaced_a_limited_number_of_times(world: tuple[Any, ...]) -> None:
    service, feedback, _, store, _ = world
    conversation = _conversation(service, store)
    first = feedback.give(conversation, 1)
    for n in range(MAX_FEEDBACK_UPDATES):
        again = feedback.give(conversation, 2 + n % 4)
        assert again.updates == n + 1 and again.created_at == first.created_at
    with pytest.raises(ConflictError, match="cannot be changed again"):
        feedback.give(conversation, 5)


def test_invalid_feedback_stores_nothing(world: tuple[Any, ...]) -> None:
    service, feedback, _, store, _ = world
    conversation = _conversation(service, store)
    with pytest.raises(InputError):
        feedback.give(conversation, 9, None, f"mail {EMAIL}")
    assert store.data.get("feedback", {}) == {}
    assert store.originals(conversation.id) == {}


def test_a_customer_concern_opens_an_incident_in_the_ledger(world: tuple[Any, ...]) -> None:
    service, _, incidents, store, seen = world
    conversation = _conversation(service, store)
    record = incidents.report(conversation, 1, "harmful", f"reach me at {EMAIL}")
    assert record.status is IncidentStatus.OPEN and record.source == "customer"
    assert record.comment == "reach me at [EMAIL_ADDRESS_1]" and record.reporter is None
    [opened] = [e for e in seen if isinstance(e, IncidentOpened)]
    entry = entry_for(opened)
    assert entry is not None and entry.actor == "customer" and entry.kind == "incident_opened"
    assert EMAIL not in entry.details and "reach me" not in entry.details
    with pytest.raises(ConflictError, match="already reported"):
        incidents.report(conversation, 1, "other")


def test_a_concern_must_be_about_an_ai_message(world: tuple[Any, ...]) -> None:
    service, _, incidents, store, _ = world
    conversation = _conversation(service, store, "Hello there")
    with pytest.raises(NotFoundError):
        incidents.report(conversation, 2, "other")  # the customer's own message
    with pytest.raises(NotFoundError):
        incidents.report(conversation, 50, "other")
    with pytest.raises(InputError):
        incidents.report(conversation, 0, "other")
    incidents.report(conversation, 3, "inaccurate")  # the AI's reply


def test_an_anonymous_staff_concern_keeps_no_name(world: tuple[Any, ...]) -> None:
    service, _, incidents, store, seen = world
    conversation = _conversation(service, store)
    member = StaffMember("dana", "agent")
    record = incidents.report(conversation, 1, "unfair", None, member=member, anonymous=True)
    assert record.reporter is None and record.anonymous
    assert "dana" not in repr(record) and "dana" not in repr(record.to_json())
    [opened] = [e for e in seen if isinstance(e, IncidentOpened)]
    assert opened.actor == ANONYMOUS_STAFF and "dana" not in repr(opened)
    named = incidents.report(conversation, 1, "unfair", None, member=member)
    assert named.reporter == "dana" and named.to_json()["reported_by"] == "dana"


def test_incidents_are_owned_moved_and_resolved_with_a_redacted_note(
    world: tuple[Any, ...],
) -> None:
    service, _, incidents, store, seen = world
    conversation = _conversation(service, store)
    record = incidents.report(conversation, 1, "privacy")
    sam, ari = StaffMember("sam", "supervisor"), StaffMember("ari", "admin")
    with pytest.raises(InputError, match="send a status"):
        incidents.update(sam, record.id)
    moved = incidents.update(sam, record.id, "investigating")
    assert moved.owner == "sam"
    assert incidents.update(ari, record.id, take_ownership=True).owner == "ari"
    with pytest.raises(InputError, match="resolution_note"):
        incidents.update(ari, record.id, "dismissed")
    done = incidents.update(ari, record.id, "resolved", f"told {EMAIL}")
    assert done.resolution_note == "told [EMAIL_ADDRESS_1]" and done.status == "resolved"
    assert store.originals(conversation.id)["[EMAIL_ADDRESS_1]"] == EMAIL
    assert [i.id for i in incidents.list("active")] == []
    assert [i.id for i in incidents.list("resolved")] == [record.id]
    with pytest.raises(NotFoundError):
        incidents.update(ari, "missing", "resolved", "x")
    updates = [e for e in seen if isinstance(e, IncidentUpdated)]
    assert [(u.status, u.owner, u.note_changed) for u in updates] == [
        ("investigating", "sam", False),
        ("investigating", "ari", False),
        ("resolved", "ari", True),
    ]
    assert all(EMAIL not in entry_for(u).details for u in updates)  # type: ignore[union-attr]


def test_a_stale_incident_update_is_a_conflict(world: tuple[Any, ...]) -> None:
    service, _, incidents, store, _ = world
    conversation = _conversation(service, store)
    record = incidents.report(conversation, 1, "other")
    stale = replace(record, revision=record.revision + 5)
    voice = incidents.store
    with pytest.raises(ConflictError):
        store.run(lambda tx: voice.update_incident(tx, stale))
    assert voice.get_incident(record.id) == record  # nothing written


# -- the feedback data class in the privacy service -------------------------------------------


class FakePrivacyStore:
    def __init__(self, calls: list[str]) -> None:
        self.calls = calls

    def purge(self, cut: Any, now: datetime) -> dict[str, int]:
        self.calls.append("store.purge")
        return {"transcripts": 0}

    def subject_data(self, scope: Scope) -> dict[str, Any]:
        return {"conversations": [{"id": scope.conversation_id}], "consents": []}

    def erase(self, scope: Scope, now: datetime) -> dict[str, Any]:
        self.calls.append("store.erase")
        return {"erased": {"conversations": 1}, "data_key_destroyed": True}

    def add_request(self, row: dict[str, Any]) -> None: ...

    def complete_request(self, request_id: str, now: datetime, receipt: dict[str, Any]) -> None:
        self.calls.append("complete")


class FakeFeedbackData:
    def __init__(self, calls: list[str]) -> None:
        self.calls = calls
        self.cutoff: datetime | None = None

    def export(self, scope: Scope) -> dict[str, Any]:
        return {"feedback": [{"rating": 3}], "concerns": []}

    def erase(self, scope: Scope, now: datetime) -> dict[str, int]:
        self.calls.append("feedback.erase")
        return {"feedback": 1, "concern_comments": 2}

    def purge(self, cutoff: datetime, now: datetime) -> int:
        self.calls.append("feedback.purge")
        self.cutoff = cutoff
        return 4


def test_feedback_is_a_data_class_of_its_own() -> None:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    assert cutoffs(Retention(feedback_days=30), now).feedback == now - timedelta(days=30)
    calls: list[str] = []
    data = FakeFeedbackData(calls)
    purged: list[Event] = []
    privacy = PrivacyService(
        LOADED.policy,
        FakePrivacyStore(calls),  # type: ignore[arg-type]
        b"d" * 32,
        clock=lambda: now,
        publish=purged.append,
        feedback=data,
    )
    counts = privacy.purge()
    assert counts["feedback"] == 4
    assert data.cutoff == now - timedelta(days=LOADED.policy.retention.feedback_days)
    assert [e.data_class for e in purged if isinstance(e, DataPurged)] == ["feedback"]

    scope = Scope("s_1", "c_1")
    assert privacy.export(scope).data["feedback"] == [{"rating": 3}]
    calls.clear()
    receipt = privacy.erase(scope)
    # Feedback goes first, while the conversation still names its customer.
    assert calls[:2] == ["feedback.erase", "store.erase"]
    assert receipt["erased"] == {"conversations": 1, "feedback": 1, "concern_comments": 2}
