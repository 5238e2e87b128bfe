"""Live updates over HTTP: the customer's stream announces a person's reply, carries no text,
and opens only with the conversation's own token (in the header, never the URL)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import httpx

from trustdesk.composition import System
from trustdesk.conversation.agents import StaffMember


def _start(client: httpx.Client) -> tuple[str, dict[str, str]]:
    created = client.post("/api/v1/conversations", json={}).json()
    return created["id"], {"Authorization": f"Bearer {created['token']}"}


def _states(
    client: httpx.Client, cid: str, headers: dict[str, str], done: Callable[[Any], bool]
) -> list[Any]:
    """Read `state` events until one satisfies ``done``. Changes that land close together may
    arrive as one state (the stream sends what is there when it looks), so wait for the
    state itself, not for a number of events."""
    states: list[Any] = []
    with client.stream("GET", f"/api/v1/conversations/{cid}/events", headers=headers) as stream:
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        assert stream.headers["cache-control"] == "no-store"
        event = None
        for line in stream.iter_lines():
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: ") and event == "state":
                states.append(json.loads(line.removeprefix("data: ")))
                if done(states[-1]):
                    break
    return states


def test_the_customer_sees_a_person_join_and_reply_live(
    client: httpx.Client, system: System
) -> None:
    cid, headers = _start(client)
    client.post(f"/api/v1/conversations/{cid}/handoff", headers=headers)
    first_seq = client.get(f"/api/v1/conversations/{cid}", headers=headers).json()["messages"][-1][
        "seq"
    ]
    dana = StaffMember("dana", "agent")

    def staff_work() -> None:
        system.desk.claim(dana, cid)
        system.desk.reply(dana, cid, "Hello, I'm here to help with your order at a@b.example")

    worker = threading.Thread(target=staff_work)

    def done(state: Any) -> bool:
        if not worker.is_alive() and worker.ident is None:  # the stream is open: act now
            worker.start()
        # claimed (a "has joined" message) and replied: two messages after the handoff's
        return bool(state["with_person"]) and state["last_seq"] >= first_seq + 2

    states = _states(client, cid, headers, done)
    worker.join()
    assert states[0]["status"] == "handoff_requested" and states[0]["with_person"] is False
    assert states[-1]["status"] == "human_active" and states[-1]["with_person"] is True
    assert states[-1]["last_seq"] > states[0]["last_seq"]
    assert all(set(s) == {"status", "last_seq", "with_person", "typing"} for s in states)
    assert all(s["typing"] is None for s in states)  # nobody signalled typing: no text
    after = states[0]["last_seq"]
    page = client.get(f"/api/v1/conversations/{cid}?after={after}", headers=headers).json()
    person = [m for m in page["messages"] if m["role"] == "agent"]
    assert person and all(m["ai"] is False and m["author"] == "dana" for m in person)
    assert person[-1]["text"].endswith("a@b.example")  # the customer's view is refilled


def test_the_customer_sees_who_is_typing_and_then_the_reply(
    client: httpx.Client, system: System
) -> None:
    cid, headers = _start(client)
    client.post(f"/api/v1/conversations/{cid}/handoff", headers=headers)
    token = system.agents.add_staff("lea", "agent", display_name="Léa Martin")
    staff = {"Authorization": f"Bearer {token}"}
    # not held yet: nobody may say they are typing
    assert (
        client.post(f"/api/v1/agent/conversations/{cid}/typing", headers=staff).status_code == 409
    )
    assert client.post(f"/api/v1/agent/conversations/{cid}/claim", headers=staff).status_code == 200
    # the customer's own token is no staff credential
    assert (
        client.post(f"/api/v1/agent/conversations/{cid}/typing", headers=headers).status_code == 401
    )

    def staff_work() -> None:
        typed = client.post(f"/api/v1/agent/conversations/{cid}/typing", headers=staff)
        assert typed.status_code == 200 and typed.json()["until"]

    worker = threading.Thread(target=staff_work)

    def typing(state: Any) -> bool:
        if worker.ident is None:  # the stream is open: type now
            worker.start()
        return state["typing"] is not None

    states = _states(client, cid, headers, typing)
    worker.join()
    assert states[-1]["typing"] == "Léa Martin" and states[-1]["status"] == "human_active"
    reply = client.post(
        f"/api/v1/agent/conversations/{cid}/reply", json={"text": "Here I am."}, headers=staff
    )
    assert reply.status_code == 201
    after = _states(client, cid, headers, lambda state: True)
    assert after[0]["typing"] is None  # the reply is there: no longer typing


def test_a_stream_needs_the_conversations_own_token(client: httpx.Client) -> None:
    cid, _headers = _start(client)
    other, other_headers = _start(client)
    assert client.get(f"/api/v1/conversations/{cid}/events").status_code == 401
    assert (
        client.get(f"/api/v1/conversations/{cid}/events", headers=other_headers).status_code == 404
    )
    bad = {"Authorization": "Bearer not-a-token"}
    assert client.get(f"/api/v1/conversations/{other}/events", headers=bad).status_code == 401


def test_contesting_an_answer_hands_off_with_its_own_reason(
    client: httpx.Client, system: System
) -> None:
    cid, headers = _start(client)
    client.post(
        f"/api/v1/conversations/{cid}/messages",
        json={"text": "How long does shipping take?"},
        headers=headers,
    )
    answer = client.post(f"/api/v1/conversations/{cid}/contest", headers=headers)
    assert answer.status_code == 200 and answer.json()["status"] == "handoff_requested"
    [item] = [q for q in system.desk.queue() if q.conversation_id == cid]
    assert item.handoff_reason == "contested"
    assert client.post(f"/api/v1/conversations/{cid}/contest").status_code == 401
