"""The dashboard at /dashboard in headless Chromium against a real server: a supervisor signs
in and sees charts and tables with data, operates the filters by keyboard, and sees words (not
blank charts) for an empty period; an agent is told the dashboard is not for their role.
Screenshots go to $TRUSTDESK_ARTIFACTS (or the test's temporary folder)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import StaffAccount

pytestmark = pytest.mark.browser
AddStaff = Callable[..., StaffAccount]


def _artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("TRUSTDESK_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _converse(server_url: str) -> None:
    """Conversations over the public API: answered, a person asked for, German, widget."""
    with httpx.Client(base_url=server_url, timeout=30) as http:
        for text, channel in (
            ("How long do I have to return an item?", "web"),
            ("How long do I have to return an item?", "widget"),
            ("Wie lange habe ich Zeit, um eine Bestellung zurückzugeben?", "web"),
            ("I want to talk to a real person please", "web"),
        ):
            started = http.post("/api/v1/conversations", json={"channel": channel})
            assert started.status_code == 201, started.text
            body = started.json()
            headers = {"Authorization": f"Bearer {body['token']}"}
            cid = body["conversation_id"] if "conversation_id" in body else body["id"]
            sent = http.post(
                f"/api/v1/conversations/{cid}/messages", json={"text": text}, headers=headers
            )
            assert sent.status_code == 200, sent.text


def sign_in(page: Page, account: StaffAccount) -> None:
    page.goto("/dashboard")
    page.get_by_label("Staff name").fill(account.name)
    page.get_by_label("Password").fill(account.password)
    page.get_by_label("Password").press("Enter")
    expect(page.locator("#me-name")).to_have_text(account.display_name)


def test_supervisor_sees_the_dashboard_and_filters_it_by_keyboard(
    page: Page, staff_account: AddStaff, server_url: str, tmp_path: Path
) -> None:
    _converse(server_url)
    sign_in(page, staff_account("supervisor"))
    board = page.locator("#dashboard")
    expect(board).to_have_attribute("data-state", "ready")
    expect(page.locator("#board-status")).to_contain_text("engaged conversation")
    volume = page.locator("#chart-volume")
    expect(volume.locator("svg[role=img]")).to_be_visible()
    expect(page.locator("#chart-handoffs table")).to_contain_text("The customer asked for a person")
    expect(page.locator("#chart-disclosure table")).to_contain_text("Exceptions")
    expect(page.locator("#chart-response_times table")).to_contain_text("First reply")
    page.screenshot(path=str(_artifacts(tmp_path) / "dashboard.png"), full_page=True)

    # Keyboard only: the channel, Tab to the language and on to Show, Enter.
    page.locator("#filter-channel").focus()
    page.keyboard.type("widget")
    page.keyboard.press("Tab")
    expect(page.locator("#filter-language")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#filter-apply")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#board-status")).to_contain_text("on channel widget")
    expect(board).to_have_attribute("data-state", "ready")
    expect(volume.locator("dl")).to_contain_text("Engaged")
    # The language by keyboard: type-ahead in the list, then Space on Show.
    page.locator("#filter-channel").fill("")
    page.locator("#filter-language").focus()
    page.keyboard.type("de")
    expect(page.locator("#filter-language")).to_have_value("de")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.locator("#board-status")).to_contain_text("in language de")
    page.screenshot(path=str(_artifacts(tmp_path) / "dashboard-widget.png"), full_page=True)

    # An empty period says so in words.
    page.locator("#filter-channel").fill("")
    page.locator("#filter-from").fill("2001-01-01")
    page.locator("#filter-to").fill("2001-01-31")
    page.locator("#filter-to").press("Enter")
    expect(page.locator("#board-status")).to_contain_text("Showing 0 engaged conversations")
    expect(volume.locator("[data-empty]")).to_have_text("No conversations in this period.")
    expect(volume.locator("svg")).to_have_count(0)
    expect(page.locator("#chart-questions [data-empty]")).to_contain_text("No unanswered")
    page.screenshot(path=str(_artifacts(tmp_path) / "dashboard-empty.png"), full_page=True)

    # Every control has a label; every chart has a text alternative beside it.
    for control in ("filter-from", "filter-to", "filter-channel", "filter-language"):
        expect(page.locator(f"label[for={control}]")).to_have_count(1)


def test_an_agent_is_told_the_dashboard_is_not_for_their_role(
    page: Page, staff_account: AddStaff
) -> None:
    sign_in(page, staff_account("agent"))
    expect(page.locator("#no-permission")).to_be_visible()
    expect(page.locator("#charts")).to_be_hidden()
    expect(page.locator("#dashboard")).to_have_attribute("data-state", "forbidden")
