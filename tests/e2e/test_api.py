"""The REST API over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.support.identity import SERVICE_API_KEY, assertion_for
from trustdesk.composition import System


def _start(client: httpx.Client, body: Any = None) -> tuple[str, dict[str, str]]:
    response = client.post("/api/v1/conversations", json=body if body is not None else {})
    assert response.status_code == 201, response.text
    data = response.json()
    return data["id"], {"Authorization": f"Bearer {data['token']}"}


def _messages(client: httpx.Client, cid: str, auth: dict[str, str]) -> list[dict[str, Any]]:
    response = client.get(f"/api/v1/conversations/{cid}", headers=auth)
    assert response.status_code == 200
    messages: list[dict[str, Any]] = response.json()["messages"]
    return messages


def test_create_returns_id_token_status_and_the_disclosure_greeting(
    client: httpx.Client, system: System
) -> None:
    response = client.post("/api/v1/conversations")
    assert response.status_code == 201
    data = response.json()
    assert set(data) >= {"id", "token", "status", "messages", "disclosure"}
    assert data["status"] == "ai_active"
    [greeting] = data["messages"]
    assert greeting["ai"] is True and greeting["role"] == "assistant"
    assert greeting["text"] == system.policy.policy.disclosure.greeting
    assert data["disclosure"]["ai_label"] == "AI"


def test_a_knowledge_base_question_gets_a_cited_ai_reply(client: httpx.Client) -> None:
    cid, auth = _start(client)
    response = client.post(
        f"/api/v1/conversations/{cid}/messages",
        json={"text": "How long do I have to return an item?"},
        headers=auth,
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ai_active"
    reply = body["reply"]
    assert reply["ai"] is True and 0 < reply["confidence"] <= 1
    assert reply["citations"] and reply["citations"][0]["source"].startswith("returns.md#")
    assert set(reply["citations"][0]) == {"source", "title"}
    transcript = _messages(client, cid, auth)
    assert [m["role"] for m in transcript] == ["assistant", "customer", "assistant"]


def test_human_request_and_button_change_the_status(client: httpx.Client) -> None:
    cid, auth = _start(client)
    said = client.post(
        f"/api/v1/conversations/{cid}/messages", json={"text": "talk to a human"}, headers=auth
    ).json()
    assert said["status"] == "handoff_requested" and said["reply"]["ai"] is True
    silent = client.post(
        f"/api/v1/conversations/{cid}/messages", json={"text": "hello?"}, headers=auth
    ).json()
    assert silent == {"reply": None, "status": "handoff_requested"}
    cid2, auth2 = _start(client)
    pressed = client.post(f"/api/v1/conversations/{cid2}/handoff", headers=auth2)
    assert pressed.status_code == 200 and pressed.json()["status"] == "handoff_requested"
    assert client.get(f"/api/v1/conversations/{cid2}", headers=auth2).json()["status"] == (
        "handoff_requested"
    )


def test_token_opens_only_its_own_conversation(client: httpx.Client) -> None:
    _, auth_a = _start(client)
    cid_b, auth_b = _start(client)
    assert client.get(f"/api/v1/conversations/{cid_b}", headers=auth_a).status_code == 404
    assert client.get("/api/v1/conversations/not-a-real-id", headers=auth_a).status_code == 404
    post = client.post(
        f"/api/v1/conversations/{cid_b}/messages", json={"text": "hi"}, headers=auth_a
    )
    assert post.status_code == 404
    assert client.post(f"/api/v1/conversations/{cid_b}/handoff", headers=auth_a).status_code == 404
    # B is untouched by A's attempts.
    assert len(_messages(client, cid_b, auth_b)) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "Basic abc"},
        {"Authorization": "Bearer"},
    ],
)
def test_missing_or_bad_token_is_401(client: httpx.Client, headers: dict[str, str]) -> None:
    cid, _ = _start(client)
    response = client.get(f"/api/v1/conversations/{cid}", headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "auth"
    post = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": "x"}, headers=headers)
    assert post.status_code == 401


@pytest.mark.parametrize(
    ("content", "status", "code", "fragment"),
    [
        (json.dumps({"text": ""}).encode(), 422, "input", "must not be empty"),
        (json.dumps({"text": "   \n"}).encode(), 422, "input", "must not be empty"),
        (json.dumps({"text": "x" * 4001}).encode(), 422, "input", "the limit is 4000"),
        (json.dumps({"text": "ring\u0007"}).encode(), 422, "input", "U+0007"),
        (
            json.dumps({"text": 42}).encode(),
            422,
            "invalid_request",
            "text: Input should be a valid string",
        ),
        (json.dumps({"text": ["a"]}).encode(), 422, "invalid_request", "text"),
        (json.dumps({}).encode(), 422, "invalid_request", "text: Field required"),
        (json.dumps({"text": "hi", "extra": 1}).encode(), 422, "invalid_request", "unknown field"),
        (b'{"text": "unterminated', 400, "malformed_json", "not valid JSON"),
        (b'{"text": "caf\xe9"}', 400, "invalid_utf8", "not valid UTF-8"),
        (b"[1, 2]", 422, "invalid_request", "valid dictionary"),
    ],
)
def test_bad_input_gets_a_clear_4xx_and_changes_nothing(
    client: httpx.Client, content: bytes, status: int, code: str, fragment: str
) -> None:
    cid, auth = _start(client)
    response = client.post(
        f"/api/v1/conversations/{cid}/messages",
        content=content,
        headers={**auth, "Content-Type": "application/json"},
    )
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and fragment in error["message"]
    assert len(_messages(client, cid, auth)) == 1


def test_bodies_over_64_kib_are_refused_before_parsing(client: httpx.Client) -> None:
    cid, auth = _start(client)
    big = json.dumps({"text": "a" * (64 * 1024)}).encode()
    response = client.post(
        f"/api/v1/conversations/{cid}/messages",
        content=big,
        headers={**auth, "Content-Type": "application/json"},
    )
    assert response.status_code == 413 and response.json()["error"]["code"] == "body_too_large"

    def chunks() -> Any:  # no Content-Length: counted while streaming
        for _ in range(70):
            yield b"a" * 1024

    streamed = client.post("/api/v1/conversations", content=chunks(), headers=auth)
    assert streamed.status_code == 413
    assert len(_messages(client, cid, auth)) == 1


def test_validation_errors_never_echo_the_input(client: httpx.Client) -> None:
    cid, auth = _start(client)
    secret = "someone.private@example.com"
    response = client.post(
        f"/api/v1/conversations/{cid}/messages", json={"text": [secret]}, headers=auth
    )
    assert response.status_code == 422 and secret not in response.text


def test_create_validates_customer_ref_and_attributes(client: httpx.Client) -> None:
    service = {"Authorization": f"Bearer {SERVICE_API_KEY}"}
    bad_ref = client.post(
        "/api/v1/conversations", json={"customer_ref": "a@b.example"}, headers=service
    )
    assert bad_ref.status_code == 422 and "customer reference" in bad_ref.json()["error"]["message"]
    assert "a@b.example" not in bad_ref.text
    bad_attr = client.post("/api/v1/conversations", json={"attributes": {"x": 1}})
    assert bad_attr.status_code == 422
    ok = client.post(
        "/api/v1/conversations",
        json={
            "customer_ref": "acct-9",
            "attributes": {"language": "fr"},
            "consents": {"service_improvement": True},
        },
        headers=service,
    )
    assert ok.status_code == 201 and ok.json()["attributes_stored"] is True
    assert ok.json()["vouched"] is True


def test_customer_sees_their_own_details_but_storage_holds_placeholders(
    client: httpx.Client, system: System
) -> None:
    cid, auth = _start(client)
    card = "4111 1111 1111 1111"
    response = client.post(
        f"/api/v1/conversations/{cid}/messages",
        json={"text": f"card {card}, how are refunds paid?"},
        headers=auth,
    )
    assert response.status_code == 200
    assert _messages(client, cid, auth)[1]["text"].startswith(f"card {card},")
    assert system.store.list_messages(cid)[1].text.startswith("card [CREDIT_CARD_1],")


def test_openapi_docs_and_pages_are_served(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/v1/conversations/{conversation_id}/messages" in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/swagger/swagger-ui-bundle.js" in docs.text
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    page = client.get("/")
    assert page.status_code == 200 and "You are chatting with an AI assistant" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/privacy").status_code == 200
    help_page = client.get("/help/returns.md")
    assert help_page.status_code == 200 and "30 days" in help_page.text
    # The ways customers ask for a passage (its "asked" comment) are matched, never shown.
    assert "asked:" not in help_page.text
    assert "time limit on your return policy" not in help_page.text
    assert client.get("/help/nope.md").status_code == 404
    assert client.get("/help/fr/retours.md").status_code == 404  # no French one stored
    assert client.get("/help/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert client.get("/healthz").json()["status"] == "ok"


def test_unknown_route_and_wrong_method_answer_json(client: httpx.Client) -> None:
    assert client.get("/api/v1/nothing").json()["error"]["code"] == "not_found"
    assert client.delete("/api/v1/conversations").status_code == 405


def test_consents_can_be_given_and_withdrawn_over_the_api(client: httpx.Client) -> None:
    created = client.post(
        "/api/v1/conversations", json={"consents": {"ai_assistance": True}, "channel": "mobile_app"}
    ).json()
    cid, auth = created["id"], {"Authorization": f"Bearer {created['token']}"}
    consents = client.get(f"/api/v1/conversations/{cid}/consents", headers=auth).json()
    assert consents["consents"]["ai_assistance"]["channel"] == "mobile_app"
    withdrawn = client.post(
        f"/api/v1/conversations/{cid}/consents",
        json={"purpose": "ai_assistance", "granted": False},
        headers=auth,
    )
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "handoff_requested"
    bad = client.post(
        f"/api/v1/conversations/{cid}/consents",
        json={"purpose": "marketing", "granted": True},
        headers=auth,
    )
    assert bad.status_code == 422 and "ai_assistance" in bad.json()["error"]["message"]
    assert "marketing" not in bad.text
    refused = client.post("/api/v1/conversations", json={"consents": {"ai_assistance": "yes"}})
    assert refused.status_code == 422


def test_customer_can_export_and_erase_their_data(client: httpx.Client) -> None:
    cid, auth = _start(client, {"identity": assertion_for("self-service-1")})
    client.post(
        f"/api/v1/conversations/{cid}/messages",
        json={"text": "my email is self.service@example.com"},
        headers=auth,
    )
    exported = client.get(f"/api/v1/conversations/{cid}/export", headers=auth).json()
    assert "self.service@example.com" in json.dumps(exported)
    page = client.get(f"/api/v1/conversations/{cid}/export?format=html", headers=auth)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert (
        client.get(f"/api/v1/conversations/{cid}/export?format=pdf", headers=auth).status_code
        == 422
    )
    receipt = client.post(f"/api/v1/conversations/{cid}/erase", headers=auth).json()
    assert receipt["erased"]["conversations"] == 1 and receipt["data_key_destroyed"] is True
    assert client.get(f"/api/v1/conversations/{cid}", headers=auth).status_code == 401


def test_staff_api_shows_placeholders_and_records_reveals(
    client: httpx.Client, system: System
) -> None:
    cid, auth = _start(client)
    client.post(
        f"/api/v1/conversations/{cid}/messages",
        json={"text": "my email is staff.view@example.com"},
        headers=auth,
    )
    client.post(f"/api/v1/conversations/{cid}/handoff", headers=auth)  # agents see the queue
    agent = {"Authorization": f"Bearer {system.agents.add_staff('agent-1', 'agent')}"}
    lead = {"Authorization": f"Bearer {system.agents.add_staff('lead-1', 'supervisor')}"}
    seen = client.get(f"/api/v1/agent/conversations/{cid}", headers=agent)
    assert seen.status_code == 200 and "staff.view@example.com" not in seen.text
    assert "[EMAIL_ADDRESS_1]" in seen.text and seen.json()["reveals"] == []
    body = {"reason": "customer asked to confirm the address"}
    forbidden = client.post(f"/api/v1/agent/conversations/{cid}/reveal", json=body, headers=agent)
    assert forbidden.status_code == 403 and forbidden.json()["error"]["code"] == "forbidden"
    revealed = client.post(f"/api/v1/agent/conversations/{cid}/reveal", json=body, headers=lead)
    assert revealed.status_code == 200 and "staff.view@example.com" in revealed.text
    assert revealed.json()["revealed"] == ["[EMAIL_ADDRESS_1]"]
    assert (
        client.get(f"/api/v1/agent/conversations/{cid}", headers=agent).json()["reveals"][0][
            "staff_name"
        ]
        == "lead-1"
    )
    # A customer token is not a staff token, and vice versa.
    assert client.get(f"/api/v1/agent/conversations/{cid}", headers=auth).status_code == 401
    assert client.get(f"/api/v1/conversations/{cid}", headers=lead).status_code == 401
