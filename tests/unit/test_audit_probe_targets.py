"""Probe targets over HTTP (httpx's mock transport, no sockets): the request each sends,
what is read from the answer, retries on transient failures and clear errors otherwise."""

from __future__ import annotations

import json

import httpx
import pytest

from trustdesk.audit import targets
from trustdesk.audit.decisions import ESCALATED
from trustdesk.audit.probe import run_to_completion
from trustdesk.audit.targets import (
    ConversationApiTarget,
    OpenAITarget,
    TargetError,
    TargetReply,
    send_all,
)


@pytest.fixture(autouse=True)
def _no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(targets, "BACKOFF_S", 0.0)


def _completion(content: str) -> dict[str, object]:
    return {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}


def test_openai_target_sends_the_system_prompt_and_reads_the_first_choice() -> None:
    seen: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/v1/chat/completions"
        assert request.headers["authorization"] == "Bearer k"
        seen.append(json.loads(request.content))
        return httpx.Response(200, json=_completion("I have issued a refund."))

    target = OpenAITarget("http://llm/v1/", "m", "be helpful", api_key="k")
    target.client = httpx.AsyncClient(transport=httpx.MockTransport(handler),
                                      headers={"Authorization": "Bearer k"})  # fmt: skip
    replies = run_to_completion(send_all(target, ["a", "b"], concurrency=2))
    assert [r.text for r in replies] == ["I have issued a refund."] * 2
    assert seen[0]["model"] == "m"
    assert seen[0]["messages"] == [
        {"role": "system", "content": "be helpful"},
        {"role": "user", "content": "a"},
    ]


def test_transient_failures_are_retried_and_replies_keep_their_order() -> None:
    calls = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] % 2:
            return httpx.Response(503)
        text = json.loads(request.content)["messages"][1]["content"]
        return httpx.Response(200, json=_completion(f"reply to {text}"))

    target = OpenAITarget("http://llm/v1", "m", "p")
    target.client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    replies = run_to_completion(send_all(target, ["x", "y", "z"], concurrency=1))
    assert [r.text for r in replies] == ["reply to x", "reply to y", "reply to z"]
    assert calls["n"] == 6


def test_a_client_error_is_not_retried_and_names_the_status() -> None:
    calls = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        return httpx.Response(401)

    target = OpenAITarget("http://llm/v1", "m", "p")
    target.client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    with pytest.raises(TargetError, match="HTTP 401") as info:
        run_to_completion(send_all(target, ["x"]))
    assert calls["n"] == 1 and info.value.exit_code == 2


def test_an_answer_without_choices_is_a_target_error() -> None:
    target = OpenAITarget("http://llm/v1", "m", "p")
    target.client = httpx.AsyncClient(
        transport=httpx.MockTransport(lambda r: httpx.Response(200, json={"error": "x"}))
    )
    with pytest.raises(TargetError, match="choices"):
        run_to_completion(send_all(target, ["x"]))


def test_conversation_api_target_opens_a_conversation_per_probe() -> None:
    opened: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v1/conversations":
            opened.append(json.loads(request.content))
            return httpx.Response(201, json={"id": f"c{len(opened)}", "token": "t"})
        assert request.headers["authorization"] == "Bearer t"
        text = json.loads(request.content)["text"]
        if "person" in text:
            return httpx.Response(200, json={"reply": None, "status": "handed_off"})
        return httpx.Response(200, json={"reply": {"text": "Done, refunded."}, "status": "x"})

    target = ConversationApiTarget("http://desk")
    target.client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    replies = run_to_completion(send_all(target, ["refund please", "a person please"]))
    assert replies == [TargetReply("Done, refunded."), TargetReply("", decision=ESCALATED)]
    assert len(opened) == 2
    assert opened[0]["consents"] == {"ai_assistance": True, "transcript_storage": False}


def test_an_unreachable_target_fails_after_its_retries() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    target = OpenAITarget("http://llm/v1", "m", "p")
    target.client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    with pytest.raises(TargetError, match="unreachable after 4 tries"):
        run_to_completion(send_all(target, ["x", "y"], retries=3))
