"""The turn service on a real database (SQLite always, PostgreSQL when configured)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, select, text

from trustdesk.composition import System, build_system
from trustdesk.conversation.records import Status
from trustdesk.errors import ConflictError, InputError, PolicyError
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.settings import Settings
from trustdesk.store import tables

PII = {
    "email": "lena.hartmann77@example.net",
    "phone": "+44 20 7946 0958",
    "card": "4111 1111 1111 1111",
    "iban": "GB82 WEST 1234 5698 7654 32",
    "ssn": "123-45-6789",
    "ip": "192.0.2.44",
}


def _all_stored_text(engine: Engine) -> str:
    """Every row of every table, as text."""
    dump = []
    with engine.connect() as conn:
        for table in tables.metadata.sorted_tables:
            for row in conn.execute(select(table)):
                dump.append(json.dumps([str(v) for v in row]))
    return "\n".join(dump)


def test_greeting_discloses_the_ai_and_is_stored(system: System) -> None:
    started = system.service.start()
    [greeting] = started.messages
    assert greeting.ai and greeting.text == system.policy.policy.disclosure.greeting
    assert "AI" in greeting.text and started.conversation.status == Status.AI_ACTIVE
    stored = system.store.get_conversation(started.conversation.id)
    assert stored is not None and stored.policy_version == system.policy.version
    assert stored.token_hash != started.token and started.token not in _all_stored_text(
        system.engine
    )


def test_personal_data_is_replaced_before_storage(system: System) -> None:
    conv = system.service.start().conversation
    message = (
        f"Hi, my email is {PII['email']}, call {PII['phone']}. Card {PII['card']}, "
        f"IBAN {PII['iban']}, SSN {PII['ssn']}, my IP is {PII['ip']}. Where is my refund?"
    )
    system.service.handle_turn(conv.id, message)
    stored = _all_stored_text(system.engine)
    for value in PII.values():
        assert value not in stored
    customer = system.store.list_messages(conv.id)[1]
    for placeholder in (
        "[EMAIL_ADDRESS_1]",
        "[PHONE_NUMBER_1]",
        "[CREDIT_CARD_1]",
        "[IBAN_CODE_1]",
        "[US_SSN_1]",
        "[IP_ADDRESS_1]",
    ):
        assert placeholder in customer.text
    [decision] = system.store.list_decisions(conv.id)
    assert {f["rule"] for f in decision.findings} >= {"EMAIL_ADDRESS", "CREDIT_CARD", "US_SSN"}


def test_placeholders_stay_the_same_across_turns(system: System) -> None:
    conv = system.service.start().conversation
    system.service.handle_turn(conv.id, f"my email is {PII['email']}")
    system.service.handle_turn(conv.id, f"again: {PII['email'].upper()} and other@example.org")
    texts = [m.text for m in system.store.list_messages(conv.id) if m.role == "customer"]
    assert texts[0] == "my email is [EMAIL_ADDRESS_1]"
    assert texts[1] == "again: [EMAIL_ADDRESS_1] and [EMAIL_ADDRESS_2]"


def test_each_turn_records_its_decision(system: System) -> None:
    conv = system.service.start().conversation
    outcome = system.service.handle_turn(conv.id, "How long do I have to return an item?")
    assert outcome.reply is not None and outcome.reply.citations
    assert outcome.status == Status.AI_ACTIVE
    [decision] = system.store.list_decisions(conv.id)
    assert decision.route == "assistant" and decision.backend == "retrieval"
    assert decision.policy_version == system.policy.version
    assert decision.customer_seq == 2
    assert "cited source" in decision.reason
    messages = system.store.list_messages(conv.id)
    assert [m.seq for m in messages] == [1, 2, 3]
    assert messages[2].ai and messages[2].citations == outcome.reply.citations


def test_human_request_stops_the_ai_for_good(system: System) -> None:
    conv = system.service.start().conversation
    outcome = system.service.handle_turn(conv.id, "I want to talk to a person")
    assert outcome.status == Status.HANDOFF_REQUESTED
    assert outcome.reply and outcome.reply.text == system.policy.policy.handoff.requested_message
    later = system.service.handle_turn(conv.id, "How long do I have to return an item?")
    assert later.reply is None and later.status == Status.HANDOFF_REQUESTED
    routes = [d.route for d in system.store.list_decisions(conv.id)]
    assert routes == ["handoff_requested", "human_queue"]
    assert system.store.list_messages(conv.id)[-1].role == "customer"


def test_handoff_button_is_idempotent(system: System) -> None:
    conv = system.service.start().conversation
    first = system.service.request_handoff(conv.id)
    second = system.service.request_handoff(conv.id)
    assert first.status == second.status == Status.HANDOFF_REQUESTED
    assert first.reply is not None and second.reply is None
    [decision] = system.store.list_decisions(conv.id)
    assert decision.findings[0]["rule"] == "button"


def test_bot_question_is_answered_truthfully_without_the_backend(system: System) -> None:
    conv = system.service.start().conversation
    outcome = system.service.handle_turn(conv.id, "wait, am I talking to a real person?")
    assert (
        outcome.reply and outcome.reply.text == system.policy.policy.disclosure.bot_question_answer
    )
    [decision] = system.store.list_decisions(conv.id)
    assert decision.route == "disclosure" and decision.backend is None


def test_unanswerable_question_offers_a_person_instead_of_guessing(system: System) -> None:
    conv = system.service.start().conversation
    outcome = system.service.handle_turn(conv.id, "what is the capital of peru")
    assert (
        outcome.reply
        and outcome.reply.text == system.policy.policy.assistant.low_confidence_message
    )
    assert outcome.reply.citations == () and outcome.status == Status.AI_ACTIVE
    [decision] = system.store.list_decisions(conv.id)
    assert decision.route == "low_confidence"
    assert decision.findings[0]["rule"] == "below_threshold"


def test_a_failing_guard_hands_off_and_stores_no_customer_text(system: System) -> None:
    class Exploding:
        name = "pii"
        stage = "input"

        def check(self, text: str, context: object) -> object:
            raise RuntimeError("boom")

    system.service.pipeline = GuardPipeline([Exploding()], [])  # type: ignore[list-item]
    conv = system.service.start().conversation
    outcome = system.service.handle_turn(conv.id, f"my card is {PII['card']}")
    assert outcome.status == Status.HANDOFF_REQUESTED
    assert outcome.reply and outcome.reply.text == system.policy.policy.handoff.failure_message
    assert PII["card"] not in _all_stored_text(system.engine)
    [decision] = system.store.list_decisions(conv.id)
    assert decision.route == "handoff_failure" and decision.findings[0]["rule"] == "guard_error"


def test_a_failing_backend_hands_off_with_the_reason(system: System) -> None:
    class Down:
        name = "down"

        def answer(self, question: str, history: object) -> object:
            raise TimeoutError

    system.service.backend = Down()  # type: ignore[assignment]
    conv = system.service.start().conversation
    outcome = system.service.handle_turn(conv.id, "how long does shipping take")
    assert outcome.status == Status.HANDOFF_REQUESTED
    [decision] = system.store.list_decisions(conv.id)
    assert decision.route == "handoff_failure"
    assert decision.findings[0]["reason"] == "down backend: TimeoutError"


def test_bad_text_changes_nothing(system: System) -> None:
    conv = system.service.start().conversation
    for bad in ("", "   ", "x" * 4001, "bad\x00byte"):
        with pytest.raises(InputError):
            system.service.handle_turn(conv.id, bad)
    assert len(system.store.list_messages(conv.id)) == 1
    assert system.store.list_decisions(conv.id) == []


def test_a_stale_turn_is_refused_and_writes_nothing(system: System) -> None:
    conv = system.service.start().conversation
    stale = system.store.load_turn(conversation_id=conv.id)
    assert stale is not None
    system.service.handle_turn(conv.id, "how long does shipping take")
    before = len(system.store.list_messages(conv.id))
    decisions = len(system.store.list_decisions(conv.id))
    with pytest.raises(ConflictError):
        system.service._turn(stale, "and how do returns work?")  # the second of two racing turns
    assert len(system.store.list_messages(conv.id)) == before
    assert len(system.store.list_decisions(conv.id)) == decisions


def test_resolved_conversation_refuses_new_messages(system: System) -> None:
    conv = system.service.start().conversation
    with system.engine.begin() as c:
        c.execute(tables.conversations.update().values(status="resolved"))
    with pytest.raises(ConflictError, match="has been resolved"):
        system.service.handle_turn(conv.id, "hello?")


def test_attributes_are_kept_only_with_consent(system: System) -> None:
    without = system.service.start(customer_ref="acct-1", attributes={"language": "de"})
    with_consent = system.service.start(
        customer_ref="acct-2", attributes={"language": "de"}, consents={"service_improvement": True}
    )
    assert not without.attributes_stored and with_consent.attributes_stored
    assert system.store.attributes(without.conversation.id) == {}
    assert system.store.attributes(with_consent.conversation.id) == {"language": "de"}


def test_migrations_create_every_table(engine: Engine, settings: Settings) -> None:
    build_system(settings, engine=engine)
    names = set(inspect(engine).get_table_names())
    assert {t.name for t in tables.metadata.sorted_tables} <= names
    assert "alembic_version" in names


def test_sqlite_runs_in_wal_mode_with_full_sync(tmp_path: Path, settings: Settings) -> None:
    from trustdesk.store.engine import make_engine

    eng = make_engine(f"sqlite:///{tmp_path / 'wal.db'}")
    build_system(settings, engine=eng)
    with eng.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_invalid_policy_stops_the_build(tmp_path: Path, settings: Settings, engine: Engine) -> None:
    bad = tmp_path / "policy.yaml"
    bad.write_text("policy_name: x\n")
    with pytest.raises(PolicyError, match="field organization: Field required"):
        build_system(settings, policy_file=bad, engine=engine)


def test_the_businesss_own_vocabulary_is_not_taken_for_personal_data(system: System) -> None:
    conv = system.service.start().conversation
    outcome = system.service.handle_turn(conv.id, "Do you accept Apple Pay or Google Pay?")
    assert system.store.list_messages(conv.id)[1].text == "Do you accept Apple Pay or Google Pay?"
    assert outcome.reply is not None and "Apple Pay" in outcome.reply.text
    assert "[PERSON" not in outcome.reply.text
    named = system.service.handle_turn(
        conv.id, "My name is Maria Gonzalez, do you ship to Northern Ireland?"
    )
    assert named.reply is not None
    stored = system.store.list_messages(conv.id)[3].text
    assert "Maria Gonzalez" not in stored and "[PERSON_1]" in stored
    assert "Northern Ireland" in stored


def test_no_knowledge_base_passage_is_altered_by_the_output_guards(system: System) -> None:
    from trustdesk.guards.base import GuardContext
    from trustdesk.privacy.placeholders import PlaceholderState

    for passage in system.index.passages:
        context = GuardContext(PlaceholderState())
        screened = system.service.pipeline.run_output(passage.text, context)
        assert screened.text == passage.text, passage.source
        assert not screened.findings, passage.source
