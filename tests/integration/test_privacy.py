"""Vault, consent, retention and subject requests on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from trustdesk.composition import System
from trustdesk.conversation.handoff import HandoffReason, handoff_message
from trustdesk.conversation.records import Status
from trustdesk.errors import AuthError, InputError, NotFoundError
from trustdesk.store import tables

EMAIL = "morgan.kettle@example.net"
CARD = "4111 1111 1111 1111"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(system: System) -> Clock:
    c = Clock()
    system.service.clock = c
    system.privacy.clock = c
    return c


def _count(system: System, table: object, *where: object) -> int:
    with system.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())  # type: ignore[arg-type]


def _dump(system: System) -> str:
    with system.engine.connect() as conn:
        return "\n".join(
            json.dumps([str(v) for v in row])
            for t in tables.metadata.sorted_tables
            for row in conn.execute(select(t))
        )


def test_originals_are_sealed_in_the_vault_and_shown_only_to_their_customer(
    system: System,
) -> None:
    conv = system.service.start(customer_ref="acct-7").conversation
    system.service.handle_turn(conv.id, f"I am {EMAIL}, card {CARD}")
    assert EMAIL not in _dump(system) and CARD not in _dump(system)
    assert _count(system, tables.vault_entries) == 2
    assert system.service.originals(conv.id) == {
        "[EMAIL_ADDRESS_1]": EMAIL,
        "[CREDIT_CARD_1]": CARD,
    }
    [_, mine] = system.service.customer_transcript(conv.id)[:2]
    assert mine.text == f"I am {EMAIL}, card {CARD}"
    other = system.service.start(customer_ref="acct-8").conversation
    assert system.service.originals(other.id) == {}


def test_reply_quoting_a_placeholder_is_refilled_for_the_customer(system: System) -> None:
    conv = system.service.start().conversation
    outcome = system.service.handle_turn(conv.id, f"my email is {EMAIL}")
    faked = outcome.__class__(
        reply=outcome.reply.__class__("We will write to [EMAIL_ADDRESS_1].", (), None),  # type: ignore[union-attr]
        status=outcome.status,
        route=outcome.route,
    )
    shown = system.service.customer_reply(conv.id, faked)
    assert shown.reply is not None and shown.reply.text == f"We will write to {EMAIL}."


def test_without_consent_to_ai_a_person_answers_from_the_start(system: System) -> None:
    started = system.service.start(consents={"ai_assistance": False})
    assert started.conversation.status == Status.HANDOFF_REQUESTED
    told = handoff_message(system.policy.policy, HandoffReason.CONSENT_WITHDRAWN)
    assert [m.text for m in started.messages][1] == told
    [decision] = system.store.list_decisions(started.conversation.id)
    assert decision.findings[0]["rule"] == "no_ai_consent"
    later = system.service.handle_turn(started.conversation.id, "how long does shipping take")
    assert later.reply is None


def test_withdrawing_consent_is_as_easy_as_giving_and_takes_effect(system: System) -> None:
    started = system.service.start(
        customer_ref="acct-9",
        attributes={"language": "de"},
        consents={"ai_assistance": True, "service_improvement": True},
        channel="web_chat",
    )
    cid = started.conversation.id
    assert started.attributes_stored
    consents = system.service.consents(cid)
    assert consents["ai_assistance"]["granted"] is True
    assert consents["ai_assistance"]["notice_version"] == "2026-11"
    assert consents["ai_assistance"]["channel"] == "web_chat"

    system.service.set_consent(cid, "service_improvement", False)
    assert system.store.attributes(cid) == {}
    outcome = system.service.set_consent(cid, "ai_assistance", False)
    assert outcome.status == Status.HANDOFF_REQUESTED
    assert system.service.consents(cid)["ai_assistance"]["granted"] is False
    with pytest.raises(InputError, match="unknown consent purpose"):
        system.service.set_consent(cid, "marketing", True)


def test_purge_deletes_expired_transcripts_by_consent_and_logs_counts(
    system: System, clock: Clock
) -> None:
    kept = system.service.start(customer_ref="keep", consents={"transcript_storage": True})
    short = system.service.start(customer_ref="short")
    for started in (kept, short):
        system.service.handle_turn(started.conversation.id, f"hi, I am {EMAIL}")
    clock.now += timedelta(days=31)
    counts = system.privacy.purge()
    assert counts["transcripts"] == 1
    assert system.store.list_messages(short.conversation.id) == []
    assert system.store.list_messages(kept.conversation.id) != []
    with pytest.raises(AuthError):
        system.service.authenticate(short.conversation.id, short.token)
    assert system.service.originals(short.conversation.id) == {}
    with system.engine.connect() as conn:
        logged = {r.data_class: r.deleted for r in conn.execute(select(tables.purge_log))}
    assert logged["transcripts"] == 1 and set(logged) == {
        "transcripts",
        "vault",
        "decision_records",
        "consents",
        "feedback",
    }
    clock.now += timedelta(days=365)
    assert system.privacy.purge()["transcripts"] == 1
    assert system.store.list_messages(kept.conversation.id) == []


def test_purge_removes_old_decisions_and_superseded_consents(system: System, clock: Clock) -> None:
    started = system.service.start(customer_ref="c1", consents={"transcript_storage": True})
    system.service.handle_turn(started.conversation.id, "how long does shipping take")
    system.service.set_consent(started.conversation.id, "transcript_storage", False)
    clock.now += timedelta(days=1200)
    counts = system.privacy.purge()
    assert counts["decision_records"] == 2 and counts["consents"] == 1
    subject = system.store.subject_of("c1")
    assert subject and system.store.current_consents(subject)  # the consent in force stays


def test_export_contains_everything_held_with_values_refilled(system: System) -> None:
    started = system.service.start(
        customer_ref="acct-42",
        attributes={"language": "fr"},
        consents={"service_improvement": True},
    )
    system.service.handle_turn(started.conversation.id, f"my email is {EMAIL}")
    system.service.start(customer_ref="someone-else")
    export = system.privacy.export(system.privacy.resolve("acct-42")).to_json()
    [conv] = export["conversations"]
    assert conv["id"] == started.conversation.id
    assert f"my email is {EMAIL}" in [m["text"] for m in conv["messages"]]
    assert conv["attributes"] == {"language": "fr"}
    assert conv["decisions"] and export["consents"][0]["purpose"] == "service_improvement"
    [request] = system.privacy.requests()
    assert request["kind"] == "export" and request["completed_at"] is not None


def test_erasure_removes_the_customer_everywhere_and_keeps_others(
    system: System, clock: Clock
) -> None:
    gone = system.service.start(customer_ref="erase-me", consents={"ai_assistance": True})
    stays = system.service.start(customer_ref="stay")
    system.service.handle_turn(gone.conversation.id, f"I am {EMAIL}")
    system.service.handle_turn(stays.conversation.id, f"card {CARD}")
    receipt = system.privacy.erase(
        system.privacy.resolve("erase-me"), received_at=clock.now - timedelta(days=3)
    )
    assert receipt["erased"]["conversations"] == 1 and receipt["erased"]["vault_entries"] == 1
    assert receipt["data_key_destroyed"] is True
    assert receipt["deadline"].startswith("2026-03-26")
    assert "erase-me" not in _dump(system)
    assert (
        _count(system, tables.messages, tables.messages.c.conversation_id == gone.conversation.id)
        == 0
    )
    with pytest.raises(NotFoundError):
        system.privacy.resolve("erase-me")
    # Decision records stay, with nothing personal.
    assert system.store.list_decisions(gone.conversation.id)
    # The other customer is untouched and can still see their own details.
    assert system.service.originals(stays.conversation.id) == {"[CREDIT_CARD_1]": CARD}
    with pytest.raises(AuthError):
        system.service.authenticate(gone.conversation.id, gone.token)


def test_requests_are_tracked_with_their_deadline_and_overdue_flag(
    system: System, clock: Clock
) -> None:
    system.service.start(customer_ref="acct-1")
    system.privacy.export(
        system.privacy.resolve("acct-1"), received_at=clock.now - timedelta(days=40)
    )
    # A request received long ago whose handling never completed (e.g. it failed midway).
    system.privacy.store.add_request(
        {
            "id": "open-1",
            "kind": "erase",
            "subject_digest": system.privacy.subject_digest("acct-2"),
            "received_at": clock.now - timedelta(days=40),
            "deadline": clock.now - timedelta(days=9),
        }
    )
    done, still_open = system.privacy.requests()
    assert done["deadline"].startswith("2026-02-20") and done["overdue"] is False
    assert still_open["completed_at"] is None and still_open["overdue"] is True
    assert "acct-1" not in json.dumps([done, still_open])


def test_a_withdrawal_holds_in_the_customers_other_and_later_conversations(
    system: System,
) -> None:
    first = system.service.start(customer_ref="acct-x", consents={"ai_assistance": True})
    second = system.service.start(customer_ref="acct-x")
    system.service.set_consent(first.conversation.id, "ai_assistance", False)
    outcome = system.service.handle_turn(second.conversation.id, "how long does shipping take")
    assert outcome.status == Status.HANDOFF_REQUESTED
    assert system.store.list_decisions(second.conversation.id)[-1].findings[0]["rule"] == (
        "no_ai_consent"
    )
    later = system.service.start(customer_ref="acct-x")
    assert later.conversation.status == Status.HANDOFF_REQUESTED
    again = system.service.start(customer_ref="acct-x", consents={"ai_assistance": True})
    assert again.conversation.status == Status.AI_ACTIVE
