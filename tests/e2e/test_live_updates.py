"""Live updates over HTTP: the customer's stream announces a person's reply, carries no text,
and opens only with the conversation's own token (in the header, never the URL)."""

from __future__ import annotations

import json
import threading
from typing import Any

import httpx

from trustdesk.composition import System
from trustdesk.conversation.agents import StaffMember


def _start(client: httpx.Client) -> tuple[str, dict[str, str]]:
    created = client.post("/api/v1/conversations", json={}).json()
    return created["id"], {"Authorization": f"Bearer {created['token']}"}


def _states(client: httpx.Client, cid: str, headers: dict[str, str], want: int) -> list[Any]:
    """Read `state` events until ``want`` arrived; returns them and the raw lines seen."""
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
                if len(states) >= want:
                    break
    return states


def test_the_customer_sees_a_person_join_and_reply_live(
    client: httpx.Client, system: System
) -> None:
    cid, headers = _start(client)
    client.post(f"/api/v1/conversations/{cid}/handoff", headers=headers)
    dana = StaffMember("dana", "agent")

    def staff_work() -> None:
        threading.Event().wait(0.5)
        system.desk.claim(dana, cid)
        system.desk.reply(dana, cid, "Hello, I'm here to help with your order at a@b.example")

    worker = threading.Thread(target=staff_work)
    worker.start()
    states = _states(client, cid, headers, want=3)
    worker.join()
    assert states[0]["status"] == "handoff_requested" and states[0]["with_person"] is False
    assert states[-1]["status"] == "human_active" and states[-1]["with_person"] is True
    assert states[-1]["last_seq"] > states[0]["last_seq"]
    assert all(set(s) == {"status", "last_seq", "with_person"} for s in states)  # no text
    after = states[0]["last_seq"]
    page = client.get(f"/api/v1/conversations/{cid}?after={after}", headers=headers).json()
    person = [m for m in page["messages"] if m["role"] == "agent"]
    assert person and all(m["ai"] is False and m["author"] == "dana" for m in person)
    assert person[-1]["text"].endswith("a@b.example")  # the customer's view is refilled


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
