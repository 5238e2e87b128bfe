"""Attacks on customer identity, over real HTTP: nobody reaches a customer they are not."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import pytest

from tests.support.identity import IDENTITY_SECRET, SERVICE_API_KEY, assertion_for
from trustdesk.composition import System
from trustdesk.conversation.identity import sign_assertion

VICTIM_EMAIL = "victim.private@example.org"
VICTIM_CARD = "4111 1111 1111 1111"


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _create(
    client: httpx.Client, body: dict[str, Any], headers: dict[str, str] | None = None
) -> dict[str, Any]:
    response = client.post("/api/v1/conversations", json=body, headers=headers or {})
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


@pytest.fixture
def victim(client: httpx.Client) -> dict[str, Any]:
    """A vouched customer with personal data in their conversation."""
    created = _create(client, {"identity": assertion_for("acct-1042")})
    sent = client.post(
        f"/api/v1/conversations/{created['id']}/messages",
        json={"text": f"my email is {VICTIM_EMAIL} and card {VICTIM_CARD}, where is my refund?"},
        headers=_bearer(created["token"]),
    )
    assert sent.status_code == 200
    return created


def _victim_intact(client: httpx.Client, victim: dict[str, Any]) -> None:
    seen = client.get(f"/api/v1/conversations/{victim['id']}", headers=_bearer(victim["token"]))
    assert seen.status_code == 200 and VICTIM_EMAIL in seen.text
    assert seen.json()["status"] == "ai_active"


def test_a_caller_cannot_claim_a_customer_reference(
    client: httpx.Client, victim: dict[str, Any], system: System
) -> None:
    claimed = client.post("/api/v1/conversations", json={"customer_ref": "acct-1042"})
    assert claimed.status_code == 401 and claimed.json()["error"]["code"] == "auth"
    # With a token of their own in the header, still no.
    mine = _create(client, {})
    again = client.post(
        "/api/v1/conversations", json={"customer_ref": "acct-1042"}, headers=_bearer(mine["token"])
    )
    assert again.status_code == 401
    assert len(system.store.conversations_of(system.store.subject_of("acct-1042") or "")) == 1


def test_an_anonymous_token_exports_and_erases_only_its_own_conversation(
    client: httpx.Client, victim: dict[str, Any]
) -> None:
    mine = _create(client, {})
    exported = client.get(
        f"/api/v1/conversations/{mine['id']}/export", headers=_bearer(mine["token"])
    )
    assert exported.status_code == 200
    assert [c["id"] for c in exported.json()["conversations"]] == [mine["id"]]
    assert VICTIM_EMAIL not in exported.text
    erased = client.post(
        f"/api/v1/conversations/{mine['id']}/erase", headers=_bearer(mine["token"])
    )
    assert erased.json()["erased"]["conversations"] == 1
    _victim_intact(client, victim)


@pytest.mark.parametrize(
    "body",
    [
        {"customer_ref": "conversation:{victim}"},
        {"customer_ref": "acct-1042x"},
        {"customer_ref": "s_00000000000000000000000000000000"},
    ],
)
def test_even_the_service_key_cannot_name_an_internal_subject(
    client: httpx.Client, victim: dict[str, Any], body: dict[str, str]
) -> None:
    body = {"customer_ref": body["customer_ref"].format(victim=victim["id"])}
    created = _create(client, body, _bearer(SERVICE_API_KEY))
    exported = client.get(
        f"/api/v1/conversations/{created['id']}/export", headers=_bearer(created["token"])
    )
    assert VICTIM_EMAIL not in exported.text
    assert [c["id"] for c in exported.json()["conversations"]] == [created["id"]]
    _victim_intact(client, victim)


def test_a_consent_change_by_another_token_does_not_move_the_victims_chat(
    client: httpx.Client, victim: dict[str, Any]
) -> None:
    mine = _create(client, {})
    withdrawn = client.post(
        f"/api/v1/conversations/{mine['id']}/consents",
        json={"purpose": "ai_assistance", "granted": False},
        headers=_bearer(mine["token"]),
    )
    assert withdrawn.json()["status"] == "handoff_requested"
    _victim_intact(client, victim)
    asked = client.post(
        f"/api/v1/conversations/{victim['id']}/messages",
        json={"text": "how long do refunds take?"},
        headers=_bearer(victim["token"]),
    )
    assert asked.json()["status"] == "ai_active" and asked.json()["reply"] is not None


@pytest.mark.parametrize(
    "assertion",
    [
        pytest.param(lambda: assertion_for("acct-1042", secret="w" * 40), id="forged"),
        pytest.param(
            lambda: sign_assertion(
                IDENTITY_SECRET, "acct-1042", time.time() - 600, time.time() - 900
            ),
            id="expired",
        ),
        pytest.param(
            lambda: sign_assertion(
                IDENTITY_SECRET, "acct-1042", time.time() + 30 * 86400, time.time()
            ),
            id="too-long-lived",
        ),
        pytest.param(lambda: "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhY2N0LTEwNDIifQ.", id="unsigned"),
    ],
)
def test_forged_or_expired_identities_reach_nothing(
    client: httpx.Client, victim: dict[str, Any], assertion: Any
) -> None:
    token = assertion()
    created = client.post("/api/v1/conversations", json={"identity": token})
    assert created.status_code == 401
    for method, path in (
        ("GET", "/api/v1/me/conversations"),
        ("GET", f"/api/v1/me/conversations/{victim['id']}"),
        ("GET", "/api/v1/me/export"),
        ("POST", "/api/v1/me/erase"),
    ):
        response = client.request(method, path, headers=_bearer(token))
        assert response.status_code == 401, (path, response.text)
        assert VICTIM_EMAIL not in response.text
    _victim_intact(client, victim)


def test_a_vouched_identity_reaches_all_and_only_its_own_conversations(
    client: httpx.Client, victim: dict[str, Any]
) -> None:
    second = _create(client, {"identity": assertion_for("acct-1042")})
    other = _create(client, {"identity": assertion_for("acct-7")})
    me = _bearer(assertion_for("acct-1042"))
    listed = client.get("/api/v1/me/conversations", headers=me).json()["conversations"]
    assert {c["id"] for c in listed} == {victim["id"], second["id"]}
    transcript = client.get(f"/api/v1/me/conversations/{victim['id']}", headers=me)
    assert transcript.status_code == 200 and VICTIM_EMAIL in transcript.text
    assert client.get(f"/api/v1/me/conversations/{other['id']}", headers=me).status_code == 404
    # A conversation token is not an identity, and an identity is not a conversation token.
    as_token = client.get("/api/v1/me/conversations", headers=_bearer(victim["token"]))
    assert as_token.status_code == 401
    assert client.get(f"/api/v1/conversations/{victim['id']}", headers=me).status_code == 401
    # The victim's conversation token exports that conversation only; the identity, all.
    one = client.get(
        f"/api/v1/conversations/{second['id']}/export", headers=_bearer(second["token"])
    )
    assert [c["id"] for c in one.json()["conversations"]] == [second["id"]]
    everything = client.get("/api/v1/me/export", headers=me).json()
    assert {c["id"] for c in everything["conversations"]} == {victim["id"], second["id"]}
    assert VICTIM_EMAIL in json.dumps(everything)


def test_a_vouched_customer_erases_everything_and_their_tokens_die(
    client: httpx.Client, victim: dict[str, Any], system: System
) -> None:
    other = _create(client, {"identity": assertion_for("acct-7")})
    receipt = client.post("/api/v1/me/erase", headers=_bearer(assertion_for("acct-1042"))).json()
    assert receipt["scope"] == "customer" and receipt["data_key_destroyed"] is True
    assert (
        client.get(
            f"/api/v1/conversations/{victim['id']}", headers=_bearer(victim["token"])
        ).status_code
        == 401
    )
    assert (
        client.get(
            "/api/v1/me/conversations", headers=_bearer(assertion_for("acct-1042"))
        ).status_code
        == 404
    )
    assert system.store.subject_of("acct-1042") is None
    mine = client.get(f"/api/v1/conversations/{other['id']}", headers=_bearer(other["token"]))
    assert mine.status_code == 200


def test_per_customer_hourly_quota_answers_429_with_retry_after(
    client: httpx.Client, system: System
) -> None:
    limit = system.policy.policy.limits.conversations_per_customer_per_hour
    for _ in range(limit):
        _create(client, {"identity": assertion_for("acct-busy")})
    refused = client.post("/api/v1/conversations", json={"identity": assertion_for("acct-busy")})
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(refused.headers["Retry-After"]) <= 3600
    assert (
        client.post(
            "/api/v1/conversations", json={"identity": assertion_for("acct-calm")}
        ).status_code
        == 201
    )
