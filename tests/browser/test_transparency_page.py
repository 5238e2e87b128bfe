"""The public transparency page in headless Chromium (docs/transparency.md). Screenshots are
saved under $TRUSTDESK_ARTIFACTS (default: the test's temporary directory)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from trustdesk.policy.loader import LoadedPolicy

pytestmark = pytest.mark.browser

SECTIONS = (
    "What the assistant does and does not do",
    "How the assistant tells you it is an AI",
    "How to reach a person, and how quickly people answered",
    "What we keep, and for how long",
    "How the service performed",
    "Fairness checks",
    "The rules in force",
)


def _artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("TRUSTDESK_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_a_customer_reads_the_transparency_page_without_signing_in(
    page: Page, demo_policy: LoadedPolicy, tmp_path: Path
) -> None:
    page.goto("/")
    page.get_by_role("link", name="How we use AI").click()
    page.wait_for_url("**/transparency")
    org = demo_policy.policy.organization.name
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"How {org} uses AI in customer support"
    )
    assert page.locator("html").get_attribute("lang") == "en"
    for heading in SECTIONS:
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    # The policy's own words, marked with their language.
    banner = page.locator("blockquote.policy-text").first
    expect(banner).to_have_text(demo_policy.policy.disclosure.banner)
    assert banner.get_attribute("lang") == demo_policy.policy.disclosure.language
    expect(page.get_by_role("rowheader", name="Conversation transcripts otherwise")).to_be_visible()
    expect(page.get_by_text("No audit has been run yet.")).to_be_visible()
    expect(page.get_by_text(demo_policy.version).first).to_be_visible()
    # Too few conversations on this server for any figure: each says so, in words.
    first_figure = page.locator("table.figures tbody tr").first
    expect(first_figure.locator("td.value")).to_have_text("Not shown")
    # The table of contents leads to each section.
    page.get_by_role("link", name="Fairness checks").click()
    assert page.url.endswith("#fairness")
    expect(page.get_by_role("heading", level=2, name="Fairness checks")).to_be_in_viewport()
    page.screenshot(path=str(_artifacts(tmp_path) / "transparency-page.png"), full_page=True)


def test_the_page_reads_on_a_phone_without_sideways_scrolling(
    open_page: Callable[..., Page], tmp_path: Path
) -> None:
    page = open_page(viewport={"width": 375, "height": 740})
    page.goto("/transparency")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page is {overflow}px wider than the phone's screen"
    page.screenshot(path=str(_artifacts(tmp_path) / "transparency-phone.png"), full_page=True)
