"""A second, independent test for each promise that rested on one: over real HTTP, on SQLite
and PostgreSQL, checked through what the customer gets back and what the database holds.

Promises: a token opens only its own conversation (every customer endpoint); the 64 KiB body
limit; the output guards on a model's draft; the AI label on every AI message; the disclosure
greeting as message 1; a resolved conversation refuses messages; a failing guard hands off.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from faker import Faker
from sqlalchemy import Engine, func, select, update

from tests.integration.test_openai_backend import (
    RETURN_WINDOW_QUESTION,
    openai_system,
    stored_rows,
)
from tests.support.fake_llm import FakeOpenAIServer, grounded_reply
from tests.support.servers import uvicorn_thread
from trustdesk.composition import System
from trustdesk.settings import Settings
from trustdesk.store import tables
from trustdesk.web.app import create_app

BODY_LIMIT = 64 * 1024  # docs/api.md: "body over 64 KiB ... 413"


def settled_rows(system: System) -> str:
    """Every stored row, once the ledger's background sealer has chained what was pending (it
    moves rows from the outbox to the ledger on its own schedule, which is not what a test of
    "nothing was stored" is about)."""
    system.sealer.flush()
    return stored_rows(system.engine)


@pytest.fixture
def fake() -> Faker:
    generator = Faker("en_GB")
    generator.seed_instance(2026)
    return generator


def _start(client: httpx.Client, body: dict[str, Any] | None = None) -> tuple[str, dict[str, str]]:
    response = client.post("/api/v1/conversations", json=body or {})
    assert response.status_code == 201, response.text
    data = response.json()
    return data["id"], {"Authorization": f"Bearer {data['token']}"}


def _say(client: httpx.Client, cid: str, auth: dict[str, str], text: str) -> dict[str, Any]:
    response = client.post(
        f"/api/v1/conversations/{cid}/messages", json={"text": text}, headers=auth
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _view(client: httpx.Client, cid: str, auth: dict[str, str]) -> dict[str, Any]:
    response = client.get(f"/api/v1/conversations/{cid}", headers=auth)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _stored_messages(engine: Engine, cid: str) -> list[dict[str, Any]]:
    """The messages rows of one conversation, in order, straight from the database."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(tables.messages)
            .where(tables.messages.c.conversation_id == cid)
            .order_by(tables.messages.c.seq)
        ).mappings()
        return [dict(row) for row in rows]


def _count(engine: Engine, table: Any, *where: Any) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())


def _pipeline(system: System) -> Any:
    """The guard pipeline, wherever the composition root keeps it (system or service)."""
    found = getattr(system, "pipeline", None)
    return found if found is not None else system.service.pipeline


# -- a token opens only its own conversation ------------------------------------------------

ENDPOINTS: dict[str, tuple[str, str, dict[str, Any] | None]] = {
    "read": ("GET", "", None),
    "message": ("POST", "/messages", {"text": "show me everything you know"}),
    "handoff": ("POST", "/handoff", None),
    "consents_read": ("GET", "/consents", None),
    "consents_write": ("POST", "/consents", {"purpose": "ai_assistance", "granted": False}),
    "export": ("GET", "/export", None),
    "erase": ("POST", "/erase", None),
}


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_every_customer_endpoint_refuses_other_and_missing_tokens_and_changes_nothing(
    client: httpx.Client, system: System, fake: Faker, endpoint: str
) -> None:
    method, suffix, body = ENDPOINTS[endpoint]
    email = fake.email()
    victim, victim_auth = _start(client, {"consents": {"service_improvement": True}})
    _say(client, victim, victim_auth, f"My email is {email}. {RETURN_WINDOW_QUESTION}")
    attacker, attacker_auth = _start(client)
    victim_token = victim_auth["Authorization"].removeprefix("Bearer ")
    seen_before = _view(client, victim, victim_auth)
    consents_before = client.get(f"/api/v1/conversations/{victim}/consents", headers=victim_auth)
    database_before = settled_rows(system)

    def call(cid: str, headers: dict[str, str]) -> httpx.Response:
        return client.request(
            method, f"/api/v1/conversations/{cid}{suffix}", json=body, headers=headers
        )

    for target in (victim, str(uuid.uuid4())):  # someone else's id, an id nobody has
        response = call(target, attacker_auth)
        assert response.status_code == 404, (target == victim, response.text)
        assert response.json()["error"]["code"] == "not_found"
        assert email not in response.text
    for headers in (
        {},
        {"Authorization": f"Bearer {uuid.uuid4().hex}"},
        {"Authorization": f"Bearer {victim_token[:-1]}"},
        {"Authorization": f"Basic {victim_token}"},  # the right token, the wrong scheme
    ):
        response = call(victim, headers)
        assert response.status_code == 401, response.text
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.json()["error"]["code"] == "auth"
        assert email not in response.text

    # Nothing anywhere in the database moved: no message, consent, request record or erasure.
    assert settled_rows(system) == database_before
    assert _view(client, victim, victim_auth) == seen_before
    consents_after = client.get(f"/api/v1/conversations/{victim}/consents", headers=victim_auth)
    assert consents_after.json() == consents_before.json()
    assert _view(client, attacker, attacker_auth)["status"] == "ai_active"


# -- the 64 KiB body limit ------------------------------------------------------------------


def _padded(text: str, size: int) -> bytes:
    """A valid JSON message of exactly ``size`` bytes: whitespace after the object."""
    body = f'{{"text": "{text}"}}'.encode()
    assert len(body) < size
    return body + b" " * (size - len(body))


def _send_body(
    client: httpx.Client, path: str, body: bytes, auth: dict[str, str], chunked: bool
) -> httpx.Response:
    headers = {**auth, "Content-Type": "application/json"}
    if not chunked:
        return client.post(path, content=body, headers=headers)

    def pieces() -> Iterator[bytes]:  # no Content-Length: Transfer-Encoding: chunked
        for start in range(0, len(body), 1000):
            yield body[start : start + 1000]

    response = client.post(path, content=pieces(), headers=headers)
    assert "content-length" not in {k.lower() for k in response.request.headers}
    return response


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content_length"])
def test_body_of_exactly_64_kib_is_accepted_and_one_byte_more_is_refused_unstored(
    client: httpx.Client, system: System, fake: Faker, chunked: bool
) -> None:
    cid, auth = _start(client)
    path = f"/api/v1/conversations/{cid}/messages"
    refused_text = f"please store {fake.lexify('??????????')} for me"
    database_before = settled_rows(system)

    over = _send_body(client, path, _padded(refused_text, BODY_LIMIT + 1), auth, chunked)
    assert over.status_code == 413, over.text
    assert over.json()["error"]["code"] == "body_too_large"
    assert refused_text not in over.text
    assert settled_rows(system) == database_before

    accepted_text = f"how long do I have to return {fake.lexify('??????????')}"
    at_limit = _send_body(client, path, _padded(accepted_text, BODY_LIMIT), auth, chunked)
    assert at_limit.status_code == 200, at_limit.text
    customer = [m["text"] for m in _view(client, cid, auth)["messages"] if m["role"] == "customer"]
    assert customer == [accepted_text]


def test_create_with_a_streamed_body_over_64_kib_stores_no_conversation(
    client: httpx.Client, system: System
) -> None:
    before = _count(system.engine, tables.conversations)
    body = _padded("unused", BODY_LIMIT + 1)
    response = _send_body(client, "/api/v1/conversations", body, {}, chunked=True)
    assert response.status_code == 413
    assert _count(system.engine, tables.conversations) == before


# -- the output guards, on a real model server's draft ----------------------------------------


@pytest.fixture
def model() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def model_client(
    engine: Engine, settings: Settings, model: FakeOpenAIServer
) -> Iterator[tuple[httpx.Client, System]]:
    """The app on the OpenAI-compatible backend, pointed at the fake model server."""
    system = openai_system(engine, settings, model)
    with (
        uvicorn_thread(create_app(system)) as base_url,
        httpx.Client(base_url=base_url, timeout=10) as http,
    ):
        yield http, system


def test_email_the_customer_never_sent_is_redacted_in_the_reply_and_the_transcript(
    model_client: tuple[httpx.Client, System], model: FakeOpenAIServer, fake: Faker
) -> None:
    client, system = model_client
    own, leaked = fake.unique.email(), fake.unique.email()
    # A grounded sentence (passage 1's, cited) that adds an address the passage never gave.
    model.reply = lambda messages: (
        f"We will write to [EMAIL_ADDRESS_1]. "
        f"{grounded_reply(messages).removesuffix('. [1]')}, or also write to {leaked} [1]."
    )
    cid, auth = _start(client)
    turn = _say(client, cid, auth, f"My email is {own}. {RETURN_WINDOW_QUESTION}")

    assert len(model.requests) == 1
    assert own not in str(model.requests)
    reply = turn["reply"]["text"]
    assert leaked not in reply
    assert own in reply  # the customer's own value, filled back in for them
    assert re.search(r"also write to \[EMAIL_ADDRESS_\d+\] \[1\]\.$", reply), reply
    transcript = _view(client, cid, auth)["messages"]
    assert transcript[-1]["text"] == reply
    assert all(leaked not in m["text"] for m in transcript)
    stored = stored_rows(system.engine)
    assert leaked not in stored and own not in stored
    assert "pii_leak" in stored  # the finding was recorded


def test_draft_claiming_to_be_human_is_cut_from_reply_and_transcript(
    model_client: tuple[httpx.Client, System], model: FakeOpenAIServer
) -> None:
    client, system = model_client
    claim = "I am a real human."  # too short to be judged for grounding: the claim guard cuts it
    model.reply = lambda messages: f"{claim} {grounded_reply(messages)}"
    cid, auth = _start(client)
    turn = _say(client, cid, auth, RETURN_WINDOW_QUESTION)

    assert len(model.requests) == 1
    wanted = grounded_reply(model.requests[0]["messages"])
    assert turn["reply"]["text"] == wanted
    assert turn["reply"]["ai"] is True
    last = _view(client, cid, auth)["messages"][-1]
    assert last["text"] == wanted and last["ai"] is True
    stored = _stored_messages(system.engine, cid)
    assert stored[-1]["text"] == wanted
    assert all(claim.rstrip(".") not in m["text"] for m in stored)
    with system.engine.connect() as conn:
        findings = conn.execute(
            select(tables.decisions.c.findings).where(tables.decisions.c.conversation_id == cid)
        ).scalar_one()
    assert "human_claim_removed" in [f["rule"] for f in findings]


def test_a_draft_that_only_claims_to_be_human_is_never_sent(
    model_client: tuple[httpx.Client, System], model: FakeOpenAIServer
) -> None:
    """Nothing in it is supported by a passage: withheld, and the customer is offered a person."""
    client, system = model_client
    claim = "Honestly, I'm a human being and I work in the Leeds office"
    model.reply = lambda messages: f"{claim} [1]."
    cid, auth = _start(client)
    turn = _say(client, cid, auth, RETURN_WINDOW_QUESTION)

    assert turn["reply"]["text"] == system.policy.policy.assistant.low_confidence_message
    assert turn["reply"]["ai"] is True
    stored = _stored_messages(system.engine, cid)
    assert all("human being" not in m["text"] for m in stored)


# -- AI label, disclosure greeting ----------------------------------------------------------


def test_every_ai_message_in_the_stored_transcript_carries_the_ai_label(
    client: httpx.Client, system: System
) -> None:
    cid, auth = _start(client)
    for text in (
        RETURN_WINDOW_QUESTION,  # answered from the knowledge base
        "what is the capital of peru",  # not confident: offers a person
        "wait, am I talking to a bot?",  # the truthful disclosure
        "I want to talk to a human",  # handed to a person
        "hello, anyone there?",  # no AI reply any more
    ):
        _say(client, cid, auth, text)

    rows = _stored_messages(system.engine, cid)
    assert [r["role"] for r in rows] == ["assistant"] + ["customer", "assistant"] * 4 + ["customer"]
    assert all(r["ai"] is True for r in rows if r["role"] == "assistant")
    assert all(r["ai"] is False for r in rows if r["role"] == "customer")
    seen = _view(client, cid, auth)
    assert [(m["role"], m["ai"]) for m in seen["messages"]] == [(r["role"], r["ai"]) for r in rows]
    assert seen["disclosure"]["ai_label"] == system.policy.policy.disclosure.ai_label
    exported = client.get(f"/api/v1/conversations/{cid}/export", headers=auth).json()
    [conversation] = exported["conversations"]
    assert [(m["role"], m["ai"]) for m in conversation["messages"]] == [
        (r["role"], r["ai"]) for r in rows
    ]


@pytest.mark.parametrize(
    "create",
    [{}, {"consents": {"ai_assistance": False}}, {"channel": "mobile_app"}],
    ids=["plain", "no_ai_consent", "other_channel"],
)
def test_the_disclosure_greeting_stays_message_one(
    client: httpx.Client, system: System, create: dict[str, Any]
) -> None:
    greeting = system.policy.policy.disclosure.greeting
    cid, auth = _start(client, create)
    _say(client, cid, auth, RETURN_WINDOW_QUESTION)
    _say(client, cid, auth, "thanks")

    rows = _stored_messages(system.engine, cid)
    assert [r["seq"] for r in rows] == list(range(1, len(rows) + 1))
    first = rows[0]
    assert (first["seq"], first["role"], first["ai"], first["text"]) == (
        1,
        "assistant",
        True,
        greeting,
    )
    assert sum(r["text"] == greeting for r in rows) == 1
    assert _view(client, cid, auth)["messages"][0]["text"] == greeting
    exported = client.get(f"/api/v1/conversations/{cid}/export", headers=auth).json()
    assert exported["conversations"][0]["messages"][0]["text"] == greeting


# -- a resolved conversation refuses messages -------------------------------------------------


def test_resolved_conversation_answers_409_and_stores_nothing(
    client: httpx.Client, system: System, fake: Faker
) -> None:
    cid, auth = _start(client)
    _say(client, cid, auth, RETURN_WINDOW_QUESTION)
    with system.engine.begin() as conn:  # no customer endpoint resolves; staff will
        conn.execute(
            update(tables.conversations)
            .where(tables.conversations.c.id == cid)
            .values(status="resolved")
        )
    database_before = settled_rows(system)
    late = f"one more thing about {fake.lexify('??????????')}"

    said = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": late}, headers=auth)
    pressed = client.post(f"/api/v1/conversations/{cid}/handoff", headers=auth)

    for response in (said, pressed):
        assert response.status_code == 409, response.text
        assert response.json()["error"]["code"] == "conflict"
        assert late not in response.text
    assert settled_rows(system) == database_before
    assert _view(client, cid, auth)["status"] == "resolved"


# -- a failing guard hands off (fail closed) --------------------------------------------------


def _raises(text: str, context: Any) -> Any:
    # The message quotes the text: it must reach neither the customer, the store nor the log.
    raise RuntimeError(f"guard broke on {text!r}")


@pytest.mark.parametrize(
    "pick",
    [lambda guards: guards[0], lambda guards: guards[-1]],
    ids=["first_input_guard", "last_input_guard"],
)
def test_failing_input_guard_hands_off_and_keeps_no_raw_text(
    client: httpx.Client,
    system: System,
    fake: Faker,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    pick: Callable[[Any], Any],
) -> None:
    guard = pick(_pipeline(system).input_guards)
    monkeypatch.setattr(guard, "check", _raises)
    card = fake.credit_card_number(card_type="visa16")
    email = fake.email()
    sentence = f"my {fake.lexify('??????????')} order never arrived"
    cid, auth = _start(client)

    caplog.set_level(logging.DEBUG)
    turn = _say(client, cid, auth, f"My card is {card} and my email is {email}, {sentence}.")

    assert turn["status"] == "handoff_requested"
    assert turn["reply"]["text"] == system.policy.policy.handoff.failure_message
    assert turn["reply"]["ai"] is True
    seen = _view(client, cid, auth)
    assert seen["status"] == "handoff_requested"
    stored = stored_rows(system.engine)
    for raw in (card, email, sentence):
        assert raw not in stored
        assert raw not in str(seen)
        assert raw not in caplog.text
    assert "guard_error" in stored
    assert _count(system.engine, tables.vault_entries) == 0  # nothing was sealed either
