"""The conversation in the customer's language, over HTTP against the running app."""

from __future__ import annotations

import httpx

from trustdesk.composition import System


def test_the_greeting_speaks_the_browsers_language(client: httpx.Client, system: System) -> None:
    policy = system.policy.policy
    response = client.post(
        "/api/v1/conversations", headers={"Accept-Language": "sv-SE, fr-CH;q=0.9, en;q=0.8"}
    )
    assert response.status_code == 201
    greeting = response.json()["messages"][0]
    assert greeting["text"] == policy.say("greeting", "fr") and greeting["ai"] is True


def test_without_a_supported_language_the_policys_own_greeting(client: httpx.Client) -> None:
    response = client.post("/api/v1/conversations", headers={"Accept-Language": "ja, ko;q=0.5"})
    assert response.status_code == 201
    assert response.json()["messages"][0]["text"].startswith("Hi, I'm the Alder & Finch AI")


def test_a_bot_question_and_a_request_are_answered_in_german(client: httpx.Client) -> None:
    started = client.post("/api/v1/conversations").json()
    auth = {"Authorization": f"Bearer {started['token']}"}
    url = f"/api/v1/conversations/{started['id']}/messages"
    asked = client.post(url, json={"text": "Bist du ein Bot?"}, headers=auth).json()
    assert asked["reply"]["text"].startswith("Ja — ich bin ein KI-Assistent")
    handed = client.post(
        url, json={"text": "Ich möchte mit einem Mitarbeiter sprechen"}, headers=auth
    ).json()
    assert handed["status"] == "handoff_requested"
    assert handed["reply"]["text"].startswith("Ich habe eine Person aus unserem Kundenservice")
