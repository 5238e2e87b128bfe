"""A language model's reply shown while it is written, in headless Chromium.

The app runs in this process on uvicorn (a real HTTP server) with the OpenAI-compatible
backend pointed at the fake model server, which streams its reply a word at a time, slowly
enough to watch: the page shows "Writing…" and the sentences the turn core lets through, then
the stored reply (with its citation) in their place.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import Engine

from tests.browser.axe import assert_accessible
from tests.integration.test_openai_backend import RETURN_WINDOW_QUESTION, openai_system
from tests.support.fake_llm import FakeOpenAIServer, grounded_reply
from tests.support.servers import uvicorn_thread
from trustdesk.settings import Settings
from trustdesk.web.app import create_app
from trustdesk.web.i18n import catalogue

pytestmark = pytest.mark.browser

SECOND = "You can return it in its original packaging. [1]"
THIRD = "Start the return from your order page within those 30 days. [1]"


def _messages(page: Page, kind: str = "") -> Any:
    return page.locator(f"#messages > li.message{kind}")


@pytest.fixture
def model() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        server.reply = lambda messages: f"{grounded_reply(messages)} {SECOND} {THIRD}"
        server.piece_delay_s = 0.1  # about three seconds for the whole reply
        yield server


@pytest.fixture
def streaming_page(
    browser: Browser, engine: Engine, settings: Settings, model: FakeOpenAIServer
) -> Iterator[tuple[Browser, str]]:
    system = openai_system(engine, settings, model, timeout_s=30)
    with uvicorn_thread(create_app(system)) as base_url:
        yield browser, base_url


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
def test_the_reply_is_shown_while_it_is_written_then_the_stored_one_stands(
    streaming_page: tuple[Browser, str],
    model: FakeOpenAIServer,
    tmp_path: Path,
    width: int,
    height: int,
) -> None:
    browser, base_url = streaming_page
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": height})
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto("/")
        page.locator("#start-ai").click()
        expect(page.locator("#chat")).to_have_attribute("data-status", "ai_active")
        expect(_messages(page, ".ai")).to_have_count(1)

        page.locator("#text").fill(RETURN_WINDOW_QUESTION)
        page.locator("#send").click()
        writing = page.locator("#messages > li.writing")
        # the typing indicator, then the first sentence while the rest is still being written
        expect(writing.locator(".sending")).to_have_text(catalogue("en")["writing"])
        expect(writing).to_have_attribute("aria-hidden", "true")
        expect(writing.locator(".body")).to_contain_text("30 days", timeout=20_000)
        expect(writing.locator(".body")).not_to_contain_text("order page")
        folder = Path(os.environ.get("TRUSTDESK_ARTIFACTS", tmp_path))
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"chat-writing-{width}.png"))

        # the stored reply replaces what was shown, with its citation and the AI label
        expect(writing).to_have_count(0, timeout=30_000)
        answer = _messages(page, ".ai").last
        first = grounded_reply(model.requests[0]["messages"])
        expect(answer.locator(".body")).to_have_text(f"{first} {SECOND} {THIRD}")
        expect(answer.locator("a.citation")).to_have_count(1)
        expect(answer.locator(".ai-label")).to_be_visible()
        expect(_messages(page, ".ai")).to_have_count(2)
        expect(page.locator("#send")).to_be_enabled()
        assert model.requests[0]["stream"] is True
        assert_accessible(page)
        page.screenshot(path=str(folder / f"chat-streamed-{width}.png"))
    finally:
        context.close()
    assert not errors, errors
