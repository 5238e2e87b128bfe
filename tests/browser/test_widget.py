"""The widget on a business's own site (another origin), in headless Chromium."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.one_database]

RETURNS_QUESTION = "How long do I have to return an item?"


@pytest.fixture(scope="session")
def shop_site(shop_origin: str, server_url: str) -> Iterator[str]:
    """A shop's page with the one tag a business pastes, served from the shop's origin."""
    page = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Shop</title>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'></head>"
        "<body><main><h1>The shop's own page</h1><p>Products.</p></main>"
        f"<script src='{server_url}/widget.js' async></script></body></html>"
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format: str, *args: object) -> None:
            pass

    port = urlsplit(shop_origin).port
    assert port is not None
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield shop_origin + "/"
    finally:
        server.shutdown()
        server.server_close()


def _artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("TRUSTDESK_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
def test_a_shop_visitor_opens_the_widget_and_gets_a_cited_answer(
    open_page: Callable[..., Page], shop_site: str, tmp_path: Path, width: int, height: int
) -> None:
    page = open_page(viewport={"width": width, "height": height})
    page.goto(shop_site)
    launcher = page.locator("[data-trustdesk-widget] >> button.launcher")
    expect(launcher).to_be_visible()
    expect(launcher).to_have_attribute("aria-expanded", "false")
    box = launcher.bounding_box()
    assert box is not None and box["width"] >= 44 and box["height"] >= 44
    assert page.locator("iframe").count() == 0  # nothing loads before the visitor asks

    launcher.click()
    expect(launcher).to_have_attribute("aria-expanded", "true")
    chat = page.frame_locator("iframe[title^='Chat with']")
    expect(chat.locator("#disclosure")).to_be_visible()
    chat.locator("#start-ai").click()
    expect(chat.locator("#chat")).to_have_attribute("data-status", "ai_active")
    chat.locator("#text").fill(RETURNS_QUESTION)
    chat.locator("#send").click()
    answer = chat.locator("#messages > li.message.ai").last
    expect(answer.locator(".citations a").first).to_be_visible()
    expect(chat.locator("header.site")).to_have_count(0)
    page.screenshot(path=str(_artifacts(tmp_path) / f"widget-{width}x{height}.png"))

    page.keyboard.press("Escape")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    expect(launcher).to_be_focused()


def test_the_host_page_never_sees_the_conversation(
    open_page: Callable[..., Page], shop_site: str
) -> None:
    page = open_page()
    page.goto(shop_site)
    page.locator("[data-trustdesk-widget] >> button.launcher").click()
    chat = page.frame_locator("iframe[title^='Chat with']")
    chat.locator("#start-ai").click()
    expect(chat.locator("#chat")).to_have_attribute("data-status", "ai_active")
    # The shop's own scripts cannot read into the chat's frame (another origin).
    blocked = page.evaluate(
        "() => { try { return document.querySelector('[data-trustdesk-widget]').shadowRoot"
        ".querySelector('iframe').contentDocument === null; } catch (e) { return true; } }"
    )
    assert blocked is True
    assert page.evaluate("() => Object.keys(sessionStorage).length") == 0
