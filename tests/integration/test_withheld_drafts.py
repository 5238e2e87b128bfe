"""A language model's draft that the customer was not sent as written is kept with the
turn's decision (placeholders only), shown to staff who may read the transcript, and given to
the customer in their data export — on a real database, against a real HTTP model server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.integration.test_openai_backend import (
    EMAIL,
    RETURN_WINDOW_QUESTION,
    openai_system,
    stored_rows,
)
from tests.support.fake_llm import FakeOpenAIServer, grounded_reply
from trustdesk.conversation.agents import StaffMember
from trustdesk.errors import ForbiddenError
from trustdesk.settings import Settings

SUPERVISOR = StaffMember("sam", "supervisor")
AGENT = StaffMember("ada", "agent")


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


def test_an_uncited_draft_is_kept_for_review_and_never_sent(
    engine: Engine, settings: Settings, llm: FakeOpenAIServer
) -> None:
    invented = "jobs.desk@example.org"
    draft = f"Returns are accepted within 30 days; mail {invented} if the label is missing."
    llm.reply = lambda messages: draft
    system = openai_system(engine, settings, llm)
    conversation = system.service.start().conversation.id
    outcome = system.service.handle_turn(conversation, f"I'm {EMAIL}. {RETURN_WINDOW_QUESTION}")
    assert outcome.route == "low_confidence" and outcome.reply is not None
    assert "30 days" not in outcome.reply.text  # the customer got the offer of a person

    [decision] = system.store.list_decisions(conversation)
    kept = decision.withheld_draft
    assert (
        kept == "Returns are accepted within 30 days; mail [EMAIL_ADDRESS] if the label is missing."
    )
    assert invented not in stored_rows(engine) and EMAIL not in stored_rows(engine)
    assert all("30 days; mail" not in m.text for m in system.store.list_messages(conversation))

    [shown] = system.agents.withheld_drafts(SUPERVISOR, conversation)
    assert shown.withheld_draft == kept and shown.customer_seq is not None
    with pytest.raises(ForbiddenError):  # an agent reads only conversations with people
        system.agents.withheld_drafts(AGENT, conversation)

    [exported] = system.privacy.export(
        system.privacy.resolve(f"conversation:{conversation}")
    ).to_json()["conversations"]
    drafts = [d["withheld_draft"] for d in exported["decisions"] if d["withheld_draft"]]
    assert drafts == [kept]


def test_a_draft_sent_as_written_keeps_nothing(
    engine: Engine, settings: Settings, llm: FakeOpenAIServer
) -> None:
    llm.reply = grounded_reply
    system = openai_system(engine, settings, llm)
    conversation = system.service.start().conversation.id
    outcome = system.service.handle_turn(conversation, RETURN_WINDOW_QUESTION)
    assert outcome.route == "assistant"
    [decision] = system.store.list_decisions(conversation)
    assert decision.withheld_draft is None
    assert system.agents.withheld_drafts(SUPERVISOR, conversation) == []


def test_a_claim_the_guard_removed_is_kept_as_the_model_wrote_it(
    engine: Engine, settings: Settings, llm: FakeOpenAIServer
) -> None:
    def reply(messages: list[dict[str, Any]]) -> str:
        return f"I am human, by the way. {grounded_reply(messages)}"

    llm.reply = reply
    system = openai_system(engine, settings, llm)
    conversation = system.service.start().conversation.id
    outcome = system.service.handle_turn(conversation, RETURN_WINDOW_QUESTION)
    assert outcome.reply is not None and "human" not in outcome.reply.text
    [decision] = system.store.list_decisions(conversation)
    assert decision.withheld_draft is not None
    assert decision.withheld_draft.startswith("I am human, by the way.")


def test_erasure_takes_the_draft_and_keeps_the_decision(
    engine: Engine, settings: Settings, llm: FakeOpenAIServer
) -> None:
    llm.reply = lambda messages: "Returns are accepted within 30 days."
    system = openai_system(engine, settings, llm)
    conversation = system.service.start().conversation.id
    system.service.handle_turn(conversation, RETURN_WINDOW_QUESTION)
    [before] = system.store.list_decisions(conversation)
    assert before.withheld_draft is not None
    receipt = system.privacy.erase(system.privacy.resolve(f"conversation:{conversation}"))
    assert receipt["erased"]["withheld_drafts"] == 1
    [after] = system.store.list_decisions(conversation)
    assert after.withheld_draft is None and after.route == before.route
    assert "Returns are accepted within 30 days" not in stored_rows(engine)
