"""``POST /messages`` with ``Accept: text/event-stream`` over real HTTP (uvicorn), on SQLite and
PostgreSQL, with the fake model server streaming a word at a time (docs/api.md, "Replies as
they are written")."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, update

from tests.integration.test_openai_backend import EMAIL, RETURN_WINDOW_QUESTION, openai_system
from tests.support.fake_llm import FakeOpenAIServer, grounded_reply
from tests.support.servers import uvicorn_thread
from trustdesk.composition import System
from trustdesk.settings import Settings
from trustdesk.store import tables
from trustdesk.web.app import create_app

STREAM = {"Accept": "text/event-stream"}
SECOND = "You can return it in its original packaging. [1]"


@pytest.fixture
def model() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        server.reply = lambda messages: f"{grounded_reply(messages)} {SECOND}"
        yield server


@pytest.fixture
def served(
    engine: Engine, settings: Settings, model: FakeOpenAIServer
) -> Iterator[tuple[httpx.Client, System]]:
    system = openai_system(engine, settings, model)
    with (
        uvicorn_thread(create_app(system)) as base_url,
        httpx.Client(base_url=base_url, timeout=20) as http,
    ):
        yield http, system


def _start(http: httpx.Client) -> tuple[str, dict[str, str]]:
    response = http.post("/api/v1/conversations", json={})
    assert response.status_code == 201, response.text
    data = response.json()
    return data["id"], {"Authorization": f"Bearer {data['token']}"}


def events_of(response: httpx.Response) -> list[tuple[str, Any]]:
    """The (event, data) pairs of a text/event-stream body."""
    found = []
    for block in response.text.split("\n\n"):
        lines = [line for line in block.split("\n") if line and not line.startswith(":")]
        if not lines:
            continue
        fields = dict(line.split(": ", 1) for line in lines)
        found.append((fields["event"], json.loads(fields["data"])))
    return found


def _stream(
    http: httpx.Client, cid: str, auth: dict[str, str], text: str
) -> tuple[httpx.Response, list[tuple[str, Any]]]:
    with http.stream(
        "POST",
        f"/api/v1/conversations/{cid}/messages",
        json={"text": text},
        headers={**auth, **STREAM},
    ) as response:
        response.read()
    return response, events_of(response) if response.status_code == 200 else []


def test_sentences_arrive_then_the_reply_that_stands(
    served: tuple[httpx.Client, System], model: FakeOpenAIServer
) -> None:
    http, _ = served
    cid, auth = _start(http)
    response, events = _stream(http, cid, auth, f"my email is {EMAIL}. {RETURN_WINDOW_QUESTION}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["cache-control"] == "no-store"
    first = grounded_reply(model.requests[0]["messages"])
    assert events[:-1] == [("sentence", {"text": first}), ("sentence", {"text": SECOND})]
    kind, reply = events[-1]
    assert kind == "reply"
    assert reply["status"] == "ai_active"
    assert reply["reply"]["text"] == f"{first} {SECOND}" and reply["reply"]["ai"] is True
    assert reply["reply"]["citations"]
    # what stands is what the transcript holds
    transcript = http.get(f"/api/v1/conversations/{cid}", headers=auth).json()
    assert transcript["messages"][-1]["text"] == reply["reply"]["text"]
    assert model.requests[0]["stream"] is True


def test_the_customers_own_details_come_back_in_the_sentences(
    served: tuple[httpx.Client, System], model: FakeOpenAIServer
) -> None:
    http, system = served
    model.reply = lambda messages: (
        f"{grounded_reply(messages)} We will confirm the return of your items within 30 days at "
        "[EMAIL_ADDRESS_1] [1]. "
        "Anything else?"
    )
    cid, auth = _start(http)
    _, events = _stream(http, cid, auth, f"my email is {EMAIL}. {RETURN_WINDOW_QUESTION}")
    sentences = [data["text"] for kind, data in events if kind == "sentence"]
    assert any(EMAIL in s for s in sentences), sentences
    assert "[EMAIL_ADDRESS_1]" not in json.dumps(events)
    stored = system.store.list_messages(cid)[-1].text
    assert "[EMAIL_ADDRESS_1]" in stored and EMAIL not in stored


def test_errors_before_the_reply_begins_are_plain_http_errors(
    served: tuple[httpx.Client, System], model: FakeOpenAIServer
) -> None:
    http, system = served
    cid, auth = _start(http)
    other, _ = _start(http)
    # another conversation's token, no token, a bad body: the usual answers, nothing streamed
    response, _ = _stream(http, other, auth, RETURN_WINDOW_QUESTION)
    assert response.status_code in (401, 404)
    assert response.headers["content-type"].startswith("application/json")
    response, _ = _stream(http, cid, {}, RETURN_WINDOW_QUESTION)
    assert response.status_code == 401
    bad = http.post(
        f"/api/v1/conversations/{cid}/messages", json={"text": 3}, headers={**auth, **STREAM}
    )
    assert bad.status_code == 422 and "3" not in bad.json()["error"]["message"]
    with system.engine.begin() as conn:
        conn.execute(
            update(tables.conversations)
            .where(tables.conversations.c.id == cid)
            .values(status="resolved")
        )
    response, _ = _stream(http, cid, auth, RETURN_WINDOW_QUESTION)
    assert response.status_code == 409
    assert response.json()["error"]["code"]
    assert model.requests == []


def test_a_model_failing_mid_reply_ends_in_the_hand_off_that_stands(
    served: tuple[httpx.Client, System], model: FakeOpenAIServer
) -> None:
    http, system = served
    model.reply = lambda messages: f"{grounded_reply(messages)} {SECOND} {SECOND} {SECOND}"
    model.drop_after = 30
    cid, auth = _start(http)
    response, events = _stream(http, cid, auth, RETURN_WINDOW_QUESTION)
    assert response.status_code == 200
    kinds = [kind for kind, _ in events]
    assert kinds[0] == "sentence" and kinds[-1] == "reply"
    reply = events[-1][1]
    assert reply["status"] == "handoff_requested"
    assert reply["reply"]["text"] == system.policy.policy.handoff.failure_message
    (decision,) = system.store.list_decisions(cid)
    assert [f["rule"] for f in decision.findings] == ["backend_error", "stream_withdrawn"]


def test_without_a_streaming_backend_only_the_reply_is_sent(client: httpx.Client) -> None:
    cid, auth = _start(client)
    response, events = _stream(client, cid, auth, RETURN_WINDOW_QUESTION)
    assert response.status_code == 200
    assert [kind for kind, _ in events] == ["reply"]
    again, again_auth = _start(client)  # the same question, without streaming
    plain = client.post(
        f"/api/v1/conversations/{again}/messages",
        json={"text": RETURN_WINDOW_QUESTION},
        headers=again_auth,
    )
    assert plain.json() == events[0][1]


def test_the_openapi_document_names_the_stream(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    ok = spec["paths"]["/api/v1/conversations/{conversation_id}/messages"]["post"]["responses"]
    assert set(ok["200"]["content"]) == {"application/json", "text/event-stream"}
