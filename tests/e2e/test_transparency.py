"""The public transparency page over HTTP and ``trustdesk report transparency``
(docs/transparency.md): public, aggregate only, cached, and the same content as HTML and PDF."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import httpx
import pypdf
import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from tests.support.servers import uvicorn_thread
from trustdesk.cli.main import main
from trustdesk.composition import System, build
from trustdesk.monitor.records import MetricSource
from trustdesk.policy.loader import LoadedPolicy, bundled_policy_path, load_policy, policy_version
from trustdesk.settings import Settings
from trustdesk.web.app import create_app

EMAIL = "margot.fenwick@example.org"
NAME = "Margot Fenwick"
PHONE = "+44 20 7946 0321"
QUESTIONS = (
    f"Hi, I'm {NAME}. How long do I have to return an item?",
    f"My email is {EMAIL} and my phone is {PHONE}, where is my parcel?",
    "I want to talk to a real person please",
)


def _small_groups_policy() -> LoadedPolicy:
    """The demo policy with figures shown from 2 conversations, so that they are shown."""
    loaded = load_policy(bundled_policy_path())
    fairness = loaded.policy.fairness.model_copy(update={"min_group_size": 2})
    policy = loaded.policy.model_copy(update={"fairness": fairness})
    return LoadedPolicy(policy, loaded.source, policy_version(policy))


class _CountingLoader:
    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.calls = 0

    def load(self, since: datetime | None = None, until: datetime | None = None) -> MetricSource:
        self.calls += 1
        source: MetricSource = self.inner.load(since, until)  # type: ignore[attr-defined]
        return source


@pytest.fixture
def served(engine: Engine, settings: Settings) -> Iterator[tuple[System, httpx.Client]]:
    system = build(settings, _small_groups_policy(), engine=engine)
    try:
        with (
            uvicorn_thread(create_app(system)) as base_url,
            httpx.Client(base_url=base_url, timeout=20) as http,
        ):
            yield system, http
    finally:
        system.close()


def _converse(http: httpx.Client, question: str) -> tuple[str, str]:
    created = http.post("/api/v1/conversations", json={"channel": "web"}).json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    answer = http.post(
        f"/api/v1/conversations/{created['id']}/messages", json={"text": question}, headers=auth
    )
    assert answer.status_code == 200, answer.text
    return created["id"], created["token"]


def test_the_page_is_public_aggregate_only_and_cached(served: tuple[System, httpx.Client]) -> None:
    system, http = served
    counting = _CountingLoader(system.transparency.metrics)
    system.transparency.metrics = counting
    secrets: list[str] = []
    for question in QUESTIONS:
        secrets += _converse(http, question)

    page = http.get("/transparency")  # no credentials of any kind
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "public, max-age=300"
    body = page.text
    assert "How Alder &amp; Finch uses AI in customer support" in body
    assert system.policy.version in body
    # Figures are shown (2 is enough under this policy), each with its denominator.
    assert "3 conversations in which a customer wrote to us" in body
    assert "1 of 3 conversations" in body  # handed to a person: the customer asked
    for secret in (*secrets, EMAIL, "margot", "Fenwick", "7946", "parcel", "real person"):
        assert secret.lower() not in body.lower(), secret

    # Cached: more conversations and another request change nothing until it expires.
    _converse(http, "Do you ship to Norway?")
    again = http.get("/transparency").text
    assert again == body
    assert counting.calls == 1
    system.transparency.max_age = system.transparency.max_age * 0  # let it expire
    fresh = http.get("/transparency").text
    assert counting.calls == 2
    assert "4 conversations in which a customer wrote to us" in fresh


def test_the_page_says_no_audit_has_been_run_on_a_new_system(client: httpx.Client) -> None:
    body = client.get("/transparency").text
    assert "No audit has been run yet." in body
    # Under the demo policy (30) the few or no conversations of a new system show no figure.
    assert "fewer than 30 conversations" in body
    chat = client.get("/").text
    assert 'href="/transparency"' in chat


def test_report_transparency_writes_html_and_a_pdf_with_the_policy_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The command migrates a new database itself; its reads are the page's (tested above on
    # SQLite and PostgreSQL).
    monkeypatch.setenv("TRUSTDESK_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("TRUSTDESK_KEY_FILE", str(tmp_path / "key"))
    monkeypatch.delenv("TRUSTDESK_POLICY_FILE", raising=False)
    version = load_policy(bundled_policy_path()).version
    out = tmp_path / "public"
    result = CliRunner().invoke(
        main, ["report", "transparency", "--out", str(out), "--period-days", "7"]
    )
    assert result.exit_code == 0, result.output
    assert "transparency.html" in result.output and "the 7 days between" in result.output
    html = (out / "transparency.html").read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "<script" not in html
    assert version in html and "the 7 days between" in html
    data = (out / "transparency.pdf").read_bytes()
    assert data.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "How Alder & Finch uses AI in customer support" in text
    assert "No audit has been run yet." in text
    assert reader.metadata is not None and reader.metadata.subject == f"Policy version {version}"
    assert version[:40] in text.replace(" ", "")
