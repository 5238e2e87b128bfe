"""The chat page, driven end to end in headless Chromium against a real server."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Page, Request, Route, expect
from sqlalchemy import Engine
from sqlalchemy import text as sql

from tests.browser.axe import assert_accessible
from tests.browser.conftest import StaffAccount
from trustdesk.policy.loader import LoadedPolicy

pytestmark = pytest.mark.browser

RETURNS_QUESTION = "How long do I have to return an item?"
RETURNS_ANCHOR = "how-long-do-i-have-to-return-an-item"
HANDOFF_STATUS = "A person from our team has been asked to take over"
STORE_KEY = "trustdesk.conversation"
LOCAL_HOST = "127.0.0.1"
# Schemes that never reach the network.
LOCAL_SCHEMES = {"data", "blob", "about"}


def messages(page: Page, kind: str = "") -> Any:
    return page.locator(f"#messages > li.message{kind}")


def open_chat(page: Page) -> None:
    """Load the chat, choose the AI assistant, and wait until the greeting is shown."""
    page.goto("/")
    # The disclosure is on the page before the customer chooses anything.
    expect(page.locator("#disclosure")).to_be_visible()
    page.locator("#start-ai").click()
    expect(page.locator("#chat")).to_have_attribute("data-status", "ai_active")
    expect(messages(page, ".ai")).to_have_count(1)


def send(page: Page, text: str) -> None:
    """Type and send a message; return once the stored transcript shows it and any reply."""
    before = messages(page, ".customer").count()
    page.locator("#text").fill(text)
    page.locator("#send").click()
    # The message is shown at once (marked pending); once the stored copy has replaced it and
    # the button is enabled again, the reply (fetched in the same step) is there too.
    expect(messages(page, ".customer")).to_have_count(before + 1)
    expect(messages(page, ".pending")).to_have_count(0)
    expect(page.locator("#send")).to_be_enabled()
    expect(page.locator("#error")).to_be_hidden()


def stored_consents(page: Page) -> dict[str, Any]:
    session = json.loads(page.evaluate(f"sessionStorage.getItem({json.dumps(STORE_KEY)})"))
    response = page.request.get(
        f"/api/v1/conversations/{session['id']}/consents",
        headers={"Authorization": f"Bearer {session['token']}"},
    )
    assert response.ok, response.text()
    consents: dict[str, Any] = response.json()["consents"]
    return consents


def stored_conversation(page: Page) -> dict[str, Any]:
    """The conversation as the API returns it, using the token the page keeps."""
    saved = page.evaluate(f"sessionStorage.getItem({json.dumps(STORE_KEY)})")
    assert saved, "the chat page did not store its conversation in sessionStorage"
    session = json.loads(saved)
    response = page.request.get(
        f"/api/v1/conversations/{session['id']}",
        headers={"Authorization": f"Bearer {session['token']}"},
    )
    assert response.ok, response.text()
    data: dict[str, Any] = response.json()
    return data


def test_ai_disclosure_is_visible_before_the_customer_types(
    page: Page, demo_policy: LoadedPolicy
) -> None:
    disclosure = demo_policy.policy.disclosure
    open_chat(page)

    banner = page.locator("#disclosure")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text(disclosure.banner)
    expect(banner.locator(".badge")).to_have_text(disclosure.ai_label)

    greeting = messages(page).first
    expect(greeting).to_be_visible()
    expect(greeting).to_have_class(re.compile(r"\bai\b"))
    expect(greeting.locator(".ai-label")).to_be_visible()
    expect(greeting.locator(".ai-label")).to_have_text(disclosure.ai_label)
    expect(greeting.locator(".body")).to_contain_text(disclosure.greeting)
    expect(messages(page, ".customer")).to_have_count(0)

    banner.get_by_role("link", name="How we handle your data").click()
    expect(page).to_have_title(re.compile(r"^Privacy notice"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy notice")


def test_knowledge_base_answer_is_ai_labelled_and_cites_a_help_page(
    page: Page, tmp_path: Path
) -> None:
    open_chat(page)
    send(page, RETURNS_QUESTION)

    reply = messages(page).last
    expect(reply).to_have_class(re.compile(r"\bai\b"))
    expect(reply.locator(".ai-label")).to_be_visible()
    expect(reply.locator(".body")).to_contain_text("30 days")
    citations = reply.locator(".citations a.citation")
    expect(citations.first).to_be_visible()
    expect(reply.locator(".citations")).to_contain_text("Sources:")

    # A picture of the chat after a cited answer, for people to look at.
    page.screenshot(path=os.environ.get("TRUSTDESK_CHAT_SCREENSHOT", tmp_path / "chat.png"))

    href = citations.first.get_attribute("href")
    assert href, "the citation link has no href"
    target = urlsplit(href)
    assert target.path.startswith("/help/"), href
    anchor = unquote(target.fragment)
    assert anchor == RETURNS_ANCHOR, href

    citations.first.click()
    expect(page).to_have_url(re.compile(re.escape(target.path) + "#" + re.escape(target.fragment)))
    section = page.locator(f"section.passage[id={json.dumps(anchor)}]")
    expect(section).to_have_count(1)
    expect(section).to_be_visible()
    expect(section.get_by_role("heading", level=2)).to_have_text(RETURNS_QUESTION)
    expect(section).to_contain_text("30 days from the day your order is delivered")


def test_talk_to_a_person_stops_the_ai(page: Page) -> None:
    open_chat(page)
    handoff = page.locator("#handoff")
    expect(handoff).to_be_enabled()

    handoff.click()
    expect(page.locator("#status")).to_be_visible()
    expect(page.locator("#status")).to_contain_text(HANDOFF_STATUS)
    expect(handoff).to_be_disabled()
    # The assistant says once that a person will take over; that is its last word.
    expect(messages(page, ".ai")).to_have_count(2)
    assert stored_conversation(page)["status"] == "handoff_requested"

    send(page, "Is anyone there? My parcel never arrived.")
    expect(messages(page).last).to_have_class(re.compile(r"\bcustomer\b"))
    expect(messages(page).last).to_contain_text("Is anyone there? My parcel never arrived.")
    expect(messages(page, ".ai")).to_have_count(2)
    expect(handoff).to_be_disabled()
    expect(page.locator("#status")).to_contain_text(HANDOFF_STATUS)

    conversation = stored_conversation(page)
    assert conversation["status"] == "handoff_requested"
    assert conversation["messages"][-1]["role"] == "customer"
    assert sum(m["ai"] for m in conversation["messages"]) == 2


def test_typed_html_is_shown_as_text_and_never_runs(page: Page) -> None:
    payload = '<img src=x onerror="window.__pwned=1"><b>bold</b>'

    def shown_as_text(when: str) -> None:
        mine = messages(page, ".customer").last
        expect(mine.locator(".body"), when).to_have_text(payload)
        expect(page.locator("#messages img"), when).to_have_count(0)
        expect(page.locator("#messages b"), when).to_have_count(0)
        assert page.evaluate("typeof window.__pwned") == "undefined", when

    open_chat(page)
    send(page, payload)
    shown_as_text("after sending")

    # On a reload the transcript is rebuilt from the API instead.
    page.reload()
    expect(messages(page, ".customer")).to_have_count(1)
    shown_as_text("after reloading")


def test_customer_sees_their_own_details_while_storage_has_a_placeholder(
    page: Page, server_database: Engine
) -> None:
    email = "someone.browser@example.com"
    open_chat(page)
    send(page, f"my email is {email}")

    mine = messages(page, ".customer").last
    expect(mine.locator(".body")).to_have_text(f"my email is {email}")
    page.reload()
    expect(messages(page, ".customer").last.locator(".body")).to_have_text(f"my email is {email}")
    assert f"my email is {email}" in [m["text"] for m in stored_conversation(page)["messages"]]

    with server_database.connect() as db:
        stored = [row[0] for row in db.execute(sql("SELECT text FROM messages"))]
    assert "my email is [EMAIL_ADDRESS_1]" in stored
    assert not any(email in text for text in stored)


def _record_requests(page: Page) -> list[str]:
    urls: list[str] = []

    def record(request: Request) -> None:
        urls.append(request.url)

    page.context.on("request", record)
    return urls


def _leaving_the_machine(urls: list[str]) -> list[str]:
    outside = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES:
            continue
        if parts.hostname != LOCAL_HOST:
            outside.append(url)
    return outside


def test_the_whole_chat_flow_requests_nothing_but_the_local_server(page: Page) -> None:
    urls = _record_requests(page)

    open_chat(page)
    send(page, RETURNS_QUESTION)
    expect(messages(page).last.locator("a.citation").first).to_be_visible()
    send(page, "my email is someone@example.com")
    # That statement is no question the knowledge base answers (no citation now): follow the
    # first answer's citation.
    page.locator("#messages a.citation").first.click()
    expect(page.locator("section.passage").first).to_be_visible()
    page.go_back()
    expect(messages(page, ".customer")).to_have_count(2)
    page.locator("header.site").get_by_role("link", name="Privacy notice").click()
    expect(page).to_have_title(re.compile(r"^Privacy notice"))
    page.go_back()
    expect(messages(page, ".customer")).to_have_count(2)
    page.locator("#handoff").click()
    expect(page.locator("#status")).to_contain_text(HANDOFF_STATUS)
    send(page, "Thanks, I'll wait.")
    page.locator("#restart").click()
    expect(messages(page, ".customer")).to_have_count(0)
    page.locator("#start-ai").click()
    expect(page.locator("#chat")).to_have_attribute("data-status", "ai_active")

    paths = {urlsplit(url).path for url in urls}
    assert {"/", "/static/chat.js", "/static/chat.css", "/api/v1/conversations"} <= paths, paths
    assert _leaving_the_machine(urls) == []


def test_api_docs_render_offline(page: Page) -> None:
    urls = _record_requests(page)

    page.goto("/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("TrustDesk")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    handoff_path = "/api/v1/conversations/{conversation_id}/handoff"
    expect(page.locator(f'.opblock-summary-path[data-path="{handoff_path}"]')).to_be_visible()

    paths = {urlsplit(url).path for url in urls}
    assert {"/docs", "/openapi.json", "/static/swagger/swagger-ui-bundle.js"} <= paths, paths
    assert _leaving_the_machine(urls) == []


def test_choosing_a_person_instead_of_the_ai_hands_off_at_once(page: Page) -> None:
    page.goto("/")
    expect(page.locator("#consent")).to_be_visible()
    expect(page.locator("#composer")).to_be_hidden()
    page.locator("#start-person").click()
    expect(page.locator("#chat")).to_have_attribute("data-status", "handoff_requested")
    consents = stored_consents(page)
    assert consents["ai_assistance"]["granted"] is False
    assert consents["ai_assistance"]["channel"] == "web_chat"


def test_withdrawing_ai_consent_in_the_privacy_choices_hands_off(page: Page) -> None:
    page.goto("/")
    page.locator("#consent-transcript").check()
    page.locator("#start-ai").click()
    expect(page.locator("#chat")).to_have_attribute("data-status", "ai_active")
    page.locator("#privacy-choices summary").click()
    expect(page.locator('input[data-purpose="transcript_storage"]')).to_be_checked()
    page.locator('input[data-purpose="ai_assistance"]').uncheck()
    expect(page.locator("#chat")).to_have_attribute("data-status", "handoff_requested")
    assert stored_consents(page)["ai_assistance"]["granted"] is False


def test_customer_downloads_and_then_deletes_their_data(page: Page) -> None:
    email = "download.me@example.com"
    open_chat(page)
    send(page, f"my email is {email}")
    saved = json.loads(page.evaluate(f"sessionStorage.getItem({json.dumps(STORE_KEY)})"))
    page.locator("#privacy-choices summary").click()
    with page.expect_download() as download_info:
        page.locator("#download").click()
    exported = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert email in exported and "Your data held by" in exported
    assert download_info.value.suggested_filename == "my-support-data.html"
    assert not re.search(r"\d{4}-\d{2}-\d{2}T", exported)  # dates in words, not raw
    with page.expect_download() as json_info:
        page.locator("#download-json").click()
    assert json_info.value.suggested_filename == "my-support-data.json"
    data = json.loads(Path(json_info.value.path()).read_text(encoding="utf-8"))
    assert any(email in m["text"] for c in data["conversations"] for m in c["messages"])

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#erase").click()
    expect(page.locator("#consent")).to_be_visible()
    expect(messages(page).last).to_contain_text("Your data has been deleted")
    gone = page.request.get(
        f"/api/v1/conversations/{saved['id']}",
        headers={"Authorization": f"Bearer {saved['token']}"},
    )
    assert gone.status == 401


def test_a_conversation_longer_than_one_page_is_shown_whole_after_a_reload(page: Page) -> None:
    open_chat(page)
    session = json.loads(page.evaluate(f"sessionStorage.getItem({json.dumps(STORE_KEY)})"))
    headers = {"Authorization": f"Bearer {session['token']}", "Content-Type": "application/json"}
    for i in range(55):  # 1 greeting + 55 questions and answers: more than one 100-message page
        response = page.request.post(
            f"/api/v1/conversations/{session['id']}/messages",
            data=json.dumps({"text": f"Question {i}: how long do refunds take?"}),
            headers=headers,
        )
        assert response.ok, response.text()
        time.sleep(0.06)  # a person's pace, well inside the per-address rate limit
    page.reload()
    expect(messages(page)).to_have_count(111)
    expect(messages(page, ".customer").last).to_contain_text("Question 54:")


# -- sending, contesting and live updates ---------------------------------------------------


def _session(page: Page) -> dict[str, str]:
    saved: dict[str, str] = json.loads(
        page.evaluate(f"sessionStorage.getItem({json.dumps(STORE_KEY)})")
    )
    return saved


def test_the_customers_message_is_shown_before_the_server_has_it(page: Page) -> None:
    held: list[Route] = []
    open_chat(page)
    page.route("**/api/v1/conversations/*/messages", lambda route: held.append(route))
    with page.expect_request(lambda r: r.method == "POST" and r.url.endswith("/messages")):
        page.locator("#text").fill(RETURNS_QUESTION)
        page.locator("#text").press("Enter")
    pending = messages(page, ".customer.pending")
    expect(pending).to_have_count(1)
    expect(pending.locator(".body")).to_have_text(RETURNS_QUESTION)
    expect(page.locator("#text")).to_have_value("")
    # no answer: the request is still held; the assistant's "Writing…" bubble says so
    expect(messages(page, ".ai:not(.writing)")).to_have_count(1)
    expect(messages(page, ".writing")).to_have_count(1)
    expect(messages(page, ".writing")).to_have_attribute("aria-hidden", "true")
    assert len(held) == 1, "the message request was not held"
    # what is shown while it is sent is as readable as the rest (no faded text)
    assert_accessible(page)

    held[0].continue_()
    expect(messages(page, ".pending")).to_have_count(0)
    expect(messages(page, ".writing")).to_have_count(0)
    expect(messages(page, ".customer")).to_have_count(1)
    expect(messages(page).last.locator(".body")).to_contain_text("30 days")


def test_a_message_the_server_refuses_is_taken_back_and_left_in_the_box(page: Page) -> None:
    open_chat(page)
    page.route(
        "**/api/v1/conversations/*/messages",
        lambda route: route.fulfill(
            status=409,
            json={"error": {"code": "conflict", "message": "this conversation is resolved"}},
        ),
    )
    page.locator("#text").fill("Hello?")
    page.locator("#send").click()
    expect(page.locator("#error")).to_have_text("this conversation is resolved")
    expect(messages(page, ".customer")).to_have_count(0)
    expect(page.locator("#text")).to_have_value("Hello?")


def test_the_customer_contests_an_ai_answer_and_a_person_is_asked_for(
    page: Page, server_database: Engine
) -> None:
    open_chat(page)
    expect(messages(page).first.locator("button.contest")).to_have_count(0)  # the greeting
    send(page, RETURNS_QUESTION)
    answer = messages(page, ".ai").last
    contest = answer.get_by_role("button", name="I disagree — ask a person")
    expect(contest).to_be_visible()

    contest.click()
    expect(page.locator("#chat")).to_have_attribute("data-status", "handoff_requested")
    expect(page.locator("#status")).to_contain_text(HANDOFF_STATUS)
    expect(messages(page, ".ai")).to_have_count(3)  # greeting, answer, the handoff notice
    expect(page.locator("#messages button.contest:visible")).to_have_count(0)
    with server_database.connect() as db:
        reason = db.execute(
            sql("SELECT handoff_reason FROM conversations WHERE id = :id"),
            {"id": _session(page)["id"]},
        ).scalar_one()
    assert reason == "contested"


def test_a_persons_reply_arrives_live_after_the_stream_was_cut(
    page: Page, staff_account: Callable[..., StaffAccount]
) -> None:
    """The first stream ends at once (as a proxy might cut it): the page connects again and
    the person's messages still arrive without a reload, labelled with their name."""
    streams: list[str] = []

    def cut_the_first(route: Route) -> None:
        streams.append(route.request.url)
        if len(streams) == 1:
            route.fulfill(status=200, content_type="text/event-stream", body="retry: 500\n\n")
        else:
            route.continue_()

    page.route("**/api/v1/conversations/*/events", cut_the_first)
    open_chat(page)
    page.locator("#handoff").click()
    expect(page.locator("#chat")).to_have_attribute("data-status", "handoff_requested")
    page.evaluate("window.__notReloaded = true")

    agent = staff_account("agent", display_name="Rosa Lind")
    staff = {"Authorization": f"Bearer {agent.token}", "Content-Type": "application/json"}
    conversation = _session(page)["id"]
    claimed = page.request.post(f"/api/v1/agent/conversations/{conversation}/claim", headers=staff)
    assert claimed.ok, claimed.text()
    joined = messages(page, ".person").last
    expect(joined.locator(".body")).to_contain_text("has joined")
    expect(joined.locator(".who")).to_contain_text("Rosa Lind")
    expect(page.locator("#status")).to_contain_text("has joined")

    replied = page.request.post(
        f"/api/v1/agent/conversations/{conversation}/reply",
        data=json.dumps({"text": "Hello, I'm Rosa. Let me look at your order."}),
        headers=staff,
    )
    assert replied.status == 201, replied.text()
    reply = messages(page).last
    expect(reply.locator(".body")).to_have_text("Hello, I'm Rosa. Let me look at your order.")
    expect(reply.locator(".person-label")).to_have_text("Person")
    expect(reply.locator(".ai-label")).to_have_count(0)
    assert len(streams) >= 2, "the page did not connect again after its stream ended"
    assert page.evaluate("window.__notReloaded === true")
    assert all("token" not in url.lower() for url in streams)  # the token is in a header


def _agent_replies(page: Page, agent: StaffAccount, conversation: str, text: str) -> None:
    staff = {"Authorization": f"Bearer {agent.token}", "Content-Type": "application/json"}
    claimed = page.request.post(f"/api/v1/agent/conversations/{conversation}/claim", headers=staff)
    assert claimed.ok, claimed.text()
    replied = page.request.post(
        f"/api/v1/agent/conversations/{conversation}/reply",
        data=json.dumps({"text": text}),
        headers=staff,
    )
    assert replied.status == 201, replied.text()


def test_a_customer_who_closed_the_tab_comes_back_to_the_persons_reply(
    page: Page, staff_account: Callable[..., StaffAccount], tmp_path: Path
) -> None:
    open_chat(page)
    page.locator("#handoff").click()
    expect(page.locator("#chat")).to_have_attribute("data-status", "handoff_requested")
    conversation = _session(page)["id"]
    context = page.context
    # The page asks the server to remember the conversation without waiting for its answer:
    # on a loaded machine the cookie may arrive after the handoff's.
    cookies: list[Any] = []
    for _ in range(300):
        cookies = [c for c in context.cookies() if c["name"] == "trustdesk_chat"]
        if cookies:
            break
        page.wait_for_timeout(100)
    assert len(cookies) == 1 and cookies[0]["httpOnly"] and cookies[0]["sameSite"] == "Strict"
    assert page.evaluate("document.cookie") == ""  # the page's scripts cannot read it
    page.close()  # the tab is closed: its sessionStorage is gone

    agent = staff_account("agent", display_name="Noor Haddad")
    later = context.new_page()
    _agent_replies(later, agent, conversation, "Hello again, your parcel is on its way.")
    later.goto("/")
    expect(later.locator("#chat")).to_have_attribute("data-status", "human_active")
    expect(messages(later).last.locator(".body")).to_have_text(
        "Hello again, your parcel is on its way."
    )
    assert _session(later)["id"] == conversation
    later.screenshot(path=str(tmp_path / "chat-resumed.png"))


def test_a_resume_link_opens_the_conversation_in_another_browser_and_leaves_no_trace_in_the_url(
    page: Page, open_page: Callable[..., Page], staff_account: Callable[..., StaffAccount]
) -> None:
    open_chat(page)
    send(page, RETURNS_QUESTION)
    page.locator("#resume-link").click()
    link = page.locator("#resume-url").input_value()
    assert "#resume=" in link
    conversation = _session(page)["id"]

    elsewhere = open_page()  # another browser: no cookie, no sessionStorage
    requested: list[str] = []
    elsewhere.on("request", lambda request: requested.append(request.url))
    elsewhere.goto(link)
    expect(elsewhere.locator("#chat")).to_have_attribute("data-status", "ai_active")
    expect(messages(elsewhere, ".customer")).to_have_count(1)
    assert "#" not in elsewhere.url  # the fragment is gone from the address bar
    assert all("resume" not in url.split("/api/v1/chat/resume")[-1] for url in requested)
    assert all(_session(page)["token"] not in url for url in requested)
    assert _session(elsewhere)["id"] == conversation

    # A person's reply reaches both, live.
    agent = staff_account("agent", display_name="Ama Owusu")
    page.locator("#handoff").click()
    expect(page.locator("#chat")).to_have_attribute("data-status", "handoff_requested")
    _agent_replies(elsewhere, agent, conversation, "I can help with that return.")
    expect(messages(elsewhere).last.locator(".body")).to_have_text("I can help with that return.")


def test_a_link_to_a_deleted_conversation_says_so_and_offers_a_new_one(
    page: Page, open_page: Callable[..., Page]
) -> None:
    open_chat(page)
    page.locator("#resume-link").click()
    link = page.locator("#resume-url").input_value()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#privacy-choices summary").click()
    page.locator("#erase").click()
    expect(page.locator("#consent")).to_be_visible()

    elsewhere = open_page()
    elsewhere.goto(link)
    expect(elsewhere.locator("#error")).to_contain_text("no longer opens a conversation")
    expect(elsewhere.locator("#consent")).to_be_visible()
