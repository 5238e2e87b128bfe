"""Replies shown while they are written, through the real openai client and HTTP, on a real
database: the OpenAI-compatible backend's ``stream_answer`` against the fake model server
streaming a word at a time, and the service's ``customer_turn`` with ``show``."""

from __future__ import annotations

import json
import re
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
from trustdesk.assistant.grounding import StreamedSentence
from trustdesk.assistant.openai_backend import OpenAICompatibleBackend
from trustdesk.composition import System
from trustdesk.errors import BackendError
from trustdesk.settings import Settings

SECOND = "You can return it in its original packaging."


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


def _openai(system: System) -> OpenAICompatibleBackend:
    backend = system.backend
    backend = getattr(backend, "default", backend)
    assert isinstance(backend, OpenAICompatibleBackend)
    return backend


def two_sentences(messages: list[dict[str, Any]]) -> str:
    """The grounded first sentence of passage [1], then a second one citing it too."""
    return f"{grounded_reply(messages)} {SECOND} [1]"


def test_a_streamed_reply_gives_its_sentences_and_the_same_draft(
    engine: Engine, settings: Settings, llm: FakeOpenAIServer
) -> None:
    llm.reply = two_sentences
    backend = _openai(openai_system(engine, settings, llm))
    sentences: list[StreamedSentence] = []
    streamed = backend.stream_answer(RETURN_WINDOW_QUESTION, (), sentences.append)
    whole = backend.answer(RETURN_WINDOW_QUESTION, ())
    assert streamed == whole
    streamed_request, whole_request = llm.requests
    assert streamed_request["stream"] is True and "stream" not in whole_request
    assert streamed_request["max_tokens"] == whole_request["max_tokens"]
    first = grounded_reply(streamed_request["messages"])
    assert [s.text for s in sentences] == [first, f"{SECOND} [1]"]
    assert sentences[0].support is not None and sentences[0].support >= 0.5


def test_a_reply_cut_at_the_length_limit_streams_only_whole_sentences(
    engine: Engine, settings: Settings, llm: FakeOpenAIServer
) -> None:
    llm.reply = lambda messages: f"{grounded_reply(messages)} You can also send it back by"
    llm.finish_reason = "length"
    backend = _openai(openai_system(engine, settings, llm))
    sentences: list[StreamedSentence] = []
    draft = backend.stream_answer(RETURN_WINDOW_QUESTION, (), sentences.append)
    assert [s.text for s in sentences] == [draft.text]
    assert not draft.text.endswith("by")


def test_a_connection_dropped_mid_reply_is_a_backend_error(
    engine: Engine, settings: Settings, llm: FakeOpenAIServer
) -> None:
    llm.reply = two_sentences
    llm.drop_after = 8
    backend = _openai(openai_system(engine, settings, llm))
    with pytest.raises(BackendError):
        backend.stream_answer(RETURN_WINDOW_QUESTION, (), lambda s: None)


def test_a_reply_trickling_past_the_timeout_is_a_backend_error(
    engine: Engine, settings: Settings, llm: FakeOpenAIServer
) -> None:
    # each piece comes well within the client's timeout; the whole reply does not
    llm.reply = two_sentences
    llm.piece_delay_s = 0.2
    backend = _openai(openai_system(engine, settings, llm, timeout_s=1.0))
    with pytest.raises(BackendError, match="did not answer in time"):
        backend.stream_answer(RETURN_WINDOW_QUESTION, (), lambda s: None)


def test_the_customer_sees_the_reply_while_it_is_written_and_the_record_is_whole(
    engine: Engine, settings: Settings, llm: FakeOpenAIServer
) -> None:
    llm.reply = lambda messages: f"We will write to [EMAIL_ADDRESS_1]. {two_sentences(messages)}"
    system = openai_system(engine, settings, llm)
    conv = system.service.start()
    shown: list[str] = []
    outcome = system.service.customer_turn(
        conv.conversation.id,
        conv.token,
        f"my email is {EMAIL}. {RETURN_WINDOW_QUESTION}",
        shown.append,
    )
    assert outcome.route == "assistant" and outcome.reply is not None
    # the short sentence waited for the first grounded one
    first = grounded_reply(llm.requests[0]["messages"])
    assert shown == [f"We will write to {EMAIL}.", first, f"{SECOND} [1]"]
    assert outcome.reply.text == f"We will write to {EMAIL}. {first} {SECOND} [1]"
    stored = system.store.list_messages(conv.conversation.id)[-1]
    assert stored.text.startswith("We will write to [EMAIL_ADDRESS_1].")
    (decision,) = system.store.list_decisions(conv.conversation.id)
    assert decision.route == "assistant"
    assert not [f for f in decision.findings if f["rule"] == "stream_withdrawn"]
    assert EMAIL not in stored_rows(engine)


def test_a_failure_after_sentences_were_shown_hands_off_and_says_so(
    engine: Engine, settings: Settings, llm: FakeOpenAIServer
) -> None:
    llm.reply = lambda messages: f"{two_sentences(messages)} {SECOND} [1] {SECOND} [1]"
    system = openai_system(engine, settings, llm)
    first_words = len(re.findall(r"\S+", grounded_reply([]) or "")) + 40
    llm.drop_after = first_words
    conv = system.service.start()
    shown: list[str] = []
    outcome = system.service.customer_turn(
        conv.conversation.id, conv.token, RETURN_WINDOW_QUESTION, shown.append
    )
    assert shown, "some sentences were shown before the connection dropped"
    assert outcome.route == "handoff_failure"
    assert outcome.reply is not None
    assert outcome.reply.text == system.policy.policy.handoff.failure_message
    (decision,) = system.store.list_decisions(conv.conversation.id)
    rules = [f["rule"] for f in decision.findings]
    assert rules == ["backend_error", "stream_withdrawn"]
    withdrawn = decision.findings[1]
    assert withdrawn["score"] == float(len(shown))
    assert json.dumps(withdrawn).find(SECOND) == -1  # the record names no text
