"""Every event becomes a ledger entry: the mapping, its kinds and actors (no I/O)."""

from __future__ import annotations

import dataclasses
import inspect
import json
from datetime import UTC, datetime
from typing import Any

import pytest

import trustdesk.events as events_module
from trustdesk.events import (
    ApprovalDecided,
    ConversationResolved,
    DataPurged,
    Event,
    OriginalsRevealed,
    PolicyLoaded,
    StaffChanged,
    TurnDecided,
)
from trustdesk.ledger.encoding import PendingEntry
from trustdesk.ledger.entries import MAPPINGS, entry_for

T0 = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)

# Field names whose values the mapping checks (an actor must be one of the known forms).
SAMPLE_BY_NAME: dict[str, Any] = {
    "actor": "staff:jo",
    "by": "cli",
    "staff_name": "jo",
    "conversation_id": "3f1c2a4e-1234-4abc-9def-0123456789ab",
    "policy_version": "sha256:" + "a" * 64,
    "backend": "retrieval",
    "route": "assistant",
}
SAMPLE_BY_TYPE: dict[str, Any] = {
    "str": "x_value",
    "str | None": "x_value",
    "int": 3,
    "int | None": 3,
    "float": 1.5,
    "float | None": 1.5,
    "bool": True,
    "datetime": T0,
    "tuple[str, ...]": ("<EMAIL_ADDRESS_1>",),
    "tuple[dict[str, Any], ...]": ({"guard": "pii", "rule": "EMAIL", "score": 1.0},),
}


def _event_classes() -> list[type[Event]]:
    return [
        cls
        for _, cls in inspect.getmembers(events_module, inspect.isclass)
        if issubclass(cls, Event) and cls is not Event
    ]


def _sample(cls: type[Event]) -> Event:
    values: dict[str, Any] = {}
    for field in dataclasses.fields(cls):
        if field.name in SAMPLE_BY_NAME:
            values[field.name] = SAMPLE_BY_NAME[field.name]
            continue
        annotation = str(field.type)
        assert annotation in SAMPLE_BY_TYPE, (
            f"{cls.__name__}.{field.name}: add a sample value for {annotation} to this test"
        )
        values[field.name] = SAMPLE_BY_TYPE[annotation]
    return cls(**values)


@pytest.mark.parametrize("cls", _event_classes(), ids=lambda c: c.__name__)
def test_every_event_class_has_a_ledger_mapping(cls: type[Event]) -> None:
    assert cls in MAPPINGS, f"add a ledger mapping for {cls.__name__} to trustdesk.ledger.entries"
    entry = entry_for(_sample(cls))
    assert isinstance(entry, PendingEntry)
    assert entry.occurred_at == "2026-12-01T10:00:00.000000Z"
    assert isinstance(json.loads(entry.details), dict)


def test_the_mapping_covers_no_class_that_is_not_an_event() -> None:
    assert set(MAPPINGS) == set(_event_classes())


def _turn(route: str, backend: str | None) -> TurnDecided:
    return TurnDecided(
        T0, "c-1", 7, route, "ai_active", "ai_active", backend, "sha256:v", (), "why in words"
    )


@pytest.mark.parametrize(
    ("route", "backend", "kind", "actor"),
    [
        ("assistant", "retrieval", "ai_reply", "ai:retrieval"),
        ("low_confidence", "openai", "ai_reply", "ai:openai"),
        ("disclosure", None, "ai_reply", "system"),
        ("handoff_requested", None, "ai_decision", "system"),
        ("handoff_failure", "retrieval", "ai_decision", "ai:retrieval"),
        ("human_queue", None, "ai_decision", "system"),
    ],
)
def test_a_turn_is_an_ai_reply_or_an_ai_decision_with_its_route(
    route: str, backend: str | None, kind: str, actor: str
) -> None:
    entry = entry_for(_turn(route, backend))
    assert entry is not None
    assert (entry.kind, entry.actor) == (kind, actor)
    assert entry.policy_version == "sha256:v" and entry.conversation_id == "c-1"
    details = json.loads(entry.details)
    assert details["route"] == route and details["decision_id"] == 7
    assert details["reason"] == "why in words"


def test_approval_and_denial_are_different_kinds_by_the_deciding_person() -> None:
    yes = entry_for(ApprovalDecided(T0, "c-1", "a-1", True, "sam", "supervisor"))
    no = entry_for(ApprovalDecided(T0, "c-1", "a-1", False, "sam", "supervisor"))
    assert yes is not None and no is not None
    assert (yes.kind, no.kind) == ("approval", "denial")
    assert yes.actor == no.actor == "staff:sam"


def test_a_reveal_records_which_placeholders_never_values() -> None:
    entry = entry_for(
        OriginalsRevealed(T0, "c-1", "sam", "supervisor", ("<PHONE_1>", "<EMAIL_ADDRESS_1>"))
    )
    assert entry is not None and entry.kind == "pii_reveal"
    assert json.loads(entry.details)["placeholders"] == ["<EMAIL_ADDRESS_1>", "<PHONE_1>"]


def test_policy_loaded_keeps_the_file_name_not_the_path() -> None:
    entry = entry_for(PolicyLoaded(T0, "sha256:v", "/home/alice.smith/policies/shop.yaml"))
    assert entry is not None and entry.policy_version == "sha256:v"
    assert "alice" not in entry.details and json.loads(entry.details) == {"source": "shop.yaml"}


def test_purge_says_what_was_purged_and_the_cutoff() -> None:
    entry = entry_for(DataPurged(T0, "transcripts", 12, T0))
    assert entry is not None and entry.kind == "purge" and entry.actor == "system"
    assert json.loads(entry.details) == {
        "data_class": "transcripts",
        "deleted": 12,
        "cutoff": "2026-12-01T10:00:00.000000Z",
    }


def test_actors_come_from_the_event() -> None:
    resolved = entry_for(ConversationResolved(T0, "c-1", "customer"))
    staff = entry_for(StaffChanged(T0, "kim", "added", "agent", "staff:admin"))
    assert resolved is not None and resolved.actor == "customer"
    assert staff is not None and staff.actor == "staff:admin" and staff.kind == "staff_change"


def test_an_unknown_event_type_has_no_entry() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Unmapped(Event):
        pass

    assert entry_for(Unmapped(T0)) is None
