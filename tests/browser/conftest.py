"""Browser fixtures: the real ``trustdesk serve`` process and headless Debian Chromium.

The server runs as a subprocess on a free local port with its own SQLite database and key
file, so it uses the bundled demo policy and knowledge base. Chromium is the distribution's
``/usr/bin/chromium`` (``apt-get install -y chromium``); Playwright never downloads a browser.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from trustdesk.policy.loader import LoadedPolicy, bundled_policy_path, load_policy

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
START_TIMEOUT_S = 60.0

# Generous enough for a loaded CI machine; every wait still ends as soon as its condition holds.
expect.set_options(timeout=15_000)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="session")
def demo_policy() -> LoadedPolicy:
    """The bundled demo policy the server falls back to: the texts the page must show."""
    return load_policy(bundled_policy_path())


@pytest.fixture(scope="session")
def server_workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the server runs; its SQLite database is ``browser.db`` in it."""
    return tmp_path_factory.mktemp("browser-server")


@pytest.fixture(scope="session")
def server_url(server_workdir: Path) -> Iterator[str]:
    """Base URL of a real ``trustdesk serve`` subprocess on 127.0.0.1."""
    workdir = server_workdir
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    # Only our own settings: a TRUSTDESK_* variable from the caller's shell (another policy,
    # the OpenAI backend) must not change what the tests run against.
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRUSTDESK_")}
    env["TRUSTDESK_DATABASE_URL"] = f"sqlite:///{workdir / 'browser.db'}"
    env["TRUSTDESK_KEY_FILE"] = str(workdir / "key")
    log_path = workdir / "server.log"
    command = [
        sys.executable,
        "-m",
        "trustdesk.cli.main",
        "serve",
        "--port",
        str(port),
        "--host",
        "127.0.0.1",
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _healthy(url):
            if process.poll() is not None:
                pytest.fail(
                    f"trustdesk serve exited with code {process.returncode} before answering "
                    f"/healthz; its output:\n{log_path.read_text(errors='replace')}"
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"trustdesk serve did not answer {url}/healthz within {START_TIMEOUT_S:.0f} s;"
                    f" its output:\n{log_path.read_text(errors='replace')}"
                )
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium, shared by every test of the session."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests use Debian's Chromium, never a downloaded "
            "one. Install it with `apt-get install -y chromium` (as root) and run them again."
        )
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def page(browser: Browser, server_url: str) -> Iterator[Page]:
    """A fresh context (own cookies and sessionStorage) and page per test.

    An uncaught JavaScript error on any page fails the test at teardown.
    """
    context = browser.new_context(base_url=server_url)
    errors: list[str] = []
    try:
        tab = context.new_page()
        tab.on("pageerror", lambda exc: errors.append(f"{tab.url}: {exc}"))
        yield tab
    finally:
        context.close()
    if errors:
        pytest.fail("uncaught JavaScript errors:\n" + "\n".join(errors))
