"""Coming back to a conversation: the browser's HttpOnly cookie and the resume link, and what
they must never open."""

from __future__ import annotations

import httpx

from trustdesk.composition import System


def _start(client: httpx.Client) -> tuple[str, str]:
    created = client.post("/api/v1/conversations", json={}).json()
    return created["id"], created["token"]


def _remember(client: httpx.Client, cid: str, token: str) -> httpx.Response:
    return client.post(
        "/api/v1/chat/remember",
        json={"conversation_id": cid},
        headers={"Authorization": f"Bearer {token}"},
    )


def test_a_remembered_conversation_resumes_from_the_cookie_alone(client: httpx.Client) -> None:
    cid, token = _start(client)
    remembered = _remember(client, cid, token)
    assert remembered.status_code == 200
    assert remembered.json() == {"remembered": True, "days": 7}
    cookie = remembered.headers["set-cookie"]
    assert cookie.startswith("trustdesk_chat=")
    for attribute in ("HttpOnly", "SameSite=strict", "Max-Age=604800", "Path=/"):
        assert attribute.lower() in cookie.lower(), cookie

    resumed = client.post("/api/v1/chat/resume")  # the client sends the cookie back
    assert resumed.status_code == 200
    assert resumed.json() == {"id": cid, "token": token, "status": "ai_active"}


def test_remembering_needs_the_conversations_own_token(client: httpx.Client) -> None:
    cid, _ = _start(client)
    _, other_token = _start(client)
    assert _remember(client, cid, other_token).status_code == 404
    no_token = client.post("/api/v1/chat/remember", json={"conversation_id": cid})
    assert no_token.status_code == 401
    assert "set-cookie" not in no_token.headers
    assert client.post("/api/v1/chat/resume").status_code == 404  # nothing was remembered


def test_a_resume_link_opens_its_conversation_in_a_browser_that_never_saw_it(
    client: httpx.Client,
) -> None:
    cid, token = _start(client)
    with httpx.Client(base_url=str(client.base_url), timeout=10) as other_browser:
        resumed = other_browser.post(
            "/api/v1/chat/resume", json={"conversation_id": cid, "token": token}
        )
        assert resumed.status_code == 200
        assert resumed.json()["id"] == cid
        assert "trustdesk_chat=" in resumed.headers["set-cookie"]
        again = other_browser.post("/api/v1/chat/resume")
        assert again.status_code == 200 and again.json()["id"] == cid


def test_a_guessed_or_mixed_link_opens_nothing_and_says_nothing(client: httpx.Client) -> None:
    cid, token = _start(client)
    _, other_token = _start(client)
    answers = [
        client.post("/api/v1/chat/resume", json={"conversation_id": cid, "token": other_token}),
        client.post("/api/v1/chat/resume", json={"conversation_id": cid, "token": "x" * 43}),
        client.post(
            "/api/v1/chat/resume",
            json={"conversation_id": "00000000-0000-0000-0000-000000000000", "token": token},
        ),
    ]
    assert [a.status_code for a in answers] == [404, 404, 404]
    assert len({a.text for a in answers}) == 1  # the same answer whatever was wrong
    for answer in answers:
        assert token not in answer.text and other_token not in answer.text


def test_malformed_input_is_refused_without_echoing_it(client: httpx.Client) -> None:
    secret = "<script>alert(1)</script>"
    bad = client.post("/api/v1/chat/resume", json={"conversation_id": secret, "token": secret})
    assert bad.status_code == 422
    assert secret not in bad.text
    extra = client.post(
        "/api/v1/chat/resume", json={"conversation_id": "a", "token": "b" * 20, "x": 1}
    )
    assert extra.status_code == 422


def test_a_tampered_cookie_is_cleared(client: httpx.Client) -> None:
    client.cookies.set("trustdesk_chat", "not a conversation")
    answer = client.post("/api/v1/chat/resume")
    assert answer.status_code == 404
    assert (
        'trustdesk_chat=""' in answer.headers["set-cookie"]
        or "Max-Age=0" in answer.headers["set-cookie"]
    )


def test_an_erased_conversation_resumes_nowhere(client: httpx.Client, system: System) -> None:
    cid, token = _start(client)
    assert _remember(client, cid, token).status_code == 200
    erased = client.post(
        f"/api/v1/conversations/{cid}/erase", headers={"Authorization": f"Bearer {token}"}
    )
    assert erased.status_code == 200, erased.text
    gone = client.post("/api/v1/chat/resume")
    assert gone.status_code == 404
    assert "Max-Age=0" in gone.headers.get("set-cookie", "") or '=""' in gone.headers.get(
        "set-cookie", ""
    )
    link = client.post("/api/v1/chat/resume", json={"conversation_id": cid, "token": token})
    assert link.status_code == 404


def test_forget_clears_the_cookie(client: httpx.Client) -> None:
    cid, token = _start(client)
    _remember(client, cid, token)
    forgotten = client.post("/api/v1/chat/forget")
    assert forgotten.status_code == 200
    assert client.post("/api/v1/chat/resume").status_code == 404
