"""The staff console at /console with the customer's chat page, in headless Chromium against a
real server: a customer and a member of staff are two browser contexts, and every update
between them arrives live (no reload)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Locator, Page, Request, expect
from sqlalchemy import Engine
from sqlalchemy import text as sql

from tests.browser.conftest import StaffAccount

pytestmark = pytest.mark.browser

RETURNS_QUESTION = "How long do I have to return an item?"
STORE_KEY = "trustdesk.conversation"
PHONE = {"viewport": {"width": 390, "height": 844}}
AddStaff = Callable[..., StaffAccount]
OpenPage = Callable[..., Page]


# -- the customer's side --------------------------------------------------------------------


def open_chat(page: Page) -> str:
    """Start a chat with the AI assistant; returns the conversation id."""
    page.goto("/")
    page.locator("#start-ai").click()
    expect(page.locator("#chat")).to_have_attribute("data-status", "ai_active")
    saved = page.evaluate(f"sessionStorage.getItem({json.dumps(STORE_KEY)})")
    conversation_id: str = json.loads(saved)["id"]
    return conversation_id


def send(page: Page, text: str) -> None:
    before = page.locator("#messages > li.customer").count()
    page.locator("#text").fill(text)
    page.locator("#text").press("Enter")
    expect(page.locator("#messages > li.customer")).to_have_count(before + 1)
    expect(page.locator("#messages > li.pending")).to_have_count(0)
    expect(page.locator("#send")).to_be_enabled()


def ask_for_a_person(page: Page, *texts: str) -> str:
    """A customer who writes ``texts`` and presses "Talk to a person"; returns the id."""
    conversation_id = open_chat(page)
    for text in texts:
        send(page, text)
    page.locator("#handoff").click()
    expect(page.locator("#chat")).to_have_attribute("data-status", "handoff_requested")
    return conversation_id


# -- the console ----------------------------------------------------------------------------


def sign_in(page: Page, account: StaffAccount) -> None:
    page.goto("/console")
    page.get_by_label("Staff name").fill(account.name)
    page.get_by_label("Password").fill(account.password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator("#me-name")).to_have_text(account.display_name)
    expect(page.locator("#sign-in")).to_be_hidden()


def queue_item(page: Page, conversation_id: str) -> Locator:
    return page.locator(f'.queue-item[data-conversation-id="{conversation_id}"]')


def open_from_queue(page: Page, conversation_id: str) -> Locator:
    """Open a conversation from the queue; returns its transcript."""
    queue_item(page, conversation_id).get_by_role("button").click()
    expect(page.locator("#conversation")).to_be_visible()
    transcript = page.locator("#transcript")
    expect(transcript.locator("li.message").first).to_be_visible()
    return transcript


def mark_page(page: Page) -> None:
    """A flag that a reload or a navigation would wipe."""
    page.evaluate("window.__notReloaded = true")


def still_the_same_page(page: Page) -> bool:
    return bool(page.evaluate("window.__notReloaded === true"))


def handed_off_over_the_api(page: Page) -> str:
    """A conversation a customer handed to a person through the REST API; returns its id."""
    created = page.request.post(
        "/api/v1/conversations", data="{}", headers={"Content-Type": "application/json"}
    )
    assert created.ok, created.status
    conversation_id: str = created.json()["id"]
    token = created.json()["token"]
    handed = page.request.post(
        f"/api/v1/conversations/{conversation_id}/handoff",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert handed.ok, handed.status
    return conversation_id


def staff_csrf(page: Page) -> str:
    me = page.request.get("/api/v1/staff/me")
    assert me.ok, me.status
    token: str = me.json()["csrf_token"]
    return token


# -- the whole flow -------------------------------------------------------------------------


def test_an_agent_answers_a_customer_who_asked_for_a_person_and_everything_arrives_live(
    open_page: OpenPage, staff_account: AddStaff, server_database: Engine
) -> None:
    agent = staff_account("agent", display_name="Dana Reyes")
    console = open_page()
    posts: list[Request] = []
    console.on("request", lambda r: posts.append(r) if r.method == "POST" else None)
    sign_in(console, agent)
    expect(console.locator("#me-role")).to_have_text("agent")
    expect(console.locator("#queue")).to_be_visible()
    mark_page(console)

    chat = open_page()
    conversation_id = ask_for_a_person(chat, RETURNS_QUESTION)
    mark_page(chat)

    # The queue shows it without a reload: why, for how long (ticking), and that nobody has it.
    item = queue_item(console, conversation_id)
    expect(item).to_be_visible()
    expect(item.locator(".reason")).to_have_text("The customer asked for a person")
    expect(item.locator(".holder")).to_have_text("Not claimed yet")
    expect(item.locator(".preview")).to_contain_text(RETURNS_QUESTION)
    waiting = item.locator(".waiting")
    expect(waiting).to_have_text(re.compile(r"^Waiting \d+ s$"))
    first_reading = waiting.inner_text()
    expect(waiting).not_to_have_text(first_reading)  # the waiting time ticks
    expect(console.locator("#queue-count")).to_contain_text("waiting for a person")
    assert still_the_same_page(console)

    transcript = open_from_queue(console, conversation_id)
    expect(transcript.locator("li.customer").first).to_contain_text(RETURNS_QUESTION)
    answer = transcript.locator("li.ai").nth(1)
    expect(answer.locator(".ai-label")).to_be_visible()
    expect(answer.locator("a.citation").first).to_be_visible()
    expect(console.locator("#reveal")).to_be_hidden()  # agents may not reveal (the policy)
    expect(console.locator("#send-reply")).to_be_disabled()  # not claimed yet

    console.get_by_role("button", name="Claim", exact=True).click()
    expect(console.locator("#conversation-state")).to_contain_text("You are handling it")
    expect(item.locator(".holder")).to_have_text(f"Held by {agent.name}")

    # The customer sees a person join, live, named and not labelled as the AI.
    joined = chat.locator("#messages > li.person").last
    expect(joined.locator(".body")).to_contain_text("has joined")
    expect(joined.locator(".who")).to_contain_text("Dana Reyes")
    expect(joined.locator(".person-label")).to_have_text("Person")
    expect(joined.locator(".ai-label")).to_have_count(0)
    expect(chat.locator("#status")).to_contain_text("has joined")

    # Agent assist: the draft fills the reply box; the agent edits it; Enter sends.
    console.get_by_role("button", name="Draft reply", exact=True).click()
    reply_box = console.get_by_label("Reply to the customer")
    expect(reply_box).to_have_value(re.compile("30 days"))
    expect(console.locator("#draft-info")).to_contain_text("Draft by the assistant")
    expect(console.locator("#draft-info a.citation").first).to_be_visible()
    reply_box.press("End")
    reply_box.press_sequentially(" Is there anything else I can help with?")
    # While the agent writes, the customer sees who is typing (shown, not announced).
    typing = chat.locator("#typing")
    expect(typing).to_have_text("Dana Reyes is typing…")
    expect(typing).to_have_attribute("aria-hidden", "true")
    reply_box.press("Enter")
    expect(reply_box).to_have_value("")
    expect(transcript.locator("li.person").last).to_contain_text("anything else I can help")

    reply = chat.locator("#messages > li.message").last
    expect(reply.locator(".body")).to_contain_text("Is there anything else I can help with?")
    expect(reply).to_have_class(re.compile(r"\bperson\b"))
    expect(reply).not_to_have_class(re.compile(r"\bai\b"))
    expect(reply.locator(".who")).to_contain_text("Dana Reyes")
    expect(reply.locator(".ai-label")).to_have_count(0)
    expect(typing).to_be_hidden()  # the reply is there: no longer typing

    with server_database.connect() as db:
        from_draft = db.execute(
            sql(
                "SELECT from_draft FROM messages WHERE conversation_id = :id AND role = 'agent' "
                "ORDER BY seq DESC LIMIT 1"
            ),
            {"id": conversation_id},
        ).scalar_one()
    assert from_draft, "the reply was sent without the draft id"

    console.get_by_role("button", name="Resolve", exact=True).click()
    expect(chat.locator("#chat")).to_have_attribute("data-status", "resolved")
    expect(chat.locator("#status")).to_contain_text("resolved")
    expect(chat.locator("#text")).to_be_disabled()
    expect(item).to_have_count(0)
    assert still_the_same_page(console) and still_the_same_page(chat)

    # Every state-changing call carried the CSRF token (the server refuses those without).
    changes = [r for r in posts if urlsplit(r.url).path != "/api/v1/staff/sign-in"]
    assert {urlsplit(r.url).path.rsplit("/", 1)[-1] for r in changes} >= {
        "claim",
        "draft",
        "typing",
        "reply",
        "resolve",
    }
    assert all(r.headers.get("x-csrf-token") for r in changes)


# -- reveal ---------------------------------------------------------------------------------


def test_a_supervisor_reveals_originals_with_a_recorded_reason_and_an_agent_cannot(
    open_page: OpenPage, staff_account: AddStaff
) -> None:
    email = "reveal.me@example.com"
    chat = open_page()
    conversation_id = ask_for_a_person(chat, f"my email is {email}, the parcel never came")

    supervisor = staff_account("supervisor", display_name="Sam Okafor")
    console = open_page()
    sign_in(console, supervisor)
    transcript = open_from_queue(console, conversation_id)
    mine = transcript.locator("li.customer").first
    expect(mine.locator("mark.placeholder")).to_have_text("[EMAIL_ADDRESS_1]")
    expect(transcript).not_to_contain_text(email)

    console.get_by_role("button", name="Reveal originals", exact=True).click()
    reason = console.get_by_label(re.compile("Why do you need the personal data"))
    expect(reason).to_be_focused()
    reason.fill("The customer asked us to confirm the address we hold")
    console.get_by_role("button", name="Reveal and record", exact=True).click()
    expect(mine).to_contain_text(email)
    notice = console.locator("#reveal-notice")
    expect(notice).to_contain_text("[EMAIL_ADDRESS_1]")
    expect(notice).to_contain_text("recorded")
    recorded = console.request.get(f"/api/v1/agent/conversations/{conversation_id}").json()
    assert [(r["staff_name"], r["reason"]) for r in recorded["reveals"]] == [
        (supervisor.name, "The customer asked us to confirm the address we hold")
    ]
    console.get_by_role("button", name="Hide originals", exact=True).click()
    expect(transcript).not_to_contain_text(email)
    expect(mine.locator("mark.placeholder")).to_have_text("[EMAIL_ADDRESS_1]")

    # An agent has no reveal control, and the server refuses the API call.
    agent = staff_account("agent")
    desk = open_page()
    sign_in(desk, agent)
    open_from_queue(desk, conversation_id)
    expect(desk.locator("#reveal")).to_be_hidden()
    refused = desk.request.post(
        f"/api/v1/agent/conversations/{conversation_id}/reveal",
        data=json.dumps({"reason": "I would like to see the address"}),
        headers={"Content-Type": "application/json", "X-CSRF-Token": staff_csrf(desk)},
    )
    assert refused.status == 403
    assert email not in refused.text()


def test_a_console_that_claims_a_permission_it_lacks_is_still_refused(
    open_page: OpenPage, staff_account: AddStaff
) -> None:
    """An attacker edits what /me says (here: a route that adds "reveal"): the button shows,
    the server refuses, the console says so in words and shows nothing."""
    email = "not.for.agents@example.com"
    chat = open_page()
    conversation_id = ask_for_a_person(chat, f"write to me at {email}")
    agent = staff_account("agent")
    desk = open_page()

    def forged_me(route: Any) -> None:
        response = route.fetch()
        body = response.json()
        body["permissions"] = [*body.get("permissions", []), "reveal"]
        route.fulfill(response=response, json=body)

    desk.route("**/api/v1/staff/me", forged_me)
    sign_in(desk, agent)
    desk.reload()  # the console now starts from the forged /me
    expect(desk.locator("#me-name")).to_have_text(agent.display_name)
    transcript = open_from_queue(desk, conversation_id)
    desk.get_by_role("button", name="Reveal originals", exact=True).click()
    desk.get_by_label(re.compile("Why do you need")).fill("Just curious about this one")
    desk.get_by_role("button", name="Reveal and record", exact=True).click()
    error = desk.locator("#console-error")
    expect(error).to_contain_text("Not allowed")
    expect(error).to_contain_text("reveal")
    expect(transcript).not_to_contain_text(email)
    expect(desk.locator("#reveal-notice")).to_be_hidden()


# -- sign-in, sessions, hostile content -----------------------------------------------------


def test_sign_in_errors_are_shown_in_words_and_repeated_failures_are_throttled(
    page: Page, staff_account: AddStaff
) -> None:
    account = staff_account("agent")
    page.goto("/console")
    name = page.get_by_label("Staff name")
    password = page.get_by_label("Password")
    # Keyboard only: type, Tab to the password, Enter to sign in.
    name.focus()
    page.keyboard.type(account.name)
    page.keyboard.press("Tab")
    expect(password).to_be_focused()
    page.keyboard.type("not the password")
    page.keyboard.press("Enter")
    error = page.locator("#sign-in-error")
    expect(error).to_have_text(re.compile(r"^Sign-in failed: the name or the password is wrong"))
    expect(password).to_have_value("")  # a password is never left in the page
    expect(error).not_to_contain_text("not the password")

    for _ in range(4):  # five failures per account are allowed in the window
        password.fill("still not the password")
        page.get_by_role("button", name="Sign in", exact=True).click()
        expect(page.locator("#sign-in-submit")).to_be_enabled()
    password.fill(account.password)  # right, but too late
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(error).to_have_text(re.compile(r"^Too many attempts, try again in \d+ s\.$"))
    expect(page.locator("#desk")).to_be_hidden()


def test_an_ended_session_returns_to_the_sign_in_form(page: Page, staff_account: AddStaff) -> None:
    conversation_id = handed_off_over_the_api(page)
    account = staff_account("supervisor")
    sign_in(page, account)
    page.reload()  # a reloaded console carries on with the session (GET /me)
    expect(page.locator("#me-name")).to_have_text(account.display_name)
    # Once the live queue has loaded, nothing else asks the server until the click below.
    expect(page.locator("#console")).to_have_attribute("data-queue", "live")
    page.context.clear_cookies()
    queue_item(page, conversation_id).get_by_role("button").click()
    expect(page.locator("#sign-in")).to_be_visible()
    expect(page.locator("#sign-in-error")).to_contain_text("Your session has ended")
    expect(page.locator("#desk")).to_be_hidden()

    sign_in(page, account)
    page.get_by_role("button", name="Sign out", exact=True).click()
    expect(page.locator("#sign-in-error")).to_have_text("You have signed out.")
    assert page.request.get("/api/v1/staff/me").status == 401


def test_customer_text_is_shown_to_staff_as_text_and_never_runs(
    open_page: OpenPage, staff_account: AddStaff
) -> None:
    payload = '<img src=x onerror="window.__pwned=1"><b>bold</b>'
    chat = open_page()
    conversation_id = ask_for_a_person(chat, payload)
    console = open_page()
    sign_in(console, staff_account("agent"))
    expect(queue_item(console, conversation_id).locator(".preview")).to_have_text(payload)
    transcript = open_from_queue(console, conversation_id)
    expect(transcript.locator("li.customer .body").first).to_have_text(payload)
    expect(console.locator("#console img, #console b")).to_have_count(0)
    assert console.evaluate("typeof window.__pwned") == "undefined"


# -- a phone-sized screen, names of controls ------------------------------------------------


def assert_no_horizontal_scroll(page: Page, when: str) -> None:
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{when}: the page scrolls sideways ({widths})"


def assert_every_control_is_named(page: Page, when: str) -> None:
    controls = page.locator("#console").locator("input, textarea, select, button")
    checked = 0
    for index in range(controls.count()):
        control = controls.nth(index)
        if control.is_visible():
            expect(control, f"{when}: control {index}").to_have_accessible_name(re.compile(r"\S"))
            checked += 1
    assert checked, f"{when}: no visible control was checked"


def test_the_console_fits_a_phone_and_names_every_control(
    open_page: OpenPage, staff_account: AddStaff
) -> None:
    chat = open_page()
    long_word = "Order" + "X" * 150
    conversation_id = ask_for_a_person(chat, f"{long_word} and my email is long.one@example.com")

    console = open_page(**PHONE)
    console.goto("/console")
    expect(console.locator("#sign-in")).to_be_visible()
    assert_no_horizontal_scroll(console, "sign-in")
    assert_every_control_is_named(console, "sign-in")

    sign_in(console, staff_account("supervisor"))
    expect(queue_item(console, conversation_id)).to_be_visible()
    expect(console.locator("#approvals")).to_be_visible()
    assert_no_horizontal_scroll(console, "queue")
    assert_every_control_is_named(console, "queue")

    open_from_queue(console, conversation_id)
    console.get_by_role("button", name="Claim", exact=True).click()
    expect(console.get_by_label("Reply to the customer")).to_be_enabled()
    console.get_by_role("button", name="Hand back to AI", exact=True).click()
    expect(console.locator("#hand-back-form")).to_be_visible()
    assert_no_horizontal_scroll(console, "conversation")
    assert_every_control_is_named(console, "conversation, hand-back form open")
    console.get_by_role("button", name="Cancel", exact=True).click()
    console.get_by_role("button", name="Reveal originals", exact=True).click()
    assert_every_control_is_named(console, "conversation, reveal form open")
    assert_no_horizontal_scroll(console, "reveal form")

    # Hand back: the note is asked for, then the AI answers the customer again.
    console.get_by_role("button", name="Cancel", exact=True).click()
    console.get_by_role("button", name="Hand back to AI", exact=True).click()
    note = console.get_by_label(re.compile("Note for the record"))
    expect(note).to_be_focused()
    note.fill("Answered; the knowledge base covers the rest")
    console.locator("#hand-back-confirm").click()
    expect(chat.locator("#chat")).to_have_attribute("data-status", "ai_active")
    expect(chat.locator("#handoff")).to_be_enabled()


# -- approvals ------------------------------------------------------------------------------


def test_a_supervisor_approves_a_refund_above_the_limit_and_the_customer_is_told(
    open_page: OpenPage, staff_account: AddStaff
) -> None:
    supervisor = staff_account("supervisor", display_name="Ada Mensah")
    console = open_page()
    sign_in(console, supervisor)
    assert console.request.get("/api/v1/agent/approvals").status == 200

    chat = open_page()
    open_chat(chat)
    send(chat, "I want a refund of 120 EUR for my broken kettle")
    expect(chat.locator("#chat")).to_have_attribute("data-status", "handoff_requested")
    expect(chat.locator("#messages > li.ai").last).to_contain_text("120.00 EUR")

    approval = console.locator(".approval").filter(has_text="Refund of 120.00 EUR")
    expect(approval).to_be_visible()  # live, without a reload
    expect(approval).to_contain_text("Why the AI proposed it")
    approval.get_by_role("button", name="Approve", exact=True).click()
    expect(console.locator("#console-error")).to_contain_text("Add a note")
    approval.get_by_label(re.compile("Note on the refund")).fill("Kettle arrived broken; approved")
    approval.get_by_role("button", name="Approve", exact=True).click()
    expect(approval).to_have_count(0)
    expect(console.locator("#approvals-status")).to_contain_text("Approved: Refund of 120.00 EUR")

    told = chat.locator("#messages > li.message").filter(has_text="approved")
    expect(told.last).to_contain_text("120.00 EUR")
    expect(told.last.locator(".who")).to_contain_text("Ada Mensah")
    expect(told.last.locator(".ai-label")).to_have_count(0)


def test_a_withheld_draft_is_shown_folded_to_staff_and_never_to_the_customer(
    open_page: OpenPage, staff_account: AddStaff, server_database: Engine
) -> None:
    """The assistant's draft that the customer was not sent as written is kept for review
    (a language-model backend's; the browser suite's server quotes its knowledge base and
    keeps none, so the draft is written into the server's database as that backend would)."""
    customer = open_page()
    conversation_id = open_chat(customer)
    send(customer, RETURNS_QUESTION)
    draft = "You can return it within 60 days, no questions asked [1]. Write to [EMAIL_ADDRESS]."
    with server_database.begin() as conn:
        updated = conn.execute(
            sql(
                "UPDATE decisions SET withheld_draft = :draft WHERE conversation_id = :id"
                " AND customer_seq IS NOT NULL"
            ),
            {"draft": draft, "id": conversation_id},
        ).rowcount
    assert updated == 1
    customer.locator("#handoff").click()
    expect(customer.locator("#chat")).to_have_attribute("data-status", "handoff_requested")

    console = open_page()
    sign_in(console, staff_account("agent", display_name="Dana Reyes"))
    transcript = open_from_queue(console, conversation_id)
    withheld = transcript.locator("li.message.withheld")
    expect(withheld).to_have_count(1)
    # Right after the customer message it answered, folded, with why it was withheld.
    expect(transcript.locator("li.message.customer + li.message.withheld")).to_have_count(1)
    summary = withheld.locator("summary")
    expect(summary).to_contain_text("Assistant's draft, not sent as written")
    body = withheld.locator(".body")
    expect(body).to_be_hidden()
    summary.click()
    expect(body).to_contain_text("within 60 days, no questions asked")
    expect(body).to_contain_text("[EMAIL_ADDRESS]")

    # The chat never shows it: not on the page, not in the transcript the page reads (the
    # customer's data export does list it: docs/llm-backend.md).
    expect(customer.locator("#messages")).not_to_contain_text("60 days, no questions asked")
    token = json.loads(customer.evaluate(f"sessionStorage.getItem({json.dumps(STORE_KEY)})"))
    transcript_json = customer.request.get(
        f"/api/v1/conversations/{conversation_id}",
        headers={"Authorization": f"Bearer {token['token']}"},
    )
    assert transcript_json.ok, transcript_json.status
    assert "60 days, no questions asked" not in transcript_json.text()
    assert RETURNS_QUESTION in transcript_json.text()
