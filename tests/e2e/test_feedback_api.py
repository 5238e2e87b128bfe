"""Feedback and concerns over HTTP (docs/feedback.md), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from trustdesk.composition import System
from trustdesk.conversation.agents import StaffMember

EMAIL = "ann.feedback@example.org"
SECRET_WORD = "zebracorn"  # a marker: refusals must never repeat what was sent


def _start(client: httpx.Client) -> tuple[str, dict[str, str]]:
    answer = client.post("/api/v1/conversations", json={})
    assert answer.status_code == 201, answer.text
    data = answer.json()
    return data["id"], {"Authorization": f"Bearer {data['token']}"}


def _rows(system: System, sql: str, **params: Any) -> list[Any]:
    with system.engine.connect() as conn:
        return [dict(r) for r in conn.execute(text(sql), params).mappings()]


def _staff(system: System, name: str, role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {system.agents.add_staff(name, role)}"}


def _feedback_path(cid: str) -> str:
    return f"/api/v1/conversations/{cid}/feedback"


# -- feedback -------------------------------------------------------------------------------


def test_feedback_is_given_read_back_and_changed(client: httpx.Client, system: System) -> None:
    cid, auth = _start(client)
    assert client.get(_feedback_path(cid), headers=auth).json() == {"feedback": None}

    given = client.post(
        _feedback_path(cid), headers=auth, json={"rating": 5, "solved": True, "comment": "Quick"}
    )
    assert given.status_code == 200, given.text
    assert given.json()["feedback"]["rating"] == 5
    assert given.json()["feedback"]["solved"] is True

    changed = client.post(_feedback_path(cid), headers=auth, json={"rating": 2})
    assert changed.status_code == 200
    read = client.get(_feedback_path(cid), headers=auth).json()["feedback"]
    assert (read["rating"], read["solved"], read["comment"]) == (2, None, None)
    [row] = _rows(system, "SELECT rating, updates FROM feedback WHERE conversation_id = :c", c=cid)
    assert (row["rating"], row["updates"]) == (2, 1)


INVALID_BODIES: list[tuple[str, Any]] = [
    ("no rating", {"solved": True}),
    ("rating 0", {"rating": 0}),
    ("rating 6", {"rating": 6}),
    ("negative rating", {"rating": -1}),
    ("rating as text", {"rating": "5"}),
    ("fractional rating", {"rating": 4.5}),
    ("rating as bool", {"rating": True}),
    ("rating null", {"rating": None}),
    ("solved as text", {"rating": 3, "solved": "yes"}),
    ("comment as number", {"rating": 3, "comment": 7}),
    ("comment too long", {"rating": 3, "comment": SECRET_WORD * 120}),
    ("control character", {"rating": 3, "comment": SECRET_WORD + "\u0000"}),
    ("unknown field", {"rating": 3, SECRET_WORD: 1}),
    ("a list", [5]),
    ("a string", SECRET_WORD),
]


@pytest.mark.parametrize(("case", "body"), INVALID_BODIES, ids=[c for c, _ in INVALID_BODIES])
def test_every_invalid_feedback_is_refused_and_nothing_is_stored(
    client: httpx.Client, system: System, case: str, body: Any
) -> None:
    cid, auth = _start(client)
    answer = client.post(_feedback_path(cid), headers=auth, json=body)
    assert 400 <= answer.status_code < 500, (case, answer.status_code)
    error = answer.json()["error"]
    assert error["message"] and SECRET_WORD not in answer.text
    assert _rows(system, "SELECT * FROM feedback") == []


def test_malformed_json_feedback_is_refused(client: httpx.Client, system: System) -> None:
    cid, auth = _start(client)
    answer = client.post(
        _feedback_path(cid),
        headers={**auth, "Content-Type": "application/json"},
        content=b'{"rating": 5, "comment": "' + SECRET_WORD.encode(),
    )
    assert answer.status_code == 400
    assert SECRET_WORD not in answer.text
    assert _rows(system, "SELECT * FROM feedback") == []


def test_feedback_needs_the_conversations_own_token(client: httpx.Client, system: System) -> None:
    cid, _ = _start(client)
    _, other = _start(client)
    body = {"rating": 1}
    assert client.post(_feedback_path(cid), headers=other, json=body).status_code == 404
    assert client.get(_feedback_path(cid), headers=other).status_code == 404
    assert client.post(_feedback_path(cid), json=body).status_code == 401
    bad = {"Authorization": "Bearer not-a-token"}
    assert client.post(_feedback_path(cid), headers=bad, json=body).status_code == 401
    assert _rows(system, "SELECT * FROM feedback") == []


def test_a_comment_with_an_email_is_stored_as_the_conversations_placeholder(
    client: httpx.Client, system: System
) -> None:
    cid, auth = _start(client)
    sent = client.post(
        f"/api/v1/conversations/{cid}/messages", headers=auth, json={"text": f"I am {EMAIL}"}
    )
    assert sent.status_code == 200
    given = client.post(
        _feedback_path(cid),
        headers=auth,
        json={"rating": 4, "comment": f"Write to {EMAIL} or {EMAIL.replace('ann', 'bo')}"},
    )
    assert given.status_code == 200
    # The customer sees their own words ...
    assert given.json()["feedback"]["comment"] == (
        f"Write to {EMAIL} or {EMAIL.replace('ann', 'bo')}"
    )
    # ... the table holds the conversation's placeholders (the same one for the same value).
    [row] = _rows(system, "SELECT comment FROM feedback WHERE conversation_id = :c", c=cid)
    assert row["comment"] == "Write to [EMAIL_ADDRESS_1] or [EMAIL_ADDRESS_2]"
    assert EMAIL not in json.dumps(_rows(system, "SELECT * FROM feedback"), default=str)


def test_a_resolved_conversation_takes_feedback(client: httpx.Client, system: System) -> None:
    cid, auth = _start(client)
    system.service.request_handoff(cid)
    member = StaffMember("rosa", "agent")
    system.desk.claim(member, cid)
    system.desk.resolve(member, cid)
    answer = client.post(_feedback_path(cid), headers=auth, json={"rating": 3, "solved": False})
    assert answer.status_code == 200, answer.text


# -- concerns from customers ---------------------------------------------------------------


def _concern(client: httpx.Client, cid: str, auth: dict[str, str], **body: Any) -> httpx.Response:
    return client.post(f"/api/v1/conversations/{cid}/concerns", headers=auth, json=body)


def test_a_customer_reports_a_concern_about_an_ai_message(
    client: httpx.Client, system: System
) -> None:
    cid, auth = _start(client)
    answer = _concern(
        client, cid, auth, message_seq=1, category="inaccurate", comment=f"Reply to {EMAIL}"
    )
    assert answer.status_code == 201, answer.text
    concern = answer.json()["concern"]
    assert concern["status"] == "open" and concern["comment"] == f"Reply to {EMAIL}"
    [row] = _rows(system, "SELECT * FROM incidents WHERE conversation_id = :c", c=cid)
    assert row["source"] == "customer" and row["reporter"] is None
    assert row["comment"] == "Reply to [EMAIL_ADDRESS_1]"

    again = _concern(client, cid, auth, message_seq=1, category="harmful")
    assert again.status_code == 409


@pytest.mark.parametrize(
    "body",
    [
        {"message_seq": 2, "category": "other"},  # the customer's own message
        {"message_seq": 99, "category": "other"},  # no such message
    ],
)
def test_a_concern_needs_an_ai_message_of_the_conversation(
    client: httpx.Client, system: System, body: dict[str, Any]
) -> None:
    cid, auth = _start(client)
    client.post(f"/api/v1/conversations/{cid}/messages", headers=auth, json={"text": "Hello"})
    assert _concern(client, cid, auth, **body).status_code == 404
    assert _rows(system, "SELECT * FROM incidents") == []


@pytest.mark.parametrize(
    "body",
    [
        {"message_seq": 0, "category": "other"},
        {"message_seq": "1", "category": "other"},
        {"message_seq": 1, "category": SECRET_WORD},
        {"message_seq": 1},
        {"message_seq": 1, "category": "other", "comment": SECRET_WORD * 120},
        {"message_seq": 1, "category": "other", "anonymous": True},  # staff only
    ],
)
def test_an_invalid_concern_is_refused_and_nothing_is_stored(
    client: httpx.Client, system: System, body: dict[str, Any]
) -> None:
    cid, auth = _start(client)
    answer = _concern(client, cid, auth, **body)
    assert answer.status_code == 422
    assert SECRET_WORD not in answer.text
    assert _rows(system, "SELECT * FROM incidents") == []


def test_a_customer_cannot_report_on_another_conversation(
    client: httpx.Client, system: System
) -> None:
    cid, _ = _start(client)
    _, other = _start(client)
    assert _concern(client, cid, other, message_seq=1, category="other").status_code == 404
    assert _rows(system, "SELECT * FROM incidents") == []


# -- export and erasure ---------------------------------------------------------------------


def test_feedback_and_concerns_are_exported_and_gone_after_erasure(
    client: httpx.Client, system: System
) -> None:
    cid, auth = _start(client)
    client.post(_feedback_path(cid), headers=auth, json={"rating": 1, "comment": f"To {EMAIL}"})
    _concern(client, cid, auth, message_seq=1, category="unfair", comment=f"Me: {EMAIL}")

    exported = client.get(f"/api/v1/conversations/{cid}/export", headers=auth).json()
    assert exported["feedback"] == [
        {**exported["feedback"][0], "conversation_id": cid, "rating": 1, "comment": f"To {EMAIL}"}
    ]
    assert exported["concerns"][0]["comment"] == f"Me: {EMAIL}"
    assert exported["concerns"][0]["category"] == "unfair"

    receipt = client.post(f"/api/v1/conversations/{cid}/erase", headers=auth).json()
    assert receipt["erased"]["feedback"] == 1
    assert receipt["erased"]["concern_comments"] == 1
    assert _rows(system, "SELECT * FROM feedback") == []
    [incident] = _rows(system, "SELECT comment, status FROM incidents")
    assert incident["comment"] is None and incident["status"] == "open"
    assert client.get(_feedback_path(cid), headers=auth).status_code == 401


# -- concerns from staff, and incidents ------------------------------------------------------


def _staff_concern(
    client: httpx.Client, cid: str, staff: dict[str, str], **body: Any
) -> httpx.Response:
    return client.post(f"/api/v1/agent/conversations/{cid}/concerns", headers=staff, json=body)


def test_staff_report_concerns_with_their_name_or_anonymously(
    client: httpx.Client, system: System
) -> None:
    cid, _ = _start(client)
    system.service.request_handoff(cid)
    agent = _staff(system, "quinn", "agent")
    supervisor = _staff(system, "sam", "supervisor")

    named = _staff_concern(client, cid, agent, message_seq=1, category="harmful")
    assert named.status_code == 201, named.text
    assert named.json()["incident"]["reported_by"] == "quinn"
    hidden = _staff_concern(client, cid, agent, message_seq=1, category="other", anonymous=True)
    assert hidden.status_code == 201
    assert hidden.json()["incident"]["anonymous"] is True

    listed = client.get("/api/v1/incidents", headers=supervisor).json()["incidents"]
    by_id = {i["id"]: i for i in listed}
    anonymous = by_id[hidden.json()["incident"]["id"]]
    assert anonymous["reported_by"] == "a member of staff (anonymous)"
    # (a name with letters that no id or time can hold: "ada" once matched a UUID's hex)
    assert "quinn" not in json.dumps(anonymous)
    # Nothing stored names the anonymous reporter: not the incident, not the ledger.
    [row] = _rows(
        system, "SELECT * FROM incidents WHERE id = :i", i=hidden.json()["incident"]["id"]
    )
    assert row["reporter"] is None and row["source"] == "staff"
    system.sealer.flush()
    entries = _rows(
        system, "SELECT actor, details FROM ledger_entries WHERE kind = 'incident_opened'"
    )
    actors = sorted(e["actor"] for e in entries)
    assert actors == ["staff:@anonymous", "staff:quinn"]
    assert all("harmful" in e["details"] or "other" in e["details"] for e in entries)


def test_an_agent_reports_only_on_conversations_handed_to_a_person(
    client: httpx.Client, system: System
) -> None:
    cid, _ = _start(client)  # still with the AI: not in the agent's queue
    agent = _staff(system, "ada", "agent")
    answer = _staff_concern(client, cid, agent, message_seq=1, category="other")
    assert answer.status_code == 403
    missing = "00000000-0000-0000-0000-000000000000"
    assert _staff_concern(client, missing, agent, message_seq=1, category="other").status_code == (
        404
    )


def test_incidents_are_listed_and_worked_through_by_role(
    client: httpx.Client, system: System
) -> None:
    cid, auth = _start(client)
    incident_id = _concern(client, cid, auth, message_seq=1, category="privacy").json()["concern"][
        "id"
    ]
    supervisor = _staff(system, "sam", "supervisor")
    admin = _staff(system, "ari", "admin")
    agent = _staff(system, "ada", "agent")
    auditor = _staff(system, "aud", "auditor")
    path = f"/api/v1/incidents/{incident_id}"

    assert client.get("/api/v1/incidents", headers=agent).status_code == 403
    assert client.get("/api/v1/incidents", headers=auditor).status_code == 403
    assert client.patch(path, headers=agent, json={"take_ownership": True}).status_code == 403
    assert [
        i["id"] for i in client.get("/api/v1/incidents", headers=admin).json()["incidents"]
    ] == [incident_id]

    moved = client.patch(path, headers=supervisor, json={"status": "investigating"})
    assert moved.status_code == 200, moved.text
    assert moved.json()["incident"]["owner"] == "sam"  # the first to move it owns it

    taken = client.patch(path, headers=admin, json={"take_ownership": True})
    assert taken.json()["incident"]["owner"] == "ari"

    # Resolving needs a note; the note passes the privacy layer.
    assert client.patch(path, headers=admin, json={"status": "resolved"}).status_code == 422
    done = client.patch(
        path,
        headers=admin,
        json={"status": "resolved", "resolution_note": f"Corrected; told {EMAIL}"},
    )
    assert done.status_code == 200
    assert done.json()["incident"]["resolution_note"] == "Corrected; told [EMAIL_ADDRESS_1]"
    [row] = _rows(system, "SELECT resolution_note FROM incidents WHERE id = :i", i=incident_id)
    assert EMAIL not in row["resolution_note"]

    # A resolved incident can be reopened for investigation, not back to open.
    assert client.patch(path, headers=admin, json={"status": "open"}).status_code == 409
    assert client.get("/api/v1/incidents", headers=admin).json()["incidents"] == []
    everything = client.get("/api/v1/incidents?status=all", headers=admin).json()["incidents"]
    assert [i["status"] for i in everything] == ["resolved"]
    assert client.get("/api/v1/incidents?status=bogus", headers=admin).status_code == 422
    missing = "/api/v1/incidents/00000000-0000-0000-0000-000000000000"
    assert client.patch(missing, headers=admin, json={"take_ownership": True}).status_code == 404

    system.sealer.flush()
    kinds = [r["kind"] for r in _rows(system, "SELECT kind FROM ledger_entries ORDER BY seq")]
    assert kinds.count("incident_opened") == 1 and kinds.count("incident_updated") == 3
    details = _rows(system, "SELECT details FROM ledger_entries WHERE kind LIKE 'incident%'")
    assert EMAIL not in json.dumps(details) and "Corrected" not in json.dumps(details)
