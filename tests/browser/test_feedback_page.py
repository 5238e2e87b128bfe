"""Feedback and concerns in the chat page and the console, in headless Chromium
(docs/feedback.md). Screenshots are saved under $TRUSTDESK_ARTIFACTS (default: the test's
temporary directory)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import Engine
from sqlalchemy import text as sql

from tests.browser.conftest import StaffAccount
from tests.browser.test_chat_page import STORE_KEY, messages, open_chat

pytestmark = pytest.mark.browser
EMAIL = "rate.me@example.org"


def _artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("TRUSTDESK_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _session(page: Page) -> dict[str, Any]:
    saved = page.evaluate(f"sessionStorage.getItem({json.dumps(STORE_KEY)})")
    session: dict[str, Any] = json.loads(saved)
    return session


def test_the_customer_rates_the_conversation_on_demand(
    page: Page, server_database: Engine, tmp_path: Path
) -> None:
    open_chat(page)
    page.locator("#rate").click()
    form = page.locator("#feedback")
    expect(form).to_be_visible()
    expect(page.locator("#feedback-heading")).to_be_focused()
    page.get_by_label("4", exact=True).check()
    page.get_by_label("Yes").check()
    page.locator("#feedback-comment").fill(f"Quick; write to {EMAIL}")
    page.screenshot(path=str(_artifacts(tmp_path) / "feedback-form.png"))
    page.locator("#feedback-send").click()
    expect(page.locator("#feedback-done")).to_contain_text("Thank you for your feedback")
    expect(form).to_be_hidden()

    cid = _session(page)["id"]
    with server_database.connect() as conn:
        row = conn.execute(
            sql("SELECT rating, solved, comment FROM feedback WHERE conversation_id = :c"),
            {"c": cid},
        ).one()
    assert (row.rating, bool(row.solved)) == (4, True)
    assert row.comment == "Quick; write to [EMAIL_ADDRESS_1]"

    # Opened again, the form shows what was given (the customer's own words).
    page.locator("#rate").click()
    expect(page.locator("#feedback-comment")).to_have_value(f"Quick; write to {EMAIL}")


def test_a_resolved_conversation_asks_for_a_rating(
    page: Page, staff_account: Callable[..., StaffAccount]
) -> None:
    open_chat(page)
    page.locator("#handoff").click()
    expect(page.locator("#chat")).to_have_attribute("data-status", "handoff_requested")
    cid = _session(page)["id"]
    agent = staff_account("agent")
    staff = {"Authorization": f"Bearer {agent.token}"}
    for action in ("claim", "resolve"):
        answer = page.request.post(
            f"/api/v1/agent/conversations/{cid}/{action}", headers=staff, data="{}"
        )
        assert answer.ok, answer.text()
    expect(page.locator("#chat")).to_have_attribute("data-status", "resolved")
    expect(page.locator("#feedback")).to_be_visible()
    page.get_by_label("2", exact=True).check()
    page.locator("#feedback-send").click()
    expect(page.locator("#feedback-done")).to_be_visible()


def test_a_customer_reports_a_concern_that_staff_see_as_an_incident(
    page: Page,
    open_page: Callable[..., Page],
    staff_account: Callable[..., StaffAccount],
    tmp_path: Path,
) -> None:
    open_chat(page)
    greeting = messages(page, ".ai").first
    greeting.get_by_role("button", name="Report a concern about this AI message").click()
    greeting.get_by_label("What is wrong with this message?").select_option("harmful")
    greeting.get_by_label("Tell us more (optional)").fill("This felt dismissive")
    greeting.get_by_role("button", name="Send concern").click()
    expect(greeting.locator(".concern-done")).to_contain_text("sent to our team")
    page.screenshot(path=str(_artifacts(tmp_path) / "concern-reported.png"))

    supervisor = staff_account("supervisor")
    console = open_page()
    console.goto("/console")
    console.locator("#sign-in-name").fill(supervisor.name)
    console.locator("#sign-in-password").fill(supervisor.password)
    console.locator("#sign-in-submit").click()
    panel = console.locator("#incidents")
    expect(panel).to_be_visible()
    item = panel.locator("li.incident").filter(has_text="This felt dismissive")
    expect(item).to_have_count(1)
    expect(item).to_contain_text("Reported by the customer")
    item.get_by_label("Status").select_option("resolved")
    item.get_by_label("Resolution note (needed to resolve or dismiss; recorded)").fill(
        "Reviewed the greeting; wording is being changed"
    )
    console.screenshot(path=str(_artifacts(tmp_path) / "incident-item.png"), full_page=True)
    item.get_by_role("button", name="Save").click()
    expect(console.locator("#incidents-status")).to_contain_text("Saved")
    expect(panel.locator("li.incident").filter(has_text="This felt dismissive")).to_have_count(0)
    console.screenshot(path=str(_artifacts(tmp_path) / "incidents-panel.png"))
