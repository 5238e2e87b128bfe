"""Webhooks end to end: a customer's turn over HTTP reaches a receiver on 127.0.0.1, and the
``trustdesk webhooks`` commands as an operator runs them, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text

from tests.conftest import PG_URL
from tests.integration.test_webhooks import SECRET, Receiver
from tests.support.servers import free_port
from trustdesk.cli.main import main
from trustdesk.composition import System
from trustdesk.events import Event
from trustdesk.settings import WEBHOOK_EVENT_TYPES
from trustdesk.store.engine import migrate
from trustdesk.store.webhook_repository import SqlWebhookStore
from trustdesk.webhooks.config import WebhookConfig
from trustdesk.webhooks.dispatcher import WebhookDispatcher
from trustdesk.webhooks.ports import DeliveryStatus, NewDelivery
from trustdesk.webhooks.signing import verify_signature


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    yield server
    server.stop()


def _delivered(store: SqlWebhookStore, count: int) -> None:
    deadline = time.monotonic() + 120  # a deadline, not a speed requirement
    while len(store.deliveries(DeliveryStatus.DELIVERED)) < count:
        assert time.monotonic() < deadline, "the deliveries were not all delivered"
        time.sleep(0.02)


def test_a_turn_answers_the_customer_while_the_receiver_hangs_then_is_delivered(
    system: System, client: httpx.Client, receiver: Receiver
) -> None:
    config = WebhookConfig(
        urls=(receiver.url,),
        secret=SECRET,
        events=frozenset(WEBHOOK_EVENT_TYPES),
        timeout_s=60.0,  # longer than the client's 10 s: a turn that waited on it would fail
        backoff_base_s=0.05,
    )
    dispatcher = WebhookDispatcher(SqlWebhookStore(system.engine), config, poll_s=0.5)
    system.events.subscribe(Event, dispatcher.on_event)
    receiver.hanging = True
    try:
        started = client.post("/api/v1/conversations", json={})
        assert started.status_code == 201
        cid, token = started.json()["id"], started.json()["token"]
        turn = client.post(
            f"/api/v1/conversations/{cid}/messages",
            json={"text": "I want to talk to a human, my email is jane.doe@example.com"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert turn.status_code == 200 and turn.json()["status"] == "handoff_requested"
        receiver.wait_for(1)  # the worker is stuck on the receiver, the customer is not
        receiver.hanging = False
        receiver.release.set()
        _delivered(SqlWebhookStore(system.engine), 2)
    finally:
        dispatcher.close()
    delivered = {r.delivery_id: r for r in receiver.received}
    types = sorted(r.headers["x-trustdesk-event"] for r in delivered.values())
    assert types == ["decision.recorded", "handoff.requested"]
    for request in delivered.values():
        assert "jane" not in request.body.decode() and json.loads(request.body)["id"]


# -- the commands ------------------------------------------------------------------------------


def _database_url(engine: Engine) -> str:
    if engine.dialect.name == "sqlite":
        return engine.url.render_as_string(hide_password=False)
    with engine.connect() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar()
    return f"{PG_URL}?options=-csearch_path%3D{schema}"


@pytest.fixture
def cli_env(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """The commands' settings point at the test's database; a fresh key file."""
    migrate(engine)
    monkeypatch.setenv("TRUSTDESK_DATABASE_URL", _database_url(engine))
    monkeypatch.setenv("TRUSTDESK_KEY_FILE", str(tmp_path / "key"))
    for name in ("WEBHOOK_URLS", "WEBHOOK_SECRET", "WEBHOOK_EVENTS"):
        monkeypatch.delenv(f"TRUSTDESK_{name}", raising=False)
    return engine


def test_webhooks_test_pings_every_url_and_reports_each(
    cli_env: Engine, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    down = f"http://127.0.0.1:{free_port()}/down?key=hunter2"
    monkeypatch.setenv("TRUSTDESK_WEBHOOK_URLS", f"{receiver.url},{down}")
    monkeypatch.setenv("TRUSTDESK_WEBHOOK_SECRET", SECRET)
    result = CliRunner().invoke(main, ["webhooks", "test"])
    assert result.exit_code == 1
    ok_line, failed_line = result.output.splitlines()
    assert ok_line.split() == ["ok", "HTTP", "200", receiver.url.split("?")[0]]
    assert failed_line.split()[:2] == ["FAILED", "ConnectError"]
    assert "hunter2" not in result.output and "team=7" not in result.output
    [ping] = receiver.received
    assert json.loads(ping.body)["type"] == "ping"
    assert verify_signature(
        SECRET,
        ping.headers["x-trustdesk-timestamp"],
        ping.body,
        ping.headers["x-trustdesk-signature"],
    )
    assert SqlWebhookStore(cli_env).deliveries() == []  # a ping is not a delivery


def test_webhooks_test_without_urls_says_what_to_set(cli_env: Engine) -> None:
    result = CliRunner().invoke(main, ["webhooks", "test"])
    assert result.exit_code == 2 and "set TRUSTDESK_WEBHOOK_URLS" in result.output


def _log_rows(engine: Engine) -> tuple[str, str]:
    """One delivered and one failed delivery in the log."""
    store = SqlWebhookStore(engine)
    now = datetime.now(UTC)
    url = "https://hooks.example.com/td?token=hunter2"
    ok, bad = "d0000000-0000-4000-8000-000000000001", "d0000000-0000-4000-8000-000000000002"
    store.add([NewDelivery(ok, "handoff.requested", url, '{"id":"ok-body"}', now)])
    store.add([NewDelivery(bad, "decision.recorded", url, '{"id":"bad-body"}', now)])
    for status in (DeliveryStatus.DELIVERED, DeliveryStatus.FAILED):
        claimed = store.claim(now, now, "c" * 32)
        assert claimed is not None
        code, error = (200, None) if status is DeliveryStatus.DELIVERED else (None, "ConnectError")
        store.finish(claimed, status, now=now, next_attempt_at=None, status_code=code, error=error)
    return ok, bad


def test_webhooks_log_lists_deliveries_without_bodies_unless_asked(cli_env: Engine) -> None:
    ok, bad = _log_rows(cli_env)
    runner = CliRunner()
    listed = runner.invoke(main, ["webhooks", "log"])
    assert listed.exit_code == 0, listed.output
    assert ok in listed.output and bad in listed.output
    assert "body" not in listed.output and "hunter2" not in listed.output
    assert "https://hooks.example.com/td" in listed.output
    assert "last=ConnectError" in listed.output and "last=HTTP 200" in listed.output
    failed = runner.invoke(main, ["webhooks", "log", "--status", "failed"])
    assert bad in failed.output and ok not in failed.output
    limited = runner.invoke(main, ["webhooks", "log", "--limit", "1"])
    assert len(limited.output.splitlines()) == 1
    shown = runner.invoke(main, ["webhooks", "log", "--show-payload"])
    assert '{"id":"ok-body"}' in shown.output and '{"id":"bad-body"}' in shown.output


def test_webhooks_retry_makes_a_failed_delivery_pending_and_refuses_others(
    cli_env: Engine,
) -> None:
    ok, bad = _log_rows(cli_env)
    runner = CliRunner()
    retried = runner.invoke(main, ["webhooks", "retry", bad])
    assert retried.exit_code == 0 and "pending again" in retried.output
    [record] = [r for r in SqlWebhookStore(cli_env).deliveries() if r.id == bad]
    assert record.status is DeliveryStatus.PENDING and record.attempts == 0
    delivered = runner.invoke(main, ["webhooks", "retry", ok])
    assert delivered.exit_code == 1 and "only a failed delivery can be retried" in delivered.output
    unknown = runner.invoke(main, ["webhooks", "retry", "d0000000-0000-4000-8000-00000000beef"])
    assert unknown.exit_code == 1 and "no webhook delivery with that id" in unknown.output
    assert "beef" not in unknown.output
    garbage = runner.invoke(main, ["webhooks", "retry", "<script>alert(1)</script>"])
    assert garbage.exit_code == 1 and "a delivery id is a UUID" in garbage.output
    assert "script" not in garbage.output
