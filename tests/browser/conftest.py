"""Browser fixtures: the real ``trustdesk serve`` process and headless Debian Chromium.

The server runs as a subprocess on a free local port with its own database (a SQLite file, or
a PostgreSQL schema of its own when ``TRUSTDESK_TEST_DATABASE_URL`` is set) and key file, so
it uses the bundled demo policy and knowledge base. Staff accounts are made with the real
``trustdesk staff add`` command against the same database. Chromium is the distribution's
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
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    expect,
    sync_playwright,
)
from sqlalchemy import Engine, text

from tests.conftest import BACKENDS, PG_URL
from tests.support.database import drop_schema
from trustdesk.policy.loader import LoadedPolicy, bundled_policy_path, load_policy
from trustdesk.store.engine import make_engine

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
START_TIMEOUT_S = 240.0  # a deadline, not a speed requirement: the suite loads two cores

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


@pytest.fixture(scope="session", params=BACKENDS)
def server_database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The server's database: a SQLite file, or a fresh PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('browser-db') / 'browser.db'}"
        return
    assert PG_URL
    schema = f"td_browser_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        drop_schema(admin, schema)
        admin.dispose()


@pytest.fixture(scope="session")
def server_database(server_database_url: str) -> Iterator[Engine]:
    """An engine on the server's database, for tests that check what was stored."""
    engine = make_engine(server_database_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def server_workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the server runs: its key file and log."""
    return tmp_path_factory.mktemp("browser-server")


@pytest.fixture(scope="session")
def shop_origin() -> str:
    """The origin of a business's own site that embeds the widget: another host name and port
    than the server's, so the widget's chat runs in a cross-site frame, as it does for real."""
    return f"http://localhost:{_free_port()}"


@pytest.fixture(scope="session")
def server_env(server_workdir: Path, server_database_url: str, shop_origin: str) -> dict[str, str]:
    """The environment of the server and of the ``trustdesk`` commands run against it."""
    # Only our own settings: a TRUSTDESK_* variable from the caller's shell (another policy,
    # the OpenAI backend) must not change what the tests run against.
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRUSTDESK_")}
    env["TRUSTDESK_DATABASE_URL"] = server_database_url
    env["TRUSTDESK_KEY_FILE"] = str(server_workdir / "key")
    env["TRUSTDESK_WIDGET_ORIGINS"] = shop_origin
    return env


@pytest.fixture(scope="session")
def server_url(server_workdir: Path, server_env: dict[str, str]) -> Iterator[str]:
    """Base URL of a real ``trustdesk serve`` subprocess on 127.0.0.1."""
    workdir = server_workdir
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = server_env
    log_path = workdir / f"server-{port}.log"
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
def open_page(browser: Browser, server_url: str) -> Iterator[Callable[..., Page]]:
    """Opens pages, each in a fresh context (own cookies and sessionStorage): a customer and
    a member of staff are two people. Keyword arguments go to ``browser.new_context``.

    An uncaught JavaScript error, or anything the Content-Security-Policy blocked, on any page
    fails the test at teardown.
    """
    contexts: list[BrowserContext] = []
    errors: list[str] = []

    def blocked(tab: Page, message: ConsoleMessage) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            errors.append(f"{tab.url}: {message.text}")

    def open_one(**options: Any) -> Page:
        context = browser.new_context(base_url=server_url, **options)
        contexts.append(context)
        tab = context.new_page()
        tab.on("pageerror", lambda exc: errors.append(f"{tab.url}: {exc}"))
        tab.on("console", lambda message: blocked(tab, message))
        return tab

    try:
        yield open_one
    finally:
        for context in contexts:
            context.close()
    if errors:
        pytest.fail("uncaught JavaScript errors or CSP violations:\n" + "\n".join(errors))


@pytest.fixture
def page(open_page: Callable[..., Page]) -> Page:
    """A fresh context (own cookies and sessionStorage) and page per test."""
    return open_page()


@dataclass(frozen=True)
class StaffAccount:
    """A staff account made for a test: its console password and its API token."""

    name: str
    role: str
    display_name: str
    password: str
    token: str = field(default="", repr=False)


@pytest.fixture(scope="session")
def staff_account(server_env: dict[str, str], server_workdir: Path) -> Callable[..., StaffAccount]:
    """Creates a staff account with ``trustdesk staff add … --password-stdin`` (a fresh name
    each time: the server lives for the whole session)."""

    def add(role: str, display_name: str | None = None) -> StaffAccount:
        name = f"{role.replace('_', '-')}-{uuid.uuid4().hex[:8]}"
        account = StaffAccount(name, role, display_name or name, f"pw-{uuid.uuid4().hex}")
        command = [sys.executable, "-m", "trustdesk.cli.main", "staff", "add", name]
        command += ["--role", role, "--display-name", account.display_name, "--password-stdin"]
        done = subprocess.run(
            command,
            input=account.password + "\n",
            cwd=server_workdir,
            env=server_env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, f"staff add failed ({done.returncode}): {done.stderr}"
        # The token is printed once, on the line after this heading.
        lines = done.stdout.splitlines()
        heading = next(i for i, line in enumerate(lines) if line.startswith("API token"))
        return replace(account, token=lines[heading + 1].strip())

    return add
