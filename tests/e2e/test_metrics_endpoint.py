"""``GET /metrics``: the Prometheus text format, who may read it, and what it never contains."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from tests.support.database import drop_schema
from tests.support.servers import free_port, uvicorn_thread
from trustdesk.composition import System
from trustdesk.settings import Settings
from trustdesk.store.engine import make_engine
from trustdesk.web.app import create_app

PG_URL = os.environ.get("TRUSTDESK_TEST_DATABASE_URL")
SCRAPE_TOKEN = "scrape-" + "0123456789abcdef" * 3
EMAIL = "jo.bloggs@example.com"
PHONE = "+44 20 7946 0958"
FAMILIES = {
    "trustdesk_turns",
    "trustdesk_turn_duration_seconds",
    "trustdesk_guard_findings",
    "trustdesk_handoffs",
    "trustdesk_backend_errors",
    "trustdesk_limit_rejections",
    "trustdesk_conversations_started",
    "trustdesk_person_replies",
    "trustdesk_incidents_opened",
}


def families(body: str) -> dict[str, list[tuple[str, dict[str, str], float]]]:
    return {
        f.name: [(s.name, s.labels, s.value) for s in f.samples]
        for f in text_string_to_metric_families(body)
    }


def value(
    found: dict[str, list[tuple[str, dict[str, str], float]]], sample: str, **labels: str
) -> float:
    return sum(
        v
        for samples in found.values()
        for name, got, v in samples
        if name == sample and all(got.get(k) == want for k, want in labels.items())
    )


@pytest.fixture
def scraping(system: System) -> Iterator[tuple[System, httpx.Client]]:
    """The app with a scrape token set, over real HTTP."""
    system.settings = Settings(**{**system.settings.model_dump(), "metrics_token": SCRAPE_TOKEN})
    with (
        uvicorn_thread(create_app(system)) as base_url,
        httpx.Client(base_url=base_url, timeout=10) as http,
    ):
        yield system, http


def test_metrics_after_real_conversations_hold_counts_and_no_ids_or_personal_data(
    scraping: tuple[System, httpx.Client],
) -> None:
    _, http = scraping
    tokens, ids = [], []
    for question in (
        "How long do I have to return an item?",
        f"My email is {EMAIL} and my phone is {PHONE}, where is my parcel?",
        "Do you sell rocket fuel for spaceships?",
        "I want to talk to a real person please",
    ):
        created = http.post("/api/v1/conversations", json={"channel": "web"}).json()
        ids.append(created["id"])
        tokens.append(created["token"])
        auth = {"Authorization": f"Bearer {created['token']}"}
        answer = http.post(
            f"/api/v1/conversations/{created['id']}/messages", json={"text": question}, headers=auth
        )
        assert answer.status_code == 200, answer.text

    scrape = http.get("/metrics", headers={"Authorization": f"Bearer {SCRAPE_TOKEN}"})
    assert scrape.status_code == 200, scrape.text
    assert scrape.headers["content-type"].startswith("text/plain")
    body = scrape.text
    found = families(body)
    assert set(found) >= FAMILIES
    assert value(found, "trustdesk_conversations_started_total") == 4
    assert value(found, "trustdesk_turns_total") == 4
    # Every turn came over HTTP, so every one was timed, under its route.
    assert value(found, "trustdesk_turn_duration_seconds_count") == 4
    assert value(found, "trustdesk_turns_total", route="assistant") >= 1
    assert value(found, "trustdesk_guard_findings_total", guard="pii") >= 2
    assert value(found, "trustdesk_handoffs_total", reason="customer_request") == 1
    for secret in (*ids, *tokens, EMAIL, "jo.bloggs", "7946", SCRAPE_TOKEN, "rocket"):
        assert secret not in body
    for samples in found.values():
        for _, labels, _ in samples:
            for label in labels.values():
                assert len(label) <= 48 and " " not in label


def test_who_may_read_metrics(scraping: tuple[System, httpx.Client]) -> None:
    system, http = scraping
    created = http.post("/api/v1/conversations", json={}).json()
    customer = {"Authorization": f"Bearer {created['token']}"}
    assert http.get("/metrics").status_code == 401
    assert http.get("/metrics", headers=customer).status_code == 401
    wrong = {"Authorization": f"Bearer {SCRAPE_TOKEN}x"}
    assert http.get("/metrics", headers=wrong).status_code == 401
    for role, status in (("agent", 403), ("privacy_officer", 403), ("auditor", 200)):
        token = system.agents.add_staff(f"metrics-{role.replace('_', '-')}", role)
        answer = http.get("/metrics", headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == status, (role, answer.text)


def test_rate_limit_rejections_are_counted(system: System) -> None:
    system.settings = Settings(
        **{
            **system.settings.model_dump(),
            "rate_limits": True,
            "rate_limit_rps": 0.01,
            "rate_limit_burst": 2,
            "metrics_token": SCRAPE_TOKEN,
        }
    )
    with (
        uvicorn_thread(create_app(system)) as base_url,
        httpx.Client(base_url=base_url, timeout=10) as http,
    ):
        statuses = [http.post("/api/v1/conversations", json={}).status_code for _ in range(4)]
        assert statuses.count(429) == 2
        scrape = http.get("/metrics", headers={"Authorization": f"Bearer {SCRAPE_TOKEN}"})
    found = families(scrape.text)
    assert value(found, "trustdesk_limit_rejections_total", limit="requests") == 2


def test_a_body_timeout_is_counted(system: System) -> None:
    system.settings = Settings(
        **{**system.settings.model_dump(), "body_timeout_s": 0.5, "metrics_token": SCRAPE_TOKEN}
    )
    with (
        uvicorn_thread(create_app(system)) as base_url,
        httpx.Client(base_url=base_url, timeout=10) as http,
    ):
        host, port = base_url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=5) as sock:
            sock.sendall(
                b"POST /api/v1/conversations HTTP/1.1\r\nHost: test\r\n"
                b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
            )
            assert sock.recv(4096).startswith(b"HTTP/1.1 408 ")
        scrape = http.get("/metrics", headers={"Authorization": f"Bearer {SCRAPE_TOKEN}"})
    found = families(scrape.text)
    assert value(found, "trustdesk_limit_rejections_total", limit="body_timeout") == 1


# -- several workers ----------------------------------------------------------------------------


@pytest.fixture
def pg_database() -> Iterator[str]:
    assert PG_URL
    schema = f"td_metrics_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{separator}options=-csearch_path%3D{schema}"
    finally:
        drop_schema(admin, schema)
        admin.dispose()


@pytest.mark.postgresql
def test_every_worker_counts_and_any_worker_answers_the_sum(
    pg_database: str, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "TRUSTDESK_DATABASE_URL": pg_database,
        "TRUSTDESK_KEY_FILE": str(tmp_path / "trustdesk.key"),
        "TRUSTDESK_RATE_LIMITS": "off",
        "TRUSTDESK_LOG_LEVEL": "warning",
        "TRUSTDESK_METRICS_TOKEN": SCRAPE_TOKEN,
    }
    for name in ("TRUSTDESK_POLICY_FILE", "PROMETHEUS_MULTIPROC_DIR"):
        env.pop(name, None)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "server.log"
    command = [sys.executable, "-m", "trustdesk.cli.main", "serve", "--port", str(port)]
    with open(log, "ab") as out:
        server = subprocess.Popen(
            [*command, "--workers", "2"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for(base, server, log)
        turns = 12
        # New connections each time: the kernel spreads them over the workers.
        for n in range(turns):
            created = httpx.post(f"{base}/api/v1/conversations", json={}, timeout=10).json()
            answer = httpx.post(
                f"{base}/api/v1/conversations/{created['id']}/messages",
                json={"text": f"When will order number {n} arrive?"},
                headers={"Authorization": f"Bearer {created['token']}"},
                timeout=30,
            )
            assert answer.status_code == 200, answer.text
        for _ in range(6):
            scrape = httpx.get(
                f"{base}/metrics", headers={"Authorization": f"Bearer {SCRAPE_TOKEN}"}, timeout=30
            )
            assert scrape.status_code == 200, scrape.text
            found = families(scrape.text)
            assert value(found, "trustdesk_turns_total") == turns
            assert value(found, "trustdesk_conversations_started_total") == turns
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the group of the process this test started
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)


def _wait_for(base: str, server: subprocess.Popen[bytes], log: Path) -> None:
    # Each worker loads the knowledge base and the guard models on its own (about four
    # seconds of CPU on an idle machine); beside the rest of the suite on two cores a
    # three-worker start once took longer than 90 s, so the wait is generous.
    deadline = time.monotonic() + 300
    while True:
        if server.poll() is not None:
            raise AssertionError(f"trustdesk serve exited:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"trustdesk serve did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.1)


def test_the_workers_metrics_directory_is_private_or_emptied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trustdesk.web.server import metrics_directory

    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    with metrics_directory() as made:
        assert os.environ["PROMETHEUS_MULTIPROC_DIR"] == made
        assert Path(made).is_dir()
    assert not Path(made).exists()
    assert "PROMETHEUS_MULTIPROC_DIR" not in os.environ

    own = tmp_path / "prom"
    own.mkdir()
    (own / "counter_123.db").write_bytes(b"stale")
    (own / "keep.txt").write_text("not ours")
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(own))
    with metrics_directory() as used:
        assert used == str(own)
        assert sorted(p.name for p in own.iterdir()) == ["keep.txt"]
    assert own.is_dir()
