"""The chat page and the widget in the customer's language, over HTTP (the browser tests
drive them): chosen by the switcher, the browser or the policy, never echoing what was asked."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from trustdesk.web.i18n import catalogue

pytestmark = pytest.mark.one_database


def _strings(html: str) -> dict[str, str]:
    found = re.search(r'<script type="application/json" id="chat-strings">(.*?)</script>', html)
    assert found
    data: dict[str, str] = json.loads(found.group(1))
    return data


@pytest.mark.parametrize("lang", ["fr", "de", "es", "it", "nl", "pt"])
def test_the_chat_page_is_in_the_language_asked_for(client: httpx.Client, lang: str) -> None:
    answer = client.get("/", params={"lang": lang})
    assert answer.status_code == 200 and "accept-language" in answer.headers["vary"].lower()
    html = answer.text
    words = catalogue(lang)
    assert f'<html lang="{lang}">' in html
    assert words["handoff"] in html and words["consent_heading"] in html
    assert "Talk to a person" not in html and "Before we start" not in html
    assert _strings(html) == words  # what the script shows, in the same language
    assert f'<option value="{lang}" lang="{lang}" selected>' in html


def test_the_browser_language_is_used_and_the_banner_comes_from_the_policy(
    client: httpx.Client,
) -> None:
    from html import escape

    from trustdesk.policy.loader import bundled_policy_path, load_policy

    policy = load_policy(bundled_policy_path()).policy
    html = client.get("/", headers={"Accept-Language": "de-AT, de;q=0.9, en;q=0.5"}).text
    assert '<html lang="de">' in html and catalogue("de")["start_ai"] in html
    assert escape(policy.say("banner", "de")) in html
    assert policy.say("banner", "de") != policy.say("banner")
    english = client.get("/", headers={"Accept-Language": "ja"}).text
    assert '<html lang="en">' in english and "Talk to a person" in english


def test_a_new_conversation_greets_in_the_page_language(client: httpx.Client) -> None:
    created = client.post(
        "/api/v1/conversations", json={}, headers={"Accept-Language": "it"}
    ).json()
    assert "assistente IA" in created["messages"][0]["text"]
    assert "Parla con una persona" in created["messages"][0]["text"]  # the button's own label


def test_an_unknown_language_falls_back_and_is_never_echoed(client: httpx.Client) -> None:
    probe = '"><script>alert(1)</script>'
    answer = client.get("/", params={"lang": probe})
    assert answer.status_code == 200 and probe not in answer.text and "alert(1)" not in answer.text
    assert '<html lang="en">' in answer.text


def test_the_embedded_chat_and_the_widget_speak_the_language_too(client: httpx.Client) -> None:
    embedded = client.get("/embed", params={"lang": "nl"}).text
    assert '<html lang="nl">' in embedded and catalogue("nl")["send"] in embedded
    script = client.get("/widget.js").text
    for lang in ("en", "fr", "pt"):
        assert json.dumps(catalogue(lang)["widget_close"], ensure_ascii=False)[1:-1] in script
    assert '"/embed?lang="' in script or "/embed?lang=" in script
