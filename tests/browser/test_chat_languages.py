"""The chat page in the customer's language: chosen from the browser, switchable, with the
greeting, the page's words and the labels of every message in that language; axe-checked."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import assert_accessible
from tests.browser.conftest import StaffAccount
from tests.browser.test_chat_page import _agent_replies, _session, messages
from trustdesk.web.i18n import catalogue

pytestmark = [pytest.mark.browser, pytest.mark.one_database]

FR = catalogue("fr")
DE = catalogue("de")


def _artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("TRUSTDESK_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
def test_a_french_speaking_customer_gets_the_whole_chat_in_french(
    open_page: Callable[..., Page],
    staff_account: Callable[..., StaffAccount],
    tmp_path: Path,
    width: int,
    height: int,
) -> None:
    page = open_page(locale="fr-FR", viewport={"width": width, "height": height})
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("#consent h2")).to_have_text(FR["consent_heading"])
    expect(page.locator("#disclosure")).to_contain_text("assistant IA")
    page.locator("#start-ai").click()
    expect(page.locator("#chat")).to_have_attribute("data-status", "ai_active")
    expect(messages(page, ".ai").first.locator(".body")).to_contain_text("Bonjour")
    expect(messages(page, ".ai").first).to_contain_text(FR["handoff"])  # the button's label
    page.locator("#text").fill("Combien de temps ai-je pour retourner un article ?")
    page.locator("#send").click()
    expect(messages(page, ".customer").first.locator(".who")).to_have_text(FR["who_you"])
    expect(messages(page, ".ai")).to_have_count(2)
    expect(messages(page, ".ai").last.locator(".who")).to_have_text(FR["who_assistant"])
    expect(page.locator("#handoff")).to_have_text(FR["handoff"])
    assert_accessible(page)
    page.screenshot(path=str(_artifacts(tmp_path) / f"chat-fr-{width}.png"), full_page=True)

    # A person answers: the status and the person's label are in French too.
    conversation = _session(page)["id"]
    page.locator("#handoff").click()
    expect(page.locator("#status")).to_have_text(FR["status_handoff_requested"])
    agent = staff_account("agent", display_name="Léa Martin")
    _agent_replies(page, agent, conversation, "Bonjour, je m'en occupe.")
    expect(messages(page).last.locator(".person-label")).to_have_text(FR["person"])
    expect(messages(page).last.locator(".who")).to_have_text("Léa Martin (équipe d'assistance)")


def test_the_language_can_be_switched_on_the_page(page: Page, tmp_path: Path) -> None:
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("#language").select_option("de")
    page.locator("#language-apply").click()
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("#start-ai")).to_have_text(DE["start_ai"])
    expect(page.locator("#language")).to_have_value("de")
    page.locator("#start-ai").click()
    expect(messages(page, ".ai").first.locator(".body")).to_contain_text("KI-Assistent")
    expect(page.locator("#text")).to_have_attribute("placeholder", DE["message_placeholder"])
    assert_accessible(page)
    page.screenshot(path=str(_artifacts(tmp_path) / "chat-de.png"))
