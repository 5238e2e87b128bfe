"""Every page, checked with axe-core (WCAG 2.1 AA) in the states a customer or staff member
sees them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.one_database]


@pytest.mark.parametrize(
    "path", ["/", "/privacy", "/transparency", "/console", "/dashboard", "/embed"]
)
@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
def test_each_page_has_no_accessibility_violation(
    open_page: Callable[..., Page], path: str, width: int, height: int
) -> None:
    page = open_page(viewport={"width": width, "height": height})
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert_accessible(page)


def test_the_chat_in_use_has_no_accessibility_violation(page: Page) -> None:
    page.goto("/")
    page.locator("#start-ai").click()
    expect(page.locator("#chat")).to_have_attribute("data-status", "ai_active")
    page.locator("#text").fill("How long do I have to return an item?")
    page.locator("#send").click()
    expect(page.locator("#messages > li.message.ai")).to_have_count(2)
    page.locator("#resume-link").click()
    page.locator("#privacy-choices summary").click()
    assert_accessible(page)
    page.locator("#handoff").click()
    expect(page.locator("#chat")).to_have_attribute("data-status", "handoff_requested")
    assert_accessible(page)


def test_the_check_finds_what_it_should(page: Page) -> None:
    """The check itself can fail: a page with an unlabelled image and button is caught."""
    from tests.browser.axe import violations

    page.set_content("<html><body><main><img src='data:,'><button></button></main></body></html>")
    found = {v["id"] for v in violations(page)}
    assert {"image-alt", "button-name", "html-has-lang"} <= found
